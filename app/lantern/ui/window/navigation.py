"""Going places: an address to a page on show, back and forward, recently read pages and
searches, and where a clicked link leads (a page, a glossary entry, a reference, a website)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from lantern.core.address import SCHEME, Address, Kind
from lantern.core.history import History, RecentPages, RecentSearches
from lantern.core.session import Session

from lantern.ui import settings as keys
from lantern.ui.panels.docks import GlossaryDock, ReferencesDock
from lantern.ui.panels.reader import ReaderView
from lantern.ui.panels.text_views import plain_tip
from lantern.ui.settings import SettingsStore
from lantern.ui.window.opening import PageOpener
from lantern.ui.window.policy import HOME, WindowPolicy
from lantern.ui.words import translate

if TYPE_CHECKING:
    from lantern.core.compose import ComposedPage

log = logging.getLogger(__name__)

EXTERNAL = ("http", "https", "mailto")


class Navigator(QObject):
    """Shows pages in the reader and keeps where the reader has been."""

    #: A page is on show: its address and title.
    shown = Signal(str, str)
    #: A line for the status bar, and how long to show it (ms; 0 until replaced).
    message = Signal(str, int)
    #: A link to a website or an e-mail address that the policy keeps inside.
    external_link_blocked = Signal(QUrl)

    def __init__(self, session: Session, store: SettingsStore, policy: WindowPolicy,
                 reader: ReaderView, glossary: GlossaryDock, references: ReferencesDock,
                 window: QWidget) -> None:
        super().__init__(window)
        self.session, self.store, self.policy = session, store, policy
        self.reader, self.glossary, self.references = reader, glossary, references
        self.window = window
        self.history = History()
        self.recent = RecentPages()
        self.recent_searches = RecentSearches()
        self.recent_enabled = policy.persist
        self._said_home = False
        #: Composes each page asked for, at once or in the background (opening.py).
        self.opener = PageOpener(session, self)
        self.opener.opening.connect(reader.show_opening)
        self.opener.failed.connect(self._failed)
        self.recent.loads(store.get(keys.RECENT_PAGES))
        stored = store.get(keys.RECENT_SEARCHES)
        self.recent_searches.loads(stored)
        if self.recent_enabled and stored and self.recent_searches.dumps() != stored:
            # What was dropped (a crisis search kept by an older Lantern) goes for good.
            store.set(keys.RECENT_SEARCHES, self.recent_searches.dumps())

    # pages ------------------------------------------------------------------------------

    def navigate(self, address: str, record: bool = True,
                 then: Callable[[], None] | None = None) -> bool:
        """Show an internal address (`lantern:article/slug#section`); False if unknown.

        A page that takes a while is composed in the background (opening.py): True at once,
        and the page is shown, and `then()` run, when it is ready, unless another page was
        asked for meanwhile. A quick page is shown before this returns."""
        return self._open(address, record, 0, then)

    def _open(self, address: str, record: bool, steps: int,
              then: Callable[[], None] | None) -> bool:
        if self.session.composer is None:
            return False
        where = Address.parse(address)
        if where is None:
            self.message.emit(translate("Window", "Not found: {address}").format(
                address=address), 5000)
            return False
        recent = self.recent.items if self.recent_enabled else ()

        def show(page: ComposedPage | None) -> bool:
            return self._show(address, where, page, record, steps, then)

        return self.opener.open(address, [(v.address, v.title) for v in recent], show)

    def _show(self, address: str, where: Address, page: ComposedPage | None, record: bool,
              steps: int, then: Callable[[], None] | None) -> bool:
        if page is None:
            self.message.emit(translate("Window", "Not found: {address}").format(
                address=address), 5000)
            if self.reader.page is None:  # it said "Opening…"
                self.reader.show_message(translate("Window", "Not found"), translate(
                    "Window", "This page is not in the library."))
            return False
        self.reader.show_page(page, where.anchor)
        self.references.set_references(page.citations)
        if where.kind is Kind.TERM:
            self.glossary.show_term(where.key)
        if record:
            self.history.visit(address, page.title)
        elif steps:
            self.history.jump(steps)  # only now: a page overtaken moves nothing
        if self.recent_enabled and self.recent.add(address, page.title):
            self.store.set(keys.RECENT_PAGES, self.recent.dumps())
        self.shown.emit(address, page.title)
        if then is not None:
            then()
        return True

    def _failed(self, message: str) -> None:
        log.error("a page could not be composed: %s", message)
        self.reader.show_message(
            translate("Window", "This page could not be opened"),
            translate("Window", "Something went wrong while putting it together."))

    def go_home(self) -> None:
        if not self.navigate(self.session.localized(self.policy.home)):
            self._home_missing()
            self.navigate(self.session.localized(HOME))

    def open_last(self) -> None:
        """The page read last time (the home page when nothing persists), in the content
        language when it has a translation: a window started in Spanish opens in Spanish."""
        last = self.store.get(keys.LAST_PAGE) if self.policy.persist else self.policy.home
        if not self.navigate(self.session.localized(last)):
            if last == self.policy.home:
                self._home_missing()
            self.navigate(self.session.localized(HOME))

    def _home_missing(self) -> None:
        """Say once that the policy's home page (a kiosk's `home`) is not in the content."""
        if self.policy.home != HOME and not self._said_home:
            self._said_home = True
            log.warning("kiosk.toml: 'home' page %s is not in the content; visitors start "
                        "on %s", self.policy.home, HOME)

    def go_to_history(self, steps: int) -> None:
        """Jump `steps` pages back (negative) or forward through the history (moved once
        that page is on show)."""
        address = self.history.peek(steps)
        if address:
            self._open(address, False, steps, None)

    def reset(self) -> None:
        """Forget this session's back and forward (a kiosk's next visitor)."""
        self.opener.cancel()
        self.history.clear()

    # menus ------------------------------------------------------------------------------

    def fill_history_menu(self, menu: QMenu, direction: int) -> None:
        menu.clear()
        items = (self.history.back_items() if direction < 0 else self.history.forward_items())
        for steps, visit in items:
            action = menu.addAction(visit.title)
            action.setStatusTip(visit.address)
            action.triggered.connect(lambda _checked=False, n=steps: self.go_to_history(n))

    def fill_recent_menu(self, menu: QMenu, clear_action: QAction) -> None:
        menu.clear()
        composer = self.session.composer
        # Pages read in a pack that is not loaded now are left out.
        shown = [v for v in self.recent.items
                 if composer is None or composer.exists(v.address)]
        for visit in shown:
            action = menu.addAction(visit.title)
            action.setStatusTip(visit.address)
            action.triggered.connect(lambda _checked=False, a=visit.address: self.navigate(a))
        if not shown:
            menu.addAction(translate("Window", "Nothing read yet")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(clear_action)
        clear_action.setEnabled(bool(self.recent.items or self.recent_searches.items))

    def clear_recent(self) -> None:
        self.recent.clear()
        self.recent_searches.clear()
        self.store.set(keys.RECENT_PAGES, self.recent.dumps())
        self.store.set(keys.RECENT_SEARCHES, self.recent_searches.dumps())
        if self.history.current == HOME:
            self.navigate(HOME, record=False)

    def remember_search(self, text: str) -> None:
        if self.recent_enabled and self.recent_searches.add(text):
            self.store.set(keys.RECENT_SEARCHES, self.recent_searches.dumps())

    def searches_to_offer(self) -> list[str]:
        return list(self.recent_searches.items) if self.recent_enabled else []

    # links ------------------------------------------------------------------------------

    def on_link_activated(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme == SCHEME:
            where = Address.parse(url.toString())
            if where is not None and where.kind is Kind.TERM:
                self.glossary.show_term(where.key)
            elif where is not None and where.kind is Kind.REF:
                self.references.show_reference(where.key)
            else:
                self.navigate(url.toString())
        elif scheme in EXTERNAL and not self.policy.external_links:
            self.external_link_blocked.emit(url)
        elif scheme in EXTERNAL:
            self.open_external(url)
        elif not scheme and url.fragment():
            self.reader.scrollToAnchor(url.fragment())

    def open_external(self, url: QUrl) -> None:
        answer = QMessageBox.question(
            self.window, translate("Window", "Open in your browser?"),
            translate("Window", "This link leaves Lantern and opens in your web browser:")
            + f"\n\n{url.toString()}",
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(url)

    def look_up(self, word: str) -> bool:
        """A double-clicked word: its glossary entry if it has one, else a hint to search."""
        composer = self.session.composer
        term_id = composer.renderer.term_for(word) if composer else None
        if term_id and self.glossary.show_term(term_id):
            return True
        self.message.emit(translate(
            "Window", "“{word}” is not in the glossary. Ctrl+K searches the library for it."
        ).format(word=word), 6000)
        return False

    def link_tooltip(self, href: str) -> str:
        """What hovering a link shows: a glossary term's short definition."""
        where = Address.parse(href)
        library = self.session.library
        if where is None or where.kind is not Kind.TERM or library is None:
            return ""
        term = library.term(where.key)
        if term is None:
            return ""
        from lantern.core.compose import short_definition

        return plain_tip(f"{term.term}: {short_definition(term)}")
