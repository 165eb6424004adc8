"""Near spellings of glossary names for a search that finds nothing: the names are folded
once for the library, and only those of a length that can reach difflib's cutoff are
compared, with the very answers of comparing every name."""

from __future__ import annotations

import difflib
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lantern.core.model import Term
from lantern.core.search.fallback import SpelledNames
from lantern.core.text import fold


def _every_name(terms: list[Term], text: str, limit: int = 5) -> tuple[str, ...]:
    """The plain way: every name folded and compared with every word."""
    names: dict[str, str] = {}
    for term in terms:
        for name in term.names:
            names.setdefault(fold(name), term.id)
    candidates = {fold(w) for w in re.findall(r"\w+", text)} | {fold(text)}
    found: dict[str, None] = {}
    for candidate in sorted(candidates, key=len, reverse=True):
        if len(candidate) < 3:
            continue
        for match in difflib.get_close_matches(candidate, names, n=limit, cutoff=0.72):
            found.setdefault(names[match], None)
    return tuple(found)[:limit]


def _term(n: int, name: str, aliases: list[str]) -> Term:
    return Term(id=f"t{n}", term=name, definition="A definition.", aliases=tuple(aliases))


_NAME = st.text(alphabet="abcdeilmnoprst -", min_size=1, max_size=16)


@settings(max_examples=200, deadline=None)
@given(names=st.lists(st.tuples(_NAME, st.lists(_NAME, max_size=3)), min_size=1, max_size=12),
       text=st.text(alphabet="abcdeilmnoprst ", max_size=30))
def test_the_same_terms_as_comparing_every_name(names, text) -> None:
    terms = [_term(n, name, aliases) for n, (name, aliases) in enumerate(names)]
    assert SpelledNames(terms).near(text) == _every_name(terms, text)


def test_a_name_far_longer_or_shorter_than_the_word_is_never_compared(monkeypatch) -> None:
    terms = [_term(0, "default mode network", ["DMN"]), _term(1, "psilocybin", []),
             _term(2, "psilocibyn mushroom experience", [])]
    compared: list[list[str]] = []
    close = difflib.get_close_matches
    monkeypatch.setattr(difflib, "get_close_matches",
                        lambda word, names, **kw: compared.append(list(names))
                        or close(word, names, **kw))
    assert SpelledNames(terms).near("psilocibin") == ("t1",)
    assert compared == [["psilocybin"]]  # not "dmn", nor the names twice its length
