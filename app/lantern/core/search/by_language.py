"""Each language of a library as the search policy uses it, and which language a query is in.

A bilingual library (the English pack and the Spanish one) is one index whose languages are
searched apart: a query is analysed in one language and finds that language's pages first.
Which language: the words of the query when they tell, else the language the reader reads
in (the window's, passed by the caller), else the library's first. A word only one
language has (as a question or stop word, a glossary name, or in its prose) is a vote for
it, and so is a letter only one language writes (`ñ`, `¿`); a looser sign is half a vote
(`_word_votes`); a name both glossaries hold (`DMN`, `MDMA`) tells nothing.
The reader's language counts three quarters of a vote: one word of another language
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

    def is_function_word(self, word: str) -> bool:
        """One of the language's question or stop words."""
        return self.profile.is_question_word(word) or self.view.is_stop_word(word)

    def holds(self, word: str) -> tuple[bool, bool]:
        """Whether the language's prose (titles, headings, text: not the aliases, which
        name things in other languages too) holds `word` once stemmed, and whether its
        pages write `word` as typed (case and, in Spanish, accents aside)."""
        tokens = self.view.analyze(word)
        return (bool(tokens) and self.view.in_prose(tokens[0]), self.view.writes(word))


def library_languages(library: Library) -> tuple[str, ...]:
    """The analysed languages of the library's items, the first pack's first."""
    written = {item.language  # each language written once, not 16 000 times
               for items in (library.articles, library.faqs, library.terms, library.pages)
               for item in items}
    found = {analysed_as(code) for code in written}
    ordered = [analysed_as(p.language) for p in library.packs] + sorted(found)
    return tuple(dict.fromkeys(c for c in ordered if c in found)) or (DEFAULT,)


def contexts(library: Library, engine: WhooshIndex) -> dict[str, LanguageContext]:
    """A context for every analysed language of the library, the first pack's first."""
    matchers = concept_matchers(library.terms)
    as_analysed: dict[str, str] = {}

    def analysed(item: Term | Page | Faq) -> str:
        code = as_analysed.get(item.language)
        if code is None:
            code = as_analysed[item.language] = analysed_as(item.language)
        return code

    faqs: dict[str, list[Faq]] = {}
    for faq in library.faqs:
        faqs.setdefault(analysed(faq), []).append(faq)
    built: dict[str, LanguageContext] = {}
    for code in library_languages(library):
        view = engine.view(code)
        built[code] = LanguageContext(
            language=code, profile=profile(code), view=view,
            matcher=matchers.get(code) or ConceptMatcher((), key=profile(code).names),
            snippets=Snippets(view.index_form, width=220, context=70, passages=2,
                              cut_marks=True, keys=view.index_forms),
            terms={t.id: t for t in library.terms if analysed(t) == code},
            pages={p.local_name: p for p in library.pages  # help-now …
                   if analysed(p) == code},
            faqs=tuple(faqs.get(code, ())),
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
    named = _named(found, codes, text)
    for match in list(_WORD.finditer(text))[:MAX_WORDS]:
        naming = named.get(match.start())
        if naming is not None:  # a glossary name: of one language, or of several
            if len(naming) == 1:
                votes[naming[0]] += WORD_VOTE
            continue
        for code, vote in _word_votes(found, codes, match.group()):
            votes[code] += vote
    best = max(votes.values())
    return default if votes[default] == best else next(c for c in codes if votes[c] == best)


def _named(found: Mapping[str, LanguageContext], codes: list[str],
           text: str) -> dict[int, list[str]]:
    """Where each word of `text` that is part of a glossary name starts, and the languages
    whose glossaries name it (`DMN` is a name in both; `red neuronal` only in Spanish)."""
    named: dict[int, list[str]] = {}
    for code in codes:
        for span in found[code].matcher.spans(text):
            for match in _WORD.finditer(text, span.start, span.end):
                named.setdefault(match.start(), []).append(code)
    return named


def _word_votes(found: Mapping[str, LanguageContext], codes: list[str],
                word: str) -> list[tuple[str, float]]:
    """What one word of a query says of its language: a question or stop word of one
    language only is a vote for it; else a word only one language's prose holds stemmed,
    written as typed there too, is a vote, and half a vote when not written so (`psilocibin`
    stems like `psilocibina`) or when several languages hold its stem but only one writes
    it (`nauseas`)."""
    function = [code for code in codes if found[code].is_function_word(word)]
    if function:
        return [(function[0], WORD_VOTE)] if len(function) == 1 else []
    held = {code: found[code].holds(word) for code in codes}
    prose = [code for code in codes if held[code][0]]
    if len(prose) == 1:
        return [(prose[0], WORD_VOTE if held[prose[0]][1] else WRITTEN_VOTE)]
    written = [code for code in prose if held[code][1]]
    return [(written[0], WRITTEN_VOTE)] if len(written) == 1 else []
