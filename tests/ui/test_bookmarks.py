from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.conftest import make_window


def _config() -> Path:
    return Path(os.environ["LANTERN_CONFIG_DIR"])


def test_bookmark_survives_a_restart_and_opens_with_a_click(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path)
    window.navigate("lantern:article/brain-networks#the-default-mode-network")
    action = window.bookmarks.action
    assert action.isEnabled() and not action.isChecked()
    window.reader.setFocus()
    with qtbot.waitSignal(window.bookmarks.changed):
        qtbot.keyClick(window.reader, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert action.isChecked()
    assert (_config() / "bookmarks.json").is_file()
    window.close()

    again = make_window(qtbot, tmp_path)
    dock = again.bookmarks.dock
    assert dock.list.count() == 1
    item = dock.list.item(0)
    assert item.text() == "Brain networks and psilocybin"
    dock.show()
    rect = dock.list.visualItemRect(item)
    with qtbot.waitSignal(again.page_shown) as shown:
        qtbot.mouseClick(dock.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.args[0] == "lantern:article/brain-networks"
    assert again.bookmarks.action.isChecked()
    # Ctrl+D again removes it, and that is saved too
    again.bookmarks.action.trigger()
    assert dock.list.count() == 0 and dock.empty.isVisibleTo(dock)
    again.close()
    third = make_window(qtbot, tmp_path)
    assert third.bookmarks.items == []
    third.close()


def test_corrupt_bookmarks_file_is_set_aside_not_a_crash(qtbot, tmp_path: Path):
    _config().mkdir(parents=True, exist_ok=True)
    (_config() / "bookmarks.json").write_text('{"bookmarks": [', encoding="utf-8")
    window = make_window(qtbot, tmp_path)
    qtbot.waitUntil(window.bookmarks.dock.isVisible)
    assert "bookmarks.json.corrupt-" in window.bookmarks.dock.message.text()
    assert len(list(_config().glob("bookmarks.json.corrupt-*"))) == 1
    window.navigate("lantern:faq/what-is-dmn")
    window.bookmarks.action.trigger()
    assert window.bookmarks.dock.list.count() == 1
    assert window.bookmarks.dock.message.isHidden()
    window.close()


def test_bookmark_controls_have_accessible_names(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path)
    dock = window.bookmarks.dock
    for widget in (dock, dock.list, dock.remove_button):
        assert widget.accessibleName()
    dock.show()
    dock.list.setFocus()
    window.navigate("lantern:home")
    window.bookmarks.action.trigger()
    dock.list.setCurrentRow(0)
    qtbot.keyClick(dock.list, Qt.Key.Key_Delete)
    assert window.bookmarks.items == []
    window.close()
