"""The Whoosh adapter: schema, analysis, and running the engine-neutral query tree of
`query.py` on an open index. With `whoosh_store.py` (the index's life on disk),
`whoosh_lang.py` (analysis by language), `whoosh_scan.py` (scoring a query word by word)
and `whoosh_near.py` (near spellings) the only code that imports the search engine
(`whoosh_lazy.py` only puts off loading two of its modules): swapping the engine means
rewriting these files; the search policy (`engine.py`) and the rest of Lantern never see
Whoosh.

One index holds every language; each analysed language searches its own fields through a
`WhooshView` (`WhooshIndex.view("es")`). `WhooshIndex` itself is the English view.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index, reading, searching
from whoosh import query as wq
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from lantern.core.address import Kind
from lantern.core.search import query as q
from lantern.core.search import whoosh_lazy
from lantern.core.search.documents import IndexDoc
from lantern.core.search.languages import DEFAULT
from lantern.core.search.query import TEXT_FIELDS
from lantern.core.search.whoosh_lang import (
    ENGLISH,
    FIELDS,
    WRITTEN_SEPARATOR,
    CompoundFilter,
    LanguageBM25F,
    LanguageFields,
    documents_per_field,
    fields_for,
)
from lantern.core.search.whoosh_near import NearSpellings
from lantern.core.search.whoosh_scan import Scan

__all__ = ["ANALYZER", "COLLECTED", "META_FILE", "CompoundFilter", "Found", "Hit",
           "WhooshIndex", "WhooshView", "fields", "make_schema"]

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
    "whoosh.lang.snowball.spanish",  # the Spanish stemmer, made on the first Spanish word
)
# …that stemmer alone, not the Snowball package's fourteen (see whoosh_lazy).
whoosh_lazy.set_snowball_aside()


ANALYZER = ENGLISH.analyzer
SPELL_ANALYZER = ENGLISH.spelling


def _text_fields(spec: LanguageFields) -> dict[str, object]:
    f = spec.field
    found: dict[str, object] = {
        f("title"): TEXT(stored=True, analyzer=spec.analyzer, field_boost=3.0),
        f("heading"): TEXT(stored=True, analyzer=spec.analyzer, field_boost=2.0),
        f("aliases"): TEXT(analyzer=spec.analyzer, field_boost=4.0),
        f("body"): TEXT(stored=True, analyzer=spec.analyzer),
        f("words"): TEXT(analyzer=spec.spelling, phrase=False),
        f("concepts"): KEYWORD(commas=True, scorable=True, field_boost=2.0),
    }
    if spec.written is not None:
        found[spec.written_field] = TEXT(analyzer=spec.written, phrase=False)
    return found


def make_schema() -> Schema:
    text: dict[str, object] = {}
    for spec in FIELDS.values():
        text.update(_text_fields(spec))
    return Schema(
        id=ID(stored=True, unique=True),
        group=ID(stored=True, sortable=True),
        kind=ID(stored=True),
        language=ID(stored=True),
        key=STORED(),
        anchor=STORED(),
        named=STORED(),  # the glossary names written in the body (IndexDoc.named)
        asks=STORED(),  # the title's index words and each alias's (Hit.title_words, names)
        topics=KEYWORD(stored=True, commas=True, lowercase=True),
        **text,
    )


def fields(doc: IndexDoc) -> dict[str, object]:
    spec = fields_for(doc.language)
    f = spec.field
    words = f"{doc.title}\n{doc.heading}\n{doc.aliases}\n{doc.body}"
    found: dict[str, object] = {
        "id": doc.id, "group": doc.group, "kind": doc.kind.value, "key": doc.key,
        "language": doc.language, "anchor": doc.anchor, f("title"): doc.title,
        f("heading"): doc.heading, f("aliases"): doc.aliases, f("body"): doc.body,
        f("words"): words, "topics": ",".join(doc.topics),
        f("concepts"): ",".join(doc.concepts), "named": doc.named,
        # Read to reorder the top of a search (ranking.py) without analysing at each one.
        # (Names in the order written, each once: the same pack makes the same index.)
        "asks": (tuple(analyze(doc.title, spec)),
                 tuple(dict.fromkeys(tokens for name in doc.aliases.split("\n")
                                     if (tokens := tuple(analyze(name, spec)))))),
    }
    if spec.written is not None:
        found[spec.written_field] = words
    return found


def _index_form(word: str, spec: LanguageFields = ENGLISH) -> str:
    """A word as the index holds it (stopwords kept), for marking it in snippets."""
    for token in spec.analyzer(word, mode="query", removestops=False):
        return str(token.text)
    return ""


def _index_forms(words: Sequence[str], spec: LanguageFields = ENGLISH) -> list[str]:
    """`_index_form` of each of `words` (each a whole word as the analyzer splits them), the
    analyzer run once over all of them; [] when it did not give one form a word."""
    forms = [str(t.text) for t in spec.analyzer(" ".join(words), mode="query",
                                                  removestops=False)]
    return forms if len(forms) == len(words) else []


def analyze(text: str, spec: LanguageFields = ENGLISH) -> list[str]:
    """The index words of `text`, as a query is analyzed."""
    return [str(t.text) for t in spec.analyzer(text, mode="query")]


def _to_whoosh(query: q.Query, spec: LanguageFields = ENGLISH) -> wq.Query:
    if isinstance(query, q.Term):
        return wq.Term(spec.field(query.field), query.text, boost=query.boost)
    if isinstance(query, q.Phrase):
        return wq.Phrase(spec.field(query.field), list(query.words), boost=query.boost)
    if isinstance(query, q.Fuzzy):
        return wq.FuzzyTerm(spec.field(query.field), query.text, boost=query.boost,
                            maxdist=query.maxdist, prefixlength=query.prefix)
    if isinstance(query, q.AnyOf):
        return wq.Or([_to_whoosh(p, spec) for p in query.parts])
    if isinstance(query, q.AllOf):
        return wq.And([_to_whoosh(p, spec) for p in query.parts], boost=query.boost)
    return wq.AndMaybe(_to_whoosh(query.required, spec), _to_whoosh(query.optional, spec))


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
    language: str = DEFAULT
    #: (concept, as written) of each glossary name in the body.
    named: tuple[tuple[str, str], ...] = ()
    #: The title's index words, as a query's are analysed.
    title_words: tuple[str, ...] = ()
    #: The index words of each other name the item declares for its topic (`aliases`).
    names: tuple[tuple[str, ...], ...] = ()


def _hit(stored: dict[str, Any], score: float, spec: LanguageFields = ENGLISH) -> Hit:
    f = spec.field
    title_words, names = stored.get("asks", ((), ()))
    return Hit(
        kind=Kind(stored["kind"]), key=stored["key"], anchor=stored.get("anchor", ""),
        title=stored.get(f("title"), ""), heading=stored.get(f("heading"), ""),
        body=stored.get(f("body"), ""),
        topics=tuple(t for t in str(stored.get("topics", "")).split(",") if t),
        score=float(score or 0.0), language=stored.get("language") or DEFAULT,
        named=tuple(stored.get("named", ())), title_words=title_words, names=names,
    )


@dataclass(frozen=True, slots=True)
class Found:
    """What one search found: the best items, and how many items of each kind matched."""

    hits: list[Hit] = field(default_factory=list)
    counts: dict[Kind, int] = field(default_factory=dict)
    items: frozenset[str] = frozenset()  # the groups (`kind:key`) of every item matched


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


class WhooshView:
    """What the search policy asks of the engine, in the fields of one language."""

    def __init__(self, owner: WhooshIndex, spec: LanguageFields) -> None:
        self._owner = owner
        self.spec = spec

    @property
    def language(self) -> str:
        return self.spec.code

    @property
    def language_doc_count(self) -> int:
        """How many documents are in this language."""
        return self._owner.documents_in(self.spec.code)

    def analyze(self, text: str) -> list[str]:
        """The index words of `text`, as a query is analyzed."""
        return analyze(text, self.spec)

    def index_form(self, word: str) -> str:
        return _index_form(word, self.spec)

    def index_forms(self, words: Sequence[str]) -> list[str]:
        """`index_form` of each of `words` at once (whole words as the analyzer splits
        them), or [] when that cannot be told word by word."""
        return _index_forms(words, self.spec)

    def spelling_form(self, word: str) -> str:
        """`word` as the list of written words holds it (lower case; Spanish unaccented)."""
        return self.spec.spelling_form(word)

    def is_stop_word(self, word: str) -> bool:
        return self.spec.spelling_form(word) in self.spec.stop_words

    def writes(self, word: str) -> bool:
        """Whether a page in this language writes `word` (any case; Spanish, any accents)."""
        return bool(self._owner.reader().doc_frequency(self.spec.field("words"),
                                                       self.spelling_form(word)))

    def in_prose(self, token: str) -> bool:
        """Whether a title, heading or text in this language holds the index word `token`
        (aliases left out: they name things in other languages too)."""
        reader = self._owner.reader()
        return any(reader.doc_frequency(self.spec.field(f), token)
                   for f in ("title", "heading", "body"))

    def doc_frequency(self, token: str) -> int:
        """In how many documents `token` is, in the text field that has it most."""
        reader = self._owner.reader()
        return int(max(reader.doc_frequency(self.spec.field(f), token) for f in TEXT_FIELDS))

    def words_beginning(self, prefix: str, longest: int, limit: int) -> list[str]:
        """Index words of the body beginning with `prefix`, no longer than `longest`
        letters, the first `limit` in order."""
        found: list[str] = []
        with contextlib.suppress(Exception):
            for value in self._owner.reader().expand_prefix(self.spec.field("body"), prefix):
                word = _text(value)
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
        return self._owner.run(query, limit, kinds, self.spec)

    def expanded_words(self, query: q.Query) -> set[str]:
        """The index words `query` matches in the text fields, fuzzy terms expanded."""
        found: set[str] = set()
        text_fields = {self.spec.field(f) for f in TEXT_FIELDS}
        words = self.spec.field("words")
        with contextlib.suppress(Exception):
            reader = self._owner.reader()
            for name, value in _to_whoosh(query, self.spec).existing_terms(reader, expand=True):
                if name in text_fields:
                    found.add(_text(value))
                elif name == words:  # written words: the text fields hold their stems
                    found.add(self.index_form(_text(value)))
        return found

    def words_starting(self, prefix: str, limit: int) -> list[str]:
        """The indexed words (as the spelling list holds them) that begin with `prefix`,
        the most common first."""
        field_name = self.spec.field("words")
        with contextlib.suppress(Exception):
            reader = self._owner.reader()
            found = []
            for word in reader.expand_prefix(field_name, self.spelling_form(prefix)):
                text = _text(word)
                found.append((-reader.doc_frequency(field_name, text), text))
                if len(found) >= 50 * limit:  # a short prefix of a large vocabulary
                    break
            return [text for _, text in sorted(found)[:limit]]
        return []

    def spelled_like(self, word: str, maxdist: int) -> str:
        """The indexed word nearest `word` within `maxdist` edits, as it is written, or ""."""
        # prefix=1: candidates share the first letter, so the scan of the word list stays
        # small (without it one suggestion compared against every word indexed).
        searcher = self._owner.searcher()
        options = searcher.corrector(self.spec.field("words")).suggest(
            self.spelling_form(word), limit=1, maxdist=maxdist, prefix=1)
        return self.written(str(options[0])) if options else ""

    def written(self, word: str) -> str:
        """How the pages most often write a word of the spelling list (`nausea` → `náusea`)."""
        if self.spec.written is None:
            return word
        best = (0, word)
        with contextlib.suppress(Exception):
            reader = self._owner.reader()
            name = self.spec.written_field
            for value in reader.expand_prefix(name, word + WRITTEN_SEPARATOR):
                text = _text(value)
                best = max(best, (reader.doc_frequency(name, text),
                                  text.split(WRITTEN_SEPARATOR, 1)[1]))
        return best[1]


class WhooshIndex(WhooshView):
    """An open Whoosh index and its searcher; its English fields as a view, and
    `view(language)` for the others."""

    def __init__(self, ix: index.Index, location: Path | None) -> None:
        super().__init__(self, ENGLISH)
        self.location = location  # None when the index lives in memory
        self._ix = ix
        reader = ix.reader()
        self._near = reader.terms_within = NearSpellings(reader)
        self._documents = documents_per_field(reader)
        self._searcher = searching.Searcher(reader, weighting=LanguageBM25F(self._documents),
                                            fromindex=ix)
        self._scan = Scan(self._searcher, self._near.by_edits)
        self._kinds: dict[tuple[str, ...], frozenset[int]] = {}
        self._group_column: Any = None
        self._views = {code: self if spec is ENGLISH else WhooshView(self, spec)
                       for code, spec in FIELDS.items()}
        self.damaged = False

    def new_search(self) -> None:
        """A search begins: the near spellings found for the one before are forgotten."""
        self._near.forget()

    def forget_kept(self) -> None:
        """Drop the posting lists kept decoded between searches. (The lists of indexed
        words near spellings are looked for in stay: one per first letter, read once.)"""
        self._scan.forget()

    def view(self, language: str) -> WhooshView:
        """The fields pages in `language` are searched in."""
        return self._views[fields_for(language).code]

    @property
    def languages(self) -> tuple[str, ...]:
        """The analysed languages that have documents in the index."""
        return tuple(code for code, v in self._views.items() if v.language_doc_count)

    def documents_in(self, language: str) -> int:
        found = self._documents.get(fields_for(language).field("body"), 0)
        if found == self._searcher.doc_count_all():  # one language: deleted ones left out
            return int(self._searcher.doc_count())
        return found

    def reader(self) -> reading.IndexReader:
        return self._searcher.reader()

    def searcher(self) -> searching.Searcher:
        return self._searcher

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._searcher.close()
        with contextlib.suppress(Exception):
            self._ix.close()

    @property
    def doc_count(self) -> int:  # every language
        return int(self._searcher.doc_count())

    @property
    def segment_count(self) -> int:
        return len(self._searcher.reader().leaf_readers())

    def run(self, query: q.Query, limit: int, kinds: Sequence[Kind],
            spec: LanguageFields) -> Found:
        try:
            top, timed_out = self._scan.top(
                query, spec.field, functools.partial(_to_whoosh, spec=spec), COLLECTED,
                self._of_kinds(kinds), time.perf_counter() + TIME_LIMIT_S)
        except (RecursionError, ValueError) as exc:
            log.warning("search failed: %s", str(exc))
            return Found()
        except Exception as exc:  # a damaged index fails here, not when it is opened
            log.error("the search index looks damaged (%s); it will be rebuilt", str(exc))
            self._mark_damaged()
            return Found()
        if timed_out:
            log.info("search hit the time limit; showing partial results")
        # An article is several section documents: keep the best section of each. The
        # item of a document is read from its column, not from its stored fields.
        groups = self._groups()
        best: dict[str, int] = {}  # item → its best document's place in `top`
        for place, (_, docnum) in enumerate(top):
            best.setdefault(str(groups[docnum]), place)
        counts: dict[Kind, int] = {}
        for group in best:
            kind = Kind(group.split(":", 1)[0])
            counts[kind] = counts.get(kind, 0) + 1
        stored = self._searcher.stored_fields
        return Found([_hit(stored(top[place][1]), top[place][0], spec)
                      for place in list(best.values())[:limit]], counts, frozenset(best))

    def _groups(self) -> Any:
        """The column of the documents' items, opened once (opening it reads an offset
        per document: 9 ms a search at 16 423)."""
        if self._group_column is None:
            self._group_column = self._searcher.reader().column_reader("group")
        return self._group_column

    def _of_kinds(self, kinds: Sequence[Kind]) -> frozenset[int] | None:
        """The documents of `kinds` (None: every kind), kept for the searcher's life."""
        if not kinds:
            return None
        key = tuple(sorted(k.value for k in kinds))
        found = self._kinds.get(key)
        if found is None:
            found = self._kinds[key] = frozenset(self._searcher.docs_for_query(
                wq.Or([wq.Term("kind", k) for k in key])))
        return found

    def _mark_damaged(self) -> None:
        """Make the next open rebuild the index (Whoosh keeps no checksums of its own)."""
        self.damaged = True
        if self.location is not None:
            with contextlib.suppress(OSError):
                (self.location / META_FILE).unlink()
