"""Ordering of the hits a search returns, beyond the engine's scores."""

from __future__ import annotations

from collections.abc import Sequence

from lantern.core.search.whoosh_adapter import Hit

#: Fewer words than this say too little to be a whole question ("what causes").
WHOLE_QUESTION_WORDS = 3
#: Stands for the item's topic, however it is named, in `_renamed`.
_TOPIC = "\x00"


def whole_question_first(hits: Sequence[Hit], said: tuple[str, ...]) -> list[Hit]:
    """`hits` with those whose title says every word of the query, in its order, first
    (the rest in their order): the question as that title asks it, which another question
    on the same topic does not; or the title asks what the query asks, word for word, of
    the topic under another of the names its item declares (`_asks_it_renamed`). Looked at
    in the hits returned only: looking for the whole question as a phrase in every
    document found made long questions a third slower. The titles' and names' index words
    are the index's (`Hit.title_words`, `Hit.names`), analysed once, when indexed."""
    size = len(said)
    if size < 2:
        return list(hits)

    def says_it(hit: Hit) -> bool:
        words = hit.title_words
        if size >= WHOLE_QUESTION_WORDS and any(
                words[i:i + size] == said for i in range(len(words) - size + 1)):
            return True
        return _asks_it_renamed(hit.names, words, said)

    return sorted(hits, key=lambda hit: not says_it(hit))


def _asks_it_renamed(names: Sequence[tuple[str, ...]], title: tuple[str, ...],
                     said: tuple[str, ...]) -> bool:
    """Whether the query is the hit's title with its topic named by another of the names
    the item declares ("what causes HEMPAS anemia" for "What causes congenital
    dyserythropoietic anemia type II?" declaring "HEMPAS anemia"): the same words around
    the topic, word for word, and at least one of them."""
    if not names:
        return False
    asked = {shape for shape in _renamed(said, names) if len(shape) > 1}
    return bool(asked) and not asked.isdisjoint(_renamed(title, names))


def _renamed(words: tuple[str, ...], names: Sequence[tuple[str, ...]]
             ) -> set[tuple[str, ...]]:
    """`words` with one of `names` written in them put as _TOPIC, each way it can be."""
    shapes = set()
    for name in names:
        size = len(name)
        for i in range(len(words) - size + 1):
            if words[i:i + size] == name:
                shapes.add((*words[:i], _TOPIC, *words[i + size:]))
    return shapes
