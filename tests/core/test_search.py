from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lantern.core.content import load_library
from lantern.core.search import open_index
from lantern.core.search.engine import SearchIndex
from lantern.core.search.query import AndMaybe
from lantern.core.search.whoosh_adapter import META_FILE
from lantern.core.search.whoosh_store import index_dir_for

from tests.conftest import BUNDLED_PACK, VALID_PACK


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    library = load_library(VALID_PACK)
    ix = open_index(library, tmp_path_factory.mktemp("cache"))
    yield ix
    ix.close()


def _first(ix: SearchIndex, text: str) -> tuple[str, str]:
    result = ix.search(text).results[0]
    return result.kind, result.id


@pytest.mark.parametrize("query", ["DMN", "dmn", "default mode network", "Default-Mode Network",
                                   "default network"])
def test_acronym_and_its_expansion_find_the_glossary_entry_first(index: SearchIndex, query: str):
    assert _first(index, query) == ("term", "default-mode-network")


@pytest.mark.parametrize("query", ["5-HT2A", "5HT2A", "5ht2a", "5 ht2a", "serotonin 2A receptor"])
def test_spelling_variants_fold(index: SearchIndex, query: str):
    assert _first(index, query) == ("term", "5-ht2a-receptor")


def test_near_miss_acronyms_stay_apart(index: SearchIndex):
    response = index.search("DMT")
    assert (response.results[0].kind, response.results[0].id) == ("term", "dmt")
    assert response.concepts == ("dmt",)


def test_expansion_works_both_ways(index: SearchIndex):
    # The article says "DMN" in one section and "default mode network" elsewhere.
    ids = {(r.kind, r.id) for r in index.search("DMN").results}
    assert ("article", "brain-networks") in ids
    assert ("faq", "what-is-dmn") in ids  # says only "default mode network"


def test_article_hits_collapse_to_their_best_section(index: SearchIndex):
    results = index.search("psilocybin").results
    articles = [r.id for r in results if r.kind == "article"]
    assert len(articles) == len(set(articles))


def test_snippets_mark_the_matched_words(index: SearchIndex):
    result = next(r for r in index.search("DMN").results if r.kind == "article")
    assert result.anchor == "the-default-mode-network"
    assert "<mark>DMN</mark>" in result.snippet.marked()
    # The words marked on the page it opens: this result's, as written in its text.
    assert "DMN" in result.terms and result.terms == result.snippet.words
    assert result.target == "lantern:article/brain-networks#the-default-mode-network"


def test_typo_is_found_and_corrected(index: SearchIndex):
    response = index.search("psilocibin")
    assert response.results and response.suggestion == "psilocybin"


def test_filter_by_kind(index: SearchIndex):
    response = index.search("psilocybin", kinds=["faq"])
    assert {r.kind for r in response.results} == {"faq"}


def test_nothing_found_is_an_empty_response(index: SearchIndex):
    response = index.search("zzzqqq")
    assert response.results == ()


def test_long_queries_are_cut_with_a_notice(index: SearchIndex):
    response = index.search("brain " * 5000)
    assert response.notice.startswith("Only the first")


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_text_is_a_safe_query(index: SearchIndex, text: str):
    response = index.search(text)
    assert response.elapsed_ms < 5000


@pytest.mark.parametrize("text", [
    '"unbalanced', "((dmn", "dmn))", "AND", "OR NOT", "NOT OR foobar", "*", "**", "?", "a*",
    "title:", "kind:[a TO", "dmn~99", "(" * 5000 + "dmn" + ")" * 5000, "\x00\x01", "🙂 dmn",
    "ｄｍｎ", "a" * 10000,
])
def test_hostile_queries_never_raise(index: SearchIndex, text: str):
    index.search(text)


def test_fullwidth_letters_are_normalised(index: SearchIndex):
    assert _first(index, "ＤＭＮ") == ("term", "default-mode-network")


# --- the index on disk -------------------------------------------------------------------


def _files(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}


