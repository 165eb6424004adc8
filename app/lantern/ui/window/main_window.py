"""The main window: composes the widgets and routes their signals. Loading is in
loading.py, going places in navigation.py, the toolbar and menus in chrome.py, the signals
routed in wiring.py, the columns in layout.py, what is kept in state.py, the views of the
session in session_view.py; the work itself is done by core and the widgets."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lantern.core import paths
from lantern.core.session import HELP_NOW, Session

from lantern.ui.panels.bookmarks import Bookmarks
from lantern.ui.panels.docks import GlossaryDock, ReferencesDock
from lantern.ui.panels.find_bar import FindBar
from lantern.ui.panels.reader import ReaderView
from lantern.ui.panels.search_panel import ResultsPanel, SearchController, SuggestionPopup
from lantern.ui.panels.toc import ContentsDock, ReadingPositions
from lantern.ui.platform import accessibility
from lantern.ui.settings import SettingsStore
from lantern.ui.window import chrome, content_language, dialogs, layout, state, wiring
from lantern.ui.window.actions import Act, make_action
from lantern.ui.window.loading import Loader
from lantern.ui.window.navigation import Navigator
from lantern.ui.window.policy import DESKTOP, HOME, WindowPolicy
from lantern.ui.window.printing import PrintDocument, Printing
from lantern.ui.window.progress import IndexProgress
from lantern.ui.window.searching import Searching
from lantern.ui.window.session_view import SessionView
from lantern.ui.window.themes import Appearance
from lantern.ui.window.ui_language import switch_language
from lantern.ui.window.watching import PackWatcher
from lantern.ui.window.window_words import follow_language, named_menu
from lantern.ui.words import translate

if TYPE_CHECKING:
    from lantern.core.compose import ComposedPage
    from lantern.core.search.engine import SearchIndex

__all__ = ["HOME", "MainWindow"]


def _stylesheet() -> str:
    try:
        return paths.resource("styles", "article.css").read_text(encoding="utf-8")
    except (OSError, paths.NotFoundError):
        return ""


class MainWindow(QMainWindow, SessionView):
    library_loaded = Signal()
    page_shown = Signal(str)
    search_finished = Signal(object)
    index_updated = Signal()
    external_link_blocked = Signal(QUrl)
    #: The packs were read again after a file was saved (live preview), and are on show.
    content_reloaded = Signal()
    #: The content language was switched (`set_content_language`); its code.
    content_language_changed = Signal(str)
    #: The interface's language was switched (`set_ui_language`); its code.
    ui_language_changed = Signal(str)

    def __init__(self, roots: Sequence[Path], settings: QSettings | None = None,
                 policy: WindowPolicy = DESKTOP) -> None:
        super().__init__()
        self.roots = list(roots)
        self.policy = policy
        ini = paths.config_dir() / "lantern.ini"
        if settings is None and policy.persist:
            # Its owner's only before Qt first writes it: Qt keeps the mode of the file
            # it replaces.
            paths.private_file(ini)
        self.settings = SettingsStore(settings or QSettings(
            str(ini), QSettings.Format.IniFormat), persist=policy.persist)
        self.session = Session(self.roots, paths.cache_dir(), policy.front_desk_html,
                               policy.shared_index)
        self.session.translation_label = content_language.translation_label
        self.setWindowTitle("Lantern")
        self.setObjectName("mainWindow")
        self.resize(state.FIRST_SIZE)
        self._build_panels()
        self.navigation = Navigator(self.session, self.settings, policy, self.reader,
                                    self.glossary, self.references, self)
        self._loaded_before = False  # a second load is a reload: the reader stays put
        self.search = SearchController(self)
        self._build_actions()
        self.search_field = QLineEdit()
        self.search_field.setObjectName("searchField")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMinimumWidth(320 if not policy.touch else 160)
        self.suggestions = SuggestionPopup(self.search_field)
        self.searching = Searching(self.session, self.search_field, self.suggestions,
                                   self.search, self.results, self.reader, self.navigation)
        self.toolbar = chrome.build_toolbar(self, self.search_field)
        self.appearance.scale_text_of([
            self.search_field, self.suggestions.view, self.results.summary,
            self.results.kind_filter, self.results.topic_filter, self.results.list,
            self.glossary.filter, self.glossary.list, self.contents.list,
            self.bookmarks.dock.list])
        chrome.build_menus(self)
        wiring.connect_panels(self)
        state.restore_layout(self, self.settings, self.glossary)
        self.reader.show_message("Lantern", translate("Window", "Opening the library…"))
        self.statusBar().showMessage(translate("Window", "Loading content…"))
        self.index_progress = IndexProgress(self.statusBar())
        self.loader = Loader(self.session, self.index_progress, self)
        self.watcher: PackWatcher | None = None
        wiring.connect_loader(self)
        follow_language(self)  # its words now, and whenever the language changes
        self._apply_policy()
        for dock in self.findChildren(QDockWidget):  # Qt makes tab bars as panels are tabbed
            dock.visibilityChanged.connect(self.name_qt_parts)

    # construction ----------------------------------------------------------------------

    def _build_panels(self) -> None:
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
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        # The reading column keeps a readable measure first: the results list and the side
        # panels give way to it when the window is narrow.
        reader_box.setMinimumWidth(layout.reading_floor(self.reader))
        self.results.setMaximumWidth(layout.RESULTS_MAX_WIDTH)
        self.splitter.setSizes([layout.RESULTS_WIDTH, 700])
        self.setCentralWidget(self.splitter)

        persist = self.policy.persist
        self.glossary = GlossaryDock(css, self)
        self.references = ReferencesDock(css, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.glossary)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.references)
        self.splitDockWidget(self.glossary, self.references, Qt.Orientation.Vertical)
        self.appearance = Appearance(self, self.settings,
                                     [self.reader, self.glossary, self.references])
        self.reader.viewport().installEventFilter(self.appearance)
        self.appearance.apply()
        self.bookmarks = Bookmarks(self, persist)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.bookmarks.dock)
        self.printing = Printing(self, self.reader, persist)
        self.contents = ContentsDock(self)
        self.contents.follow(self.reader)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.contents)
        self.tabifyDockWidget(self.bookmarks.dock, self.contents)
        self.contents.hide()
        self.positions = ReadingPositions(self.reader, self.settings, persist, self)

    def _build_actions(self) -> None:
        nav = self.navigation
        self.back_action = make_action(self, Act.BACK, self.go_back)
        self.forward_action = make_action(self, Act.FORWARD, self.go_forward)
        self.home_action = make_action(self, Act.HOME, self.go_home)
        self.help_action = make_action(self, Act.HELP_NOW,
                                       lambda: self.navigate(self.session.localized(HELP_NOW)))
        self.find_action = make_action(self, Act.SEARCH, lambda: self.searching.focus())
        self.find_in_page_action = make_action(self, Act.FIND_IN_PAGE, self.find_bar.open_bar)
        self.problems_action = make_action(
            self, Act.PROBLEMS, lambda: dialogs.show_problems(
                self, self.session.library, self.bundled_content()))
        self.about_action = make_action(
            self, Act.ABOUT, lambda: dialogs.show_about(self, self.session.library))
        self.quit_action = make_action(self, Act.QUIT, self.close)
        self.clear_recent_action = make_action(self, Act.CLEAR_RECENT, nav.clear_recent)
        self.next_panel_action = make_action(self, Act.NEXT_PANEL, lambda: self.cycle_panels(+1))
        self.previous_panel_action = make_action(self, Act.PREVIOUS_PANEL,
                                                 lambda: self.cycle_panels(-1))
        self.go_to_results_action = make_action(
            self, Act.GO_TO_RESULTS, lambda: chrome.go_to_results(self))
        self.go_to_text_action = make_action(
            self, Act.GO_TO_TEXT, lambda: chrome.go_to_text(self))
        self.back_action.setEnabled(False)
        self.forward_action.setEnabled(False)
        # Holding Back or Forward (or the Go menu) lists the pages in that direction.
        self.back_menu = named_menu(self, "backMenu")
        self.back_menu.aboutToShow.connect(lambda: nav.fill_history_menu(self.back_menu, -1))
        self.forward_menu = named_menu(self, "forwardMenu")
        self.forward_menu.aboutToShow.connect(
            lambda: nav.fill_history_menu(self.forward_menu, +1))
        self.recent_menu = named_menu(self, "recentMenu")
        self.recent_menu.aboutToShow.connect(
            lambda: nav.fill_recent_menu(self.recent_menu, self.clear_recent_action))

    def _apply_policy(self) -> None:
        if not self.policy.all_actions:
            chrome.lock_down(self)
        if not self.policy.menus:
            chrome.hide_menus(self)
        if self.policy.touch:
            chrome.touch_chrome(self, self.toolbar, [
                self.reader, self.results.list, self.glossary.list, self.glossary.entry,
                self.references.browser])

    def bundled_content(self) -> Path | None:
        return dialogs.bundled_content()

    # what a kiosk (or any owner) may ask of the window ------------------------------------

    def add_toolbar_controls(self, first: QWidget,
                             actions: Sequence[tuple[QAction, str, str]]) -> None:
        chrome.add_controls(self.toolbar, first, actions)  # `first`, a separator, the actions

    def name_toolbar_controls(self, actions: Sequence[tuple[QAction, str, str]]) -> None:
        chrome.name_buttons(self.toolbar, actions)  # again: (object name, accessible name)

    def fold_toolbar_labels(self, folded: bool, hint: str = "") -> None:
        chrome.fold_labels(self, folded, hint)

    def toolbar_width_needed(self) -> int:  # px: every button whole, the search hint shown
        return chrome.width_needed(self.toolbar, self.search_field)

    def add_bottom_panel(self, dock: QDockWidget) -> None:
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)

    def set_reading_css(self, css: str) -> None:
        """One stylesheet for the reader and the glossary and reference panels."""
        self.reader.set_stylesheet(css)
        for panel in (self.glossary, self.references):
            panel.set_document_css(css)

    def current_page(self) -> ComposedPage | None:
        return self.reader.page

    def print_document(self) -> PrintDocument | None:
        return self.printing.document()

    def reset(self) -> None:
        """Back to a clean home page: nothing of the last visitor on screen or in memory."""
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        for part in (self.searching, self.find_bar, self.glossary, self.references,
                     self.reader, self.navigation):
            part.reset()
        content_language.restore_default(self)
        width = max(self.splitter.width(), 800)
        self.splitter.setSizes([width * 2 // 5, width * 3 // 5])
        self.go_home()
        self.reader.setExtraSelections([])
        self.reader.setFocus()
        self.statusBar().clearMessage()
        chrome.clear_clipboard()

    # loading ---------------------------------------------------------------------------

    def load_after_first_paint(self) -> None:
        """Start loading once the window has been drawn, so it appears at once."""
        self.loader.load_after_first_paint()

    def start_loading(self) -> None:
        self.loader.start()

    def update_index(self) -> None:
        self.loader.update_index()

    def on_library_loaded(self) -> None:
        session = self.session
        assert session.library is not None and session.composer is not None
        assert session.index is not None and session.suggester is not None
        content_language.on_loaded(self)
        self.references.set_library(session.library)
        self.search.set_index(session.index)
        self.statusBar().showMessage(session.status())
        shown = self.reader.page
        # Loaded again (a file had changed since the cache): stay on the page read, if the
        # library loaded still has it (other packs may have been opened instead).
        if not (shown is not None and self._loaded_before
                and self.navigation.navigate(shown.address, record=False)):
            self.navigation.open_last()
        self._loaded_before = True
        self.library_loaded.emit()

    def watch_content(self) -> None:
        """Live preview: read the packs again whenever one of their files is saved."""
        if self.watcher is None:
            self.watcher = PackWatcher(self.roots, self)
            self.watcher.changed.connect(self.loader.reload)

    def balance_columns(self) -> None:
        layout.balance_columns(self)

    def on_index_ready(self, index: SearchIndex) -> None:
        self.search.set_index(index)
        self.search.wait()  # a search still running on the previous index ends first

    def on_load_failed(self, message: str) -> None:
        self.reader.show_message(translate("Window", "Lantern could not open its library"),
                                 message)
        self.statusBar().showMessage(translate("Window", "Loading failed"))

    # navigation ------------------------------------------------------------------------

    def navigate(self, address: str, record: bool = True) -> bool:
        """Show an internal address (`lantern:article/slug#section`); False if unknown."""
        return self.navigation.navigate(address, record)

    def on_shown(self, address: str, title: str) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())
        self.setWindowTitle(f"{title} — Lantern")
        self.page_shown.emit(address)

    def on_page_shown(self, address: str) -> None:
        self.suggestions.hide()  # a page opened while they showed: they are done with
        page = self.reader.page
        self.printing.update_actions()
        self.bookmarks.set_current(address, page.title if page else address)
        self.contents.show_page(page)
        self.positions.on_page_shown(address)

    def on_link_activated(self, url: QUrl) -> None:
        self.navigation.on_link_activated(url)

    def open_result(self, address: str) -> None:
        """Open a search result at its section, with the words that matched marked."""
        self.searching.open_result(address)

    def go_back(self) -> None:
        self.navigation.go_to_history(-1)

    def go_forward(self) -> None:
        self.navigation.go_to_history(+1)

    def set_content_language(self, code: str) -> bool:
        """Read content in `code` ("en", "es"…; see content_language.set_content_language)."""
        return content_language.set_content_language(self, code)

    def set_ui_language(self, code: str) -> bool:
        """Speak `code` in the window and read content in it (see window/ui_language.py)."""
        return switch_language(self, code)

    def go_home(self) -> None:
        self.results.hide()
        self.navigation.go_home()

    # panels and search -----------------------------------------------------------------

    def panels(self) -> list[QWidget]:
        """The places F6 moves between, in reading order, those on show only."""
        places: list[QWidget] = [self.search_field, self.results.list, self.reader,
                                 self.contents.list, self.bookmarks.dock.list,
                                 self.glossary.filter, self.references.browser]
        return [w for w in places if w.isVisible() and w.isEnabled()]

    def cycle_panels(self, step: int) -> None:
        chrome.cycle_focus(self.panels(), step)

    # state -----------------------------------------------------------------------------

    def save_state(self) -> None:
        if not self.policy.persist:
            return
        state.save_layout(self, self.settings, self.history.current)
        self.positions.save()
        self.settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.name_qt_parts()
        QTimer.singleShot(0, self, self.name_qt_parts)

    def name_qt_parts(self, *_args: object) -> None:
        """Names for the controls Qt adds by itself (see ui/platform/accessibility.py)."""
        accessibility.name_qt_parts(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.search.cancel()
        self.search.wait()
        self.navigation.opener.wait()
        self.loader.close()
        super().closeEvent(event)
