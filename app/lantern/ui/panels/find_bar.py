"""Find in the open page (Ctrl+F): a slim bar under the reader."""

from __future__ import annotations

from PySide6.QtCore import Qt
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

MATCH_COLOUR = QColor("#ffe38a")


def mark_all(browser: QTextBrowser, words: list[str]) -> int:
    """Give every whole-word occurrence of `words` a highlight; return how many."""
    from PySide6.QtGui import QTextCharFormat  # its enums are built on first use

    fmt = QTextCharFormat()
    fmt.setBackground(MATCH_COLOUR)
    fmt.setForeground(QColor("#1a1a1a"))
    selections: list[QTextEdit.ExtraSelection] = []
    document = browser.document()
    for word in dict.fromkeys(w for w in words if w.strip()):
        flags = QTextDocument.FindFlag.FindWholeWords if " " not in word else \
            QTextDocument.FindFlag(0)
        cursor = document.find(word, 0, flags)
        while not cursor.isNull() and len(selections) < 2000:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
            cursor = document.find(word, cursor, flags)
    browser.setExtraSelections(selections)
    return len(selections)


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
        self.field.setPlaceholderText("Find in this page")
        self.field.setAccessibleName("Find in this page")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.on_text_changed)
        self.count = QLabel()
        self.count.setMinimumWidth(90)
        previous = QPushButton("Previous")
        previous.setAccessibleName("Previous match")
        previous.clicked.connect(lambda: self.find(backward=True))
        following = QPushButton("Next")
        following.setAccessibleName("Next match")
        following.clicked.connect(lambda: self.find())
        close = QPushButton("Close")
        close.setAccessibleName("Close find bar")
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self.hide()

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
        if not text.strip():
            self.browser.setExtraSelections([])
            self.count.setText("")
        else:
            self.count.setText(f"{found} match{'es' if found != 1 else ''}" if found
                               else "Not found")
        if found:
            cursor = self.browser.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            self.find()

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
