"""Ranking: what the engine must find and in what order, beyond the bundled pack's set."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from lantern.core.model import Faq, Library
from lantern.core.search import open_index
from lantern.core.search import query as q

RARE = ("alpha", "bravo", "charlie")
COMMON = ("delta", "echo", "foxtrot")


def _words_in(word: str) -> q.Query:
    return q.AnyOf((q.Term("title", word), q.Term("body", word)))


def test_and_maybe_keeps_the_document_holding_every_word_in_the_top_ten():
    # Many documents with one rarer word and some common ones, and one with all of them:
    # scoring the common words only where a rarer one is found must not lose it.
    rng = random.Random(0)
    faqs = []
    for i in range(400):  # more than the engine collects, so it keeps only a top N
        words = [rng.choice(RARE)] * rng.randint(1, 3) + rng.sample(COMMON, rng.randint(0, 3))
        words += ["filler"] * rng.randint(0, 30)
        rng.shuffle(words)
        faqs.append(Faq(slug=f"f{i}", question=" ".join(words[:4]), topics=(),
                        body=" ".join(words), path=Path("f.md")))
    everything = " ".join(RARE + COMMON)
    faqs.append(Faq(slug="target", question=everything, topics=(),
                    body=everything + " filler" * 40, path=Path("f.md")))
    index = open_index(Library(faqs=tuple(faqs)))
    query = q.AndMaybe(q.AnyOf(tuple(_words_in(w) for w in RARE)),
                       q.AnyOf(tuple(_words_in(w) for w in COMMON)))
    try:
        assert "target" in [hit.key for hit in index.engine.search(query, 10).hits][:10]
    finally:
        index.close()


def _faq(slug: str, question: str, body: str) -> Faq:
    return Faq(slug=slug, question=question, topics=(), body=body, path=Path("f.md"))


def test_the_question_words_tell_records_of_one_topic_apart():
    # Questions on one topic whose answers name it as often: the words of the question
    # ("what is", "what causes") are the evidence of which one is asked.
    faqs = (
        _faq("inherited", "Is Quellin syndrome inherited?",
             "Quellin syndrome passes from a parent to a child in families."),
        _faq("causes", "What causes Quellin syndrome?",
             "Quellin syndrome comes from a change in one gene of the joints."),
        _faq("what-is", "What is (are) Quellin syndrome?",
             "Quellin syndrome is a rare condition of the joints in childhood."),
        *(_faq(f"other-{n}", f"What is (are) Other syndrome {n}?", "Another rare condition.")
          for n in range(5)),
    )
    index = open_index(Library(faqs=faqs))
    try:
        assert index.search("What is (are) Quellin syndrome?").results[0].id == "what-is"
        assert index.search("what causes quellin syndrome").results[0].id == "causes"
    finally:
        index.close()


def test_the_question_asked_with_another_name_of_its_topic_comes_first():
    # Every question of the topic declares its other names, and the answers that write
    # the other name most are not the one asked: the title asking the same question of the
    # topic, under the name it was written with, tells them apart.
    names = ("Quellin syndrome", "Brandt joint disease")
    faqs = tuple(replace(faq, aliases=names) for faq in (
        _faq("what-is", "What is (are) Quellin syndrome?",
             "A rare condition of the joints in childhood."),
        _faq("causes", "What causes Quellin syndrome?",
             "Brandt joint disease comes from one gene; Brandt joint disease is rare."),
        _faq("symptoms", "What are the symptoms of Quellin syndrome?",
             "Brandt joint disease makes joints stiff. Brandt joint disease in children, "
             "Brandt joint disease in adults."),
    )) + tuple(_faq(f"other-{n}", f"What is (are) Other syndrome {n}?", "Another rare one.")
               for n in range(5))
    index = open_index(Library(faqs=faqs))
    try:
        assert index.search("What is (are) Brandt joint disease?").results[0].id == "what-is"
        assert index.search("what causes brandt joint disease").results[0].id == "causes"
        # A name alone is no question: the answers writing it most come first, as before.
        assert index.search("brandt joint disease").results[0].id != "what-is"
    finally:
        index.close()


def test_the_question_asked_is_brought_into_the_top_ten_from_below_it():
    # Twelve questions of the topic write its other name more than the one asked, which
    # scores last of them: its title, asking what was asked, brings it to the top.
    names = ("Quellin syndrome", "Brandt joint disease")
    asked = _faq("what-is", "What is (are) Quellin syndrome?", "A rare condition.")
    others = [_faq(f"kind-{n}", f"What is the outlook {n} for Quellin syndrome?",
                   "Brandt joint disease, " * (n + 2)) for n in range(12)]
    faqs = tuple(replace(faq, aliases=names) for faq in (asked, *others))
    index = open_index(Library(faqs=faqs))
    try:
        assert index.search("What is (are) Brandt joint disease?").results[0].id == "what-is"
        assert [r.id for r in index.search("brandt joint disease").results].count(
            "what-is") == 0  # a name alone: the ten that write it most
    finally:
        index.close()


def test_the_question_asked_word_for_word_comes_before_a_title_holding_more():
    # Every pair of words at the question's edges is in both titles, and the longer one's
    # answer names the words more often: only the whole question, in order, tells them apart.
    faqs = (
        _faq("asked", "How to prevent Dorvan fever in Kesh children?",
             "Clean water and a net at night prevent most of it."),
        _faq("longer", "How to prevent Dorvan fever in adults and Kesh children?",
             "Dorvan fever in Kesh children and adults: to prevent Dorvan fever, Kesh "
             "children sleep under nets; adults prevent Dorvan fever with clean water."),
        *(_faq(f"other-{n}", f"How to prevent Other fever {n}?", "Wash hands.")
          for n in range(6)),
    )
    index = open_index(Library(faqs=faqs))
    try:
        found = index.search("How to prevent Dorvan fever in Kesh children?").results
    finally:
        index.close()
    assert [r.id for r in found[:2]] == ["asked", "longer"]


def test_a_few_words_rank_documents_with_every_word_first_then_fill_with_some():
    faqs = (
        _faq("one", "Harlan disease outlook", "The outlook of Harlan disease is good."),
        _faq("both", "Harlan disease prognosis", "Harlan disease: the prognosis is good."),
        _faq("other", "Prognosis of Mervin disease", "The prognosis of Mervin disease is good."),
    )
    index = open_index(Library(faqs=faqs))
    try:
        found = [r.id for r in index.search("harlan prognosis").results]
    finally:
        index.close()
    assert found[0] == "both"
    assert set(found) == {"one", "both", "other"}


def test_a_form_of_the_word_the_pack_writes_is_found():
    faqs = (
        _faq("treated", "How is Harlan disease treated?",
             "After the diagnosis, Harlan disease is treated with rest."),
        _faq("diagnosed", "How is Harlan disease diagnosed?",
             "Harlan disease is diagnosed with a blood test, and often diagnosed early."),
    )
    index = open_index(Library(faqs=faqs))
    try:
        assert index.search("harlan diagnosis").results[0].id == "diagnosed"
    finally:
        index.close()


def test_thousands_of_long_names_keep_the_concept_matcher_small_and_exact():
    from lantern.core.model import Term
    from lantern.core.search.concepts import PREFIX_CHARS, ConceptMatcher

    terms = [Term(id=f"t{n}", term=f"Disorder{n} of glycosylation with long name",
                  definition="-", aliases=(f"Long descriptive other name number {n}",))
             for n in range(3000)]
    matcher = ConceptMatcher(terms)
    # Beginnings are kept up to PREFIX_CHARS letters, not every beginning of every name.
    assert len(matcher._beginnings()) <= len(matcher.names) * PREFIX_CHARS
    found = matcher.spans("is disorder2071 of glycosylation with long name inherited?")
    assert [(s.concept, s.text) for s in found] == [
        ("t2071", "disorder2071 of glycosylation with long name")]
    assert matcher.concepts("a long descriptive other name number 7 here") == ["t7"]
