"""A kiosk whose config names a shared pre-built index uses a checked copy of it."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import pytest

from lantern.core import paths
from lantern.core.content import load_library
from lantern.core.search import open_index
from lantern.core.search.whoosh_store import index_dir_for, write_index_manifest

from tests.conftest import VALID_PACK
from tests.ui.test_kiosk import POLICY, make_kiosk


@pytest.mark.parametrize("tampered", [False, True])
def test_a_kiosk_copies_a_shared_index_only_when_it_matches_its_digest(
        qtbot, tmp_path: Path, caplog: pytest.LogCaptureFixture, tampered: bool):
    library = load_library(VALID_PACK)
    open_index(library, tmp_path / "shared").close()
    folder = index_dir_for(library, tmp_path / "shared")
    digest = write_index_manifest(library, folder)
    if tampered:
        (folder / "MAIN_planted.seg").write_bytes(b"not what was built")
    policy = dataclasses.replace(POLICY, shared_index_folder=str(folder),
                                 shared_index_digest=digest)
    caplog.set_level(logging.INFO)
    window, controller = make_kiosk(qtbot, tmp_path, policy)
    try:
        index = window.session.index
        assert index is not None
        assert index.location == index_dir_for(library, paths.cache_dir())
        assert index.search("DMN").results[0].id == "default-mode-network"
        said = [r.getMessage() for r in caplog.records if str(folder) in r.getMessage()]
        assert len(said) == 1
        assert ("not used" in said[0]) == tampered
        assert ("copied" in said[0]) == (not tampered)
    finally:
        controller.exit_kiosk()
