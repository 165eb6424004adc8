"""Back/forward history of reader addresses. Plain Python: the window owns one."""

from __future__ import annotations


class History:
    def __init__(self, limit: int = 200) -> None:
        self._items: list[str] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> str | None:
        return self._items[self._index] if self._index >= 0 else None

    def visit(self, address: str) -> None:
        if address == self.current:
            return
        del self._items[self._index + 1 :]
        self._items.append(address)
        if len(self._items) > self._limit:
            del self._items[0]
        self._index = len(self._items) - 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._items) - 1

    def back(self) -> str | None:
        if self.can_go_back():
            self._index -= 1
        return self.current

    def forward(self) -> str | None:
        if self.can_go_forward():
            self._index += 1
        return self.current

    def clear(self) -> None:
        self._items.clear()
        self._index = -1
