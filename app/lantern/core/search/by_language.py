"""Each language of a library as the search policy uses it, and which language a query is in.

A bilingual library (the English pack and the Spanish one) is one index whose languages are
searched apart: a query is analysed in one language and finds that language's pages first.
Which language: the words of the query when they tell, else the language the reader reads
in (the window's, passed by the caller), else the library's first. Each word that only one
language holds (its pages once stemmed, or its question and stop words) is a vote for it,
and so is a letter only one language writes (`ñ`, `¿`); a word that several languages hold
stemmed but only one writes as typed (`nauseas`, stemmed `nausea` in English) is half a
vote; the reader's language counts three quarters of a vote: one word of another language
outweighs it, one half-word does not ("nausea" in the Spanish window stays Spanish).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from lantern.core.model import Faq, Library, Page, Term
from lantern.core.search.concepts import ConceptMatcher
from lantern.core.search.documents import concept_matchers
from lantern.core.search.languages import DEFAULT, Profile, analysed_as, profile
from lantern.core.search.snippets import Snippets
from lantern.core.search.whoosh_adapter import WhooshIndex, WhooshView

_WORD = re.compile(r"\w+(?:[-.]\w+)*")
MAX_WORDS = 24
WORD_VOTE = 1.0
WRITTEN_VOTE = 0.5
READER_VOTE = 0.75


@dataclass(frozen=True)
class LanguageContext:
    """One analysed language of the library: its index fields, glossary, pages and
    questions, and how its snippets are made."""

    language: str
    profile: Profile
    view: WhooshView
    matcher: ConceptMatcher
    snippets: Snippets
    terms: Mapping[str, Term]
    pages: Mapping[str, Page]
    faqs: tuple[Faq, ...]

    def knows(self, word: str) -> bool:
        """Whether `word` is a word of this language: one of its question or stop words,
        or a word its pages hold once stemmed."""
        if self.profile.is_question_word(word) or self.view.is_stop_word(word):
            return True
        tokens = self.view.analyze(word)
        return bool(tokens) and self.view.doc_frequency(tokens[0]) > 0

    def writes(self, word: str) -> bool:
        """Whether its pages write `word` as typed (case and, in Spanish, accents aside)."""
        return self.view.writes(word)


def library_languages(library: Library) -> tuple[str, ...]:
    """The analysed languages of the library's items, the first pack's first."""
    found = {analysed_as(item.language)
             for items in (library.articles, library.faqs, library.terms, library.pages)
             for item in items}
    ordered = [analysed_as(p.language) for p in library.packs] + sorted(found)
    return tuple(dict.fromkeys(c for c in ordered if c in found)) or (DEFAULT,)


def contexts(library: Library, engine: WhooshIndex) -> dict[str, LanguageContext]:
    """A context for every analysed language of the library, the first pack's first."""
    matchers = concept_matchers(library.terms)
    built: dict[str, LanguageContext] = {}
    for code in library_languages(library):
        def mine(item: Term | Page | Faq, code: str = code) -> bool:
            return analysed_as(item.language) == code

        view = engine.view(code)
        built[code] = LanguageContext(
            language=code, profile=profile(code), view=view,
            matcher=matchers.get(code) or ConceptMatcher((), key=profile(code).names),
            snippets=Snippets(view.index_form, width=220, context=70, passages=2,
                              cut_marks=True),
            terms={t.id: t for t in library.terms if mine(t)},
            pages={p.local_name: p for p in library.pages if mine(p)},  # help-now …
            faqs=tuple(f for f in library.faqs if mine(f)),
        )
    return built


def query_language(found: Mapping[str, LanguageContext], text: str, preferred: str | None,
                   phrasing: str | None = None) -> str:
    """The language to search `text` in first (see the module's docstring); `phrasing` is
    the language of crisis words the query holds, which decides when given."""
    codes = list(found)
    if len(codes) == 1:
        return codes[0]
    if phrasing and phrasing in found:
        return phrasing
    wanted = analysed_as(preferred) if preferred else ""
    default = wanted if wanted in found else codes[0]
    votes = dict.fromkeys(codes, 0.0)
    if wanted in found:
        votes[wanted] += READER_VOTE
    lowered = text.lower()
    for code in codes:
        if any(mark in lowered for mark in found[code].profile.marks):
            votes[code] += WORD_VOTE
    for word in _WORD.findall(text)[:MAX_WORDS]:
        knowing = [code for code in codes if found[code].knows(word)]
        if len(knowing) == 1:
            votes[knowing[0]] += WORD_VOTE
            continue
        writing = [code for code in knowing or codes if found[code].writes(word)]
        if len(writing) == 1:
            votes[writing[0]] += WRITTEN_VOTE
    best = max(votes.values())
    return default if votes[default] == best else next(c for c in codes if votes[c] == best)
