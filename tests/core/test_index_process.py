"""A large pack's index is built in a process of its own, so the window's interpreter is free."""

from __future__ import annotations

import os
from pathlib import Path

from lantern.core import index_process
from lantern.core.search import whoosh_store
from lantern.core.session import Session


def test_a_large_pack_is_indexed_in_another_process(pack_copy: Path, tmp_path: Path,
                                                   monkeypatch) -> None:
    monkeypatch.setattr(index_process, "PROCESS_FROM", 0)  # the test pack counts as large
    built: list[bool] = []
    real = index_process.build_in_process
    monkeypatch.setattr(index_process, "build_in_process",
                        lambda *a, **k: built.append(real(*a, **k)) or built[-1])
    rebuilt_here: list[int] = []
    real_rebuild = whoosh_store._rebuild
    monkeypatch.setattr(whoosh_store, "_rebuild",
                        lambda *a, **k: rebuilt_here.append(os.getpid()) or real_rebuild(*a, **k))
    steps: list[tuple[int, int]] = []
    loaded = Session([pack_copy], tmp_path / "cache").load_files(
        lambda done, total: steps.append((done, total)))
    assert built == [True]  # the child left a current index in the cache folder
    assert not rebuilt_here  # and this process did not build one again
    assert steps and steps[-1][0] == steps[-1][1]  # its progress came through
    assert [r.id for r in loaded.index.search("default mode network").results]
    loaded.index.close()


def test_a_child_that_fails_means_building_here(pack_copy: Path, tmp_path: Path,
                                               monkeypatch) -> None:
    monkeypatch.setattr(index_process, "PROCESS_FROM", 0)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x", encoding="utf-8")  # the child cannot write an index there
    assert index_process.build_in_process([pack_copy], blocked) is False
    loaded = Session([pack_copy], tmp_path / "cache").load_files()
    assert loaded.index.doc_count > 0
    loaded.index.close()


def test_the_first_run_of_a_large_pack_is_parsed_in_the_other_process_too(
        pack_copy: Path, tmp_path: Path, monkeypatch) -> None:
    import pytest

    from lantern.core import content

    monkeypatch.setattr(index_process, "PROCESS_FROM", 0)
    monkeypatch.setattr(content, "load_library",
                        lambda *_a: pytest.fail("the pack was parsed in the window's process"))
    loaded = Session([pack_copy], tmp_path / "cache").load_files()
    try:
        assert not loaded.outdated and loaded.library.faqs
        assert [r.id for r in loaded.index.search("default mode network").results]
    finally:
        loaded.index.close()


def test_a_large_pack_with_an_index_already_is_parsed_here_and_its_index_searched_meanwhile(
        pack_copy: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(index_process, "PROCESS_FROM", 0)
    cache = tmp_path / "cache"
    Session([pack_copy], cache).load_files().index.close()
    faq = pack_copy / "faq" / "what-is-dmn.md"
    faq.write_text(faq.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    children: list[object] = []
    real = index_process.build_in_process
    monkeypatch.setattr(index_process, "build_in_process",
                        lambda *a, **k: children.append(a) or real(*a, **k))
    loaded = Session([pack_copy], cache).load_files()
    try:
        assert loaded.outdated and not children  # the previous index, updated afterwards
        found = loaded.library.faq("what-is-dmn")
        assert found is not None and "One more line." in found.body
    finally:
        loaded.index.close()
