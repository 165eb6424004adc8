"""Whole reader pages as HTML: an article with its title block and references, an FAQ,
the home page. Qt-free, so the pages can be tested and printed without a window.

The words Lantern adds to a page ("Reviewed …", "References", "Read next", the home page's
headings, the lists' paging) are in the page's own language, the language of its pack,
from the command line's catalogue (docs/translating.md): a Spanish page is composed in
Spanish whatever language the window speaks, an English page in English."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from lantern.core.address import CONTINUE as CONTINUE_ADDRESS
from lantern.core.address import Address, Kind, address, home, qualify
from lantern.core.deadline import Budget
from lantern.core.messages import Message, language, localise, translate
from lantern.core.messages import number as grouped
from lantern.core.model import Article, Faq, Library, Page, Reference, Term
from lantern.core.parts import PART_BREAK
from lantern.core.render import Heading, Rendered, Renderer
from lantern.core.text import plain_text
from lantern.core.usage import Appearances, term_appearances
from lantern.core.wording import kind_label, long_date, topic_name

__all__ = ["CONTINUE", "ComposedPage", "Composer", "content_note_html", "reference_html",
           "short_definition"]

NBSP, NB_HYPHEN = "\u00a0", "\u2011"
#: How many recently read pages the home page lists.
RECENT_ON_HOME = 4
#: How many pages a glossary entry lists under "Appears in".
APPEARS_IN_SHOWN = 12
#: How many of each kind the home page lists before "All …" (the rest are a link away).
ON_HOME = {"article": 50, "faq": 50, "term": 150}
#: How many links one page of an "All …" list holds.
LIST_PAGE = 200
LIST_TITLES = {"article": translate("page", "All articles"),
               "faq": translate("page", "All questions"),
               "term": translate("page", "All glossary terms")}
#: Lantern's own words on its pages.
CONTENT_NOTE = translate("page", "Content note")
CONTINUE_TO_ARTICLE = translate("page", "Continue to the article")
PREVIOUS = translate("page", "‹ Previous")
NEXT = translate("page", "Next ›")
READ_NEXT = translate("page", "Read next")
REFERENCES = translate("page", "References")
APPEARS_IN = translate("page", "Appears in")
CONTENT_NOTE_LABEL = translate("page", "Content note:")
HOW_SETTLED = translate("page", "How settled is this?")
ALSO_CALLED = translate("page", "Also called:")
NOT_CONFUSED = translate("page", "Not to be confused with:")
SEE_ALSO = translate("page", "See also:")
CONTINUE_READING = translate("page", "Continue reading")
ARTICLES = translate("page", "Articles")
QUESTIONS = translate("page", "Questions people ask")
GLOSSARY = translate("page", "Glossary")
#: The link on a content note that goes on to the article.
CONTINUE = str(CONTINUE_ADDRESS)


@dataclass(frozen=True, slots=True)
class ComposedPage:
    address: str
    title: str
    html: str
    citations: tuple[str, ...] = ()
    headings: tuple[Heading, ...] = ()
    content_note: str = ""
    #: The language of the page, and of the words Lantern wrote into it.
    language: str = "en"


def _say(message: Message, code: str) -> str:
    """A message in `code`, escaped for HTML."""
    return escape(localise(message, code), quote=False)


def content_note_html(page: ComposedPage) -> str:
    """What is shown before a page with a content note: the note and one link on."""
    code = page.language
    return (
        f'<p class="kind">{_say(CONTENT_NOTE, code)}</p>'
        f"<h1>{escape(page.title)}</h1>"
        f'<p class="content-note">{escape(page.content_note)}</p>'
        f'<p class="continue"><a class="continue" href="{CONTINUE}">'
        f'{_say(CONTINUE_TO_ARTICLE, code)}</a></p>'
    )


def _day(day: dt.date, code: str) -> str:
    return long_date(day, code)


def _facts_checked(library: Library, code: str) -> str:
    """One line per pack that says when its facts were last checked, for home and about."""
    lines = [_say(translate("page", "{pack}: facts checked on {date}.").format(
        pack=p.name, date=_day(p.facts_checked, code)), code)
        for p in library.packs
        if p.facts_checked and (not library.language or p.language == library.language)]
    return f'<p class="facts-checked">{"<br/>".join(lines)}</p>' if lines else ""


def _first_sentence(markdown: str, limit: int = 180) -> str:
    text = " ".join(plain_text(markdown).split())
    first = _SENTENCE_END.split(text, maxsplit=1)[0]
    if len(first) > limit:
        first = first[: limit - 1].rsplit(" ", 1)[0] + "…"
    return first


def _card(kind: Kind, key: str, title: str, blurb: str, code: str) -> str:
    return (f'<tr><td class="card"><span class="card-kind">'
            f"{escape(kind_label(kind, code))}</span><br/>"
            f'<a href="{address(kind, key)}"><b>{escape(title)}</b></a><br/>'
            f'<span class="summary">{escape(blurb)}</span></td></tr>')


def _faq_item(faq: Faq) -> str:
    return f'<li><a href="{address(Kind.FAQ, faq.slug)}">{escape(faq.question)}</a></li>'


def _term_link(term: Term, unbroken: bool = False) -> str:
    """A link to a glossary entry; `unbroken`: its name never split across lines."""
    name = escape(term.term)
    if unbroken:
        name = name.replace(" ", NBSP).replace("-", NB_HYPHEN)
    return f'<a href="{address(Kind.TERM, term.id)}">{name}</a>'


def _list_address(kind: str, page: int = 1, prefix: str = "") -> str:
    """`lantern:list/faq/2`; `lantern:list/es/faq/2` in a language other than the first."""
    return address(Kind.LIST, qualify(kind if page == 1 else f"{kind}/{page}", prefix))


def _all_link(kind: str, count: int, prefix: str = "", code: str = "en") -> str:
    """The link under a home-page list that is cut short, to the whole list."""
    if count <= ON_HOME[kind]:
        return ""
    return (f'<p class="more"><a href="{_list_address(kind, 1, prefix)}">'
            f"{_say(LIST_TITLES[kind], code)} ({grouped(count, code)})</a></p>")


def _pager(kind: str, page: int, pages: int, prefix: str = "", code: str = "en") -> str:
    """Previous and next links, and a few page numbers around this one."""
    if pages <= 1:
        return ""
    links = []
    if page > 1:
        links.append(f'<a href="{_list_address(kind, page - 1, prefix)}">'
                     f'{_say(PREVIOUS, code)}</a>')
    near = sorted({1, pages, *range(max(1, page - 3), min(pages, page + 3) + 1)})
    last = 0
    for n in near:
        if n - last > 1:
            links.append("…")
        links.append(f"<b>{n}</b>" if n == page else
                     f'<a href="{_list_address(kind, n, prefix)}">{n}</a>')
        last = n
    if page < pages:
        links.append(f'<a href="{_list_address(kind, page + 1, prefix)}">'
                     f'{_say(NEXT, code)}</a>')
    return f'<p class="pager">{" ".join(links)}</p>'


def _related(library: Library, slugs: tuple[str, ...], code: str) -> str:
    """The pages an item names under `related`, as cards: kind, title and a line about it."""
    cards = []
    for slug in slugs:
        if article := library.article(slug):
            cards.append(_card(Kind.ARTICLE, slug, article.title, article.summary, code))
        elif faq := library.faq(slug):
            cards.append(_card(Kind.FAQ, slug, faq.question, _first_sentence(faq.body), code))
    if not cards:
        return ""
    return (f'<h2 class="related">{_say(READ_NEXT, code)}</h2>'
            f'<table class="cards related" width="100%" cellspacing="6">{"".join(cards)}</table>')


#: Where a sentence ends: a stop, then a capital or digit, or a Spanish opening ¿ or ¡.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9ÁÉÍÓÚÑÜ¿¡])")


def short_definition(term: Term, limit: int = 220) -> str:
    """The first sentence of a term's definition, as plain text: a tooltip's worth."""
    return _first_sentence(term.definition, limit)


def reference_html(ref: Reference, number: int | None = None, code: str | None = None) -> str:
    """One reference, formatted for the reader and the References panel, its few words of
    Lantern's own in `code` (by default the language being spoken)."""
    named = ref.named_authors
    authors = ", ".join(a.short() for a in named[:6])
    if named and (len(named) > 6 or ref.more_authors):
        authors += localise(translate("page", ", et al.", "after the first six authors"),
                            code or language())
    parts = []
    if number is not None:
        parts.append(f'<a name="ref-{escape(ref.id)}"></a><b>{number}.</b> ')
    if authors:
        parts.append(f"{escape(authors)} ")
    parts.append(f"({ref.issued}). {ref.sentence_title_html} ")
    if ref.container_title:
        where = f"<i>{escape(ref.container_title)}</i>"
        if ref.volume:
            where += f" {escape(ref.volume)}"
            if ref.issue:
                where += f"({escape(ref.issue)})"
        if ref.page:
            where += f", {escape(ref.page)}"
        parts.append(where + ". ")
    if ref.link:
        label = f"doi:{ref.doi}" if ref.doi else ref.url
        parts.append(f'<a class="external" href="{escape(ref.link)}">{escape(label)}</a>')
    if ref.note:
        parts.append(f'<br/><span class="note">{escape(ref.note)}</span>')
    return "".join(parts)


