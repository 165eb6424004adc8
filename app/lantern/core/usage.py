"""Where each glossary term is used: the articles and questions whose text names it, for the
"Appears in" list of a glossary entry."""

from __future__ import annotations

from collections.abc import Iterator

from lantern.core.address import Kind, address
from lantern.core.model import Library
from lantern.core.search.concepts import TermFinder
from lantern.core.text import plain_text

#: term id → addresses (`lantern:article/slug`, `lantern:faq/slug`), articles first.
Appearances = dict[str, tuple[str, ...]]


def _readings(library: Library) -> Iterator[tuple[str, str]]:
    for article in library.articles:
        yield address(Kind.ARTICLE, article.slug), f"{article.title}\n{article.body}"
    for faq in library.faqs:
        yield address(Kind.FAQ, faq.slug), f"{faq.question}\n{faq.body}"


def term_appearances(library: Library) -> Appearances:
    """Every term's appearances, found as the reader finds the words it links."""
    finder = TermFinder(library.terms)
    if not finder:
        return {}
    found: dict[str, list[str]] = {}
    for where, text in _readings(library):
        for concept in dict.fromkeys(span.concept for span in finder.spans(plain_text(text))):
            found.setdefault(concept, []).append(where)
    return {term_id: tuple(addresses) for term_id, addresses in found.items()}
