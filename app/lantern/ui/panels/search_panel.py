"""The results list and the controller that runs searches off the GUI thread."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from lantern.core.address import SEARCHED_KINDS, Kind, address
from lantern.core.plurals import describe_counts
from lantern.core.wording import kind_label, topic_name

from lantern.ui.panels.filter_row import FilterRow
from lantern.ui.panels.models import ResultsModel, RichTextDelegate, TargetRole
from lantern.ui.panels.text_views import plain_tip
from lantern.ui.platform.accessibility import field_focus
from lantern.ui.platform.workers import submit
from lantern.ui.words import translate

if TYPE_CHECKING:
    from lantern.core.search.engine import SearchIndex
    from lantern.core.search.results import SearchResponse, SearchResult, Suggestion
    from lantern.core.search.suggest import Suggester

    from lantern.ui.panels.suggestion_list import SuggestionList

DEBOUNCE_MS = 180
#: Focus coming back to the search field rather than brought to it by the reader.
_RETURNING_FOCUS = (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason)


class ResultsList(QListView):
    """Enter or a click opens the result under the cursor."""

    result_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(RichTextDelegate(self))
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.activated.connect(self._open)
        self.clicked.connect(self._open)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.result_activated.emit(index.data(TargetRole))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open(self.currentIndex())
            return
        super().keyPressEvent(event)


class ResultsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsPanel")
        self.model = ResultsModel(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setObjectName("resultsSummary")
        self.list = ResultsList()
        self.list.setModel(self.model)
        self._results: tuple[SearchResult, ...] = ()
        self.kind_filter = QComboBox()
        self.topic_filter = QComboBox()
        self._response: tuple[SearchResponse, dict[str, str]] | None = None
        self._counts: tuple[dict[str, int], dict[str, int]] = ({}, {})
        self.kind_filter.currentIndexChanged.connect(self._apply_filters)
        self.topic_filter.currentIndexChanged.connect(self._apply_filters)
        # Visible labels: on Linux Qt names a combo box by its value and lets its label
        # (the buddy relation) say what it chooses.
        self.filter_labels: list[QLabel] = []
        for combo in (self.kind_filter, self.topic_filter):
            label = QLabel()
            label.setBuddy(combo)
            self.filter_labels.append(label)
        self.filters = FilterRow(list(zip(self.filter_labels,
                                          (self.kind_filter, self.topic_filter), strict=True)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.filters)
        layout.addWidget(self.list, 1)
        self.retranslate()

    def retranslate(self) -> None:
        """The panel's words in the interface's language, the summary shown said again."""
        self.list.setAccessibleName(translate("Results", "Search results"))
        words = ((translate("Results", "&Kind"), translate("Results", "Kind"),
                  translate("Results", "Show only results of this kind")),
                 (translate("Results", "T&opic"), translate("Results", "Topic"),
                  translate("Results", "Show only results about this topic")))
        for label, combo, (text, name, description) in zip(
                self.filter_labels, (self.kind_filter, self.topic_filter), words, strict=True):
            label.setText(text)
            combo.setAccessibleName(name)
            combo.setAccessibleDescription(description)
        if self._response is not None:
            self.summary.setText(self._summary(*self._response))
            self._name_filters()
        self.filters.refit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_filters(self, results: tuple[SearchResult, ...], kinds: dict[str, int]) -> None:
        """The filters; the kinds counted as the search counted them, so the filter and the
        summary above it say the same numbers."""
        topics: dict[str, int] = {}
        for result in results:
            for topic in result.topics:
                topics[topic] = topics.get(topic, 0) + 1
        for combo in (self.kind_filter, self.topic_filter):
            combo.blockSignals(True)
            combo.clear()
        self.kind_filter.addItem("", "")
        for kind in SEARCHED_KINDS:
            if kind in kinds:
                self.kind_filter.addItem("", str(kind))
        self.topic_filter.addItem("", "")
        for topic in sorted(topics):
            self.topic_filter.addItem("", topic)
        self._counts = (kinds, topics)
        self._name_filters()
        for combo in (self.kind_filter, self.topic_filter):
            combo.blockSignals(False)
        for label, combo in zip(self.filter_labels, (self.kind_filter, self.topic_filter),
                                strict=True):
            combo.setVisible(combo.count() > 2)
            label.setVisible(combo.isVisibleTo(self))
        self.filters.refit()

    def _name_filters(self) -> None:
        """Each filter's choices named in the interface's language, with their counts."""
        kinds, topics = self._counts
        for row in range(self.kind_filter.count()):
            kind = Kind.of(self.kind_filter.itemData(row) or "")
            self.kind_filter.setItemText(row, translate(
                "Results", "All kinds ({count})").format(count=sum(kinds.values()))
                if kind is None else f"{kind_label(kind)} ({kinds.get(kind, 0)})")
        for row in range(self.topic_filter.count()):
            topic = self.topic_filter.itemData(row) or ""
            self.topic_filter.setItemText(row, f"{topic_name(topic)} ({topics[topic]})"
                                          if topic else translate("Results", "All topics"))

    def _apply_filters(self) -> None:
        kind = self.kind_filter.currentData() or ""
        topic = self.topic_filter.currentData() or ""
        shown = tuple(
            r for r in self._results
            if (not kind or r.kind == kind) and (not topic or topic in r.topics)
        )
        self.model.set_results(shown)
        if shown:
            self.list.setCurrentIndex(self.model.index(0))

    def reset(self) -> None:
        """No results, no summary, the filters back to "all", hidden."""
        self._response = None
        self.model.set_results(())
        self.summary.setText("")
        self.hide()
        for combo in self.findChildren(QComboBox):
            combo.setCurrentIndex(0)

    def show_response(self, response: SearchResponse, term_names: dict[str, str]) -> None:
        """Show results; when there are none, offer near glossary terms and useful questions."""
        self._results = response.results or response.useful
        self._fill_filters(response.results, response.counts)
        self.model.set_results(self._results)
        self._response = (response, term_names)
        self.summary.setText(self._summary(response, term_names))
        if response.results:
            self.list.setCurrentIndex(self.model.index(0))

    @staticmethod
    def _summary(response: SearchResponse, term_names: dict[str, str]) -> str:
        """What the search found, said above the list."""
        if response.results:
            counts = describe_counts(response.counts)
            total = sum(response.counts.values())
            if len(response.results) < total:
                counts += " " + translate("Results", "(the best %n listed)", "(the best %n listed)",
                                          len(response.results))
            heading = escape(translate("Results", "Results for “{query}”"))
            text = (f"<b>{heading}</b><br/>{escape(counts)}").replace(
                "{query}", escape(response.query))
        else:
            heading = escape(translate("Results", "Nothing found for “{query}”."))
            text = f"<b>{heading}</b>".replace("{query}", escape(response.query))
            if response.near_terms:
                links = ", ".join(
                    f'<a href="{escape(address(Kind.TERM, t))}">{escape(term_names.get(t, t))}</a>'
                    for t in response.near_terms
                )
                text += "<br/>" + escape(translate(
                    "Results", "Glossary terms spelled like it:")) + f" {links}"
            if response.useful:
                text += "<br/>" + escape(translate(
                    "Results", "Or start with one of these questions:"))
        if response.suggestion and not response.notice:
            link = (f'<a href="search:{escape(response.suggestion)}">'
                    f"{escape(response.suggestion)}</a>")
            text += "<br/>" + escape(translate("Results", "Did you mean {word}?")).replace(
                "{word}", link)
        if response.notice:
            text += f"<br/><i>{escape(response.notice)}</i>"
        return text


class SearchController(QObject):
    """Debounces typing, runs one search at a time in the background, drops stale answers."""

    response_ready = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.index: SearchIndex | None = None
        #: The language the reader reads in: a query is searched in it unless its words
        #: are another language's (None: the library's first).
        self.language: Callable[[], str | None] = lambda: None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one Whoosh searcher, one query at a time
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._run_pending)
        self._pending = ""
        self._serial = itertools.count(1)
        self._latest = 0

    def set_index(self, index: SearchIndex) -> None:
        self.index = index

    def schedule(self, text: str) -> None:
        self._pending = text
        self._timer.start()

    def run_now(self, text: str) -> None:
        self._timer.stop()
        self._pending = text
        self._run_pending()

    def cancel(self) -> None:
        self._timer.stop()
        self._latest = next(self._serial)

    def wait(self) -> None:
        self._pool.waitForDone()

    def reset(self) -> None:
        """Nothing pending, and any answer still on its way dropped."""
        self.run_now("")

    def _run_pending(self) -> None:
        text = self._pending.strip()
        serial = self._latest = next(self._serial)
        index = self.index
        if not text or index is None:
            return

        def done(response: SearchResponse) -> None:
            if serial == self._latest:
                self.response_ready.emit(response)

        language = self.language()
        submit(self._pool, lambda: index.search(text, limit=30, language=language), done)


class SuggestionPopup(QObject):
    """Names, titles and questions that start like what is typed, under the search field.

    Up/Down choose, Enter or a click opens the suggestion; Enter with nothing chosen runs
    the full search. Suggestions come from memory (core.search.suggest), not from Whoosh,
    computed on a worker thread: one at a time, only for the latest text typed, and an
    answer for text that has since changed is dropped.
    """

    suggestion_activated = Signal(str)  # an internal address, or "search:" and a query
    suggestions_shown = Signal(str)  # the text they were computed for

    def __init__(self, field: QLineEdit) -> None:
        super().__init__(field)
        self.field = field
        self.suggester: Suggester | None = None
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setWidget(field)
        self.completer.setMaxVisibleItems(8)
        self._popup().setAccessibleName(translate("Results", "Suggestions"))
        self.completer.activated[QModelIndex].connect(  # type: ignore[index]
            self._on_activated)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._busy = False
        self._waiting: str | None = None
        self._serial = 0
        #: Recent searches to offer while the field is empty; set by the window.
        self.recent_searches: Callable[[], list[str]] = list
        #: On a touch screen: the list inside the window that replaces the pop-up.
        self.inside: SuggestionList | None = None
        field.textEdited.connect(self.request)
        field.installEventFilter(self)

    def list_inside(self, window: QWidget) -> None:
        """Show the suggestions in a list drawn inside `window`, not a pop-up window (which
        swallows the next tap); for touch screens."""
        # Here, not at the top: its Qt style classes cost the desktop's start time.
        from lantern.ui.panels.suggestion_list import NeverShown, SuggestionList

        self.inside = SuggestionList(window, self.field, self.model, TargetRole)
        self.inside.chosen.connect(self.suggestion_activated)
        self.completer.setPopup(NeverShown())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Into an empty field: offer the recent searches (laptop mode only). Not when the
        # focus comes back from the list itself closing (Escape, a click elsewhere) or from
        # another window: that would open the list again at once.
        if (watched is self.field and isinstance(event, QFocusEvent)
                and event.type() == QEvent.Type.FocusIn
                and event.reason() not in _RETURNING_FOCUS and not self.field.text()):
            QTimer.singleShot(0, self, self.refresh)
        if watched is self.field and event.type() == QEvent.Type.FocusOut and \
                self.inside is not None:
            self.inside.hide()  # a tap elsewhere: the list goes, the tap acts
        return False

    def set_suggester(self, suggester: Suggester) -> None:
        self.suggester = suggester
        # Its word list is built on this panel's one worker, now: the first suggestions
        # asked for queue behind it rather than build it themselves.
        submit(self._pool, suggester.prepare, lambda _ready: None, lambda _message: None)

    def request(self, text: str) -> None:
        """Suggest for `text`; while a suggestion is being computed, keep only the latest."""
        if self._busy:
            self._waiting = text
            return
        suggester = self.suggester
        if not text.strip():
            self._show_recent(text)
            return
        if suggester is None:
            self._show(text, ())
            return
        self._busy = True
        serial = self._serial

        def done(suggestions: tuple[Suggestion, ...]) -> None:
            self._busy = False
            waiting, self._waiting = self._waiting, None
            if serial == self._serial and text == self.field.text():
                self._show(text, suggestions)
            if waiting is not None and serial == self._serial:
                self.request(waiting)

        def failed(_message: str) -> None:
            self._busy = False

        submit(self._pool, lambda: suggester.suggest(text), done, failed)

    def refresh(self) -> None:
        """Suggest for what the field holds now."""
        self.request(self.field.text())

    def wait(self) -> None:
        self._pool.waitForDone()

    def _show(self, text: str, suggestions: tuple[Suggestion, ...]) -> None:
        rows = []
        for suggestion in suggestions:
            rows.append((suggestion.text, suggestion.target, kind_label(suggestion.kind)))
        self._fill(text, rows)

    def _show_recent(self, text: str) -> None:
        queries = self.recent_searches() if not text else []
        recent = translate("Results", "Recent search")
        self._fill(text, [(q, f"search:{q}", recent) for q in queries])

    def _fill(self, text: str, rows: list[tuple[str, str, str]]) -> None:
        """Show (text, target, kind label) rows under the field, or hide the list if none."""
        self.model.clear()
        for shown, target, label in rows:
            item = QStandardItem(shown)
            item.setData(target, TargetRole)
            item.setToolTip(plain_tip(label))
            item.setData(f"{label}: {shown}", Qt.ItemDataRole.AccessibleTextRole)
            self.model.appendRow(item)
        if self.inside is not None:
            if rows and self.field.hasFocus():
                self.inside.show_under_field()
            else:
                self.inside.hide()
        elif rows and self.field.hasFocus():
            self.completer.complete()
            # Typing stays in the field: no suggestion is chosen until Up or Down, and a
            # screen reader is told the focus is still on the field, not in the list.
            self._popup().setCurrentIndex(QModelIndex())
            field_focus(self.field)
        else:
            self._popup().hide()
        self.suggestions_shown.emit(text)

    @property
    def view(self) -> QAbstractItemView:
        """The list the suggestions drop down in."""
        return self._popup()

    def _popup(self) -> QAbstractItemView:
        popup = self.completer.popup()
        assert popup is not None  # a completer always has one
        return popup

    def hide(self) -> None:
        """Close the list and drop any answer still being computed."""
        self._serial += 1
        self._waiting = None
        self._popup().hide()
        if self.inside is not None:
            self.inside.hide()

    def reset(self) -> None:
        """Closed and emptied: no suggestion of the last visitor's left to show."""
        self.hide()
        self.model.clear()

    def _on_activated(self, index: QModelIndex) -> None:
        target = index.data(TargetRole)
        if target:
            self.suggestion_activated.emit(target)
