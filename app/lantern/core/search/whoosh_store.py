"""The Whoosh index's life on disk: one folder per set of content folders and schema,
opened as is, updated item by item, or rebuilt when damaged; one writer at a time (a
lock file); an index in memory when the cache cannot be used; a health report for
`lantern doctor`. The engine-specific half of the adapter with `whoosh_adapter.py`.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import os
import shutil
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from whoosh import index
from whoosh.filedb.filestore import RamStorage

from lantern.core.address import Address, Kind
from lantern.core.atomic import write_text_atomic
from lantern.core.model import Library
from lantern.core.search.documents import IndexDoc, iter_documents
from lantern.core.search.shared_index import NotUsed, SharedIndex, copy_shared, write_manifest
from lantern.core.search.whoosh_adapter import META_FILE, WhooshIndex, fields, make_schema
from lantern.core.search.whoosh_mapped import map_segments

log = logging.getLogger(__name__)
map_segments()  # the index's parts read in place, for every index opened from here

SCHEMA_VERSION = 3  # 2: a language per document, and fields of its own for Spanish;
#                    3: the glossary names written in each body (`named`), and the
#                    index words of each title and alias (`asks`)
OPTIMIZE_UP_TO = 500  # documents; see _update (merging 1 000 took 1.7 s)
Progress = Callable[[int, int], None]


def index_dir_for(library: Library, cache: Path) -> Path:
    """One index folder per set of content folders, per schema version."""
    key = b"\n".join(os.fsencode(r.resolve()) for r in library.roots)
    digest = hashlib.sha256(key).hexdigest()[:12]
    return cache / "index" / f"v{SCHEMA_VERSION}-{digest}"


def open_index(
    library: Library, cache: Path | None = None, progress: Progress | None = None
) -> WhooshIndex:
    """Open the index for `library`, building or updating it only if the content changed.

    A damaged index is rebuilt; an unwritable cache falls back to an index in memory.
    """
    if cache is None:
        return WhooshIndex(_build_in_memory(library, progress), None)
    location = index_dir_for(library, cache)
    try:
        try:
            return WhooshIndex(_open_or_update(library, location, progress), location)
        except IndexBusy:
            raise
        except Exception as exc:  # damage that shows only once segments are read
            if _is_folder_problem(exc):
                raise
            log.warning("index at %s is damaged (%s); rebuilding", location, str(exc))
            with _exclusive(location):
                return WhooshIndex(_rebuild(library, location, progress), location)
    except IndexBusy:
        log.warning("another Lantern is updating %s; searching from memory", location)
    except OSError as exc:
        log.warning("index folder %s unusable (%s); searching from memory", location, str(exc))
    return WhooshIndex(_build_in_memory(library, progress), None)


def open_previous(library: Library, cache: Path) -> WhooshIndex | None:
    """The index as the last start left it (read-only), or None when it is already current,
    of another schema, missing or damaged."""
    return _open_as_left(library, cache, current=False)


def open_current(library: Library, cache: Path) -> WhooshIndex | None:
    """The index built from exactly `library` (same fingerprint, same schema), read-only,
    or None when it was built from other content, is of another schema, missing or
    damaged. What `lantern search` opens: nothing is written, nothing compared item by
    item (the library may be its head only)."""
    if not library.fingerprint:
        return None
    return _open_as_left(library, cache, current=True)


def _open_as_left(library: Library, cache: Path, current: bool) -> WhooshIndex | None:
    location = index_dir_for(library, cache)
    meta = _meta(location)
    if meta.get("schema") != SCHEMA_VERSION or (
            meta.get("fingerprint") == library.fingerprint) != current:
        return None
    try:
        # Opened at once, not asked first whether it exists: Whoosh tells that by opening it.
        return WhooshIndex(_open_dir(location, readonly=True), location)
    except index.EmptyIndexError:  # no index there (yet)
        return None
    except Exception as exc:  # damaged: open_index() will rebuild it
        log.info("index at %s not usable as it is (%s)", location, str(exc))
        return None


# --- building --------------------------------------------------------------------------


def _meta(location: Path) -> dict[str, object]:
    try:
        data = json.loads((location / META_FILE).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_meta(location: Path, library: Library) -> None:
    data = {
        "schema": SCHEMA_VERSION,
        "fingerprint": library.fingerprint,
        "hashes": dict(library.doc_hashes),
    }
    write_text_atomic(location / META_FILE, json.dumps(data))


class IndexBusy(Exception):
    """Another Lantern process is writing this index right now."""


def lock_path(location: Path) -> Path:
    return location.with_name(location.name + ".lock")


@contextlib.contextmanager
def _exclusive(location: Path) -> Iterator[None]:
    """Hold the index's update lock, or raise IndexBusy at once if another process has it.

    Only one process builds or updates an index; readers never need the lock.
    """
    path = lock_path(location)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        try:
            import fcntl
        except ImportError:  # Windows: Whoosh's own write lock still guards the segments
            yield
            return
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexBusy(str(location)) from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


#: Errors that say the folder cannot be used (no permission, read-only, full, out of
#: quota), not that what is in it is damaged.
_FOLDER_ERRNOS = frozenset(
    getattr(errno, name) for name in ("EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT", "EFBIG")
    if hasattr(errno, name))


def _is_folder_problem(exc: BaseException) -> bool:
    # A segment file that is gone, or one whose garbled header makes a seek fail (EINVAL),
    # is damage to rebuild from; a permission error or a full disk is a folder to stop
    # using (rebuilding there would fail the same way).
    return isinstance(exc, OSError) and exc.errno in _FOLDER_ERRNOS


class ForeignSchema(Exception):
    """The index on disk holds other fields than this version of Lantern writes."""


class ForeignOwner(Exception):
    """The index folder, or a file in it, could have been written by someone else."""


def foreign_owner(location: Path) -> str:
    """Why the index at `location` may not be opened, or "" when only this user could
    have written it. Whoosh's TOC holds a pickled schema, and unpickling runs code: an
    index that another user owns, or could have changed, is never read (as ssh treats a
    key file that others can write)."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # Windows: the user's cache folder is the user's own
        return ""
    uid = getuid()
    try:
        folder = location.lstat()
        entries = [(p.name, p.lstat()) for p in location.iterdir()]
    except FileNotFoundError:
        return ""
    except OSError as exc:
        return f"cannot be checked ({exc.strerror or exc})"
    if stat.S_ISLNK(folder.st_mode):
        return "is a link"
    if folder.st_uid != uid:
        return "is owned by another user"
    if folder.st_mode & 0o022:
        return "can be written by other users"
    shared = folder.st_mode & 0o055  # others can reach what is inside
    for name, info in entries:
        if info.st_uid != uid:
            return f"holds {name}, owned by another user"
        if info.st_mode & 0o002 or (shared and info.st_mode & 0o020):
            return f"holds {name}, which other users can write"
    return ""


