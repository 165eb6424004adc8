"""Find in the open page (Ctrl+F): a slim bar under the reader."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QTextEdit,
    QWidget,
)

from lantern.ui.words import translate

MATCH_COLOUR = QColor("#ffe38a")


def mark_all(browser: QTextBrowser, words: list[str]) -> int:
    """Give every whole-word occurrence of `words` a highlight; return how many.

    Matched words next to each other ("default mode network") are one highlight, not a box
    per word, and a highlight that touches a link covers the whole link, so no link is
    drawn in two colours."""
    from PySide6.QtGui import QTextCharFormat  # its enums are built on first use

    fmt = QTextCharFormat()
    fmt.setBackground(MATCH_COLOUR)
    fmt.setForeground(QColor("#1a1a1a"))
    document = browser.document()
    spans: list[tuple[int, int]] = []
    for word in dict.fromkeys(w for w in words if w.strip()):
        flags = QTextDocument.FindFlag.FindWholeWords if " " not in word else \
            QTextDocument.FindFlag(0)
        cursor = document.find(word, 0, flags)
        while not cursor.isNull() and len(spans) < 2000:
            spans.append(_whole_links(document, cursor.selectionStart(), cursor.selectionEnd()))
            cursor = document.find(word, cursor, flags)
    selections: list[QTextEdit.ExtraSelection] = []
    for start, end in _joined(document, spans):
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(document)
        selection.cursor.setPosition(start)
        selection.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.format = fmt
        selections.append(selection)
    browser.setExtraSelections(selections)
    return len(spans)


def _whole_links(document: QTextDocument, start: int, end: int) -> tuple[int, int]:
    """`start`–`end`, widened to the whole of a link it begins or ends in."""
    block = document.findBlock(start)
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        href = fragment.charFormat().anchorHref()
        low, high = fragment.position(), fragment.position() + fragment.length()
        if href and low < end and start < high:
            start, end = min(start, low), max(end, high)
        it += 1
    return start, end


def _joined(document: QTextDocument, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in order, those apart by nothing but spaces made one."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined:
            last_start, last_end = joined[-1]
            between = _text(document, last_end, start) if start > last_end else ""
            if start <= last_end or (between.strip() == "" and "\u2029" not in between):
                joined[-1] = (last_start, max(last_end, end))
                continue
        joined.append((start, end))
    return joined


def _text(document: QTextDocument, start: int, end: int) -> str:
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


class _Field(QLineEdit):
    def __init__(self, bar: FindBar) -> None:
        super().__init__(bar)
        self._bar = bar

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            backward = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._bar.find(backward=backward)
            return
        if event.key() == Qt.Key.Key_Escape:
            self._bar.close_bar()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    def __init__(self, browser: QTextBrowser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.browser = browser
        self.field = _Field(self)
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.on_text_changed)
        self.count = QLabel()
        self._found = 0
        self.count.setMinimumWidth(90)
        self.previous = previous = QPushButton()
        previous.clicked.connect(lambda: self.find(backward=True))
        self.following = following = QPushButton()
        following.clicked.connect(lambda: self.find())
        self.close_button = close = QPushButton()
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        """The bar's words in the interface's language."""
        self.field.setPlaceholderText(translate("FindBar", "Find in this page"))
        self.field.setAccessibleName(translate("FindBar", "Find in this page"))
        for button, text, name in (
                (self.previous, translate("FindBar", "Previous"),
                 translate("FindBar", "Previous match")),
                (self.following, translate("FindBar", "Next"),
                 translate("FindBar", "Next match")),
                (self.close_button, translate("FindBar", "Close"),
                 translate("FindBar", "Close find bar"))):
            button.setText(text)
            button.setAccessibleName(name)
        self._say_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.on_text_changed(self.field.text())

    def reset(self) -> None:
        """Empty and closed."""
        self.field.setText("")
        self.close_bar()

    def close_bar(self) -> None:
        self.hide()
        self.browser.setExtraSelections([])
        self.browser.setFocus()

    def on_text_changed(self, text: str) -> None:
        found = mark_all(self.browser, [text]) if text.strip() else 0
        self._found = found
        if not text.strip():
            self.browser.setExtraSelections([])
        self._say_count()
        if found:
            cursor = self.browser.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            self.find()

    def _say_count(self) -> None:
        found = self._found
        if not self.field.text().strip():
            self.count.setText("")
        else:
            self.count.setText(translate("FindBar", "%n match", "%n matches", found) if found
                               else translate("FindBar", "Not found"))

    def find(self, backward: bool = False) -> bool:  # type: ignore[override]
        text = self.field.text()
        if not text.strip():
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if self.browser.find(text, flags):
            return True
        # Wrap around once.
        cursor = self.browser.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End if backward
                            else QTextCursor.MoveOperation.Start)
        self.browser.setTextCursor(cursor)
        return self.browser.find(text, flags)
