"""Where glossary terms appear, and how a glossary entry and related reading are shown."""

from __future__ import annotations

import dataclasses

from lantern.core.compose import APPEARS_IN_SHOWN, Composer
from lantern.core.content import load_library
from lantern.core.model import Faq
from lantern.core.usage import term_appearances

from tests.conftest import VALID_PACK


def test_terms_are_found_by_any_name_articles_first():
    found = term_appearances(load_library(VALID_PACK))
    assert found["default-mode-network"] == ("lantern:article/brain-networks",
                                             "lantern:faq/what-is-dmn")
    assert "lantern:article/brain-networks" in found["psilocybin"]
    assert "dmt" not in found  # DMN is not DMT, and nothing names DMT


def test_acronyms_count_only_in_capitals_and_spacing_does_not_matter(tmp_path):
    library = load_library(VALID_PACK)
    faq = Faq("odd", "Odd words", (), "We saw dmn and dmt in lower case, and a 5 HT2A site.",
              tmp_path / "odd.md")
    library = dataclasses.replace(library, articles=(), faqs=(faq,))
    found = term_appearances(library)
    assert "default-mode-network" not in found and "dmt" not in found
    assert found["5-ht2a-receptor"] == ("lantern:faq/odd",)


def test_a_pack_without_glossary_has_no_appearances():
    library = dataclasses.replace(load_library(VALID_PACK), terms=())
    assert term_appearances(library) == {}


def test_glossary_entry_lists_where_the_term_appears():
    composer = Composer(load_library(VALID_PACK))
    html = composer.compose("lantern:term/default-mode-network").html
    assert "Appears in" in html
    assert '<a href="lantern:article/brain-networks">Brain networks and psilocybin</a>' in html
    assert '<a href="lantern:faq/what-is-dmn">What is the default mode network?</a>' in html
    assert "Appears in" not in composer.compose("lantern:term/dmt").html


def test_a_long_appears_in_list_is_cut_with_a_pointer_to_search():
    library = load_library(VALID_PACK)
    addresses = tuple(f"lantern:faq/{f.slug}" for f in library.faqs) * 10
    composer = Composer(library, {"psilocybin": addresses})
    html = composer.compose("lantern:term/psilocybin").html
    assert html.count('<li><a href="lantern:faq/') == APPEARS_IN_SHOWN
    assert f"and {len(addresses) - APPEARS_IN_SHOWN} more" in html


def test_related_reading_is_shown_as_cards_with_a_line_each():
    composer = Composer(load_library(VALID_PACK))
    html = composer.compose("lantern:article/brain-networks").html
    related = html[html.index("Read next"):]
    assert 'class="card"' in related and "Question" in related
    assert '<a href="lantern:faq/is-it-safe"><b>Is psilocybin therapy safe?</b></a>' in related
    faq = composer.compose("lantern:faq/is-it-safe").html
    assert "Safety basics" in faq[faq.index("Read next"):]


def test_a_title_ending_in_a_question_mark_gets_no_extra_full_stop():
    from lantern.core.compose import reference_html
    from lantern.core.model import Reference

    ref = Reference("q2019", "article-journal",
                    "Microdosing psychedelics: more questions than answers?", 2019)
    assert "answers?." not in reference_html(ref) and "answers? " in reference_html(ref)
    assert "answers?." not in ref.citation()
    plain = dataclasses.replace(ref, title="A plain title.")
    assert "A plain title. " in reference_html(plain) and "title.." not in plain.citation()
