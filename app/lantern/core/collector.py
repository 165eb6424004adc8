"""When Python's cycle collector runs, and in which thread.

Two needs meet here. A start, or a library read from the cache, makes objects by the
hundred thousand and no garbage: the collector is best paused (`paused`, `pause_for_start`).
And while a window is open, a collection must never run in a worker thread: the collector
runs in whichever thread made the object that set it off, and a cycle holding one of Qt's
wrappers (a closed dialog, an old page) would then be freed away from the GUI thread,
which can crash the process. So a window hands collection to its GUI thread
(`OneThread`): automatic collection is off while it is open, and the GUI
thread calls `collect_due` on a timer, collecting what the usual thresholds would have.

Each of these is a hold, counted under a lock, so they nest and overlap across threads:
automatic collection is on only when no hold is left (and was on before the first)."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_automatic_holds = 0  #: holds that keep automatic collection off
_quiet_holds = 0  #: of those, the ones that want no collection at all (pauses)
_was_on = True  #: whether automatic collection was on before the first hold


def _hold(quiet: bool) -> None:
    global _automatic_holds, _quiet_holds, _was_on
    with _lock:
        if _automatic_holds == 0:
            _was_on = gc.isenabled()
        _automatic_holds += 1
        _quiet_holds += quiet
        gc.disable()


def _release(quiet: bool) -> None:
    global _automatic_holds, _quiet_holds
    with _lock:
        _automatic_holds -= 1
        _quiet_holds -= quiet
        if _automatic_holds == 0 and _was_on:
            gc.enable()


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The cycle collector off for the block: it would walk every new object again and
    again as they are made, though none of them is in a cycle (a library read from the
    cache, the modules of `lantern search`). Reference counting still frees what is
    dropped; the collector runs again afterwards, unless something else holds it off."""
    _hold(quiet=True)
    try:
        yield
    finally:
        _release(quiet=True)


_paused_for_start = False


def pause_for_start() -> None:
    """The collector off while a window starts, until `resume_after_start`: the imports,
    Qt's wrappers and the library of a start are hundreds of thousands of new objects and
    no garbage, and the collections they set off cost the bundled pack's window about
    10 ms before its first paint and 15 ms before search is usable. Does nothing when
    paused for the start already."""
    global _paused_for_start
    if not _paused_for_start:
        _paused_for_start = True
        _hold(quiet=True)


def resume_after_start() -> None:
    """The pause of `pause_for_start` over (once search is usable, or the start failed);
    a second call does nothing."""
    global _paused_for_start
    if _paused_for_start:
        _paused_for_start = False
        _release(quiet=True)


class OneThread:
    """Automatic collection off from now until `end`; meanwhile the thread that calls
    `collect_due` (the GUI thread, on a timer) does the collecting."""

    def __init__(self) -> None:
        self._on = True
        _hold(quiet=False)

    def end(self) -> None:
        """Automatic collection back (unless something else holds it off); twice is once."""
        if self._on:
            self._on = False
            _release(quiet=False)


def collecting() -> bool:
    """Whether garbage cycles are being collected, automatically or by `collect_due`
    (no pause holds the collector off)."""
    with _lock:
        if _automatic_holds == 0:
            return gc.isenabled()
        return _quiet_holds == 0 and _was_on


def collect_due() -> int | None:
    """Collect the generation the collector's own thresholds say is due, as it would have
    done by itself; returns it, or None when nothing is due or a pause holds collection."""
    if not collecting():
        return None
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    generation = None
    for level in range(3):
        if thresholds[level] == 0 or counts[level] <= thresholds[level]:
            break
        generation = level
    if generation is not None:
        gc.collect(generation)
    return generation
