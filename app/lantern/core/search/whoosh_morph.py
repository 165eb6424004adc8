"""Whoosh's English word-variation module, loaded only if something asks it for a word.

`whoosh.query` imports `whoosh.lang.morph_en` for its `Variations` query, which Lantern
never makes; the module compiles some seventy regular expressions as it loads, 10–15 ms of
every process that searches (a tenth of a whole `lantern search`). `install()` puts a
stand-in in its place before Whoosh is first imported: its `variations`, and any other
name asked of it, load the real module then (the same file, found where Whoosh is).
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
import threading
import types
from typing import Any

NAME = "whoosh.lang.morph_en"
_lock = threading.Lock()


def _real() -> types.ModuleType:
    """The real module, loaded once, and from then on in its own place."""
    with _lock:
        found = sys.modules.get(NAME)
        if found is not None and not getattr(found, "_lantern_stand_in", False):
            return found
        import whoosh.lang

        spec = importlib.machinery.PathFinder.find_spec(NAME, list(whoosh.lang.__path__))
        if spec is None or spec.loader is None:
            raise ImportError(f"{NAME} not found")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[NAME] = module
        whoosh.lang.morph_en = module
        return module


def _variations(word: str) -> Any:
    return _real().variations(word)


def _getattr(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    return getattr(_real(), name)


def install() -> None:
    """The stand-in, unless the module is loaded already (nothing then changes)."""
    if NAME in sys.modules:
        return
    stand_in = types.ModuleType(NAME, "Stands in for Whoosh's morph_en until it is needed.")
    stand_in.variations = _variations  # type: ignore[attr-defined]
    stand_in.__getattr__ = _getattr  # type: ignore[method-assign]
    stand_in._lantern_stand_in = True  # type: ignore[attr-defined]
    sys.modules[NAME] = stand_in
