"""Python's cycle collector run by the GUI thread only, while a window is open.

A collection runs in whichever thread made the object that set it off; in a worker
(loading a library, updating the index) it could free a cycle holding one of Qt's
wrappers away from the GUI thread, which crashes the process. While this object lives,
automatic collection is off and a timer of the GUI thread collects what the collector's
thresholds say is due (`lantern.core.collector.collect_due`): the same collections, in the
one thread where freeing a widget is safe."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from lantern.core import collector

#: How often the GUI thread looks whether a collection is due: a look costs microseconds,
#: and what is made between two looks waits at most this long to be collected.
CHECK_MS = 250


class GuiThreadCollection(QObject):
    """Collection on the GUI thread from now until `stop` (or this object's deletion)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._handed = handed = collector.OneThread()
        # A window deleted without closing: a lambda, which the connection holds (a bound
        # method it would hold weakly, and it is gone by then).
        self.destroyed.connect(lambda: handed.end())
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(collector.collect_due)
        self._timer.start()

    def stop(self) -> None:
        """Automatic collection back, for whatever thread (the window has closed and its
        workers are done); a second call does nothing."""
        self._timer.stop()
        self._handed.end()
