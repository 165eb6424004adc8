"""The reading view: a QTextBrowser that shows composed pages and never leaves the pack."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QElapsedTimer, QEvent, QPoint, QRect, Qt, QUrl, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QTextBlock,
    QTextCursor,
)
from PySide6.QtWidgets import QToolTip, QWidget

from lantern.core.address import Kind
from lantern.core.parts import PART_ANCHOR, Parts, split_parts

from lantern.ui.panels.rich_text import ReadingBrowser, link_kind
from lantern.ui.platform.accessibility import announce, caret_moved
from lantern.ui.words import translate

if TYPE_CHECKING:
    from lantern.core.compose import ComposedPage


#: The longest comfortable line, in average characters; wider windows get side margins.
MEASURE_CHARS = 78
MIN_MARGIN = 24
#: ms after a tap during which a resize keeps the tapped word in place (a panel opening).
HOLD_MS = 2000
#: The focus ring around the link that has the keyboard: its width, and its gap to the text.
FOCUS_RING = 2
FOCUS_GAP = 2


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
        #: The page cut into parts when it is too long to set at once, and the one shown.
        self.parts = Parts(("",), {})
        self.part = 0
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
        self.retranslate()
        self.document().setDocumentMargin(MIN_MARGIN)

    def retranslate(self) -> None:
        """The reader's names in the interface's language."""
        self.setAccessibleName(translate("Reader", "Reader"))
        self.setAccessibleDescription(translate("Reader", "The article or answer being read"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_page(self, page: ComposedPage, anchor: str = "", part: int | None = None) -> None:
        """Show `page` at `anchor`; first its content note, if it has one not yet passed.
        A page too long to set at once is shown one part at a time: the part holding
        `anchor`, else part `part`, else the first."""
        if page is not self.page:
            self.parts = split_parts(page.html)
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
            found = self.parts.part_of(anchor) if anchor else None
            self.part = found if found is not None else min(part or 0, len(self.parts) - 1)
            body = self.parts.html(self.part)
        self.setHtml(f'<html><body><div class="page">{body}</div></body></html>')
        self._fit_measure()
        if anchor:
            self.scrollToAnchor(anchor)
        else:
            self.verticalScrollBar().setValue(0)

    def shown_html(self) -> str:
        """The HTML of what is on show: the page, or the part of it shown."""
        return self.parts.html(self.part) if self.page is not None else ""

    def reading_fraction(self) -> float:
        """How far through the whole page the top of the view is, 0 to 1."""
        bar = self.verticalScrollBar()
        within = bar.value() / bar.maximum() if bar.maximum() else 0.0
        return (self.part + within) / len(self.parts)

    def go_to_fraction(self, fraction: float) -> None:
        """Scroll to `fraction` of the whole page (its part shown first, if need be)."""
        count = len(self.parts)
        part = min(int(fraction * count), count - 1)
        if part != self.part and self.page is not None and not self.showing_content_note:
            self.show_page(self.page, part=part)
        # Qt lays a long document out a step at a time, the scroll bar's range estimated
        # meanwhile: the whole part first, so the fraction is of its real height.
        height = self.document().documentLayout().documentSize().height()
        bar = self.verticalScrollBar()
        bar.setMaximum(max(0, math.ceil(height) - self.viewport().height()))
        bar.setValue(round((fraction * count - part) * bar.maximum()))

    # keyboard reading ----------------------------------------------------------------------

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab goes on from the part of the page in view (the section opened, the place
        # scrolled to), not from wherever the caret was left.
        if self.hasFocus() and not self._caret_in_view():
            corner = QPoint(0, 0) if next else QPoint(self.viewport().width() - 1,
                                                      self.viewport().height() - 1)
            # Qt looks for the next link after a selection, and from the top without one.
            start = self.cursorForPosition(corner)
            start.movePosition(QTextCursor.MoveOperation.NextCharacter if next
                               else QTextCursor.MoveOperation.PreviousCharacter,
                               QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(start)
        moved = super().focusNextPrevChild(next)
        if moved and self.hasFocus():
            self._tell_focused_link()
        return moved

    def _caret_in_view(self) -> bool:
        return self.viewport().rect().intersects(self.cursorRect())

    def focused_link(self) -> tuple[str, str]:
        """The address and text of the link selected by Tab, or two empty strings."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return "", ""
        probe = QTextCursor(self.document())
        probe.setPosition(cursor.selectionStart() + 1)
        fmt = probe.charFormat()
        href = fmt.anchorHref() if fmt.isAnchor() else ""
        return (href, cursor.selectedText().strip()) if href else ("", "")

    def _tell_focused_link(self) -> None:
        href, text = self.focused_link()
        if not href:
            return
        cursor = self.textCursor()
        caret_moved(self, cursor.selectionStart(), cursor.selectionEnd())
        kind = link_kind(href)
        if kind is Kind.REF:
            said = f"citation {text}"
        elif kind is Kind.TERM:
            said = f"{text}, glossary term"
        else:
            said = f"{text}, {'link' if kind is not None else 'website link'}"
        announce(self, said)
        self.viewport().update()

    def headings(self) -> list[QTextBlock]:
        """The heading blocks of the page, in order."""
        found = []
        block = self.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0 and block.text().strip():
                found.append(block)
            block = block.next()
        return found

    def jump_to_heading(self, step: int) -> bool:
        """The next (+1) or previous (−1) heading after the caret (or the top of the view):
        scrolled to the top, selected for a screen reader, and announced with its level."""
        if self._caret_in_view():
            here = self.textCursor().selectionStart()
        else:
            here = self.cursorForPosition(QPoint(0, 0)).position()
        blocks = self.headings()
        if step > 0:
            target = next((b for b in blocks if b.position() > here), None)
        else:
            target = next((b for b in reversed(blocks) if b.position() + b.length() <= here),
                          None)
        if target is None:
            announce(self, translate("Reader", "No more headings") if step > 0
                     else translate("Reader", "No earlier headings"))
            return False
        cursor = QTextCursor(target)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                            QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        layout = self.document().documentLayout()
        self.verticalScrollBar().setValue(int(layout.blockBoundingRect(target).top()))
        caret_moved(self, cursor.selectionStart(), cursor.selectionEnd())
        level = target.blockFormat().headingLevel()
        announce(self, translate("Reader", "Heading level {level}, {heading}").format(
            level=level, heading=target.text().strip()))
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # H and Shift+H go from heading to heading, as in a browser's caret browsing.
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_H and modifiers in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            self.jump_to_heading(-1 if modifiers else +1)
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.hasFocus() or not self.focused_link()[0]:
            return
        # Qt marks the link with keyboard focus with a thin dotted box: ring it as well, in the
        # theme's focus colour (the palette's accent), thick enough to see; its contrast on
        # every background is checked per theme.
        painter = QPainter(self.viewport())
        pen = QPen(self.palette().color(QPalette.ColorRole.Accent), FOCUS_RING)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in self.focused_link_rects():
            painter.drawRect(rect)
        painter.end()

    def focused_link_rects(self) -> list[QRect]:
        """The rings drawn around the link with keyboard focus, one per line it spans."""
        cursor = self.textCursor()
        lines: dict[int, QRect] = {}
        probe = QTextCursor(self.document())
        for position in range(cursor.selectionStart(), cursor.selectionEnd() + 1):
            probe.setPosition(position)
            rect = self.cursorRect(probe)
            line = lines.get(rect.top())
            lines[rect.top()] = rect if line is None else line.united(rect)
        pad = FOCUS_GAP + FOCUS_RING // 2
        return [r.adjusted(-pad, -pad // 2, pad, pad // 2) for r in lines.values()
                if r.width() > 1]

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
        part = self.parts.part_of(name)
        if part is not None and part != self.part and self.page is not None:
            self.show_page(self.page, name)  # shows the part, then comes back here
            return
        if name.startswith(PART_ANCHOR):
            self.verticalScrollBar().setValue(0)
            return
        super().scrollToAnchor(name)

    def set_stylesheet(self, stylesheet: str) -> None:
        """Use another stylesheet (kiosk text sizes) and redraw the page at the same place."""
        self._stylesheet = stylesheet
        if self.page is not None:
            bar = self.verticalScrollBar()
            fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
            self.show_page(self.page, self._pending_anchor, self.part)
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

    def show_opening(self, title: str) -> None:
        """A quiet line while a long page is put together in the background."""
        from html import escape

        opening = escape(translate("Reader", "Opening…"))
        self.show_message(escape(title), f'<span class="opening">{opening}</span>')

    def show_message(self, title: str, text: str) -> None:
        self.page = None
        self.parts, self.part = Parts(("",), {}), 0
        self.showing_content_note = False
        self.document().setDefaultStyleSheet(self._stylesheet)
        self.setHtml(f'<div class="page"><h1>{title}</h1><p>{text}</p></div>')

