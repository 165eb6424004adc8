"""Corrections a medical review asked of the bundled pack, held so they do not come back."""

from __future__ import annotations

import re

import pytest

from lantern.core.content import load_library
from lantern.core.text import citation_keys, plain_text

from tests.conftest import BUNDLED_PACK, bodies


@pytest.fixture(scope="module")
def library():
    return load_library(BUNDLED_PACK)


def _texts(library):
    return bodies(library)


def _paragraphs(body: str):
    """Paragraphs and list items."""
    return [p for p in re.split(r"\n\s*\n|\n(?=- )", body) if p.strip()]


def test_no_page_says_australia_is_the_only_route(library):
    wrong = re.compile(r"(one|only) country (with|that)", re.IGNORECASE)
    assert [name for name, body in _texts(library) if wrong.search(body)] == []
    for slug in ("is-mdma-therapy-approved",):
        assert "Special Access Program" in library.faq(slug).body
    assert "5 January 2022" in library.article("where-things-stand-2026").body


def test_retraction_reasons_cite_the_journals_notices(library):
    notices = {r.id for r in library.references if r.id.startswith("psychopharmacology2024")}
    assert len(notices) == 3
    for name, body in _texts(library):
        for para in _paragraphs(body):
            if re.search(r"unethical|competing interests", para, re.IGNORECASE):
                keys = {k for k, _ in citation_keys(para)}
                assert keys & notices, (name, para[:80])


def test_retraction_pages_name_all_three_papers(library):
    for body in (library.article("mdma-assisted-therapy-for-ptsd").body,
                 library.faq("why-were-mdma-studies-retracted").body):
        keys = {k for k, _ in citation_keys(body)}
        assert {"jerome2020", "mithoefer2019", "feduccia2021"} <= keys


def test_no_microdose_fraction_is_given(library):
    fraction = re.compile(r"\b(a|one)[ -](tenth|twentieth)\b|1/(10|20)\b", re.IGNORECASE)
    for name, body in _texts(library):
        for para in _paragraphs(body):
            if "microdos" in para.lower():
                assert not fraction.search(para), (name, para[:80])


def test_neuroplasticity_is_not_defined_as_rewiring(library):
    definition = library.term("neuroplasticity").definition
    assert "rewire itself" not in definition


def test_company_results_are_labelled_as_company_statements(library):
    company = {"compass2025", "compass2026comp006", "mindbio2026"}
    for name, body in _texts(library):
        for para in _paragraphs(body):
            result = re.search(r"\d\s*(points?|%)|did not beat|worse", plain_text(para))
            if {k for k, _ in citation_keys(para)} & company and result:
                assert re.search(r"compan|sponsor|peer review", para, re.IGNORECASE), (
                    name, para[:80])


def test_ketamine_answers_cover_the_bladder_and_dependence(library):
    for slug in ("is-ketamine-safe", "what-are-the-side-effects", "are-these-drugs-addictive"):
        body = library.faq(slug).body.lower()
        assert "bladder" in body and "depend" in body, slug


def test_ketamine_at_home_is_covered(library):
    assert "fda2023ketamine" in {k for k, _ in citation_keys(
        library.article("ketamine-and-esketamine").body)}
    assert library.faq("ketamine-clinics-and-ketamine-at-home") is not None


def test_ayahuasca_and_ibogaine_come_with_their_risks(library):
    safety = library.article("safety-and-who-should-not").body
    keys = {k for k, _ in citation_keys(safety)}
    assert {"callaway1998", "koenig2015", "alper2012"} <= keys
    for name, body in _texts(library):
        if "Right to Try" in body and "ibogaine" in body.lower():
            assert {"koenig2015", "alper2012"} & {k for k, _ in citation_keys(body)}, name


def test_established_treatments_are_named(library):
    mdma = library.article("mdma-assisted-therapy-for-ptsd").body
    assert "trauma-focused" in mdma and "sertraline" in mdma
    ketamine = library.article("ketamine-and-esketamine").body
    assert "TMS" in ketamine and "ECT" in ketamine


def test_help_now_reaches_readers_everywhere(library):
    body = library.page("help-now").body
    for needed in ("New Zealand", "1737", "111", "findahelpline.com", "befrienders.org",
                   "1-800-222-1222", "13 11 26", "0800 764 766", "front desk"):
        assert needed in body, needed
    assert re.search(r"checked on 1 December 2026", body)


def test_legal_statements_carry_a_date(library):
    dated = re.compile(r"as of|since|from \d|\b(19|20)\d\d\b", re.IGNORECASE)
    legal = re.compile(r"\b(illegal|legal|schedule (i|iii)|controlled drug)\b", re.IGNORECASE)
    for slug in ("are-these-drugs-addictive", "is-ketamine-safe", "is-long-term-microdosing-safe"):
        for para in _paragraphs(library.faq(slug).body):
            if legal.search(para):
                assert dated.search(para), (slug, para[:80])
    home = library.page("home").body
    assert "today" not in home.lower()


def test_new_questions_are_linked_from_an_article(library):
    linked = set()
    for article in library.articles:
        linked |= set(re.findall(r"\(faq:([a-z0-9-]+)\)", article.body))
        linked |= set(article.related)
    for slug in ("can-i-take-these-with-my-other-medicines", "pregnancy-and-breastfeeding",
                 "what-if-distress-or-visual-changes-last",
                 "ketamine-clinics-and-ketamine-at-home",
                 "legal-status-outside-the-us-and-australia", "what-is-right-to-try",
                 "lsd-dmt-ayahuasca-and-ibogaine", "how-do-i-talk-to-my-prescriber",
                 "who-does-the-evidence-cover", "what-does-a-session-feel-like",
                 "what-is-integration", "esketamine-treatment-schedule-outside-the-us",
                 "what-does-treatment-cost"):
        assert slug in linked, slug
        assert citation_keys(library.faq(slug).body), slug
