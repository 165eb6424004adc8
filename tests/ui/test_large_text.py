"""Chrome text at 200 %: every control keeps room for its text, and help stays on show."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QToolBar,
    QWidget,
)

from tests.ui.conftest import make_window


@pytest.fixture
def doubled_font(qapp) -> Iterator[QFont]:
    before = QApplication.font()
    large = QFont(before)
    large.setPointSizeF(before.pointSizeF() * 2)
    QApplication.setFont(large)
    yield large
    QApplication.setFont(before)


def _clipped(window: QWidget) -> list[str]:
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, QAbstractButton | QLabel | QLineEdit):
            continue
        need = widget.minimumSizeHint()
        if widget.width() < need.width() or widget.height() < need.height():
            text = getattr(widget, "text", lambda: "")()
            found.append(f"{type(widget).__name__} {widget.objectName()!r} {text!r}: "
                         f"{widget.width()}×{widget.height()} < {need.width()}×{need.height()}")
    return found


def test_nothing_is_clipped_at_twice_the_text_size(qtbot, tmp_path: Path, doubled_font):
    window = make_window(qtbot, tmp_path)
    window.resize(1280, 800)
    window.navigate("lantern:article/brain-networks")
    window.glossary.show_term("default-mode-network")
    window.references.show_reference("siegel2024")
    window.contents.show()
    qtbot.waitUntil(lambda: window.search_field.font().pointSizeF() == doubled_font.pointSizeF())
    clipped = _clipped(window)
    assert not clipped, "\n".join(clipped)
    # Help is one tap away: its button is on the bar, not pushed into the overflow menu.
    help_button = window.findChild(QAbstractButton, "helpNowButton")
    assert help_button is not None and help_button.isVisible()
    bar = window.findChild(QToolBar, "navigationBar")
    assert help_button.geometry().right() <= bar.width()
    for view in window.findChildren(QListView):
        if view.isVisible():  # lists wrap long names instead of hiding their ends
            assert not view.horizontalScrollBar().isVisible(), view.accessibleName()
    window.close()
