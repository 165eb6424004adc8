"""Scoring a query word by word (`whoosh_scan.Scan`) finds the documents Whoosh's own
matchers find, with the same scores, on indexes of one segment and of several with
deleted documents; and near spellings are the words Whoosh's own walk finds."""

from __future__ import annotations

import functools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh.codec import whoosh3
from whoosh.filedb.filestore import RamStorage

from lantern.core.search import query as q
from lantern.core.search.whoosh_adapter import WhooshIndex, _to_whoosh, make_schema
from lantern.core.search.whoosh_lang import ENGLISH

WORDS = ["heart", "lung", "brain", "liver", "skin", "bone", "blood"]


def _text(n: int, salt: int) -> str:
    words = [w for i, w in enumerate(WORDS) if (n + salt) % (i + 2) == 0 or n % 11 == i]
    return " ".join(words * (1 + n % 3)) or "none"


def _index(segments: int, docs: int = 180) -> WhooshIndex:
    ix = RamStorage().create_index(make_schema())
    per = docs // segments
    for part in range(segments):
        with ix.writer() as writer:
            writer.merge = False  # each commit its own segment
            for n in range(part * per, (part + 1) * per):
                kind = "faq" if n % 3 else "article"
                writer.add_document(id=f"{kind}:{n}", group=f"{kind}:{n}", kind=kind,
                                    key=str(n), title=_text(n, 1)[:30], body=_text(n, 0),
                                    words=_text(n, 0))
    if segments > 1:
        with ix.writer() as writer:
            writer.merge = False
            for n in range(0, docs, 7):
                writer.delete_by_term("id", f"{'faq' if n % 3 else 'article'}:{n}")
        with ix.writer() as writer:  # one changed file: a segment of one document
            writer.merge = False
            writer.add_document(id="faq:1", group="faq:1", kind="faq", key="1",
                                title="heart lung", body="heart lung bone", words="heart")
    return WhooshIndex(ix, None)


_INDEXES = {n: _index(n) for n in (1, 3)}

fields = st.sampled_from(["title", "body", "heading"])
terms = st.builds(q.Term, fields, st.sampled_from([*WORDS, "missing"]),
                  st.sampled_from([1.0, 0.5, 2.0]))
phrases = st.builds(q.Phrase, st.sampled_from(["title", "body"]),
                    st.lists(st.sampled_from(WORDS[:4]), min_size=2, max_size=3).map(tuple),
                    st.sampled_from([1.0, 1.5]))
fuzzies = st.builds(q.Fuzzy, st.just("body"), st.sampled_from(["hearts", "bran", "lvier"]),
                    st.just(1))
leaves = st.one_of(terms, terms, phrases, fuzzies)
any_of_leaves = st.lists(leaves, min_size=1, max_size=4).map(lambda p: q.AnyOf(tuple(p)))
# "All of" holds words, phrases and their "any of", as the search policy builds it. (Under
# an "all of", Whoosh's own "and maybe" can lose its optional part: it moves that part to
# the document asked for, not to the one it found.)
all_of = st.builds(lambda p, b: q.AllOf(tuple(p), b),
                   st.lists(st.one_of(leaves, any_of_leaves), min_size=1, max_size=3),
                   st.sampled_from([1.0, 2.0]))
queries = st.recursive(
    st.one_of(leaves, any_of_leaves, all_of),
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=3).map(lambda p: q.AnyOf(tuple(p))),
        st.builds(q.AndMaybe, inner, inner)),
    max_leaves=10)


def _whoosh_found(engine: WhooshIndex, query: q.Query) -> list[tuple[int, float]]:
    results = engine.searcher().search(_to_whoosh(query), limit=None, sortedby=None)
    return sorted((-round(hit.score, 9), hit.docnum) for hit in results)


def _scanned(engine: WhooshIndex, query: q.Query, limit: int = 10**6,
             allowed: frozenset[int] | None = None) -> list[tuple[float, int]]:
    return engine._scan.top(query, ENGLISH.field, functools.partial(_to_whoosh, spec=ENGLISH),
                            limit, allowed)[0]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(queries, st.sampled_from([1, 3]))
