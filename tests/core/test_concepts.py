from __future__ import annotations

from lantern.core.model import Term
from lantern.core.search.concepts import ConceptMatcher


def _matcher() -> ConceptMatcher:
    terms = [
        Term(id="5-ht2a-receptor", term="5-HT2A receptor", definition="",
             aliases=("5-HT2A", "serotonin 2A receptor")),
        Term(id="default-mode-network", term="Default mode network", definition="",
             aliases=("DMN",)),
        Term(id="network", term="Network", definition=""),
    ]
    return ConceptMatcher(terms)


def test_names_are_found_however_they_are_written():
    text = "The 5 HT2A site, the 5-ht2a receptor and the default-mode network (DMN)."
    found = [(s.concept, s.text) for s in _matcher().spans(text)]
    assert found == [
        ("5-ht2a-receptor", "5 HT2A"), ("5-ht2a-receptor", "5-ht2a receptor"),
        ("default-mode-network", "default-mode network"), ("default-mode-network", "DMN"),
    ]


def test_the_longest_name_wins_and_words_are_whole():
    found = [(s.concept, s.text) for s in _matcher().spans("a network; default mode networks")]
    assert found == [("network", "network")]


def test_no_glossary_finds_nothing():
    assert ConceptMatcher([]).spans("DMN network") == []
