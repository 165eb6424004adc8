"""The Whoosh adapter: the only module that imports the search engine.

Swapping the engine means rewriting this file and nothing else: the rest of Lantern sees
`SearchIndex`, `SearchResponse` and `SearchResult`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import re
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from html import escape
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
from whoosh.filedb.filestore import RamStorage

from lantern.core.atomic import write_text_atomic
from lantern.core.model import Library
from lantern.core.search.concepts import ConceptMatcher
from lantern.core.search.documents import KINDS, IndexDoc, iter_documents
from lantern.core.search.fallback import near_terms, useful_faqs
from lantern.core.search.results import SearchResponse, SearchResult
from lantern.core.search.safety import HELP_PAGE, is_crisis
from lantern.core.search.snippets import Snippets
from lantern.core.text import clean

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
META_FILE = "lantern-index.json"
MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 24
TIME_LIMIT_S = 0.5
LONG_QUERY_PARTS = 4
#: In a whole question, a word in more than this share of the documents (and in more than
#: COMMON_MIN_DOCS of them) only adds to the scores of documents found by its other words.
COMMON_SHARE = 0.1
COMMON_MIN_DOCS = 500
OPTIMIZE_UP_TO = 500  # documents; see _update (merging 1 000 took 1.7 s)
#: Words of a question that carry no topic, dropped when the query has other words.
QUESTION_WORDS = frozenset({
    "what", "whats", "how", "does", "do", "did", "done", "my", "i", "im", "me", "which", "who",
    "whom", "why", "there", "about", "should", "could", "would", "much", "many", "get", "know",
    "tell", "information", "info", "please", "any", "some", "has", "had", "was", "were",
    "been", "its", "their", "they", "them", "our", "yours", "mine",
})
Progress = Callable[[int, int], None]

_WORD = re.compile(r"\w+(?:[-.]\w+)*")


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
TEXT_FIELDS = ("title", "heading", "aliases", "body")


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


def _fields(doc: IndexDoc) -> dict[str, object]:
    return {
        "id": doc.id, "group": doc.group, "kind": doc.kind, "key": doc.key,
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


def _or(parts: list[wq.Query]) -> wq.Query:
    # No coordination bonus (`scale`): it counted the matched terms of every matched
    # document, a third of the matching time, and LiveQA relevance was as good without
    # it (docs/benchmarks.md, "Latest run").
    return parts[0] if len(parts) == 1 else wq.Or(parts)


def index_dir_for(library: Library, cache: Path) -> Path:
    """One index folder per set of content folders, per schema version."""
    key = "\n".join(str(r.resolve()) for r in library.roots)
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    return cache / "index" / f"v{SCHEMA_VERSION}-{digest}"


class SearchIndex:
    """A Whoosh index over a Library, built or updated on open, searched by `search()`."""

    def __init__(self, library: Library, ix: index.Index, location: Path | None) -> None:
        self.library = library
        self.location = location  # None when the index lives in memory
        self._ix = ix
        self._searcher = ix.searcher()
        self._matcher = ConceptMatcher(library.terms)
        self._snippets = Snippets(_index_form, width=220, context=70, passages=2,
                                  cut_marks=True)
        self.damaged = False

    # opening ---------------------------------------------------------------------------

    @classmethod
    def open(
        cls, library: Library, cache: Path | None = None, progress: Progress | None = None
    ) -> SearchIndex:
        """Open the index for `library`, building or updating it only if the content changed.

        A damaged index is rebuilt; an unwritable cache falls back to an index in memory.
        """
        if cache is None:
            return cls(library, _build_in_memory(library, progress), None)
        location = index_dir_for(library, cache)
        try:
            try:
                return cls(library, _open_or_update(library, location, progress), location)
            except IndexBusy:
                raise
            except Exception as exc:  # damage that shows only once segments are read
                if _is_folder_problem(exc):
                    raise
                log.warning("index at %s is damaged (%s); rebuilding", location, str(exc))
                with _exclusive(location):
                    return cls(library, _rebuild(library, location, progress), location)
        except IndexBusy:
            log.warning("another Lantern is updating %s; searching from memory", location)
        except OSError as exc:
            log.warning("index folder %s unusable (%s); searching from memory", location, str(exc))
        return cls(library, _build_in_memory(library, progress), None)

    @classmethod
    def open_previous(cls, library: Library, cache: Path) -> SearchIndex | None:
        """The index as the last start left it, to search while `open()` brings it up to date
        (read-only; results of items since removed may appear until then). None when it is
        already current (then `open()` is quick), of another schema, missing or damaged."""
        location = index_dir_for(library, cache)
        meta = _meta(location)
        if meta.get("schema") != SCHEMA_VERSION or meta.get("fingerprint") == library.fingerprint:
            return None
        try:
            if not index.exists_in(str(location)):
                return None
            return cls(library, _open_dir(location, readonly=True), location)
        except Exception as exc:  # damaged: open() will rebuild it
            log.info("previous index at %s not usable (%s)", location, str(exc))
            return None

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._searcher.close()
        with contextlib.suppress(Exception):
            self._ix.close()

    @property
    def doc_count(self) -> int:
        return int(self._searcher.doc_count())

    # searching -------------------------------------------------------------------------

    def search(
        self, text: str, limit: int = 10, kinds: Iterable[str] | None = None,
        *, correct: bool = True,
    ) -> SearchResponse:
        """Search for what a person typed. Never raises for any input.

        A word the index has never seen is first spelled the way the index knows it
        ("microdossing" → "microdosing"); if that finds something, those are the results.
        """
        started = time.perf_counter()
        cleaned = clean(text).replace("\n", " ").strip()
        notice = ""
        if len(cleaned) > MAX_QUERY_CHARS:
            cleaned = cleaned[:MAX_QUERY_CHARS]
            notice = f"Only the first {MAX_QUERY_CHARS} characters were searched."
        limit = max(1, min(int(limit), 100))
        concepts = self._matcher.spans(cleaned)
        rest = cleaned
        for span in reversed(concepts):
            rest = rest[: span.start] + " " + rest[span.end :]
        words = _WORD.findall(rest)[:MAX_QUERY_WORDS]
        content = [w for w in words if w.lower() not in QUESTION_WORDS]
        if content or concepts:
            # "what are the symptoms of X": the question words only cost time.
            words = content
        query, highlight_terms, unknown = self._build(
            [s.concept for s in concepts], words
        )
        concept_ids = tuple(dict.fromkeys(s.concept for s in concepts))
        # Spelling is looked up once per typed query; the corrected search (correct=False)
        # does not look again, the caller reports the suggestion.
        suggestion = self._did_you_mean(cleaned, unknown) if unknown and correct else ""
        if suggestion:
            fixed = self.search(suggestion, limit, kinds, correct=False)
            if fixed.results:
                results = fixed.results
                if is_crisis(cleaned) and (not kinds or "page" in kinds):
                    results = self._help_first(results, limit)
                return replace(
                    fixed, query=text, suggestion=suggestion, results=results,
                    notice=f"Showing results for “{suggestion}”.",
                    elapsed_ms=(time.perf_counter() - started) * 1000,
                )
        if query is None:
            if is_crisis(cleaned):
                return SearchResponse(query=text, results=self._help_first((), limit))
            return SearchResponse(query=text, concepts=concept_ids, notice=notice,
                                  elapsed_ms=(time.perf_counter() - started) * 1000)
        kind_filter = None
        if kinds:
            wanted = [k for k in kinds if k in KINDS]
            kind_filter = wq.Or([wq.Term("kind", k) for k in wanted]) if wanted else None
        hits = self._run(query, limit, kind_filter)
        if not hits and isinstance(query, wq.And):
            hits = self._run(wq.Or(query.subqueries), limit, kind_filter)
        elif not hits and isinstance(query, wq.AndMaybe):
            # The rarer words found nothing (a typo near no indexed word): any word will do.
            hits = self._run(wq.Or([query.a, query.b]), limit, kind_filter)
        if unknown and hits:
            # Mark the words a fuzzy match found ("psilocibin" found "psilocybin").
            with contextlib.suppress(Exception):
                reader = self._searcher.reader()
                for field, value in query.existing_terms(reader, expand=True):
                    if field in TEXT_FIELDS:
                        highlight_terms.add(value.decode() if isinstance(value, bytes)
                                            else str(value))
        results = tuple(
            self._result(hit, highlight_terms, concept_ids) for hit in hits[:limit]
        )
        if concept_ids and not words:
            # The reader typed a term: its glossary entries come first, in the order typed.
            order = {c: i for i, c in enumerate(concept_ids)}
            named = sorted((r for r in results if r.kind == "term" and r.id in order),
                           key=lambda r: order[r.id])
            results = (*named, *(r for r in results if r not in named))
        if is_crisis(cleaned) and (not kinds or "page" in kinds):
            results = self._help_first(results, limit)
        counts: dict[str, int] = {}
        for hit in hits:
            counts[hit["kind"]] = counts.get(hit["kind"], 0) + 1
        near: tuple[str, ...] = ()
        useful: tuple[SearchResult, ...] = ()
        if not results:
            near, useful = near_terms(self.library, cleaned), useful_faqs(self.library)
        return SearchResponse(
            query=text, results=results, concepts=concept_ids, counts=counts,
            suggestion=suggestion, near_terms=near, useful=useful,
            notice=notice or ("The search index is damaged and will be rebuilt the next time "
                              "Lantern starts." if self.damaged else ""),
            elapsed_ms=(time.perf_counter() - started) * 1000,
        )

    def _mark_damaged(self) -> None:
        """Make the next open rebuild the index (Whoosh keeps no checksums of its own)."""
        self.damaged = True
        if self.location is not None:
            with contextlib.suppress(OSError):
                (self.location / META_FILE).unlink()

    def _help_first(
        self, results: tuple[SearchResult, ...], limit: int
    ) -> tuple[SearchResult, ...]:
        page = self.library.page(HELP_PAGE)
        if page is None:
            return results
        first = SearchResult(
            kind="page", id=HELP_PAGE, title=page.title,
            score=(results[0].score if results else 0.0) + 1.0,
            snippet=escape(page.body.strip().split("\n", 1)[0][:200]),
        )
        rest = tuple(r for r in results if not (r.kind == "page" and r.id == HELP_PAGE))
        return (first, *rest)[:limit]

    def _build(
        self, concepts: list[str], words: list[str]
    ) -> tuple[wq.Query | None, set[str], list[str]]:
        reader = self._searcher.reader()
        parts: list[wq.Query] = []
        common: list[wq.Query] = []  # words in a large share of the documents
        common_limit = max(COMMON_MIN_DOCS, COMMON_SHARE * self.doc_count)
        terms: set[str] = set()
        unknown: list[str] = []
        for concept in dict.fromkeys(concepts):
            options: list[wq.Query] = [
                wq.Term("concepts", concept),
                wq.Term("id", f"term:{concept}", boost=20.0),
            ]
            term = self.library.term(concept)
            for name in term.names if term else ():
                tokens = [t.text for t in ANALYZER(name, mode="query")]
                # A title or heading that names the concept is about it.
                for field in ("title", "heading"):
                    if len(tokens) == 1:
                        options.append(wq.Term(field, tokens[0], boost=2.0))
                    elif tokens:
                        options.append(wq.Phrase(field, tokens, boost=2.0))
            parts.append(wq.Or(options))
        for word in words:
            tokens = [t.text for t in ANALYZER(word, mode="query")]
            for token in tokens[:1]:
                terms.add(token)
                frequency = max(reader.doc_frequency(f, token) for f in TEXT_FIELDS)
                if frequency:
                    part = wq.Or([wq.Term(f, token) for f in TEXT_FIELDS])
                    (common if frequency > common_limit else parts).append(part)
                    continue
                unknown.append(word)
                if len(token) < 4:
                    continue
                distance = 1 if len(token) < 7 else 2
                # Fuzzy matching runs over the unstemmed word list of every field: the
                # stemmer can move a typo far from its stem ("neuroplasticty" vs
                # "neuroplast"), and one field costs a fifth of matching all five.
                plain = word.lower()
                field, text = ("words", plain) if plain.isalpha() else ("body", token)
                parts.append(wq.FuzzyTerm(field, text, boost=0.6, maxdist=distance,
                                          prefixlength=1))
        if len(parts) + len(common) > LONG_QUERY_PARTS:
            # A whole question: every word need not appear; documents with more of them
            # score higher. (An AND would almost always fail and cost a second search.)
            if parts and common:
                # Scoring every document that holds any common word ("treatment",
                # "cause") is most of the time of a wide OR: the documents are those with
                # a rarer word, and the common words only add to their scores.
                return (wq.AndMaybe(_or(parts), _or(common)), terms, unknown)
            return _or(parts + common), terms, unknown
        parts += common
        if not parts:
            return None, terms, unknown
        if len(parts) == 1:
            return parts[0], terms, unknown
        return wq.And(parts), terms, unknown

    def _run(
        self, query: wq.Query, limit: int, kind_filter: wq.Query | None
    ) -> list[searching.Hit]:
        collector = self._searcher.collector(
            limit=min(limit * 4, 200), filter=kind_filter,
        )
        timed = collectors.TimeLimitCollector(collector, timelimit=TIME_LIMIT_S, use_alarm=False)
        try:
            self._searcher.search_with_collector(query, timed)
        except searching.TimeLimit:
            log.info("search hit the time limit; showing partial results")
        except (RecursionError, ValueError) as exc:
            log.warning("search failed: %s", str(exc))
            return []
        except Exception as exc:  # a damaged index fails here, not when it is opened
            log.error("the search index looks damaged (%s); it will be rebuilt", str(exc))
            self._mark_damaged()
            return []
        # An article is several section documents: keep the best section of each.
        best: dict[str, searching.Hit] = {}
        for hit in timed.results():
            best.setdefault(hit["group"], hit)
        return list(best.values())

    def _result(
        self, hit: searching.Hit, terms: set[str], concepts: tuple[str, ...]
    ) -> SearchResult:
        body = hit.get("body", "")
        matched = set(terms)
        # Mark a concept where one of its names is actually written, not its loose words.
        # (Scanning the body costs a few milliseconds a hit: only when a concept was asked.)
        for span in self._matcher.spans(body) if concepts else ():
            if span.concept in concepts:
                matched.update(t.text for t in ANALYZER(span.text, mode="query"))
        snippet = ""
        with contextlib.suppress(Exception):  # a snippet is never worth a failed search
            snippet = self._snippets.make(body, matched)
        if not snippet:
            short = body[:200].rsplit(" ", 1)[0] + " …" if len(body) > 200 else body
            snippet = escape(short)
        return SearchResult(
            kind=hit["kind"], id=hit["key"], title=hit["title"], score=float(hit.score or 0.0),
            snippet=snippet.replace("\n", " "), anchor=hit.get("anchor", ""),
            heading=hit.get("heading", ""),
            topics=tuple(t for t in str(hit.get("topics", "")).split(",") if t),
        )

    def _did_you_mean(self, cleaned: str, unknown: list[str]) -> str:
        corrector = self._searcher.corrector("words")
        suggestion = cleaned
        changed = False
        for word in unknown:
            if len(word) < 4:
                continue
            distance = 1 if len(word) <= 5 else 2
            # prefix=1: candidates share the first letter, so the scan of the word list
            # stays small (without it one suggestion compared against every word indexed).
            options = corrector.suggest(word.lower(), limit=1, maxdist=distance, prefix=1)
            if options and options[0] != word.lower():
                suggestion = re.sub(rf"\b{re.escape(word)}\b", options[0], suggestion, count=1)
                changed = True
        return suggestion if changed else ""


# --- building --------------------------------------------------------------------------


def _meta(location: Path) -> dict[str, object]:
    try:
        data = json.loads((location / META_FILE).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_meta(location: Path, library: Library) -> None:
    data = {
        "schema": SCHEMA_VERSION,
        "fingerprint": library.fingerprint,
        "hashes": dict(library.doc_hashes),
    }
    write_text_atomic(location / META_FILE, json.dumps(data))


class IndexBusy(Exception):
    """Another Lantern process is writing this index right now."""


def lock_path(location: Path) -> Path:
    return location.with_name(location.name + ".lock")


@contextlib.contextmanager
def _exclusive(location: Path) -> Iterator[None]:
    """Hold the index's update lock, or raise IndexBusy at once if another process has it.

    Only one process builds or updates an index; readers never need the lock.
    """
    path = lock_path(location)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        try:
            import fcntl
        except ImportError:  # Windows: Whoosh's own write lock still guards the segments
            yield
            return
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexBusy(str(location)) from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _is_folder_problem(exc: BaseException) -> bool:
    # A segment file that is gone is damage to rebuild from; a permission error or a full
    # disk is a folder to stop using.
    return isinstance(exc, OSError) and not isinstance(exc, FileNotFoundError)


class ForeignSchema(Exception):
    """The index on disk holds other fields than this version of Lantern writes."""


def _open_dir(location: Path, readonly: bool = False) -> index.Index:
    """Open the index at `location`, refusing one whose fields are not Lantern's."""
    ix = index.open_dir(str(location), readonly=readonly)
    found = {name: type(ix.schema[name]).__name__ for name in ix.schema.names()}
    wanted = {name: type(f).__name__ for name, f in make_schema().items()}
    if found != wanted:
        ix.close()
        raise ForeignSchema(f"fields {sorted(found)} are not those of schema {SCHEMA_VERSION}")
    return ix


