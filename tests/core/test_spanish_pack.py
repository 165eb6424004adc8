"""The bundled Spanish pack (content/es) is complete, cites what the English pack cites, and
reads easily.

Every article, question, glossary term and page of the English pack has its Spanish version;
each Spanish page cites the same references as the page it translates; every Spanish answer
and page reads "bastante fácil" or easier on the Fernández-Huerta scale (textstat's Spanish
formula, >= 70) and INFLESZ (Szigriszt-Pazos, >= 55), measured on what a reader sees, as
the English grade is (tests/core/test_bundled_readability.py).
"""

from __future__ import annotations

import re

import pytest
import textstat

from lantern.core.address import Kind, address
from lantern.core.content import load_library

from tests.conftest import BUNDLED_PACK
from tests.core.test_bundled_readability import reader_text, sentences

SPANISH_PACK = BUNDLED_PACK / "es"
FERNANDEZ_HUERTA_FLOOR = 70.0  # "bastante fácil" starts at 70
INFLESZ_FLOOR = 55.0  # "normal" starts at 55; below is "algo difícil"
SENTENCE_WORDS_LIMIT = 30
_CITED = re.compile(r"@([A-Za-z0-9_:.#$%&+?<>~/-]+)")


@pytest.fixture(scope="module")
def library():
    return load_library([BUNDLED_PACK, SPANISH_PACK])


@pytest.fixture(scope="module")
def spanish(library):
    return library.in_language("es")


@pytest.fixture(scope="module", autouse=True)
def _spanish_readability():
    textstat.set_lang("es")
    yield
    textstat.set_lang("en_US")


def _english_items(library):
    english = library.in_language("en")
    for article in english.articles:
        yield address(Kind.ARTICLE, article.slug), article.body
    for faq in english.faqs:
        yield address(Kind.FAQ, faq.slug), faq.body
    for term in english.terms:
        yield address(Kind.TERM, term.id), term.definition
    for page in english.pages:
        yield address(Kind.PAGE, page.name), page.body


def test_the_spanish_pack_checks_clean(library):
    assert [p.format() for p in library.problems] == []


def test_every_english_page_answer_and_term_has_its_spanish_version(library):
    missing = [where for where, _ in _english_items(library)
               if library.translation(where, "es") is None]
    assert missing == []


def test_each_spanish_version_cites_what_the_english_one_cites(library):
    differ = {}
    for where, body in _english_items(library):
        translated = library.translation(where, "es")
        item = library.find(_parse(translated)) if translated else None
        if item is None:
            continue
        theirs = set(_CITED.findall(_text_of(item)))
        ours = set(_CITED.findall(body))
        if ours != theirs:
            differ[where] = (sorted(ours - theirs), sorted(theirs - ours))
    assert differ == {}


def _parse(where):
    from lantern.core.address import Address

    return Address.parse(where)


def _text_of(item) -> str:
    return getattr(item, "body", None) or getattr(item, "definition", "")


def _answers_and_pages(spanish):
    for faq in spanish.faqs:
        yield f"faq {faq.slug}", faq.body
    for page in spanish.pages:
        yield f"page {page.name}", page.body


def test_spanish_answers_and_pages_read_fairly_easily(spanish):
    scores = {name: (textstat.fernandez_huerta(reader_text(body)),
                     textstat.szigriszt_pazos(reader_text(body)))
              for name, body in _answers_and_pages(spanish)}
    assert scores, "no Spanish answers or pages were read"
    hard = {name: score for name, score in scores.items()
            if score[0] < FERNANDEZ_HUERTA_FLOOR or score[1] < INFLESZ_FLOOR}
    assert hard == {}


def test_spanish_articles_read_fairly_easily(spanish):
    scores = {article.slug: textstat.fernandez_huerta(reader_text(article.body))
              for article in spanish.articles}
    assert scores
    assert {slug: s for slug, s in scores.items() if s < FERNANDEZ_HUERTA_FLOOR} == {}


def test_no_spanish_sentence_is_longer_than_30_words(spanish):
    texts = list(_answers_and_pages(spanish)) + [
        (f"article {a.slug}", a.body) for a in spanish.articles]
    long = [(name, s) for name, body in texts
            for s in sentences(reader_text(body)) if len(s.split()) > SENTENCE_WORDS_LIMIT]
    assert long == []


def test_the_scale_tells_easy_spanish_from_hard():
    easy = "La casa es grande. El perro come pan. Hoy hace sol."
    hard = ("La neuroplasticidad farmacológicamente inducida constituye una hipótesis "
            "insuficientemente fundamentada por investigaciones longitudinales contemporáneas.")
    assert textstat.fernandez_huerta(easy) > FERNANDEZ_HUERTA_FLOOR
    assert textstat.fernandez_huerta(hard) < FERNANDEZ_HUERTA_FLOOR
