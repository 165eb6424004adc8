"""An index segment's parts read where they lie in the segment file's memory map, not
copied out first (Whoosh's `BufferFile` copies each part into a `BytesIO`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.filedb import compound
from whoosh.filedb.structfile import BufferFile

#: The most `_MapReader.peek` gives at once: a posting block's header is a few dozen
#: bytes, and the unpickler asks for 128 KiB.
PEEK_BYTES = 512


class _MapReader:
    """Reading as from a file, over a part of a memory-mapped segment, without copying it."""

    __slots__ = ("_at", "_view")

    def __init__(self, view: memoryview) -> None:
        self._view = view
        self._at = 0

    def seek(self, offset: int, whence: int = 0) -> int:
        base = (0, self._at, len(self._view))[whence]
        self._at = max(0, base + offset)
        return self._at

    def tell(self) -> int:
        return self._at

    def read(self, size: int | None = -1) -> bytes:
        start, length = self._at, len(self._view)
        end = length if size is None or size < 0 else min(start + size, length)
        self._at = max(start, end)
        return bytes(self._view[start:end])

    def peek(self, size: int = 0) -> bytes:
        """Bytes from where reading is, without moving on: Python's unpickler reads ahead
        with it (Whoosh keeps each posting block's header as a pickle), where without it
        it asked `read` for every part of the pickle, some twenty calls a block."""
        start = self._at
        return bytes(self._view[start:start + min(max(size, 1), PEEK_BYTES)])

    def readline(self, size: int | None = -1) -> bytes:
        length = len(self._view)
        end = length if size is None or size < 0 else min(self._at + size, length)
        at = self._at
        while at < end:
            chunk = bytes(self._view[at:min(at + 256, end)])
            newline = chunk.find(b"\n")
            if newline >= 0:
                end = at + newline + 1
                break
            at += len(chunk)
        return self.read(max(0, end - self._at))

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.readline, b"")

    def close(self) -> None:
        self._view.release()  # so that the segment's map can close


class _MappedPart(BufferFile):  # type: ignore[misc]
    """One part of a segment (postings, words, stored fields), read where it lies in the
    segment file's memory map.

    Whoosh's `BufferFile` copies the whole part into a `BytesIO` as it opens, to read it
    as a stream: at 16 423 records 57 MB copied, 30 ms, at every opening of the index, and
    the memory twice over. This one reads the map itself both ways.
    """

    def __init__(self, buf: Any, name: str | None = None, onclose: Any = None) -> None:
        super().__init__(b"", name=name, onclose=onclose)
        self._buf = buf
        self.file = _MapReader(buf if isinstance(buf, memoryview) else memoryview(buf))


def map_segments() -> None:
    """Whoosh's compound segments open their parts as `_MappedPart`s from now on (it
    opens them by the name `BufferFile` in `CompoundStorage.open_file`); twice is once."""
    compound.BufferFile = _MappedPart

