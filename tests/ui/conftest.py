from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser

from lantern.core import messages

from lantern.ui.window.main_window import MainWindow
from lantern.ui.window.policy import DESKTOP, WindowPolicy

from tests.conftest import VALID_PACK


@pytest.fixture(autouse=True)
def _english_after(qapp) -> Iterator[None]:
    """Each test starts in English: a window switched to Spanish (a kiosk visitor, the
    language menu) leaves Qt's translators installed for the whole test process."""
    yield
    if messages.language() != "en":
        from lantern.ui import language

        language.use(qapp, "en")


def make_window(qtbot, tmp_path: Path, roots=(VALID_PACK,),
                policy: WindowPolicy = DESKTOP) -> MainWindow:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(list(roots), settings=settings, policy=policy)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    with qtbot.waitSignal(window.library_loaded, timeout=20000):
        window.start_loading()
    return window


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    win = make_window(qtbot, tmp_path)
    yield win
    win.close()


def link_position(browser: QTextBrowser, href: str) -> QPoint:
    """Where on screen (viewport coordinates) the first link to `href` is drawn."""
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                start = QTextCursor(browser.document())
                start.setPosition(fragment.position())
                end = QTextCursor(browser.document())
                end.setPosition(fragment.position() + 1)
                browser.setTextCursor(end)
                browser.ensureCursorVisible()
                # The middle of the link's first character: between its two caret positions.
                left, right = browser.cursorRect(start), browser.cursorRect(end)
                return QPoint((left.center().x() + right.center().x()) // 2, left.center().y())
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href} on the page")


def click_link(qtbot, browser: QTextBrowser, href: str) -> None:
    pos = link_position(browser, href)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=pos)