def _open_or_update(library: Library, location: Path, progress: Progress | None) -> index.Index:
    meta = _meta(location)
    if (meta.get("schema") == SCHEMA_VERSION and meta.get("fingerprint") == library.fingerprint
            and index.exists_in(str(location))):
        try:
            return _open_dir(location, readonly=True)
        except Exception as exc:
            if _is_folder_problem(exc):
                raise
            log.warning("index at %s is damaged (%s); rebuilding", location, str(exc))
    with _exclusive(location):
        return _update_or_rebuild(library, location, progress)


def _update_or_rebuild(
    library: Library, location: Path, progress: Progress | None
) -> index.Index:
    meta = _meta(location)  # read again: another process may have just finished
    if meta.get("schema") == SCHEMA_VERSION and index.exists_in(str(location)):
        try:
            ix = _open_dir(location)
            if meta.get("fingerprint") == library.fingerprint:
                return ix
            old = meta.get("hashes")
            if isinstance(old, dict):
                _update(ix, library, old, progress)
                _write_meta(location, library)
                return ix
        except Exception as exc:  # a damaged index raises many kinds of error
            if _is_folder_problem(exc):
                raise
            log.warning("index at %s is damaged (%s); rebuilding", location, str(exc))
    return _rebuild(library, location, progress)


