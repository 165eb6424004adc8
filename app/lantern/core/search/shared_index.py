"""A search index built once, by someone else, and shared: used only when every file of it
is what `lantern index` wrote.

Whoosh's TOC holds a pickled schema, and unpickling runs code, so an index folder anyone
else could have written is never opened (`whoosh_store.foreign_owner`). A kiosk can still be
spared building its own: `lantern index` writes a manifest beside the index folder (the
SHA-256 of every file in it, the schema and the fingerprint of the content it indexes) and
prints the manifest's own SHA-256. The kiosk config names the shared folder and that
digest (`[shared_index]` in kiosk.toml). At start the kiosk checks the manifest against the
digest, the folder's listing against the manifest, and every file's bytes as it copies
them into its own private index folder; only a complete, matching copy is kept and opened,
and nothing of the shared folder is ever opened as an index. Anything else (no digest, a
changed, extra or missing file, a manifest of other content) leaves the copy unmade, with
one log line, and the kiosk builds its own index as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lantern.core.atomic import write_text_atomic
from lantern.core.model import Library

log = logging.getLogger(__name__)

MANIFEST_SUFFIX = ".manifest.json"
MANIFEST_FORMAT = 1
#: The manifest is small (a line per file); anything bigger is not one.
MAX_MANIFEST_BYTES = 1024 * 1024
_CHUNK = 1024 * 1024
_PREFIX = "sha256:"


@dataclass(frozen=True, slots=True)
class SharedIndex:
    """A shared index folder and where its digest comes from (kiosk.toml)."""

    folder: Path
    #: `sha256:<hex>` of the manifest beside `folder`, as `lantern index` printed it.
    digest: str = ""
    #: A file holding that digest (one line), for when the digest changes with each build.
    digest_file: Path | None = None


class NotUsed(Exception):
    """Why the shared index is not used (one line for the log)."""


def manifest_path(location: Path) -> Path:
    """The manifest of the index folder `location`: a file beside it."""
    return location.with_name(location.name + MANIFEST_SUFFIX)


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write_manifest(location: Path, library: Library, schema: int) -> str:
    """Write the manifest of the index at `location` (every file's SHA-256, the schema, the
    content's fingerprint) beside it; return its digest, `sha256:<hex>`."""
    files = {entry.name: _sha256_file(entry) for entry in sorted(location.iterdir())
             if entry.is_file() and not entry.is_symlink()}
    text = json.dumps({"lantern_index_manifest": MANIFEST_FORMAT, "schema": schema,
                       "content": library.fingerprint, "files": files},
                      indent=1, sort_keys=True) + "\n"
    write_text_atomic(manifest_path(location), text, 0o644)
    return _PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()


def normal_digest(text: str) -> str:
    """`sha256:<64 hex>` from what a person pasted (with or without the prefix), or ""."""
    value = text.strip().lower().removeprefix(_PREFIX)
    if len(value) == 64 and all(c in "0123456789abcdef" for c in value):
        return _PREFIX + value
    return ""


def _read_regular(path: Path, limit: int) -> bytes:
    """The bytes of `path` if it is a regular file (not a link, pipe or device) of at most
    `limit` bytes."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise NotUsed(f"{path.name} cannot be read ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise NotUsed(f"{path.name} is not a regular file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise NotUsed(f"{path.name} is too large to be a manifest")
    return data


def _wanted_digest(shared: SharedIndex) -> str:
    if shared.digest_file is not None:
        try:
            text = _read_regular(shared.digest_file, 4096).decode("ascii", "replace")
        except NotUsed as exc:
            raise NotUsed(f"its digest file: {exc}") from None
        found = normal_digest(text.split()[0] if text.split() else "")
        if not found:
            raise NotUsed(f"its digest file {shared.digest_file} holds no sha256 digest")
        return found
    if not shared.digest:
        raise NotUsed("kiosk.toml names no digest for it")
    return shared.digest


def _manifest(shared: SharedIndex, library: Library, schema: int) -> dict[str, str]:
    """The files the shared index must hold, name → SHA-256, once the manifest matches."""
    wanted = _wanted_digest(shared)
    data = _read_regular(manifest_path(shared.folder), MAX_MANIFEST_BYTES)
    if _PREFIX + hashlib.sha256(data).hexdigest() != wanted:
        raise NotUsed("its manifest does not match the digest kiosk.toml names")
    try:
        manifest = json.loads(data)
    except (ValueError, RecursionError):
        raise NotUsed("its manifest is not a manifest") from None
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(files, dict) or not files or not all(
            isinstance(k, str) and isinstance(v, str) and "/" not in k and k not in (".", "..")
            for k, v in files.items()):
        raise NotUsed("its manifest is not a manifest")
    if manifest.get("schema") != schema or manifest.get("content") != library.fingerprint:
        raise NotUsed("it indexes other content (or another version of it)")
    return files


def _copy_checked(source: Path, target: Path, expected: str) -> None:
    """Copy `source` (a regular file, not a link) to `target`, hashing what is copied."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(source, flags)
    except OSError as exc:
        raise NotUsed(f"{source.name} cannot be read ({exc.strerror or exc})") from None
    digest = hashlib.sha256()
    with os.fdopen(fd, "rb") as handle, open(target, "xb") as out:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise NotUsed(f"{source.name} is not a regular file")
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            out.write(chunk)
    if digest.hexdigest() != expected:
        raise NotUsed(f"{source.name} is not the file its manifest names")


def copy_shared(shared: SharedIndex, library: Library, target: Path, schema: int) -> None:
    """Copy the shared index into the private folder `target` (replacing it) once every
    file matches; raises NotUsed, leaving `target` as it was, when anything does not."""
    files = _manifest(shared, library, schema)
    try:
        present = {entry.name for entry in shared.folder.iterdir()}
    except OSError as exc:
        raise NotUsed(f"its folder cannot be listed ({exc.strerror or exc})") from None
    if present - set(files):
        raise NotUsed(f"it holds {sorted(present - set(files))[0]}, which its manifest "
                      "does not list")
    if set(files) - present:
        raise NotUsed(f"{sorted(set(files) - present)[0]} is missing from it")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        for name, expected in sorted(files.items()):
            _copy_checked(shared.folder / name, staging / name, expected)
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)  # mkdtemp made it 0700: only this user's
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    with contextlib.suppress(OSError):
        os.chmod(target, 0o700)
