"""What a screen reader needs told that Qt does not tell it: where the caret went in a page
(and what it now selects), short announcements, and names for the parts Qt builds itself
(a line edit's clear button, the toolbar's overflow button, a combo box's drop-down list;
an empty tab bar left by panels once tabbed is hidden).

Qt's accessibility bridge (AT-SPI on Linux, UI Automation on Windows) carries these events;
PySide6 reaches them through `QAccessible.updateAccessibility`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QTabBar,
    QToolBar,
    QToolButton,
    QWidget,
)

from lantern.ui.words import translate

# The QAccessible classes are imported where used: PySide6 builds their many enums on
# import, time better spent after the window's first paint.


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader say `text` (politely, after what it is saying)."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    if text:
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


def caret_moved(widget: QWidget, start: int, end: int) -> None:
    """The text caret of `widget` is now at `end`, selecting `start`–`end` (none if equal)."""
    from PySide6.QtGui import (
        QAccessible,
        QAccessibleTextCursorEvent,
        QAccessibleTextSelectionEvent,
    )

    if start != end:
        QAccessible.updateAccessibility(QAccessibleTextSelectionEvent(widget, start, end))
    QAccessible.updateAccessibility(QAccessibleTextCursorEvent(widget, end))


class _HideEmptyTabBars(QObject):
    """Qt's window layout shows a tab bar again on relayout even with no tab on it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Show and isinstance(watched, QTabBar)
                and watched.count() == 0):
            QTimer.singleShot(0, watched, lambda: _hide_if_empty(watched))
        return False


def _hide_if_empty(tabs: QTabBar) -> None:
    if tabs.count() == 0:
        tabs.hide()


_EMPTY_TABS = _HideEmptyTabBars()
_WATCHED = "lanternWatchedTabs"
#: Set on the controls named here, so they are named again in another language.
_NAMED = "lanternNamed"


def field_focus(widget: QWidget) -> None:
    """Tell a screen reader `widget` has the keyboard focus (again), once the events of
    the moment (a popup opening) have been delivered."""
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    QTimer.singleShot(0, widget, lambda: QAccessible.updateAccessibility(
        QAccessibleEvent(widget, QAccessible.Event.Focus)) if widget.hasFocus() else None)


def rename_dock_buttons(root: QWidget) -> None:
    """A panel's close and float buttons named in the interface's language: Qt names them
    once, when it makes them, and not again after a switch."""
    for part in root.findChildren(QAbstractButton, "qt_dockwidget_closebutton"):
        part.setAccessibleName(translate("QDockWidget", "Close"))
    for part in root.findChildren(QAbstractButton, "qt_dockwidget_floatbutton"):
        part.setAccessibleName(translate("QDockWidget", "Float"))


def name_qt_parts(root: QWidget) -> None:
    """Name the controls Qt makes on its own under `root`, which it leaves unnamed."""
    for edit in root.findChildren(QLineEdit):
        for button in edit.findChildren(QToolButton):
            if not button.accessibleName() or button.property(_NAMED):
                label = edit.accessibleName() or translate("Accessibility", "the field")
                button.setAccessibleName(translate("Accessibility", "Clear {field}").format(
                    field=label[0].lower() + label[1:]))
                button.setProperty(_NAMED, True)
    for bar in root.findChildren(QToolBar):
        for button in bar.findChildren(QToolButton, "qt_toolbar_ext_button"):
            button.setAccessibleName(translate("Accessibility", "More toolbar buttons"))
    for tabs in root.findChildren(QTabBar):
        # A tab bar is named by its current tab; one left over with no tabs has no name
        # and nothing to choose, so it is hidden until panels are tabbed on it again.
        if not tabs.accessibleName() or tabs.property(_NAMED):
            tabs.setAccessibleName(translate("Accessibility", "Panels"))
            tabs.setProperty(_NAMED, True)  # named even in the moment Qt shows it empty
        if not tabs.property(_WATCHED):
            tabs.setProperty(_WATCHED, True)
            tabs.installEventFilter(_EMPTY_TABS)
        if tabs.count() == 0:
            tabs.hide()
    for combo in root.findChildren(QComboBox):
        view = combo.view()
        if view is not None and (not view.accessibleName() or view.property(_NAMED)):
            view.setAccessibleName(translate("Accessibility", "{name} choices").format(
                name=combo.accessibleName() or translate("Accessibility", "Choices")))
            view.setProperty(_NAMED, True)
