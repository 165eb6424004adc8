"""Finding glossary concepts in text: the core of acronym and alias understanding.

Every glossary name and alias is folded (case, hyphens, spaces removed), so `DMN`,
`default mode network` and `default-mode network` all name the concept
`default-mode-network`. The same matcher annotates documents at index time and queries at
search time, which makes expansion work both ways without listing synonyms twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lantern.core.model import Term
from lantern.core.text import fold

MAX_WORDS = 6
#: Beginnings of names are kept up to this length: a longer run of words is taken to begin
#: a name when its first PREFIX_CHARS do (the names look-up decides), so memory grows with
#: the number of names, not with the square of their length.
PREFIX_CHARS = 24
#: Texts of at most this many words (queries) are matched without the beginnings.
SHORT_TEXT_WORDS = 40
_FOLD_CACHE = 100_000  # distinct words remembered folded
_WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
#: Words of reading text: hyphens join, apostrophes and dots do not, so a name is found in
#: "the DMN's activity" and "psilocybin." but not inside "non-DMN".
READING_WORD = re.compile(r"\w+(?:-\w+)*")


@dataclass(frozen=True, slots=True)
class Span:
    concept: str
    start: int
    end: int
    text: str


class ConceptMatcher:
    """`key` folds a name or a word for comparing them (Spanish search compares them
    without accents as well)."""

    def __init__(self, terms: Iterable[Term], word: re.Pattern[str] = _WORD,
                 key: Callable[[str], str] = fold) -> None:
        self._word = word
        self._key = key
        self.names: dict[str, str] = {}
        self.display: dict[str, str] = {}
        for term in terms:
            self.display[term.id] = term.term
            for name in term.names:
                folded = self._key(name)
                if len(folded) >= 2:
                    self.names.setdefault(folded, term.id)
        self._prefixes: set[str] | None = None  # made when a long text is first read
        self._folded: dict[str, str] = {}

    def __bool__(self) -> bool:
        return bool(self.names)

    def _beginnings(self) -> set[str]:
        """Every beginning of a name: a run of words that is none can stop growing. Made
        on the first long text (a query is read without it: a bilingual search reads every
        query with each language's matcher, and mostly only one language's results)."""
        if self._prefixes is None:
            self._prefixes = {key[:n] for key in self.names
                              for n in range(1, min(len(key), PREFIX_CHARS) + 1)}
        return self._prefixes

    def _fold(self, word: str) -> str:
        folded = self._folded.get(word)
        if folded is None:
            if len(self._folded) >= _FOLD_CACHE:
                self._folded.clear()
            folded = self._folded[word] = self._key(word)
        return folded

    def spans(self, text: str) -> list[Span]:
        """Longest, leftmost matches of glossary names, as whole words."""
        if not self.names:
            return []
        words = list(self._word.finditer(text))
        cache = self._folded
        folded = [cache.get(w.group(0)) or self._fold(w.group(0)) for w in words]
        names = self.names
        # The beginnings only skip runs that can name nothing: a short text is looked up
        # whole, run by run, and gives the same spans.
        prefixes = self._beginnings() if len(words) > SHORT_TEXT_WORDS else None
        found: list[Span] = []
        i = 0
        while i < len(words):
            if prefixes is not None and folded[i][:PREFIX_CHARS] not in prefixes:
                i += 1  # most words begin no name
                continue
            best = -1
            concept = ""
            key = ""
            for j in range(i, min(i + MAX_WORDS, len(words))):
                key += folded[j]
                if prefixes is not None and key[:PREFIX_CHARS] not in prefixes:
                    break
                if key in names:
                    best, concept = j, names[key]
            if best < 0:
                i += 1
                continue
            start, end = words[i].start(), words[best].end()
            found.append(Span(concept, start, end, text[start:end]))
            i = best + 1
        return found

    def concepts(self, text: str) -> list[str]:
        seen: dict[str, None] = {}
        for span in self.spans(text):
            seen.setdefault(span.concept, None)
        return list(seen)


class TermFinder:
    """Glossary names in reading text, as the reader links them: the concept matcher over
    reading words, and a name written only in capitals found only in capitals (`MAPS` is an
    organisation, `maps` is not)."""

    def __init__(self, terms: Iterable[Term]) -> None:
        terms = list(terms)
        self.matcher = ConceptMatcher(terms, READING_WORD)
        self._capitals: dict[str, bool] = {}  # folded name → every spelling in capitals
        for term in terms:
            for name in term.names:
                key = fold(name)
                self._capitals[key] = self._capitals.get(key, True) and name.isupper()

    def __bool__(self) -> bool:
        return bool(self.matcher)

    def spans(self, text: str) -> list[Span]:
        return [span for span in self.matcher.spans(text)
                if span.text.isupper() or not self._capitals.get(fold(span.text))]
