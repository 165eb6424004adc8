"""What a start leaves until search is usable: listening for a second start."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QSettings

from lantern.core import collector
from lantern.core.session import Session

from lantern.ui import app as app_module
from lantern.ui.platform.single_instance import SingleInstance
from lantern.ui.window import after_start
from lantern.ui.window.main_window import MainWindow

from tests.conftest import VALID_PACK


def _open(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
          ) -> tuple[MainWindow, SingleInstance, list[bool]]:
    """A window on the valid pack; each call of its guard's `listen` records whether the
    window's library was loaded by then."""
    monkeypatch.setattr(after_start, "LATEST_MS", 60_000)  # only loading decides here
    guard = SingleInstance(tmp_path / "config")
    assert guard.acquire()
    made: list[MainWindow] = []

    def make(roots):  # type: ignore[no-untyped-def]
        made.append(MainWindow(roots, settings=QSettings(str(tmp_path / "ui.ini"),
                                                         QSettings.Format.IniFormat)))
        return made[-1]

    heard: list[bool] = []
    listen = guard.listen

    def recording() -> bool:
        heard.append(made[0].session.index is not None)
        return listen()

    monkeypatch.setattr(app_module, "MainWindow", make)
    monkeypatch.setattr(guard, "listen", recording)
    window = app_module.open_window([VALID_PACK], guard)
    qtbot.addWidget(window)
    return window, guard, heard


def test_the_window_listens_for_a_second_start_once_search_is_usable(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window, guard, heard = _open(qtbot, tmp_path, monkeypatch)
    try:
        qtbot.waitSignal(window.library_loaded, timeout=20000).wait()
        qtbot.waitUntil(lambda: guard.listening, timeout=10000)
        assert heard == [True]  # not at the first paint, before the library was loaded
    finally:
        window.close()
        guard.release()


def test_a_window_whose_library_cannot_load_still_listens(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def unreadable(self: Session, progress: object = None) -> None:
        raise OSError("the disk went away")

    monkeypatch.setattr(Session, "load_cached", unreadable)
    window, guard, heard = _open(qtbot, tmp_path, monkeypatch)
    try:
        qtbot.waitSignal(window.loader.failed, timeout=20000).wait()
        qtbot.waitUntil(lambda: guard.listening, timeout=10000)
        assert heard == [False]
    finally:
        window.close()
        guard.release()


def test_the_cycle_collector_paused_at_the_start_is_on_once_search_is_usable(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`lantern` pauses Python's cycle collector from its start (the objects of a start
    are many and none is garbage); the window turns it on once its library is loaded."""
    assert collector.collecting()
    collector.pause_for_start()
    try:
        window, guard, _heard = _open(qtbot, tmp_path, monkeypatch)
        try:
            assert not collector.collecting()
            qtbot.waitSignal(window.library_loaded, timeout=20000).wait()
            qtbot.waitUntil(collector.collecting, timeout=10000)
        finally:
            window.close()
            guard.release()
    finally:
        collector.resume_after_start()
