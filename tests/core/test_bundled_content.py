"""The bundled pack: complete, valid, every claim traceable, and findable."""

from __future__ import annotations

import re

import pytest

from lantern.core.content import KNOWN_PAGES, load_library
from lantern.core.model import Severity
from lantern.core.search import open_index
from lantern.core.search.engine import SearchIndex
from lantern.core.text import citation_keys, fold, plain_text

from tests.conftest import BUNDLED_PACK


@pytest.fixture(scope="module")
def library():
    return load_library(BUNDLED_PACK)


@pytest.fixture(scope="module")
def index(library, tmp_path_factory) -> SearchIndex:
    ix = open_index(library, tmp_path_factory.mktemp("cache"))
    yield ix
    ix.close()


def test_pack_has_no_errors(library):
    assert [p.format() for p in library.errors] == []


def test_every_reference_is_cited_and_findable(library):
    warnings = [p.format() for p in library.problems if p.severity is Severity.WARNING]
    assert [w for w in warnings if "never cited" in w] == []
    for ref in library.references:
        assert ref.title and ref.issued


def test_every_citation_resolves(library):
    bodies = [a.body for a in library.articles] + [f.body for f in library.faqs]
    bodies += [t.definition for t in library.terms] + [p.body for p in library.pages]
    keys = {key for body in bodies for key, _ in citation_keys(body)}
    assert keys and all(library.reference(k) for k in keys)


def test_sizes(library):
    assert len(library.articles) >= 7
    assert len(library.faqs) >= 30
    assert len(library.terms) >= 60
    for article in library.articles:
        words = len(re.findall(r"\w+", plain_text(article.body)))
        assert 800 <= words <= 2000, (article.slug, words)
        assert article.reviewed and article.evidence and article.summary
        assert citation_keys(article.body), article.slug


def test_pages_exist(library):
    for name in KNOWN_PAGES:
        assert library.page(name) is not None, name


def test_aliases_are_unique_across_terms(library):
    owners: dict[str, str] = {}
    for term in library.terms:
        for name in term.names:
            assert owners.setdefault(fold(name), term.id) == term.id, name


def test_acronym_variants_people_type_are_known(library):
    names = {fold(n): t.id for t in library.terms for n in t.names}
    for typed in ("DMN", "5-HT2A", "5HT2A", "PTSD", "posttraumatic stress disorder",
                  "micro-dosing", "micro dosing", "ecstasy", "Spravato", "NMDA", "SSRI"):
        assert fold(typed) in names, typed
    assert names[fold("DMN")] != names.get(fold("DMT"))


@pytest.mark.parametrize(("query", "kind", "key"), [
    ("DMN", "term", "default-mode-network"),
    ("5ht2a", "term", "5-ht2a-receptor"),
    ("micro dosing", "term", "microdosing"),
    ("ecstasy", "term", "mdma"),
    ("spravato", "term", "esketamine"),
])
def test_first_screen_starts_with_the_glossary_entry(index, query, kind, key):
    top = index.search(query).results[0]
    assert (top.kind, top.id) == (kind, key)


def test_first_screen_has_articles_and_questions(index):
    for query in ("DMN", "micro dosing", "ecstasy", "spravato", "bad trip"):
        kinds = {r.kind for r in index.search(query).results[:6]}
        assert {"faq", "article"} <= kinds, query


@pytest.mark.parametrize("query", ["suicide", "I want to die", "self harm",
                                   "overdose", "thinking about killing myself"])
def test_crisis_queries_put_help_now_first(index, query):
    top = index.search(query).results[0]
    assert (top.kind, top.id) == ("page", "help-now")


def test_ordinary_queries_do_not(index):
    top = index.search("ketamine").results[0]
    assert (top.kind, top.id) == ("term", "ketamine")
