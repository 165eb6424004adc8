"""Running a query tree over an open Whoosh index word by word: each word's whole posting
list read a block at a time and scored into a table of documents, the tables then joined
as the tree says ("any of" adds them, "all of" keeps the documents in every one, "and
maybe" adds the optional one's scores to the required one's documents).

Whoosh walks a query document by document through a tree of matchers, asking each one
in Python for its current document, whether it is still active and to move on: at 16 000
documents that bookkeeping, not the reading of postings, was most of a search. Here a
posting costs one addition to a dictionary.

The scores are Whoosh's own BM25F (the searcher's weighting gives each word's rarity
and its field's usual length; lengths are read as Whoosh stores them, one byte a
document), added in another order; phrases, near spellings and unscored fields are
matched by Whoosh's own matchers and read into a table the same way. The documents kept
are those Whoosh's collector keeps: the best by score, the lower document number first
among equal scores. Part of the engine's adapter, like `whoosh_adapter.py`.
"""

from __future__ import annotations

import heapq
import threading
import time
from array import array
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterable
from itertools import accumulate
from typing import Any

from whoosh import query as wq
from whoosh import scoring, searching
from whoosh.matching import WrappingMatcher
from whoosh.util.numeric import byte_to_length

from lantern.core.search import query as q

__all__ = ["Scan", "TooLong"]

Scores = dict[int, float]  # document number in its segment → score
#: A word's postings in one segment as read: its rarity, K1 + 1, the length part of BM25
#: by stored length, the field's lengths, the documents, weights and (for a phrase) values.
_Decoded = tuple[float, float, list[float], bytes, "array[int]", "array[float]",
                 "list[bytes] | None"]
_NOTHING: _Decoded = (0.0, 0.0, [], b"", array("I"), array("f"), None)


#: A word is read block by block among the documents asked for when it is in more than
#: this many times as many documents: fewer would leave hardly a block unread.
SPARSE_WITHIN = 32


class TooLong(Exception):
    """The search ran past its deadline."""


