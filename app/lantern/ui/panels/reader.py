"""The reading view: a QTextBrowser that shows composed pages and never leaves the pack."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QElapsedTimer, QEvent, QPoint, QUrl, Signal
from PySide6.QtGui import QHelpEvent, QMouseEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QToolTip, QWidget

from lantern.ui.panels.rich_text import ReadingBrowser

if TYPE_CHECKING:
    from lantern.core.compose import ComposedPage


#: The longest comfortable line, in average characters; wider windows get side margins.
MEASURE_CHARS = 78
MIN_MARGIN = 24
#: ms after a tap during which a resize keeps the tapped word in place (a panel opening).
HOLD_MS = 2000


class ReaderView(ReadingBrowser):
    """Shows one page at a time; every click on a link is handed to the window to route."""

    link_activated = Signal(QUrl)
    #: The reader chose to go on past a content note to the page (its address, #section).
    content_note_passed = Signal(str)
    #: A word was double-clicked (selected): the window looks it up in the glossary.
    word_looked_up = Signal(str)

    def __init__(self, stylesheet: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stylesheet = stylesheet
        self.page: ComposedPage | None = None
        self.showing_content_note = False
        self._notes_passed: set[str] = set()
        self._pending_anchor = ""
        self._held: int | None = None  # the text position of the last tap
        self._held_clock = QElapsedTimer()
        #: The tooltip for a link's address ("" for none): set by the window.
        self.link_tooltip: Callable[[str], str] | None = None
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.setObjectName("reader")
        self.setAccessibleName("Reader")
        self.setAccessibleDescription("The article or answer being read")
        self.document().setDocumentMargin(MIN_MARGIN)

    def show_page(self, page: ComposedPage, anchor: str = "") -> None:
        """Show `page` at `anchor`; first its content note, if it has one not yet passed."""
        self.page = page
        self.document().setDefaultStyleSheet(self._stylesheet)
        self.showing_content_note = bool(page.content_note) and \
            page.address not in self._notes_passed
        if self.showing_content_note:
            from lantern.core.compose import content_note_html

            self._pending_anchor = anchor
            body = content_note_html(page)
            anchor = ""
        else:
            body = page.html
        self.setHtml(f'<html><body><div class="page">{body}</div></body></html>')
        self._fit_measure()
        if anchor:
            self.scrollToAnchor(anchor)
        else:
            self.verticalScrollBar().setValue(0)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        super().mouseDoubleClickEvent(event)  # selects the word
        word = self.textCursor().selectedText().strip(" .,;:!?()[]“”\"'‘’")
        if word:
            self.word_looked_up.emit(word)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        from lantern.core.compose import CONTINUE

        if url.toString() == CONTINUE:
            self.continue_past_note()
        else:
            self.link_activated.emit(url)

    def continue_past_note(self) -> None:
        """Go on from the content note to the page itself (and the section asked for)."""
        page = self.page
        if page is None or not self.showing_content_note:
            return
        self._notes_passed.add(page.address)
        anchor, self._pending_anchor = self._pending_anchor, ""
        self.show_page(page, anchor)
        self.content_note_passed.emit(f"{page.address}#{anchor}" if anchor else page.address)

    def forget_content_notes(self) -> None:
        """Show every content note again (kiosk: for the next visitor)."""
        self._notes_passed.clear()

    def reset(self) -> None:
        """No history, no marked words, every content note shown again."""
        self.clearHistory()
        self.setExtraSelections([])
        self.forget_content_notes()

    def scrollToAnchor(self, name: str) -> None:
        if self.showing_content_note:
            self._pending_anchor = name  # a section chosen behind the note: go there after
            return
        super().scrollToAnchor(name)

    def set_stylesheet(self, stylesheet: str) -> None:
        """Use another stylesheet (kiosk text sizes) and redraw the page at the same place."""
        self._stylesheet = stylesheet
        if self.page is not None:
            bar = self.verticalScrollBar()
            fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
            self.show_page(self.page, self._pending_anchor)
            bar.setValue(round(fraction * bar.maximum()))

    def _fit_measure(self) -> None:
        """Centre the text in a column of about MEASURE_CHARS characters."""
        width = self.viewport().width()
        # Body text is set about a third larger than the widget font (article.css).
        column = self.fontMetrics().averageCharWidth() * MEASURE_CHARS * 1.4
        # The frame's own side margins replace the document margin, so never go below it.
        side = max(float(MIN_MARGIN), (width - column) / 2)
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if abs(fmt.leftMargin() - side) >= 1:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            root.setFrameFormat(fmt)

    def viewportEvent(self, event: QEvent) -> bool:
        # Tooltip events go to the viewport, where the text and its links are drawn.
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            href = self.anchorAt(event.pos())
            text = self.link_tooltip(href) if href and self.link_tooltip else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # What was tapped stays where it was if a panel opening narrows the reader.
        self._held = self.cursorForPosition(event.position().toPoint()).position()
        self._held_clock.start()
        super().mousePressEvent(event)

    def resizeEvent(self, event: Any) -> None:
        """Reflowed to the new width, with the word just tapped (or else the first line on
        show) kept at the same height, so opening a panel does not move the text away."""
        if self._held is not None and self._held_clock.elapsed() < HOLD_MS:
            position = self._held
        else:
            position = self.cursorForPosition(QPoint(0, 0)).position()
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(position, max(self.document().characterCount() - 1, 0)))
        y = self.cursorRect(cursor).top()
        super().resizeEvent(event)
        self._fit_measure()
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).top() - y)

    def show_message(self, title: str, text: str) -> None:
        self.page = None
        self.showing_content_note = False
        self.document().setDefaultStyleSheet(self._stylesheet)
        self.setHtml(f'<div class="page"><h1>{title}</h1><p>{text}</p></div>')

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        # Nothing is fetched from outside: no remote images, no file: URLs.
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return None
        return super().loadResource(kind, url)
