"""One way to run work off the GUI thread: a callable on a QThreadPool, its result by signal.

The callable never touches widgets; the signals arrive in the GUI thread.
"""

from __future__ import annotations

import importlib
import logging
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

log = logging.getLogger(__name__)


# PySide6 hooks `import` and its hook is not safe in a worker thread (it can corrupt
# memory), so whatever the background jobs will import is imported first, in the GUI thread:
# the modules the jobs run, and what those modules say they import lazily (a module's
# PRELOAD_MODULES; the search engine's adapter lists the engine's own).
# The order goes from the bottom up, so that each step of `preload_in_steps` imports
# little (the GUI thread is never held long by one step).
BACKGROUND_MODULES = (
    "encodings.latin_1", "encodings.utf_8_sig", "fcntl", "mmap", "tempfile",
    "lantern.core.model", "lantern.core.atomic", "xml.etree.ElementTree", "markdown.util",
    "markdown.core", "markdown.extensions.tables", "lantern.core.text", "lantern.core.render",
    "whoosh.compat", "whoosh.analysis", "whoosh.fields", "whoosh.query", "whoosh.matching",
    "whoosh.scoring", "whoosh.collectors", "whoosh.searching", "whoosh.index",
    "whoosh.qparser", "lantern.core.search.snippets", "lantern.core.search.documents",
    "lantern.core.search.safety", "lantern.core.search.fallback",
    "lantern.core.library_cache", "lantern.core.compose", "lantern.core.search.engine",
    "lantern.core.search.suggest", "lantern.core.usage",
)


#: What parsing a content pack and building its index need (the parser, the indexing
#: process and its multiprocessing modules); imported only when the cached library cannot
#: serve, so a start on an unchanged pack is usable without them.
PARSER_MODULES = ("lantern.core.content", "lantern.core.index_process")


def preload_modules(names: Sequence[str] = BACKGROUND_MODULES) -> None:
    """Import, in the calling (GUI) thread, every module a background job may need."""
    for name in names:
        _import(name)
    for name in _declared():
        _import(name)


def _declared() -> list[str]:
    """What Lantern's imported modules say they import lazily (their PRELOAD_MODULES)."""
    declared = [getattr(module, "PRELOAD_MODULES", ()) for name, module in
                list(sys.modules.items()) if name.startswith("lantern.")]
    return list(dict.fromkeys(n for names_ in declared for n in names_))


def _import(name: str) -> None:
    try:
        importlib.import_module(name)
    except ImportError:  # e.g. fcntl on Windows
        log.debug("module %s not available", name)


#: How long one step of `preload_in_steps` imports before it lets the window have a turn,
#: seconds: a few modules a step (one a step took a fifth as long again in turns of the
#: event loop), and no step holds the window long.
STEP_S = 0.008


def preload_in_steps(then: Callable[[], None],
                     names: Sequence[str] = BACKGROUND_MODULES) -> None:
    """`preload_modules(names)` a few modules per turn of the event loop (for STEP_S at
    most, unless one module takes longer), then `then()`: the window keeps painting and
    taking input between the steps."""
    from PySide6.QtCore import QTimer

    pending = list(names)
    asked = [False]  # the modules' own lists are read once the named ones are in

    def step() -> None:
        ends = time.perf_counter() + STEP_S
        while True:
            if not pending and not asked[0]:
                asked[0] = True
                pending.extend(n for n in _declared() if n not in sys.modules)
            if not pending:
                then()
                return
            _import(pending.pop(0))
            if time.perf_counter() >= ends:
                QTimer.singleShot(0, step)
                return

    step()


class _Bridge(QObject):
    """Carries a finished job's callback from a worker thread to the GUI thread.

    One object for every job: it lives in the GUI thread, so a signal emitted from a worker
    reaches `_deliver` by queued connection, and no per-job QObject is created (per-job
    signal objects were kept alive by Qt and grew with every search).
    """

    delivered = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.delivered.connect(self._deliver)

    @staticmethod
    def _deliver(callback: Callable[[], None]) -> None:
        callback()


_bridge: _Bridge | None = None


def _get_bridge() -> _Bridge:
    """The bridge, made on first use; submit() is always called from the GUI thread."""
    global _bridge
    if _bridge is None:
        _bridge = _Bridge()
    return _bridge


def submit(
    pool: QThreadPool,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None] | None = None,
) -> None:
    """Run `fn` on `pool`; `on_done(result)` or `on_error(message)` runs in the GUI thread."""
    bridge = _get_bridge()

    def run() -> None:
        try:
            result = fn()
        except Exception as exc:  # reported to the window, never raised into Qt
            log.error("background job failed:\n%s", traceback.format_exc())
            message = f"{exc.__class__.__name__}: {exc}"
            if on_error is not None:
                bridge.delivered.emit(lambda: on_error(message))
            return
        bridge.delivered.emit(lambda: on_done(result))

    pool.start(run)
