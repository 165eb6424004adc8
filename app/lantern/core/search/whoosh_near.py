"""The indexed words a few edits from a word, as Whoosh's `terms_within` finds them, for
near spellings and did-you-mean. Part of the engine's adapter, like `whoosh_adapter.py`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["NearSpellings", "within_edits", "within_swaps"]


class NearSpellings:
    """A reader's `terms_within` (the indexed words a few edits from a word), each answer
    kept for the rest of one search (`forget` starts the next). An unknown word is looked
    up so several times in one search (its near spellings searched among all the words of
    a question, again among any of them, then for did-you-mean); the repeated walks of the
    word list were a seventh of the time of 207 LiveQA searches at 16 423 records.

    The words that share the asked prefix are read once into a list, and each is then
    measured after two cheap bounds (`within_edits`; on an index of several segments with
    a swap as one edit, `within_swaps`, as Whoosh measures those). Whoosh's own walk on an
    index of one segment builds a Levenshtein automaton for each word, 1-2 ms in Python,
    and jumps with it from word to word: the bounds and the distance are the same words
    and faster at every size measured (207 questions, p95 17.5 -> 12.8 ms at 1 000
    records, 31.0 -> 27.8 ms at 16 423)."""

    LIMIT = 256  # answers kept in one search at most
    LISTS = 64  # lists of words sharing a prefix kept at most

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._kept: dict[tuple[str, str, int, int, bool], tuple[str, ...]] = {}
        self._lists: dict[tuple[str, str], list[str]] = {}

    def __call__(self, fieldname: str, text: str, maxdist: int,
                 prefix: int = 0) -> tuple[str, ...]:
        """The words as the reader's own `terms_within` finds them (did-you-mean)."""
        return self._found(fieldname, text, maxdist, prefix, not self._reader.is_atomic())

    def by_edits(self, fieldname: str, text: str, maxdist: int,
                 prefix: int = 0) -> tuple[str, ...]:
        """The words as a near spelling in a query finds them, whatever the segments:
        as Whoosh's automaton, which runs in each segment, would (a swap is two edits)."""
        return self._found(fieldname, text, maxdist, prefix, False)

    def _found(self, fieldname: str, text: str, maxdist: int, prefix: int,
               swaps: bool) -> tuple[str, ...]:
        key = (fieldname, text, maxdist, prefix, swaps)
        found = self._kept.get(key)
        if found is None:
            found = self._walk(fieldname, text, maxdist, prefix, swaps)
            if len(self._kept) >= self.LIMIT:
                self._kept.clear()
            self._kept[key] = found
        return found

    def _walk(self, fieldname: str, text: str, maxdist: int, prefix: int,
              swaps: bool) -> tuple[str, ...]:
        words = self._words(fieldname, text[:prefix])
        if swaps:
            # Whoosh asks an index of several segments this way: each word of the prefix
            # measured with its Damerau-Levenshtein distance (a swap of two letters is one
            # edit, where the automaton counts two).
            return within_swaps(words, text, maxdist)
        return within_edits(words, text, maxdist)

    def _words(self, fieldname: str, start: str) -> list[str]:
        """The indexed words of `fieldname` beginning with `start`, in order."""
        key = (fieldname, start)
        words = self._lists.get(key)
        if words is None:
            if len(self._lists) >= self.LISTS:
                self._lists.clear()
            field = self._reader.schema[fieldname]
            spelled = field.spelling_fieldname(fieldname)
            # An index of several segments gives each segment's words in turn: sorted and
            # each once here, for the binary search.
            words = self._lists[key] = sorted({
                field.from_bytes(b) if isinstance(b, bytes) else b
                for b in self._reader.expand_prefix(spelled, start)})
        return words

    def forget(self) -> None:
        self._kept.clear()


def within_swaps(words: Sequence[str], text: str, maxdist: int) -> tuple[str, ...]:
    """The `words` within `maxdist` edits of `text` by Whoosh's Damerau-Levenshtein
    distance (a swap of two letters is one edit), in their order, as Whoosh measures them
    on an index of several segments. At 16 423 records the bounds of `_within` leave one
    word in a hundred of those of a near length to measure (a sixth of the time of a
    search on an index of three segments was that measuring)."""
    from whoosh.support.levenshtein import distance

    return _within(words, text, maxdist, distance)


def within_edits(words: Sequence[str], text: str, maxdist: int) -> tuple[str, ...]:
    """The `words` within `maxdist` edits of `text` by Levenshtein's distance (a swap is
    two edits), in their order: what Whoosh's automaton finds among them."""
    from whoosh.support.levenshtein import levenshtein

    return _within(words, text, maxdist, levenshtein)


def _within(words: Sequence[str], text: str, maxdist: int,
            distance: Callable[..., int]) -> tuple[str, ...]:
    """The `words` `distance` puts within `maxdist` of `text`. Two bounds no nearer word
    can break come first, each far cheaper than the distance in Python: the letters of a
    word that `text` lacks altogether, and the letters one of the two has more of than the
    other (each edit adds or takes away at most one letter, and a swap neither)."""
    size = len(text)  # no word further in length than the distance can be near
    lacking = dict.fromkeys(map(ord, set(text)))  # str.translate drops text's letters
    near = [w for w in words
            if abs(len(w) - size) <= maxdist and len(w.translate(lacking)) <= maxdist]
    if not near:
        return ()
    letters = Counter(text)
    found = []
    for word in near:
        count = Counter(word)
        count.subtract(letters)
        more = fewer = 0
        for n in count.values():
            if n > 0:
                more += n
            else:
                fewer -= n
        if more <= maxdist and fewer <= maxdist and distance(word, text, limit=maxdist) \
                <= maxdist:
            found.append(word)
    return tuple(found)
