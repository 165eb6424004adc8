"""What a search returns: plain dataclasses the UI and CLI share."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any

from lantern.core.address import Address, Kind


@dataclass(frozen=True, slots=True)
class Snippet:
    """A passage of a result's text, and where in it the words the search matched are."""

    text: str = ""  # plain text, not escaped
    marks: tuple[tuple[int, int], ...] = ()  # (start, end) in `text`, in order, apart

    def __bool__(self) -> bool:
        return bool(self.text)

    def marked(self, before: str = "<mark>", after: str = "</mark>", *,
               html: bool = True) -> str:
        """The text with every matched word between `before` and `after`; with `html`,
        the text around them is escaped."""
        quote = escape if html else str
        out: list[str] = []
        at = 0
        for start, end in self.marks:
            out += [quote(self.text[at:start]), before, quote(self.text[start:end]), after]
            at = end
        out.append(quote(self.text[at:]))
        return "".join(out)

    @property
    def words(self) -> tuple[str, ...]:
        """The matched words as written, each once (whatever its case)."""
        found: dict[str, str] = {}
        for start, end in self.marks:
            word = self.text[start:end]
            found.setdefault(word.casefold(), word)
        return tuple(found.values())


@dataclass(frozen=True, slots=True)
class SearchResult:
    kind: Kind
    id: str  # slug, term id or page name
    title: str
    score: float
    snippet: Snippet = Snippet()
    anchor: str = ""  # the article section the hit is in
    heading: str = ""
    topics: tuple[str, ...] = ()
    #: The words of the result's text that matched, as written: marked on its page.
    terms: tuple[str, ...] = ()
    language: str = "en"  # of the pack the result comes from

    @property
    def address(self) -> Address:
        return Address(self.kind, self.id, self.anchor)

    @property
    def target(self) -> str:
        """The internal address the reader opens for this result."""
        return str(self.address)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind), "id": self.id, "title": self.title,
            "score": round(self.score, 4),
            "snippet": self.snippet.marked(),  # HTML, matched words in <mark>…</mark>
            "anchor": self.anchor, "heading": self.heading, "topics": list(self.topics),
            "terms": list(self.terms), "target": self.target, "language": self.language,
        }


@dataclass(frozen=True, slots=True)
class SearchResponse:
    query: str
    results: tuple[SearchResult, ...] = ()
    concepts: tuple[str, ...] = ()  # glossary ids the query named
    counts: dict[str, int] = field(default_factory=dict)
    suggestion: str = ""  # "Did you mean …", empty when not needed
    elapsed_ms: float = 0.0
    notice: str = ""  # something the reader should know, e.g. the query was shortened
    near_terms: tuple[str, ...] = ()  # glossary ids spelled like the query, when nothing matched
    useful: tuple[SearchResult, ...] = ()  # questions to offer when nothing matched

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "results": [r.to_json() for r in self.results],
            "concepts": list(self.concepts),
            "counts": {str(k): n for k, n in self.counts.items()},
            "suggestion": self.suggestion,
            "elapsed_ms": round(self.elapsed_ms, 2),
            "notice": self.notice,
            "near_terms": list(self.near_terms),
            "useful": [r.to_json() for r in self.useful],
        }


@dataclass(frozen=True, slots=True)
class Suggestion:
    kind: Kind
    id: str
    text: str
    language: str = "en"  # of the pack the suggested item comes from

    @property
    def target(self) -> str:
        return str(Address(self.kind, self.id))
