from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lantern.core.bookmarks import Bookmark, BookmarkStore, default_path, page_address


def test_round_trip_and_default_place(tmp_path: Path):
    assert default_path().parent == Path(os.environ["LANTERN_CONFIG_DIR"])
    store = BookmarkStore(tmp_path / "deep" / "bookmarks.json")
    assert store.load() == ([], "")
    marks = [Bookmark("lantern:article/a", "Ä title"), Bookmark("lantern:faq/b", "Why?")]
    assert store.save(marks) == ""
    assert store.load() == (marks, "")
    assert [p.name for p in store.path.parent.iterdir()] == ["bookmarks.json"]  # no temp left


@pytest.mark.parametrize("text", ["{not json", '{"bookmarks": 3}', '[1, 2]',
                                  '{"bookmarks": [{"title": "no address"}]}', "\udcff"])
def test_damaged_file_is_set_aside_with_a_message(tmp_path: Path, text: str):
    path = tmp_path / "bookmarks.json"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    bookmarks, message = BookmarkStore(path).load()
    assert bookmarks == []
    assert "bookmarks.json.corrupt-" in message
    assert not path.exists()
    (kept,) = tmp_path.glob("bookmarks.json.corrupt-*")
    assert kept.read_bytes() == text.encode("utf-8", "surrogateescape")


def test_failed_save_keeps_the_old_file_and_says_why(tmp_path: Path, monkeypatch):
    store = BookmarkStore(tmp_path / "bookmarks.json")
    store.save([Bookmark("lantern:article/a", "A")])

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    message = store.save([Bookmark("lantern:article/b", "B")])
    assert "could not be saved" in message and "No space" in message
    monkeypatch.undo()
    assert store.load() == ([Bookmark("lantern:article/a", "A")], "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bookmarks.json"]
    assert json.loads(store.path.read_text())["version"] == 1


def test_page_address_drops_the_section():
    assert page_address("lantern:article/x#y") == "lantern:article/x"


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_bookmarks_file_is_readable_by_its_owner_only(tmp_path: Path):
    store = BookmarkStore(tmp_path / "bookmarks.json")
    assert store.save([Bookmark("lantern:faq/x", "X")]) == ""
    assert (tmp_path / "bookmarks.json").stat().st_mode & 0o777 == 0o600


def test_every_set_aside_copy_is_kept(tmp_path: Path):
    path = tmp_path / "bookmarks.json"
    for n in range(3):  # within the same second: the names must still differ
        path.write_text(f"{{damaged {n}")
        BookmarkStore(path).load()
    kept = sorted(p.read_text() for p in tmp_path.glob("bookmarks.json.corrupt-*"))
    assert kept == ["{damaged 0", "{damaged 1", "{damaged 2"]


def test_json_nested_past_the_parser_depth_is_set_aside(tmp_path: Path):
    path = tmp_path / "bookmarks.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    bookmarks, message = BookmarkStore(path).load()
    assert bookmarks == [] and "corrupt-" in message
    (kept,) = tmp_path.glob("bookmarks.json.corrupt-*")
    assert kept.stat().st_size == 200_000


@pytest.mark.parametrize("error", [13, 5])  # EACCES, EIO
def test_a_file_that_cannot_be_read_is_never_written_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: int
):
    store = BookmarkStore(tmp_path / "bookmarks.json")
    saved = [Bookmark(f"lantern:article/a{n}", f"A{n}") for n in range(40)]
    store.save(saved)
    original = store.path.read_bytes()
    real_open = Path.open

    def failing(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self == store.path:
            raise OSError(error, os.strerror(error))
        return real_open(self, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(Path, "open", failing)
        bookmarks, message = store.load()
    assert bookmarks == [] and "could not be read" in message
    message = store.save([Bookmark("lantern:article/new", "New")])  # the next Ctrl+D
    assert "could not be saved" in message
    assert store.path.read_bytes() == original
    assert store.load() == (saved, "")  # readable again: everything is there


def test_bookmark_messages_are_in_the_language_being_spoken(tmp_path: Path, monkeypatch):
    from lantern.core.messages import speaking

    path = tmp_path / "bookmarks.json"
    path.write_text("{not json", encoding="utf-8")
    with speaking("es"):
        _, message = BookmarkStore(path).load()
        assert message.startswith("Su archivo de marcadores estaba dañado. Se guardó como "
                                  "bookmarks.json.corrupt-")
        monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(28, "full")))
        said = BookmarkStore(path).save([Bookmark("lantern:article/a", "A")])
    assert said == "No se pudieron guardar sus marcadores (full)."
