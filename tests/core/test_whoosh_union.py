"""The index-sized "any of" finds the documents Whoosh's own `Or` finds, with the same
scores, on an index small enough for Whoosh to preload an array."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from whoosh import query as wq
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import RamStorage

from lantern.core.search.whoosh_union import AnyOf, FlatUnion, IndexSizedUnion

WORDS = ["heart", "lung", "brain", "liver", "skin", "bone", "blood"]


def _index():  # type: ignore[no-untyped-def]
    ix = RamStorage().create_index(Schema(id=ID(stored=True), body=TEXT))
    with ix.writer() as writer:
        for n in range(300):  # a few parts of the array, one partly filled
            words = [w for i, w in enumerate(WORDS) if n % (i + 2) == 0]
            writer.add_document(id=str(n), body=" ".join(words) or "nothing")
    return ix


def _scored(searcher, query):  # type: ignore[no-untyped-def]
    return [(hit["id"], round(hit.score, 9))
            for hit in searcher.search(query, limit=None, sortedby=None)]


def test_same_documents_and_scores_as_whoosh_or() -> None:
    ix = _index()
    with ix.searcher() as searcher:
        for words in (WORDS, WORDS[:3], ["heart", "skin", "missing", "blood"]):
            terms = [wq.Term("body", w) for w in words]
            ours, theirs = AnyOf(terms), wq.Or(terms)
            assert _scored(searcher, ours) == _scored(searcher, theirs)
            assert _scored(searcher, ours)


def test_the_array_is_used_and_no_longer_than_the_index() -> None:
    ix = _index()
    with ix.searcher() as searcher:
        query = AnyOf([wq.Term("body", w) for w in WORDS[:3]])
        matcher = query.matcher(searcher, searcher.context(needs_current=False))
        assert isinstance(matcher, IndexSizedUnion)
        assert matcher._partsize == searcher.doc_count_all()
        found = []
        while matcher.is_active():
            found.append(matcher.id())
            matcher.next()
        expected = [n for n in range(300) if any(n % (i + 2) == 0 for i in range(3))]
        assert found == expected


def _walk(matcher, skips=()):  # type: ignore[no-untyped-def]
    """(document, score, weight) of every match, skipping ahead to each of `skips`."""
    found, skips = [], sorted(skips)
    while matcher.is_active():
        if skips and skips[0] > matcher.id():
            matcher.skip_to(skips.pop(0))
            continue
        skips = [s for s in skips if s > matcher.id()]
        found.append((matcher.id(), round(matcher.score(), 9), round(matcher.weight(), 9)))
        matcher.next()
    return found


@given(st.lists(st.sampled_from([*WORDS, "missing"]), min_size=3, max_size=7, unique=True),
       st.lists(st.integers(min_value=0, max_value=320), max_size=6),
       st.booleans())
def test_the_flat_union_matches_as_whoosh_tree_of_pairs(words, skips, boosted) -> None:
    """Where Whoosh makes a tree of two-way unions (a large index, or a parent that needs
    the current match), the "any of" is one flat union: the same documents, scores and
    weights, skipping ahead included."""
    ix = _big_index()
    with ix.searcher() as searcher:
        terms = [wq.Term("body", w, boost=2.0 if boosted and i == 0 else 1.0)
                 for i, w in enumerate(words)]
        context = searcher.context(needs_current=True)
        ours = AnyOf(terms).matcher(searcher, context)
        theirs = wq.Or(terms).matcher(searcher, context)
        assert isinstance(ours, FlatUnion)
        assert not isinstance(theirs, FlatUnion)
        assert _walk(ours, skips) == _walk(theirs, skips)
        again = AnyOf(terms).matcher(searcher, context)
        assert sorted(t for _f, t in again.matching_terms(again.id())) == sorted(
            t for _f, t in wq.Or(terms).matcher(searcher, context).matching_terms(
                again.id()))


def test_a_large_index_searches_the_same_with_the_flat_union() -> None:
    """Above 5 000 documents Whoosh's `Or` is its tree of pairs even when the searcher does
    not need the current match; the flat union takes its place there, found and scored
    alike through the searcher's own collector."""
    ix = _big_index(docs=5200)
    with ix.searcher() as searcher:
        terms = [wq.Term("body", w) for w in WORDS[:5]]
        assert _scored(searcher, AnyOf(terms)) == _scored(searcher, wq.Or(terms))
        top = searcher.search(wq.AndMaybe(wq.Term("body", "heart"), AnyOf(terms[1:])),
                              limit=10)
        tree = searcher.search(wq.AndMaybe(wq.Term("body", "heart"), wq.Or(terms[1:])),
                               limit=10)
        assert [(h["id"], round(h.score, 9)) for h in top] == [
            (h["id"], round(h.score, 9)) for h in tree]


_BIG = {}


def _big_index(docs: int = 320):  # type: ignore[no-untyped-def]
    if docs not in _BIG:
        ix = RamStorage().create_index(Schema(id=ID(stored=True), body=TEXT))
        with ix.writer() as writer:
            for n in range(docs):
                words = [w for i, w in enumerate(WORDS) if n % (i + 2) == 0 or n % 11 == i]
                writer.add_document(id=str(n), body=" ".join(words * (1 + n % 3)) or "none")
        _BIG[docs] = ix
    return _BIG[docs]


def test_near_spellings_are_looked_up_once_a_search(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """An unknown word's near spellings were walked out of the word list several times in
    one search (the question's words, then any of them, then did-you-mean): now once, and
    afresh for the next search, with the same answer."""
    from lantern.core.content import load_library
    from lantern.core.search import open_index

    from tests.conftest import VALID_PACK

    index = open_index(load_library(VALID_PACK), tmp_path / "cache")
    near = index.engine._near
    walks: list[tuple[str, str, int, int]] = []
    real = near._real

    def counted(fieldname, text, maxdist, prefix=0):  # type: ignore[no-untyped-def]
        walks.append((fieldname, text, maxdist, prefix))
        return real(fieldname, text, maxdist, prefix)

    near._real = counted
    try:
        first = index.search("neuroplastisity and microdossing")
        assert walks and len(walks) == len(set(walks))
        once = len(walks)
        again = index.search("neuroplastisity and microdossing")
        assert len(walks) == 2 * once  # the next search walks again
        assert [r.id for r in again.results] == [r.id for r in first.results]
        assert again.suggestion == first.suggestion
    finally:
        index.close()
