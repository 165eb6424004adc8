"""The interface's language in the window: the one it starts in, View › Language, and
`MainWindow.set_ui_language(code)` (a kiosk's language button calls it), which switches the
window's words and the content together, so reader and window speak the same language.

The choice made in the menu is remembered (settings.UI_LANGUAGE) and used at the next start
when no `--lang` is given (lantern.i18n.resolve). English is the language of the code:
nothing is loaded for it, and lantern.ui.language is imported only for another."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from lantern.core import messages, paths

from lantern.ui import settings as keys
from lantern.ui.settings import SettingsStore
from lantern.ui.window.window_words import named_menu

from lantern import i18n

if TYPE_CHECKING:
    from lantern.ui.window.main_window import MainWindow


def saved_language() -> str | None:
    """The language last chosen in View › Language, if any (the laptop's settings)."""
    ini = paths.config_dir() / "lantern.ini"
    if not ini.is_file():
        return None
    store = SettingsStore(QSettings(str(ini), QSettings.Format.IniFormat))
    return store.get(keys.UI_LANGUAGE) or None


def start(flag: str | None = None, saved: str | None = None) -> str:
    """Speak the language the window resolves (`--lang`, the saved choice, the locale)
    from its first word; the code."""
    code = i18n.resolve(flag, saved)
    if code != i18n.DEFAULT:
        _use(code)
    return code


def _use(code: str) -> str:
    from lantern.ui import language  # only when a language other than English is spoken

    app = QCoreApplication.instance()
    if app is None:
        return messages.language()
    return language.use(app, code)


def switch_language(window: MainWindow, code: str) -> bool:
    """Speak `code` in the window and read content in it; False for a language Lantern
    does not have. The choice is kept for the next start (not on a kiosk: it keeps none)."""
    found = i18n.normalise(code)
    if found is None:
        return False
    if found != messages.language():
        _use(found)
    window.settings.set(keys.UI_LANGUAGE, found)
    window.set_content_language(found)
    _check(window, found)
    window.ui_language_changed.emit(found)
    return True


def language_menu(window: MainWindow) -> QMenu:
    """View › Language: each language named in itself, the one spoken checked."""
    menu = named_menu(window, "languageMenu")
    group = QActionGroup(menu)
    for code in i18n.SUPPORTED:
        action = QAction(i18n.NATIVE_NAMES.get(code, code), menu)
        action.setCheckable(True)
        action.setData(code)
        action.setChecked(code == messages.language())
        action.triggered.connect(lambda _checked=False, c=code: window.set_ui_language(c))
        group.addAction(action)
        menu.addAction(action)
    return menu


def _check(window: MainWindow, code: str) -> None:
    menu = window.findChild(QMenu, "languageMenu")
    for action in menu.actions() if menu is not None else ():
        action.setChecked(action.data() == code)
