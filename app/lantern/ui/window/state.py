"""What the window keeps between sessions: its size and docks, and the page read last
(recent pages, searches, reading positions and appearance keep their own, through the same
`SettingsStore`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from lantern.ui import settings as keys
from lantern.ui.settings import SettingsStore

SIDE_PANEL_WIDTH = 360  # wide enough for a definition and a QR code


def restore_layout(window: QMainWindow, store: SettingsStore, side: QDockWidget) -> None:
    # Side panels wide enough for a definition and a QR code, unless the reader chose.
    window.resizeDocks([side], [SIDE_PANEL_WIDTH], Qt.Orientation.Horizontal)
    geometry = store.get(keys.WINDOW_GEOMETRY)
    state = store.get(keys.WINDOW_STATE)
    if not geometry.isEmpty():
        window.restoreGeometry(geometry)
    if not state.isEmpty():
        window.restoreState(state)


def save_layout(window: QMainWindow, store: SettingsStore, current_page: str | None) -> None:
    store.set(keys.WINDOW_GEOMETRY, window.saveGeometry())
    store.set(keys.WINDOW_STATE, window.saveState())
    if current_page:
        store.set(keys.LAST_PAGE, current_page)
