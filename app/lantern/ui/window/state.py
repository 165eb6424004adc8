"""What the window keeps between sessions: its size and docks, and the page read last
(recent pages, searches, reading positions and appearance keep their own, through the same
`SettingsStore`)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from lantern.ui import settings as keys
from lantern.ui.settings import SettingsStore

SIDE_PANEL_WIDTH = 360  # wide enough for a definition and a QR code
#: A first start's size, unless the screen is smaller: then this share of what it offers,
#: so that the title bar and the frame fit too (a 1366 × 768 laptop, a 1280 × 800 kiosk).
FIRST_SIZE = QSize(1280, 800)
SCREEN_SHARE = 0.9


def restore_layout(window: QMainWindow, store: SettingsStore, side: QDockWidget) -> None:
    # Side panels wide enough for a definition and a QR code, unless the reader chose.
    window.resizeDocks([side], [SIDE_PANEL_WIDTH], Qt.Orientation.Horizontal)
    geometry = store.get(keys.WINDOW_GEOMETRY)
    state = store.get(keys.WINDOW_STATE)
    if not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        fit_to_screen(window)
    if not state.isEmpty():
        window.restoreState(state)


def save_layout(window: QMainWindow, store: SettingsStore, current_page: str | None) -> None:
    store.set(keys.WINDOW_GEOMETRY, window.saveGeometry())
    store.set(keys.WINDOW_STATE, window.saveState())
    if current_page:
        store.set(keys.LAST_PAGE, current_page)


def fit_to_screen(window: QMainWindow) -> None:
    """A first start: `FIRST_SIZE`, or less where the screen has less room, centred on it."""
    screen = window.screen()
    if screen is None:
        return
    room = screen.availableGeometry()
    window.resize(FIRST_SIZE.boundedTo(QSize(int(room.width() * SCREEN_SHARE),
                                             int(room.height() * SCREEN_SHARE))))
    frame = window.frameGeometry()
    frame.moveCenter(room.center())
    window.move(frame.topLeft())
