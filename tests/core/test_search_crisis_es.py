"""Crisis phrasing in Spanish puts the Spanish help-now page first, as English does."""

from __future__ import annotations

import pytest

from lantern.core.search import open_index
from lantern.core.search.engine import SearchIndex
from lantern.core.search.safety import crisis_phrasing, is_crisis

from tests.bilingual import bilingual_library
from tests.conftest import BUNDLED_PACK

#: Each phrase, then ways readers type it: without accents, in capitals, with small changes.
CRISIS = {
    "me quiero morir": ["ME QUIERO MORIR", "me kiero morir", "Me quiero morir.",
                        "ya me quiero morir", "me quiero moriiir"],
    "quiero morirme": ["Quiero morirme", "QUIERO MORIRME", "kiero morirme"],
    "quiero suicidarme": ["quiero suicidarme ya", "pienso en suicidarme", "QUIERO SUICIDARME",
                          "ideas de suicidio"],
    "me corté": ["me corte", "ME CORTÉ", "me corté los brazos", "me estoy cortando",
                 "quiero cortarme"],
    "me quiero matar": ["me quiero matar.", "ME QUIERO MATAR", "me voy a matar",
                        "quiero matarme"],
    "tomé demasiadas pastillas": ["tome demasiadas pastillas", "TOMÉ DEMASIADAS PASTILLAS",
                                  "me tomé todas las pastillas", "me tome demasiadas pastillas",
                                  "tragué demasiadas pastillas", "creo que tomé demasiado"],
    "no quiero vivir": ["ya no quiero vivir", "NO QUIERO VIVIR", "no kiero vivir",
                        "no quiero seguir viviendo"],
}
PHRASES = [(phrase, typed) for phrase, variants in CRISIS.items()
           for typed in (phrase, *variants)]
OTHER_CRISIS = ["quiero quitarme la vida", "estaría mejor muerta", "necesito ayuda ya",
                "sobredosis de ketamina", "mi amigo no respira", "tiene convulsiones",
                "no aguanto más", "autolesiones"]

#: Ordinary Spanish questions, some with the crisis phrases' own words.
ORDINARY = [
    "¿Puedo manejar después de una sesión?", "efectos secundarios de la ketamina",
    "¿Cómo se siente una sesión?", "qué es un mal viaje", "la psilocibina y el cerebro",
    "me siento peor después de la sesión", "quiero participar en un ensayo clínico",
    "no quiero tomar antidepresivos", "¿Es segura la ketamina?", "embarazo y lactancia",
    "tomo muchas pastillas para la presión", "corte de pelo", "pastillas para dormir",
    "quiero saber más de la microdosis", "vivir con depresión", "¿cuánto duran los beneficios?",
    "¿se puede tomar con otros medicamentos?", "terapia con MDMA para el TEPT",
]


@pytest.fixture(scope="module")
def both() -> SearchIndex:
    ix = open_index(bilingual_library(BUNDLED_PACK))
    yield ix
    ix.close()


@pytest.mark.parametrize(("phrase", "typed"), PHRASES)
def test_spanish_crisis_phrasing_is_recognised(phrase, typed):
    assert crisis_phrasing(typed) == "es", f"{typed!r} (a way of typing {phrase!r})"
    assert is_crisis(typed)


@pytest.mark.parametrize("typed", [t for _, t in PHRASES] + OTHER_CRISIS)
@pytest.mark.parametrize("window", ["es", "en", None])
def test_spanish_crisis_phrasing_puts_the_spanish_help_page_first(both, typed, window):
    response = both.search(typed, language=window)
    first = response.results[0]
    assert (first.language, str(first.kind), first.id) == ("es", "page", "es/help-now"), typed
    assert first.title == "¿Necesita ayuda ahora?"
    assert response.suggestion == ""  # a crisis query is never "corrected"
    assert response.counts.get("page", 0) >= 1


@pytest.mark.parametrize("typed", ORDINARY)
def test_ordinary_spanish_queries_are_no_crisis(both, typed):
    assert not is_crisis(typed), typed
    first = both.search(typed, language="es").results[:1]
    assert not (first and first[0].id.endswith("help-now")), typed


@pytest.mark.parametrize("typed", ["I want to die", "suicide", "took too many pills"])
def test_english_crisis_phrasing_still_puts_the_english_help_page_first(both, typed):
    assert crisis_phrasing(typed) == ""
    first = both.search(typed, language="en").results[0]
    assert (first.language, first.id) == ("en", "help-now")


def test_crisis_words_both_languages_share_follow_the_readers_language(both):
    # "crisis" is an English and a Spanish word: the reader's help page comes first.
    assert both.search("crisis", language="es").results[0].language == "es"
    assert both.search("crisis", language="en").results[0].language == "en"