def write_index_manifest(library: Library, location: Path) -> str:
    """The manifest of the index at `location`, written beside it for kiosks that share it
    (see shared_index.py); returns its digest, `sha256:<hex>`."""
    return write_manifest(location, library, SCHEMA_VERSION)


def adopt_shared(library: Library, cache: Path, shared: SharedIndex) -> bool:
    """Make the shared pre-built index this user's own index of `library` (a checked copy,
    see shared_index.py), unless the private one is current already. False, after one log
    line, when the shared one cannot be used: the index is then built privately."""
    location = index_dir_for(library, cache)
    meta = _meta(location)
    if (meta.get("schema") == SCHEMA_VERSION and meta.get("fingerprint") == library.fingerprint
            and not foreign_owner(location)):
        return True
    try:
        with _exclusive(location):
            copy_shared(shared, library, location, SCHEMA_VERSION)
    except NotUsed as exc:
        log.warning("shared index %s not used: %s; building this account's own",
                    shared.folder, exc)
        return False
    except (IndexBusy, OSError) as exc:
        log.warning("shared index %s not used (%s); building this account's own",
                    shared.folder, exc)
        return False
    log.info("search index copied from the shared index %s, every file checked", shared.folder)
    return True


def _exists(location: Path) -> bool:
    """Whether an index is at `location` (Whoosh reads its TOC to tell: checked first)."""
    reason = foreign_owner(location)
    if reason:
        raise ForeignOwner(f"the index folder {reason}; it is not read")
    return bool(index.exists_in(str(location)))


