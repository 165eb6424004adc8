"""Numbers with the nouns that go with them: "1 article", "2 glossary terms", "0 errors".

The counts of the kinds of item are messages (`lantern.core.messages`): English text that
`localise()` shows in the reader's language, with that language's plural forms
("1 artículo", "2 artículos")."""

from __future__ import annotations

from collections.abc import Mapping

from lantern.core.messages import Message, localise, translate


def plural(n: int, one: str, many: str | None = None) -> str:
    """`n` and the noun that goes with it, in English: "1 error", "2 errors", "0 FAQs"."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def count_message(n: int, kind: str) -> Message | None:
    """How many items of a kind, as a message; None for a kind Lantern does not name."""
    kind = str(kind)
    if kind == "article":
        return translate("counts", "{n} article", "{n} articles", n)
    if kind == "faq":
        return translate("counts", "{n} question", "{n} questions", n)
    if kind == "term":
        return translate("counts", "{n} glossary term", "{n} glossary terms", n)
    if kind == "page":
        return translate("counts", "{n} page", "{n} pages", n)
    if kind == "ref":
        return translate("counts", "{n} reference", "{n} references", n)
    return None


def count_of(n: int, kind: str, code: str | None = None) -> str:
    """"1 article", "3 glossary terms" in `code` (by default the language being spoken); an
    unknown kind is counted by its own name."""
    found = count_message(n, kind)
    return localise(found, code) if found is not None else plural(n, str(kind))


def describe_counts(counts: Mapping[str, int], code: str | None = None) -> str:
    """A search's counts by kind, as one line: "1 glossary term, 2 questions"."""
    return ", ".join(count_of(n, kind, code) for kind, n in counts.items())
