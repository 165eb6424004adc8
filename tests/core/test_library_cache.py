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
    assert second.packs == first.packs and second.references == first.references
    assert second.pages == first.pages and second.faqs == first.faqs
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


class _Payload:
    """What a planted pickle would run on loading: it creates a file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path.touch, (self.marker,))


@pytest.mark.parametrize("name", [FILE_NAME, library_cache.OLD_FILE_NAME])
def test_a_planted_pickle_in_the_cache_runs_no_code(pack: Path, tmp_path: Path, name: str):
    import pickle

    cache = tmp_path / "cache"
    expected = load_library_cached([pack], cache)
    marker = tmp_path / "code-ran"
    (cache / name).write_bytes(pickle.dumps(_Payload(marker)))
    assert not marker.exists()
    library = load_library_cached([pack], cache)
    assert not marker.exists()  # the cache is read as JSON, which cannot carry code
    assert library.articles == expected.articles


@pytest.mark.parametrize("bad", [
    '{"stamps": 1}', "[1, 2]", '{"stamps": null, "manifest": {}, "library": {}}',
])
def test_a_cache_of_the_wrong_shape_means_loading_from_the_files(pack: Path, tmp_path: Path,
                                                                 bad: str):
    cache = tmp_path / "cache"
    expected = load_library_cached([pack], cache)
    (cache / FILE_NAME).write_text(bad, encoding="utf-8")
    assert load_library_cached([pack], cache).faqs == expected.faqs


def test_a_value_of_the_wrong_type_in_the_cache_is_not_used(pack: Path, tmp_path: Path,
                                                           monkeypatch):
    import json

    cache = tmp_path / "cache"
    load_library_cached([pack], cache)
    lines = [json.loads(line) for line in
             (cache / FILE_NAME).read_text(encoding="utf-8").splitlines()]
    faqs = next(value for name, value in lines if name == "faqs")
    faqs[0][3] = 42  # the body of a question
    (cache / FILE_NAME).write_text("\n".join(json.dumps(line) for line in lines),
                                   encoding="utf-8")
    calls = _loads(monkeypatch)
    assert isinstance(load_library_cached([pack], cache).faqs[0].body, str)
    assert len(calls) == 1


def _file_calls_of_quick_read(pack: Path, cache: Path, monkeypatch) -> int:
    calls: list[object] = []
    real_stat, real_scandir = os.stat, os.scandir
    monkeypatch.setattr(os, "stat", lambda *a, **k: calls.append(a) or real_stat(*a, **k))
    monkeypatch.setattr(os, "scandir", lambda *a, **k: calls.append(a) or real_scandir(*a, **k))
    found = library_cache.read_quick([pack], cache)
    monkeypatch.undo()
    assert found is not None
    return len(calls)


def test_the_quick_check_costs_the_same_for_few_or_many_files(pack: Path, tmp_path: Path,
                                                              monkeypatch):
    load_library_cached([pack], tmp_path / "few")
    few = _file_calls_of_quick_read(pack, tmp_path / "few", monkeypatch)
    for n in range(200):
        (pack / "faq" / f"extra-{n}.md").write_text(
            f"---\nquestion: Extra {n}?\ntopics: [x]\n---\n\nYes.\n", encoding="utf-8")
    assert len(load_library_cached([pack], tmp_path / "many").faqs) > 200
    many = _file_calls_of_quick_read(pack, tmp_path / "many", monkeypatch)
    assert few == many <= 20  # a few per pack folder and top-level file, never per file


def test_an_edit_in_place_passes_the_quick_check_and_fails_the_manifest(pack: Path,
                                                                        tmp_path: Path):
    cache = tmp_path / "cache"
    load_library_cached([pack], cache)
    faq = pack / "faq" / "what-is-dmn.md"
    folder_time = (pack / "faq").stat().st_mtime_ns
    with open(faq, "a", encoding="utf-8") as out:  # written in place: the folder is as it was
        out.write("\nMore.\n")
    assert (pack / "faq").stat().st_mtime_ns == folder_time
    found = library_cache.read_quick([pack], cache)
    assert found is not None
    assert not library_cache.matches([pack], found[1])
    assert "More." in load_library_cached([pack], cache).faq("what-is-dmn").body


def test_the_cache_knows_every_field_of_the_content_model():
    """The cache writes the model field by field: a new field must be added to it too (and
    FORMAT raised), or it would come back from the cache as its default."""
    import dataclasses

    from lantern.core import model

    fields = {cls.__name__: [f.name for f in dataclasses.fields(cls)] for cls in (
        model.PackInfo, model.Section, model.Article, model.Faq, model.Term, model.Author,
        model.Reference, model.Page, model.Problem, model.Library)}
    assert fields == {
        "PackInfo": ["name", "language", "version", "license", "description",
                     "facts_checked", "addon", "translation_of"],
        "Section": ["anchor", "heading", "markdown"],
        "Article": ["slug", "title", "summary", "topics", "reviewed", "evidence", "body",
                    "path", "body_line", "aliases", "content_note", "related", "sections",
                    "language", "translates"],
        "Faq": ["slug", "question", "topics", "body", "path", "body_line", "aliases",
                "related", "language", "translates"],
        "Term": ["id", "term", "definition", "aliases", "see_also", "not_", "path", "line",
                 "language", "translates"],
        "Author": ["family", "given", "literal"],
        "Reference": ["id", "type", "title", "issued", "authors", "container_title", "volume",
                      "issue", "page", "doi", "url", "note", "path", "line"],
        "Page": ["name", "title", "body", "path", "body_line", "language"],
        "Problem": ["severity", "file", "line", "message", "hint"],
        "Library": ["packs", "roots", "articles", "faqs", "terms", "references", "pages",
                    "problems", "fingerprint", "doc_hashes",
                    "language"],  # always "" in the cache: it holds the whole library
    }


def test_a_file_name_that_is_not_utf8_is_cached_too(pack: Path, tmp_path: Path, monkeypatch):
    import sys

    if sys.platform == "darwin":
        pytest.skip("the file system insists on UTF-8 names")
    name = os.fsdecode(b"caf\xe9.md")
    try:
        (pack / "faq" / name).write_text("---\nquestion: Caf?\ntopics: [x]\n---\n\nYes.\n",
                                         encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system takes no such name")
    calls = _loads(monkeypatch)
    first = load_library_cached([pack], tmp_path / "cache")
    second = load_library_cached([pack], tmp_path / "cache")
    assert len(calls) == 1  # the second came from the cache
    assert second.problems == first.problems and second.faqs == first.faqs


@pytest.mark.parametrize("topics", [["a", 1], "ab", [["a"]], None])
def test_a_list_of_names_holding_something_else_is_not_used(pack: Path, tmp_path: Path,
                                                            monkeypatch, topics):
    import json

    cache = tmp_path / "cache"
    load_library_cached([pack], cache)
    lines = [json.loads(line) for line in
             (cache / FILE_NAME).read_text(encoding="utf-8").splitlines()]
    faqs = next(value for name, value in lines if name == "faqs")
    faqs[0][2] = topics
    (cache / FILE_NAME).write_text("\n".join(json.dumps(line) for line in lines),
                                   encoding="utf-8")
    assert library_cache.read_quick([pack], cache) is None
    assert all(isinstance(t, str) for f in load_library_cached([pack], cache).faqs
               for t in f.topics)


@pytest.mark.parametrize("damaged", [False, True])
@pytest.mark.parametrize("was_on", [True, False])
def test_the_cycle_collector_is_paused_while_the_library_is_made(
        pack: Path, tmp_path: Path, monkeypatch, damaged: bool, was_on: bool):
    """The 16 000 questions of a large pack are some 200 000 new objects: with the cycle
    collector walking them as they were made, reading the cache took twice as long. It is
    on again afterwards (a damaged cache included), unless it was off before."""
    import gc

    cache = tmp_path / "cache"
    load_library_cached([pack], cache)
    if damaged:
        text = (cache / FILE_NAME).read_text(encoding="utf-8")
        (cache / FILE_NAME).write_text(text.replace('["faqs", [[', '["faqs", [[7, '),
                                       encoding="utf-8")
    seen: list[bool] = []
    real = library_cache._faq_maker

    def watching():  # type: ignore[no-untyped-def]
        make = real()
        return lambda row: seen.append(gc.isenabled()) or make(row)

    monkeypatch.setattr(library_cache, "_faq_maker", watching)
    before = gc.isenabled()
    try:
        (gc.enable if was_on else gc.disable)()
        found = library_cache.read_quick([pack], cache)
        after = gc.isenabled()
    finally:
        (gc.enable if before else gc.disable)()
    assert (found is None) == damaged
    assert seen and not any(seen)
    assert after == was_on
