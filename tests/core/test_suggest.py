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


def test_each_word_is_kept_once_with_the_entries_holding_it() -> None:
    """Sorting one (word, entry) pair per word of every question held the interpreter lock,
    and so the window, for seconds at 16 000 questions: the distinct words are sorted."""
    from pathlib import Path

    from lantern.core.model import Faq, Library
    from lantern.core.search.suggest import Suggester

    faqs = tuple(Faq(f"q{n}", f"How is dosing done {n}?", ("t",), "A.", Path("q.md"))
                 for n in range(300))
    suggester = Suggester(Library(faqs=faqs))
    assert len(suggester._words) == len(set(suggester._words)) < 310
    assert all(isinstance(word, str) for word in suggester._words)
    assert {s.id for s in suggester.suggest("dosing", limit=300)} == {f"q{n}" for n in range(300)}
