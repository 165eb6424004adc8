"""What the language of a query or a page changes in search, engine-neutral.

A pack's `language` decides how its pages are analysed (the engine's adapter holds the
analyzers: `whoosh_lang.py`); here is what the search policy needs of a language: the
question words it drops, how names are compared (Spanish readers often type without
accents: `depresion` for `depresión`), and which letters tell that a query is written in it.
Languages without a profile of their own are searched as English, as every pack was before.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from lantern.core.text import fold

DEFAULT = "en"


def unaccent(text: str) -> str:
    """`text` without its accents and other marks on letters: `sesión` → `sesion`,
    `año` → `ano`. ASCII text (almost all English) is returned as it is, at once."""
    if text.isascii():
        return text
    parts = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in parts if not unicodedata.combining(ch)))


def fold_unaccented(text: str) -> str:
    """`fold` that also ignores accents: `Depresión`, `depresion` and `DEPRESIÓN` meet."""
    return fold(unaccent(text))


def _lower(word: str) -> str:
    return word.lower()


def _lower_unaccented(word: str) -> str:
    return unaccent(word.lower())


#: Words of an English question that carry no topic, dropped when the query has other words.
ENGLISH_QUESTION_WORDS = frozenset({
    "what", "whats", "how", "does", "do", "did", "done", "my", "i", "im", "me", "which", "who",
    "whom", "why", "there", "about", "should", "could", "would", "much", "many", "get", "know",
    "tell", "information", "info", "please", "any", "some", "has", "had", "was", "were",
    "been", "its", "their", "they", "them", "our", "yours", "mine",
})
#: The same for Spanish, written without accents (words are compared unaccented).
SPANISH_QUESTION_WORDS = frozenset({
    "que", "como", "cual", "cuales", "cuando", "donde", "quien", "quienes", "porque", "por",
    "cuanto", "cuanta", "cuantos", "cuantas", "puedo", "puede", "pueden", "podria", "debo",
    "deberia", "hay", "mi", "mis", "me", "yo", "informacion", "info", "saber", "decir",
    "dime", "favor", "algun", "alguna", "algo", "tengo", "usted", "ustedes", "hacer",
    "quiero", "quisiera", "necesito", "busco",
})


@dataclass(frozen=True, slots=True)
class Profile:
    """A language as the search policy sees it."""

    code: str
    question_words: frozenset[str]  # as `word` leaves them
    word: Callable[[str], str]  # a query word as question words are compared
    names: Callable[[str], str]  # a glossary name or title, as names are compared
    marks: frozenset[str] = frozenset()  # characters only this language writes

    def is_question_word(self, word: str) -> bool:
        return self.word(word) in self.question_words


ENGLISH = Profile("en", ENGLISH_QUESTION_WORDS, _lower, fold)
SPANISH = Profile("es", SPANISH_QUESTION_WORDS, _lower_unaccented, fold_unaccented,
                  frozenset("ñáéíóúü¿¡"))
PROFILES = {p.code: p for p in (ENGLISH, SPANISH)}


def analysed_as(language: str) -> str:
    """The language whose analysis a pack in `language` gets: its own, or English."""
    return language if language in PROFILES else DEFAULT


def profile(language: str) -> Profile:
    return PROFILES[analysed_as(language)]
