"""The suggestion list of a touch screen: drawn inside the window under the search field,
not in a pop-up window. A pop-up closes on the next tap outside it and swallows that tap, so
letters typed on an on-screen keyboard were lost and buttons needed two taps; this list
never takes the focus or a tap meant for something else. Its rows are finger-sized and
show their whole text, wrapped."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QListView,
    QMainWindow,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from lantern.ui.words import translate


class _TallRows(QStyledItemDelegate):
    """Rows at least `MIN_ROW` px tall, their text wrapped to the list's width."""

    MIN_ROW = 52

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        view = self.parent()
        # The list's own width (its viewport is resized only later, when it is laid out).
        # Room for a scroll bar is kept, so the text wraps the same when one shows.
        width = (view.width() - 2 * view.frameWidth() - view.verticalScrollBar().sizeHint().width()
                 if isinstance(view, QListView) else 400)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        metrics = QFontMetrics(option.font)
        padding = 2 * 14
        bounds = metrics.boundingRect(0, 0, max(width - padding, 40), 10_000,
                                      int(Qt.TextFlag.TextWordWrap), text)
        return QSize(width, max(self.MIN_ROW, bounds.height() + padding))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        from PySide6.QtWidgets import QStyle  # its many enums: built once suggestions show

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        text, opt.text = opt.text, ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
        painter.drawText(opt.rect.adjusted(14, 14, -14, -14),
                         int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignVCenter), text)
        painter.restore()


class NeverShown(QListView):
    """A pop-up for the field's completer that never opens: a `SuggestionList` shows the
    same suggestions instead."""

    def setVisible(self, visible: bool) -> None:
        super().setVisible(False)


class SuggestionList(QListView):
    """Suggestions while typing, inside `window` under `field`; a tap beside it acts at once."""

    chosen = Signal(str)  # the suggestion's target: an address, or "search:" and a query

    def __init__(self, window: QWidget, field: QLineEdit, model: QAbstractItemModel,
                 target_role: int) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("kioskSuggestions")
        self.setAccessibleName(translate("Results", "Suggestions"))
        self.field = field
        self.setModel(model)
        self.setItemDelegate(_TallRows(self))
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformItemSizes(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the focus and the keys
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.clicked.connect(lambda index: self._choose(index.data(target_role)))
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(translate("Results", "Suggestions"))
        super().changeEvent(event)

    def _choose(self, target: object) -> None:
        self.hide()
        if target:
            self.chosen.emit(str(target))

    def show_under_field(self) -> None:
        """Under the field, as wide as there is room for (at least the field), as tall as its
        rows up to the window's bottom edge; hidden when there is nothing to list."""
        window = self.window_
        rows = self.model().rowCount()
        if rows == 0 or not self.field.isVisible():
            self.hide()
            return
        top_left = self.field.mapTo(window, QPoint(0, self.field.height() + 4))
        central = window.centralWidget() if isinstance(window, QMainWindow) else None
        if central is not None and top_left.y() < central.y():
            # Below what is docked under the toolbar (an on-screen keyboard), over the page.
            top_left.setY(central.y() + 4)
        width = min(max(self.field.width(), 560), window.width() - top_left.x() - 8)
        self.resize(width, 10)  # the row heights below depend on the width
        self.doItemsLayout()
        height = sum(self.sizeHintForRow(r) for r in range(rows)) + 2 * self.frameWidth()
        bottom = window.height()
        if central is not None:
            # Above what is docked at the bottom (an on-screen keyboard): it scrolls instead.
            bottom = central.geometry().bottom()
        height = max(min(height, bottom - top_left.y() - 8), _TallRows.MIN_ROW)
        self.setGeometry(top_left.x(), top_left.y(), width, height)
        self.show()
        self.raise_()
