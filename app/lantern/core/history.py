"""Where the reader has been: back/forward history for this session, and the articles and
questions read lately, kept between sessions. Plain Python: the window owns one of each."""

from __future__ import annotations

import json
from dataclasses import dataclass

from lantern.core.address import Address, Kind
from lantern.core.bookmarks import page_address


@dataclass(frozen=True, slots=True)
class Visit:
    address: str
    title: str


def _stored_list(text: str, limit: int) -> list[object]:
    """The first `limit` entries of a JSON list, oldest first (so adding them in turn puts
    the newest on top); [] for anything that is not a JSON list."""
    try:
        data = json.loads(text or "[]")
    except (ValueError, RecursionError):  # RecursionError: nested past the parser's depth
        return []
    return list(reversed(data[:limit])) if isinstance(data, list) else []


class History:
    """Back/forward over visited addresses, with each page's title for the history menus."""

    def __init__(self, limit: int = 200) -> None:
        self._items: list[Visit] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> str | None:
        return self._items[self._index].address if self._index >= 0 else None

    def visit(self, address: str, title: str = "") -> None:
        if address == self.current:
            return
        del self._items[self._index + 1 :]
        self._items.append(Visit(address, title or address))
        if len(self._items) > self._limit:
            del self._items[0]
        self._index = len(self._items) - 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._items) - 1

    def back(self) -> str | None:
        return self.jump(-1)

    def forward(self) -> str | None:
        return self.jump(+1)

    def peek(self, steps: int) -> str | None:
        """The address `steps` pages back (negative) or forward; None if out of range."""
        index = self._index + steps
        return self._items[index].address if steps and 0 <= index < len(self._items) else None

    def jump(self, steps: int) -> str | None:
        """Move `steps` pages back (negative) or forward; stays put if out of range."""
        if 0 <= self._index + steps < len(self._items):
            self._index += steps
        return self.current

    def back_items(self, limit: int = 15) -> list[tuple[int, Visit]]:
        """The pages behind the current one, nearest first, with the steps to reach each."""
        return [(i - self._index, self._items[i])
                for i in range(self._index - 1, max(-1, self._index - 1 - limit), -1)]

    def forward_items(self, limit: int = 15) -> list[tuple[int, Visit]]:
        end = min(len(self._items), self._index + 1 + limit)
        return [(i - self._index, self._items[i]) for i in range(self._index + 1, end)]

    def clear(self) -> None:
        self._items.clear()
        self._index = -1


class RecentPages:
    """The articles and questions read lately, most recent first, at most `limit`."""

    KINDS = (Kind.ARTICLE, Kind.FAQ)

    def __init__(self, limit: int = 12) -> None:
        self.limit = limit
        self.items: list[Visit] = []

    def add(self, address: str, title: str) -> bool:
        """Note a page read; False (and nothing kept) for pages that are not reading."""
        address = page_address(address)
        where = Address.parse(address)
        if where is None or where.kind not in self.KINDS:
            return False
        self.items = [v for v in self.items if v.address != address]
        self.items.insert(0, Visit(address, title or address))
        del self.items[self.limit :]
        return True

    def clear(self) -> None:
        self.items.clear()

    def dumps(self) -> str:
        return json.dumps([[v.address, v.title] for v in self.items], ensure_ascii=False)

    def loads(self, text: str) -> None:
        """Read what `dumps` wrote; anything malformed is skipped, never raised."""
        for entry in _stored_list(text, self.limit):
            if (isinstance(entry, list) and len(entry) == 2
                    and all(isinstance(x, str) for x in entry)):
                self.add(entry[0], entry[1])


class RecentSearches:
    """What was searched for lately (Enter in the search field), most recent first.

    A search that brings up the help-now page (suicide, self-harm, an overdose …) is never
    kept: it would sit in the settings file and be offered again to whoever opens Lantern
    next, and one found in an older file is dropped when the list is read."""

    def __init__(self, limit: int = 8) -> None:
        self.limit = limit
        self.items: list[str] = []

    def add(self, query: str) -> bool:
        # Its patterns are compiled on import: not before the first search or stored one.
        from lantern.core.search.safety import is_crisis

        query = " ".join(query.split())
        if not query or is_crisis(query):
            return False
        self.items = [q for q in self.items if q.casefold() != query.casefold()]
        self.items.insert(0, query)
        del self.items[self.limit :]
        return True

    def clear(self) -> None:
        self.items.clear()

    def dumps(self) -> str:
        return json.dumps(self.items, ensure_ascii=False)

    def loads(self, text: str) -> None:
        """Read what `dumps` wrote; anything malformed is skipped, never raised."""
        for query in _stored_list(text, self.limit):
            if isinstance(query, str):
                self.add(query[:200])
