"""Python's cycle collector paused while many objects are made and none is garbage."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The cycle collector off for the block: it would walk every new object again and
    again as they are made, though none of them is in a cycle (a library read from the
    cache, the modules and classes of a start). Reference counting still frees what is
    dropped; the collector runs again afterwards, unless something else had turned it off."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


_paused_for_start = False


def pause_for_start() -> None:
    """The collector off while a window starts, until `resume_after_start`: the imports,
    Qt's wrappers and the library of a start are hundreds of thousands of new objects and
    no garbage, and the collections they set off cost the bundled pack's window about
    10 ms before its first paint and 15 ms before search is usable. Does nothing when the
    collector is off already (someone else turned it off and will turn it on)."""
    global _paused_for_start
    if gc.isenabled():
        gc.disable()
        _paused_for_start = True


def resume_after_start() -> None:
    """The collector on again after `pause_for_start` (once search is usable, or the start
    failed); a second call does nothing."""
    global _paused_for_start
    if _paused_for_start:
        _paused_for_start = False
        gc.enable()
