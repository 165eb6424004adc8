"""Building a large search index in a process of its own, so the window never waits on it.

Whoosh builds in pure Python and sorts its postings in long single calls: in a thread of
the window's process, the interpreter lock it holds froze the window for seconds at a time
(up to 19 s on the first run of a 16 000-question pack). A separate process has its own
interpreter. The child reads the library from the library cache (which the parent has
just written; without it, it parses the packs), builds or updates the index in the cache
folder, and reports progress; the parent then opens that index, which is current and so
quick. Anything wrong in the child only means the parent builds in its own thread, as
for a small pack.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: From how many documents the index is built in a separate process (below that, the
#: few hundred milliseconds of starting one cost more than the build's pauses).
PROCESS_FROM = 2000

#: What starting the child imports lazily: imported in the window's thread beforehand
#: (see lantern.ui.platform.workers), as every module a background job needs.
PRELOAD_MODULES = (
    "multiprocessing.context", "multiprocessing.process", "multiprocessing.queues",
    "multiprocessing.synchronize", "multiprocessing.spawn", "multiprocessing.util",
    "multiprocessing.connection", "multiprocessing.reduction", "multiprocessing.popen_spawn_posix",
    "multiprocessing.popen_spawn_win32", "multiprocessing.resource_tracker", "queue",
)

Progress = Callable[[int, int], None]


def _child(roots: list[str], cache: str, messages: Any) -> None:
    """The child process: build the index, say how far it got, say how it ended."""
    try:
        from lantern.core.library_cache import load_library_cached
        from lantern.core.search import open_index

        shown = [-1]

        def progress(done: int, total: int) -> None:
            percent = done * 100 // max(total, 1)
            if percent != shown[0]:  # a hundred messages at most, not one per document
                shown[0] = percent
                messages.put(("progress", done, total))

        library = load_library_cached([Path(r) for r in roots], Path(cache))
        index = open_index(library, Path(cache), progress)
        built = index.location is not None
        index.close()
        messages.put(("done", built, ""))
    except Exception as exc:  # said to the parent, which builds in its own thread then
        messages.put(("done", False, f"{exc.__class__.__name__}: {exc}"))


def build_in_process(roots: Sequence[Path], cache: Path, progress: Progress | None = None,
                     timeout_s: float = 3600.0) -> bool:
    """Build or update the index of the packs at `roots` in `cache`, in a child process.
    True when the child left a current index on disk; False otherwise (then the caller
    builds in its own process)."""
    context = multiprocessing.get_context("spawn")
    messages = context.Queue()
    child = context.Process(target=_child, name="lantern-index", daemon=True,
                            args=([str(r) for r in roots], str(cache), messages))
    try:
        child.start()
    except (OSError, RuntimeError) as exc:
        log.info("index not built in a separate process: %s", exc)
        return False
    waited = 0.0
    try:
        while waited < timeout_s:
            try:
                message = messages.get(timeout=0.25)
            except queue.Empty:
                waited += 0.25
                if not child.is_alive():
                    log.warning("the indexing process ended early (exit code %s)",
                                child.exitcode)
                    return False
                continue
            if message[0] == "progress" and progress is not None:
                progress(message[1], message[2])
            elif message[0] == "done":
                if message[2]:
                    log.warning("the indexing process failed: %s", message[2])
                return bool(message[1])
        log.warning("the indexing process took longer than %.0f s", timeout_s)
        return False
    finally:
        child.join(5)
        if child.is_alive():
            child.kill()
            child.join(5)
        messages.close()
