"""The loaded library kept in the cache folder, so an unchanged pack opens without parsing.

The key is every file under each content folder by path, size and modification time, with
Lantern's version: any edit, added or removed file, or upgrade misses the cache and loads
the pack again (problems included, so `lantern check` and the window say the same). The
cache is one pickle in the user's own cache folder, next to the search index; anything
wrong with it (damaged, old, unreadable, unwritable) means loading from the files.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import pickle
from collections.abc import Sequence
from pathlib import Path
from types import MappingProxyType

from lantern.core.atomic import write_bytes_atomic
from lantern.core.model import Library

from lantern import __version__

log = logging.getLogger(__name__)

FORMAT = 1
FILE_NAME = "library.pickle"


def files_key(roots: Sequence[Path]) -> str:
    """A digest of every file under `roots`: relative path, size, modification time."""
    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0".encode())
    for root in roots:
        digest.update(f"root\0{Path(root).resolve()}\0".encode())
        entries = []
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for name in files:
                path = os.path.join(folder, name)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                entries.append(f"{os.path.relpath(path, root)}\0{stat.st_size}\0"
                               f"{stat.st_mtime_ns}")
        digest.update("\n".join(sorted(entries)).encode())
    return digest.hexdigest()


def _dump(key: str, library: Library) -> bytes:
    fields = {f.name: getattr(library, f.name) for f in dataclasses.fields(Library)}
    fields["doc_hashes"] = dict(fields["doc_hashes"])
    return pickle.dumps((key, fields), protocol=pickle.HIGHEST_PROTOCOL)


def _load(data: bytes, key: str) -> Library | None:
    stored, fields = pickle.loads(data)
    if stored != key or not isinstance(fields, dict):
        return None
    fields["doc_hashes"] = MappingProxyType(dict(fields["doc_hashes"]))
    return Library(**fields)


def load_library_cached(roots: Sequence[Path], cache: Path) -> Library:
    """`load_library(roots)`, from the cache when no file under `roots` has changed."""
    roots = [Path(r) for r in roots]
    key = files_key(roots)
    path = cache / FILE_NAME
    try:
        library = _load(path.read_bytes(), key)
        if library is not None:
            return library
    except FileNotFoundError:
        pass
    except Exception as exc:  # any damage at all: the files are the truth
        log.info("library cache %s not used: %s", path, exc)
    from lantern.core.content import load_library

    library = load_library(roots)
    try:
        write_bytes_atomic(path, _dump(key, library))
    except (OSError, pickle.PicklingError) as exc:
        log.info("library cache %s not written: %s", path, exc)
    return library
