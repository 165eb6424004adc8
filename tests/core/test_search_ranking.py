"""Ranking: what the engine must find and in what order, beyond the bundled pack's set."""

from __future__ import annotations

import random
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
    for i in range(120):
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
        assert "target" in [hit.key for hit in index.engine.search(query, 10)][:10]
    finally:
        index.close()
