"""A pre-built index in a shared folder is used only when every one of its files matches the
digest the kiosk config names; otherwise the kiosk builds its own, and nothing of the
shared folder is ever unpickled."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from lantern.core.content import load_library
from lantern.core.search import open_index, whoosh_store
from lantern.core.search.shared_index import SharedIndex, manifest_path
from lantern.core.search.whoosh_store import adopt_shared, index_dir_for, write_index_manifest
from lantern.core.session import Session

from tests.conftest import VALID_PACK
from tests.core.test_index_faults import _first, _plant_toc


def _build_shared(pack: Path, where: Path) -> tuple[Path, str]:
    """The index of `pack` as `lantern index` leaves it for others: folder, digest."""
    library = load_library(pack)
    open_index(library, where).close()
    folder = index_dir_for(library, where)
    return folder, write_index_manifest(library, folder)


def test_a_matching_shared_index_is_copied_and_opened_without_a_build(
        pack_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture):
    folder, digest = _build_shared(pack_copy, tmp_path / "shared")
    assert digest.startswith("sha256:") and manifest_path(folder).is_file()
    library = load_library(pack_copy)
    kiosk = tmp_path / "kiosk"
    caplog.set_level(logging.INFO)

    def no_build(*_args: object) -> None:
        raise AssertionError("the kiosk built an index of its own")

    monkeypatch.setattr(whoosh_store, "_rebuild", no_build)
    assert adopt_shared(library, kiosk, SharedIndex(folder, digest))
    mine = index_dir_for(library, kiosk)
    assert (mine.stat().st_mode & 0o777) == 0o700
    ix = open_index(library, kiosk)
    try:
        assert ix.location == mine and _first(ix, "DMN") == ("term", "default-mode-network")
    finally:
        ix.close()
    assert any("copied from the shared index" in r.getMessage() for r in caplog.records)
    # The digest can come from a file instead (replaced with each build).
    digest_file = tmp_path / "index.digest"
    digest_file.write_text(digest + "\n", encoding="ascii")
    other = tmp_path / "kiosk2"
    assert adopt_shared(library, other, SharedIndex(folder, "", digest_file))


def _fault(how: str, folder: Path, tmp_path: Path, marker: Path,
           pack_copy: Path) -> SharedIndex:
    """The shared index spoiled in one way, its TOC replaced by one that runs code."""
    library = load_library(pack_copy)
    _plant_toc(folder, marker)
    digest = write_index_manifest(library, folder)  # every file as the manifest says
    if how == "tampered-file":  # the same name, other bytes
        (toc,) = folder.glob("*.toc")
        before = toc.read_bytes()
        _plant_toc(folder, marker.with_name("other-code-ran"))
        assert [toc] == list(folder.glob("*.toc")) and toc.read_bytes() != before
    elif how == "extra-file":
        (folder / "MAIN_extra.seg").write_bytes(b"more")
    elif how == "missing-file":
        next(folder.glob("*.seg")).unlink()
    elif how == "linked-file":
        segment = next(folder.glob("*.seg"))
        copy = tmp_path / "elsewhere.seg"
        copy.write_bytes(segment.read_bytes())  # the same bytes, through a link
        segment.unlink()
        segment.symlink_to(copy)
    elif how == "no-digest":
        digest = ""
    elif how == "missing-digest-file":
        return SharedIndex(folder, "", tmp_path / "no-such.digest")
    elif how == "manifest-edited":
        path = manifest_path(folder)
        path.write_text(path.read_text(encoding="utf-8").replace('"schema"', '"schema" '),
                        encoding="utf-8")
    elif how == "other-content":
        other = load_library(VALID_PACK)  # another pack: its own fingerprint
        digest = whoosh_store.write_manifest(folder, other, whoosh_store.SCHEMA_VERSION)
    return SharedIndex(folder, digest)


@pytest.mark.parametrize("how", ["tampered-file", "extra-file", "missing-file", "linked-file",
                                 "no-digest", "missing-digest-file", "manifest-edited",
                                 "other-content"])
def test_a_shared_index_that_does_not_match_is_ignored_and_built_privately(
        pack_copy: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, how: str):
    (pack_copy / "glossary.yaml").write_text(  # its own content, unlike VALID_PACK's
        (pack_copy / "glossary.yaml").read_text(encoding="utf-8")
        + "- id: extra\n  term: Extra\n  definition: One more.\n", encoding="utf-8")
    folder, _ = _build_shared(pack_copy, tmp_path / "shared")
    marker = tmp_path / "code-ran"
    shared = _fault(how, folder, tmp_path, marker, pack_copy)
    library = load_library(pack_copy)
    kiosk = tmp_path / "kiosk"
    caplog.set_level(logging.WARNING)
    session = Session([pack_copy], kiosk, shared_index=shared)
    loaded = session.load_files()
    try:
        assert loaded.index.location == index_dir_for(library, kiosk)
        assert loaded.index.search("DMN").results[0].id == "default-mode-network"
        assert loaded.index.search("Extra").results[0].id == "extra"
    finally:
        loaded.index.close()
    assert not marker.exists() and not marker.with_name("other-code-ran").exists()
    said = [r.getMessage() for r in caplog.records if "not used" in r.getMessage()]
    assert len(said) == 1 and str(folder) in said[0], said
    assert folder.is_dir()  # the shared folder is left as it is
    assert not list((kiosk / "index").glob(".*"))  # no half-made copy left behind
