"""Numbers with the nouns that go with them: "1 article", "2 glossary terms", "0 errors"."""

from __future__ import annotations

from collections.abc import Mapping

# How a number of each kind of item is said.
KIND_NOUNS = {
    "article": ("article", "articles"),
    "faq": ("question", "questions"),
    "term": ("glossary term", "glossary terms"),
    "page": ("page", "pages"),
    "ref": ("reference", "references"),
}


def plural(n: int, one: str, many: str | None = None) -> str:
    """`n` and the noun that goes with it: "1 error", "2 errors", "0 FAQs"."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def count_of(n: int, kind: str) -> str:
    """"1 article", "3 glossary terms"; an unknown kind is counted by its own name."""
    one, many = KIND_NOUNS.get(str(kind), (str(kind), f"{kind}s"))
    return plural(n, one, many)


def describe_counts(counts: Mapping[str, int]) -> str:
    """A search's counts by kind, as one line: "1 glossary term, 2 questions"."""
    return ", ".join(count_of(n, kind) for kind, n in counts.items())
