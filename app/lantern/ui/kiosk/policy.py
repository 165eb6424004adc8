"""The window policy of a kiosk, made from the clinic's `KioskPolicy` (core/kiosk.py)."""

from __future__ import annotations

from lantern.core.kiosk import KioskPolicy, front_desk_html, shared_index

from lantern.ui.window.policy import WindowPolicy
from lantern.ui.words import QT_TRANSLATE_NOOP

#: The search field's placeholder on a kiosk, translated where it is shown.
TAP_TO_SEARCH = QT_TRANSLATE_NOOP("Window", "Tap to search")


def kiosk_window(policy: KioskPolicy) -> WindowPolicy:
    """Nothing kept, kiosk actions only, websites as the clinic allows, touch chrome."""
    return WindowPolicy(persist=False, all_actions=False,
                        external_links=policy.allow_external_links, home=policy.home,
                        front_desk_html=front_desk_html(policy), menus=False, touch=True,
                        search_hint=TAP_TO_SEARCH, shared_index=shared_index(policy))
