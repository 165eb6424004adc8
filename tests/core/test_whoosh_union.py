"""The index-sized "any of" finds the documents Whoosh's own `Or` finds, with the same
scores, on an index small enough for Whoosh to preload an array."""

from __future__ import annotations

from whoosh import query as wq
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import RamStorage

from lantern.core.search.whoosh_union import AnyOf, IndexSizedUnion

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
