from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lantern.core.content import load_library
from lantern.core.search.suggest import _WORD, Suggester

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
    suggester = Suggester(Library(faqs=faqs)).prepare()
    assert len(suggester._words) == len(set(suggester._words)) < 310
    assert all(isinstance(word, str) for word in suggester._words)
    assert {s.id for s in suggester.suggest("dosing", limit=300)} == {f"q{n}" for n in range(300)}


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40)
       | st.text(max_size=20))
def test_a_question_is_folded_as_a_whole_name_is(question: str) -> None:
    """Questions are folded word by word, each distinct word once (half the suggester's
    build at 16 000 questions), and an ASCII question's key is its words joined: that key
    must be the one `fold` gives the whole question, or "what is a" stops finding it."""
    from pathlib import Path

    from lantern.core.model import Faq, Library
    from lantern.core.search.languages import fold_unaccented

    suggester = Suggester(Library(faqs=(Faq("q", question, ("t",), "A.", Path("q.md")),)))
    suggester.prepare()
    (entry,) = suggester._entries
    assert entry.folded == fold_unaccented(question)
    assert entry.words == tuple(fold_unaccented(w) for w in _WORD.findall(question))


def test_the_word_list_is_built_once_when_first_needed() -> None:
    """Made at once (the window's search is usable before the word list of 16 000
    questions is built); built by `prepare` or the first suggestion, once, whichever thread
    asks first."""
    import threading

    library = load_library(VALID_PACK)
    built: list[int] = []
    suggester = Suggester(library)
    real_build = suggester._build

    def counted(lib):  # type: ignore[no-untyped-def]
        built.append(1)
        real_build(lib)

    suggester._build = counted  # type: ignore[method-assign]
    assert suggester._words == [] and built == []
    threads = [threading.Thread(target=suggester.prepare) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert built == [1]
    assert [s.text for s in suggester.suggest("dm")][:1] == ["DMT"]
    assert [s.text for s in Suggester(library).suggest("dm")][:1] == ["DMT"]
    assert built == [1]
