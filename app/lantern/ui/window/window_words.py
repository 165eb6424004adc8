"""The main window's own words: its menus' titles, the toolbar, the search field, and the
actions of the command table. The panels set their own words (each its `retranslate`);
`retranslate(window)` runs when the window is built and whenever the interface's language
changes (QEvent.LanguageChange, after lantern.ui.language installs another catalogue)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QMenu, QWidget

from lantern.ui.platform import accessibility
from lantern.ui.window.actions import retranslate_actions
from lantern.ui.words import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from lantern.ui.window.main_window import MainWindow

#: The title of each menu, by its object name.
MENU_TITLES = {
    "fileMenu": QT_TRANSLATE_NOOP("Menus", "&File"),
    "goMenu": QT_TRANSLATE_NOOP("Menus", "&Go"),
    "bookmarksMenu": QT_TRANSLATE_NOOP("Menus", "&Bookmarks"),
    "viewMenu": QT_TRANSLATE_NOOP("Menus", "&View"),
    "helpMenu": QT_TRANSLATE_NOOP("Menus", "&Help"),
    "recentMenu": QT_TRANSLATE_NOOP("Menus", "&Recently read"),
    "backMenu": QT_TRANSLATE_NOOP("Menus", "Back"),
    "forwardMenu": QT_TRANSLATE_NOOP("Menus", "Forward"),
    "languageMenu": QT_TRANSLATE_NOOP("Menus", "Lan&guage"),
}


def retranslate(w: MainWindow) -> None:
    """Every word of the window itself in the interface's language, after a switch."""
    _say(w)
    retranslate_actions(w)
    w.appearance.retranslate()
    w.index_progress.retranslate()
    if w.policy.touch:
        from lantern.ui.window.chrome import name_button

        name_button(w.toolbar, w.help_action, "helpNowButton",
                    translate("Window", "Need help now"))
    accessibility.rename_dock_buttons(w)
    w.name_qt_parts()


def _say(w: MainWindow) -> None:
    """The words the window sets itself (its parts say theirs as they are made)."""
    # The menus are the menu bar's or the window's own: no search of the whole window.
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    for menu in [*w.menuBar().findChildren(QMenu, options=direct),
                 *w.findChildren(QMenu, options=direct)]:
        title = MENU_TITLES.get(menu.objectName())
        if title:
            menu.setTitle(translate("Menus", title))
    w.toolbar.setWindowTitle(translate("Window", "Navigation"))
    w.search_field.setPlaceholderText(translate("Window", w.policy.search_hint))
    w.search_field.setAccessibleName(translate("Window", "Search"))


class _LanguageWatch(QObject):
    """Says the window's words again when the interface's language changes."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            retranslate(self.window)
        return False


def follow_language(w: MainWindow) -> None:
    """The window's words now, and again whenever the interface's language changes."""
    _say(w)
    _LanguageWatch(w)  # lives as long as the window (its parent)


def named_menu(parent: QWidget, name: str) -> QMenu:
    """A menu whose title `retranslate` sets, by its object name (MENU_TITLES)."""
    menu = QMenu(parent)
    menu.setObjectName(name)
    return menu