def test_the_same_documents_and_scores_as_whoosh(query: q.Query, segments: int) -> None:
    engine = _INDEXES[segments]
    ours = sorted((-round(score, 9), docnum) for score, docnum in _scanned(engine, query))
    assert ours == _whoosh_found(engine, query)


def test_the_best_come_first_the_lower_document_first_among_equals() -> None:
    engine = _INDEXES[1]
    query = q.AnyOf((q.Term("body", "heart"), q.Term("title", "lung")))
    every = _scanned(engine, query)
    assert every == sorted(every, key=lambda found: (-found[0], found[1]))
    assert len({score for score, _ in every}) < len(every)  # there are equal scores
    assert _scanned(engine, query, limit=7) == every[:7]


def test_deleted_documents_are_never_found() -> None:
    engine = _INDEXES[3]
    deleted = set()
    for reader, offset in engine.reader().leaf_readers():
        deleted |= {offset + d for d in reader.deleted_docs_set}
    assert deleted
    found = {d for _, d in _scanned(engine, q.Term("body", "heart"))}
    assert found and not found & deleted


def test_only_the_documents_allowed() -> None:
    engine = _INDEXES[1]
    allowed = frozenset(range(0, 180, 2))
    found = [d for _, d in _scanned(engine, q.Term("body", "heart"), allowed=allowed)]
    assert found and set(found) <= allowed


def test_past_the_deadline_it_says_so() -> None:
    engine = _INDEXES[1]
    scan = engine._scan
    found, timed_out = scan.top(q.Term("body", "heart"), ENGLISH.field,
                                functools.partial(_to_whoosh, spec=ENGLISH), 10, deadline=0.0)
    assert timed_out and found == []
    found, timed_out = scan.top(q.Term("body", "heart"), ENGLISH.field,
                                functools.partial(_to_whoosh, spec=ENGLISH), 10)
    assert found and not timed_out


def test_postings_are_read_a_block_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whoosh moved from posting to posting through a tree of matchers, in Python, for each
    document: at 16 000 documents that was most of a search. A search of words never asks
    a posting list for its next document."""
    steps = []
    real = whoosh3.W3LeafMatcher.next

    def counted(self):  # type: ignore[no-untyped-def]
        steps.append(1)
        return real(self)

    monkeypatch.setattr(whoosh3.W3LeafMatcher, "next", counted)
    engine = _INDEXES[3]
    query = q.AndMaybe(q.AnyOf(tuple(q.Term(f, "heart") for f in ("title", "body"))),
                       q.AllOf((q.Term("body", "lung"), q.Term("body", "bone"))))
    found = engine.run(query, 10, (), ENGLISH)
    assert found.hits and steps == []


def test_words_searched_again_are_not_decoded_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Typing searches a query's first words again at every key: their posting lists are
    kept decoded, within a bound, and give the same scores."""
    engine = _index(1)
    reads = []
    real = whoosh3.W3LeafMatcher._read_data  # a block unpickled

    def counted(self):  # type: ignore[no-untyped-def]
        reads.append(1)
        return real(self)

    monkeypatch.setattr(whoosh3.W3LeafMatcher, "_read_data", counted)
    query = q.AnyOf(tuple(q.Term(f, w) for f in ("title", "body") for w in ("heart", "lung")))
    first = _scanned(engine, query)
    assert reads
    reads.clear()
    assert _scanned(engine, query) == first and reads == []
    scan = engine._scan
    scan.KEPT_POSTINGS = 50
    _scanned(engine, q.AnyOf((q.Term("body", "bone"), q.Term("body", "skin"))))
    assert scan._kept_postings <= 50 or len(scan._kept) == 1
    assert sum(len(d[4]) for d in scan._kept.values() if d) == scan._kept_postings
    engine.forget_kept()  # a benchmark's cold question
    assert not scan._kept and scan._kept_postings == 0
    reads.clear()
    assert _scanned(engine, query) == first and reads


@given(st.text(alphabet="abehilnorstuv", min_size=2, max_size=8), st.sampled_from([1, 2]),
       st.sampled_from([0, 1]), st.sampled_from([1, 3]))
