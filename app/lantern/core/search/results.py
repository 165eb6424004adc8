"""What a search returns: plain dataclasses the UI and CLI share."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class SearchResult:
    kind: str  # term | faq | article | page
    id: str  # slug, term id or page name
    title: str
    score: float
    snippet: str  # HTML-escaped text with matched words in <mark>…</mark>
    anchor: str = ""  # the article section the hit is in
    heading: str = ""
    topics: tuple[str, ...] = ()

    @property
    def target(self) -> str:
        """The internal address the reader opens for this result."""
        suffix = f"#{self.anchor}" if self.anchor else ""
        return f"lantern:{self.kind}/{self.id}{suffix}"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["score"] = round(self.score, 4)
        data["target"] = self.target
        return data


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
            "counts": dict(self.counts),
            "suggestion": self.suggestion,
            "elapsed_ms": round(self.elapsed_ms, 2),
            "notice": self.notice,
            "near_terms": list(self.near_terms),
            "useful": [r.to_json() for r in self.useful],
        }


@dataclass(frozen=True, slots=True)
class Suggestion:
    kind: str
    id: str
    text: str