def _rebuild(library: Library, location: Path, progress: Progress | None) -> index.Index:
    if location.exists():
        shutil.rmtree(location, ignore_errors=True)
    location.mkdir(parents=True, exist_ok=True)
    (location / META_FILE).unlink(missing_ok=True)
    ix = index.create_in(str(location), make_schema())
    _write_docs(ix, iter_documents(library), len(library.doc_hashes), progress)
    _write_meta(location, library)
    return ix


def _build_in_memory(library: Library, progress: Progress | None) -> index.Index:
    ix = RamStorage().create_index(make_schema())
    _write_docs(ix, iter_documents(library), len(library.doc_hashes), progress)
    return ix


def _write_docs(
    ix: index.Index, docs: Iterator[IndexDoc], total: int, progress: Progress | None,
    delete_groups: Iterable[str] = (), optimize: bool = False,
) -> None:
    writer = ix.writer(limitmb=128)
    try:
        for group in delete_groups:
            writer.delete_by_term("group", group)
        groups_done: set[str] = set()
        for doc in docs:
            writer.add_document(**_fields(doc))
            if doc.group not in groups_done:
                groups_done.add(doc.group)
                if progress:
                    progress(len(groups_done), total)
        writer.commit(optimize=optimize)
    except BaseException:
        writer.cancel()
        raise


