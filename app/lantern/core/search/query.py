"""The query tree the search policy builds and the engine adapter runs: plain data, so the
policy never names the engine's classes. Field names are those of `IndexDoc`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: The fields a word of a query is looked for in.
TEXT_FIELDS = ("title", "heading", "aliases", "body")


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
