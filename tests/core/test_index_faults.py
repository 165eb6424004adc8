"""Index faults not covered in test_search.py: a foreign schema, a full disk."""

from __future__ import annotations

import errno
import gc
import json
import os
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb import filestore

from lantern.core.content import load_library
from lantern.core.search import open_index
from lantern.core.search.whoosh_adapter import META_FILE
from lantern.core.search.whoosh_store import SCHEMA_VERSION, index_dir_for, lock_path


def _first(ix, text: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    result = ix.search(text).results[0]
    return result.kind, result.id


def _assert_rebuilt_in_place(library, cache: Path, location: Path) -> None:  # type: ignore[no-untyped-def]
    """The index opens where it belongs, finds DMN's entry first and holds every document."""
    ix = open_index(library, cache)
    try:
        assert ix.location == location
        assert _first(ix, "DMN") == ("term", "default-mode-network")
        assert ix.doc_count == open_index(library).doc_count
    finally:
        ix.close()


def _foreign_index(location: Path) -> None:
    """An index written by some other version: other fields, no Lantern documents."""
    location.mkdir(parents=True, exist_ok=True)
    ix = whoosh_index.create_in(str(location), Schema(id=ID(stored=True), text=TEXT))
    writer = ix.writer()
    writer.add_document(id="old", text="written by an older Lantern")
    writer.commit()
    ix.close()


@pytest.mark.parametrize("recorded_schema", [0, SCHEMA_VERSION + 1, "one", None])
def test_index_of_another_schema_version_is_rebuilt(pack_copy: Path, tmp_path: Path,
                                                    recorded_schema: object):
    library = load_library(pack_copy)
    cache = tmp_path / "c"
    location = index_dir_for(library, cache)
    _foreign_index(location)
    (location / META_FILE).write_text(json.dumps({
        "schema": recorded_schema, "fingerprint": library.fingerprint, "hashes": {},
    }))
    _assert_rebuilt_in_place(library, cache, location)
    assert json.loads((location / META_FILE).read_text())["schema"] == SCHEMA_VERSION


def test_toc_of_another_schema_under_current_metadata_is_rebuilt(pack_copy: Path,
                                                                 tmp_path: Path):
    """The metadata says all is well, but the Whoosh TOC holds other fields."""
    library = load_library(pack_copy)
    cache = tmp_path / "c"
    open_index(library, cache).close()
    location = index_dir_for(library, cache)
    meta = (location / META_FILE).read_text()
    for path in location.iterdir():
        path.unlink()
    _foreign_index(location)
    (location / META_FILE).write_text(meta)
    ix = open_index(library, cache)
    try:
        assert _first(ix, "DMN") == ("term", "default-mode-network")
        assert ix.location == location and not ix.damaged
    finally:
        ix.close()


class _FullDisk:
    """A file that accepts `budget` bytes, then fails the way a full disk does."""

    def __init__(self, real, budget: list[int]) -> None:  # type: ignore[no-untyped-def]
        self._real = real
        self._budget = budget

    def write(self, data: bytes) -> int:
        self._budget[0] -= len(data)
        if self._budget[0] < 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        return int(self._real.write(data))

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._real, name)


