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
