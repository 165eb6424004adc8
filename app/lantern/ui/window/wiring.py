"""The main window's signals routed, once its parts are built: links to the navigator,
panels to the column layout, the loader to the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from lantern.ui.window import content_language, layout, watching
from lantern.ui.words import translate

if TYPE_CHECKING:
    from lantern.ui.window.main_window import MainWindow


def connect_panels(window: MainWindow) -> None:
    """Links, panels, bookmarks and the navigator routed to where they lead."""
    nav = window.navigation
    window.reader.link_activated.connect(nav.on_link_activated)
    window.glossary.link_activated.connect(nav.on_link_activated)
    window.references.link_activated.connect(nav.on_link_activated)
    # After the panel has been laid out on show: sizes asked before that are dropped.
    window.references.reference_shown.connect(
        lambda: QTimer.singleShot(0, window, lambda: layout.make_room_for_reference(window)))
    window.searching.finished.connect(window.search_finished)
    window.searching.finished.connect(lambda _response: window.balance_columns())
    for dock in (window.glossary, window.references, window.bookmarks.dock, window.contents):
        dock.visibilityChanged.connect(
            lambda shown: shown and QTimer.singleShot(0, window, window.balance_columns))
    window.bookmarks.dock.open_requested.connect(window.navigate)
    window.bookmarks.problem.connect(lambda text: window.statusBar().showMessage(text, 15000))
    window.bookmarks.done.connect(lambda text: window.statusBar().showMessage(text, 6000))
    window.contents.section_chosen.connect(window.reader.scrollToAnchor)
    nav.shown.connect(window.on_shown)
    nav.message.connect(window.statusBar().showMessage)
    nav.external_link_blocked.connect(window.external_link_blocked)
    window.page_shown.connect(window.on_page_shown)
    window.page_shown.connect(lambda address: content_language.follow_page(window, address))
    window.reader.content_note_passed.connect(window.positions.on_page_shown)
    window.reader.link_tooltip = nav.link_tooltip
    window.reader.word_looked_up.connect(nav.look_up)

def connect_loader(window: MainWindow) -> None:
    """What the loader says, shown in the status bar and handed to the panels."""
    loader, status = window.loader, window.statusBar()
    loader.loaded.connect(window.on_library_loaded)
    loader.reloaded.connect(lambda: watching.show_reloaded(window))
    loader.failed.connect(window.on_load_failed)
    loader.index_updating.connect(lambda: status.showMessage(
        translate("Window", "Updating the search index…")))
    loader.index_ready.connect(window.on_index_ready)
    loader.index_updated.connect(lambda: status.showMessage(
        translate("Window", "Search index updated"), 5000))
    loader.index_updated.connect(window.index_updated)
    loader.index_update_failed.connect(lambda _message: status.showMessage(
        translate("Window", "The search index could not be updated; searching the previous one"),
        15000))
