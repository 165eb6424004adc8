"""The main window: layout and wiring. The work is done by core and the widgets it holds."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lantern.core import paths
from lantern.core.address import HOME as HOME_ADDRESS
from lantern.core.address import SCHEME, Address, Kind, address
from lantern.core.search.safety import HELP_PAGE

from lantern.ui.actions import Act, make_action
from lantern.ui.bookmarks import Bookmarks
from lantern.ui.docks import GlossaryDock, ReferencesDock
from lantern.ui.find_bar import FindBar, mark_all
from lantern.ui.history import History, RecentPages, RecentSearches
from lantern.ui.printing import Printing
from lantern.ui.progress import IndexProgress
from lantern.ui.reader import ReaderView
from lantern.ui.search_panel import ResultsPanel, SearchController, SuggestionPopup
from lantern.ui.themes import Appearance
from lantern.ui.toc import ContentsDock, ReadingPositions
from lantern.ui.workers import PARSER_MODULES, preload_modules, submit

from lantern import __version__

if TYPE_CHECKING:
    from lantern.core.compose import Composer
    from lantern.core.model import Library
    from lantern.core.search.engine import SearchIndex
    from lantern.core.search.suggest import Suggester

log = logging.getLogger(__name__)
HOME = str(HOME_ADDRESS)
#: What the background load hands the window: the library, an index, the suggestions, and
#: whether that index is the previous one, still to be brought up to date.
Loaded = tuple["Library", "SearchIndex", "Suggester", bool]


def _stylesheet() -> str:
    try:
        return paths.resource("styles", "article.css").read_text(encoding="utf-8")
    except (OSError, paths.NotFoundError):
        return ""


class MainWindow(QMainWindow):
    library_loaded = Signal()
    page_shown = Signal(str)
    search_finished = Signal(object)
    index_updated = Signal()
    external_link_blocked = Signal(QUrl)

    def __init__(self, roots: Sequence[Path], settings: QSettings | None = None,
                 persist_state: bool = True) -> None:
        super().__init__()
        self.roots = list(roots)
        # Kiosk mode turns these off: nothing saved or restored, no link leaves the app.
        self.persist_state = persist_state
        self.external_links_allowed = True
        self.home_address = HOME
        self.settings = settings or QSettings(
            str(paths.config_dir() / "lantern.ini"), QSettings.Format.IniFormat
        )
        self.library: Library | None = None
        self.index: SearchIndex | None = None
        self.index_updating = False
        self.composer: Composer | None = None
        self.history = History()
        self.recent = RecentPages()
        self.recent_searches = RecentSearches()
        self.recent_enabled = persist_state
        if persist_state:
            self.recent.loads(str(self.settings.value("reader/recent", "") or ""))
            self.recent_searches.loads(str(self.settings.value("search/recent", "") or ""))
        self._pool = QThreadPool(self)
        self.setWindowTitle("Lantern")
        self.setObjectName("mainWindow")
        self.resize(1280, 800)

        css = _stylesheet()
        self.reader = ReaderView(css)
        self.results = ResultsPanel()
        self.results.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.results)
        self.find_bar = FindBar(self.reader)
        reader_box = QWidget()
        reader_box.setObjectName("readerBox")
        box = QVBoxLayout(reader_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.reader, 1)
        box.addWidget(self.find_bar)
        self.splitter.addWidget(reader_box)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 700])
        self.setCentralWidget(self.splitter)

        self.glossary = GlossaryDock(css, self)
        self.references = ReferencesDock(css, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.glossary)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.references)
        self.splitDockWidget(self.glossary, self.references, Qt.Orientation.Vertical)
        self.appearance = Appearance(self, self.settings, persist_state,
                                     [self.reader, self.glossary, self.references])
        self.reader.viewport().installEventFilter(self.appearance)
        self.appearance.apply()
        self.bookmarks = Bookmarks(self, persist_state)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.bookmarks.dock)
        self.printing = Printing(self, self.reader, persist_state)
        self.contents = ContentsDock(self)
        self.contents.follow(self.reader)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.contents)
        self.tabifyDockWidget(self.bookmarks.dock, self.contents)
        self.contents.hide()
        self.positions = ReadingPositions(self.reader, self.settings, persist_state, self)

        self.search = SearchController(self)
        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self._connect()
        self._restore_layout()
        self.reader.show_message("Lantern", "Opening the library…")
        self.statusBar().showMessage("Loading content…")
        self.index_progress = IndexProgress(self.statusBar())

    # construction ----------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.back_action = make_action(self, Act.BACK, self.go_back)
        self.forward_action = make_action(self, Act.FORWARD, self.go_forward)
        self.home_action = make_action(self, Act.HOME, self.go_home)
        self.help_action = make_action(self, Act.HELP_NOW,
                                       lambda: self.navigate(address(Kind.PAGE, HELP_PAGE)))
        self.find_action = make_action(self, Act.SEARCH, self.focus_search)
        self.find_in_page_action = make_action(self, Act.FIND_IN_PAGE, self.find_bar.open_bar)
        self.problems_action = make_action(self, Act.PROBLEMS, self.show_problems)
        self.about_action = make_action(self, Act.ABOUT, self.show_about)
        self.quit_action = make_action(self, Act.QUIT, self.close)
        self.clear_recent_action = make_action(self, Act.CLEAR_RECENT, self.clear_recent)
        self.next_panel_action = make_action(self, Act.NEXT_PANEL, lambda: self.cycle_panels(+1))
        self.previous_panel_action = make_action(self, Act.PREVIOUS_PANEL,
                                                 lambda: self.cycle_panels(-1))
        self.back_action.setEnabled(False)
        self.forward_action.setEnabled(False)
        # Holding Back or Forward (or the Go menu) lists the pages in that direction.
        self.back_menu = QMenu("Back", self)
        self.back_menu.aboutToShow.connect(lambda: self._fill_history_menu(self.back_menu, -1))
        self.forward_menu = QMenu("Forward", self)
        self.forward_menu.aboutToShow.connect(
            lambda: self._fill_history_menu(self.forward_menu, +1))
        self.recent_menu = QMenu("&Recently read", self)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    def _build_toolbar(self) -> None:
        bar = QToolBar("Navigation")
        bar.setObjectName("navigationBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.back_action, self.forward_action, self.home_action):
            bar.addAction(action)
        for action, menu in ((self.back_action, self.back_menu),
                             (self.forward_action, self.forward_menu)):
            button = bar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setMenu(menu)
                button.setPopupMode(QToolButton.ToolButtonPopupMode.DelayedPopup)
        self.search_field = QLineEdit()
        self.search_field.setObjectName("searchField")
        self.search_field.setPlaceholderText("Search: try DMN, ketamine, microdosing…")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName("Search")
        self.search_field.setMinimumWidth(320)
        self.suggestions = SuggestionPopup(self.search_field)
        self.suggestions.recent_searches = lambda: (
            list(self.recent_searches.items) if self.recent_enabled else [])
        bar.addWidget(self.search_field)
        bar.addSeparator()
        bar.addAction(self.help_action)
        help_button = bar.widgetForAction(self.help_action)
        if help_button is not None:  # the way to crisis lines stands out from the rest
            help_button.setObjectName("helpNowButton")
            font = help_button.font()
            font.setBold(True)
            help_button.setFont(font)
        self.addToolBar(bar)

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addActions(list(self.printing.actions))
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        go = menu.addMenu("&Go")
        for action in (self.back_action, self.forward_action, self.home_action):
            go.addAction(action)
        go.addMenu(self.recent_menu)
        go.addSeparator()
        go.addActions([self.find_action, self.find_in_page_action])
        go.addSeparator()
        go.addActions([self.next_panel_action, self.previous_panel_action])
        marks = menu.addMenu("&Bookmarks")
        marks.addAction(self.bookmarks.action)
        marks.addAction(self.bookmarks.dock.toggleViewAction())
        view = menu.addMenu("&View")
        view.addAction(self.contents.toggleViewAction())
        view.addAction(self.glossary.toggleViewAction())
        view.addAction(self.references.toggleViewAction())
        view.addSeparator()
        view.addMenu(self.appearance.theme_menu)
        view.addActions(list(self.appearance.zoom_actions))
        view.addSeparator()
        view.addAction(self.problems_action)
        help_menu = menu.addMenu("&Help")
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.about_action)

    def _connect(self) -> None:
        self.reader.link_activated.connect(self.on_link_activated)
        self.glossary.link_activated.connect(self.on_link_activated)
        self.references.link_activated.connect(self.on_link_activated)
        self.results.list.result_activated.connect(self.open_result)
        self.results.summary.linkActivated.connect(self.on_summary_link)
        self.search_field.textEdited.connect(self.on_search_edited)
        self.search_field.returnPressed.connect(self.on_search_submitted)
        self.search.response_ready.connect(self.on_search_response)
        self.suggestions.suggestion_activated.connect(self.on_suggestion_activated)
        self.bookmarks.dock.open_requested.connect(self.navigate)
        self.bookmarks.problem.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.contents.section_chosen.connect(self.reader.scrollToAnchor)
        self.page_shown.connect(self.on_page_shown)
        self.reader.content_note_passed.connect(self.positions.on_page_shown)
        self.reader.link_tooltip = self.link_tooltip
        self.reader.word_looked_up.connect(self.look_up)

    # loading ---------------------------------------------------------------------------

    def load_after_first_paint(self) -> None:
        """Start loading once the window has been drawn, so it appears at once."""
        self._load_pending = True
        # Should no paint event reach the window itself, load anyway a moment later.
        QTimer.singleShot(400, self._start_pending_load)

    def _start_pending_load(self) -> None:
        if getattr(self, "_load_pending", False):
            self._load_pending = False
            self.start_loading()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and getattr(self, "_load_pending", False):
            QTimer.singleShot(0, self._start_pending_load)
        return handled

    def start_loading(self) -> None:
        """Load content and open the index in the background; the window stays responsive."""
        roots = self.roots
        preload_modules()
        from lantern.core.library_cache import load_and_cache, read_cached
        from lantern.core.search import open_index, open_previous_index
        from lantern.core.search.suggest import Suggester

        progress = self.index_progress
        cache = paths.cache_dir()

        def finish(library: Library, changed: bool) -> Loaded:
            # A changed pack: search the index as it was while it is brought up to date
            # (after loading, in the background). An unchanged one's index is current.
            previous = open_previous_index(library, cache) if changed else None
            index = previous or open_index(library, cache, progress)
            # Built here, not in the GUI thread: a third of a second at 16 000 questions.
            return library, index, Suggester(library), previous is not None

        def from_cache() -> Loaded | None:
            library = read_cached(roots, cache)
            return None if library is None else finish(library, changed=False)

        def from_files(cached: Loaded | None) -> None:
            if cached is not None:
                self.on_library_loaded(cached)
                return
            # The pack changed (or first start): parse it. The parser's modules are
            # imported here, in the GUI thread, as every background module is.
            preload_modules(PARSER_MODULES)
            submit(self._pool, lambda: finish(load_and_cache(roots, cache), changed=True),
                   self.on_library_loaded, self.on_load_failed)

        submit(self._pool, from_cache, from_files, self.on_load_failed)

    def on_library_loaded(self, loaded: Loaded) -> None:
        from lantern.core.compose import Composer
        from lantern.core.usage import term_appearances

        self.library, self.index, suggester, outdated = loaded
        if outdated:
            self.update_index()
        else:
            self.index_progress.finish()
        self.composer = Composer(self.library)
        self.glossary.set_library(self.library, self.composer)
        self.references.set_library(self.library)
        self.search.set_index(self.index)
        self.suggestions.set_suggester(suggester)
        library = self.library
        status = (f"{len(library.articles)} articles · {len(library.faqs)} questions · "
                  f"{len(library.terms)} glossary terms")
        if library.errors:
            # Warnings are for authors (lantern check); readers hear only of skipped content.
            status += f" · {len(library.errors)} content problems (View › Content problems)"
        self.statusBar().showMessage(status)
        last = self.home_address
        if self.persist_state:
            last = str(self.settings.value("reader/last", HOME) or HOME)
        if not self.navigate(last):
            self.navigate(HOME)
        self.library_loaded.emit()
        # Where each glossary term appears: worked out in the background once search is
        # usable, not before (a glossary entry opened sooner works it out itself).
        composer = self.composer
        submit(self._pool, lambda: term_appearances(composer.library),
               composer.offer_appearances, lambda _message: None)

    def update_index(self) -> None:
        """Bring the search index up to date in the background; searches meanwhile use the
        index as it was, and the new one takes over when it is ready."""
        from lantern.core.search import open_index

        library, cache, progress = self.library, paths.cache_dir(), self.index_progress
        assert library is not None
        self.index_updating = True
        self.statusBar().showMessage("Updating the search index…")
        submit(self._pool, lambda: open_index(library, cache, progress),
               self.on_index_updated, self.on_index_update_failed)

    def on_index_updated(self, index: SearchIndex) -> None:
        if getattr(self, "_closed", False):  # the window closed while the update ran
            index.close()
            return
        previous, self.index = self.index, index
        self.search.set_index(index)
        self.search.wait()  # a search still running on the previous index ends first
        if previous is not None and previous is not index:
            previous.close()
        self.index_updating = False
        self.index_progress.finish()
        self.statusBar().showMessage("Search index updated", 5000)
        self.index_updated.emit()

    def on_index_update_failed(self, message: str) -> None:
        self.index_updating = False
        self.index_progress.finish()
        log.warning("search index not updated: %s", message)
        self.statusBar().showMessage("The search index could not be updated; searching the "
                                     "previous one", 15000)

    def on_load_failed(self, message: str) -> None:
        self.reader.show_message("Lantern could not open its library", message)
        self.statusBar().showMessage("Loading failed")

    # navigation ------------------------------------------------------------------------

    def navigate(self, address: str, record: bool = True) -> bool:
        """Show an internal address (`lantern:article/slug#section`); False if unknown."""
        if self.composer is None:
            return False
        where = Address.parse(address)
        recent = self.recent.items if self.recent_enabled else ()
        page = self.composer.compose(address, recent=[(v.address, v.title) for v in recent])
        if page is None or where is None:
            self.statusBar().showMessage(f"Not found: {address}", 5000)
            return False
        self.reader.show_page(page, where.anchor)
        self.references.set_references(page.citations)
        if where.kind is Kind.TERM:
            self.glossary.show_term(where.key)
        if record:
            self.history.visit(address, page.title)
        if self.recent_enabled and self.recent.add(address, page.title):
            self.settings.setValue("reader/recent", self.recent.dumps())
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())
        self.setWindowTitle(f"{page.title} — Lantern")
        self.page_shown.emit(address)
        return True

    def on_page_shown(self, address: str) -> None:
        page = self.reader.page
        self.printing.update_actions()
        self.bookmarks.set_current(address, page.title if page else address)
        self.contents.show_page(page)
        self.positions.on_page_shown(address)

    def disable_personal_features(self) -> None:
        """Kiosk: light theme, no bookmarks, printing, remembered places or recent pages."""
        self.recent_enabled = False
        self.recent.clear()
        self.recent_searches.clear()
        self.recent_menu.setEnabled(False)
        self.appearance.lock_for_kiosk()
        self.bookmarks.disable()
        self.printing.disable()
        self.positions.disable()

    def open_result(self, address: str) -> None:
        """Open a search result at its section, with the words that matched it marked."""
        result = self.results.model.result_at(address)
        if self.navigate(address):
            mark_all(self.reader, list(result.terms) if result else [])

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
        elif scheme in ("http", "https", "mailto") and not self.external_links_allowed:
            self.external_link_blocked.emit(url)
        elif scheme in ("http", "https", "mailto"):
            self.open_external(url)
        elif not scheme and url.fragment():
            self.reader.scrollToAnchor(url.fragment())

    def look_up(self, word: str) -> bool:
        """A double-clicked word: its glossary entry if it has one, else a hint to search."""
        term_id = self.composer.renderer.term_for(word) if self.composer else None
        if term_id and self.glossary.show_term(term_id):
            return True
        self.statusBar().showMessage(
            f"“{word}” is not in the glossary. Ctrl+K searches the library for it.", 6000)
        return False

    def link_tooltip(self, href: str) -> str:
        """What hovering a link shows: a glossary term's short definition."""
        where = Address.parse(href)
        if where is None or where.kind is not Kind.TERM or self.library is None:
            return ""
        term = self.library.term(where.key)
        if term is None:
            return ""
        from lantern.core.compose import short_definition

        return f"{term.term}: {short_definition(term)}"

    def open_external(self, url: QUrl) -> None:
        answer = QMessageBox.question(
            self, "Open in your browser?",
            f"This link leaves Lantern and opens in your web browser:\n\n{url.toString()}",
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(url)

    def go_back(self) -> None:
        self.go_to_history(-1)

    def go_forward(self) -> None:
        self.go_to_history(+1)

    def go_to_history(self, steps: int) -> None:
        """Jump `steps` pages back (negative) or forward through the history."""
        address = self.history.jump(steps)
        if address:
            self.navigate(address, record=False)

    def _fill_history_menu(self, menu: QMenu, direction: int) -> None:
        menu.clear()
        items = (self.history.back_items() if direction < 0 else self.history.forward_items())
        for steps, visit in items:
            action = menu.addAction(visit.title)
            action.setStatusTip(visit.address)
            action.triggered.connect(lambda _checked=False, n=steps: self.go_to_history(n))

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        for visit in self.recent.items:
            action = menu.addAction(visit.title)
            action.setStatusTip(visit.address)
            action.triggered.connect(lambda _checked=False, a=visit.address: self.navigate(a))
        if not self.recent.items:
            menu.addAction("Nothing read yet").setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(self.recent.items or self.recent_searches.items))

    def clear_recent(self) -> None:
        self.recent.clear()
        self.recent_searches.clear()
        if self.persist_state:
            self.settings.setValue("reader/recent", self.recent.dumps())
            self.settings.setValue("search/recent", self.recent_searches.dumps())
        if self.history.current == HOME:
            self.navigate(HOME, record=False)

    def go_home(self) -> None:
        self.results.hide()
        if not self.navigate(self.home_address):
            self.navigate(HOME)

    # search ----------------------------------------------------------------------------

    def panels(self) -> list[QWidget]:
        """The places F6 moves between, in reading order, those on show only."""
        places: list[QWidget] = [self.search_field, self.results.list, self.reader,
                                 self.contents.list, self.bookmarks.dock.list,
                                 self.glossary.filter, self.references.browser]
        return [w for w in places if w.isVisible() and w.isEnabled()]

    def cycle_panels(self, step: int) -> None:
        places = self.panels()
        if not places:
            return
        focus = QApplication.focusWidget()
        here = next((i for i, w in enumerate(places)
                     if focus is not None and (focus is w or w.isAncestorOf(focus))), -1)
        target = places[(here + step) % len(places)] if here >= 0 else places[0]
        target.setFocus(Qt.FocusReason.TabFocusReason if step > 0
                        else Qt.FocusReason.BacktabFocusReason)

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def on_search_edited(self, text: str) -> None:
        if text.strip():
            self.search.schedule(text)
        else:
            self.search.cancel()
            self.results.hide()

    def on_suggestion_activated(self, address: str) -> None:
        self.suggestions.hide()
        if address.startswith("search:"):  # a recent search, run again
            self.search_field.setText(address.removeprefix("search:"))
            self.on_search_submitted()
            return
        self.navigate(address)

    def on_search_submitted(self) -> None:
        self.suggestions.hide()
        text = self.search_field.text()
        if self.recent_enabled and self.recent_searches.add(text):
            self.settings.setValue("search/recent", self.recent_searches.dumps())
        self.search.run_now(text)

    def on_summary_link(self, link: str) -> None:
        if link.startswith("search:"):
            text = link.removeprefix("search:")
            self.search_field.setText(text)
            self.search.run_now(text)
        elif Address.parse(link) is not None:
            self.on_link_activated(QUrl(link))

    def on_search_response(self, response: object) -> None:
        names = {t.id: t.term for t in self.library.terms} if self.library else {}
        self.results.show_response(response, names)  # type: ignore[arg-type]
        self.results.show()
        self.search_finished.emit(response)

    # dialogs ---------------------------------------------------------------------------

    def show_problems(self) -> None:
        problems = self.library.problems if self.library else ()
        dialog = QDialog(self)
        dialog.setWindowTitle("Content problems")
        text = QPlainTextEdit(dialog)
        text.setReadOnly(True)
        text.setPlainText("\n".join(p.format() for p in problems) or "No problems found.")
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        dialog.resize(760, 420)
        dialog.open()

    def show_about(self) -> None:
        name = self.library.name if self.library else "Lantern"
        QMessageBox.about(
            self, "About Lantern",
            f"<b>Lantern {__version__}</b><p>An offline reading companion.</p>"
            f"<p>Content: {name}</p><p>Information, not medical advice.</p>",
        )

    # state -----------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        # Side panels wide enough for a definition and a QR code, unless the reader chose.
        self.resizeDocks([self.glossary], [360], Qt.Orientation.Horizontal)
        if not self.persist_state:
            return
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def save_state(self) -> None:
        if not self.persist_state:
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        if self.history.current:
            self.settings.setValue("reader/last", self.history.current)
        self.positions.save()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self.save_state()
        self.search.cancel()
        self.search.wait()
        self._pool.waitForDone()
        if self.index is not None:
            self.index.close()
        super().closeEvent(event)
