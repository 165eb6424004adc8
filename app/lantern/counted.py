"""Numbers with the nouns that go with them, as the command line says them: "1 article",
"3 glossary terms", "0 errors", in the language being spoken (`lantern.core.messages`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from lantern.core.messages import Message, translate

COUNTED: Mapping[str, Callable[[int], Message]] = {
    "article": lambda n: translate("counts", "{n} article", "{n} articles", n),
    "faq": lambda n: translate("counts", "{n} FAQ", "{n} FAQs", n),
    "term": lambda n: translate("counts", "{n} glossary term", "{n} glossary terms", n),
    "reference": lambda n: translate("counts", "{n} reference", "{n} references", n),
    "page": lambda n: translate("counts", "{n} page", "{n} pages", n),
    "error": lambda n: translate("counts", "{n} error", "{n} errors", n),
    "warning": lambda n: translate("counts", "{n} warning", "{n} warnings", n),
}


def counted(n: int, kind: str) -> Message:
    """`n` and the noun for `kind` (one of COUNTED's keys), translatable."""
    return COUNTED[kind](n)
