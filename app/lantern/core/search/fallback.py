"""No dead ends: what to offer when a search finds nothing."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable

from lantern.core.address import Kind
from lantern.core.model import Faq, Term
from lantern.core.search.results import SearchResult, Snippet
from lantern.core.text import fold, plain_text

#: Questions worth offering to anyone: the pack's FAQs on these topics come first.
USEFUL_TOPICS = ("safety", "therapy", "law")


class SpelledNames:
    """Every glossary name and alias folded as `key` folds them, grouped by length, made
    once for a library's language: a search that finds nothing compares its words with
    them (`near`) without folding every name again."""

    #: difflib's ratio two strings need to be offered (`get_close_matches`' cutoff).
    CUTOFF = 0.72

    def __init__(self, terms: Iterable[Term], key: Callable[[str], str] = fold) -> None:
        self.key = key
        self.names: dict[str, str] = {}
        for term in terms:
            for name in term.names:
                self.names.setdefault(key(name), term.id)
        self._by_length: dict[int, list[str]] = {}
        for name in self.names:
            self._by_length.setdefault(len(name), []).append(name)

    def _within_reach(self, word: str) -> list[str]:
        """The names long enough and short enough to reach the cutoff with `word`: the
        bound difflib's `real_quick_ratio` puts on them, worked out per length, not per
        name."""
        size = len(word)
        return [name for length, names in self._by_length.items()
                if 2.0 * min(size, length) / (size + length) >= self.CUTOFF
                for name in names]

    def near(self, text: str, limit: int = 5) -> tuple[str, ...]:
        """The ids of the terms a name of which is spelled like a word of `text`, or like
        the whole of it."""
        words = re.findall(r"\w+", text)
        candidates = {self.key(w) for w in words} | {self.key(text)}
        found: dict[str, None] = {}
        for candidate in sorted(candidates, key=len, reverse=True):
            if len(candidate) < 3:
                continue
            for match in difflib.get_close_matches(candidate, self._within_reach(candidate),
                                                   n=limit, cutoff=self.CUTOFF):
                found.setdefault(self.names[match], None)
        return tuple(found)[:limit]


def questions_starting(faqs: Iterable[Faq], text: str, limit: int = 10,
                       key: Callable[[str], str] = fold) -> tuple[SearchResult, ...]:
    """The questions that begin as `text` does ("what is" → "What is the default mode
    network?"), shortest first: for a query of question words only, which the index
    cannot search (its stop words are not indexed)."""
    start = key(text)
    if not start:
        return ()
    found = sorted((f for f in faqs if key(f.question).startswith(start)),
                   key=lambda f: len(f.question))
    return tuple(_offered(faq) for faq in found[:limit])


def useful_faqs(faqs: Iterable[Faq], limit: int = 5) -> tuple[SearchResult, ...]:
    """A few questions that help most readers, for an empty results page."""
    ranked = sorted(
        faqs,
        key=lambda f: min((USEFUL_TOPICS.index(t) for t in f.topics if t in USEFUL_TOPICS),
                          default=len(USEFUL_TOPICS)),
    )
    return tuple(_offered(faq) for faq in ranked[:limit])


def _offered(faq: Faq) -> SearchResult:
    """`faq` as a result found by no word: its answer's opening as the snippet."""
    text = plain_text(faq.body)
    short = text[:160].rsplit(" ", 1)[0] + " …" if len(text) > 160 else text
    return SearchResult(kind=Kind.FAQ, id=faq.slug, title=faq.question, score=0.0,
                        snippet=Snippet(short), language=faq.language)
