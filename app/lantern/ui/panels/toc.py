"""The open page's sections as a Contents panel that jumps to them, and the place reached in
each article, remembered between visits and sessions (laptop mode only)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem, QWidget

from lantern.core.address import Address, Kind

from lantern.ui import settings as keys
from lantern.ui.panels.bookmarks import tidy_list
from lantern.ui.panels.docks import inset
from lantern.ui.panels.text_views import plain_tip
from lantern.ui.platform.accessibility import announce
from lantern.ui.settings import SettingsStore
from lantern.ui.words import translate

if TYPE_CHECKING:
    from lantern.core.compose import ComposedPage

    from lantern.ui.panels.reader import ReaderView

AnchorRole = Qt.ItemDataRole.UserRole
#: How many articles keep their reading position; the oldest are forgotten first.
POSITIONS_KEPT = 100


class ContentsDock(QDockWidget):
    """One row per heading of the open page; a click or Enter scrolls the reader there."""

    section_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contentsDock")
        self.list = QListWidget()
        self.list.setObjectName("contentsList")
        tidy_list(self.list)
        self.list.itemClicked.connect(self._on_item)
        self.list.itemActivated.connect(self._on_item)
        self.setWidget(inset(self.list))
        self._reader: ReaderView | None = None
        self._blocks_key: tuple[str, int, bool] = ("", 0, False)
        self._blocks: dict[str, int] = {}
        self._page: ComposedPage | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """The panel's words in the interface's language."""
        self.setWindowTitle(translate("Contents", "Contents"))
        self.setAccessibleName(translate("Contents", "Contents panel"))
        self.list.setAccessibleName(translate("Contents", "Sections of this page"))
        self.list.setAccessibleDescription(translate(
            "Contents", "Choose a section to go to it in the text"))
        self.toggleViewAction().setText(translate("Contents", "&Contents"))
        self.toggleViewAction().setStatusTip(translate(
            "Contents", "Show the sections of the open page"))
        if self.list.count() == 1 and not self.list.item(0).data(AnchorRole):
            self.show_page(self._page)  # "This page has no sections." said again

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def follow(self, reader: ReaderView) -> None:
        """Keep the row of the section being read selected as `reader` scrolls."""
        self._reader = reader
        reader.verticalScrollBar().valueChanged.connect(self.track)

    def _anchor_blocks(self) -> dict[str, int]:
        """Anchor name → block number in the reader's document, worked out once per page."""
        reader = self._reader
        if reader is None:
            return {}
        document = reader.document()
        key = (reader.page.address if reader.page else "", document.blockCount(),
               reader.showing_content_note)
        if key != self._blocks_key:
            self._blocks_key = key
            self._blocks = {}
            block = document.begin()
            while block.isValid():
                it = block.begin()
                while not it.atEnd():
                    for name in it.fragment().charFormat().anchorNames():
                        self._blocks.setdefault(name, block.blockNumber())
                    it += 1
                block = block.next()
        return self._blocks

    def track(self) -> None:
        """Select the last section whose heading is above the top fifth of the view."""
        reader = self._reader
        if reader is None or self.list.count() == 0:
            return
        blocks = self._anchor_blocks()
        document = reader.document()
        layout = document.documentLayout()
        line = reader.verticalScrollBar().value() + reader.viewport().height() // 5
        current = -1
        for row in range(self.list.count()):
            number = blocks.get(self.list.item(row).data(AnchorRole) or "")
            if number is None:
                continue
            if layout.blockBoundingRect(document.findBlockByNumber(number)).top() > line:
                break
            current = row
        if current != self.list.currentRow():
            blocker = QSignalBlocker(self.list)
            if current < 0:
                self.list.clearSelection()
                self.list.setCurrentRow(-1)
            else:
                self.list.setCurrentRow(current)
                self.list.scrollToItem(self.list.item(current))
            del blocker
            self.list.viewport().update()

    def show_page(self, page: ComposedPage | None) -> None:
        self._page = page
        self.list.clear()
        headings = [h for h in (page.headings if page else ()) if h.level <= 3]
        if not headings:
            item = QListWidgetItem(translate("Contents", "This page has no sections."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
            return
        top = min(h.level for h in headings)
        for heading in headings:
            item = QListWidgetItem("    " * (heading.level - top) + heading.text)
            item.setData(AnchorRole, heading.anchor)
            item.setToolTip(plain_tip(heading.text))
            self.list.addItem(item)
        self.track()

    def _on_item(self, item: QListWidgetItem) -> None:
        anchor = item.data(AnchorRole)
        if anchor:
            self.section_chosen.emit(anchor)
            announce(self.list, translate("Contents", "Went to the section {title}").format(
                title=item.text().strip()))


class ReadingPositions(QObject):
    """Where the reader was in each article and question, as a fraction of the page."""

    def __init__(self, reader: ReaderView, store: SettingsStore, enabled: bool,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.store = store
        self.enabled = enabled
        self.positions: dict[str, float] = {}
        self._shown = ""
        if enabled:
            self.positions = self._load()
        reader.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    def _load(self) -> dict[str, float]:
        try:
            data = json.loads(self.store.get(keys.READING_POSITIONS))
        except (ValueError, RecursionError):  # RecursionError: nested past the parser's depth
            return {}
        if not isinstance(data, dict):
            return {}
        return {k: float(v) for k, v in data.items()
                if isinstance(k, str) and isinstance(v, int | float) and 0 <= v <= 1}

    def disable(self) -> None:
        self.enabled = False
        self.positions.clear()

    @staticmethod
    def _remembered(address: str) -> bool:
        where = Address.parse(address)
        return where is not None and where.kind in (Kind.ARTICLE, Kind.FAQ)

    def _on_scrolled(self, _value: int) -> None:
        page = self.reader.page
        # Only the page on show: while another one loads, the bar moves for it, not for us.
        if not self.enabled or page is None or page.address != self._shown or \
                not self._remembered(page.address):
            return
        self.positions.pop(page.address, None)  # most recent last
        self.positions[page.address] = round(self.reader.reading_fraction(), 4)
        while len(self.positions) > POSITIONS_KEPT:
            del self.positions[next(iter(self.positions))]

    def on_page_shown(self, address: str) -> None:
        """Back where the reader left the page, unless the address names a section."""
        page = self.reader.page
        self._shown = page.address if page else ""
        if not self.enabled or page is None or "#" in address:
            return
        fraction = self.positions.get(page.address)
        if fraction:
            self.reader.go_to_fraction(fraction)
        self.save()

    def save(self) -> None:
        if self.enabled:
            self.store.set(keys.READING_POSITIONS, json.dumps(self.positions))
