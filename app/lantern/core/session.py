"""What a reading window reads from, without Qt: the library, its search index, the
suggestions while typing and the page composer, loaded and kept up to date together.

The window's loader runs `load_cached`, `load_files` and `build_index` in the background
(each returns a value and touches nothing shared) and hands the results to `adopt` and
`swap_index` in the GUI thread. The heavy modules are imported lazily, inside the methods,
so that importing this module costs nothing before the first paint."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from lantern.core.address import HELP_PAGE, Address, Kind, address
from lantern.core.messages import localise, translate
from lantern.core.plurals import count_of

if TYPE_CHECKING:
    from lantern.core.compose import ComposedPage, Composer
    from lantern.core.deadline import Budget
    from lantern.core.library_cache import Manifest
    from lantern.core.model import Library
    from lantern.core.search.engine import SearchIndex
    from lantern.core.search.shared_index import SharedIndex
    from lantern.core.search.suggest import Suggester

Progress = Callable[[int, int], None]
HELP_NOW = address(Kind.PAGE, HELP_PAGE)
#: What the link to a page's translation says, by the language it leads to (the window
#: passes them through Qt's translations: `Session.translation_label`).
TRANSLATION_LABELS = {"es": "En español", "en": "In English"}


def default_label(language: str) -> str:
    return TRANSLATION_LABELS.get(language, language.upper())


@dataclass(frozen=True, slots=True)
class Loaded:
    """What the background load hands over: the library, an index, the suggestions, and
    whether that index is the previous one, still to be brought up to date."""

    library: Library
    index: SearchIndex
    suggester: Suggester
    outdated: bool
    #: From the cache: every file's size and time when it was written, to check against the
    #: files (`files_current`) once the window is up. None when the files were just read.
    files: Manifest | None = None
    #: The content language the suggester was made for ("" for the library's first).
    language: str = ""
    #: The composer of that language's pages, made in the background too (None: made on
    #: adopting). Handed over to the GUI thread, which alone uses it from then on.
    composer: Composer | None = None


class Session:
    """The content of one window: library, index, suggester and composer.

    Content language (a library may hold packs in several, see `Library.in_language`):

    - `language`: the language the reader reads in; the library's first language until
      `set_language(code)` picks another. `languages()` lists those loaded.
    - `composer`, `suggester` and `view` (the library in that language, for the glossary
      panel and concept matching) follow it; `compose(address)` composes any address in
      its own language, whatever `language` is.
    - `localized(address)`: the address in `language` if the page has a translation (the
      home and help-now buttons open `localized(HOME)`, `localized(HELP_NOW)`).
    - A page with a translation gets a link to it at its top, labelled by
      `translation_label(code)` (the window sets one that goes through Qt's tr()).
    """

    def __init__(self, roots: Sequence[Path], cache: Path, front_desk_html: str = "",
                 shared_index: SharedIndex | None = None) -> None:
        self.roots = list(roots)
        self.cache = cache
        #: A pre-built index to copy (checked) as this session's own, before building one.
        self.shared_index = shared_index
        #: Put before the help-now page's text (a kiosk's own front-desk line); "" for none.
        self.front_desk_html = front_desk_html
        self.library: Library | None = None
        self.index: SearchIndex | None = None
        self._composers: dict[str, Composer] = {}
        self._suggesters: dict[str, Suggester] = {}
        #: Composers of pages put together in the background, by language: each
        #: used by one worker thread only (`background_composer_of`).
        self._background: dict[str, Composer] = {}
        #: The content language asked for; "" for the library's first language.
        self._language = ""
        self.translation_label: Callable[[str], str] = default_label

    # content language ---------------------------------------------------------------------

    @property
    def language(self) -> str:
        """The language content is read in: the one set, if the library has it, else the
        library's first language ("en" before anything is loaded)."""
        library = self.library
        if library is None:
            return self._language or "en"
        return self._language if self._language in library.languages else library.base_language

    def languages(self) -> tuple[str, ...]:
        """The content languages of the library loaded, its first language first."""
        return self.library.languages if self.library is not None else ()

    def set_language(self, code: str) -> bool:
        """Read content in `code` from now on; False (and nothing changed) if the library
        loaded has no pack in it. Before the library is loaded, the choice is kept for it."""
        if self.library is not None and code not in self.library.languages:
            return False
        self._language = code
        return True

    @property
    def view(self) -> Library | None:
        """The library in the content language: its terms, FAQs, articles and pages."""
        return self.library.in_language(self.language) if self.library is not None else None

    def composer_for(self, language: str) -> Composer | None:
        """The composer of pages in `language` (made on first use)."""
        from lantern.core.compose import Composer

        if self.library is None:
            return None
        if language not in self._composers:
            self._composers[language] = Composer(self.library.in_language(language))
        return self._composers[language]

    @property
    def composer(self) -> Composer | None:
        """The composer of the content language."""
        return self.composer_for(self.language)

    def composer_of(self, address: str) -> Composer | None:
        """The composer of the language `address` is in."""
        if self.library is None:
            return None
        return self.composer_for(self.library.language_of(address))

    def background_composer_of(self, address: str) -> Composer | None:
        """A composer of the language `address` is in for the page worker thread: a twin of
        the GUI thread's (its own renderer; the same glossary matcher and "Appears in").
        Made here, in the GUI thread, before the page is handed to the worker."""
        composer = self.composer_of(address)
        if composer is None or self.library is None:
            return None
        language = self.library.language_of(address)
        if language not in self._background:
            self._background[language] = composer.twin()
        return self._background[language]

    @property
    def suggester(self) -> Suggester | None:
        """Suggestions while typing, from the content language's names and titles."""
        from lantern.core.search.suggest import Suggester

        if self.library is None:
            return None
        language = self.language
        if language not in self._suggesters:
            self._suggesters[language] = Suggester(self.library.in_language(language))
        return self._suggesters[language]

    def localized(self, address: str) -> str:
        """`address` in the content language when it has a translation, else itself."""
        if self.library is None:
            return address
        return self.library.translation(address, self.language) or address

    def translation_links(self, address: str) -> str:
        """The links at the top of a page to the same page in the library's other
        languages, as HTML; "" when it has no translation."""
        library = self.library
        if library is None or len(library.languages) < 2:
            return ""
        own = library.language_of(address)
        links = []
        for language in library.languages:
            other = library.translation(address, language) if language != own else None
            if other:
                links.append(f'<a class="translation" href="{escape(other)}" '
                             f'hreflang="{escape(language)}">'
                             f"{escape(self.translation_label(language))}</a>")
        return (f'<p class="translation" align="right">{" · ".join(links)}</p>'
                if links else "")

    # background work: each returns what it made and changes nothing ---------------------

    def _finish(self, library: Library, changed: bool, progress: Progress | None) -> Loaded:
        from lantern.core.compose import Composer
        from lantern.core.search import open_index, open_previous_index
        from lantern.core.search.suggest import Suggester

        if self.shared_index is not None:
            from lantern.core.search.whoosh_store import adopt_shared

            adopt_shared(library, self.cache, self.shared_index)
        # A changed pack: search the index as it was while it is brought up to date (after
        # loading, in the background). An unchanged one's index is current.
        previous = open_previous_index(library, self.cache) if changed else None
        if previous is None and changed:
            self._build_apart(library, progress)
        index = previous or open_index(library, self.cache, progress)
        # Built here, not in the GUI thread: the composer (its Markdown renderer, its
        # glossary matcher) takes a few tens of milliseconds, which the turn of the window
        # that adopts it had. The suggester's word list (a fifth of a second at 16 000
        # questions) is built by the search panel's worker once search is usable.
        language = self._language if self._language in library.languages \
            else library.base_language
        view = library.in_language(language)
        return Loaded(library, index, Suggester(view), previous is not None,
                      language=language, composer=Composer(view))

    def load_cached(self, progress: Progress | None = None) -> Loaded | None:
        """The library from the cache if no folder of the packs changed (one stamp per
        folder: as quick for 16 000 files as for ten); None when the packs must be read.
        Files edited in place are found by `files_current` afterwards."""
        from lantern.core.library_cache import read_quick

        found = read_quick(self.roots, self.cache)
        if found is None:
            return None
        return dataclasses.replace(self._finish(found[0], False, progress), files=found[1])

    def files_current(self, files: Manifest) -> bool:
        """True when every file of the packs is as when the cache was written."""
        from lantern.core.library_cache import matches

        return matches(self.roots, files)

    def load_files(self, progress: Progress | None = None) -> Loaded:
        """The library parsed from its packs (and cached for next time). A large pack with
        no index yet (a first run) is parsed by the indexing process too, which builds its
        index: parsing thousands of files in a thread of this process held the window's
        interpreter lock in pauses of up to a few tenths of a second on a busy machine."""
        from lantern.core.library_cache import load_and_cache

        first = self._parsed_apart(progress)
        if first is not None:
            return first
        return self._finish(load_and_cache(self.roots, self.cache), True, progress)

    def _parsed_apart(self, progress: Progress | None) -> Loaded | None:
        """A first run of a large pack, parsed and indexed in a process of its own; None
        when the pack is small, has an index already (it is searched while it is brought
        up to date), or the process failed (then it is parsed here)."""
        from lantern.core.index_process import PROCESS_FROM, build_in_process
        from lantern.core.library_cache import manifest, read_cached
        from lantern.core.model import Library
        from lantern.core.search.whoosh_store import index_dir_for

        roots = tuple(Path(r) for r in self.roots)
        if (index_dir_for(Library(roots=roots), self.cache).exists()
                or len(manifest(roots)) < PROCESS_FROM
                or not build_in_process(roots, self.cache, progress)):
            return None
        library = read_cached(roots, self.cache)  # the child left it there, with the index
        return None if library is None else self._finish(library, False, progress)

    def build_index(self, progress: Progress | None = None) -> SearchIndex:
        """The index of the adopted library, brought up to date."""
        from lantern.core.search import open_index

        assert self.library is not None
        self._build_apart(self.library, progress)
        return open_index(self.library, self.cache, progress)

    def _build_apart(self, library: Library, progress: Progress | None) -> None:
        """A large pack's index is built in a process of its own (the window's interpreter
        stays free); `open_index` then finds it current, or builds it itself if that
        failed. A small pack's is built by `open_index` alone."""
        from lantern.core.index_process import PROCESS_FROM, build_in_process

        if len(library.doc_hashes) >= PROCESS_FROM:
            build_in_process(self.roots, self.cache, progress)

    # the GUI thread: take over what the background made ----------------------------------

    def adopt(self, loaded: Loaded) -> SearchIndex | None:
        """Take over what was loaded; returns the index it replaces (to close), if any: a
        library is loaded again when a file changed after a start from the cache."""
        from lantern.core.compose import Composer

        previous = self.index
        self.library, self.index = loaded.library, loaded.index
        language = loaded.language or loaded.library.base_language
        self._composers = {language: loaded.composer
                           or Composer(loaded.library.in_language(language))}
        self._suggesters = {language: loaded.suggester}
        self._background = {}
        return previous if previous is not None and previous is not loaded.index else None

    def swap_index(self, index: SearchIndex) -> SearchIndex | None:
        """Use `index` from now on; returns the one it replaces (to close), if another."""
        previous, self.index = self.index, index
        return previous if previous is not index else None

    def compose(self, address: str, recent: Sequence[tuple[str, str]] = (), *,
                budget: Budget | None = None,
                composer: Composer | None = None) -> ComposedPage | None:
        """The page at `address`, in its own language, with links to its translations at
        its top and the front-desk line on the help-now page; composed within `budget` by
        `composer` (the GUI thread's composer of its language unless another is given: the
        background one, `background_composer_of`)."""
        composer = composer or self.composer_of(address)
        if composer is None:
            return None
        page = composer.compose(address, recent=recent, budget=budget)
        if page is None:
            return None
        where = Address.parse(page.address)
        html = page.html
        if (where is not None and where.kind is Kind.PAGE and where.local_key == HELP_PAGE
                and self.front_desk_html):
            html = self.front_desk_html + html
        return dataclasses.replace(page, html=self.translation_links(page.address) + html)

    def status(self, code: str | None = None) -> str:
        """One line on what was loaded, for the status bar, in `code` (by default the
        language being spoken: the window's, `messages.set_language`)."""
        library = self.library
        if library is None:
            return ""
        shown = library.in_language(self.language)  # what the reader reads now
        status = " · ".join(count_of(len(items), kind, code) for kind, items in (
            (Kind.ARTICLE, shown.articles), (Kind.FAQ, shown.faqs), (Kind.TERM, shown.terms)))
        if library.errors:
            # Warnings are for authors (lantern check); readers hear only of skipped content.
            status += " · " + localise(translate(
                "counts", "{n} content problem (View › Content problems)",
                "{n} content problems (View › Content problems)", len(library.errors)), code)
        return status

    def close(self) -> None:
        if self.index is not None:
            self.index.close()
