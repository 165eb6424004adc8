"""Search in Spanish: the Spanish pack analysed as Spanish, alone and beside the English one.

The Spanish pack here is the small accented fixture (tests/fixtures/es-search-pack); the
bilingual library is the bundled English pack with it on top (tests/bilingual.py). Results
are compared by their keys without the language (`es/mdma` is `mdma` in Spanish).
"""

from __future__ import annotations

import pytest

from lantern.core.search import open_index
from lantern.core.search.engine import SearchIndex
from lantern.core.search.suggest import Suggester

from tests.bilingual import SPANISH_FIXTURE, bilingual_library
from tests.conftest import BUNDLED_PACK


@pytest.fixture(scope="module")
def spanish() -> SearchIndex:
    from lantern.core.content import load_library

    ix = open_index(load_library(SPANISH_FIXTURE))  # a library in Spanish only
    yield ix
    ix.close()


@pytest.fixture(scope="module")
def library():
    return bilingual_library(BUNDLED_PACK)


@pytest.fixture(scope="module")
def both(library) -> SearchIndex:
    ix = open_index(library)
    yield ix
    ix.close()


def _local(key: str) -> str:
    return key.rpartition("/")[2]


def _found(ix: SearchIndex, text: str, **kw) -> list[tuple[str, str, str]]:
    return [(r.language, str(r.kind), _local(r.id)) for r in ix.search(text, **kw).results]


# --- analysis ---------------------------------------------------------------------------


@pytest.mark.parametrize("ix_name", ["spanish", "both"])
def test_sesion_with_or_without_accent_or_in_capitals_finds_the_same_pages(request, ix_name):
    ix = request.getfixturevalue(ix_name)
    found = [_found(ix, q, language="es") for q in ("sesion", "sesión", "SESIONES", "Sesiones")]
    assert found[0] and all(f == found[0] for f in found)
    assert ("es", "faq", "como-se-siente-una-sesion") in found[0]
    assert {lang for lang, _, _ in found[0][:4]} == {"es"}


@pytest.mark.parametrize(("typed", "page"), [
    ("clinica", "clinicas-de-ketamina-y-ketamina-en-casa"),  # the pages write "clínica(s)"
    ("CLINICAS", "clinicas-de-ketamina-y-ketamina-en-casa"),
    ("nausea", "cuales-son-los-efectos-secundarios"),  # the page writes "náuseas"
    ("nauseas", "cuales-son-los-efectos-secundarios"),
    ("embarazada", "embarazo-y-lactancia"),
    ("efecto secundario", "cuales-son-los-efectos-secundarios"),
])
def test_words_without_accents_are_found_directly_not_by_correction(spanish, typed, page):
    response = spanish.search(typed)
    assert response.suggestion == "" and response.notice == ""
    assert page in [_local(r.id) for r in response.results[:3]]


def test_spanish_analysis_folds_accents_stems_and_drops_spanish_stop_words():
    from lantern.core.search.whoosh_lang import SPANISH

    def words(text: str) -> list[str]:
        return [t.text for t in SPANISH.analyzer(text, mode="query")]

    assert words("¿Cómo se siente una sesión?") == ["sient", "sesion"]
    assert words("integración") == words("integracion") == words("integraciones")
    assert words("psicología") == words("psicologia")
    assert words("ansiedad") == words("ansiedades")
    assert words("náusea") == words("náuseas") == words("NAUSEAS")
    assert words("país") == words("países") == words("pais")
    assert words("de la que los por para") == []
    assert words("Estados Unidos") == ["estad", "unid"]  # kept: the country, not "estar"


def test_english_analysis_is_whooshs_english_analysis_as_before():
    from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter, StopFilter

    from lantern.core.search.whoosh_lang import ENGLISH

    before = (RegexTokenizer(r"\w+(?:[-.]\w+)*") | LowercaseFilter() | StopFilter(minsize=1)
              | StemFilter(cachesize=50000))
    text = "What does a Psilocybin session feel like? Sessions, sessioned; the DMN's role"
    assert [t.text for t in ENGLISH.analyzer(text, mode="query")] == \
        [t.text for t in before(text, mode="query")]


# --- a bilingual library -----------------------------------------------------------------


def test_every_document_carries_its_language_and_a_group_naming_it(library):
    from lantern.core.search.documents import iter_documents

    docs = list(iter_documents(library))
    assert {d.language for d in docs} == {"en", "es"}
    # The groups are the keys of the content hashes, which updates compare item by item.
    assert {d.group for d in docs} == set(library.doc_hashes)
    assert "term:mdma" in library.doc_hashes and "term:es/mdma" in library.doc_hashes
    assert "page:es/help-now" in library.doc_hashes


@pytest.mark.parametrize("query", ["psilocybin", "is ketamine safe", "DMN", "MDMA",
                                   "side effects", "microdosing heart valves", "ketamin",
                                   "what does a session feel like"])
def test_english_ranks_as_in_an_english_only_index(both, query):
    """Each language's fields are scored among that language's documents: the Spanish
    pages beside them change no English score (with Whoosh's own BM25F, the idf and the
    mean field lengths would count the Spanish documents too)."""
    from lantern.core.content import load_library

    alone = open_index(load_library(BUNDLED_PACK))
    try:
        expected = [(r.id, r.anchor, round(r.score, 9)) for r in alone.search(query).results]
    finally:
        alone.close()
    got = [(r.id, r.anchor, round(r.score, 9)) for r in both.search(query, language="en").results
           if r.language == "en"]
    assert got[: len(expected)] == expected


@pytest.mark.parametrize("query", ["efectos secundarios de la ketamina", "sesion",
                                   "hongos magicos", "¿es segura la ketamina?", "embarazo",
                                   "qué es un mal viaje"])
