"""Reading extras that kiosk mode turns off: bookmarks, theme and zoom changes, printing."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

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
    assert window.findChild(QToolButton, "kioskPrintButton") is None  # print not allowed


def test_kiosk_with_printing_allowed_prints_straight_to_the_printer(qtbot, tmp_path: Path):
    import dataclasses

    from PySide6.QtPrintSupport import QPrinter

    from tests.ui.test_kiosk import POLICY, make_kiosk

    window, controller = make_kiosk(qtbot, tmp_path,
                                    dataclasses.replace(POLICY, allow_print=True))
    button = window.findChild(QToolButton, "kioskPrintButton")
    assert button is not None and button.isVisible() and button.height() >= 44
    out = tmp_path / "printed.pdf"

    def pdf_printer() -> QPrinter:
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    controller.printer_factory = pdf_printer
    window.navigate("lantern:article/brain-networks")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 2000
    assert controller.notice is not None and controller.notice.objectName() == "printNotice"
    assert "on its way" in controller.notice.text()
    controller.printer_factory = lambda: None
    assert not controller.print_page()
    assert "ask at the front desk" in controller.notice.text()
    with qtbot.waitSignal(controller.reset_done):
        controller.reset()
    assert not controller.notice.isVisible()
    window.close()