@settings(max_examples=120, deadline=None)
def test_near_spellings_are_whoosh_own(word: str, maxdist: int, prefix: int,
                                       segments: int) -> None:
    """The words near `word`, as Whoosh's own walk finds them, also on an index of several
    segments (whose words come segment by segment, not in one order)."""
    engine = _INDEXES[segments]
    reader = engine.reader()
    theirs = set(type(reader).terms_within(reader, "words", word, maxdist, prefix))
    assert set(reader.terms_within("words", word, maxdist, prefix)) == theirs
    by_segment = set()  # a near spelling in a query: the automaton, in each segment
    for leaf, _ in reader.leaf_readers():
        by_segment |= set(type(leaf).terms_within(leaf, "words", word, maxdist, prefix))
    assert set(engine._near.by_edits("words", word, maxdist, prefix)) == by_segment


def test_near_spellings_are_looked_up_once_a_search(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """An unknown word's near spellings were walked out of the word list several times in
    one search (the question's words, then any of them, then did-you-mean): now once, and
    afresh for the next search, with the same answer."""
    from lantern.core.content import load_library
    from lantern.core.search import open_index

    from tests.conftest import VALID_PACK

    index = open_index(load_library(VALID_PACK), tmp_path / "cache")
    near = index.engine._near
    walks: list[tuple[str, str, int, int, bool]] = []
    real = near._walk

    def counted(fieldname, text, maxdist, prefix, swaps):  # type: ignore[no-untyped-def]
        walks.append((fieldname, text, maxdist, prefix, swaps))
        return real(fieldname, text, maxdist, prefix, swaps)

    near._walk = counted
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


def _large_index() -> WhooshIndex:
    """1 500 documents in one segment: "heart" in every one (a dozen blocks of postings),
    "rare" in three far apart."""
    ix = RamStorage().create_index(make_schema())
    with ix.writer() as writer:
        for n in range(1500):
            body = "heart " * (1 + n % 4) + ("rare" if n in (10, 700, 1490) else WORDS[n % 7])
            writer.add_document(id=f"faq:{n}", group=f"faq:{n}", kind="faq", key=str(n),
                                title=f"heart lung {WORDS[n % 7]}", body=body, words=body)
    return WhooshIndex(ix, None)


_LARGE = _large_index()


def test_a_common_word_read_where_a_rare_one_matched_unpickles_only_blocks_holding_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An optional common word of a question is read only where its rarer words matched:
    the blocks of its posting list that hold none of those documents are passed by their
    headers (at 16 423 records an eighth of the blocks of 207 questions)."""
    reads: list[int] = []
    real = whoosh3.W3LeafMatcher._read_data

    def counted(self):  # type: ignore[no-untyped-def]
        reads.append(1)
        return real(self)

    monkeypatch.setattr(whoosh3.W3LeafMatcher, "_read_data", counted)
    _LARGE._scan.forget()
    query = q.AndMaybe(q.Term("body", "rare"), q.Term("body", "heart"))
    ours = sorted((-round(score, 9), docnum) for score, docnum in _scanned(_LARGE, query))
    assert len(reads) <= 1 + 3  # the rare word's block, and one of "heart" for each match
    assert ours == _whoosh_found(_LARGE, query) and len(ours) == 3
    reads.clear()
    _LARGE._scan.forget()
    _scanned(_LARGE, q.Term("body", "heart"))
    assert len(reads) > 10  # read whole, it is a dozen blocks


@settings(max_examples=60, deadline=None)
@given(among=st.sets(st.integers(0, 1499), max_size=40), positions=st.booleans(),
       word=st.sampled_from(["heart", "lung"]), field=st.sampled_from(["body", "title"]))
def test_a_word_read_among_a_few_documents_scores_them_as_its_whole_list(
        among: set[int], positions: bool, word: str, field: str) -> None:
    scan = _LARGE._scan
    scan.forget()
    sub = _LARGE.searcher().leaf_searchers()[0][0]
    within = dict.fromkeys(among, 1.0)
    part = scan._postings(sub, 0, field, word, within, positions=positions)
    whole = scan._postings(sub, 0, field, word, None, positions=positions)
    assert part is not None and whole is not None
    assert part[0] == {d: s for d, s in whole[0].items() if d in within}
    assert part[1] == {d: v for d, v in whole[1].items() if d in within}