class Scan:
    """Scores queries on one searcher's segments, one query at a time. Keeps, for the
    searcher's life, each field's document lengths, the length part of its BM25 per
    stored length, and the decoded posting lists of the words searched last (up to
    `KEPT_POSTINGS` postings): typing a query searches its first words again at every
    key, and Whoosh keeps each block of a list pickled and compressed."""

    KEPT_POSTINGS = 1_500_000  # about 12 MB of document numbers and weights

    def __init__(self, searcher: searching.Searcher,
                 near: Callable[[str, str, int, int], Iterable[str]] | None = None) -> None:
        """`near` gives the index's words within a distance of a word (field, word,
        distance, letters of prefix shared), as Whoosh's near spelling finds them."""
        from whoosh.codec import whoosh3  # loaded with the index it reads

        self._searcher = searcher
        self._near = near
        self._codec = whoosh3
        self._to_whoosh: Callable[[q.Query], wq.Query] = lambda node: wq.NullQuery
        self._context = searcher.context(needs_current=True)
        self._lengths: dict[tuple[int, str], bytes | None] = {}
        self._norms: dict[tuple[float, float, float], list[float]] = {}
        self._kept: OrderedDict[tuple[int, str, str], _Decoded | None] = OrderedDict()
        self._kept_postings = 0
        self._deadline = float("inf")
        self._lock = threading.Lock()

    def forget(self) -> None:
        """Drop the decoded posting lists kept (benchmarks time each question cold)."""
        with self._lock:
            self._kept.clear()
            self._kept_postings = 0

    def top(self, query: q.Query, field: Callable[[str], str],
            to_whoosh: Callable[[q.Query], wq.Query], limit: int,
            allowed: frozenset[int] | None = None, deadline: float = float("inf"),
            ) -> tuple[list[tuple[float, int]], bool]:
        """The best `limit` documents for `query` as (score, document number), best
        first, and whether the deadline cut the search short; only documents in
        `allowed` when given. `field` names a field of the tree in the index,
        `to_whoosh` makes Whoosh's query of a phrase or near spelling. Past `deadline`
        the words not yet read are left out."""
        with self._lock:
            self._deadline = deadline
            self._to_whoosh = to_whoosh
            timed_out = False
            found: Scores = {}
            for segment, (sub, offset) in enumerate(self._searcher.leaf_searchers()):
                try:
                    scores = self._scores(query, sub, segment, field, None)
                except TooLong:
                    timed_out = True
                    break
                deleted = sub.reader().deleted_docs_set
                for docnum, score in scores.items():
                    if docnum not in deleted:
                        found[docnum + offset] = score
        if allowed is not None:
            found = {d: s for d, s in found.items() if d in allowed}
        best = heapq.nlargest(limit, found.items(), key=lambda item: (item[1], -item[0]))
        return [(score, docnum) for docnum, score in best], timed_out

    # the tree ------------------------------------------------------------------------

    def _scores(self, node: q.Query, sub: searching.Searcher, segment: int,
                field: Callable[[str], str], within: Scores | None) -> Scores:
        """`node`'s documents in one segment and their scores; only documents of
        `within` when given (the others would be dropped by what holds `node`)."""
        if isinstance(node, q.Term):
            return self._term(sub, segment, field(node.field), node.text, node.boost, within)
        if isinstance(node, q.Fuzzy):
            return self._fuzzy(node, sub, segment, field, within)
        if isinstance(node, q.Phrase) and node.words:
            return self._phrase(sub, segment, field(node.field), node.words, node.boost,
                                within)
        if isinstance(node, q.AnyOf):
            return self._any_of(node, sub, segment, field, within)
        if isinstance(node, q.AllOf) and len(node.parts) == 1:
            # Whoosh's "and" of one part is that part, its own boost left aside.
            return self._scores(node.parts[0], sub, segment, field, within)
        if isinstance(node, q.AllOf):
            return self._all_of(node, sub, segment, field, within)
        if isinstance(node, q.AndMaybe):
            return self._and_maybe(node, sub, segment, field, within)
        return self._matched(self._to_whoosh(node), sub, within)

    def _fuzzy(self, node: q.Fuzzy, sub: searching.Searcher, segment: int,
               field: Callable[[str], str], within: Scores | None) -> Scores:
        """Whoosh's near spelling is the "any of" of the words it finds near: found once
        among all the index's words, not again in each segment's."""
        if self._near is None:
            return self._matched(self._to_whoosh(node), sub, within)
        near = self._near(field(node.field), node.text, node.maxdist, node.prefix)
        words = tuple(q.Term(node.field, w, node.boost) for w in near if w)
        return self._scores(q.AnyOf(words), sub, segment, field, within) if words else {}

    def _any_of(self, node: q.AnyOf, sub: searching.Searcher, segment: int,
                field: Callable[[str], str], within: Scores | None) -> Scores:
        total: Scores = {}
        for part in node.parts:
            scores = self._scores(part, sub, segment, field, within)
            if not total:
                total = scores
                continue
            get = total.get
            for docnum, score in scores.items():
                total[docnum] = get(docnum, 0.0) + score
        return total

    def _all_of(self, node: q.AllOf, sub: searching.Searcher, segment: int,
                field: Callable[[str], str], within: Scores | None) -> Scores:
        """The rarest part first; each after it is read only where all before matched."""
        parts = sorted(node.parts, key=lambda p: self._size(p, sub, field))
        kept = within
        tables: list[Scores] = []
        for part in parts:
            scores = self._scores(part, sub, segment, field, kept)
            if not scores:
                return {}
            tables.append(scores)
            kept = scores  # read within the parts before: in all of them
        common = set(tables[0]).intersection(*tables[1:])
        boost = node.boost
        return {d: sum(t[d] for t in tables) * boost for d in common}

    def _and_maybe(self, node: q.AndMaybe, sub: searching.Searcher, segment: int,
                   field: Callable[[str], str], within: Scores | None) -> Scores:
        required = self._scores(node.required, sub, segment, field, within)
        if required:
            optional = self._scores(node.optional, sub, segment, field, required)
            for docnum, score in optional.items():
                if docnum in required:
                    required[docnum] += score
        return required

    def _size(self, node: q.Query, sub: searching.Searcher,
              field: Callable[[str], str]) -> int:
        """About how many documents of the segment `node` can match, to order an "all of"."""
        if isinstance(node, q.Term):
            try:
                return int(sub.reader().doc_frequency(field(node.field), node.text))
            except Exception:
                return 0
        if isinstance(node, q.AnyOf):
            return sum(self._size(p, sub, field) for p in node.parts)
        if isinstance(node, q.AllOf):
            return min((self._size(p, sub, field) for p in node.parts), default=0)
        if isinstance(node, q.AndMaybe):
            return self._size(node.required, sub, field)
        return 1 << 30  # a phrase or near spelling: read after the words

    # the words -----------------------------------------------------------------------

    def _check_time(self) -> None:
        if time.perf_counter() > self._deadline:
            raise TooLong

    def _term(self, sub: searching.Searcher, segment: int, fieldname: str, text: str,
              boost: float, within: Scores | None) -> Scores:
        read = self._postings(sub, segment, fieldname, text, within, positions=False)
        if read is None:
            return self._matched(wq.Term(fieldname, text, boost=boost), sub, within)
        found, _ = read
        if boost != 1.0:
            for docnum, score in found.items():
                found[docnum] = score * boost
        return found

    def _phrase(self, sub: searching.Searcher, segment: int, fieldname: str,
                words: tuple[str, ...], boost: float, within: Scores | None) -> Scores:
        """Whoosh's phrase: the words at consecutive positions, scored as the sum of the
        words' scores (added as Whoosh's tree of intersections adds them)."""
        order = sorted(set(words), key=lambda w: self._frequency(sub, fieldname, w))
        by_word: dict[str, tuple[Scores, dict[int, bytes]]] = {}
        kept = within
        for word in order:  # the rarest first; each of the others read where it is
            got = self._postings(sub, segment, fieldname, word, kept, positions=True)
            if got is None:
                return self._matched(wq.Phrase(fieldname, list(words), boost=boost), sub,
                                     within)
            if not got[0]:
                return {}
            by_word[word] = got
            kept = got[0]
        decode = sub.schema[fieldname].format.decode_positions
        read = [by_word[w] for w in words]
        found: Scores = {}
        for docnum in kept or ():
            starts = set(decode(read[0][1][docnum]))
            for step, (_, values) in enumerate(read[1:], 1):
                starts &= {p - step for p in decode(values[docnum])}
                if not starts:
                    break
            if starts:
                found[docnum] = _tree_sum([scores[docnum] for scores, _ in read]) * boost
        return found

    def _frequency(self, sub: searching.Searcher, fieldname: str, text: str) -> int:
        try:
            return int(sub.reader().doc_frequency(fieldname, text))
        except Exception:
            return 0

    def _postings(self, sub: searching.Searcher, segment: int, fieldname: str, text: str,
                  within: Scores | None, *, positions: bool,
                  ) -> tuple[Scores, dict[int, bytes]] | None:
        """The documents of one word in one segment and its scores in them (and the
        postings' values, which hold the positions, when asked); only those of `within`
        when given. None when Whoosh's own matcher has to score it."""
        self._check_time()
        key = (segment, fieldname, text)
        if not positions and key in self._kept:
            self._kept.move_to_end(key)
            decoded = self._kept[key]
        else:
            # Where a word is read only among a few documents (an optional common word of a
            # question where its rarer words matched, a phrase's other words), only the
            # blocks that can hold them are decoded; that part of the list is not kept.
            few = within is not None and len(within) * SPARSE_WITHIN \
                < self._frequency(sub, fieldname, text)
            decoded = self._decode(sub, segment, fieldname, text, positions,
                                   sorted(within) if few and within is not None else None)
            if not positions and not few:
                self._keep(key, decoded)
        if decoded is None:
            return None
        idf, c1, norm, lengths, ids, weights, values_of = decoded
        # bm25(idf, tf, fl, avgfl, B, K1) as Whoosh writes it, its length part looked up.
        found: Scores = {}
        values: dict[int, bytes] = {}
        if values_of is not None:
            for docnum, tf, value in zip(ids, weights, values_of, strict=True):
                if within is None or docnum in within:
                    found[docnum] = idf * ((tf * c1) / (tf + norm[lengths[docnum]]))
                    values[docnum] = value
        elif within is None:
            for docnum, tf in zip(ids, weights, strict=True):
                found[docnum] = idf * ((tf * c1) / (tf + norm[lengths[docnum]]))
        else:
            for docnum, tf in zip(ids, weights, strict=True):
                if docnum in within:
                    found[docnum] = idf * ((tf * c1) / (tf + norm[lengths[docnum]]))
        return found, values

    def _decode(self, sub: searching.Searcher, segment: int, fieldname: str, text: str,
                positions: bool, among: list[int] | None = None) -> _Decoded | None:
        """A word's whole posting list in one segment, decoded, with what scores it; with
        `among` (document numbers in order), only the blocks that can hold one of them
        (each block's header gives its last document: the others are never unpickled)."""
        schema = sub.schema
        if fieldname not in schema:
            return _NOTHING
        try:
            btext = schema[fieldname].to_bytes(text)
        except ValueError:
            return _NOTHING
        reader = sub.reader()
        if (fieldname, btext) not in reader:
            return _NOTHING
        scorer = sub.weighting.scorer(sub, fieldname, btext)
        postings = _raw_postings(reader, fieldname, btext)
        lengths = self._field_lengths(reader, segment, fieldname)
        if not isinstance(scorer, scoring.BM25FScorer) or lengths is None:
            return None
        if not isinstance(postings, self._codec.W3LeafMatcher):
            if positions:
                return None
            # A list kept inside the word's entry (one posting, in a small segment such as
            # an update's), read posting by posting: it is short.
            ids, exact = array("I"), array("d")
            while postings.is_active():
                ids.append(postings.id())
                exact.append(postings.weight())
                postings.next()
            return (scorer.idf, scorer.K1 + 1,
                    self._norm(scorer.K1, scorer.B, scorer.avgfl), lengths, ids, exact, None)
        ids, weights = array("I"), array("f")
        values: list[bytes] | None = [] if positions else None
        last = -1  # the last document of the blocks passed
        while postings.is_active():
            if among is not None:
                at = bisect_right(among, last)
                if at == len(among):
                    break  # none of them further on
                last = postings._maxid
                if among[at] > last:
                    postings._next_block()
                    continue
            if postings._data is None:
                postings._read_data()
            # The block's document numbers as Whoosh keeps them, each the difference from
            # the one before: added up in C (Whoosh's `_read_ids` runs a Python generator).
            kept = postings._data[0]
            ids.extend(kept if postings._byteids else accumulate(kept))
            stored = postings._data[1]
            if stored is None or isinstance(stored, float):  # one weight for the block
                weights.extend(array("f", (1.0 if stored is None else stored,))
                               * postings._blocklength)
            else:
                weights.extend(stored)
            if values is not None:
                postings._read_values()
                values.extend(postings._values)
            postings._next_block()
        return (scorer.idf, scorer.K1 + 1, self._norm(scorer.K1, scorer.B, scorer.avgfl),
                lengths, ids, weights, values)

    def _keep(self, key: tuple[int, str, str], decoded: _Decoded | None) -> None:
        self._kept[key] = decoded
        self._kept_postings += len(decoded[4]) if decoded else 0
        while self._kept_postings > self.KEPT_POSTINGS and len(self._kept) > 1:
            _, dropped = self._kept.popitem(last=False)
            self._kept_postings -= len(dropped[4]) if dropped else 0

    def _norm(self, k1: float, b: float, avgfl: float) -> list[float]:
        key = (k1, b, avgfl)
        table = self._norms.get(key)
        if table is None:
            table = self._norms[key] = [k1 * ((1 - b) + b * byte_to_length(n) / avgfl)
                                        for n in range(256)]
        return table

    def _field_lengths(self, reader: Any, segment: int, fieldname: str) -> bytes | None:
        """The stored length byte of each document of the segment in `fieldname`; None
        when the segment keeps them some other way."""
        key = (segment, fieldname)
        if key not in self._lengths:
            self._lengths[key] = _length_bytes(self._codec, reader, fieldname)
        return self._lengths[key]

    def _matched(self, query: wq.Query, sub: searching.Searcher,
                 within: Scores | None) -> Scores:
        """`query`'s documents and scores through Whoosh's own matcher."""
        self._check_time()
        found: Scores = {}
        matcher = query.matcher(sub, self._context)
        while matcher.is_active():
            docnum = matcher.id()
            if within is None or docnum in within:
                found[docnum] = matcher.score()
            matcher.next()
        return found


