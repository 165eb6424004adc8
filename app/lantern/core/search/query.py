"""The query tree the search policy builds and the engine adapter runs: plain data, so the
policy never names the engine's classes. Field names are those of `IndexDoc`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

#: The fields a word of a query is looked for in.
TEXT_FIELDS = ("title", "heading", "aliases", "body")
#: More parts than this make a whole question: every word need not appear.
LONG_QUERY_PARTS = 4
#: A pair of the query's words side by side in a title or question ("what causes",
#: "symptoms noonan"): evidence of what is asked, added to the scores of documents found.
TITLE_PAIR_BOOST = 1.5
MAX_TITLE_PAIRS = 3
#: In a query of a few words, what holding every word adds, as a multiple of its score.
EVERY_WORD_BONUS = 2.0


@dataclass(frozen=True, slots=True)
class Term:
    field: str
    text: str
    boost: float = 1.0


@dataclass(frozen=True, slots=True)
class Phrase:
    field: str
    words: tuple[str, ...]
    boost: float = 1.0


@dataclass(frozen=True, slots=True)
class Fuzzy:
    """A word within `maxdist` edits of `text`, sharing its first `prefix` letters."""

    field: str
    text: str
    maxdist: int
    prefix: int = 1
    boost: float = 1.0


@dataclass(frozen=True, slots=True)
class AnyOf:
    parts: tuple[Query, ...]


@dataclass(frozen=True, slots=True)
class AllOf:
    parts: tuple[Query, ...]
    boost: float = 1.0


@dataclass(frozen=True, slots=True)
class AndMaybe:
    """Documents matching `required`; `optional` only adds to their scores."""

    required: Query
    optional: Query


Query = Term | Phrase | Fuzzy | AnyOf | AllOf | AndMaybe


def any_of(parts: Sequence[Query]) -> Query:
    """One part as itself, several as any of them."""
    return parts[0] if len(parts) == 1 else AnyOf(tuple(parts))


def widened(query: Query) -> Query | None:
    """The query that asks for any of its parts, when it asked for all; else None."""
    if isinstance(query, AllOf):
        return AnyOf(query.parts)
    if isinstance(query, AndMaybe):
        return AnyOf((query.required, query.optional))
    return None


def with_title_pairs(query: Query, said: tuple[str, ...]) -> Query:
    """The query, with the pairs of words it says side by side scored where a title says
    them too: soft evidence (question words included) that never decides what is found."""
    pairs = list(dict.fromkeys(pairwise(said)))
    if len(pairs) > MAX_TITLE_PAIRS:
        # What a question asks sits at its edges ("what causes …", "… inherited"); the
        # middle is the topic, which the words themselves already score.
        pairs = pairs[: MAX_TITLE_PAIRS - 1] + pairs[-1:]
    if not pairs:
        return query
    soft = any_of([Phrase("title", pair, boost=TITLE_PAIR_BOOST) for pair in pairs])
    return AndMaybe(query, soft)


def combine(parts: list[Query], common: list[Query]) -> Query | None:
    # No coordination bonus: it counted the matched terms of every matched document, a
    # third of the matching time, and LiveQA relevance was as good without it
    # (docs/benchmarks.md, "Latest run").
    if len(parts) + len(common) > LONG_QUERY_PARTS:
        # A whole question: every word need not appear; documents with more of them score
        # higher. (An AND would almost always fail and cost a second search.)
        if parts and common:
            # Scoring every document that holds any common word ("treatment", "cause") is
            # most of the time of a wide OR: the documents are those with a rarer word, and
            # the common words only add to their scores.
            return AndMaybe(any_of(parts), any_of(common))
        return any_of(parts + common)
    if parts and len(parts) + len(common) > 1:
        # A few words: the documents holding every one first, the top filled with those
        # holding some, in one pass. Documents with a rarer word are found; the common
        # words add where they appear, and holding every word adds to that.
        every = AllOf(tuple(parts + common), boost=EVERY_WORD_BONUS)
        return AndMaybe(any_of(parts), AnyOf((every, *common)))
    parts += common
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else AllOf(tuple(parts))
