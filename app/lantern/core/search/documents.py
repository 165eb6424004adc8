"""What gets indexed: one document per article section, FAQ, glossary term and page.

Every document carries the language of its pack, which picks the fields it is indexed in
and how they are analysed (`whoosh_lang.py`). Its key is the library's key, which names
the language for every pack but the first (`es/mdma`), so groups never meet.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lantern.core.address import Address, Kind
from lantern.core.model import Library, Term
from lantern.core.search.concepts import ConceptMatcher
from lantern.core.search.languages import analysed_as, profile
from lantern.core.text import plain_text


def concept_matchers(terms: Iterable[Term]) -> dict[str, ConceptMatcher]:
    """One concept matcher per analysed language, over the glossary of that language, its
    names compared as that language compares them (Spanish without accents too)."""
    by_language: dict[str, list[Term]] = {}
    for term in terms:
        by_language.setdefault(analysed_as(term.language), []).append(term)
    return {language: ConceptMatcher(found, key=profile(language).names)
            for language, found in by_language.items()}


@dataclass(frozen=True, slots=True)
class IndexDoc:
    id: str  # unique per index document, e.g. "article:microdosing#what-trials-found"
    group: str  # the item it belongs to, e.g. "article:microdosing"; the unit of updates
    kind: Kind  # one of address.SEARCHED_KINDS
    key: str  # slug, term id or page name
    anchor: str
    title: str
    heading: str
    aliases: str
    body: str
    topics: tuple[str, ...]
    concepts: tuple[str, ...]
    language: str = "en"  # the language of its pack: the analyzer to read it with
    #: Each glossary name written in the body, once, with its concept: (concept, as
    #: written). A search for a concept marks these words in the result's snippet, where
    #: reading the body for them at every search was a fifth of a search's time.
    named: tuple[tuple[str, str], ...] = ()


def iter_documents(library: Library, groups: set[str] | None = None) -> Iterator[IndexDoc]:
    """Index documents for the whole library, or only for the given groups."""
    # A text is read for the concepts of its own language's glossary.
    matchers = concept_matchers(library.terms)
    nothing = ConceptMatcher(())

    def wanted(group: str) -> bool:
        return groups is None or group in groups

    def read(language: str, body: str, *head: str
             ) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
        """The concepts of a document (every mention counts, so a section about a concept
        outranks one that names it once) and the names written in its body."""
        matcher = matchers.get(analysed_as(language), nothing)
        in_body = matcher.spans(body)
        concepts = [span.concept for span in matcher.spans("\n".join(head))]
        concepts += [span.concept for span in in_body]
        named = dict.fromkeys((span.concept, span.text) for span in in_body)
        return tuple(concepts), tuple(named)

    for article in library.articles:
        group = Address(Kind.ARTICLE, article.slug).group
        if not wanted(group):
            continue
        aliases = "\n".join(article.aliases)
        for section in article.sections:
            body = plain_text(section.markdown)
            heading = "" if not section.anchor else section.heading
            if not section.anchor:
                body = f"{article.summary}\n\n{body}".strip()
            concepts, named = read(article.language, body, article.title, heading, aliases)
            yield IndexDoc(
                id=f"{group}#{section.anchor}", group=group, kind=Kind.ARTICLE, key=article.slug,
                anchor=section.anchor, title=article.title, heading=heading,
                aliases=aliases, body=body, topics=article.topics, concepts=concepts,
                language=article.language, named=named,
            )
    for faq in library.faqs:
        group = Address(Kind.FAQ, faq.slug).group
        if wanted(group):
            aliases = "\n".join(faq.aliases)
            body = plain_text(faq.body)
            concepts, named = read(faq.language, body, faq.question, aliases)
            yield IndexDoc(
                id=group, group=group, kind=Kind.FAQ, key=faq.slug, anchor="", title=faq.question,
                heading="", aliases=aliases, body=body, topics=faq.topics, concepts=concepts,
                language=faq.language, named=named,
            )
    for term in library.terms:
        group = Address(Kind.TERM, term.id).group
        if wanted(group):
            aliases = "\n".join(term.aliases)
            body = plain_text(term.definition)
            yield IndexDoc(
                id=group, group=group, kind=Kind.TERM, key=term.id, anchor="", title=term.term,
                heading="", aliases=aliases, body=body, topics=(),
                concepts=(term.id,), language=term.language,
                named=read(term.language, body)[1],
            )
    for page in library.pages:
        group = Address(Kind.PAGE, page.name).group
        if wanted(group):
            body = plain_text(page.body)
            concepts, named = read(page.language, body, page.title)
            yield IndexDoc(
                id=group, group=group, kind=Kind.PAGE, key=page.name, anchor="", title=page.title,
                heading="", aliases="", body=body, topics=(), concepts=concepts,
                language=page.language, named=named,
            )
