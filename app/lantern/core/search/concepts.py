"""Finding glossary concepts in text: the core of acronym and alias understanding.

Every glossary name and alias is folded (case, hyphens, spaces removed), so `DMN`,
`default mode network` and `default-mode network` all name the concept
`default-mode-network`. The same matcher annotates documents at index time and queries at
search time, which makes expansion work both ways without listing synonyms twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lantern.core.model import Term
from lantern.core.text import fold

MAX_WORDS = 6
_WORD = re.compile(r"\w+(?:[-'’.]\w+)*")


@dataclass(frozen=True, slots=True)
class Span:
    concept: str
    start: int
    end: int
    text: str


class ConceptMatcher:
    def __init__(self, terms: Iterable[Term]) -> None:
        self.names: dict[str, str] = {}
        self.display: dict[str, str] = {}
        for term in terms:
            self.display[term.id] = term.term
            for name in term.names:
                key = fold(name)
                if len(key) >= 2:
                    self.names.setdefault(key, term.id)

    def __bool__(self) -> bool:
        return bool(self.names)

    def spans(self, text: str) -> list[Span]:
        """Longest, leftmost matches of glossary names, as whole words."""
        words = list(_WORD.finditer(text))
        folded = [fold(w.group(0)) for w in words]
        found: list[Span] = []
        i = 0
        while i < len(words):
            match = None
            key = ""
            keys = []
            for j in range(i, min(i + MAX_WORDS, len(words))):
                key += folded[j]
                keys.append((j, key))
            for j, key in reversed(keys):
                concept = self.names.get(key)
                if concept is not None:
                    start, end = words[i].start(), words[j].end()
                    match = Span(concept, start, end, text[start:end])
                    i = j + 1
                    break
            if match is None:
                i += 1
            else:
                found.append(match)
        return found

    def concepts(self, text: str) -> list[str]:
        seen: dict[str, None] = {}
        for span in self.spans(text):
            seen.setdefault(span.concept, None)
        return list(seen)
