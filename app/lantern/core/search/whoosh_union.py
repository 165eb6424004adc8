"""Whoosh's "any of" over a small index, with the cost of its preloading cut: part of the
engine's adapter (see `whoosh_adapter.py`).

Below 5 000 documents Whoosh's `Or` adds up its parts' scores in an array of 2 048 slots,
cleared slot by slot in Python each time it is filled, however few documents the index
holds. On the bundled pack (a few hundred documents) making and clearing those arrays was a
fifth of a search. Here the array is as long as the index (when that is shorter) and is
cleared in one step; the documents matched and their scores are the same.
"""

from __future__ import annotations

from array import array

from whoosh import matching
from whoosh import query as wq

#: Whoosh's own limits for choosing the array (`whoosh.query.compound.Or._matcher`).
ARRAY_PART = 2048
ARRAY_MAX_DOCS = 5000


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
    """`whoosh.query.Or`, with `IndexSizedUnion` where Whoosh would preload an array."""

    def _matcher(self, subs: list[wq.Query], searcher: object,
                 context: object) -> matching.Matcher:
        doccount = searcher.doc_count_all()  # type: ignore[attr-defined]
        needs_current = getattr(context, "needs_current", True) if context else True
        if (self.matcher_type != self.AUTO_MATCHER or needs_current or self.scale
                or len(subs) == 2 or doccount > ARRAY_MAX_DOCS
                or len(subs) >= self.TOO_MANY_CLAUSES):
            return super()._matcher(subs, searcher, context)
        scored = context.weighting is not None if context else True  # type: ignore[attr-defined]
        matchers = [sub.matcher(searcher, context) for sub in subs]
        return IndexSizedUnion(matchers, doccount, boost=self.boost, scored=scored)
