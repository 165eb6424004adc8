"""Near spellings on an index of several segments (did-you-mean after an update): the
words within a few edits by Whoosh's Damerau-Levenshtein distance, with two cheap bounds
first; the same words as measuring every one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.support import levenshtein

from lantern.core.search.whoosh_near import within_swaps

_WORD = st.text(alphabet="abcdemnrst", min_size=0, max_size=10)


def _measured(words: list[str], text: str, maxdist: int) -> tuple[str, ...]:
    """Every word of a near length measured, as Whoosh measures a multi-segment reader's."""
    return tuple(w for w in words if abs(len(w) - len(text)) <= maxdist
                 and levenshtein.distance(w, text, limit=maxdist) <= maxdist)


@settings(max_examples=400, deadline=None)
@given(words=st.lists(_WORD, max_size=30), text=_WORD, maxdist=st.integers(0, 3))
def test_the_same_words_as_measuring_every_one(words, text, maxdist) -> None:
    assert within_swaps(words, text, maxdist) == _measured(words, text, maxdist)


def test_swaps_and_edits_are_found_and_the_distance_measures_only_what_the_bounds_leave(
        monkeypatch) -> None:
    measured: list[str] = []
    real = levenshtein.distance
    monkeypatch.setattr(levenshtein, "distance",
                        lambda a, b, limit=None: measured.append(a) or real(a, b, limit))
    words = ["microdosing", "microdsoing", "microdsoinq", "macrodosing", "microscope",
             "migraine", "microbiome", "mitochondria"]
    found = within_swaps(words, "microdsoing", 1)
    assert found == ("microdosing", "microdsoing", "microdsoinq")  # a swap is one edit
    assert "microscope" not in measured and "microbiome" not in measured
    assert "mitochondria" not in measured and "migraine" not in measured
