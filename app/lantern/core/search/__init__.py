"""Full-text search over a Library.

The engine (Whoosh) is imported only when an index is opened, so that importing this
package, and drawing the first window, stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from lantern.core.search import whoosh_lazy

if TYPE_CHECKING:
    from lantern.core.model import Library
    from lantern.core.search.engine import Progress, SearchIndex
    from lantern.core.search.results import SearchResponse, SearchResult, Suggestion

__all__ = ["SearchResponse", "SearchResult", "Suggestion", "open_index", "open_previous_index"]

# Before the engine is first imported (by any module of this package): see whoosh_lazy.
whoosh_lazy.install()


def __getattr__(name: str) -> Any:
    # The result types, imported when first asked for: the window's start imports this
    # package (the crisis words) before its first paint, and needs none of them then.
    if name in ("SearchResponse", "SearchResult", "Suggestion"):
        from lantern.core.search import results

        return getattr(results, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_index(
    library: Library, cache: Path | None = None, progress: Progress | None = None
) -> SearchIndex:
    """Open (building or updating as needed) the index of `library` under `cache`.

    With `cache=None` the index is built in memory.
    """
    from lantern.core.search.engine import SearchIndex

    return SearchIndex.open(library, cache, progress)


def open_previous_index(library: Library, cache: Path) -> SearchIndex | None:
    """The index of an earlier version of `library`'s packs, read-only, to search while
    `open_index` updates it; None if there is none or it is already current."""
    from lantern.core.search.engine import SearchIndex

    return SearchIndex.open_previous(library, cache)
