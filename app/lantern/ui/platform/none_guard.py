"""Keep CPython 3.11 alive under PySide6's lost references to None, True and False.

With PySide6 6.12.0 on Python 3.11, every call of a Qt method that returns nothing
(`setText`, `setToolTip`, `addItem`, `setFlags`…) gives back one reference to None that it
never took, and `Signal.emit()` does the same with True or False. Python 3.12 and later make
these objects immortal, so nothing happens there; on 3.11 their counts drop by one per call
until the interpreter aborts with "none_dealloc: deallocating None" — in a reader or a
kiosk after a few hundred pages (bench/soak.py found it). Making them as good as immortal,
as 3.12 does, is the fix until PySide6 has one: each count is raised once, by 2**60, far
beyond what any run can take away. The small integers, the empty tuple and the empty string
are shared the same way and get the same protection.
"""

from __future__ import annotations

import sys

MARGIN = 1 << 60


def _shared_singletons() -> list[object]:
    return [None, True, False, Ellipsis, NotImplemented, (), "", *range(-5, 257)]


def make_none_immortal() -> bool:
    """Raise the shared singletons' reference counts out of reach; True when done."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    import ctypes

    for obj in _shared_singletons():
        count = ctypes.c_ssize_t.from_address(id(obj))
        if count.value < MARGIN // 2:  # once per process, whoever imports first
            count.value += MARGIN
    return True