def test_a_spanish_query_in_the_english_window_finds_spanish_pages_first(both, query):
    found = _found(both, query, language="en")
    assert found and found[0][0] == "es", found[:3]


@pytest.mark.parametrize("query", ["side effects of ketamine", "is ketamine safe",
                                   "magic mushrooms legal", "what is a bad trip"])
def test_an_english_query_in_the_spanish_window_finds_english_pages_first(both, query):
    found = _found(both, query, language="es")
    assert found and found[0][0] == "en", found[:3]


def test_a_query_both_languages_hold_follows_the_readers_language(both):
    assert _found(both, "MDMA", language="es")[0] == ("es", "term", "mdma")
    assert _found(both, "MDMA", language="en")[0] == ("en", "term", "mdma")
    assert _found(both, "DMN", language="es")[0] == ("es", "term", "red-neuronal-por-defecto")
    assert _found(both, "DMN", language="en")[0] == ("en", "term", "default-mode-network")
    # Without a reader's language, the library's first pack decides.
    assert _found(both, "MDMA")[0] == ("en", "term", "mdma")


def test_the_other_languages_pages_come_when_the_querys_language_has_none(both):
    # A name both glossaries hold, in the Spanish window: Spanish pages only.
    assert {lang for lang, _, _ in _found(both, "MDMA", language="es", limit=30)} == {"es"}
    # No Spanish page (home, help) names MDMA: rather than nothing, the English pages.
    response = both.search("MDMA", language="es", kinds=["page"])
    assert response.results and {r.language for r in response.results} == {"en"}
    assert response.counts == {"page": len(response.results)} and not response.useful


@pytest.mark.parametrize(("typed", "suggestion", "page"), [
    ("embarasada", "embarazadas", "embarazo-y-lactancia"),
    ("disosiacion", "disociación", "disociacion"),
])
def test_a_spanish_typo_the_english_pages_cannot_place_is_spelled_in_spanish(both, typed,
                                                                             suggestion, page):
    """In the English window a misspelt Spanish word tells no language; English finds
    nothing, even spelled again, so the query is searched in Spanish, spelling included."""
    response = both.search(typed, language="en")
    assert response.suggestion == suggestion
    assert (response.results[0].language, _local(response.results[0].id)) == ("es", page)


def test_concepts_are_matched_in_the_querys_language_without_accents(both):
    response = both.search("depresion resistente al tratamiento", language="es")
    assert response.concepts == ("es/depresion-resistente-al-tratamiento",)
    assert (response.results[0].language, response.results[0].id) == \
        ("es", "es/depresion-resistente-al-tratamiento")


def test_nothing_found_offers_terms_and_questions_in_the_querys_language(spanish):
    response = spanish.search("amigdalla cerebrall")
    assert not response.results or response.suggestion
    empty = spanish.search("xqzv wvvq")
    assert empty.results == ()
    assert all(r.language == "es" for r in empty.useful) and empty.useful


# --- spelling and suggestions -------------------------------------------------------------


@pytest.mark.parametrize(("typed", "suggestion"), [
    ("psilocibna", "psilocibina"),
    ("pscilocibina", "psilocibina"),
    ("embarasada", "embarazada"),
    ("clinca", "clínica"),  # corrected on unaccented words, shown as the pages write it
    ("disosiacion", "disociación"),
])
def test_did_you_mean_uses_the_spanish_vocabulary_written_with_its_accents(spanish, typed,
                                                                           suggestion):
    response = spanish.search(typed)
    # Whoosh's corrector prefers the commoner of the words near enough ("clínicas").
    assert response.suggestion.startswith(suggestion)
    assert response.results


def test_did_you_mean_in_a_bilingual_library_corrects_in_the_querys_language(both):
    assert both.search("psilocibna", language="es").suggestion == "psilocibina"
    assert both.search("psilocibin", language="en").results[0].language == "en"


def test_suggestions_fold_accents_and_put_the_readers_language_first(library):
    suggester = Suggester(library)
    texts = [s.text for s in suggester.suggest("clinica")]
    assert any("clínicas" in t for t in texts)
    assert [s.text for s in suggester.suggest("amigdala")][:1] == ["Amígdala"]
    spanish_first = suggester.suggest("ket", language="es")
    english_first = suggester.suggest("ket", language="en")
    assert spanish_first[0].language == "es" and english_first[0].language == "en"
    assert {s.language for s in suggester.suggest("psilocib")} == {"es"}  # only Spanish starts so


def test_the_library_cache_keeps_every_items_language(library, tmp_path):
    from lantern.core import library_cache

    data = library_cache._encode(library)
    back = library_cache._decode(data)
    for items, again in ((library.articles, back.articles), (library.faqs, back.faqs),
                         (library.terms, back.terms), (library.pages, back.pages)):
        assert [i.language for i in items] == [i.language for i in again]
    assert {t.language for t in back.terms} == {"en", "es"}


# --- a query of question words only -------------------------------------------------------


@pytest.mark.parametrize(("text", "language", "begins"), [
    ("what is", "en", "what is"), ("What are", "en", "what are"), ("qué es", "es", "¿qué es")])
def test_question_words_alone_find_the_questions_that_begin_so(both, text, language, begins):
    """"what is", typed on the way to a question: that language's questions that begin so,
    never another language's pages (its stop words are words there)."""
    results = both.search(text, language=language).results
    assert results
    assert all(r.language == language and str(r.kind) == "faq" for r in results)
    assert all(r.title.lower().startswith(begins) for r in results)


@pytest.mark.parametrize("text", ["the of", "what is the", "is it"])
def test_stop_words_alone_search_no_other_language(both, text):
    assert {r.language for r in both.search(text, language="en").results} <= {"en"}