def _update(
    ix: index.Index, library: Library, old: dict[str, object], progress: Progress | None
) -> None:
    new = dict(library.doc_hashes)
    old_terms = {k: v for k, v in old.items() if k.startswith("term:")}
    new_terms = {k: v for k, v in new.items() if k.startswith("term:")}
    if old_terms != new_terms:
        # Concepts annotate every document: a glossary change touches them all.
        changed = set(new)
        removed = set(old)
    else:
        changed = {k for k, v in new.items() if old.get(k) != v}
        removed = {k for k in old if k not in new}
    if not changed and not removed:
        return
    docs = iter_documents(library, groups=changed)
    # Each update adds a segment, and searching several segments is slower (spelling
    # suggestions above all). Small indexes are merged back into one at once; for big
    # ones a merge takes tens of seconds, so they keep the extra segment.
    optimize = ix.doc_count() <= OPTIMIZE_UP_TO
    _write_docs(ix, docs, len(changed), progress, delete_groups=sorted(changed | removed),
                optimize=optimize)


# --- diagnostics -----------------------------------------------------------------------


@dataclass(frozen=True)
class IndexHealth:
    """What `lantern doctor` reports about the index of a Library; nothing is changed."""

    location: Path
    built: bool = False
    opens: bool = False
    doc_count: int = 0
    segments: int = 0
    up_to_date: bool = False
    error: str = ""

    @property
    def healthy(self) -> bool:
        return self.built and self.opens and self.up_to_date


def index_health(library: Library, cache: Path) -> IndexHealth:
    """Open the index read-only and read a little of every segment, reporting what fails."""
    location = index_dir_for(library, cache)
    meta = _meta(location)
    if not index.exists_in(str(location)):
        return IndexHealth(location)
    up_to_date = (meta.get("schema") == SCHEMA_VERSION
                  and meta.get("fingerprint") == library.fingerprint)
    try:
        ix = _open_dir(location, readonly=True)
        try:
            with ix.searcher() as searcher:
                reader = searcher.reader()
                segments = len(reader.leaf_readers())
                for leaf, _offset in reader.leaf_readers():
                    leaf.doc_frequency("kind", "term")  # term dictionary
                    if leaf.doc_count():
                        next(iter(leaf.all_stored_fields()), None)  # stored fields
                count = int(searcher.doc_count())
        finally:
            ix.close()
    except Exception as exc:  # any damage: reported, never raised
        return IndexHealth(location, built=True, up_to_date=up_to_date,
                           error=f"{exc.__class__.__name__}: {exc}")
    return IndexHealth(location, built=True, opens=True, doc_count=count, segments=segments,
                       up_to_date=up_to_date)
