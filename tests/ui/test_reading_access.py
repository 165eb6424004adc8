"""Keyboard and screen-reader reach of the reading features."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence

from tests.ui.conftest import make_window


def test_reading_actions_have_keys_names_and_menus(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path)
    menus = {m.title().replace("&", ""): m for m in
             (a.menu() for a in window.menuBar().actions()) if m}
    keys = {
        window.bookmarks.action: "Ctrl+D",
        window.printing.print_action: QKeySequence(QKeySequence.StandardKey.Print).toString(),
        window.printing.export_action: "Ctrl+Shift+E",
        window.appearance.zoom_in_action: QKeySequence(
            QKeySequence.StandardKey.ZoomIn).toString(),
        window.appearance.zoom_out_action: QKeySequence(
            QKeySequence.StandardKey.ZoomOut).toString(),
        window.appearance.zoom_reset_action: "Ctrl+0",
    }
    for action, key in keys.items():
        assert key in [s.toString() for s in action.shortcuts()], action.text()
        assert "&" in action.text() and action.statusTip()
    in_menus = {a for m in menus.values() for a in m.actions()}
    assert set(keys) <= in_menus
    assert window.appearance.theme_menu.menuAction() in menus["View"].actions()
    for action in window.appearance.theme_actions.values():
        assert "&" in action.text() and action.statusTip()
    for dock in (window.bookmarks.dock, window.contents):
        assert dock.accessibleName() and dock.list.accessibleName()
        assert dock.list.accessibleDescription()
        assert dock.toggleViewAction() in in_menus
    window.close()
