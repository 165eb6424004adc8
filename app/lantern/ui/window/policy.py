"""What a window may do, decided before it is built: the desktop allows everything; a kiosk
(see `lantern.ui.kiosk.policy`) keeps nothing, offers fewer actions, shows fewer pages and
less chrome. The window reads its policy once, in its constructor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lantern.core.address import HOME as HOME_ADDRESS

from lantern.ui.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from lantern.core.search.shared_index import SharedIndex

HOME = str(HOME_ADDRESS)


@dataclass(frozen=True, slots=True)
class WindowPolicy:
    #: Settings, recent pages and searches, bookmarks, printing and reading positions are
    #: kept (False: nothing of a visitor is saved, read back or offered again).
    persist: bool = True
    #: Every action (False: only those the action table allows on a kiosk; theme and text
    #: size fixed, no recently-read menu).
    all_actions: bool = True
    #: Links to websites and e-mail open outside (False: `external_link_blocked` instead).
    external_links: bool = True
    #: The page Home and a fresh start show.
    home: str = HOME
    #: HTML put before the help-now page's text (the front desk's line); "" for none.
    front_desk_html: str = ""
    #: Menu bar and status bar on show.
    menus: bool = True
    #: Touch chrome: no context menus, fixed docks, finger scrolling, a shorter toolbar.
    touch: bool = False
    #: The search field's placeholder.
    search_hint: str = QT_TRANSLATE_NOOP("Window", "Search: try DMN, ketamine, microdosing…")
    #: A search index built elsewhere, copied as this account's own once it checks out.
    shared_index: SharedIndex | None = None


DESKTOP = WindowPolicy()
#: Nothing kept, everything else as on the desktop (screenshots, tests, a shared screen).
NOTHING_KEPT = WindowPolicy(persist=False)
