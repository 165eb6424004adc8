"""What a start does once search is usable, not before: what the reader does not need to
begin reading and searching (opening the log file, listening for a second start) is kept
off the way to the first search."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from lantern.ui.window.main_window import MainWindow

#: The latest `then` runs after the window was made, ms, should loading take longer (a
#: first run parses and indexes the pack; a second start waits up to 3 s for the window
#: to listen, `single_instance.LISTEN_WAIT_MS`).
LATEST_MS = 1500


class WhenUsable(QObject):
    """Calls `then` once: right after the window's library is loaded (search is usable) or
    could not be loaded, or LATEST_MS after the window was made, whichever comes first;
    or at `run()` (the event loop ended first)."""

    def __init__(self, window: MainWindow, then: Callable[[], object]) -> None:
        super().__init__(window)
        self._then: Callable[[], object] | None = then
        window.library_loaded.connect(self._soon)
        window.loader.failed.connect(lambda _message: self._soon())
        QTimer.singleShot(LATEST_MS, self.run)

    def _soon(self) -> None:
        # On a turn of the event loop of its own: the turn that made search usable (the
        # library adopted, the first page laid out) is long enough already.
        QTimer.singleShot(0, self.run)

    def run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()
