"""A first start fits the screen: Lantern's size, or less on a smaller screen, centred;
a size the reader left is kept. (On a 1280 × 800 screen the window was 1280 × 800 inside
its frame, its bottom and the side panels' right edge off the screen.)"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from lantern.ui.window import state
from lantern.ui.window.main_window import MainWindow

from tests.conftest import VALID_PACK


def _window(qtbot, ini: Path) -> MainWindow:
    window = MainWindow([VALID_PACK], settings=QSettings(str(ini), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window


def test_a_first_start_fits_a_screen_smaller_than_lantern_s_size(qtbot, tmp_path: Path):
    window = _window(qtbot, tmp_path / "ui.ini")
    room = window.screen().availableGeometry()  # offscreen: 800 × 800
    assert room.width() < state.FIRST_SIZE.width()
    assert window.width() <= room.width() * state.SCREEN_SHARE
    assert window.height() <= room.height() * state.SCREEN_SHARE
    window.show()
    assert room.contains(window.frameGeometry())
    # Centred before the window manager adds its frame, so off by half the frame at most.
    centre, middle = window.frameGeometry().center(), room.center()
    assert abs(centre.x() - middle.x()) <= 8 and abs(centre.y() - middle.y()) <= 8


def test_the_size_the_reader_left_is_kept(qtbot, tmp_path: Path):
    ini = tmp_path / "ui.ini"
    first = _window(qtbot, ini)
    first.show()
    first.resize(640, 480)
    first.save_state()
    first.close()
    again = _window(qtbot, ini)
    assert (again.width(), again.height()) == (640, 480)
