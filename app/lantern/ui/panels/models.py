"""Qt models that adapt core results; they hold no logic of their own."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QPalette, QTextDocument
from PySide6.QtWidgets import QStyledItemDelegate

from lantern.core.wording import kind_label

from lantern.ui.panels.text_views import TextDocument
from lantern.ui.words import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

    from lantern.core.model import Term
    from lantern.core.search.results import SearchResult

TargetRole = Qt.ItemDataRole.UserRole + 1
HtmlRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


class ResultsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._results: tuple[SearchResult, ...] = ()

    def set_results(self, results: tuple[SearchResult, ...]) -> None:
        self.beginResetModel()
        self._results = results
        self.endResetModel()

    def result(self, row: int) -> SearchResult:
        return self._results[row]

    def result_at(self, target: str) -> SearchResult | None:
        """The result shown that opens `target`, if any."""
        return next((r for r in self._results if r.target == target), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._results)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        result = self._results[index.row()]
        label = kind_label(result.kind)  # in the interface's language
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{result.title} ({label})"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if result.heading:
                return translate("Results", "{kind}: {title}, section {heading}").format(
                    kind=label, title=result.title, heading=result.heading)
            return f"{label}: {result.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return result.heading or result.title
        if role == TargetRole:
            return result.target
        if role == HtmlRole:
            heading = f" › {escape(result.heading)}" if result.heading else ""
            snippet = result.snippet.marked("<b>", "</b>")
            return (
                f'<p style="margin:0"><small>{escape(label.upper())}</small><br/>'
                f"<b>{escape(result.title)}</b>{heading}<br/>"
                f'<span>{snippet}</span></p>'
            )
        return None


class TermsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._terms: tuple[Term, ...] = ()

    def set_terms(self, terms: tuple[Term, ...]) -> None:
        self.beginResetModel()
        self._terms = terms
        self.endResetModel()

    def row_of(self, term_id: str) -> int:
        for row, term in enumerate(self._terms):
            if term.id == term_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._terms)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        term = self._terms[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return term.term
        if role == Qt.ItemDataRole.ToolTipRole:
            return ", ".join(term.aliases)
        if role == TargetRole:
            return term.id
        if role == HtmlRole:
            # What the filter matches: the name and every alias.
            return " ".join(term.names)
        return None


class RichTextDelegate(QStyledItemDelegate):
    """Paints an item's HtmlRole text, so snippets can show the matched words in bold."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        doc = TextDocument()  # loads no file a snippet names
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(6)
        doc.setHtml(index.data(HtmlRole) or "")
        doc.setTextWidth(max(option.rect.width(), 120))
        return doc

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: Index) -> None:
        # QStyle's many enums are built on first use, after the window is on screen.
        from PySide6.QtGui import QAbstractTextDocumentLayout
        from PySide6.QtWidgets import QStyle

        self.initStyleOption(option, index)
        doc = self._document(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter,
                              option.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)
