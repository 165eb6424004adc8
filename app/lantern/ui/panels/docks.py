"""Side panels: the Glossary and the References of the page being read."""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lantern.ui.panels.models import HtmlRole, TargetRole, TermsModel
from lantern.ui.panels.rich_text import ReadingBrowser
from lantern.ui.words import translate

if TYPE_CHECKING:
    from lantern.core.compose import Composer
    from lantern.core.model import Library, Reference


def panel_sizes(stylesheet: str) -> str:
    """A narrow panel's text a little smaller than the reader's, and its title much smaller,
    in proportion to the reader's at any text size."""
    rules = []
    for source, selector, factor, extra in (
            ("body", "div.panel", 0.85, " line-height: 135%;"), ("h1", "h1", 0.7, "")):
        found = re.search(rf"\b{source}\s*\{{[^}}]*font-size:\s*([\d.]+)pt", stylesheet)
        if found:
            rules.append(f"{selector} {{ font-size: {float(found[1]) * factor:.1f}pt;{extra} }}")
    return "\n" + "\n".join(rules)


#: Room around a side panel's contents (left, top, right, bottom): the left lines its text
#: up with the panel's title, the right keeps fields and lists off the window's edge.
PANEL_MARGINS = (4, 2, 6, 4)


def inset(widget: QWidget) -> QWidget:
    """`widget` in a box with the panel margins, for QDockWidget.setWidget."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(*PANEL_MARGINS)
    layout.addWidget(widget)
    return box


def _panel_html(body: str) -> str:
    return f'<html><body><div class="panel">{body}</div></body></html>'


def _browser(stylesheet: str) -> QTextBrowser:
    browser = ReadingBrowser()
    browser.setOpenLinks(False)
    browser.setOpenExternalLinks(False)
    browser.document().setDefaultStyleSheet(stylesheet)
    return browser


class GlossaryDock(QDockWidget):
    """Every term, filterable; the selected one's definition, names and see-also links."""

    link_activated = Signal(QUrl)
    term_shown = Signal(str)

    def __init__(self, stylesheet: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossaryDock")
        self._composer: Composer | None = None
        self.current_term_id = ""
        self.model = TermsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(HtmlRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.list = QListView()
        self.list.setModel(self.proxy)
        # Long names wrap rather than scroll sideways, at any text size.
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.selectionModel().currentChanged.connect(self.on_current_changed)
        self.entry = _browser(stylesheet)
        self.entry.anchorClicked.connect(self.link_activated)
        self.retranslate()

        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        layout = QVBoxLayout(top)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        splitter.addWidget(top)
        splitter.addWidget(self.entry)
        splitter.setSizes([200, 260])
        self.setWidget(inset(splitter))

    def retranslate(self) -> None:
        """The panel's words in the interface's language."""
        self.setWindowTitle(translate("Glossary", "Glossary"))
        self.filter.setPlaceholderText(translate("Glossary", "Filter terms"))
        self.filter.setAccessibleName(translate("Glossary", "Filter glossary terms"))
        self.list.setAccessibleName(translate("Glossary", "Glossary terms"))
        self.entry.setAccessibleName(translate("Glossary", "Glossary entry"))
        if not self.current_term_id:
            self._show_hint()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_library(self, library: Library, composer: Composer, then_show: str = "") -> None:
        """The terms of `library`; the entry shown is replaced by `then_show` (the same term
        in the new library's language) or by the hint, never left from the old library."""
        self._composer = composer
        self.model.set_terms(library.terms)
        had_entry, self.current_term_id = bool(self.current_term_id), ""
        if then_show and self.model.row_of(then_show) >= 0:
            index = self.proxy.mapFromSource(self.model.index(self.model.row_of(then_show)))
            self.list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self._show(then_show)
        elif had_entry:
            self._show_hint()

    def _show_hint(self) -> None:
        hint = translate("Glossary", "Choose a term above, or click a word underlined with "
                         "dots in the text, to see what it means.")
        self.entry.setHtml(f'<p class="hint">{escape(hint)}</p>')

    def set_stylesheet(self, stylesheet: str) -> None:
        """Use another stylesheet (theme, text size) and redraw the entry shown."""
        self.entry.document().setDefaultStyleSheet(stylesheet + panel_sizes(stylesheet))
        term_id, self.current_term_id = self.current_term_id, ""
        if term_id:
            self._show(term_id)
        else:
            self._show_hint()

    def set_document_css(self, css: str) -> None:
        """`css` as it is for the entry's next page (a kiosk's text size), nothing redrawn."""
        self.entry.document().setDefaultStyleSheet(css)

    def show_term(self, term_id: str) -> bool:
        row = self.model.row_of(term_id)
        if row < 0 or self._composer is None:
            return False
        self.filter.clear()
        index = self.proxy.mapFromSource(self.model.index(row))
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.list.scrollTo(index)
        self._show(term_id)
        self.show()
        self.raise_()
        return True

    def reset(self) -> None:
        """No filter, no entry chosen or shown, closed."""
        self.filter.setText("")
        self.list.selectionModel().clear()
        self.list.scrollToTop()
        self.current_term_id = ""
        self.entry.clear()
        self.entry.clearHistory()
        self.hide()

    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show(current.data(TargetRole))

    def _show(self, term_id: str) -> None:
        if self._composer is None or term_id == self.current_term_id:
            return
        term = self._composer.library.term(term_id)
        if term is None:
            return
        self.current_term_id = term_id
        self.entry.setHtml(_panel_html(self._composer.term(term).html))
        self.term_shown.emit(term_id)


class ReferencesDock(QDockWidget):
    """The works cited by the page being read, numbered as in the text."""

    link_activated = Signal(QUrl)
    reference_shown = Signal(str)

    def __init__(self, stylesheet: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referencesDock")
        self._library: Library | None = None
        self._keys: tuple[str, ...] = ()
        self.current_reference_id = ""
        self.browser = _browser(stylesheet)
        self.browser.anchorClicked.connect(self.link_activated)
        self.browser.viewport().installEventFilter(self)
        self._shown: list[str] = []  # the key of each paragraph, in order
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        # The selected reference: its citation to copy, its link as a QR code for a phone.
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copyCitationButton")
        self.copy_button.clicked.connect(self.copy_citation)
        self.qr = QLabel()
        self.qr.setObjectName("referenceQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_caption = QLabel()
        self.qr_caption.setWordWrap(True)
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.selection = QWidget()
        selected = QVBoxLayout(self.selection)
        selected.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        selected.addLayout(buttons)
        selected.addWidget(self.qr)
        selected.addWidget(self.qr_caption)
        selected.addStretch(1)
        # Scrolls rather than squeezes when the panel is short or the text large.
        self.selection_area = QScrollArea()
        self.selection_area.setObjectName("referenceSelection")
        self.selection_area.setWidget(self.selection)
        self.selection_area.setWidgetResizable(True)
        self.selection_area.setFrameShape(QFrame.Shape.NoFrame)
        self.selection_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.selection_area.hide()
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.browser)
        splitter.addWidget(self.selection_area)
        splitter.setStretchFactor(0, 1)  # room to spare goes to the list
        splitter.setStretchFactor(1, 0)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(*PANEL_MARGINS)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        self.setWidget(box)
        self.retranslate()

    def retranslate(self) -> None:
        """The panel's words in the interface's language."""
        self.setWindowTitle(translate("References", "References"))
        self.browser.setAccessibleName(translate("References", "References"))
        self.browser.setAccessibleDescription(translate(
            "References",
            "The works this page cites. Click or tap one to copy it or see its QR code."))
        self.empty.setText(translate("References", "This page cites no references."))
        self.copy_button.setText(translate("References", "Copy citation"))
        self.copy_button.setAccessibleName(translate("References", "Copy citation"))
        self.copy_button.setAccessibleDescription(translate(
            "References", "Copy the selected reference, as one line of text, to the clipboard"))
        self.qr.setAccessibleName(translate(
            "References", "QR code of the selected reference's link"))
        self.qr_caption.setAccessibleName(translate("References", "Link of the selected reference"))
        if self.current_reference_id:
            self._show_selected()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_library(self, library: Library) -> None:
        self._library = library

    def set_stylesheet(self, stylesheet: str) -> None:
        """Use another stylesheet (theme, text size) and redraw the list."""
        self.browser.document().setDefaultStyleSheet(stylesheet + panel_sizes(stylesheet))
        self._render()

    def set_document_css(self, css: str) -> None:
        """`css` as it is for the next list (a kiosk's text size), nothing redrawn."""
        self.browser.document().setDefaultStyleSheet(css)

    def set_references(self, keys: tuple[str, ...]) -> None:
        self._keys = keys
        self.current_reference_id = ""
        self._render()
        self._show_selected()

    def reset(self) -> None:
        """No references listed, closed."""
        self.set_references(())
        self.browser.clearHistory()
        self.hide()

    def current_reference(self) -> Reference | None:
        if self._library is None or not self.current_reference_id:
            return None
        return self._library.reference(self.current_reference_id)

    def copy_citation(self) -> None:
        """Put the selected reference's one-line citation on the clipboard."""
        ref = self.current_reference()
        clipboard = QApplication.clipboard()
        if ref is not None and clipboard is not None:
            clipboard.setText(ref.citation())

    def _show_selected(self) -> None:
        ref = self.current_reference()
        self.selection_area.setVisible(ref is not None)
        if ref is None:
            self.qr.clear()
            self.qr_caption.clear()
            return
        from lantern.core.model import QR_MAX_BYTES

        link = ref.link
        fits = len(link.encode("utf-8")) <= QR_MAX_BYTES
        self.qr.setVisible(bool(link) and fits)
        if link and fits:
            from lantern.ui.panels.qr import qr_pixmap  # segno is loaded on first use

            self.qr.setPixmap(qr_pixmap(link))
            self.qr_caption.setText(translate(
                "References", "Scan with a phone camera to open the study:") + f"\n{link}")
        elif link:
            self.qr.clear()
            self.qr_caption.setText(translate(
                "References", "This address is too long for a QR code:") + f"\n{link}")
        else:
            self.qr.clear()
            self.qr_caption.setText(translate(
                "References", "This reference has no DOI or web address."))
        self._fit()

    #: Lines of the list kept in view above the selected reference's QR code.
    LIST_LINES = 5

    def _fit(self) -> None:
        """The selected reference's QR code and link whole, if the panel has room for them
        and a few lines of the list; otherwise the list keeps those lines and the selection
        scrolls."""
        if not self.selection_area.isVisible():
            return
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        need = self.selection.sizeHint().height()
        keep = self.browser.fontMetrics().lineSpacing() * self.LIST_LINES
        shown = max(min(need, total - keep), total // 3)
        self.splitter.setSizes([total - shown, shown])

    def wanted_height(self) -> int:
        """The panel's height with the selected reference whole and the list's few lines."""
        title = self.style().pixelMetric(self.style().PixelMetric.PM_TitleBarHeight)
        lines = self.browser.fontMetrics().lineSpacing() * (self.LIST_LINES + 2)
        selected = self.selection.sizeHint().height() if self.current_reference_id else 0
        return title + lines + selected + self.splitter.handleWidth() + 12

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _scroll_to_current(self) -> None:
        """The selected reference's first line at the top of the list."""
        if self.current_reference_id not in self._shown:
            return
        block = self.browser.document().findBlockByNumber(
            self._shown.index(self.current_reference_id))
        top = self.browser.document().documentLayout().blockBoundingRect(block).top()
        self.browser.verticalScrollBar().setValue(int(top))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A click or tap on a reference (not on its link) selects it.
        if (watched is self.browser.viewport()
                and event.type() == QEvent.Type.MouseButtonRelease
                and isinstance(event, QMouseEvent)
                and event.button() == Qt.MouseButton.LeftButton):
            pos = event.position().toPoint()
            block = self.browser.cursorForPosition(pos).blockNumber()
            if not self.browser.anchorAt(pos) and 0 <= block < len(self._shown):
                self.show_reference(self._shown[block], scroll=False)
        return False

    def show_reference(self, key: str, scroll: bool = True) -> bool:
        if self._library is None or self._library.reference(key) is None:
            return False
        if key not in self._keys:
            self._keys = (*self._keys, key)
        self.current_reference_id = key
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        self._render()
        self._show_selected()
        self.show()
        self.raise_()
        self.reference_shown.emit(key)  # the window may give the panel more room
        if scroll:
            self._scroll_to_current()
            # Once the panel has its new size (and the list its new width), again.
            QTimer.singleShot(0, self, self._scroll_to_current)
        else:
            bar.setValue(position)
        return True

    def _render(self) -> None:
        if self._library is None:
            return
        from lantern.core.compose import reference_html  # loaded after the first paint

        parts = []
        self._shown = []
        for n, key in enumerate(self._keys, 1):
            ref = self._library.reference(key)
            if ref is None:
                continue
            self._shown.append(key)
            css = "reference selected" if key == self.current_reference_id else "reference"
            parts.append(f'<p class="{css}">{reference_html(ref, n)}</p>')
        self.empty.setVisible(not parts)
        self.browser.setVisible(bool(parts))
        self.browser.setHtml(_panel_html("".join(parts)))
        # A new list starts at its top: set while the panel had no room yet (a page citing
        # nothing before), Qt scrolled to keep its cursor in a view of no height, and the
        # first reference showed without its first line.
        self.browser.verticalScrollBar().setValue(0)
