"""Loading in the background: the library after the window's first paint, the search index
brought up to date, the glossary's "Appears in" worked out. The work is the core `Session`'s;
this object only runs it off the GUI thread and says how it went by signal."""

from __future__ import annotations

import gc
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget

from lantern.core.session import Loaded, Session

from lantern.ui.platform.gui_collection import GuiThreadCollection
from lantern.ui.platform.workers import (
    PARSER_MODULES,
    preload_in_steps,
    preload_modules,
    submit,
)
from lantern.ui.window.progress import IndexProgress

if TYPE_CHECKING:
    from lantern.core.library_cache import Manifest
    from lantern.core.search.engine import SearchIndex

log = logging.getLogger(__name__)


class Loader(QObject):
    """Runs `session`'s loading in a thread pool; the window listens to the signals."""

    #: The session has adopted a library, an index and its suggestions.
    loaded = Signal()
    #: The library could not be opened (the message says why).
    failed = Signal(str)
    #: An update of the index started; it ended (the new index is in use); it failed.
    index_updating = Signal()
    index_ready = Signal(object)  # the new SearchIndex, before the old one is closed
    index_updated = Signal()
    index_update_failed = Signal(str)
    #: The packs were read again (a file was saved) and the session now shows them.
    reloaded = Signal()

    def __init__(self, session: Session, progress: IndexProgress, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.progress = progress
        self.updating = False
        self.closed = False
        self._frozen = self._froze_once = False
        self._pending = False
        self._reloading = False
        self._reload_again = False
        self._pool = QThreadPool(self)
        # While the window is open, only its GUI thread collects cycles: never a worker.
        self._collection = GuiThreadCollection(self)
        window.installEventFilter(self)

    # start ------------------------------------------------------------------------------

    def load_after_first_paint(self) -> None:
        """Start loading once the window has been drawn, so it appears at once."""
        self._pending = True
        # Should no paint event reach the window itself, load anyway a moment later.
        QTimer.singleShot(400, self._start_pending)

    def _start_pending(self) -> None:
        if self._pending:
            self._pending = False
            self.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._pending:
            QTimer.singleShot(0, self._start_pending)
        return False

    def start(self) -> None:
        """Load content and open the index in the background; the window stays responsive.
        The modules the background work needs are imported first, in the GUI thread, one
        per turn of the event loop."""
        preload_in_steps(self._load)

    def _load(self) -> None:
        if self.closed:
            return
        session, progress = self.session, self.progress

        def parse() -> None:
            # The pack changed (or first start): parse it. The parser's modules are
            # imported here, in the GUI thread, as every background module is.
            preload_modules(PARSER_MODULES)
            submit(self._pool, lambda: session.load_files(progress), self._on_loaded,
                   self._on_failed)

        def check_files(files: Manifest) -> None:
            # Opened on the folders' stamps; every file is compared now, in the background,
            # and a file edited in place means reading the packs again.
            submit(self._pool, lambda: session.files_current(files),
                   lambda same: None if same or self.closed else parse(),
                   lambda _message: None)

        def from_files(cached: Loaded | None) -> None:
            if cached is None:
                parse()
                return
            self._on_loaded(cached)
            if cached.files is not None:
                check_files(cached.files)

        submit(self._pool, lambda: session.load_cached(progress), from_files, self._on_failed)

    def _on_loaded(self, loaded: Loaded) -> None:
        if self.closed:  # the window closed while its library loaded: nothing to show it on
            loaded.index.close()
            return
        self._adopt(loaded)
        self.loaded.emit()
        self._work_out_appearances()
        if not self._froze_once:
            # What is alive now (Qt's wrappers, the modules, the library and its index)
            # lives as long as the window: Python's cycle collector stops walking it. A
            # full collection of a 16 000-question library took 70 ms, in whichever
            # thread made the object that set it off, and paused the window over 100 ms
            # at a search's end while typing. Nothing is kept alive by this: what is
            # dropped is freed by reference counting, and on a reload or close the
            # collector walks everything again (`_thaw`).
            gc.freeze()
            self._frozen = self._froze_once = True

    def _thaw(self) -> None:
        """The collector walks the objects frozen at the first load again (a library read
        anew or the window closing leaves some of them to be collected)."""
        if self._frozen:
            gc.unfreeze()
            self._frozen = False

    def _adopt(self, loaded: Loaded) -> None:
        replaced = self.session.adopt(loaded)
        if replaced is not None:  # loaded again: search moves over, then the old one closes
            self._thaw()
            self.index_ready.emit(loaded.index)
            replaced.close()
        if loaded.outdated:
            self.update_index()
        else:
            self.progress.finish()

    def _work_out_appearances(self) -> None:
        from lantern.core.usage import term_appearances

        # Where each glossary term appears: worked out in the background once search is
        # usable, not before (a glossary entry opened sooner works it out itself).
        composer = self.session.composer
        assert composer is not None
        submit(self._pool, lambda: term_appearances(composer.library),
               composer.offer_appearances, lambda _message: None)

    def _on_failed(self, message: str) -> None:
        if not self.closed:
            self.failed.emit(message)

    # reading the packs again ------------------------------------------------------------

    def reload(self) -> None:
        """Read the packs again in the background (an author saved a file); the library
        shown until then stays in use until the new one is ready."""
        if self.closed or self.session.library is None:
            return
        if self._reloading or self.updating:
            self._reload_again = True  # once the read under way is done
            return
        self._reloading = True
        self._thaw()
        preload_modules(PARSER_MODULES)
        submit(self._pool, lambda: self.session.load_files(self.progress),
               self._on_reloaded, self._on_reload_failed)

    def _on_reloaded(self, loaded: Loaded) -> None:
        self._reloading = False
        if self.closed:
            loaded.index.close()
            return
        self._adopt(loaded)  # search moves over to its index, the previous one closes
        self.reloaded.emit()
        self._work_out_appearances()
        self._reload_if_asked()

    def _on_reload_failed(self, message: str) -> None:
        self._reloading = False
        log.warning("content not reloaded: %s", message)
        self._reload_if_asked()

    def _reload_if_asked(self) -> None:
        if self._reload_again and not self.updating:
            self._reload_again = False
            self.reload()

    # the index --------------------------------------------------------------------------

    def update_index(self) -> None:
        """Bring the search index up to date in the background; searches meanwhile use the
        index as it was, and the new one takes over when it is ready."""
        session, progress = self.session, self.progress
        preload_modules(PARSER_MODULES)  # a large pack's index is built in a process
        self.updating = True
        self.index_updating.emit()
        submit(self._pool, lambda: session.build_index(progress), self._on_index_built,
               self._on_index_failed)

    def _on_index_built(self, index: SearchIndex) -> None:
        if self.closed:  # the window closed while the update ran
            index.close()
            return
        replaced = self.session.swap_index(index)
        self.index_ready.emit(index)  # search moves over (and ends a search on the old one)
        if replaced is not None:
            replaced.close()
        self.updating = False
        self.progress.finish()
        self.index_updated.emit()
        self._reload_if_asked()

    def _on_index_failed(self, message: str) -> None:
        self.updating = False
        if self.closed:
            return
        self.progress.finish()
        log.warning("search index not updated: %s", message)
        self.index_update_failed.emit(message)
        self._reload_if_asked()

    def close(self) -> None:
        """Wait for the background work, then close the index."""
        self.closed = True
        self._pool.waitForDone()
        self.session.close()
        self._thaw()
        self._collection.stop()  # the workers are done: any thread may collect again
