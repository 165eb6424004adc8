"""Near spellings on an index of one segment (a query's near spellings, did-you-mean
before any update): each word sharing the prefix is measured by Levenshtein's distance
after two cheap bounds instead of building Whoosh's automaton; the same words it accepts."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from whoosh.automata import lev

from lantern.core.search.whoosh_near import NearSpellings, within_edits

_WORD = st.text(alphabet="abcdemnrst", min_size=0, max_size=10)


@settings(max_examples=400, deadline=None)
@given(words=st.lists(_WORD, max_size=30), text=_WORD, maxdist=st.integers(0, 2),
       prefix=st.integers(0, 2))
@example(words=["abc", "acb", "ab", "abcd", "xbc"], text="abc", maxdist=1, prefix=1)
def test_the_words_the_automaton_accepts(words, text, maxdist, prefix) -> None:
    prefix = min(prefix, len(text))  # Whoosh's automaton needs the prefix in the word
    start = text[:prefix]
    among = sorted({w for w in words if w.startswith(start)})  # as the reader lists them
    dfa = lev.levenshtein_automaton(text, maxdist, prefix).to_dfa()
    assert within_edits(among, text, maxdist) == tuple(w for w in among if dfa.accept(w))


class _Reader:
    """A reader of one segment whose words are `words`."""

    def __init__(self, words: list[str]) -> None:
        self.words = sorted(words)
        field = type("Field", (), {"spelling_fieldname": lambda self, name: name,
                                   "from_bytes": lambda self, b: b.decode()})()
        self.schema = {"body": field}

    def is_atomic(self) -> bool:
        return True

    def expand_prefix(self, fieldname: str, start: str) -> list[bytes]:
        return [w.encode() for w in self.words if w.startswith(start)]


def test_no_automaton_is_built_and_the_words_are_its(monkeypatch) -> None:
    built: list[str] = []
    real = lev.levenshtein_automaton
    monkeypatch.setattr(lev, "levenshtein_automaton",
                        lambda text, *args: built.append(text) or real(text, *args))
    words = [f"k{n:05d}" for n in range(3000)] + ["ketamine", "ketamin", "kettle", "keratin"]
    near = NearSpellings(_Reader(words))
    assert near("body", "ketamin", 1, 1) == ("ketamin", "ketamine")
    assert near.by_edits("body", "ketamni", 1, 1) == ()  # a swap is two edits here
    assert near.by_edits("body", "ketamni", 2, 1) == ("ketamin", "ketamine")
    assert built == []
