"""Snippets: the passages of a result's text around the words a search matched.

The text is split into words with one regular expression; each distinct word is reduced to
its index form once (by the caller's `key`, the search analyzer) and remembered, so a
snippet costs a dictionary look-up per word instead of running the analyzer over the whole
text for every result. The words of a text not yet remembered are reduced together when
the caller gives `keys` (the analyzer run once over all of them: a tenth of the cost of
running it word by word, which the first search of a process pays for every word it
shows). Only the first `CHAR_LIMIT` characters are looked at.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Sequence

from lantern.core.search.results import Snippet

CHAR_LIMIT = 2**15
_WORD = re.compile(r"\w+(?:[-.]\w+)*")
_CACHE_SIZE = 200_000  # distinct words remembered; forgotten all at once past this


def _places(text: str, word: str, key: str, end: int) -> list[tuple[int, int, str]]:
    """Where `word` stands in `text[:end]` as a whole word of `_WORD`: not inside a longer
    one, nor joined to the word before or after by a hyphen or a dot (`\\w` is what
    `str.isalnum` says, and the underscore)."""
    found = []
    size = len(word)
    at = text.find(word, 0, end)
    while at >= 0:
        after = at + size
        before_ok = at == 0 or not (_word_char(text[at - 1]) or (
            at >= 2 and text[at - 1] in "-." and _word_char(text[at - 2])))
        after_ok = after == end or not (_word_char(text[after]) or (
            after + 1 < end and text[after] in "-." and _word_char(text[after + 1])))
        if before_ok and after_ok:
            found.append((at, after, key))
        at = text.find(word, at + 1, end)
    return found


def _word_char(char: str) -> bool:
    """A character of `\\w`."""
    return char.isalnum() or char == "_"


def _in_word(char: str) -> bool:
    return char.isalnum() or char in "-'’_"


class Snippets:
    """Makes snippets of at most `passages` passages of about `width` characters each;
    with `cut_marks`, a snippet that starts or ends inside the text says so with "…"."""

    def __init__(
        self, key: Callable[[str], str], width: int = 220, context: int = 70,
        passages: int = 2, between: str = " … ", cut_marks: bool = False,
        keys: Callable[[Sequence[str]], list[str]] | None = None,
    ) -> None:
        """`keys`, when given, does what `key` does for many words at once, in order."""
        self.cut_marks = cut_marks
        self._key = key
        self._many = keys
        self._keys: dict[str, str] = {}
        self.width = width
        self.context = context
        self.passages = passages
        self.between = between

    def _index_form(self, word: str) -> str:
        found = self._keys.get(word)
        if found is None:
            if len(self._keys) >= _CACHE_SIZE:
                self._keys.clear()
            found = self._keys[word] = self._key(word)
        return found

    def _remember(self, words: list[str]) -> None:
        """The index forms of the words not yet remembered, reduced in one call."""
        keys = self._keys
        new = [w for w in dict.fromkeys(words) if w not in keys]
        if not new or self._many is None:
            return
        forms = self._many(new)
        if len(forms) != len(new):  # not one form a word: each is reduced on its own
            return
        if len(keys) + len(new) >= _CACHE_SIZE:
            keys.clear()
        keys.update(zip(new, forms, strict=True))

    def make(self, text: str, terms: Collection[str]) -> Snippet:
        """The best passages in text order, with where their matched words are; an empty
        Snippet if no word of the text matched."""
        if not terms or not text:
            return Snippet()
        end = min(len(text), CHAR_LIMIT)
        # The words as strings first (the expression's scan in C, no match object a word),
        # each distinct word's index form looked up once; only the words that matched are
        # then looked for where they stand.
        distinct = dict.fromkeys(_WORD.findall(text, 0, end))
        if self._many is not None:
            self._remember(list(distinct))
        keys, form = self._keys, self._index_form
        matched = [(word, key) for word in distinct
                   if (key := keys.get(word) or form(word)) in terms]
        if not matched:
            return Snippet()
        hits = sorted(hit for word, key in matched for hit in _places(text, word, key, end))
        return self._assemble(text, hits, self._best_passages(hits))

    def _best_passages(self, hits: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
        """The passages to show, as (first, end) ranges of `hits`, in text order."""
        # Group the matched words into passages: a word joins the passage before it when
        # it is close to the last one and the passage stays within the width.
        groups: list[tuple[int, int]] = []
        first = 0
        for i in range(1, len(hits) + 1):
            if (i == len(hits) or hits[i][0] - hits[i - 1][1] > self.context
                    or hits[i][1] - hits[first][0] + self.context > self.width):
                groups.append((first, i))
                first = i
        # The passages with the most different words (then the most words) win; ties go to
        # the earlier passage.
        ranked = sorted(
            range(len(groups)),
            key=lambda g: (-len({h[2] for h in hits[groups[g][0]:groups[g][1]]}),
                           -(groups[g][1] - groups[g][0]), g),
        )
        return [groups[g] for g in sorted(ranked[: self.passages])]

    def _assemble(
        self, text: str, hits: list[tuple[int, int, str]], chosen: list[tuple[int, int]]
    ) -> Snippet:
        starts = [h[0] for h in hits]
        # Passages that overlap or touch become one, so no words show on both sides of "…".
        spans: list[tuple[int, int]] = []
        for first, last in chosen:
            start, end = self._bounds(text, hits[first][0], hits[last - 1][1])
            if spans and start <= spans[-1][1] + 1:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((start, end))
        out: list[str] = []
        marks: list[tuple[int, int]] = []
        at = 0  # length of the snippet so far
        start = end = 0
        for n, (start, end) in enumerate(spans):
            piece = "… " if n == 0 and self.cut_marks and start > 0 else ""
            if n:
                piece = self.between
            at += len(piece)
            out.append(piece)
            # Every matched word inside the passage is marked, also those of a neighbour.
            inside = hits[bisect_left(starts, start):bisect_left(starts, end)]
            marks += [(at + h[0] - start, at + h[1] - start) for h in inside if h[1] <= end]
            out.append(text[start:end])
            at += end - start
        if self.cut_marks and end < len(text.rstrip()):
            out.append(" …")
        return Snippet("".join(out), tuple(marks))

    def _bounds(self, text: str, first: int, last: int) -> tuple[int, int]:
        start = max(0, first - self.context)
        if start > 0 and _in_word(text[start - 1]):  # do not begin inside a word
            while start < first and _in_word(text[start]):
                start += 1
        while start < first and not text[start].isalnum():
            start += 1
        end = min(len(text), last + self.context, max(last, start + self.width))
        if end < len(text) and _in_word(text[end]):  # nor end inside one
            while end > last and _in_word(text[end - 1]):
                end -= 1
        while end > last and text[end - 1].isspace():
            end -= 1
        return start, end
