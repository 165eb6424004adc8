"""Searching from the toolbar: typing (suggestions, a debounced search), Enter (the full
search, remembered as a recent search), a result opened with its matched words marked, and
the links in the results' summary (did-you-mean, related terms)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtWidgets import QLineEdit

from lantern.core.address import Address
from lantern.core.session import HELP_NOW, Session

from lantern.ui.panels.find_bar import mark_all
from lantern.ui.panels.reader import ReaderView
from lantern.ui.panels.search_panel import ResultsPanel, SearchController, SuggestionPopup
from lantern.ui.window.navigation import Navigator

if TYPE_CHECKING:
    from lantern.core.search.results import SearchResponse


class Searching(QObject):
    """Routes the search field, the suggestions, the search controller and the results."""

    #: A search answered (the SearchResponse), after the results panel shows it.
    finished = Signal(object)

    def __init__(self, session: Session, field: QLineEdit, suggestions: SuggestionPopup,
                 search: SearchController, results: ResultsPanel, reader: ReaderView,
                 navigation: Navigator) -> None:
        super().__init__(field)
        self.session, self.field, self.suggestions = session, field, suggestions
        self.search, self.results, self.reader = search, results, reader
        self.navigation = navigation
        suggestions.recent_searches = navigation.searches_to_offer
        results.list.result_activated.connect(self.open_result)
        results.summary.linkActivated.connect(self.on_summary_link)
        field.textEdited.connect(self.on_edited)
        field.returnPressed.connect(self.on_submitted)
        search.response_ready.connect(self.on_response)
        search.language = lambda: session.language
        suggestions.suggestion_activated.connect(self.on_suggestion_activated)

    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def on_edited(self, text: str) -> None:
        if text.strip():
            self.search.schedule(text)
        else:
            self.search.cancel()
            self.results.hide()

    def on_suggestion_activated(self, address: str) -> None:
        self.suggestions.hide()
        if address.startswith("search:"):  # a recent search, run again
            self.field.setText(address.removeprefix("search:"))
            self.on_submitted()
            return
        self.navigation.navigate(address)

    def on_submitted(self) -> None:
        from lantern.core.search.safety import crisis_phrasing  # its patterns: not before paint

        self.suggestions.hide()
        text = self.field.text()
        self.navigation.remember_search(text)
        phrasing = crisis_phrasing(text)
        if phrasing is not None:
            # Someone who may be in trouble gets the help-now page at once, in the language
            # they wrote in when it tells ("me quiero morir"); the results, with that page
            # pinned first, show beside it.
            self.navigation.navigate(self._help_now(phrasing))
        self.search.run_now(text)

    def _help_now(self, phrasing: str) -> str:
        library = self.session.library
        written = library.translation(HELP_NOW, phrasing) if library and phrasing else None
        return written or self.session.localized(HELP_NOW)

    def on_summary_link(self, link: str) -> None:
        if link.startswith("search:"):
            text = link.removeprefix("search:")
            self.field.setText(text)
            self.search.run_now(text)
        elif Address.parse(link) is not None:
            self.navigation.on_link_activated(QUrl(link))

    def on_response(self, response: SearchResponse) -> None:
        library = self.session.library
        names = {t.id: t.term for t in library.terms} if library else {}
        self.results.show_response(response, names)
        self.results.show()
        self.finished.emit(response)

    def open_result(self, address: str) -> None:
        """Open a search result at its section, with the words that matched it marked."""
        result = self.results.model.result_at(address)
        words = list(result.terms) if result else []
        def mark() -> None:
            mark_all(self.reader, words)

        self.navigation.navigate(address, then=mark)

    def reset(self) -> None:
        """Nothing typed, searched, suggested or shown (a kiosk's next visitor)."""
        for part in (self.suggestions, self.search, self.results):
            part.reset()
        self.field.setText("")  # setText also empties its undo history