def _raw_postings(reader: Any, fieldname: str, btext: bytes) -> Any:
    """The posting list of a word in one segment from its start, deleted documents
    included (they are dropped at the end): Whoosh's filter of them moves along the list
    posting by posting."""
    try:
        return reader._terms.matcher(fieldname, btext, reader.schema[fieldname].format)
    except AttributeError:  # another kind of reader: its filter taken off
        postings = reader.postings(fieldname, btext)
        if isinstance(postings, WrappingMatcher):
            while isinstance(postings, WrappingMatcher):
                postings = postings.child
            postings.reset()
        return postings


def _tree_sum(scores: list[float]) -> float:
    """`scores` added as Whoosh's balanced tree of two-way matchers adds them."""
    if len(scores) == 1:
        return scores[0]
    half = len(scores) // 2
    return _tree_sum(scores[:half]) + _tree_sum(scores[half:])


def _length_bytes(codec: Any, reader: Any, fieldname: str) -> bytes | None:
    """The column of one-byte lengths Whoosh's `codec` keeps for `fieldname`, whole."""
    try:
        lengths = reader._perdoc._cached_reader(codec._lenfield(fieldname),
                                                codec.LENGTHS_COLUMN)
        stored = bytes(lengths._dbfile.get(lengths._basepos, lengths._count))
    except Exception:  # another codec, or no lengths: Whoosh's matcher scores it
        return None
    return stored + bytes(max(0, int(reader.doc_count_all()) - len(stored)))
