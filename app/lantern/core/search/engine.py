"""Search policy: what a typed query means and what the reader is shown, engine-neutral.

Question words dropped, glossary concepts boosted, whole questions matched loosely, typos
corrected ("Did you mean"), the crisis page first, no dead ends, and the notices a reader
reads. The engine itself (Whoosh) is behind `whoosh_adapter` and `whoosh_store`.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

from lantern.core.address import SEARCHED_KINDS, Address, Kind
from lantern.core.model import Library
from lantern.core.search import query as q
from lantern.core.search import whoosh_store
from lantern.core.search.concepts import ConceptMatcher
from lantern.core.search.fallback import near_terms, useful_faqs
from lantern.core.search.query import TEXT_FIELDS, any_of, widened
from lantern.core.search.results import SearchResponse, SearchResult, Snippet
from lantern.core.search.safety import HELP_PAGE, is_crisis
from lantern.core.search.snippets import Snippets
from lantern.core.search.whoosh_adapter import Found, Hit, WhooshIndex
from lantern.core.search.whoosh_store import Progress
from lantern.core.text import clean, plain_text

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 24
#: A word the index does not hold, this long or longer, finds the words it begins.
PREFIX_MIN = 3
PREFIX_WORDS = 8  # the most common of the words it begins
LONG_QUERY_PARTS = 4
#: In a whole question, a word in more than this share of the documents (and in more than
#: COMMON_MIN_DOCS of them) only adds to the scores of documents found by its other words.
COMMON_SHARE = 0.1
COMMON_MIN_DOCS = 500
#: A pair of the query's words side by side in a title or question ("what causes",
#: "symptoms noonan"): evidence of what is asked, added to the scores of documents found.
TITLE_PAIR_BOOST = 1.5
MAX_TITLE_PAIRS = 3
#: Forms of a word the pack itself writes ("diagnosis" and "diagnosed", "prognosis" and
#: "prognostic"): index words sharing its stem but its last letter, a few letters longer at
#: most, scored below the word itself. Stems shorter than six letters meet too many other
#: words ("gene", "general").
VARIANT_BOOST = 0.5
VARIANT_EXTRA_LETTERS = 3
MAX_VARIANTS = 4
#: In a query of a few words, what holding every word adds, as a multiple of its score.
EVERY_WORD_BONUS = 2.0
#: Words of a question that carry no topic, dropped when the query has other words.
QUESTION_WORDS = frozenset({
    "what", "whats", "how", "does", "do", "did", "done", "my", "i", "im", "me", "which", "who",
    "whom", "why", "there", "about", "should", "could", "would", "much", "many", "get", "know",
    "tell", "information", "info", "please", "any", "some", "has", "had", "was", "were",
    "been", "its", "their", "they", "them", "our", "yours", "mine",
})
DAMAGED_NOTICE = ("The search index is damaged and will be rebuilt the next time Lantern "
                  "starts.")

_WORD = re.compile(r"\w+(?:[-.]\w+)*")

__all__ = ["Progress", "SearchIndex"]


@dataclass(frozen=True, slots=True)
class _Typed:
    """A query as read: cleaned text, the concepts it names, its other words."""

    text: str
    cleaned: str
    notice: str
    concepts: tuple[str, ...]  # in the order typed, repeats kept
    words: list[str]
    said: tuple[str, ...] = ()  # every index word of the query, question words kept, in order

    @property
    def concept_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.concepts))


class SearchIndex:
    """An index over a Library, built or updated on open, searched by `search()`."""

    def __init__(self, library: Library, engine: WhooshIndex) -> None:
        self.library = library
        self.engine = engine
        self._matcher = ConceptMatcher(library.terms)
        self._snippets = Snippets(engine.index_form, width=220, context=70, passages=2,
                                  cut_marks=True)

    @classmethod
    def open(
        cls, library: Library, cache: Path | None = None, progress: Progress | None = None
    ) -> SearchIndex:
        """Open the index for `library`, building or updating it only if the content changed.

        A damaged index is rebuilt; an unwritable cache falls back to an index in memory.
        """
        return cls(library, whoosh_store.open_index(library, cache, progress))

    @classmethod
    def open_previous(cls, library: Library, cache: Path) -> SearchIndex | None:
        """The index as the last start left it, to search while `open()` brings it up to date
        (read-only; results of items since removed may appear until then). None when it is
        already current (then `open()` is quick), of another schema, missing or damaged."""
        engine = whoosh_store.open_previous(library, cache)
        return None if engine is None else cls(library, engine)

    def close(self) -> None:
        self.engine.close()

    @property
    def location(self) -> Path | None:
        """The index folder; None when the index lives in memory."""
        return self.engine.location

    @property
    def damaged(self) -> bool:
        return self.engine.damaged

    @property
    def doc_count(self) -> int:
        return self.engine.doc_count

    @property
    def segment_count(self) -> int:
        return self.engine.segment_count

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
        typed = self._read(text)
        limit = max(1, min(int(limit), 100))
        asked = set(kinds or ())
        wanted = tuple(k for k in SEARCHED_KINDS if k in asked)
        crisis = is_crisis(typed.cleaned) and (not asked or Kind.PAGE in wanted)
        query, highlight, unknown = self._build(list(typed.concepts), typed.words)
        # Spelling is looked up once per typed query; the corrected search (correct=False)
        # does not look again, the caller reports the suggestion.
        suggestion = self._did_you_mean(typed.cleaned, unknown) if unknown and correct else ""
        if suggestion:
            fixed = self.search(suggestion, limit, asked, correct=False)
            if fixed.results:
                results = self._help_first(fixed.results, limit) if crisis else fixed.results
                return replace(
                    fixed, query=text, suggestion=suggestion, results=results,
                    counts=fixed.counts if fixed.results[0] == results[0]
                    else _help_counted(results, fixed.counts),
                    notice=f"Showing results for “{suggestion}”.",
                    elapsed_ms=(time.perf_counter() - started) * 1000,
                )
        if query is None:
            if is_crisis(typed.cleaned):
                results = self._help_first((), limit)
                return SearchResponse(query=text, results=results,
                                      counts=_help_counted(results, {}))
            return SearchResponse(query=text, concepts=typed.concept_ids, notice=typed.notice,
                                  elapsed_ms=(time.perf_counter() - started) * 1000)
        found = self._collect(query, limit, wanted, typed.said)
        hits = found.hits
        if unknown and hits:
            # Mark the words a fuzzy match found ("psilocibin" found "psilocybin").
            highlight |= self.engine.expanded_words(query)
        results = self._ordered(typed, [self._result(h, highlight, typed.concept_ids)
                                        for h in hits[:limit]])
        if crisis:
            results = self._help_first(results, limit)
        return self._response(typed, results, found, suggestion, started)

    def _read(self, text: str) -> _Typed:
        cleaned = clean(text).replace("\n", " ").strip()
        notice = ""
        if len(cleaned) > MAX_QUERY_CHARS:
            cleaned = cleaned[:MAX_QUERY_CHARS]
            notice = f"Only the first {MAX_QUERY_CHARS} characters were searched."
        spans = self._matcher.spans(cleaned)
        rest = cleaned
        for span in reversed(spans):
            rest = rest[: span.start] + " " + rest[span.end :]
        words = _WORD.findall(rest)[:MAX_QUERY_WORDS]
        content = [w for w in words if w.lower() not in QUESTION_WORDS]
        if content or spans:
            # "what are the symptoms of X": the question words only cost time.
            words = content
        said = tuple(self.engine.analyze(cleaned)[:MAX_QUERY_WORDS])
        return _Typed(text, cleaned, notice, tuple(s.concept for s in spans), words, said)

    def _collect(
        self, query: q.Query, limit: int, kinds: tuple[Kind, ...], said: tuple[str, ...] = (),
    ) -> Found:
        """Hits of every word; when none, of any word."""
        found = self._run(_with_title_pairs(query, said), limit, kinds)
        if not found.hits and (wider := widened(query)) is not None:
            # The rarer words found nothing (a typo near no indexed word): any word will do.
            found = self._run(_with_title_pairs(wider, said), limit, kinds)
        return found

    def _run(self, query: q.Query, limit: int, kinds: tuple[Kind, ...]) -> Found:
        return self.engine.search(query, limit, kinds)

    @staticmethod
    def _ordered(typed: _Typed, results: list[SearchResult]) -> tuple[SearchResult, ...]:
        if not (typed.concept_ids and not typed.words):
            return tuple(results)
        # The reader typed a term: its glossary entries come first, in the order typed.
        order = {c: i for i, c in enumerate(typed.concept_ids)}
        named = sorted((r for r in results if r.kind is Kind.TERM and r.id in order),
                       key=lambda r: order[r.id])
        return (*named, *(r for r in results if r not in named))

    def _response(
        self, typed: _Typed, results: tuple[SearchResult, ...], found: Found,
        suggestion: str, started: float,
    ) -> SearchResponse:
        counts: dict[str, int] = {str(kind): n for kind, n in found.counts.items()}
        if Address(Kind.PAGE, HELP_PAGE).group not in found.items:
            counts = _help_counted(results, counts)
        near: tuple[str, ...] = ()
        useful: tuple[SearchResult, ...] = ()
        if not results:
            near, useful = near_terms(self.library, typed.cleaned), useful_faqs(self.library)
        return SearchResponse(
            query=typed.text, results=results, concepts=typed.concept_ids, counts=counts,
            suggestion=suggestion, near_terms=near, useful=useful,
            notice=typed.notice or (DAMAGED_NOTICE if self.damaged else ""),
            elapsed_ms=(time.perf_counter() - started) * 1000,
        )

    def _help_first(
        self, results: tuple[SearchResult, ...], limit: int
    ) -> tuple[SearchResult, ...]:
        page = self.library.page(HELP_PAGE)
        if page is None:
            return results
        # The page's first paragraph, as the reader reads it (no Markdown marks).
        opening = plain_text(page.body.strip().split("\n\n", 1)[0]).replace("\n", " ")
        first = SearchResult(
            kind=Kind.PAGE, id=HELP_PAGE, title=page.title,
            score=(results[0].score if results else 0.0) + 1.0,
            snippet=Snippet(opening if len(opening) <= 200
                            else opening[:200].rsplit(" ", 1)[0] + " …"),
        )
        rest = tuple(r for r in results if not _is_help(r))
        return (first, *rest)[:limit]

    def _concept_query(self, concept: str) -> q.Query:
        options: list[q.Query] = [
            q.Term("concepts", concept),
            q.Term("id", Address(Kind.TERM, concept).group, boost=20.0),
        ]
        term = self.library.term(concept)
        for name in term.names if term else ():
            tokens = self.engine.analyze(name)
            # A title or heading that names the concept is about it.
            for field in ("title", "heading"):
                if len(tokens) == 1:
                    options.append(q.Term(field, tokens[0], boost=2.0))
                elif tokens:
                    options.append(q.Phrase(field, tuple(tokens), boost=2.0))
        return q.AnyOf(tuple(options))

    def _build(
        self, concepts: list[str], words: list[str]
    ) -> tuple[q.Query | None, set[str], list[str]]:
        parts = [self._concept_query(c) for c in dict.fromkeys(concepts)]
        common: list[q.Query] = []  # words in a large share of the documents
        common_limit = max(COMMON_MIN_DOCS, COMMON_SHARE * self.doc_count)
        terms: set[str] = set()
        unknown: list[str] = []
        for word in words:
            for token in self.engine.analyze(word)[:1]:
                terms.add(token)
                frequency = self.engine.doc_frequency(token)
                if frequency:
                    options = [q.Term(f, token) for f in TEXT_FIELDS]
                    if frequency <= common_limit and len(words) <= LONG_QUERY_PARTS:
                        # Only a few words: each of them counts (and a long question's
                        # variants cost more time than they find).
                        options += [q.Term(f, variant, boost=VARIANT_BOOST)
                                    for variant in self._variants(token)
                                    for f in ("title", "body")]
                    part = q.AnyOf(tuple(options))
                    (common if frequency > common_limit else parts).append(part)
                    continue
                unknown.append(word)
                begun = self.engine.words_starting(word.lower(), PREFIX_WORDS) \
                    if len(word) >= PREFIX_MIN else []
                if begun:
                    # A word being typed ("ket"): the words it begins, as suggestions offer
                    # them, each found as if typed whole.
                    tokens = dict.fromkeys(t for w in begun for t in self.engine.analyze(w)[:1])
                    terms.update(tokens)
                    parts.append(q.AnyOf(tuple(q.Term(f, t, boost=0.8) for t in tokens
                                               for f in TEXT_FIELDS)))
                elif len(token) >= 4:
                    parts.append(_fuzzy(word, token))
        return _combine(parts, common), terms, unknown

    def _variants(self, token: str) -> list[str]:
        if len(token) < 6 or not token.isalpha():
            return []
        stem = token if len(token) <= 5 else token[:-1]
        found = self.engine.words_beginning(stem, len(stem) + VARIANT_EXTRA_LETTERS,
                                            MAX_VARIANTS + 1)
        return [w for w in found if w != token][:MAX_VARIANTS]

    def _result(self, hit: Hit, terms: set[str], concepts: tuple[str, ...]) -> SearchResult:
        matched = set(terms)
        # Mark a concept where one of its names is actually written, not its loose words.
        # (Scanning the body costs a few milliseconds a hit: only when a concept was asked.)
        for span in self._matcher.spans(hit.body) if concepts else ():
            if span.concept in concepts:
                matched.update(self.engine.analyze(span.text))
        snippet = Snippet()
        with contextlib.suppress(Exception):  # a snippet is never worth a failed search
            snippet = self._snippets.make(hit.body, matched)
        if not snippet:
            body = hit.body
            snippet = Snippet(body[:200].rsplit(" ", 1)[0] + " …" if len(body) > 200 else body)
        snippet = replace(snippet, text=snippet.text.replace("\n", " "))
        return SearchResult(
            kind=hit.kind, id=hit.key, title=hit.title, score=hit.score, snippet=snippet,
            anchor=hit.anchor, heading=hit.heading, topics=hit.topics, terms=snippet.words,
        )

    def _did_you_mean(self, cleaned: str, unknown: list[str]) -> str:
        suggestion = cleaned
        changed = False
        for word in unknown:
            if len(word) < 4 or self.engine.words_starting(word.lower(), 1):
                continue  # too short to correct, or the start of a known word
            distance = 1 if len(word) <= 5 else 2
            option = self.engine.spelled_like(word.lower(), distance)
            if option and option != word.lower():
                suggestion = re.sub(rf"\b{re.escape(word)}\b", option, suggestion, count=1)
                changed = True
        return suggestion if changed else ""


def _is_help(result: SearchResult) -> bool:
    return result.kind is Kind.PAGE and result.id == HELP_PAGE


def _help_counted(results: tuple[SearchResult, ...], counts: dict[str, int]) -> dict[str, int]:
    """`counts` with the help page pinned first counted among the pages (once)."""
    if not (results and _is_help(results[0])):
        return counts
    page = str(Kind.PAGE)
    return {**counts, page: counts.get(page, 0) + 1}


def _fuzzy(word: str, token: str) -> q.Query:
    """A word the index does not hold: its near spellings, ranked below exact matches."""
    distance = 1 if len(token) < 7 else 2
    # Fuzzy matching runs over the unstemmed word list of every field: the stemmer can move
    # a typo far from its stem ("neuroplasticty" vs "neuroplast"), and one field costs a
    # fifth of matching all five.
    plain = word.lower()
    field, text = ("words", plain) if plain.isalpha() else ("body", token)
    return q.Fuzzy(field, text, maxdist=distance, prefix=1, boost=0.6)


def _with_title_pairs(query: q.Query, said: tuple[str, ...]) -> q.Query:
    """The query, with the pairs of words it says side by side scored where a title says
    them too: soft evidence (question words included) that never decides what is found."""
    pairs = list(dict.fromkeys(pairwise(said)))
    if len(pairs) > MAX_TITLE_PAIRS:
        # What a question asks sits at its edges ("what causes …", "… inherited"); the
        # middle is the topic, which the words themselves already score.
        pairs = pairs[: MAX_TITLE_PAIRS - 1] + pairs[-1:]
    if not pairs:
        return query
    soft = any_of([q.Phrase("title", pair, boost=TITLE_PAIR_BOOST) for pair in pairs])
    return q.AndMaybe(query, soft)


def _combine(parts: list[q.Query], common: list[q.Query]) -> q.Query | None:
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
            return q.AndMaybe(any_of(parts), any_of(common))
        return any_of(parts + common)
    if parts and len(parts) + len(common) > 1:
        # A few words: the documents holding every one first, the top filled with those
        # holding some, in one pass. Documents with a rarer word are found; the common
        # words add where they appear, and holding every word adds to that.
        every = q.AllOf(tuple(parts + common), boost=EVERY_WORD_BONUS)
        return q.AndMaybe(any_of(parts), q.AnyOf((every, *common)))
    parts += common
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else q.AllOf(tuple(parts))
