"""A time limit for Python work in the calling thread, such as rendering one page.

When the time is up, `TimeUp` is raised in the thread doing the work, at its next Python
instruction (CPython's asynchronous exceptions; a single call into C, such as one regular
expression match, finishes first). The caller catches it and falls back to something
simpler. Where that mechanism is missing the work simply has no limit.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class TimeUp(BaseException):
    """The work took longer than its limit. A BaseException, so that the `except Exception`
    of the code being timed cannot swallow it."""


def _raise_in(thread: int, error: type[BaseException] | None) -> None:
    api = getattr(ctypes, "pythonapi", None)
    if api is not None:
        api.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread),
                                      ctypes.py_object(error) if error else None)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeUp in this thread if the body of the `with` runs longer than `seconds`."""
    thread = threading.get_ident()
    lock = threading.Lock()
    state = {"running": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["running"]:
                state["fired"] = True
                _raise_in(thread, TimeUp)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["running"] = False
            if state["fired"]:
                _raise_in(thread, None)  # not delivered yet: never let it land later
        timer.cancel()
