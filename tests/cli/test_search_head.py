"""`lantern search` reads only the head of the library cache when the index is current, and
the whole library whenever that would not give the same answer."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lantern.core import library_cache
from lantern.core.command_search import CommandSearch
from lantern.core.library_cache import load_and_cache, read_head, read_quick
from lantern.core.search import open_index

from lantern.cli import main


def _cache() -> Path:
    return Path(os.environ["LANTERN_CACHE_DIR"])


def _search(capsys: pytest.CaptureFixture[str], pack: Path, *query: str) -> dict:
    assert main(["search", "--content", str(pack), "--json", *query]) == 0
    return json.loads(capsys.readouterr().out)


def _indexed(capsys: pytest.CaptureFixture[str], pack: Path) -> None:
    assert main(["index", str(pack)]) == 0
    capsys.readouterr()


def _no_whole_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        pytest.fail("the whole library was read")

    monkeypatch.setattr(library_cache, "read_quick", refuse)
    monkeypatch.setattr(library_cache, "load_and_cache", refuse)


def test_the_head_holds_what_a_search_needs_and_not_the_texts(pack_copy: Path):
    load_and_cache([pack_copy], _cache())
    whole, files = read_quick([pack_copy], _cache()) or pytest.fail("no cache")
    head, head_files = read_head([pack_copy], _cache()) or pytest.fail("no head")
    assert head_files == files
    assert head.fingerprint == whole.fingerprint and head.packs == whole.packs
    assert head.terms == whole.terms and head.pages == whole.pages
    assert whole.faqs and whole.articles
    assert head.faqs == head.articles == () and not head.doc_hashes


def test_a_search_on_a_current_index_reads_only_the_head(capsys, pack_copy: Path,
                                                         monkeypatch: pytest.MonkeyPatch):
    _indexed(capsys, pack_copy)
    expected = _search(capsys, pack_copy, "default mode network")
    _no_whole_read(monkeypatch)
    found = _search(capsys, pack_copy, "default mode network")
    assert found["results"] and found["results"] == expected["results"]
    assert found["counts"] == expected["counts"]


def test_a_search_that_finds_nothing_still_offers_questions(capsys, pack_copy: Path):
    _indexed(capsys, pack_copy)
    found = _search(capsys, pack_copy, "xqzzyvwk")
    assert found["results"] == [] and found["useful"]


def test_a_file_edited_in_place_is_searched_as_it_is_now(capsys, pack_copy: Path):
    _indexed(capsys, pack_copy)
    faq = pack_copy / "faq" / "what-is-dmn.md"
    folder_time = (pack_copy / "faq").stat().st_mtime_ns
    with open(faq, "a", encoding="utf-8") as out:  # in place: the folder's time stays
        out.write("\nThe word zanzibarian is only here.\n")
    assert (pack_copy / "faq").stat().st_mtime_ns == folder_time
    found = _search(capsys, pack_copy, "zanzibarian")
    assert [r["id"] for r in found["results"]] == ["what-is-dmn"]


def test_an_index_behind_the_cache_is_brought_up_to_date_from_the_whole_library(
        capsys, pack_copy: Path):
    _indexed(capsys, pack_copy)
    before = open_index(load_and_cache([pack_copy], _cache()), _cache())
    count = before.doc_count
    before.close()
    faq = pack_copy / "faq" / "what-is-dmn.md"
    faq.write_text(faq.read_text(encoding="utf-8") + "\nA zanzibarian word.\n",
                   encoding="utf-8")
    load_and_cache([pack_copy], _cache())  # the cache is current, the index is not
    search = CommandSearch([pack_copy], _cache())
    try:
        assert not search.head
        assert [r.id for r in search.search("zanzibarian").results] == ["what-is-dmn"]
        assert search.index.doc_count == count  # nothing lost
    finally:
        search.close()


SEARCH_PROCESS = """
import gc, sys
from lantern.cli import main
code = main(["search", "--content", sys.argv[1], "--json", "default mode network"])
import hashlib
print(code, sys.modules.get("_hashlib"), gc.isenabled(), hashlib.sha256(b"lantern").hexdigest())
"""


def test_a_search_process_digests_without_openssl_and_collects_again(pack_copy: Path):
    """`lantern search` loads no libcrypto (2 ms of a search) and pauses the cycle collector
    only while it opens: a long `--stdin` session collects as usual."""
    import hashlib
    import subprocess
    import sys

    from tests.conftest import ROOT

    done = subprocess.run(
        [sys.executable, "-c", SEARCH_PROCESS, str(pack_copy)], capture_output=True,
        text=True, timeout=120, check=False,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "app")))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].split() == [
        "0", "None", "True", hashlib.sha256(b"lantern").hexdigest()]
