"""Whoosh's modules that Lantern's searches do not need, loaded only when something asks.

* `whoosh.lang.morph_en`, imported by `whoosh.query` for its `Variations` query, which
  Lantern never makes: it compiles some seventy regular expressions as it loads, 10–15 ms
  of every process that searches. `install()` puts a stand-in in its place before Whoosh
  is first imported; its `variations`, and any other name asked of it, load the real module
  then (the same file, found where Whoosh is).
* `whoosh.lang.snowball`, whose package imports all fourteen of its stemmers (8–10 ms) when
  Spanish analysis needs one: `spanish_stemmer()` gives the Spanish one with the package's
  own code left to run when anything asks the package for a name (`classes`, another
  language's stemmer).
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
import threading
import types
from typing import Any

NAME = "whoosh.lang.morph_en"
SNOWBALL = "whoosh.lang.snowball"
_lock = threading.RLock()


def _load(name: str, module: types.ModuleType | None = None) -> types.ModuleType:
    """Run the code of Whoosh's `whoosh.lang.<…>` module `name` (into `module` when given:
    a package made before its code ran), and put it in its place."""
    import whoosh.lang

    spec = importlib.machinery.PathFinder.find_spec(name, list(whoosh.lang.__path__))
    if spec is None or spec.loader is None:
        raise ImportError(f"{name} not found")
    if module is None:
        module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    setattr(whoosh.lang, name.rpartition(".")[2], module)
    return module


def _real() -> types.ModuleType:
    """The real morph_en, loaded once, and from then on in its own place."""
    with _lock:
        found = sys.modules.get(NAME)
        if found is not None and not getattr(found, "_lantern_stand_in", False):
            return found
        return _load(NAME)


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


def _snowball_package() -> types.ModuleType:
    """`whoosh.lang.snowball`, its own code (which imports every stemmer) not yet run
    unless something ran it already; it runs when the package is first asked a name."""
    found = sys.modules.get(SNOWBALL)
    if found is not None:
        return found
    import whoosh.lang

    spec = importlib.machinery.PathFinder.find_spec(SNOWBALL, list(whoosh.lang.__path__))
    if spec is None or spec.loader is None:
        raise ImportError(f"{SNOWBALL} not found")
    package = importlib.util.module_from_spec(spec)

    def run_then_get(name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        with _lock:
            if "__getattr__" in vars(package):
                del package.__getattr__
                _load(SNOWBALL, package)
        return getattr(package, name)

    package.__getattr__ = run_then_get  # type: ignore[method-assign]
    sys.modules[SNOWBALL] = package
    whoosh.lang.snowball = package
    return package


def set_snowball_aside() -> None:
    """The Snowball package with its own code not yet run, so that importing the Spanish
    stemmer by name (as the window does before its background jobs) loads that stemmer
    alone. Called by the engine's adapter, which imports Whoosh anyway."""
    with _lock:
        _snowball_package()


def spanish_stemmer() -> type:
    """Whoosh's Snowball `SpanishStemmer` class."""
    with _lock:
        _snowball_package()
        module = importlib.import_module(f"{SNOWBALL}.spanish")
    stemmer: type = module.SpanishStemmer
    return stemmer