def test_unchanged_pack_is_not_reindexed(pack_copy: Path, tmp_path: Path):
    library = load_library(pack_copy)
    cache = tmp_path / "c"
    open_index(library, cache).close()
    location = index_dir_for(library, cache)
    before = _files(location)
    open_index(load_library(pack_copy), cache).close()
    assert _files(location) == before


def test_one_changed_file_is_updated_incrementally(pack_copy: Path, tmp_path: Path):
    cache = tmp_path / "c"
    open_index(load_library(pack_copy), cache).close()
    faq = pack_copy / "faq" / "what-is-dmn.md"
    faq.write_text(faq.read_text() + "\nIt was named in 2001 by Raichle and colleagues.\n")
    progress: list[tuple[int, int]] = []
    ix = open_index(load_library(pack_copy), cache, lambda d, t: progress.append((d, t)))
    try:
        assert progress == [(1, 1)]
        assert _first(ix, "Raichle") == ("faq", "what-is-dmn")
        assert ix.doc_count == open_index(load_library(pack_copy)).doc_count
    finally:
        ix.close()


def test_removed_file_leaves_the_index(pack_copy: Path, tmp_path: Path):
    cache = tmp_path / "c"
    open_index(load_library(pack_copy), cache).close()
    (pack_copy / "faq" / "what-is-dmn.md").unlink()
    ix = open_index(load_library(pack_copy), cache)
    try:
        assert all(r.id != "what-is-dmn" for r in ix.search("default mode network").results)
    finally:
        ix.close()


def test_damaged_index_is_rebuilt(pack_copy: Path, tmp_path: Path):
    cache = tmp_path / "c"
    library = load_library(pack_copy)
    open_index(library, cache).close()
    location = index_dir_for(library, cache)
    for segment in location.glob("*.seg"):
        segment.write_bytes(segment.read_bytes()[:100])
    for toc in location.glob("_MAIN_*.toc"):
        toc.write_bytes(b"garbage")
    (location / META_FILE).write_text("{}")
    ix = open_index(library, cache)
    try:
        assert _first(ix, "DMN") == ("term", "default-mode-network")
    finally:
        ix.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_cache_searches_from_memory(pack_copy: Path, tmp_path: Path):
    cache = tmp_path / "ro"
    cache.mkdir()
    cache.chmod(0o500)
    ix = open_index(load_library(pack_copy), cache)
    assert ix.location is None
    assert _first(ix, "DMN") == ("term", "default-mode-network")


def test_cache_that_is_a_file_searches_from_memory(pack_copy: Path, tmp_path: Path):
    cache = tmp_path / "not-a-folder"
    cache.write_text("")
    ix = open_index(load_library(pack_copy), cache)
    assert ix.location is None
    assert _first(ix, "DMN") == ("term", "default-mode-network")


def test_nothing_found_offers_near_terms_and_questions(index: SearchIndex):
    response = index.search("dmnxy qqqq")
    assert response.results == ()
    assert response.near_terms == ("default-mode-network",)
    assert [r.kind for r in response.useful] and {r.kind for r in response.useful} == {"faq"}


def test_second_writer_searches_from_memory_instead_of_waiting(pack_copy: Path, tmp_path: Path):
    from lantern.core.search.whoosh_store import _exclusive

    cache = tmp_path / "c"
    library = load_library(pack_copy)
    open_index(library, cache).close()
    faq = pack_copy / "faq" / "what-is-dmn.md"
    faq.write_text(faq.read_text() + "\nNamed by Raichle.\n")
    changed = load_library(pack_copy)
    with _exclusive(index_dir_for(changed, cache)):  # another process is updating
        ix = open_index(changed, cache)
    assert ix.location is None
    assert _first(ix, "Raichle") == ("faq", "what-is-dmn")


