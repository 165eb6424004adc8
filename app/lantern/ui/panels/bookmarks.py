"""Bookmarks: Ctrl+D adds or removes the page being read; a panel lists them, a click opens
one. Saved through lantern.core.bookmarks; off when the window persists nothing (kiosk)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lantern.core.bookmarks import Bookmark, BookmarkStore, page_address

from lantern.ui.panels.docks import PANEL_MARGINS
from lantern.ui.panels.text_views import plain_tip
from lantern.ui.window.actions import Act, make_action
from lantern.ui.words import translate

AddressRole = Qt.ItemDataRole.UserRole


def tidy_list(view: QListWidget) -> None:
    """A panel list of titles: long ones wrap instead of scrolling sideways, rows breathe."""
    view.setWordWrap(True)
    view.setSpacing(3)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


class BookmarksDock(QDockWidget):
    """The list of bookmarks; Enter or a click opens one, Delete removes it."""

    open_requested = Signal(str)
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksDock")
        self.list = QListWidget()
        self.list.setObjectName("bookmarksList")
        tidy_list(self.list)
        self.list.itemClicked.connect(self._on_item)
        self.list.itemActivated.connect(self._on_item)
        self.message = QLabel()
        self.message.setObjectName("bookmarksMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self._remove_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(*PANEL_MARGINS)
        layout.addWidget(self.message)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addStretch(1)  # a short list is as tall as its rows, not the whole panel
        self.setWidget(box)
        self.remove_action = remove = QAction(self.list)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self._remove_selected)
        self.list.addAction(remove)
        self.retranslate()

    def retranslate(self) -> None:
        """The panel's words in the interface's language."""
        self.setWindowTitle(translate("Bookmarks", "Bookmarks"))
        self.toggleViewAction().setText(translate("Bookmarks", "&Show bookmarks"))
        self.setAccessibleName(translate("Bookmarks", "Bookmarks panel"))
        self.list.setAccessibleName(translate("Bookmarks", "Bookmarks"))
        self.list.setAccessibleDescription(translate(
            "Bookmarks", "Pages you bookmarked. Enter opens one, Delete removes it."))
        self.empty.setText(translate(
            "Bookmarks", "No bookmarks yet. Press Ctrl+D on a page to keep it here."))
        self.remove_button.setText(translate("Bookmarks", "&Remove"))
        self.remove_button.setAccessibleName(translate("Bookmarks", "Remove the selected bookmark"))
        self.remove_action.setText(translate("Bookmarks", "Remove bookmark"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_bookmarks(self, bookmarks: list[Bookmark]) -> None:
        self.list.clear()
        for bookmark in bookmarks:
            item = QListWidgetItem(bookmark.title or bookmark.address)
            item.setData(AddressRole, bookmark.address)
            item.setToolTip(plain_tip(bookmark.address))
            self.list.addItem(item)
        self.empty.setVisible(not bookmarks)
        self.list.setVisible(bool(bookmarks))
        self.remove_button.setEnabled(bool(bookmarks))
        self._fit_list()

    def _fit_list(self) -> None:
        """The list no taller than its rows; a long one scrolls within the panel."""
        view = self.list
        rows = sum(view.sizeHintForRow(i) + 2 * view.spacing() for i in range(view.count()))
        view.setMaximumHeight(max(rows + 2 * view.frameWidth() + 2, 40))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_list()  # titles wrap to another number of lines

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _on_item(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(item.data(AddressRole))

    def _remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.remove_requested.emit(item.data(AddressRole))


class Bookmarks(QObject):
    """The bookmark list, its Ctrl+D action and its panel."""

    changed = Signal()
    problem = Signal(str)
    #: What Ctrl+D did, for the status bar.
    done = Signal(str)

    def __init__(self, parent: QWidget, enabled: bool, store: BookmarkStore | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.store = store or BookmarkStore()
        self.items: list[Bookmark] = []
        self._current = Bookmark("", "")
        self.dock = BookmarksDock(parent)
        self.dock.remove_requested.connect(self.remove)
        self.action = make_action(self, Act.BOOKMARK, self.toggle_current)
        self.action.setEnabled(False)
        self.dock.hide()
        if enabled:
            self.items, message = self.store.load()
            if message:
                self.dock.show_message(message)
                # After the window has restored its layout, so the panel stays open.
                QTimer.singleShot(0, self, lambda: self._announce(message))
        else:
            self.disable()
        self.dock.show_bookmarks(self.items)

    def disable(self) -> None:
        """Kiosk: nothing kept, nothing shown, Ctrl+D does nothing."""
        self.enabled = False
        self.items = []
        self.dock.show_bookmarks([])
        self.dock.hide()
        self.dock.toggleViewAction().setEnabled(False)
        self.action.setEnabled(False)
        self.action.setShortcuts([])

    def _announce(self, message: str) -> None:
        if self.enabled:
            self.dock.show()
            self.problem.emit(message)

    def set_current(self, address: str, title: str) -> None:
        """The page now shown; the action is checked when it is bookmarked."""
        self._current = Bookmark(page_address(address), title)
        self.action.setEnabled(self.enabled and bool(address))
        self.action.setChecked(self.contains(self._current.address))

    def contains(self, address: str) -> bool:
        return any(b.address == page_address(address) for b in self.items)

    def toggle_current(self) -> None:
        if not self.enabled or not self._current.address:
            return
        title = self._current.title or self._current.address
        if self.contains(self._current.address):
            self.remove(self._current.address)
            self.done.emit(translate("Bookmarks", "Bookmark removed: {title}").format(
                title=title))
        else:
            self.add(self._current)
            self.done.emit(translate(
                "Bookmarks", "Bookmarked “{title}” (Bookmarks panel, Ctrl+D again to remove)"
            ).format(title=title))

    def add(self, bookmark: Bookmark) -> None:
        if not self.enabled or self.contains(bookmark.address):
            return
        self.items.append(bookmark)
        self._save()

    def remove(self, address: str) -> None:
        before = len(self.items)
        self.items = [b for b in self.items if b.address != page_address(address)]
        if len(self.items) != before:
            self._save()

    def _save(self) -> None:
        message = self.store.save(self.items)
        self.dock.show_message(message)
        if message:
            self.problem.emit(message)
        self.dock.show_bookmarks(self.items)
        self.action.setChecked(self.contains(self._current.address))
        self.changed.emit()