def _open_dir(location: Path, readonly: bool = False) -> index.Index:
    """Open the index at `location`, refusing one whose fields are not Lantern's, or that
    someone other than this user could have written (see `foreign_owner`)."""
    reason = foreign_owner(location)
    if reason:
        raise ForeignOwner(f"the index folder {reason}; it is not read")
    ix = index.open_dir(str(location), readonly=readonly)
    schema = ix.schema  # read from the TOC at each ask: once here, not once a field
    found = {name: type(schema[name]).__name__ for name in schema.names()}
    wanted = {name: type(f).__name__ for name, f in make_schema().items()}
    if found != wanted:
        ix.close()
        raise ForeignSchema(f"fields {sorted(found)} are not those of schema {SCHEMA_VERSION}")
    return ix


def _open_or_update(library: Library, location: Path, progress: Progress | None) -> index.Index:
    meta = _meta(location)
    if (meta.get("schema") == SCHEMA_VERSION and meta.get("fingerprint") == library.fingerprint
            and _exists(location)):
        try:
            return _open_dir(location, readonly=True)
        except Exception as exc:
            if _is_folder_problem(exc):
                raise
            log.warning("index at %s is damaged (%s); rebuilding", location, str(exc))
    with _exclusive(location):
        return _update_or_rebuild(library, location, progress)


def _update_or_rebuild(
    library: Library, location: Path, progress: Progress | None
) -> index.Index:
    meta = _meta(location)  # read again: another process may have just finished
    if meta.get("schema") == SCHEMA_VERSION and _exists(location):
        try:
            ix = _open_dir(location)
            if meta.get("fingerprint") == library.fingerprint:
                return ix
            old = meta.get("hashes")
            if isinstance(old, dict):
                _update(ix, library, old, progress)
                _write_meta(location, library)
                return ix
        except index.LockError:
            # Whoosh's own write lock is held: another writer (an older Lantern, a tool) is
            # at work in this folder. Not damage: deleting it would pull it from under them.
            raise IndexBusy(str(location)) from None
        except Exception as exc:  # a damaged index raises many kinds of error
            if _is_folder_problem(exc):
                raise
            log.warning("index at %s is damaged (%s); rebuilding", location, str(exc))
    return _rebuild(library, location, progress)


def _rebuild(library: Library, location: Path, progress: Progress | None) -> index.Index:
    if location.exists():
        shutil.rmtree(location, ignore_errors=True)
    location.mkdir(parents=True, exist_ok=True)
    if foreign_owner(location):
        # Not removable (another user's folder in a shared cache): build in memory.
        raise PermissionError(errno.EACCES, f"{location} {foreign_owner(location)}")
    with contextlib.suppress(OSError):
        os.chmod(location, 0o700)  # private: nobody else may change what is unpickled
    (location / META_FILE).unlink(missing_ok=True)
    ix: index.Index | None = None
    try:
        ix = index.create_in(str(location), make_schema())
        _write_docs(ix, iter_documents(library), len(library.doc_hashes), progress)
        _write_meta(location, library)
    except BaseException:
        # Half a segment helps no one: free the space it took and leave nothing to open.
        if ix is not None:
            ix.close()
        shutil.rmtree(location, ignore_errors=True)
        raise
    return ix


