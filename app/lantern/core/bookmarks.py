"""Bookmarks: pages a reader wants to find again, kept as JSON in the config folder.

Saving writes a temporary file next to the real one, syncs it to disk and renames it over
the old file, so a crash or a full disk leaves either the old list or the new one, never half
of one. A damaged file is set aside as `*.corrupt-<time>` (every such copy is kept) and a
new list is started; a file that cannot be read at all (no permission, a disk error) is
never written over.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from lantern.core import paths
from lantern.core.address import Address
from lantern.core.atomic import set_aside, write_text_atomic
from lantern.core.messages import localise, translate

__all__ = ["Bookmark", "BookmarkStore", "default_path", "page_address"]

FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class Bookmark:
    address: str
    title: str


def default_path() -> Path:
    return paths.config_dir() / "bookmarks.json"


def page_address(address: str) -> str:
    """The page an address points into: `lantern:article/x#section` → `lantern:article/x`."""
    where = Address.parse(address)
    return str(where.page) if where else address.split("#", 1)[0]


def _parse(text: str) -> list[Bookmark]:
    data = json.loads(text)
    if not isinstance(data, dict) or not isinstance(data.get("bookmarks"), list):
        raise ValueError("no bookmarks list")
    bookmarks: list[Bookmark] = []
    for item in data["bookmarks"]:
        if not isinstance(item, dict) or not isinstance(item.get("address"), str):
            raise ValueError("a bookmark without an address")
        title = item.get("title")
        bookmarks.append(Bookmark(item["address"], title if isinstance(title, str) else ""))
    return bookmarks


class BookmarkStore:
    """Reads and writes one bookmarks file. Errors come back as messages, never raised."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        #: Why the file could not be read, when it exists but could not be: it is then
        #: never saved over, since it may hold every bookmark the reader made.
        self.unreadable = ""

    def load(self) -> tuple[list[Bookmark], str]:
        """The saved bookmarks, and a message for the reader if the file had to be set aside
        (its messages are in the language being spoken: the window's)."""
        self.unreadable = ""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return [], ""
        except OSError as error:
            self.unreadable = str(error.strerror or error)
            return [], localise(translate(
                "bookmarks", "Your bookmarks could not be read ({reason}). The file is left as "
                "it is, and new bookmarks are not saved over it.").format(reason=self.unreadable))
        try:
            return _parse(data.decode("utf-8")), ""
        # json.JSONDecodeError and UnicodeDecodeError are ValueErrors; JSON nested past
        # the parser's depth is a RecursionError.
        except (ValueError, TypeError, RecursionError):
            return [], self._set_aside()

    def _set_aside(self) -> str:
        try:
            kept = set_aside(self.path)
        except OSError as error:
            self.unreadable = str(error.strerror or error)
            return localise(translate(
                "bookmarks", "Your bookmarks file is damaged and could not be moved aside, so "
                "it is left as it is and new bookmarks are not saved over it."))
        return localise(translate(
            "bookmarks", "Your bookmarks file was damaged. It was kept as {file} in {folder} "
            "and a new list was started.").format(file=kept.name, folder=kept.parent))

    def save(self, bookmarks: list[Bookmark]) -> str:
        """Write atomically; '' on success, otherwise a message saying why not."""
        data = {"version": FORMAT_VERSION,
                "bookmarks": [{"address": b.address, "title": b.title} for b in bookmarks]}
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        if self.unreadable:
            return localise(translate(
                "bookmarks", "Your bookmarks could not be saved: the bookmarks file could not "
                "be read ({reason}), and it is not written over.").format(reason=self.unreadable))
        try:
            write_text_atomic(self.path, text, mode=0o600)  # its owner's only
        except OSError as error:
            return localise(translate("bookmarks", "Your bookmarks could not be saved "
                                      "({reason}).").format(reason=error.strerror or error))
        return ""

