"""An index on disk is read where it lies in its memory map, never copied whole."""

from __future__ import annotations

import io
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lantern.core.content import load_library
from lantern.core.search import open_index
from lantern.core.search.whoosh_mapped import _MapReader

from tests.conftest import BUNDLED_PACK


def test_opening_and_searching_an_index_copies_none_of_its_segments(tmp_path: Path):
    library = load_library(BUNDLED_PACK)
    cache = tmp_path / "cache"
    open_index(library, cache).close()
    segments = sum(path.stat().st_size for path in cache.rglob("*.seg"))
    tracemalloc.start()
    try:
        index = open_index(library, cache)
        assert index.search("ketamine").results
        assert index.search("default mode network").results
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    index.close()
    # Whoosh's own parts copy the postings, the words and the stored fields as they open:
    # more than the segments' whole size (1.66 times, for the bundled pack).
    assert peak < segments


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")
def test_closing_the_index_unmaps_its_segments(tmp_path: Path):
    library = load_library(BUNDLED_PACK)
    index = open_index(library, tmp_path / "cache")
    assert index.search("ketamine").results

    def mapped() -> list[str]:
        return [line for line in Path("/proc/self/maps").read_text().splitlines()
                if line.endswith(".seg") and str(tmp_path) in line]

    assert mapped()
    index.close()
    assert not mapped()


_SEEK = st.tuples(st.just("seek"), st.integers(-40, 300), st.sampled_from([0, 1, 2]))
_READ = st.tuples(st.sampled_from(["read", "readline"]), st.integers(-1, 120))
_TELL = st.tuples(st.just("tell"))


@given(data=st.binary(max_size=400).map(lambda b: b.replace(b"\x00", b"\n")),
       steps=st.lists(st.one_of(_SEEK, _READ, _TELL), max_size=30))
def test_reading_the_map_is_reading_a_file(data: bytes, steps: list[tuple[object, ...]]):
    """Whatever Whoosh asks of a part (seek, tell, read, readline), the map answers as a
    file holding the same bytes would."""
    mapped = _MapReader(memoryview(data))
    copied = io.BytesIO(data)
    for name, *args in steps:
        if name == "seek" and args[1] == 0 and args[0] < 0:  # negative from the start
            args[0] = 0  # a file refuses it; Whoosh never asks
        assert getattr(mapped, str(name))(*args) == getattr(copied, str(name))(*args), steps
    mapped.seek(0)
    copied.seek(0)
    assert list(mapped) == list(copied)


def test_a_pickle_in_the_map_is_read_ahead_not_asked_for_piece_by_piece(monkeypatch):
    """Whoosh keeps each posting block's header as a pickle and loads it from the part as a
    file: with `peek` the unpickler reads ahead, where it asked `read` for every piece (a
    score of calls for each block of every word searched)."""
    import pickle

    header = (128, 5031, 2.5, 3, 7, 12, b"\x00\x01", None, "x" * 40)
    later = {"next": [1, 2, 3]}
    data = pickle.dumps(header, 2) + pickle.dumps(later, 2) + b"rest"
    reads: list[int] = []
    real = _MapReader.read
    monkeypatch.setattr(_MapReader, "read",
                        lambda self, size=-1: reads.append(size) or real(self, size))
    reader = _MapReader(memoryview(data))
    assert pickle.load(reader) == header
    assert reader.tell() == len(pickle.dumps(header, 2))  # just past it, as without peek
    assert pickle.load(reader) == later
    assert reader.read() == b"rest"
    assert len(reads) <= 3  # one to move past each pickle, one for the rest
