"""What a screen reader needs told that Qt does not tell it: where the caret went in a page
(and what it now selects), short announcements, and names for the parts Qt builds itself
(a line edit's clear button, the toolbar's overflow button, the tab bar of tabbed panels, a
combo box's drop-down list).

Qt's accessibility bridge (AT-SPI on Linux, UI Automation on Windows) carries these events;
PySide6 reaches them through `QAccessible.updateAccessibility`.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleTextCursorEvent,
    QAccessibleTextSelectionEvent,
)
from PySide6.QtWidgets import QComboBox, QLineEdit, QTabBar, QToolBar, QToolButton, QWidget


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader say `text` (politely, after what it is saying)."""
    if text:
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


def caret_moved(widget: QWidget, start: int, end: int) -> None:
    """The text caret of `widget` is now at `end`, selecting `start`–`end` (none if equal)."""
    if start != end:
        QAccessible.updateAccessibility(QAccessibleTextSelectionEvent(widget, start, end))
    QAccessible.updateAccessibility(QAccessibleTextCursorEvent(widget, end))


def name_qt_parts(root: QWidget) -> None:
    """Name the controls Qt makes on its own under `root`, which it leaves unnamed."""
    for edit in root.findChildren(QLineEdit):
        for button in edit.findChildren(QToolButton):
            if not button.accessibleName():
                label = edit.accessibleName() or "the field"
                button.setAccessibleName(f"Clear {label[0].lower()}{label[1:]}")
    for bar in root.findChildren(QToolBar):
        for button in bar.findChildren(QToolButton, "qt_toolbar_ext_button"):
            button.setAccessibleName("More toolbar buttons")
    for tabs in root.findChildren(QTabBar):
        if not tabs.accessibleName():
            tabs.setAccessibleName("Panels")
    for combo in root.findChildren(QComboBox):
        view = combo.view()
        if view is not None and not view.accessibleName():
            view.setAccessibleName(f"{combo.accessibleName() or 'Choices'} choices")
