"""The results' filters, side by side where they fit whole, one under the other where not."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QStyleOptionComboBox,
    QWidget,
)

#: The fewest letters a choice shows when the panel is narrower than its words.
MIN_LETTERS = 6


def whole_width(combo: QComboBox) -> int:
    """The width at which `combo` shows its longest choice without cutting it."""
    # QStyle's many enums are built on first use, after the window is on screen.
    from PySide6.QtWidgets import QStyle

    longest = max((combo.fontMetrics().horizontalAdvance(combo.itemText(row))
                   for row in range(combo.count())), default=0)
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    return combo.style().sizeFromContents(
        QStyle.ContentsType.CT_ComboBox, option, QSize(longest, combo.fontMetrics().height()),
        combo).width()


class FilterRow(QWidget):
    """Label and choice pairs in one row when all of them fit at their whole width (a
    narrow results panel, as on a kiosk, or large text, otherwise cuts "All kinds (19)"
    short), each pair on its own row when they do not."""

    def __init__(self, pairs: Sequence[tuple[QLabel, QComboBox]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pairs = tuple(pairs)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._one_row: bool | None = None
        self._refit_when_shown = False
        for label, combo in self._pairs:
            # A label keeps its words whole; a choice may narrow to a few letters, so that
            # the panel is never held wider than the reader set it.
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(MIN_LETTERS)
        self._place(one_row=True)

    def needed_width(self) -> int:
        """The width the shown pairs take in one row, each choice whole."""
        spacing = max(self._grid.horizontalSpacing(), 0)
        shown = [(label, combo) for label, combo in self._pairs if not combo.isHidden()]
        widths = [label.sizeHint().width() + whole_width(combo) for label, combo in shown]
        return sum(widths) + spacing * max(2 * len(shown) - 1, 0)

    def refit(self) -> None:
        """Choose the arrangement again (the choices or their words changed); when hidden,
        once shown (measuring a choice builds QStyle's many enums: not before the window's
        first paint, where the results panel is hidden)."""
        if not self.isVisible():
            self._refit_when_shown = True
            return
        self._refit_when_shown = False
        self._place(one_row=self.width() >= self.needed_width())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._refit_when_shown:
            self.refit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place(one_row=event.size().width() >= self.needed_width())
        super().resizeEvent(event)

    def _place(self, one_row: bool) -> None:
        if one_row == self._one_row:
            return
        self._one_row = one_row
        for label, combo in self._pairs:
            self._grid.removeWidget(label)
            self._grid.removeWidget(combo)
        for column in range(2 * len(self._pairs)):
            self._grid.setColumnStretch(column, 0)
        for n, (label, combo) in enumerate(self._pairs):
            row, column = (0, 2 * n) if one_row else (n, 0)
            self._grid.addWidget(label, row, column)
            self._grid.addWidget(combo, row, column + 1)
            self._grid.setColumnStretch(column + 1, 1)
