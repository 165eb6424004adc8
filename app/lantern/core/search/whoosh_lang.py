"""Analysis by language for the Whoosh adapter, and the scoring that keeps the languages
of a bilingual index apart.

Each analysed language has its own fields (`title`, `body` … for English as before,
`title_es`, `body_es` … for Spanish), so each is analysed its own way and a query is
analysed the way of the fields it searches. English analysis is what it always was.
Spanish: lower case, accents folded (`sesión`, `sesion` and `SESIONES` give one word),
the Snowball stop words and Whoosh's Snowball Spanish stemmer. Part of the engine's
adapter, like `whoosh_adapter.py` and `whoosh_store.py`.

Accents are folded by `languages.unaccent` (Unicode decomposition, marks dropped), the
same function the search policy folds names and crisis phrasing with, so the two always
agree; Whoosh's own `accent_map` would cost a large table built at every start. The
stemmer's module (without the other Snowball languages: `whoosh_lazy`) is imported on
the first Spanish word.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from math import log
from typing import Any

from whoosh import scoring
from whoosh.analysis import (
    STOP_WORDS,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.lang.stopwords import stoplists

from lantern.core.search.languages import DEFAULT, analysed_as, unaccent
from lantern.core.search.query import TEXT_FIELDS

#: Fields that each analysed language has its own of; the others (`id`, `kind`, `group`,
#: `topics`, `language` …) are shared.
PER_LANGUAGE = (*TEXT_FIELDS, "words", "concepts")
WORD_PATTERN = r"\w+(?:[-.]\w+)*"
SPELL_PATTERN = r"[^\W\d_]{3,}"
#: Between a word as folded and as written, in the Spanish written-forms field.
WRITTEN_SEPARATOR = "\x1f"


class CompoundFilter(Filter):  # type: ignore[misc]
    """`5-HT2A` → `5ht2a`; when indexing, `micro-dosing` also yields `micro` and `dosing`."""

    def __call__(self, tokens):  # type: ignore[no-untyped-def]
        for token in tokens:
            text = token.text
            if "-" not in text and "." not in text:
                yield token
                continue
            parts = [p for p in re.split(r"[-.]", text) if p]
            token.text = "".join(parts)
            if token.mode == "query" or len(parts) < 2:
                yield token
                continue
            start = getattr(token, "startchar", None)
            yield token.copy()
            offset = 0
            for part in parts:
                piece = token.copy()
                piece.text = part
                if start is not None:
                    offset = text.index(part, offset)
                    piece.startchar = start + offset
                    piece.endchar = start + offset + len(part)
                    offset += len(part)
                yield piece


class UnaccentFilter(Filter):  # type: ignore[misc]
    """Accents folded: `sesión` → `sesion`, `NIÑO` (lower-cased before) → `nino`."""

    def __call__(self, tokens):  # type: ignore[no-untyped-def]
        for token in tokens:
            token.text = unaccent(token.text)
            yield token


@functools.cache
def _stemmer() -> Any:
    """Whoosh's Snowball Spanish stemmer for words whose accents are already folded: its
    suffix tables folded the same way, so that `integracion` loses `acion` as `integración`
    loses `ación` (the stock tables would leave the unaccented word whole)."""
    from lantern.core.search.whoosh_lazy import spanish_stemmer

    SpanishStemmer = spanish_stemmer()
    tables = {name: tuple(unaccent(s) for s in getattr(SpanishStemmer, name))
              for name in (f"_SpanishStemmer__{step}_suffixes"
                           for step in ("step0", "step1", "step2a", "step2b", "step3"))}
    return type("UnaccentedSpanishStemmer", (SpanishStemmer,), tables)()


def spanish_stem(word: str) -> str:
    """The Snowball stem of a lower-case Spanish word whose accents are folded."""
    return str(_stemmer().stem(word))


_VOWELS = frozenset("aeiou")


def singular(word: str) -> str:
    """A Spanish plural's singular, before stemming, on a word whose accents are folded:
    `sesiones` → `sesion`, `nauseas` → `nausea`, `ansiedades` → `ansiedad`. Snowball alone
    stems some pairs apart (`nause` and `naus`, `ansied` and `ansiedad`). Words ending in
    `is` or `us` are kept (`crisis`, `dosis`, `virus` are their own plurals; `pais` is
    `país`); a singular in `-es` (`estres`) is cut like a plural, typed with its accent or
    without."""
    if len(word) >= 5 and word.endswith("es") and word[-3].isalpha() \
            and word[-3] not in _VOWELS:
        return word[:-2]
    if len(word) >= 4 and word.endswith(("as", "es", "os")):
        return word[:-1]
    return word


class SingularFilter(Filter):  # type: ignore[misc]
    """Spanish plurals to their singulars (`singular`)."""

    def __call__(self, tokens):  # type: ignore[no-untyped-def]
        for token in tokens:
            token.text = singular(token.text)
            yield token


#: Words of the Snowball list that are topics here, not glue: how a session "feels"
#: (`siente`, `sentido`) and the United States (`Estados Unidos`).
SPANISH_KEPT = frozenset({"sentid", "sentida", "sentidas", "sentido", "sentidos", "siente",
                          "sintiendo", "estado", "estados"})
SPANISH_STOP_WORDS = frozenset(unaccent(w) for w in stoplists["es"]) - SPANISH_KEPT


class WrittenForms(Filter):  # type: ignore[misc]
    """Each accented word as `folded␟written` (`nausea␟náusea`): the spelling corrector
    works on folded words, and this says how a folded word is written."""

    def __call__(self, tokens):  # type: ignore[no-untyped-def]
        for token in tokens:
            folded = unaccent(token.text)
            if folded != token.text:
                token.text = f"{folded}{WRITTEN_SEPARATOR}{token.text}"
                yield token


def english_analyzer():  # type: ignore[no-untyped-def]
    return (RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | CompoundFilter()
            | StopFilter(minsize=1) | StemFilter(cachesize=50000))


def spanish_analyzer():  # type: ignore[no-untyped-def]
    return (RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | UnaccentFilter()
            | CompoundFilter() | StopFilter(stoplist=SPANISH_STOP_WORDS, minsize=1)
            | SingularFilter() | StemFilter(stemfn=spanish_stem, cachesize=50000))


@dataclass(frozen=True)
class LanguageFields:
    """One analysed language: its fields, its analyzers and its spelling list."""

    code: str
    suffix: str  # of its field names: "" for English, "_es" for Spanish
    analyzer: Any
    spelling: Any  # words as written, for spelling and for words being typed
    stop_words: frozenset[str]
    spelling_form: Callable[[str], str]  # a word as the spelling field holds it
    written: Any = None  # analyzer of the written-forms field, when words are folded

    def field(self, name: str) -> str:
        return name + self.suffix if name in PER_LANGUAGE else name

    @property
    def written_field(self) -> str:
        return f"written{self.suffix}"


ENGLISH = LanguageFields(
    "en", "", english_analyzer(),  # type: ignore[no-untyped-call]
    RegexTokenizer(SPELL_PATTERN) | LowercaseFilter(), frozenset(STOP_WORDS), str.lower)
SPANISH = LanguageFields(
    "es", "_es", spanish_analyzer(),  # type: ignore[no-untyped-call]
    RegexTokenizer(SPELL_PATTERN) | LowercaseFilter() | UnaccentFilter(),
    SPANISH_STOP_WORDS, lambda word: unaccent(word.lower()),
    written=RegexTokenizer(SPELL_PATTERN) | LowercaseFilter() | WrittenForms())
FIELDS = {spec.code: spec for spec in (ENGLISH, SPANISH)}


def fields_for(language: str) -> LanguageFields:
    """The fields a page in `language` is indexed in (English for a language without
    analysis of its own)."""
    return FIELDS[analysed_as(language)]


def documents_per_field(reader: Any) -> dict[str, int]:
    """For each language's fields, how many documents of the index are in that language
    (deleted ones counted, as Whoosh counts them in its own document total)."""
    total = int(reader.doc_count_all())
    others = {code: int(reader.doc_frequency("language", code))
              for code in FIELDS if code != DEFAULT}
    counts: dict[str, int] = {}
    for spec in FIELDS.values():
        docs = others.get(spec.code, total - sum(others.values()))
        counts.update({spec.field(name): docs for name in PER_LANGUAGE})
    return counts


class LanguageBM25F(scoring.BM25F):  # type: ignore[misc]
    """Whoosh's BM25F, with each language's fields scored among the documents of that
    language only: the rarity of a word and the usual length of a title are those of its
    own language, so the pages of one language rank as they would in an index of their
    own. In an index of one language the scores are Whoosh's, exactly."""

    def __init__(self, documents: dict[str, int]) -> None:
        super().__init__()
        self.documents = documents

    def _documents(self, searcher: Any, fieldname: str) -> int:
        return self.documents.get(fieldname) or int(searcher.doc_count_all())

    def idf(self, searcher: Any, fieldname: str, text: str) -> float:
        parent = searcher.get_parent()
        n = parent.doc_frequency(fieldname, text)
        return log(self._documents(parent, fieldname) / (n + 1)) + 1

    def scorer(self, searcher: Any, fieldname: str, text: str, qf: int = 1) -> Any:
        if not searcher.schema[fieldname].scorable:
            return scoring.WeightScorer.for_(searcher, fieldname, text)
        return _LanguageScorer(searcher, fieldname, text, self.B, self.K1, qf,
                               self._documents(searcher.get_parent(), fieldname))


class _LanguageScorer(scoring.BM25FScorer):  # type: ignore[misc]
    def __init__(self, searcher: Any, fieldname: str, text: str, B: float, K1: float,
                 qf: int, documents: int) -> None:
        parent = searcher.get_parent()
        self.idf = parent.idf(fieldname, text)
        self.avgfl = parent.field_length(fieldname) / (documents or 1) or 1
        self.B = B
        self.K1 = K1
        self.qf = qf
        self.setup(searcher, fieldname, text)
