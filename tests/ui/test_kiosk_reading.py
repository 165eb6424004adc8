"""Reading extras that kiosk mode turns off: bookmarks, theme and zoom changes, printing."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from lantern.core.bookmarks import Bookmark, BookmarkStore

from tests.ui.test_kiosk import kiosk  # noqa: F401  (fixture)


def test_kiosk_keeps_no_bookmarks_and_shows_none(qtbot, tmp_path: Path, kiosk):  # noqa: F811
    window, _controller = kiosk
    config = Path(os.environ["LANTERN_CONFIG_DIR"])
    assert window.bookmarks.items == []
    assert not window.bookmarks.action.isEnabled()
    assert not window.bookmarks.dock.isVisible()
    window.navigate("lantern:faq/what-is-dmn")
    qtbot.keyClick(window.reader, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.bookmarks.items == []
    assert not (config / "bookmarks.json").exists()


def test_kiosk_ignores_a_staff_bookmarks_file(qtbot, tmp_path: Path):
    from tests.ui.test_kiosk import make_kiosk

    BookmarkStore().save([Bookmark("lantern:faq/what-is-dmn", "Private")])
    window, controller = make_kiosk(qtbot, tmp_path)
    assert window.bookmarks.items == []
    assert window.bookmarks.dock.list.count() == 0
    controller.exit_kiosk()


def test_kiosk_is_light_and_keeps_its_own_text_size(qtbot, kiosk):  # noqa: F811
    window, controller = kiosk
    appearance = window.appearance
    assert appearance.theme.name == "light" and appearance.locked
    appearance.set_mode("dark")
    appearance.zoom(+1)
    assert appearance.theme.name == "light" and appearance.scale == 1.0
    controller.change_text_size(+1)
    assert f"{12 * controller.text_scale:.1f}pt" in window.reader.document().defaultStyleSheet()


def test_kiosk_cannot_print_or_export(qtbot, kiosk):  # noqa: F811
    window, _controller = kiosk
    window.navigate("lantern:faq/what-is-dmn")
    for action in window.printing.actions:
        assert not action.isEnabled()
        assert action.shortcuts() == []
