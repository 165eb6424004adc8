"""Ordering of the hits a search returns, beyond the engine's scores."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lantern.core.search.whoosh_adapter import Hit

#: Fewer words than this say too little to be a whole question ("what causes").
WHOLE_QUESTION_WORDS = 3


def whole_question_first(
    hits: Sequence[Hit], said: tuple[str, ...], analyze: Callable[[str], list[str]],
) -> list[Hit]:
    """`hits` with those whose title says every word of the query, in its order, first
    (the rest in their order): the question as that title asks it, which another question
    on the same topic does not. Looked at in the hits returned only: looking for the
    whole question as a phrase in every document found made long questions a third
    slower."""
    if len(said) < WHOLE_QUESTION_WORDS:
        return list(hits)
    size = len(said)

    def says_it(hit: Hit) -> bool:
        words = analyze(hit.title)
        return any(tuple(words[i:i + size]) == said for i in range(len(words) - size + 1))

    return sorted(hits, key=lambda hit: not says_it(hit))
