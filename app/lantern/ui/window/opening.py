"""Opening a page without freezing the window.

A page is composed (Markdown rendered, citations numbered, glossary terms linked) in the
GUI thread only when that is quick: a page of at most INLINE_MAX_CHARS of Markdown is tried
there with a share of INLINE_SHARE_S of the thread's processor time. Anything longer, or
a page that used up that share (its partial work is dropped), is composed in a worker
thread while the window goes on painting and taking input; if it takes more than
OPENING_AFTER_MS the reader says "Opening…" meanwhile. Each request cancels the one
before it: a page asked for later always wins, and a page overtaken is never shown.

The worker composes with composers of its own (`Session.background_composer_of`), one page
at a time; the budgets are cooperative (`core/deadline.py`), so a cancelled page stops at
its next look at the clock and the next one starts. The last few pages composed are kept,
so going back to a long page does not compose it again.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from lantern.core.address import Address, Kind
from lantern.core.deadline import Abandoned, Budget
from lantern.core.session import Session

from lantern.ui.platform.workers import submit

if TYPE_CHECKING:
    from lantern.core.compose import ComposedPage, Composer
    from lantern.core.model import Library

log = logging.getLogger(__name__)

#: Pages with more Markdown than this go straight to the worker.
INLINE_MAX_CHARS = 32_000
#: Processor time of the GUI thread a page may take before it goes to the worker: five
#: times what the longest page of the bundled pack takes (30 ms), so that on a busy machine
#: an ordinary page is still shown at once.
INLINE_SHARE_S = 0.15
#: A page still being composed after this long shows "Opening…" in the reader.
OPENING_AFTER_MS = 150
#: Composed pages kept, of these kinds.
KEPT_PAGES = 4
KEPT_KINDS = (Kind.ARTICLE, Kind.FAQ, Kind.PAGE)

Show = Callable[["ComposedPage | None"], bool]


def _time_limit() -> float:
    from lantern.core.render import PAGE_TIME_LIMIT_S  # loaded by then (composer made)

    return PAGE_TIME_LIMIT_S


def source_size(library: Library, address: str) -> int:
    """How many characters of Markdown the page at `address` renders (0 for a list)."""
    where = Address.parse(address)
    if where is None:
        return 0
    if where.kind is Kind.HOME:
        home = library.page("home")
        return len(home.body) if home else 0
    found = library.find(where)
    if where.kind is Kind.TERM:
        return len(str(getattr(found, "definition", "")))
    return len(str(getattr(found, "body", "")))


def title_of(composer: Composer, address: str) -> str:
    """The title of the page at `address`, from the library (nothing is composed)."""
    where = Address.parse(address)
    library = composer.library
    if where is None:
        return ""
    found = library.find(where)
    if where.kind is Kind.TERM:
        return str(getattr(found, "term", ""))
    return str(getattr(found, "title", "") or "")


class PageOpener(QObject):
    """Composes the pages the navigator asks for, at once or in the background."""

    #: A page is being composed in the background and has taken a while: its title.
    opening = Signal(str)
    #: A page could not be composed (the message says why); nothing else is shown for it.
    failed = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one background composer, one page at a time
        self._ticket = 0
        self._running: Budget | None = None
        #: Pages kept, and pages found too slow for the GUI thread, of this composer's.
        self._composer: Composer | None = None
        self._kept: OrderedDict[str, ComposedPage] = OrderedDict()
        self._slow: set[str] = set()
        self._opening = QTimer(self)
        self._opening.setSingleShot(True)
        self._opening.setInterval(OPENING_AFTER_MS)
        self._opening.timeout.connect(self._say_opening)
        self._opening_title = ""

    @property
    def busy(self) -> bool:
        """A page is being composed in the background for the latest request."""
        return self._running is not None

    def cancel(self) -> None:
        """Drop the request under way, if any: its page will not be shown."""
        self._ticket += 1
        self._opening.stop()
        if self._running is not None:
            self._running.cancel()
            self._running = None

    def open(self, address: str, recent: Sequence[tuple[str, str]], show: Show) -> bool:
        """Compose `address` and hand the page (None: there is none) to `show`: at once,
        returning what `show` returns, or later from the worker, returning True."""
        self.cancel()
        if self.session.composer is not self._composer:  # loaded again, or a new language
            self._composer = self.session.composer
            self._kept.clear()
            self._slow.clear()
        composer = self.session.composer_of(address)  # of the address's own language
        if composer is None:
            return show(None)
        where = Address.parse(address)
        key = str(where.page) if where is not None else address
        kept = self._kept.get(key)
        if kept is not None:
            self._kept.move_to_end(key)
            return show(kept)
        if key not in self._slow and source_size(composer.library, address) <= INLINE_MAX_CHARS:
            try:
                page = self.session.compose(address, recent, budget=Budget(
                    _time_limit(), share_s=INLINE_SHARE_S))
            except Abandoned:
                self._slow.add(key)
            else:
                self._keep(key, page, where)
                return show(page)
        if not composer.exists(address):
            return show(None)
        self._in_background(address, recent, key, where, show)
        return True

    def _keep(self, key: str, page: ComposedPage | None, where: Address | None) -> None:
        # Only pages that stay the same: not the home page (its recent list), not the lists,
        # not a glossary entry (its "Appears in" comes once worked out).
        if page is None or where is None or where.kind not in KEPT_KINDS:
            return
        self._kept[key] = page
        while len(self._kept) > KEPT_PAGES:
            self._kept.popitem(last=False)

    def _in_background(self, address: str, recent: Sequence[tuple[str, str]],
                       key: str, where: Address | None, show: Show) -> None:
        session = self.session
        composer = session.background_composer_of(address)
        shown_with = session.composer_of(address)
        assert composer is not None and shown_with is not None
        ticket = self._ticket
        library = session.library
        budget = self._running = Budget(_time_limit())
        recent = list(recent)

        def work() -> ComposedPage | Abandoned | None:
            budget.restart()  # the page's time counts from here, not from the queue
            try:
                return session.compose(address, recent, budget=budget, composer=composer)
            except Abandoned as gone:
                return gone

        def arrived(page: ComposedPage | Abandoned | None) -> None:
            if ticket != self._ticket or isinstance(page, Abandoned):
                return  # overtaken by a later request, or cancelled
            self._running = None
            self._opening.stop()
            if self.session.library is library:  # not of a library since replaced
                self._keep(key, page, where)
            show(page)

        def went_wrong(message: str) -> None:
            if ticket == self._ticket:
                self._running = None
                self._opening.stop()
                self.failed.emit(message)

        self._opening_title = title_of(shown_with, address)
        self._opening.start()
        submit(self._pool, work, arrived, went_wrong)

    def _say_opening(self) -> None:
        if self._running is not None:
            self.opening.emit(self._opening_title)

    def forget_kept(self) -> None:
        """Drop the pages kept (each is composed again when next asked for)."""
        self._kept.clear()

    def wait(self) -> None:
        """Cancel what is under way and wait for the worker to finish (closing)."""
        self.cancel()
        self._pool.waitForDone()
