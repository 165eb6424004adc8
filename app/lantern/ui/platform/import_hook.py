"""Spare every import PySide6's source scan.

Once PySide6 is loaded, its import hook asks of every module imported afterwards whether it
"uses PySide6", by reading the module's source (`inspect.getsource`) and looking for the
word. The answer only matters to modules that opt into PySide6's `__feature__` switches
(snake_case names, true properties); Lantern uses none, so every module may be taken as an
ordinary PySide6 user without reading anything. That is 200-odd source files not read
between the start and the first search (about 15 ms here). Should a PySide6 version not
have the hook, nothing is changed.
"""

from __future__ import annotations

import sys
from types import ModuleType


def _uses_pyside(_module: ModuleType) -> bool:
    return True  # default features for every module: what an actual scan gives Lantern's


def skip_source_scan() -> bool:
    """Answer PySide6's "does this module use PySide6?" without reading source; True if
    the hook was there to answer."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]
    return True
