from __future__ import annotations

from lantern.core.content import load_library
from lantern.core.search.suggest import Suggester

from tests.conftest import VALID_PACK


def test_suggestions_start_like_the_typed_words():
    suggester = Suggester(load_library(VALID_PACK))
    texts = [s.text for s in suggester.suggest("dm")]
    assert texts[:2] == ["DMT", "DMN (Default mode network)"]
    assert [s.id for s in suggester.suggest("default mo")][:1] == ["default-mode-network"]
    assert [s.kind for s in suggester.suggest("is psil")] == ["faq"]
    assert [s.id for s in suggester.suggest("5-ht")] == ["5-ht2a-receptor"]


def test_no_suggestions_for_empty_or_unknown_text():
    suggester = Suggester(load_library(VALID_PACK))
    assert suggester.suggest("   ") == ()
    assert suggester.suggest("zzzz") == ()
    assert len(suggester.suggest("s", limit=3)) <= 3
