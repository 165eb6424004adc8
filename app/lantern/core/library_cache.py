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
from lantern.core.references import reference_files

from lantern import __version__

log = logging.getLogger(__name__)

FORMAT = 2  # 2: a pack records when its facts were checked (PackInfo.facts_checked)
FILE_NAME = "library.pickle"


#: What the loader reads in a content folder (lantern.core.content; a test keeps them equal).
PACK_FILES = ("pack.toml", "glossary.yaml")  # and the reference files
PACK_FOLDERS = ("articles", "faq", "pages")  # their *.md files


def pack_files(root: Path) -> list[Path]:
    files = [root / name for name in PACK_FILES] + reference_files(root)
    for folder in PACK_FOLDERS:
        files += sorted((root / folder).glob("*.md"))
    return files


def files_key(roots: Sequence[Path]) -> str:
    """A digest of every file the loader reads under `roots`: path, size, modification time
    (of the file a link points to, as the loader reads it), or its absence."""
    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0".encode())
    for root in roots:
        root = Path(root)
        digest.update(b"root\0" + os.fsencode(root.resolve()) + b"\0")
        for path in pack_files(root):
            try:
                stat = os.stat(path)
                state = f"{stat.st_size}\0{stat.st_mtime_ns}"
            except OSError:
                state = "-"
            digest.update(os.fsencode(path.relative_to(root)) + f"\0{state}\n".encode())
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


def read_cached(roots: Sequence[Path], cache: Path) -> Library | None:
    """The library of `roots` from the cache, or None if any file under them has changed
    (or the cache is missing or damaged). Parses nothing."""
    path = cache / FILE_NAME
    try:
        return _load(path.read_bytes(), files_key([Path(r) for r in roots]))
    except FileNotFoundError:
        return None
    except Exception as exc:  # any damage at all: the files are the truth
        log.info("library cache %s not used: %s", path, exc)
        return None


def load_and_cache(roots: Sequence[Path], cache: Path) -> Library:
    """`load_library(roots)`, kept in the cache for the next start."""
    from lantern.core.content import load_library

    roots = [Path(r) for r in roots]
    key = files_key(roots)  # before reading: a file changed meanwhile misses next time
    library = load_library(roots)
    try:
        write_bytes_atomic(cache / FILE_NAME, _dump(key, library))
    except (OSError, pickle.PicklingError) as exc:
        log.info("library cache %s not written: %s", cache / FILE_NAME, exc)
    return library


def load_library_cached(roots: Sequence[Path], cache: Path) -> Library:
    """`load_library(roots)`, from the cache when no file under `roots` has changed."""
    return read_cached(roots, cache) or load_and_cache(roots, cache)
