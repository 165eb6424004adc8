"""The session, as the window's parts see it: what is loaded, where the reader has been,
and what the window's policy allows, read through the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lantern.core.history import History, RecentPages, RecentSearches

if TYPE_CHECKING:
    from lantern.core.compose import Composer
    from lantern.core.model import Library
    from lantern.core.search.engine import SearchIndex
    from lantern.core.session import Session

    from lantern.ui.window.loading import Loader
    from lantern.ui.window.navigation import Navigator
    from lantern.ui.window.policy import WindowPolicy


class SessionView:
    """Read-only views of the window's session, loader, navigation and policy."""

    session: Session
    loader: Loader
    navigation: Navigator
    policy: WindowPolicy

    @property
    def library(self) -> Library | None:
        return self.session.library

    @property
    def index(self) -> SearchIndex | None:
        return self.session.index

    @property
    def composer(self) -> Composer | None:
        return self.session.composer

    @property
    def index_updating(self) -> bool:
        return self.loader.updating

    @property
    def history(self) -> History:
        return self.navigation.history

    @property
    def recent(self) -> RecentPages:
        return self.navigation.recent

    @property
    def recent_searches(self) -> RecentSearches:
        return self.navigation.recent_searches

    @property
    def external_links_allowed(self) -> bool:
        return self.policy.external_links

    @property
    def content_language(self) -> str:
        """The language content is read in ("en", "es"…)."""
        return self.session.language

    @property
    def content_languages(self) -> tuple[str, ...]:
        """The content languages of the library loaded, its first language first."""
        return self.session.languages()

    @property
    def default_content_language(self) -> str:
        """The language the window started in, which a reset goes back to."""
        return str(getattr(self, "_default_language", "")) or self.session.language
