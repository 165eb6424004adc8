"""The language the window's content is read in: switching it, and what follows it (the
glossary panel's terms, the suggestions, the page on show, the home and help-now pages).

`MainWindow.set_content_language(code)` is the one call; the interface's own language
(menus, tr()) is switched elsewhere and may call it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from lantern.core.address import Address, Kind, address

from lantern.ui.window.policy import HOME

if TYPE_CHECKING:
    from lantern.ui.window.main_window import MainWindow


def translation_label(language: str) -> str:
    """What the link to a page's translation says, in the interface's language."""
    if language == "es":
        return QCoreApplication.translate("Reader", "En español")
    if language == "en":
        return QCoreApplication.translate("Reader", "In English")
    return language.upper()


def show_language(window: MainWindow) -> None:
    """Give the glossary panel and the suggestions the content language's terms and titles."""
    session = window.session
    if session.view is None or session.composer is None or session.suggester is None:
        return
    window.glossary.set_library(session.view, session.composer,
                                then_show=_same_term(window, session.language))
    window.suggestions.set_suggester(session.suggester)


def _same_term(window: MainWindow, language: str) -> str:
    """The key of the glossary entry on show, in `language` ("" when it has none there)."""
    shown = window.glossary.current_term_id
    library = window.session.library
    if not shown or library is None:
        return ""
    translated = library.translation(address(Kind.TERM, shown), language)
    where = Address.parse(translated) if translated else None
    return where.key if where is not None else ""


def set_content_language(window: MainWindow, code: str) -> bool:
    """Read content in `code`: the page on show is opened in it when it has a translation
    (the home page when nothing is shown). False when the library loaded has no pack in
    `code`; before the library is loaded the choice is kept for it."""
    session = window.session
    before = session.language
    if not session.set_language(code):
        return False
    if session.library is None or code == before:
        return True
    _follow_language(window)
    shown = window.reader.page
    target = session.localized(shown.address if shown is not None else HOME)
    if shown is None or target != shown.address:
        window.navigation.navigate(target)
    else:  # no translation: the same page, its links to other languages redrawn
        window.navigation.navigate(shown.address, record=False)
    return True


def _follow_language(window: MainWindow) -> None:
    """The panels, the status line and listeners told of the session's new language."""
    show_language(window)
    window.statusBar().showMessage(window.session.status())
    window.content_language_changed.emit(window.session.language)


def follow_page(window: MainWindow, address: str) -> None:
    """A page of another language was opened (its "En español" link): read on in that
    language, so the glossary, suggestions and search follow the page."""
    session, library = window.session, window.session.library
    if library is None or len(library.languages) < 2:
        return
    language = library.language_of(address)
    if language != session.language and session.set_language(language):
        _follow_language(window)


def restore_default(window: MainWindow) -> None:
    """Back to the language the window started in (a kiosk's next visitor)."""
    default = getattr(window, "_default_language", "")
    if default and default != window.session.language and window.session.set_language(default):
        _follow_language(window)


def on_loaded(window: MainWindow) -> None:
    """The library is loaded: the panels in the session's language, kept as the default."""
    if not getattr(window, "_default_language", ""):
        window._default_language = window.session.language  # type: ignore[attr-defined]
    show_language(window)
