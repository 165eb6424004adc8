"""Where each glossary term is used: the articles and questions whose text names it, for the
"Appears in" list of a glossary entry."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from lantern.core.model import Library
from lantern.core.text import fold, plain_text

#: term id → addresses (`lantern:article/slug`, `lantern:faq/slug`), articles first.
Appearances = dict[str, tuple[str, ...]]

_TOKEN = re.compile(r"[^\W_]+")


def _readings(library: Library) -> Iterator[tuple[str, str]]:
    for article in library.articles:
        yield f"lantern:article/{article.slug}", f"{article.title}\n{article.body}"
    for faq in library.faqs:
        yield f"lantern:faq/{faq.slug}", f"{faq.question}\n{faq.body}"


def term_appearances(library: Library) -> Appearances:
    """Every term's appearances. A name matches as a run of whole words, whatever stands
    between them (`5-HT2A`, `5 HT2A`); an all-capital name only in capitals, as in the
    reader's term links (`MAPS` is not `maps`). One dictionary look-up per word and length,
    so a large pack costs seconds, not minutes, of background time."""
    names: dict[str, tuple[str, bool]] = {}  # folded name → (term id, capitals only)
    starts: set[str] = set()  # folded first words of names
    longest = 0
    for term in library.terms:
        for name in term.names:
            key = fold(name)
            words = _TOKEN.findall(name)
            if len(key) < 2 or not words:
                continue
            _id, upper = names.get(key, (term.id, True))
            names[key] = (term.id, upper and name.isupper())
            starts.add(fold(words[0]))
            longest = max(longest, len(words))
    if not names:
        return {}
    found: dict[str, list[str]] = {}
    for address, text in _readings(library):
        text = unicodedata.normalize("NFKC", plain_text(text))
        tokens = list(_TOKEN.finditer(text))
        folded = [t.group(0).casefold() for t in tokens]
        seen: set[str] = set()
        for i in range(len(tokens)):
            if folded[i] not in starts:
                continue
            key = ""
            for j in range(i, min(i + longest, len(tokens))):
                key += folded[j]
                hit = names.get(key)
                if hit is None:
                    continue
                term_id, upper = hit
                if upper and not text[tokens[i].start():tokens[j].end()].isupper():
                    continue
                if term_id not in seen:
                    seen.add(term_id)
                    found.setdefault(term_id, []).append(address)
    return {term_id: tuple(addresses) for term_id, addresses in found.items()}
