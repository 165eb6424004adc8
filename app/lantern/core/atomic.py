"""Writing a file so that a crash leaves either the old content or the new, never half.

The text goes to a temporary file in the same folder, is synced to disk and renamed over
the target; then the folder is synced so the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from pathlib import Path


def write_text_atomic(path: Path, text: str, mode: int | None = None) -> None:
    """Replace `path` with `text` atomically; raises OSError, leaving the old file."""
    write_bytes_atomic(path, text.encode("utf-8"), mode)


def write_bytes_atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replace `path` with `data` atomically; raises OSError, leaving the old file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where folders cannot be opened."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def set_aside(path: Path) -> Path:
    """Move a damaged file out of the way as `<name>.corrupt-<time>`, never over an earlier
    copy (a second damage keeps the first one too); return where it went. Raises OSError,
    leaving the file where it was."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in range(1, 1000):
        target = path.with_name(f"{path.name}.corrupt-{stamp}" + (f"-{n}" if n > 1 else ""))
        try:
            os.link(path, target)  # fails if the name is taken: nothing is overwritten
        except FileExistsError:
            continue
        except OSError:  # no hard links here: check the name, then rename
            if target.exists():
                continue
            os.replace(path, target)
            return target
        os.unlink(path)
        return target
    raise FileExistsError(f"too many set-aside copies of {path}")
