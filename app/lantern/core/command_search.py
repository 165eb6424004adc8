"""`lantern search` as quick as its index allows: one process, one answer, then gone.

The search itself needs little of the library: the index holds what results show, and the
query reads only the glossary (concepts) and the pages (the help-now page). So when the
library cache is current and so is the index, the command reads the cache's head
(`library_cache.read_head`: packs, glossary, pages, fingerprint) and skips the text of the
articles and questions, which is most of the file. Every file's size and time is still
compared with the cache's record before any answer, in this thread: in a thread of its own
the scan of 16 423 files took two to three times as long, each call to the file system
waiting for the interpreter while the index opened. Anything that does not hold (a file
changed, no cache, an index not current) means the whole library, read or parsed, and the
index opened and brought up to date on it, as before.

A search that finds nothing offers a few questions worth reading (`useful`), which the
head does not hold: then, once, the whole library is read from the cache, and the search
runs again on the same index.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lantern.core.search.engine import SearchIndex
    from lantern.core.search.results import SearchResponse


class CommandSearch:
    """The index of `roots` opened for the command line; `search` as SearchIndex's."""

    def __init__(self, roots: Sequence[Path], cache: Path) -> None:
        self.roots = list(roots)
        self.cache = cache
        #: True while the library searched is the cache's head only.
        self.head = False
        self.index = self._open_head() or self._open_whole()

    def _open_head(self) -> SearchIndex | None:
        from lantern.core.library_cache import manifest, read_head

        found = read_head(self.roots, self.cache)
        if found is None or manifest(self.roots) != found[1]:  # a file changed in place
            return None
        from lantern.core.search import whoosh_store
        from lantern.core.search.engine import SearchIndex

        head = found[0]
        # Read-only and only if current, as it lies: nothing is ever written from the head,
        # even should another Lantern change the index meanwhile.
        engine = whoosh_store.open_current(head, self.cache)
        if engine is None:
            return None
        self.head = True
        return SearchIndex(head, engine)

    def _open_whole(self) -> SearchIndex:
        from lantern.core.library_cache import load_library_cached
        from lantern.core.search import open_index

        return open_index(load_library_cached(self.roots, self.cache), self.cache)

    def search(self, query: str, limit: int = 10,
               kinds: Iterable[str] | None = None) -> SearchResponse:
        kinds = list(kinds) if kinds is not None else None
        response = self.index.search(query, limit=limit, kinds=kinds)
        if response.results or not self.head:
            return response
        # Nothing found: the questions offered instead come from the whole library.
        self._read_whole()
        return self.index.search(query, limit=limit, kinds=kinds)

    def _read_whole(self) -> None:
        from lantern.core.library_cache import load_library_cached
        from lantern.core.search.engine import SearchIndex

        library = load_library_cached(self.roots, self.cache)
        if library.fingerprint == self.index.library.fingerprint:
            self.index = SearchIndex(library, self.index.engine)
        else:  # changed since the start: the index is brought up to date on it
            self.index.close()
            self.index = SearchIndex.open(library, self.cache)
        self.head = False

    def close(self) -> None:
        self.index.close()