def _references(library: Library, keys: tuple[str, ...], code: str) -> str:
    if not keys:
        return ""
    items = []
    for n, key in enumerate(keys, 1):
        ref = library.reference(key)
        if ref:
            items.append(f'<p class="reference">{reference_html(ref, n, code)}</p>')
    return (f'{PART_BREAK}<h2 class="references">{_say(REFERENCES, code)}</h2>'
            + PART_BREAK.join(items))


class Composer:
    """Builds reader pages from a Library, in one language: give it
    `library.in_language(code)` for a language other than the first (its home page,
    lists and glossary links are that language's); the whole library composes in the
    first language. Lantern's own words on the pages are in that language too."""

    def __init__(self, library: Library, appearances: Appearances | None = None,
                 _twin: Composer | None = None) -> None:
        self.library = library
        #: Before the keys of this composer's home and lists ("" for the first language).
        self.prefix = library.prefix(library.language) if library.language else ""
        #: The language of the pages, and of the words Lantern writes into them.
        self.language = library.language or library.base_language
        self.renderer: Renderer = Renderer(library, _twin.renderer.terms if _twin else None)
        #: Shared with a twin: where each term is used (None until known).
        self._known: list[Appearances | None] = _twin._known if _twin else [appearances]
        self._budget: Budget | None = None  # one page's, for each of its renders

    def twin(self) -> Composer:
        """A composer of the same library for another thread: its own renderer (a renderer
        serves one thread), the same glossary matcher and the same appearances."""
        return Composer(self.library, _twin=self)

    def _render(self, text: str, link_terms: bool = True) -> Rendered:
        return self.renderer.render(text, link_terms=link_terms, budget=self._budget)

    def _say(self, message: Message) -> str:
        """A message in the pages' language, escaped for HTML."""
        return _say(message, self.language)

    def _page(self, where: str, title: str, html: str, citations: tuple[str, ...] = (),
              headings: tuple[Heading, ...] = (), content_note: str = "") -> ComposedPage:
        return ComposedPage(where, title, html, citations, headings, content_note,
                            self.language)

    @property
    def appearances(self) -> Appearances:
        """Where each term is used; worked out on first use unless given (the window's
        loader works it out in the background)."""
        known = self._known[0]
        if known is None:
            known = self._known[0] = term_appearances(self.library)
        return known

    @property
    def appearances_known(self) -> bool:
        return self._known[0] is not None

    def offer_appearances(self, appearances: Appearances) -> None:
        """Appearances worked out elsewhere (in the background); kept unless already known."""
        if self._known[0] is None:
            self._known[0] = appearances

    def _appears_in(self, term: Term) -> str:
        addresses = self.appearances.get(term.id, ())
        if not addresses:
            return ""
        items = []
        for text in addresses[:APPEARS_IN_SHOWN]:
            where = Address.parse(text)
            if where is None:
                continue
            item = (self.library.article(where.key) if where.kind is Kind.ARTICLE
                    else self.library.faq(where.key))
            if item is None:
                continue
            items.append(f'<li><a href="{where}">{escape(item.title)}</a> <span '
                         f'class="kind-label">{escape(kind_label(where.kind, self.language))}'
                         "</span></li>")
        more = len(addresses) - APPEARS_IN_SHOWN
        tail = ""
        if more > 0:
            said = translate("page", "and {n} more: search for “{term}” to see them all.",
                             "and {n} more: search for “{term}” to see them all.", more)
            tail = f'<p class="more">{self._say(said.format(term=term.term))}</p>'
        return (f'<h2 class="appears-in">{self._say(APPEARS_IN)}</h2>'
                f'<ul class="appears-in">{"".join(items)}</ul>{tail}')

    def article(self, article: Article) -> ComposedPage:
        rendered = self._render(article.body)
        code = self.language
        kind = " · ".join(escape(t) for t in (kind_label(Kind.ARTICLE, code),
                                              *(topic_name(t, code) for t in article.topics)))
        note = ""
        if article.content_note:
            note = (f'<p class="content-note"><b>{self._say(CONTENT_NOTE_LABEL)}'
                    f"</b> {escape(article.content_note)}</p>")
        reviewed = translate("page", "Reviewed {date}").format(date=_day(article.reviewed, code))
        head = (
            f'<p class="kind">{kind}</p>'
            f"<h1>{escape(article.title)}</h1>"
            f'<p class="summary">{escape(article.summary)}</p>'
            f'<p class="meta">{self._say(reviewed)}</p>'
            f'<p class="evidence"><b>{self._say(HOW_SETTLED)}'
            f"</b> {escape(article.evidence)}</p>"
            f"{note}"
        )
        html = (head + PART_BREAK + rendered.html + PART_BREAK
                + _related(self.library, article.related, code)
                + _references(self.library, rendered.citations, code))
        return self._page(address(Kind.ARTICLE, article.slug), article.title, html,
                          rendered.citations, rendered.headings, article.content_note)

    def faq(self, faq: Faq) -> ComposedPage:
        rendered = self._render(faq.body)
        html = (
            f'<p class="kind">{escape(kind_label(Kind.FAQ, self.language))}</p>'
            f"<h1>{escape(faq.question)}</h1>{PART_BREAK}{rendered.html}{PART_BREAK}"
            + _related(self.library, faq.related, self.language)
            + _references(self.library, rendered.citations, self.language)
        )
        return self._page(address(Kind.FAQ, faq.slug), faq.question, html, rendered.citations,
                          rendered.headings)

    def page(self, page: Page) -> ComposedPage:
        rendered = self._render(page.body, link_terms=page.local_name != "help-now")
        html = f"<h1>{escape(page.title)}</h1>"
        if page.local_name == "about":
            html += _facts_checked(self.library, self.language)
        html += PART_BREAK + rendered.html + _references(self.library, rendered.citations,
                                                         self.language)
        return self._page(address(Kind.PAGE, page.name), page.title, html, rendered.citations,
                          rendered.headings)

    def term(self, term: Term) -> ComposedPage:
        """A glossary entry: definition, other names, see also, and where it appears."""
        rendered = self._render(term.definition, link_terms=False)
        parts = [f'<p class="kind">{escape(kind_label(Kind.TERM, self.language))}</p>'
                 f"<h1>{escape(term.term)}</h1>", rendered.html]
        if term.aliases:
            names = ", ".join(escape(a) for a in term.aliases)
            parts.append(f'<p class="aliases"><b>{self._say(ALSO_CALLED)}'
                         f"</b> {names}</p>")
        if term.not_:
            nots = ", ".join(escape(n) for n in term.not_)
            parts.append(f'<p class="not"><b>'
                         f'{self._say(NOT_CONFUSED)}</b> '
                         f"{nots}</p>")
        see = [self.library.term(t) for t in term.see_also]
        links = [f'<a href="{address(Kind.TERM, t.id)}">{escape(t.term)}</a>' for t in see if t]
        if links:
            parts.append(f'<p class="see-also"><b>{self._say(SEE_ALSO)}'
                         f'</b> {", ".join(links)}</p>')
        parts.append(self._appears_in(term))
        parts.append(_references(self.library, rendered.citations, self.language))
        return self._page(address(Kind.TERM, term.id), term.term, "".join(parts),
                          rendered.citations)

    def home(self, recent: Sequence[tuple[str, str]] = ()) -> ComposedPage:
        """The start page; `recent` (address, title) pairs make a "Continue reading" list."""
        library, code = self.library, self.language
        page = library.page("home")
        title = page.title if page else "Lantern"
        parts = [f"<h1>{escape(title if page else library.name)}</h1>",
                 _facts_checked(library, code)]
        # Pages read in a pack that is no longer loaded are left out, not linked dead.
        recent = [(where, name) for where, name in recent if self.exists(where)]
        if recent:  # a returning reader sees where they were first, above the fold
            items = [f'<li><a href="{escape(where)}">{escape(name)}</a></li>'
                     for where, name in recent[:RECENT_ON_HOME]]
            parts.append(f'<h2>{self._say(CONTINUE_READING)}</h2>'
                         f'<ul class="recent">{"".join(items)}</ul>')
        if page:
            parts.append(self._render(page.body, link_terms=False).html)
        if library.articles:
            parts.append(f'<h2>{self._say(ARTICLES)}</h2>'
                         '<table class="cards" width="100%">')
            parts += [self._article_card(a) for a in library.articles[:ON_HOME["article"]]]
            parts.append("</table>" + _all_link("article", len(library.articles), self.prefix,
                                                code))
        if library.faqs:
            parts.append(f'<h2>{self._say(QUESTIONS)}</h2>'
                         '<ul class="faq-list">')
            parts += [_faq_item(f) for f in library.faqs[:ON_HOME["faq"]]]
            parts.append("</ul>" + _all_link("faq", len(library.faqs), self.prefix, code))
        if library.terms:
            # A flowing list: a line breaks only between terms, never inside one, and the
            # dot stays with the term before it so no line starts with one.
            links = [_term_link(t, unbroken=True) for t in library.terms[:ON_HOME["term"]]]
            parts.append(f'<h2>{self._say(GLOSSARY)}</h2>'
                         f'<p class="glossary-list">{f"{NBSP}· ".join(links)}</p>'
                         + _all_link("term", len(library.terms), self.prefix, code))
        return self._page(str(home(self.prefix)), title, "".join(parts))

    @staticmethod
    def _article_card(article: Article) -> str:
        return (f'<tr><td class="card"><a href="{address(Kind.ARTICLE, article.slug)}">'
                f"<b>{escape(article.title)}</b></a><br/>"
                f'<span class="summary">{escape(article.summary)}</span></td></tr>')

    def listing(self, kind: str, page: int = 1) -> ComposedPage | None:
        """Every article, question or glossary term, one page of LIST_PAGE at a time (a
        list of thousands of links would keep the window busy for seconds)."""
        library, code = self.library, self.language
        items: Sequence[Article | Faq | Term] = (
            library.articles if kind == "article" else library.faqs if kind == "faq"
            else library.terms if kind == "term" else ())
        pages = max(1, -(-len(items) // LIST_PAGE))
        if not items or not 1 <= page <= pages:
            return None
        shown = items[(page - 1) * LIST_PAGE : page * LIST_PAGE]
        title = localise(LIST_TITLES[kind], code)
        if kind == "article":
            body = ('<table class="cards" width="100%">'
                    + "".join(self._article_card(a) for a in shown  # type: ignore[arg-type]
                              ) + "</table>")
        elif kind == "faq":
            body = ('<ul class="faq-list">'
                    + "".join(_faq_item(f) for f in shown) + "</ul>")  # type: ignore[arg-type]
        else:
            body = ('<ul class="glossary-list">' + "".join(
                f"<li>{_term_link(t)}</li>" for t in shown) + "</ul>")  # type: ignore[arg-type]
        first = (page - 1) * LIST_PAGE + 1
        where = self._say(translate("page", "{first}–{last} of {total}", "items shown").format(
            first=grouped(first, code), last=grouped(first + len(shown) - 1, code),
            total=grouped(len(items), code)))
        pager = _pager(kind, page, pages, self.prefix, code)
        meta = f'<p class="meta">{where}</p>' if pages > 1 else ""
        html = f"<h1>{escape(title)}</h1>{meta}{pager}{body}{pager}"
        heading = localise(translate("page", "{list} (page {page} of {pages})").format(
            list=title, page=page, pages=pages), code) if pages > 1 else title
        return self._page(_list_address(kind, page, self.prefix), heading, html)

    def exists(self, address: str) -> bool:
        """Is there a page at this internal address in the library loaded now (in any of
        its languages)?"""
        return self.library.whole.exists(address)

    def compose(self, address: str, *, recent: Sequence[tuple[str, str]] = (),
                budget: Budget | None = None) -> ComposedPage | None:
        """The page at an internal address (`lantern:article/slug`, `lantern:home`…);
        `recent` is shown on the home page. `budget` is the whole page's (each of its
        renders gets its own PAGE_TIME_LIMIT_S without one); a budget that says the page
        is not wanted raises Abandoned."""
        self._budget = budget
        try:
            return self._compose(address, recent)
        finally:
            self._budget = None

    def _compose(self, address: str, recent: Sequence[tuple[str, str]]) -> ComposedPage | None:
        where = Address.parse(address)
        kind, key = (where.kind, where.key) if where else (None, "")
        if kind is Kind.HOME:
            return self.home(recent)
        if kind is Kind.LIST:
            what, _, number = where.local_key.partition("/")  # type: ignore[union-attr]
            if number and not number.isdigit():
                return None
            return self.listing(what, int(number or 1))
        if kind is Kind.ARTICLE and (article := self.library.article(key)):
            return self.article(article)
        if kind is Kind.FAQ and (faq := self.library.faq(key)):
            return self.faq(faq)
        if kind is Kind.PAGE and (page := self.library.page(key)):
            return self.page(page)
        if kind is Kind.TERM and (term := self.library.term(key)):
            return self.term(term)
        return None