def _build_in_memory(library: Library, progress: Progress | None) -> index.Index:
    ix = RamStorage().create_index(make_schema())
    _write_docs(ix, iter_documents(library), len(library.doc_hashes), progress)
    return ix


def _write_docs(
    ix: index.Index, docs: Iterator[IndexDoc], total: int, progress: Progress | None,
    delete_groups: Iterable[str] = (), optimize: bool = False,
) -> None:
    writer = ix.writer(limitmb=128)
    try:
        for group in delete_groups:
            writer.delete_by_term("group", group)
        groups_done: set[str] = set()
        for doc in docs:
            writer.add_document(**fields(doc))
            if doc.group not in groups_done:
                groups_done.add(doc.group)
                if progress:
                    progress(len(groups_done), total)
        writer.commit(optimize=optimize)
    except BaseException:
        # A commit that failed has closed the writer, and cancelling it then raises "this
        # writer is closed" in place of the real reason (a full disk, say).
        with contextlib.suppress(Exception):
            writer.cancel()
        raise


def _is_term(group: str) -> bool:
    item = Address.of_group(group)
    return item is not None and item.kind is Kind.TERM


def _update(
    ix: index.Index, library: Library, old: dict[str, object], progress: Progress | None
) -> None:
    new = dict(library.doc_hashes)
    old_terms = {k: v for k, v in old.items() if _is_term(k)}
    new_terms = {k: v for k, v in new.items() if _is_term(k)}
    if old_terms != new_terms:
        # Concepts annotate every document: a glossary change touches them all.
        changed = set(new)
        removed = set(old)
    else:
        changed = {k for k, v in new.items() if old.get(k) != v}
        removed = {k for k in old if k not in new}
    if not changed and not removed:
        return
    docs = iter_documents(library, groups=changed)
    # Each update adds a segment, and searching several segments is slower (spelling
    # suggestions above all). Small indexes are merged back into one at once; for big
    # ones a merge takes tens of seconds, so they keep the extra segment.
    optimize = ix.doc_count() <= OPTIMIZE_UP_TO
    _write_docs(ix, docs, len(changed), progress, delete_groups=sorted(changed | removed),
                optimize=optimize)


# --- diagnostics -----------------------------------------------------------------------


@dataclass(frozen=True)
class IndexHealth:
    """What `lantern doctor` reports about the index of a Library; nothing is changed."""

    location: Path
    built: bool = False
    opens: bool = False
    doc_count: int = 0
    segments: int = 0
    up_to_date: bool = False
    error: str = ""

    @property
    def healthy(self) -> bool:
        return self.built and self.opens and self.up_to_date


def index_health(library: Library, cache: Path) -> IndexHealth:
    """Open the index read-only and read a little of every segment, reporting what fails."""
    location = index_dir_for(library, cache)
    meta = _meta(location)
    up_to_date = (meta.get("schema") == SCHEMA_VERSION
                  and meta.get("fingerprint") == library.fingerprint)
    try:
        if not _exists(location):  # reads the TOC, which may be garbled
            return IndexHealth(location)
        ix = _open_dir(location, readonly=True)
        try:
            with ix.searcher() as searcher:
                reader = searcher.reader()
                segments = len(reader.leaf_readers())
                for leaf, _offset in reader.leaf_readers():
                    leaf.doc_frequency("kind", "term")  # term dictionary
                    if leaf.doc_count():
                        next(iter(leaf.all_stored_fields()), None)  # stored fields
                count = int(searcher.doc_count())
        finally:
            ix.close()
    except Exception as exc:  # any damage: reported, never raised
        return IndexHealth(location, built=True, up_to_date=up_to_date,
                           error=f"{exc.__class__.__name__}: {exc}")
    return IndexHealth(location, built=True, opens=True, doc_count=count, segments=segments,
                       up_to_date=up_to_date)
