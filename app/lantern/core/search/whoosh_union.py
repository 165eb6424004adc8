"""Whoosh's "any of", made cheaper to match: part of the engine's adapter (see
`whoosh_adapter.py`). Two matchers take the place of Whoosh's own, each finding the same
documents with the same scores.

Below 5 000 documents Whoosh's `Or` adds up its parts' scores in an array of 2 048 slots,
cleared slot by slot in Python each time it is filled, however few documents the index
holds. On the bundled pack (a few hundred documents) making and clearing those arrays was a
fifth of a search. Here the array is as long as the index (when that is shorter) and is
cleared in one step (`IndexSizedUnion`).

Elsewhere (a large index, or a parent that needs the current match) Whoosh pairs the parts
into a tree of two-way unions; one flat union of all the parts replaces it (`FlatUnion`).
"""

from __future__ import annotations

from array import array
from typing import Any

from whoosh import matching
from whoosh import query as wq

#: Whoosh's own limits for choosing the array (`whoosh.query.compound.Or._matcher`).
ARRAY_PART = 2048
ARRAY_MAX_DOCS = 5000
#: Parts from which an "any of" is one flat union rather than Whoosh's tree of pairs.
FLAT_MIN_PARTS = 3


class IndexSizedUnion(matching.ArrayUnionMatcher):  # type: ignore[misc]
    """Whoosh's array union, its array no longer than the index, cleared at once."""

    def __init__(self, submatchers: list[matching.Matcher], doccount: int,
                 boost: float = 1.0, scored: bool = True) -> None:
        size = max(1, min(ARRAY_PART, doccount))
        self._zeros = array("d", bytes(8 * size))
        super().__init__(submatchers, doccount, boost=boost, scored=scored, partsize=size)

    def _read_part(self) -> None:
        offset = self._docnum
        limit = min(offset + self._partsize, self._doccount)
        scores = self._a
        scores[:] = self._zeros
        boost, scored = self._boost, self._scored
        for sub in self._submatchers:
            while sub.is_active() and (docnum := sub.id()) < limit:
                if scored:
                    scores[docnum - offset] += sub.score() * boost
                else:
                    scores[docnum - offset] = 1
                sub.next()
        self._offset = offset
        self._limit = limit


class AnyOf(wq.Or):  # type: ignore[misc]
    """`whoosh.query.Or`, with `IndexSizedUnion` where Whoosh would preload an array and
    `FlatUnion` where it would build its tree of pairs."""

    def _matcher(self, subs: list[wq.Query], searcher: object,
                 context: object) -> matching.Matcher:
        doccount = searcher.doc_count_all()  # type: ignore[attr-defined]
        needs_current = getattr(context, "needs_current", True) if context else True
        if (self.matcher_type == self.AUTO_MATCHER and not self.scale
                and FLAT_MIN_PARTS <= len(subs) < self.TOO_MANY_CLAUSES
                and (needs_current or doccount > ARRAY_MAX_DOCS)):
            # Where Whoosh would make its tree of two-way unions.
            union = FlatUnion([sub.matcher(searcher, context) for sub in subs])
            return union if self.boost == 1.0 else matching.WrappingMatcher(union, self.boost)
        if (self.matcher_type != self.AUTO_MATCHER or needs_current or self.scale
                or len(subs) == 2 or doccount > ARRAY_MAX_DOCS
                or len(subs) >= self.TOO_MANY_CLAUSES):
            return super()._matcher(subs, searcher, context)
        scored = context.weighting is not None if context else True  # type: ignore[attr-defined]
        matchers = [sub.matcher(searcher, context) for sub in subs]
        return IndexSizedUnion(matchers, doccount, boost=self.boost, scored=scored)


class FlatUnion(matching.Matcher):  # type: ignore[misc]
    """Any of several matchers side by side, where Whoosh pairs them into a tree of
    two-way unions: on a large index a word's "any of" (four fields, a few variants) then
    asked every pair below it whether it was still active, again and again for each
    document, in Python — a third of a search's time at 16 000 documents. Here the
    matchers still active sit in one list; the current document is the least of their
    documents, its score the sum of theirs.

    Block-quality skipping is not offered (`supports_block_quality` is false), so what
    holds this union is matched in full: the documents found are exactly those of the
    tree; scores are the same sums, added in another order."""

    def __init__(self, submatchers: list[matching.Matcher]) -> None:
        super().__init__()
        self._all = submatchers
        self._subs = [m for m in submatchers if m.is_active()]
        self._id: int | None = None

    def __repr__(self) -> str:
        return f"FlatUnion({self._all!r})"

    def children(self) -> list[matching.Matcher]:
        return list(self._all)

    def copy(self) -> FlatUnion:
        return FlatUnion([m.copy() for m in self._all])

    def depth(self) -> int:
        return 1 + max((m.depth() for m in self._all), default=0)

    def reset(self) -> None:
        for m in self._all:
            m.reset()
        self._subs = [m for m in self._all if m.is_active()]
        self._id = None

    def is_active(self) -> bool:
        return bool(self._subs)

    def supports(self, astype: str) -> bool:
        return all(m.supports(astype) for m in self._all)

    def supports_block_quality(self) -> bool:
        return False

    def max_quality(self) -> float:  # asked by a parent replacing itself (an "and maybe")
        return float(sum(m.max_quality() for m in self._subs))

    def block_quality(self) -> float:
        return float(sum(m.block_quality() for m in self._subs))

    def id(self) -> int:
        found = self._id
        if found is None:
            found = self._id = int(min(m.id() for m in self._subs))
        return found

    def _current(self) -> list[matching.Matcher]:
        here = self.id()
        return [m for m in self._subs if m.id() == here]

    def next(self) -> bool:
        if not self._subs:
            raise matching.ReadTooFar
        here = self.id()
        moved = False
        for m in self._subs:
            if m.id() == here:
                moved = bool(m.next()) or moved
        self._subs = [m for m in self._subs if m.is_active()]
        self._id = None
        return moved

    def skip_to(self, id: int) -> bool:
        moved = False
        for m in self._subs:
            if m.id() < id:
                moved = bool(m.skip_to(id)) or moved
        self._subs = [m for m in self._subs if m.is_active()]
        self._id = None
        return moved

    def score(self) -> float:
        return float(sum(m.score() for m in self._current()))

    def weight(self) -> float:
        return float(sum(m.weight() for m in self._current()))

    def spans(self) -> list[Any]:
        found: set[Any] = set()
        for m in self._current():
            found.update(m.spans())
        return sorted(found)

    def replace(self, minquality: float = 0) -> matching.Matcher:
        subs = [m.replace() for m in self._subs if m.is_active()]
        subs = [m for m in subs if m.is_active()]
        if not subs:
            return matching.NullMatcher()
        if len(subs) == 1:
            return subs[0]
        return FlatUnion(subs)
