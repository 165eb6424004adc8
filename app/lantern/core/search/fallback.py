"""No dead ends: what to offer when a search finds nothing."""

from __future__ import annotations

import difflib
import re

from lantern.core.address import Kind
from lantern.core.model import Library
from lantern.core.search.results import SearchResult, Snippet
from lantern.core.text import fold, plain_text

#: Questions worth offering to anyone: the pack's FAQs on these topics come first.
USEFUL_TOPICS = ("safety", "therapy", "law")


def near_terms(library: Library, text: str, limit: int = 5) -> tuple[str, ...]:
    """Glossary terms whose name or an alias is spelled like a word or phrase of `text`."""
    names: dict[str, str] = {}
    for term in library.terms:
        for name in term.names:
            names.setdefault(fold(name), term.id)
    words = re.findall(r"\w+", text)
    candidates = {fold(w) for w in words} | {fold(text)}
    found: dict[str, None] = {}
    for candidate in sorted(candidates, key=len, reverse=True):
        if len(candidate) < 3:
            continue
        for match in difflib.get_close_matches(candidate, names, n=limit, cutoff=0.72):
            found.setdefault(names[match], None)
    return tuple(found)[:limit]


def useful_faqs(library: Library, limit: int = 5) -> tuple[SearchResult, ...]:
    """A few questions that help most readers, for an empty results page."""
    ranked = sorted(
        library.faqs,
        key=lambda f: min((USEFUL_TOPICS.index(t) for t in f.topics if t in USEFUL_TOPICS),
                          default=len(USEFUL_TOPICS)),
    )
    results = []
    for faq in ranked[:limit]:
        text = plain_text(faq.body)
        short = text[:160].rsplit(" ", 1)[0] + " …" if len(text) > 160 else text
        results.append(SearchResult(kind=Kind.FAQ, id=faq.slug, title=faq.question, score=0.0,
                                    snippet=Snippet(short)))
    return tuple(results)
