"""A small built-in on-screen keyboard for touch screens without a physical one.

Keys never take the focus: each tap is sent as an ordinary key press to the widget that has
the focus (the search field, the glossary filter, the PIN field), so the widget behaves just
as it does with a real keyboard. Qt Virtual Keyboard is GPL-only, hence this one.

The letters follow the content language (`set_language`): the English layout, or the
Spanish one with ñ, the accented vowels and ¿ ¡.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from lantern.ui.words import translate

KEY_SIZE = 56  # px; comfortably above the 44 px touch minimum

#: The rows of letter keys by language; a space in a row is a gap between groups of keys.
#: Backspace ends the first row and Search the third. The Spanish layout keeps every
#: letter where the English one has it, ñ after l as on a Spanish keyboard, and has a row
#: more, of accented vowels and ¿ ¡, so that no row is wider than a 1024 px screen.
LAYOUTS = {
    "en": ("1234567890", "qwertyuiop", "asdfghjkl-", "zxcvbnm"),
    "es": ("1234567890", "qwertyuiop", "asdfghjklñ", "zxcvbnm-", "áéíóúü ¿¡"),
}
LETTER_ROWS = LAYOUTS["en"]
DIGIT_ROWS = ("123", "456", "789")

_KEYS = {c: getattr(Qt.Key, f"Key_{c.upper()}") for c in "abcdefghijklmnopqrstuvwxyz0123456789"}
_KEYS.update({"-": Qt.Key.Key_Minus, "ñ": Qt.Key.Key_Ntilde, "á": Qt.Key.Key_Aacute,
              "é": Qt.Key.Key_Eacute, "í": Qt.Key.Key_Iacute, "ó": Qt.Key.Key_Oacute,
              "ú": Qt.Key.Key_Uacute, "ü": Qt.Key.Key_Udiaeresis,
              "¿": Qt.Key.Key_questiondown, "¡": Qt.Key.Key_exclamdown})


class OnScreenKeyboard(QWidget):
    """Letters, digits, space, backspace and enter; or a PIN pad with `digits_only`."""

    hide_requested = Signal()
    key_sent = Signal(str)

    def __init__(self, digits_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onScreenKeyboard")
        self.setAccessibleName(translate("Keyboard", "On-screen keyboard"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.digits_only = digits_only
        #: The layout's language ("en" or "es"); "en" for the PIN pad.
        self.language = "en"
        self.keys: list[QPushButton] = []
        self.target: QWidget | None = None  # None: whichever widget has the focus
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(0, 0, 0, 0)
        self._board: QWidget | None = None
        self._build()

    def set_language(self, code: str) -> None:
        """The Spanish layout for "es", the English one for any other language."""
        language = code if code in LAYOUTS else "en"
        if self.digits_only or language == self.language:
            return
        self.language = language
        self._build()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self._board is not None:
            self._build()  # the labels of Search, Space, Clear… in the interface's language

    # the keys --------------------------------------------------------------------------

    def _build(self) -> None:
        """The keys of the current layout, on a board of their own that replaces the last."""
        board = QWidget(self)
        board.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        rows = QVBoxLayout(board)
        rows.setContentsMargins(8, 8, 8, 8)
        rows.setSpacing(6)
        self.keys = []
        if self.digits_only:
            self._build_digits(rows)
        else:
            self._build_letters(rows)
        outer = self._outer
        if self._board is not None:
            outer.removeWidget(self._board)
            self._board.hide()
            self._board.deleteLater()
        outer.addWidget(board)
        self._board = board

    def _build_digits(self, rows: QVBoxLayout) -> None:
        for chars in DIGIT_ROWS:
            self._row(rows, [self._char_key(c) for c in chars])
        clear = translate("Keyboard", "Clear")
        self._row(rows, [self._key("⌫", self._backspace, translate("Keyboard", "Backspace")),
                         self._char_key("0"), self._key(clear, self._clear, clear)])

    def _build_letters(self, rows: QVBoxLayout) -> None:
        for n, chars in enumerate(LAYOUTS[self.language]):
            keys: list[QPushButton | None] = [
                None if c == " " else self._char_key(c) for c in chars]
            if n == 0:
                keys.append(self._key("⌫", self._backspace, translate("Keyboard", "Backspace"),
                                      wide=True))
            if n == 2:
                keys.append(self._key(translate("Keyboard", "Search"), self._enter,
                                      translate("Keyboard", "Enter"), wide=True))
            self._row(rows, keys)
        label = translate("Keyboard", "Space")
        space = self._key(label, lambda: self._type(" "), label)
        space.setObjectName("spaceKey")
        space.setMinimumWidth(KEY_SIZE * 6)
        self._row(rows, [self._key(translate("Keyboard", "Clear"), self._clear,
                                   translate("Keyboard", "Clear the field"), wide=True),
                         space,
                         self._key(translate("Keyboard", "Hide keyboard"), self.hide_requested.emit,
                                   translate("Keyboard", "Hide the keyboard"), wide=True)])

    @staticmethod
    def _row(layout: QVBoxLayout, keys: list[QPushButton | None]) -> None:
        """A centred row of keys; None is a gap as wide as half a key."""
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addStretch(1)
        for key in keys:
            if key is None:
                row.addSpacing(KEY_SIZE // 2)
            else:
                row.addWidget(key)
        row.addStretch(1)
        layout.addLayout(row)

    def _char_key(self, char: str) -> QPushButton:
        return self._key(char, lambda _checked=False: self._type(char))

    def _key(self, label: str, slot: Callable[..., object], name: str = "",
             wide: bool = False) -> QPushButton:
        key = QPushButton(label)
        key.setObjectName("wideKey" if wide else "key")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setAutoDefault(False)
        key.setAutoRepeat(label == "⌫")
        key.setAccessibleName(name or label)
        key.setMinimumSize(QSize(KEY_SIZE * (2 if wide else 1), KEY_SIZE))
        key.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        key.clicked.connect(slot)
        self.keys.append(key)
        return key

    # sending keys ----------------------------------------------------------------------

    def _send(self, key: Qt.Key, text: str = "") -> None:
        target = self.target or QApplication.focusWidget()
        if target is None:
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                     text))
        self.key_sent.emit(text or key.name)

    def _type(self, char: str) -> None:
        self._send(_KEYS.get(char, Qt.Key.Key_Space), char)

    def _backspace(self) -> None:
        self._send(Qt.Key.Key_Backspace)

    def _enter(self) -> None:
        self._send(Qt.Key.Key_Return)

    def _clear(self) -> None:
        target = self.target or QApplication.focusWidget()
        if target is not None and hasattr(target, "setText"):
            # setText also empties the undo history, so Ctrl+Z cannot bring the text back.
            target.setText("")
            if hasattr(target, "textEdited"):
                target.textEdited.emit("")
        self.key_sent.emit("Clear")
