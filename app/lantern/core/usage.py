"""Where each glossary term is used: the articles and questions whose text names it, for the
"Appears in" list of a glossary entry."""

from __future__ import annotations

from collections.abc import Iterator

from lantern.core.model import Library
from lantern.core.search.concepts import ConceptMatcher
from lantern.core.text import fold, plain_text

#: term id → addresses (`lantern:article/slug`, `lantern:faq/slug`), articles first.
Appearances = dict[str, tuple[str, ...]]


def _readings(library: Library) -> Iterator[tuple[str, str]]:
    for article in library.articles:
        yield f"lantern:article/{article.slug}", f"{article.title}\n{article.body}"
    for faq in library.faqs:
        yield f"lantern:faq/{faq.slug}", f"{faq.question}\n{faq.body}"


def term_appearances(library: Library) -> Appearances:
    """Every term's appearances, found by the search's concept matcher (any name, whatever
    stands between its words: `5-HT2A`, `5 HT2A`), with one rule of the reader's term links
    added: a name written only in capitals counts only in capitals (`MAPS` is not `maps`)."""
    matcher = ConceptMatcher(library.terms)
    if not matcher:
        return {}
    # Folded names all of whose spellings are capitals.
    capitals: dict[str, bool] = {}
    for term in library.terms:
        for name in term.names:
            key = fold(name)
            capitals[key] = capitals.get(key, True) and name.isupper()
    found: dict[str, list[str]] = {}
    for address, text in _readings(library):
        seen: set[str] = set()
        for span in matcher.spans(plain_text(text)):
            if span.concept in seen or (capitals.get(fold(span.text)) and
                                        not span.text.isupper()):
                continue
            seen.add(span.concept)
            found.setdefault(span.concept, []).append(address)
    return {term_id: tuple(addresses) for term_id, addresses in found.items()}
