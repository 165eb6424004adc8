"""The parsed library kept in the cache: used while nothing changed, never when it did."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from lantern.core import library_cache
from lantern.core.content import load_library
from lantern.core.library_cache import FILE_NAME, load_library_cached

from tests.conftest import VALID_PACK


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return Path(shutil.copytree(VALID_PACK, tmp_path / "pack"))


def _loads(monkeypatch) -> list[object]:
    calls: list[object] = []
    real = load_library

    def counting(roots):  # type: ignore[no-untyped-def]
        calls.append(roots)
        return real(roots)

    monkeypatch.setattr("lantern.core.content.load_library", counting)
    return calls


def test_an_unchanged_pack_is_not_parsed_again(pack: Path, tmp_path: Path, monkeypatch):
    calls = _loads(monkeypatch)
    first = load_library_cached([pack], tmp_path / "cache")
    second = load_library_cached([pack], tmp_path / "cache")
    assert len(calls) == 1
    assert second.articles == first.articles and second.terms == first.terms
    assert second.problems == first.problems and second.fingerprint == first.fingerprint
    assert dict(second.doc_hashes) == dict(first.doc_hashes)
    assert second.article("brain-networks") == first.article("brain-networks")


def test_an_edited_added_or_removed_file_is_read_again(pack: Path, tmp_path: Path,
                                                       monkeypatch):
    calls = _loads(monkeypatch)
    cache = tmp_path / "cache"
    load_library_cached([pack], cache)
    faq = pack / "faq" / "what-is-dmn.md"
    faq.write_text(faq.read_text(encoding="utf-8").replace("mind wanders", "thoughts drift"),
                   encoding="utf-8")
    stat = faq.stat()
    os.utime(faq, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert "thoughts drift" in load_library_cached([pack], cache).faq("what-is-dmn").body
    (pack / "faq" / "new.md").write_text("---\nquestion: New?\ntopics: [x]\n---\n\nYes.\n",
                                         encoding="utf-8")
    assert load_library_cached([pack], cache).faq("new") is not None
    (pack / "faq" / "new.md").unlink()
    assert load_library_cached([pack], cache).faq("new") is None
    assert len(calls) == 4


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01.", None])
def test_a_damaged_cache_means_loading_from_the_files(pack: Path, tmp_path: Path, damage):
    cache = tmp_path / "cache"
    expected = load_library_cached([pack], cache)
    if damage is None:  # a cache folder that cannot be written: a file in its place
        cache_file = tmp_path / "blocked"
        cache_file.write_text("x", encoding="utf-8")
        library = load_library_cached([pack], cache_file)
    else:
        (cache / FILE_NAME).write_bytes(damage)
        library = load_library_cached([pack], cache)
    assert library.articles == expected.articles


def test_another_lantern_version_does_not_use_the_cache(pack: Path, tmp_path: Path,
                                                        monkeypatch):
    calls = _loads(monkeypatch)
    load_library_cached([pack], tmp_path / "cache")
    monkeypatch.setattr(library_cache, "__version__", "0.0.0-other")
    load_library_cached([pack], tmp_path / "cache")
    assert len(calls) == 2


def test_the_key_covers_every_file_the_loader_reads():
    from lantern.core.library_cache import pack_files

    library = load_library(VALID_PACK)
    read = {a.path for a in library.articles} | {f.path for f in library.faqs}
    read |= {t.path for t in library.terms} | {r.path for r in library.references}
    read |= {p.path for p in library.pages} | {VALID_PACK / "pack.toml"}
    keyed = {p for p in pack_files(VALID_PACK) if p.exists()}
    assert {Path(p).resolve() for p in read} == {p.resolve() for p in keyed}


def test_an_edit_through_a_linked_folder_is_seen(tmp_path: Path, monkeypatch):
    real = Path(shutil.copytree(VALID_PACK / "faq", tmp_path / "elsewhere"))
    pack = Path(shutil.copytree(VALID_PACK, tmp_path / "pack",
                                ignore=shutil.ignore_patterns("faq")))
    (pack / "faq").symlink_to(real, target_is_directory=True)
    calls = _loads(monkeypatch)
    load_library_cached([pack], tmp_path / "cache")
    faq = real / "what-is-dmn.md"
    faq.write_text(faq.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    assert "More." in load_library_cached([pack], tmp_path / "cache").faq("what-is-dmn").body
    assert len(calls) == 2
