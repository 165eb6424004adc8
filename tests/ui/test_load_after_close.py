"""A window closed while its library still loads: what the load hands over afterwards is
let go (its index closed), never adopted by the closed window or shown on its widgets."""

from __future__ import annotations

import threading

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from lantern.ui.window.main_window import MainWindow

from tests.conftest import VALID_PACK


def test_a_load_that_ends_after_the_window_closed_is_let_go(qtbot, tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow([VALID_PACK], settings=settings)
    qtbot.addWidget(window)
    started = threading.Event()
    session = window.session
    load_cached = session.load_cached

    def slow_start(progress):  # type: ignore[no-untyped-def]
        started.set()
        return load_cached(progress)

    monkeypatch.setattr(session, "load_cached", slow_start)
    window.show()
    window.start_loading()
    qtbot.waitUntil(started.is_set, timeout=20000)
    window.close()  # waits for the background load; its result is still to be delivered
    failures: list[str] = []
    window.loader.failed.connect(failures.append)
    for _ in range(5):
        QApplication.processEvents()  # the result arrives now, on a closed window
    assert window.library is None and not failures
