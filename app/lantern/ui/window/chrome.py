"""The window's chrome: the navigation toolbar, the menus, and what a policy without menus
or with touch chrome changes about them (no context menus, fixed docks, finger scrolling)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QClipboard, QTextOption
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QDockWidget,
    QLineEdit,
    QMenu,
    QMenuBar,
    QScroller,
    QSizePolicy,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QWidget,
)

from lantern.ui.panels.tap_targets import NearestLink
from lantern.ui.platform import accessibility
from lantern.ui.window.actions import lock_for_kiosk
from lantern.ui.words import translate

if TYPE_CHECKING:
    from lantern.ui.window.main_window import MainWindow


def build_toolbar(w: MainWindow, search_field: QLineEdit) -> QToolBar:
    bar = QToolBar()
    bar.setObjectName("navigationBar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in (w.back_action, w.forward_action, w.home_action):
        bar.addAction(action)
    for action, menu in ((w.back_action, w.back_menu), (w.forward_action, w.forward_menu)):
        button = bar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setMenu(menu)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.DelayedPopup)
    bar.addWidget(search_field)
    bar.addSeparator()
    bar.addAction(w.help_action)
    help_button = bar.widgetForAction(w.help_action)
    if help_button is not None:  # the way to crisis lines stands out from the rest
        help_button.setObjectName("helpNowButton")
        font = help_button.font()
        font.setBold(True)
        help_button.setFont(font)
    w.addToolBar(bar)
    return bar


def build_menus(w: MainWindow) -> None:
    menu = w.menuBar()
    file_menu = _menu(menu, "fileMenu")
    file_menu.addActions(list(w.printing.actions))
    file_menu.addSeparator()
    file_menu.addAction(w.quit_action)
    go = _menu(menu, "goMenu")
    for action in (w.back_action, w.forward_action, w.home_action):
        go.addAction(action)
    go.addMenu(w.recent_menu)
    go.addSeparator()
    go.addActions([w.find_action, w.find_in_page_action])
    go.addSeparator()
    go.addActions([w.next_panel_action, w.previous_panel_action, w.go_to_results_action,
                   w.go_to_text_action])
    marks = _menu(menu, "bookmarksMenu")
    marks.addAction(w.bookmarks.action)
    marks.addAction(w.bookmarks.dock.toggleViewAction())
    view = _menu(menu, "viewMenu")
    view.addAction(w.contents.toggleViewAction())
    view.addAction(w.glossary.toggleViewAction())
    view.addAction(w.references.toggleViewAction())
    view.addSeparator()
    view.addMenu(w.appearance.theme_menu)
    view.addActions(list(w.appearance.zoom_actions))
    if w.policy.menus:  # a kiosk has its own language button instead
        from lantern.ui.window.ui_language import language_menu

        view.addMenu(language_menu(w))
    view.addSeparator()
    view.addAction(w.problems_action)
    help_menu = _menu(menu, "helpMenu")
    help_menu.addAction(w.help_action)
    help_menu.addAction(w.about_action)


def _menu(bar: QMenuBar, name: str) -> QMenu:
    """A menu of the bar, its title set by `retranslate` (window_words.py)."""
    menu = bar.addMenu("")
    menu.setObjectName(name)
    return menu


def lock_down(w: MainWindow) -> None:
    """Only the actions a kiosk keeps; light theme and fixed text size; no recent menu."""
    w.recent_menu.setEnabled(False)
    w.appearance.lock_for_kiosk()
    lock_for_kiosk(w)  # every action the table does not allow on a kiosk


def hide_menus(w: MainWindow) -> None:
    w.menuBar().hide()
    w.menuBar().setEnabled(False)
    w.statusBar().hide()
    for action in w.findChildren(QAction):
        # A shortcut fires only for an action of a widget on show: without the menus,
        # the window itself carries the keys that are left (Ctrl+K, Ctrl+F…).
        if action.shortcuts() and action not in w.actions():
            w.addAction(action)


def touch_chrome(w: MainWindow, bar: QToolBar, views: Sequence[QAbstractScrollArea]) -> None:
    """No context menus or movable docks, finger scrolling, a shorter toolbar."""
    w.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # no toolbar/dock menu
    for widget in w.findChildren(QWidget):
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    for dock in w.findChildren(QDockWidget):
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        dock.toggleViewAction().setEnabled(False)
    for edit in w.findChildren(QLineEdit):
        edit.setClearButtonEnabled(False)  # its 16 px button is too small to tap
    bar.setFloatable(False)
    bar.toggleViewAction().setEnabled(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    # Back is enough on a touch screen; Forward would crowd the bar at 1280 px.
    bar.removeAction(w.forward_action)
    back = bar.widgetForAction(w.back_action)
    if isinstance(back, QToolButton):  # no press-and-hold history menu on a touch screen
        back.setMenu(None)  # type: ignore[arg-type]
    name_button(bar, w.help_action, "helpNowButton",
                translate("Window", "Need help now"))
    # The search field takes the room the buttons leave, so their labels stay whole.
    w.search_field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    w.search_field.sizeHint = w.search_field.minimumSizeHint  # type: ignore[method-assign]
    w.suggestions.list_inside(w)  # a pop-up list would swallow the next tap
    # Help now gets the whole width: the results and the panels make way for it.
    w.help_action.triggered.connect(
        lambda: [part.hide() for part in (w.results, w.glossary, w.references)])
    for view in w.findChildren(QAbstractScrollArea):
        # 44 px scroll bars would otherwise make every panel at least 210 px tall.
        view.setMinimumSize(120, 96)
    for view in views:
        QScroller.grabGesture(view.viewport(),
                              QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        if isinstance(view, QTextBrowser):
            NearestLink(view)  # citation markers and glossary words: 44 px targets
            # Break lines between words only: a narrow panel never splits a word such as
            # "Antidepressant" in a large heading.
            view.setWordWrapMode(QTextOption.WrapMode.WordWrap)
    NearestLink(w.results.summary)  # "Did you mean …?", glossary terms spelled like it


def clear_clipboard() -> None:
    """Nothing left to paste for the next person, nor (on X11) to middle-click."""
    clipboard = QApplication.clipboard()
    if clipboard is not None:
        clipboard.clear()
        if clipboard.supportsSelection():
            clipboard.clear(QClipboard.Mode.Selection)


def cycle_focus(places: Sequence[QWidget], step: int) -> None:
    """F6 and Shift+F6: focus the next (or previous) of `places` after the focused one."""
    if not places:
        return
    focus = QApplication.focusWidget()
    here = next((i for i, w in enumerate(places)
                 if focus is not None and (focus is w or w.isAncestorOf(focus))), -1)
    target = places[(here + step) % len(places)] if here >= 0 else places[0]
    target.setFocus(Qt.FocusReason.TabFocusReason if step > 0
                    else Qt.FocusReason.BacktabFocusReason)


def add_controls(bar: QToolBar, first: QWidget,
                 actions: Sequence[tuple[QAction, str, str]]) -> None:
    """`first` before everything on `bar`; after it all, a separator and each action."""
    bar.insertWidget(bar.actions()[0], first)
    bar.addSeparator()
    for action, _name, _accessible in actions:
        bar.addAction(action)
    name_buttons(bar, actions)


def name_buttons(bar: QToolBar, actions: Sequence[tuple[QAction, str, str]]) -> None:
    for action, name, accessible in actions:
        name_button(bar, action, name, accessible)


def name_button(bar: QToolBar, action: QAction, name: str, accessible: str) -> None:
    button = bar.widgetForAction(action)
    if isinstance(button, QToolButton):
        button.setObjectName(name)
        button.setAccessibleName(accessible)


def go_to_results(window: MainWindow) -> None:
    """Focus the results list, or say there are none."""
    if window.results.isVisible() and window.results.model.rowCount():
        window.results.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
    else:
        accessibility.announce(window, translate(
            "Window", "No search results. Search with Control K."))

def go_to_text(window: MainWindow) -> None:
    """Focus the page's text, its caret at the top of what is in view."""
    window.reader.setFocus(Qt.FocusReason.ShortcutFocusReason)
    window.reader.setTextCursor(window.reader.cursorForPosition(QPoint(0, 0)))
    page = window.reader.page
    accessibility.announce(window.reader, page.title if page else translate("Window", "Page"))


def two_lines(label: str) -> str:
    """`label` broken at the space nearest its middle; a single word as it is."""
    spaces = [i for i, c in enumerate(label) if c == " "]
    if not spaces:
        return label
    cut = min(spaces, key=lambda i: abs(len(label) - 2 * i - 1))
    return label[:cut] + "\n" + label[cut + 1:]


def fold_labels(w: MainWindow, folded: bool, hint: str) -> None:
    """Each action button's label on two lines (`folded`) or on one, as its action says;
    `hint` in the search field, or the window's own. Accessible names stay as they are."""
    w.search_field.setPlaceholderText(hint or translate("Window", w.policy.search_hint))
    for button in w.toolbar.findChildren(QToolButton):
        action = button.defaultAction()
        if action is not None:
            label = action.iconText()
            button.setText(two_lines(label) if folded else label)


def width_needed(toolbar: QToolBar, field: QLineEdit) -> int:
    """`toolbar`'s width with every button whole, in its style and words, and `field` wide
    enough for its hint (a line edit's own size hint does not count its hint), px."""
    hint = field.fontMetrics().horizontalAdvance(field.placeholderText())
    return toolbar.sizeHint().width() + max(0, hint - field.sizeHint().width())
