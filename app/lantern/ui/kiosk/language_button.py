"""The kiosk's language switch: EN | ES on the bar. One tap puts the window's words and the
library in the visitor's language; each reset goes back to the clinic's language, the one
the kiosk started in (`lantern kiosk --lang es`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup

if TYPE_CHECKING:
    from lantern.ui.window.main_window import MainWindow

#: (code, what its button says, its accessible name): each language named in itself, so
#: these are never translated.
LANGUAGES = (("en", "EN", "English"), ("es", "ES", "Español"))


def restore_default_language(window: MainWindow) -> None:
    """The interface back in the window's first language for the next visitor (the window's
    own reset brings the content back to it)."""
    default = window.default_content_language
    if default:
        window.set_ui_language(default)


class LanguageSwitch(QObject):
    """A checkable action per language, one checked: the language on show. Only the
    languages the library has are shown, and none when it has just one."""

    #: A visitor chose a language (its code), and the window switched to it.
    switched = Signal(str)

    def __init__(self, window: MainWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        for code, label, name in LANGUAGES:
            action = QAction(label, self)
            action.setCheckable(True)
            action.setVisible(False)  # until a library with this language is loaded
            action.setToolTip(name)
            action.setStatusTip(name)
            action.triggered.connect(lambda _checked=False, code=code: self.choose(code))
            self.group.addAction(action)
            self.actions[code] = action

    def controls(self) -> list[tuple[QAction, str, str]]:
        """For the window's toolbar: each action, its button's object and accessible name."""
        return [(self.actions[code], f"language{label.title()}Button", name)
                for code, label, name in LANGUAGES]

    def choose(self, code: str) -> None:
        if self.window.set_ui_language(code):  # the window's words and its content
            self.switched.emit(code)
        self.show_language(self.window.content_language, self.window.content_languages)

    def show_language(self, code: str, available: Sequence[str]) -> None:
        """`code` checked; only the languages in `available` shown, none if under two."""
        shown = [c for c in self.actions if c in available]
        for each, action in self.actions.items():
            action.setVisible(len(shown) > 1 and each in shown)
            action.setChecked(each == code)

    @property
    def shown(self) -> bool:
        """Whether the switch is on the bar (the library has two languages or more)."""
        return any(action.isVisible() for action in self.actions.values())

    @property
    def checked(self) -> str:
        """The code of the language checked ("" for none)."""
        return next((code for code, a in self.actions.items() if a.isChecked()), "")
