"""One way to run work off the GUI thread: a callable on a QThreadPool, its result by signal.

The callable never touches widgets; the signals arrive in the GUI thread.
"""

from __future__ import annotations

import importlib
import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


# PySide6 hooks `import` and its hook is not safe in a worker thread (it can corrupt
# memory), so whatever the background jobs will import is imported first, in the GUI thread.
# The list covers the modules Whoosh imports lazily while building, searching and spelling.
BACKGROUND_MODULES = (
    "encodings.latin_1", "encodings.utf_8_sig", "fcntl", "mmap", "tempfile",
    "lantern.core.content", "lantern.core.compose", "lantern.core.search.engine",
    "lantern.core.search.suggest",
    "whoosh.automata.fsa", "whoosh.automata.lev", "whoosh.codec.base", "whoosh.codec.whoosh3",
    "whoosh.externalsort", "whoosh.filedb.compound", "whoosh.filedb.filetables",
    "whoosh.spelling", "whoosh.writing",
)


def preload_modules() -> None:
    """Import, in the calling (GUI) thread, every module a background job may need."""
    for name in BACKGROUND_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:  # e.g. fcntl on Windows
            log.debug("module %s not available", name)


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(str)


class Job(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # reported to the window, never raised into Qt
            log.error("background job failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(f"{exc.__class__.__name__}: {exc}")
        else:
            self.signals.finished.emit(result)


# Jobs whose signals have not been delivered yet: Qt deletes a finished QRunnable, and
# Python must keep its signal object alive until the queued result reaches the GUI thread.
_pending: set[Job] = set()


def submit(
    pool: QThreadPool,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None] | None = None,
) -> Job:
    job = Job(fn)
    job.setAutoDelete(False)
    _pending.add(job)

    def finished(result: Any) -> None:
        _pending.discard(job)
        on_done(result)

    def failed(message: str) -> None:
        _pending.discard(job)
        if on_error is not None:
            on_error(message)

    job.signals.finished.connect(finished)
    job.signals.failed.connect(failed)
    pool.start(job)
    return job
