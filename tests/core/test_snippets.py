from __future__ import annotations

from itertools import pairwise
from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lantern.core.search.results import Snippet
from lantern.core.search.snippets import CHAR_LIMIT, Snippets


def _snippets(**kwargs: int) -> Snippets:
    return Snippets(lambda word: word.lower().rstrip("s"), **kwargs)


def test_matched_words_are_marked_and_the_text_escaped():
    text = "Ketamine <fast> & psilocybin: both are studied."
    snippet = _snippets().make(text, {"ketamine", "psilocybin"}).marked()
    assert snippet == ("<mark>Ketamine</mark> &lt;fast&gt; &amp; <mark>psilocybin</mark>: "
                       "both are studied.")


def test_words_are_matched_by_their_index_form():
    assert "<mark>Networks</mark>" in _snippets().make("Brain Networks.", {"network"}).marked()


def test_nothing_matched_gives_nothing():
    assert _snippets().make("Nothing to see here.", {"ketamine"}) == Snippet()
    assert _snippets().make("", {"ketamine"}) == Snippet()
    assert _snippets().make("Ketamine.", set()) == Snippet()


def test_at_most_two_passages_the_richest_in_text_order():
    filler = " ".join(["plain"] * 60)
    text = (f"alpha once. {filler} alpha and beta together. {filler} gamma alone. {filler} "
            f"beta with alpha again.")
    snippet = _snippets(width=80, context=20).make(text, {"alpha", "beta", "gamma"}).marked()
    passages = snippet.split(" … ")
    assert len(passages) == 2
    assert "together" in passages[0] and "again" in passages[1]
    assert "gamma" not in snippet


def test_passages_start_and_end_on_whole_words():
    text = "abcdefghij " * 20 + "target " + "klmnopqrst " * 20
    snippet = _snippets(width=60, context=25).make(text, {"target"}).marked()
    assert snippet.startswith("abcdefghij ") and snippet.endswith("klmnopqrst")
    assert len(snippet) < 100


def test_words_past_the_character_limit_are_not_read():
    text = "a " * CHAR_LIMIT + "needle"
    assert _snippets().make(text, {"needle"}).marked() == ""


def test_cut_marks_say_where_a_snippet_leaves_the_text():
    text = "abcdefghij " * 20 + "target " + "klmnopqrst " * 20
    marked = Snippets(lambda w: w.lower(), width=60, context=25, cut_marks=True)
    snippet = marked.make(text, {"target"}).marked()
    assert snippet.startswith("… abcdefghij ") and snippet.endswith("klmnopqrst …")
    whole = marked.make("a short target text", {"target"}).marked()
    assert whole == "a short <mark>target</mark> text"  # nothing cut, nothing marked


def test_matched_words_travel_as_spans_of_plain_text():
    text = "Ketamine <fast> & psilocybin: both are studied."
    snippet = _snippets().make(text, {"ketamine", "psilocybin"})
    assert snippet.text == text  # nothing escaped: that is for whoever shows it
    assert [snippet.text[a:b] for a, b in snippet.marks] == ["Ketamine", "psilocybin"]
    assert snippet.words == ("Ketamine", "psilocybin")
    assert snippet.marked("*", "*", html=False) == ("*Ketamine* <fast> & *psilocybin*: both "
                                                    "are studied.")


def test_spans_stay_on_their_words_across_passages_and_cut_marks():
    filler = " ".join(["plain"] * 60)
    text = f"{filler} alpha and beta together. {filler} beta with alpha again. {filler}"
    snippet = Snippets(lambda w: w.lower(), width=80, context=20, cut_marks=True).make(
        text, {"alpha", "beta"})
    assert snippet.text.startswith("… ") and snippet.text.endswith(" …")
    assert " … " in snippet.text.strip("… ")
    assert [snippet.text[a:b] for a, b in snippet.marks] == ["alpha", "beta", "beta", "alpha"]
    assert snippet.words == ("alpha", "beta")


def test_words_differing_only_in_case_are_one_word():
    snippet = _snippets().make("DMN and dmn and Dmn.", {"dmn"})
    assert len(snippet.marks) == 3 and snippet.words == ("DMN",)


def test_the_bundled_pack_has_no_snippet_that_repeats_itself():
    from lantern.core.content import load_library
    from lantern.core.search import open_index

    from tests.conftest import BUNDLED_PACK

    ix = open_index(load_library(BUNDLED_PACK))
    try:
        for query in ("psilocybin", "ketamine", "MDMA", "depression", "DMN", "safety",
                      "microdosing", "PTSD", "trial", "brain"):
            for result in ix.search(query, limit=30).results:
                plain = result.snippet.text
                parts = [p.strip("… ") for p in plain.split(" … ")]
                for a, b in pairwise(parts):
                    assert b[:24] not in a, (query, result.id, plain)
    finally:
        ix.close()


def test_a_citation_on_a_line_of_its_own_leaves_no_space_before_the_full_stop():
    # A wrapped paragraph whose citation starts the last line: "…the brain\n[@a]." read as
    # "the brain ." in a snippet, the full stop set apart from its word.
    from lantern.core.text import plain_text

    text = plain_text("finding was tighter links with an area under the front of the brain\n"
                      "  [@hamilton2015].\n\nSo an overactive DMN is an idea, [@b] not a fact.")
    assert "the brain." in text and "idea, not" in text
    assert " ." not in text.replace("\n", " ") and " ," not in text.replace("\n", " ")
    assert plain_text("version .5 of it") == "version .5 of it"  # a leading dot is a number's


def _made_word_by_word(snippets: Snippets, text: str, terms: set[str]) -> Snippet:
    """A snippet as made by reading every word of the text with its position (the way
    before: a match object a word, for a million words in 207 searches at 1 000 records)."""
    from lantern.core.search import snippets as module

    hits = [(m.start(), m.end(), snippets._index_form(m.group()))
            for m in module._WORD.finditer(text, 0, module.CHAR_LIMIT)]
    hits = [hit for hit in hits if hit[2] in terms]
    if not terms or not text or not hits:
        return Snippet()
    return snippets._assemble(text, hits, snippets._best_passages(hits))


_PIECES = st.sampled_from(["heart", "Heart", "rate", "a", "b1", "_x", "é", "-", ".", " ",
                           "  ", ",", "--", ".-", "heart-rate", "e.g.", "2.5", "\n"])


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=40),
       terms=st.sets(st.sampled_from(["heart", "rate", "a", "heart-rate", "e.g", "2.5", "é",
                                      "b1", "_x"]), max_size=4),
       limit=st.sampled_from([CHAR_LIMIT, 7, 12]))
@example(pieces=["heart", " ", "a", "-", "heart", " ", "b1", ".", "heart", "_x", "heart"],
         terms={"heart"}, limit=CHAR_LIMIT)  # joined after a word, and inside one
@example(pieces=["heart", " ", "heart", "-", "b1", " ", "heart", ".", "_x", "heart"],
         terms={"heart"}, limit=CHAR_LIMIT)  # joined before one
@example(pieces=["a", " ", "heart", "heart"], terms={"heart"}, limit=11)  # cut at the limit
def test_the_words_are_found_where_reading_every_word_finds_them(pieces, terms, limit) -> None:
    """The matched words are looked for by their strings, not word by word: the same
    places, not inside a longer word, nor one joined by a hyphen or a dot."""
    from lantern.core.search import snippets as module

    text = "".join(pieces)
    made = Snippets(str.lower, keys=lambda words: [w.lower() for w in words])
    with mock.patch.object(module, "CHAR_LIMIT", limit):
        assert made.make(text, terms) == _made_word_by_word(made, text, terms)
