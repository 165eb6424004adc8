"""The Whoosh adapter: schema, analysis, and running the engine-neutral query tree of
`query.py` on an open index. With `whoosh_store.py` (the index's life on disk) the only code
that imports the search engine: swapping the engine means rewriting these two files; the
search policy (`engine.py`) and the rest of Lantern never see Whoosh.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import collectors, index, searching
from whoosh import query as wq
from whoosh.analysis import (
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from lantern.core.address import Kind
from lantern.core.search import query as q
from lantern.core.search.documents import IndexDoc
from lantern.core.search.query import TEXT_FIELDS

log = logging.getLogger(__name__)

TIME_LIMIT_S = 0.5
#: Documents collected per search: the results shown and the counts by kind come from these.
COLLECTED = 200
#: Written beside the segments: schema, content fingerprint and a hash per item.
META_FILE = "lantern-index.json"

#: What the engine imports lazily while building, updating, searching and spelling (and
#: `fcntl`, for the store's update lock). PySide6's import hook is not safe in a worker
#: thread, so the window imports these first, in the GUI thread; a test runs a whole cycle
#: after importing them and sees no new module.
PRELOAD_MODULES = (
    "encodings.latin_1", "encodings.utf_8_sig", "fcntl", "mmap", "tempfile",
    "whoosh.automata.fsa", "whoosh.automata.lev", "whoosh.codec.base", "whoosh.codec.whoosh3",
    "whoosh.externalsort", "whoosh.filedb.compound", "whoosh.filedb.filetables",
    "whoosh.spelling", "whoosh.writing",
)


class CompoundFilter(Filter):  # type: ignore[misc]
    """`5-HT2A` → `5ht2a`; when indexing, `micro-dosing` also yields `micro` and `dosing`."""

    def __call__(self, tokens):  # type: ignore[no-untyped-def]
        for token in tokens:
            text = token.text
            if "-" not in text and "." not in text:
                yield token
                continue
            parts = [p for p in re.split(r"[-.]", text) if p]
            token.text = "".join(parts)
            if token.mode == "query" or len(parts) < 2:
                yield token
                continue
            start = getattr(token, "startchar", None)
            yield token.copy()
            offset = 0
            for part in parts:
                piece = token.copy()
                piece.text = part
                if start is not None:
                    offset = text.index(part, offset)
                    piece.startchar = start + offset
                    piece.endchar = start + offset + len(part)
                    offset += len(part)
                yield piece


def make_analyzer():  # type: ignore[no-untyped-def]
    return (
        RegexTokenizer(r"\w+(?:[-.]\w+)*")
        | LowercaseFilter()
        | CompoundFilter()
        | StopFilter(minsize=1)
        | StemFilter(cachesize=50000)
    )


ANALYZER = make_analyzer()  # type: ignore[no-untyped-call]
SPELL_ANALYZER = RegexTokenizer(r"[^\W\d_]{3,}") | LowercaseFilter()


def make_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        group=ID(stored=True, sortable=True),
        kind=ID(stored=True),
        key=STORED(),
        anchor=STORED(),
        title=TEXT(stored=True, analyzer=ANALYZER, field_boost=3.0),
        heading=TEXT(stored=True, analyzer=ANALYZER, field_boost=2.0),
        aliases=TEXT(analyzer=ANALYZER, field_boost=4.0),
        body=TEXT(stored=True, analyzer=ANALYZER),
        words=TEXT(analyzer=SPELL_ANALYZER, phrase=False),
        topics=KEYWORD(stored=True, commas=True, lowercase=True),
        concepts=KEYWORD(commas=True, scorable=True, field_boost=2.0),
    )


def fields(doc: IndexDoc) -> dict[str, object]:
    return {
        "id": doc.id, "group": doc.group, "kind": doc.kind.value, "key": doc.key,
        "anchor": doc.anchor, "title": doc.title, "heading": doc.heading,
        "aliases": doc.aliases, "body": doc.body,
        "words": f"{doc.title}\n{doc.heading}\n{doc.aliases}\n{doc.body}",
        "topics": ",".join(doc.topics), "concepts": ",".join(doc.concepts),
    }


def _index_form(word: str) -> str:
    """A word as the index holds it (stopwords kept), for marking it in snippets."""
    for token in ANALYZER(word, mode="query", removestops=False):
        return str(token.text)
    return ""


def analyze(text: str) -> list[str]:
    """The index words of `text`, as a query is analyzed."""
    return [str(t.text) for t in ANALYZER(text, mode="query")]


def _to_whoosh(query: q.Query) -> wq.Query:
    if isinstance(query, q.Term):
        return wq.Term(query.field, query.text, boost=query.boost)
    if isinstance(query, q.Phrase):
        return wq.Phrase(query.field, list(query.words), boost=query.boost)
    if isinstance(query, q.Fuzzy):
        return wq.FuzzyTerm(query.field, query.text, boost=query.boost, maxdist=query.maxdist,
                            prefixlength=query.prefix)
    if isinstance(query, q.AnyOf):
        return wq.Or([_to_whoosh(p) for p in query.parts])
    if isinstance(query, q.AllOf):
        return wq.And([_to_whoosh(p) for p in query.parts], boost=query.boost)
    return wq.AndMaybe(_to_whoosh(query.required), _to_whoosh(query.optional))


def _no_matcher_replacement(collector: collectors.Collector) -> None:
    """Switch off Whoosh's replacing of matchers while collecting the top N: it drops
    documents an optional part would lift into the top ("and maybe" of a question's rarer
    and its common words lost the record holding every word). Block-quality skipping,
    which is sound, stays on."""
    while isinstance(collector, collectors.WrappingCollector):
        collector = collector.child
    if isinstance(collector, collectors.ScoredCollector):
        collector.replace = 0


@dataclass(frozen=True, slots=True)
class Hit:
    """One matched item, the best section of it: its stored fields and score."""

    kind: Kind
    key: str
    anchor: str
    title: str
    heading: str
    body: str
    topics: tuple[str, ...]
    score: float


def _hit(hit: searching.Hit) -> Hit:
    return Hit(
        kind=Kind(hit["kind"]), key=hit["key"], anchor=hit.get("anchor", ""),
        title=hit["title"], heading=hit.get("heading", ""), body=hit.get("body", ""),
        topics=tuple(t for t in str(hit.get("topics", "")).split(",") if t),
        score=float(hit.score or 0.0),
    )


@dataclass(frozen=True, slots=True)
class Found:
    """What one search found: the best items, and how many items of each kind matched."""

    hits: list[Hit] = field(default_factory=list)
    counts: dict[Kind, int] = field(default_factory=dict)
    items: frozenset[str] = frozenset()  # the groups (`kind:key`) of every item matched


class WhooshIndex:
    """An open Whoosh index and its searcher; what the search policy asks of the engine."""

    def __init__(self, ix: index.Index, location: Path | None) -> None:
        self.location = location  # None when the index lives in memory
        self._ix = ix
        self._searcher = ix.searcher()
        self.damaged = False

    index_form = staticmethod(_index_form)
    analyze = staticmethod(analyze)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._searcher.close()
        with contextlib.suppress(Exception):
            self._ix.close()

    @property
    def doc_count(self) -> int:
        return int(self._searcher.doc_count())

    @property
    def segment_count(self) -> int:
        return len(self._searcher.reader().leaf_readers())

    def doc_frequency(self, token: str) -> int:
        """In how many documents `token` is, in the text field that has it most."""
        reader = self._searcher.reader()
        return int(max(reader.doc_frequency(f, token) for f in TEXT_FIELDS))

    def words_beginning(self, prefix: str, longest: int, limit: int) -> list[str]:
        """Index words of the body beginning with `prefix`, no longer than `longest`
        letters, the first `limit` in order."""
        found: list[str] = []
        with contextlib.suppress(Exception):
            for value in self._searcher.reader().expand_prefix("body", prefix):
                word = value.decode() if isinstance(value, bytes) else str(value)
                if len(word) <= longest:
                    found.append(word)
                    if len(found) >= limit:
                        break
        return found

    def search(self, query: q.Query, limit: int, kinds: Sequence[Kind] = ()) -> Found:
        """The best `limit` items (the best section of each) among the best `COLLECTED`
        documents, within the time limit, and how many items of each kind those hold;
        nothing if the search fails (a damaged index is marked for rebuilding). As many
        documents are collected whatever `limit` is, so the counts never depend on it, and
        only the items returned have their stored fields read."""
        kind_filter = wq.Or([wq.Term("kind", k.value) for k in kinds]) if kinds else None
        collector = self._searcher.collector(limit=COLLECTED, filter=kind_filter)
        _no_matcher_replacement(collector)
        timed = collectors.TimeLimitCollector(collector, timelimit=TIME_LIMIT_S, use_alarm=False)
        try:
            self._searcher.search_with_collector(_to_whoosh(query), timed)
        except searching.TimeLimit:
            log.info("search hit the time limit; showing partial results")
        except (RecursionError, ValueError) as exc:
            log.warning("search failed: %s", str(exc))
            return Found()
        except Exception as exc:  # a damaged index fails here, not when it is opened
            log.error("the search index looks damaged (%s); it will be rebuilt", str(exc))
            self._mark_damaged()
            return Found()
        # An article is several section documents: keep the best section of each. The
        # item of a document is read from its column, not from its stored fields.
        results = timed.results()
        groups = self._searcher.reader().column_reader("group")
        best: dict[str, int] = {}  # item → its best document's place in the results
        for place, (_, docnum) in enumerate(results.top_n):
            best.setdefault(str(groups[docnum]), place)
        counts: dict[Kind, int] = {}
        for group in best:
            kind = Kind(group.split(":", 1)[0])
            counts[kind] = counts.get(kind, 0) + 1
        return Found([_hit(results[place]) for place in list(best.values())[:limit]], counts,
                     frozenset(best))

    def expanded_words(self, query: q.Query) -> set[str]:
        """The index words `query` matches in the text fields, fuzzy terms expanded."""
        found: set[str] = set()
        with contextlib.suppress(Exception):
            reader = self._searcher.reader()
            for field, value in _to_whoosh(query).existing_terms(reader, expand=True):
                word = value.decode() if isinstance(value, bytes) else str(value)
                if field in TEXT_FIELDS:
                    found.add(word)
                elif field == "words":  # written words: the text fields hold their stems
                    found.add(_index_form(word))
        return found

    def words_starting(self, prefix: str, limit: int) -> list[str]:
        """The indexed words (as written) that begin with `prefix`, the most common first."""
        with contextlib.suppress(Exception):
            reader = self._searcher.reader()
            found = []
            for word in reader.expand_prefix("words", prefix):
                text = word.decode() if isinstance(word, bytes) else str(word)
                found.append((-reader.doc_frequency("words", text), text))
                if len(found) >= 50 * limit:  # a short prefix of a large vocabulary
                    break
            return [text for _, text in sorted(found)[:limit]]
        return []

    def spelled_like(self, word: str, maxdist: int) -> str:
        """The indexed word nearest `word` within `maxdist` edits, or ""."""
        # prefix=1: candidates share the first letter, so the scan of the word list stays
        # small (without it one suggestion compared against every word indexed).
        options = self._searcher.corrector("words").suggest(word, limit=1, maxdist=maxdist,
                                                             prefix=1)
        return str(options[0]) if options else ""

    def _mark_damaged(self) -> None:
        """Make the next open rebuild the index (Whoosh keeps no checksums of its own)."""
        self.damaged = True
        if self.location is not None:
            with contextlib.suppress(OSError):
                (self.location / META_FILE).unlink()