# Whoosh leaves the file it was writing open when a write fails; the GC reports it.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("budget", [0, 2000, 20000])
def test_disk_full_during_a_build_searches_from_memory_and_rebuilds_next_time(
    pack_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, budget: int
):
    library = load_library(pack_copy)
    cache = tmp_path / "c"
    location = index_dir_for(library, cache)
    create_file = filestore.FileStorage.create_file
    left = [budget]

    def full_disk(self, name, *args, **kwargs):  # type: ignore[no-untyped-def]
        f = create_file(self, name, *args, **kwargs)
        f.file = _FullDisk(f.file, left)
        return f

    with monkeypatch.context() as patch:
        patch.setattr(filestore.FileStorage, "create_file", full_disk)
        ix = open_index(library, cache)
    assert left[0] < 0, "the simulated disk never filled up"
    gc.collect()  # let Whoosh's leaked handle be reported inside this test
    try:
        assert ix.location is None  # searching from memory
        assert _first(ix, "DMN") == ("term", "default-mode-network")
    finally:
        ix.close()
    # The half-written index is never used: the next start (disk freed) builds it again.
    assert not (location / META_FILE).exists()
    assert not lock_path(location).exists() or _lock_is_free(lock_path(location))
    _assert_rebuilt_in_place(library, cache, location)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_disk_full_during_an_update_keeps_the_previous_index(
    pack_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    cache = tmp_path / "c"
    open_index(load_library(pack_copy), cache).close()
    faq = pack_copy / "faq" / "what-is-dmn.md"
    faq.write_text(faq.read_text() + "\nNamed by Raichle.\n")
    changed = load_library(pack_copy)
    create_file = filestore.FileStorage.create_file

    def full_disk(self, name, *args, **kwargs):  # type: ignore[no-untyped-def]
        f = create_file(self, name, *args, **kwargs)
        f.file = _FullDisk(f.file, [0])
        return f

    with monkeypatch.context() as patch:
        patch.setattr(filestore.FileStorage, "create_file", full_disk)
        ix = open_index(changed, cache)
    assert ix.location is None and _first(ix, "Raichle") == ("faq", "what-is-dmn")
    ix.close()
    gc.collect()
    ix = open_index(changed, cache)
    try:
        assert ix.location is not None and _first(ix, "Raichle") == ("faq", "what-is-dmn")
        assert ix.doc_count == open_index(changed).doc_count
    finally:
        ix.close()


def _lock_is_free(path: Path) -> bool:
    import fcntl

    with open(path, "a+b") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return True


@pytest.mark.parametrize("pattern", ["*.seg", "_MAIN_*.toc", "*"])
def test_deleted_index_files_are_rebuilt(pack_copy: Path, tmp_path: Path, pattern: str):
    library = load_library(pack_copy)
    cache = tmp_path / "c"
    open_index(library, cache).close()
    location = index_dir_for(library, cache)
    for path in location.glob(pattern):
        path.unlink()
    ix = open_index(library, cache)
    try:
        assert ix.location == location
        assert _first(ix, "DMN") == ("term", "default-mode-network")
    finally:
        ix.close()
    gc.collect()


def _disk_full_at_commit(patch: pytest.MonkeyPatch, budget: int = 2000) -> None:
    """Every index file Whoosh writes fills the disk after `budget` bytes: documents are
    pooled in memory, so a build or update fails in its commit, each time it is tried (as
    a disk does once the failed attempt's files are deleted)."""
    create_file = filestore.FileStorage.create_file

    def full_disk(self, name, *args, **kwargs):  # type: ignore[no-untyped-def]
        f = create_file(self, name, *args, **kwargs)
        f.file = _FullDisk(f.file, [budget])
        return f

    patch.setattr(filestore.FileStorage, "create_file", full_disk)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_disk_full_in_the_commit_of_a_build_searches_from_memory(
    pack_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    library = load_library(pack_copy)
    cache = tmp_path / "c"
    location = index_dir_for(library, cache)
    with monkeypatch.context() as patch:
        _disk_full_at_commit(patch)
        ix = open_index(library, cache)
    gc.collect()
    try:
        assert ix.location is None
        assert _first(ix, "DMN") == ("term", "default-mode-network")
    finally:
        ix.close()
    # Nothing half-written is left to trip on, and the next start builds it in place.
    assert not location.exists() or not any(location.iterdir()), list(location.iterdir())
    _assert_rebuilt_in_place(library, cache, location)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_disk_full_in_the_commit_of_an_update_keeps_the_previous_index(
    pack_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    cache = tmp_path / "c"
    library = load_library(pack_copy)
    open_index(library, cache).close()
    location = index_dir_for(library, cache)
    faq = pack_copy / "faq" / "what-is-dmn.md"
    faq.write_text(faq.read_text() + "\nNamed by Raichle.\n")
    changed = load_library(pack_copy)
    with monkeypatch.context() as patch:
        _disk_full_at_commit(patch)
        ix = open_index(changed, cache)
    gc.collect()
    assert ix.location is None and _first(ix, "Raichle") == ("faq", "what-is-dmn")
    ix.close()
    # The previous index is still there and opens: it is what the window searches while
    # the update is tried again.
    previous = whoosh_index.open_dir(str(location), readonly=True)
    assert previous.doc_count() == open_index(library).doc_count
    previous.close()


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_garbled_segment_header_is_rebuilt_in_place(pack_copy: Path, tmp_path: Path):
    """Random bytes where the compound file keeps its offsets make a seek fail with EINVAL:
    damage to rebuild from, not a folder to give up on."""
    import random

    library = load_library(pack_copy)
    cache = tmp_path / "c"
    open_index(library, cache).close()
    location = index_dir_for(library, cache)
    segment = next(location.glob("*.seg"))
    data = bytearray(segment.read_bytes())
    data[:16] = random.Random(0).randbytes(16)
    segment.write_bytes(bytes(data))
    _assert_rebuilt_in_place(library, cache, location)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_doctor_reports_a_garbled_toc(pack_copy: Path, tmp_path: Path):
    from lantern.core.search.whoosh_store import index_health

    library = load_library(pack_copy)
    cache = tmp_path / "c"
    open_index(library, cache).close()
    location = index_dir_for(library, cache)
    for toc in location.glob("*.toc"):
        toc.write_bytes(b"\x80\x04garbage" * 40)
    health = index_health(library, cache)
    assert health.built and not health.opens and health.error


class _Planted:
    """A schema field whose unpickling creates a file: what a planted TOC would run."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path.touch, (self.marker,))

    def clean(self) -> None:  # Whoosh tidies every field before it writes the TOC
        pass


def _plant_toc(location: Path, marker: Path) -> None:
    """Replace the index's TOC with one whose pickled schema runs code when read."""
    from lantern.core.search.whoosh_adapter import make_schema

    schema = make_schema()
    schema._fields["planted"] = _Planted(marker)  # type: ignore[attr-defined]
    for toc in location.glob("*.toc"):
        toc.unlink()
    from whoosh.filedb.filestore import FileStorage

    storage = FileStorage(str(location))
    from whoosh.index import TOC

    TOC(schema, [], 0).write(storage, "MAIN")


@pytest.mark.parametrize("how", ["folder-writable-by-others", "file-writable-by-others",
                                 "file-of-another-user"])
def test_an_index_others_could_write_is_never_read_and_is_rebuilt(
    pack_copy: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, how: str
):
    library = load_library(pack_copy)
    cache = tmp_path / "c"
    open_index(library, cache).close()
    location = index_dir_for(library, cache)
    marker = tmp_path / "code-ran"
    _plant_toc(location, marker)
    (toc,) = location.glob("*.toc")
    if how == "folder-writable-by-others":
        location.chmod(0o777)
    elif how == "file-writable-by-others":
        toc.chmod(0o666)
    else:
        if os.getuid() != 0:
            pytest.skip("only root can give a file to another user")
        os.chown(toc, 65534, 65534)
    caplog.set_level("WARNING")
    ix = open_index(library, cache)
    try:
        assert _first(ix, "DMN") == ("term", "default-mode-network")
    finally:
        ix.close()
    from lantern.core.search import open_previous_index
    from lantern.core.search.whoosh_store import index_health

    assert open_previous_index(library, cache) is None
    index_health(library, cache)
    assert not marker.exists()
    assert len([r for r in caplog.records if "not read" in r.getMessage()]) == 1
    assert (location.stat().st_mode & 0o777) == 0o700  # rebuilt privately
    _assert_rebuilt_in_place(library, cache, location)


def test_a_live_whoosh_write_lock_is_not_damage(pack_copy: Path, tmp_path: Path):
    """Another writer holds Whoosh's own lock (an older Lantern, a tool): the folder is left
    to it, and this start searches from memory."""
    library = load_library(pack_copy)
    cache = tmp_path / "c"
    open_index(library, cache).close()
    location = index_dir_for(library, cache)
    other = whoosh_index.open_dir(str(location))
    writer = other.writer()
    try:
        faq = pack_copy / "faq" / "what-is-dmn.md"
        faq.write_text(faq.read_text() + "\nNamed by Raichle.\n")
        changed = load_library(pack_copy)
        ix = open_index(changed, cache)
        try:
            assert ix.location is None and _first(ix, "Raichle") == ("faq", "what-is-dmn")
        finally:
            ix.close()
        segments = sorted(p.name for p in location.glob("*.seg"))
        assert segments, "the other writer's index was deleted"
    finally:
        writer.cancel()
        other.close()
