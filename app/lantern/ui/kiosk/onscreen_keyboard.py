"""A small built-in on-screen keyboard for touch screens without a physical one.

Keys never take the focus: each tap is sent as an ordinary key press to the widget that has
the focus (the search field, the glossary filter, the PIN field), so the widget behaves just
as it does with a real keyboard. Qt Virtual Keyboard is GPL-only, hence this one.
"""

from __future__ import annotations

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

LETTER_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl-", "zxcvbnm")
DIGIT_ROWS = ("123", "456", "789")

_KEYS = {c: getattr(Qt.Key, f"Key_{c.upper()}") for c in "abcdefghijklmnopqrstuvwxyz0123456789"}
_KEYS["-"] = Qt.Key.Key_Minus


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
        self.keys: list[QPushButton] = []
        self.target: QWidget | None = None  # None: whichever widget has the focus
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        rows = DIGIT_ROWS if digits_only else LETTER_ROWS
        for n, chars in enumerate(rows):
            keys = [self._key(c, lambda _checked=False, c=c: self._type(c)) for c in chars]
            if not digits_only and n == 0:
                keys.append(self._key("⌫", self._backspace, translate("Keyboard", "Backspace"),
                                          wide=True))
            if not digits_only and n == 2:
                keys.append(self._key(translate("Keyboard", "Search"), self._enter,
                                          translate("Keyboard", "Enter"), wide=True))
            self._row(layout, keys)
        if digits_only:
            self._row(layout, [self._key("⌫", self._backspace, translate("Keyboard", "Backspace")),
                               self._key("0", lambda: self._type("0")),
                               self._key(translate("Keyboard", "Clear"), self._clear,
                                         translate("Keyboard", "Clear"))])
        else:
            space = self._key(translate("Keyboard", "Space"), lambda: self._type(" "),
                              translate("Keyboard", "Space"))
            space.setObjectName("spaceKey")
            space.setMinimumWidth(KEY_SIZE * 6)
            self._row(layout, [self._key(translate("Keyboard", "Clear"), self._clear,
                                         translate("Keyboard", "Clear the field"), wide=True),
                               space,
                               self._key(translate("Keyboard", "Hide keyboard"),
                                         self.hide_requested.emit,
                                         translate("Keyboard", "Hide the keyboard"), wide=True)])

    @staticmethod
    def _row(layout: QVBoxLayout, keys: list[QPushButton]) -> None:
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addStretch(1)
        for key in keys:
            row.addWidget(key)
        row.addStretch(1)
        layout.addLayout(row)

    def _key(self, label: str, slot, name: str = "", wide: bool = False) -> QPushButton:  # type: ignore[no-untyped-def]
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
