"""Index building progress, shown in the status bar while the window stays usable."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QProgressBar, QStatusBar

from lantern.ui.words import translate


class IndexProgress(QObject):
    """A thread-safe progress callback: call it from a worker, the bar updates in the GUI.

    The object lives in the GUI thread, so its signal reaches the bar by queued connection.
    """

    changed = Signal(int, int)

    def __init__(self, status_bar: QStatusBar) -> None:
        super().__init__(status_bar)
        self.bar = QProgressBar()
        self.bar.setObjectName("indexProgress")
        self.retranslate()
        self.bar.setMaximumWidth(320)
        self.bar.hide()
        status_bar.addPermanentWidget(self.bar)
        self.changed.connect(self.on_changed)

    def retranslate(self) -> None:
        """The bar's words in the interface's language."""
        self.bar.setAccessibleName(translate("Window", "Building the search index"))
        self.bar.setFormat(translate("Window", "Building the search index… %p%"))

    def __call__(self, done: int, total: int) -> None:
        self.changed.emit(done, total)

    @Slot(int, int)
    def on_changed(self, done: int, total: int) -> None:
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        self.bar.setVisible(done < total)

    def finish(self) -> None:
        self.bar.hide()