# Whoosh leaves a file handle open when its reader fails on a truncated segment.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_damage_found_while_searching_is_reported_and_rebuilt_next_time(
    pack_copy: Path, tmp_path: Path
):
    cache = tmp_path / "c"
    library = load_library(pack_copy)
    open_index(library, cache).close()
    location = index_dir_for(library, cache)
    for segment in location.glob("*.seg"):
        data = segment.read_bytes()
        segment.write_bytes(data[: len(data) // 2])
    ix = open_index(library, cache)
    response = ix.search("DMN")
    ix.close()
    gc.collect()  # let Whoosh's leaked handle be reported inside this test
    if response.results:
        # The damage showed while opening: the index was rebuilt there and then.
        assert (response.results[0].kind, response.results[0].id) == (
            "term", "default-mode-network")
        assert ix.location == location and (location / META_FILE).exists()
        return
    assert "damaged" in response.notice
    assert not (location / META_FILE).exists()
    ix = open_index(library, cache)
    assert _first(ix, "DMN") == ("term", "default-mode-network")
    ix.close()


def test_small_index_stays_one_segment_after_updates(pack_copy: Path, tmp_path: Path):
    cache = tmp_path / "c"
    open_index(load_library(pack_copy), cache).close()
    faq = pack_copy / "faq" / "what-is-dmn.md"
    for n in range(2):
        faq.write_text(faq.read_text() + f"\nEdit {n}.\n")
        ix = open_index(load_library(pack_copy), cache)
        try:
            assert ix.segment_count == 1
        finally:
            ix.close()


def test_read_only_cache_simulated_even_as_root(
    pack_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Root ignores file modes, so refuse every write under the cache by hand."""
    import builtins
    import errno

    cache = tmp_path / "ro"
    library = load_library(pack_copy)
    open_index(library, cache).close()  # a complete index, then the folder turns read-only
    real_open, real_mkdir = builtins.open, Path.mkdir

    def guarded_open(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file).startswith(str(cache)) and any(c in mode for c in "wax+"):
            raise PermissionError(errno.EACCES, "read-only", str(file))
        return real_open(file, mode, *args, **kwargs)

    def guarded_mkdir(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(self).startswith(str(cache)):
            raise PermissionError(errno.EACCES, "read-only", str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(Path, "mkdir", guarded_mkdir)
    same = open_index(load_library(pack_copy), cache)  # unchanged: opened read-only
    assert same.location is not None
    assert _first(same, "DMN") == ("term", "default-mode-network")
    same.close()
    faq = pack_copy / "faq" / "what-is-dmn.md"
    monkeypatch.setattr(builtins, "open", real_open)
    faq.write_text(faq.read_text() + "\nNamed by Raichle.\n")
    monkeypatch.setattr(builtins, "open", guarded_open)
    changed = open_index(load_library(pack_copy), cache)  # needs writing: memory instead
    assert changed.location is None
    assert _first(changed, "Raichle") == ("faq", "what-is-dmn")


LONG_QUESTION = "why do magic mushrooms quiet the wandering mind in brain scans"


def test_long_question_common_words_only_add_to_scores(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
):
    from lantern.core.search import engine

    monkeypatch.setattr(engine, "COMMON_MIN_DOCS", 0)
    monkeypatch.setattr(engine, "COMMON_SHARE", 1.0)  # nothing is common
    wide = [(r.kind, r.id, r.anchor) for r in index.search(LONG_QUESTION).results]
    monkeypatch.setattr(engine, "COMMON_SHARE", 0.3)  # "mushroom" is in 5 of 13 documents
    words = ["magic", "mushrooms", "quiet", "wandering", "mind", "brain", "scans"]
    query, _terms, _unknown = index._build([], words)
    assert isinstance(query, AndMaybe)
    assert "mushroom" in str(query.optional) and "mushroom" not in str(query.required)
    bounded = [(r.kind, r.id, r.anchor) for r in index.search(LONG_QUESTION).results]
    assert bounded == wide
    assert bounded[:2] == [("term", "psilocybin", ""),
                           ("article", "brain-networks", "the-default-mode-network")]


def test_a_question_of_only_common_words_still_finds_them(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
):
    from lantern.core.search import engine

    monkeypatch.setattr(engine, "COMMON_MIN_DOCS", 0)
    monkeypatch.setattr(engine, "COMMON_SHARE", 0.01)  # every word is common
    response = index.search("brain network mushroom mind wandering default")
    assert response.results


def test_a_question_whose_rarer_words_find_nothing_falls_back_to_any_word(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
):
    from lantern.core.search import engine

    monkeypatch.setattr(engine, "COMMON_MIN_DOCS", 0)
    monkeypatch.setattr(engine, "COMMON_SHARE", 0.01)  # every known word is common
    # The one rarer part is a fuzzy term that matches nothing.
    response = index.search("brain mind wandering qqqqzzzzxx network trial")
    assert response.results


def test_kinds_given_as_any_iterable_are_read_once(index: SearchIndex):
    """A generator of kinds is read once: the crisis page still comes first when pages
    are asked for, and the filter still holds."""
    listed = index.search("I want to die", kinds=["page", "faq"]).results
    generated = index.search("I want to die", kinds=(k for k in ["page", "faq"])).results
    assert (generated[0].kind, generated[0].id) == ("page", "help-now")
    assert [r.target for r in generated] == [r.target for r in listed]
    assert {r.kind for r in generated} <= {"page", "faq"}


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    ix = open_index(load_library(BUNDLED_PACK), tmp_path_factory.mktemp("bundled"))
    yield ix
    ix.close()


@pytest.mark.parametrize("typed", ["ket", "keta", "psilo", "neuroplas", "mdm", "esket"])
def test_the_start_of_a_word_finds_it_as_the_suggestions_do(bundled: SearchIndex, typed):
    from lantern.core.search.suggest import Suggester

    suggested = Suggester(bundled.library).suggest(typed)
    assert suggested, typed
    response = bundled.search(typed, limit=30)
    assert response.results, f"suggestions for {typed!r} but no results"
    assert not response.suggestion  # the start of a known word is not a typo
    found = {(r.kind, r.id) for r in response.results}
    assert any((s.kind, s.id) in found for s in suggested)
    assert any(r.terms for r in response.results)  # the words it began are marked


def test_ket_finds_ketamine_first_among_its_kind(bundled: SearchIndex):
    ids = [r.id for r in bundled.search("ket").results]
    assert "ketamine" in ids and "ketamine-and-esketamine" in ids


@pytest.mark.parametrize("query", ["psilocibin", "psilocybin", "ketamine", "DMN"])
def test_counts_are_the_same_whatever_the_limit(bundled: SearchIndex, query):
    counts = [dict(bundled.search(query, limit=n).counts) for n in (1, 3, 10, 30, 100)]
    assert all(c == counts[0] for c in counts), counts
    everything = bundled.search(query, limit=100)
    assert sum(everything.counts.values()) == len(everything.results)


@pytest.mark.parametrize("query", ["I want to kill myself", "suicide", "overdose ketamine"])
def test_the_pinned_help_page_is_counted(bundled: SearchIndex, query):
    response = bundled.search(query, limit=100)
    assert (response.results[0].kind, response.results[0].id) == ("page", "help-now")
    assert sum(response.counts.values()) == len(response.results)


def test_the_pinned_help_page_snippet_is_plain_text(bundled: SearchIndex):
    snippet = bundled.search("I want to kill myself").results[0].snippet.text
    assert "**" not in snippet and "[" not in snippet
    assert snippet.startswith("If you or someone")


def test_a_concept_s_names_written_in_a_result_are_marked_without_reading_it_again(
        index: SearchIndex, monkeypatch: pytest.MonkeyPatch):
    """Searching `DMN` marks "default mode network" where a result writes it so; the names
    come from the index (found in each body once, when it was indexed), not from reading
    every result's body for glossary names at each search."""
    from lantern.core.search.concepts import ConceptMatcher

    read: list[str] = []
    real = ConceptMatcher.spans

    def spans(self: ConceptMatcher, text: str) -> list:  # type: ignore[type-arg]
        read.append(text)
        return real(self, text)

    monkeypatch.setattr(ConceptMatcher, "spans", spans)
    index.forget_kept()
    response = index.search("DMN")
    article = next(r for r in response.results if r.id == "brain-networks")
    assert {"DMN", "default", "mode", "network"} <= set(article.terms)
    assert read == ["DMN"]  # the query only
