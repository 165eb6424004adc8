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
