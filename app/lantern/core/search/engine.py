"""Search policy: what a typed query means and what the reader is shown, engine-neutral.

Question words dropped, glossary concepts boosted, whole questions matched loosely, typos
corrected ("Did you mean"), the crisis page first, no dead ends, and the notices a reader
reads. In a library of several languages a query is read in one of them (`by_language`)
and finds that language's pages; it is searched in the others when that finds nothing.
The engine itself (Whoosh) is behind `whoosh_adapter`, `whoosh_lang` and `whoosh_store`.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from lantern.core.address import HELP_PAGE, SEARCHED_KINDS, Address, Kind
from lantern.core.model import Library
from lantern.core.search import query as q
from lantern.core.search import whoosh_store
from lantern.core.search.by_language import LanguageContext, contexts, query_language
from lantern.core.search.fallback import SpelledNames, questions_starting, useful_faqs
from lantern.core.search.languages import ENGLISH_QUESTION_WORDS
from lantern.core.search.query import LONG_QUERY_PARTS, TEXT_FIELDS, widened
from lantern.core.search.ranking import whole_question_first
from lantern.core.search.results import SearchResponse, SearchResult, Snippet
from lantern.core.search.safety import crisis_phrasing
from lantern.core.search.whoosh_adapter import Found, Hit, WhooshIndex, WhooshView
from lantern.core.search.whoosh_store import Progress
from lantern.core.text import clean, plain_text

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 24
#: The items at the top of a search whose titles are read to reorder them (the ten shown
#: come from these): at 16 423 records, 30 brought the record asked in another of its
#: names into the ten from below for 6 of 200 questions (docs/benchmarks.md).
RANKED_POOL = 30
#: A word the index does not hold, this long or longer, finds the words it begins.
PREFIX_MIN = 3
PREFIX_WORDS = 8  # the most common of the words it begins
#: In a whole question, a word in more than this share of the documents (and in more than
#: COMMON_MIN_DOCS of them) only adds to the scores of documents found by its other words.
COMMON_SHARE = 0.1
COMMON_MIN_DOCS = 500
#: Forms of a word the pack itself writes ("diagnosis" and "diagnosed", "prognosis" and
#: "prognostic"): index words sharing its stem but its last letter, a few letters longer at
#: most, scored below the word itself. Stems shorter than six letters meet too many other
#: words ("gene", "general").
VARIANT_BOOST = 0.5
VARIANT_EXTRA_LETTERS = 3
MAX_VARIANTS = 4
#: Words of a question that carry no topic, dropped when the query has other words (in
#: English; each language has its own, in `languages.py`).
QUESTION_WORDS = ENGLISH_QUESTION_WORDS
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
    crisis: str | None = None  # the query's crisis phrasing (`safety.crisis_phrasing`)

    @property
    def concept_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.concepts))


class SearchIndex:
    """An index over a Library, built or updated on open, searched by `search()`."""

    def __init__(self, library: Library, engine: WhooshIndex) -> None:
        self.library = library
        self.engine = engine
        self._languages = contexts(library, engine)
        first = next(iter(self._languages.values()))
        self._snippets = first.snippets  # the first language's (benchmarks time them)
        #: Each language's glossary names folded for near spellings, made on first use.
        self._spelled: dict[str, SpelledNames] = {}

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the library's pages are searched in, the first pack's first."""
        return tuple(self._languages)

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

    def forget_kept(self) -> None:
        """Drop what the engine keeps decoded from one search to the next (a benchmark
        asks each of its questions as if for the first time)."""
        self.engine.forget_kept()

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
        *, correct: bool = True, language: str | None = None,
    ) -> SearchResponse:
        """Search for what a person typed. Never raises for any input.

        A word the index has never seen is first spelled the way the index knows it
        ("microdossing" → "microdosing"); if that finds something, those are the results.
        `language` is the one the reader reads in (the window's): the query is searched in
        it unless its words say it is written in another language of the library.
        """
        started = time.perf_counter()
        self.engine.new_search()
        cleaned, _ = _cleaned(text)
        phrasing = crisis_phrasing(cleaned)
        context = self._languages[query_language(self._languages, cleaned, language, phrasing)]
        limit = max(1, min(int(limit), 100))
        asked = set(kinds or ())
        response = self._search_in(context, text, limit, asked, correct=correct,
                                   started=started)
        if not response.results and len(self._languages) > 1 \
                and not _function_words_only(cleaned, context):
            # No dead end: when the query's language finds nothing (even spelled again),
            # the query is searched in the other languages, spelling included
            # ("neuroplastisidad" in the English window). Not to top up a short list: the
            # pages are translations of each other, and an English list filled with
            # Spanish ones reads as noise (and made English searches a third slower).
            for other in self._languages.values():
                found = self._search_in(other, text, limit, asked, correct=correct,
                                        started=started) if other is not context else None
                if found is not None and found.results:
                    return found
        return response

    def _search_in(
        self, context: LanguageContext, text: str, limit: int, asked: set[str], *,
        correct: bool, started: float,
    ) -> SearchResponse:
        typed = self._read(text, context)
        wanted = tuple(k for k in SEARCHED_KINDS if k in asked)
        crisis = typed.crisis is not None and (not asked or Kind.PAGE in wanted)
        query, highlight, unknown = self._build(list(typed.concepts), typed.words, context)
        # Spelling is looked up once per typed query; the corrected search (correct=False)
        # does not look again, the caller reports the suggestion. A crisis query is never
        # "corrected": "i dont want to live anymore" is not "i done want to live anyone".
        suggestion = self._did_you_mean(typed.cleaned, unknown, context) \
            if unknown and correct and typed.crisis is None else ""
        if suggestion:
            fixed = self._search_in(context, suggestion, limit, asked, correct=False,
                                    started=started)
            if fixed.results:
                results = self._help_first(fixed.results, limit, context) if crisis \
                    else fixed.results
                return replace(
                    fixed, query=text, suggestion=suggestion, results=results,
                    counts=fixed.counts if fixed.results[0] == results[0]
                    else _help_counted(results, fixed.counts),
                    notice=f"Showing results for “{suggestion}”.",
                    elapsed_ms=(time.perf_counter() - started) * 1000,
                )
        if query is None:
            return self._nothing_to_search(typed, limit, not asked or Kind.FAQ in wanted,
                                           context, started)
        # The top of a few more items than asked for is reordered by its titles, so a
        # question asked in another record's words is found from just below the top.
        found = self._collect(query, max(limit, RANKED_POOL), wanted, typed.said,
                              context.view)
        hits = whole_question_first(found.hits, typed.said)
        if unknown and hits:
            # Mark the words a fuzzy match found ("psilocibin" found "psilocybin").
            highlight |= context.view.expanded_words(query)
        results = self._ordered(typed, [self._result(h, highlight, typed.concept_ids, context)
                                        for h in hits[:limit]])
        if crisis:
            results = self._help_first(results, limit, context)
        return self._response(typed, results, found, suggestion, started, context)

    def _nothing_to_search(self, typed: _Typed, limit: int, faqs: bool,
                           context: LanguageContext, started: float) -> SearchResponse:
        """A query of no word the index holds: the crisis page for crisis words; for
        question words only ("what is", typed on the way to a question) the questions
        (when `faqs` are asked for) that begin so."""
        if typed.crisis is not None:
            results = self._help_first((), limit, context)
            return SearchResponse(query=typed.text, results=results,
                                  counts=_help_counted(results, {}))
        questions = questions_starting(context.faqs, typed.cleaned, limit,
                                       key=context.profile.names) if faqs else ()
        return SearchResponse(query=typed.text, results=questions, concepts=typed.concept_ids,
                              counts={str(Kind.FAQ): len(questions)} if questions else {},
                              useful=() if questions else useful_faqs(context.faqs),
                              notice=typed.notice,
                              elapsed_ms=(time.perf_counter() - started) * 1000)

    def _read(self, text: str, context: LanguageContext) -> _Typed:
        cleaned, notice = _cleaned(text)
        spans = context.matcher.spans(cleaned)
        rest = cleaned
        for span in reversed(spans):
            rest = rest[: span.start] + " " + rest[span.end :]
        words = _WORD.findall(rest)[:MAX_QUERY_WORDS]
        content = [w for w in words if not context.profile.is_question_word(w)]
        if content or spans:
            # "what are the symptoms of X": the question words only cost time.
            words = content
        said = tuple(context.view.analyze(cleaned)[:MAX_QUERY_WORDS])
        return _Typed(text, cleaned, notice, tuple(s.concept for s in spans), words, said,
                      crisis_phrasing(cleaned))

    def _collect(
        self, query: q.Query, limit: int, kinds: tuple[Kind, ...], said: tuple[str, ...],
        view: WhooshView,
    ) -> Found:
        """Hits of every word; when none, of any word."""
        found = self._run(q.with_title_pairs(query, said), limit, kinds, view)
        if not found.hits and (wider := widened(query)) is not None:
            # The rarer words found nothing (a typo near no indexed word): any word will do.
            found = self._run(q.with_title_pairs(wider, said), limit, kinds, view)
        return found

    def _run(self, query: q.Query, limit: int, kinds: tuple[Kind, ...],
             view: WhooshView) -> Found:
        return view.search(query, limit, kinds)

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
        suggestion: str, started: float, context: LanguageContext,
    ) -> SearchResponse:
        counts: dict[str, int] = {str(kind): n for kind, n in found.counts.items()}
        if not (results and _is_help(results[0])
                and _group(results[0]) in found.items):
            counts = _help_counted(results, counts)
        near: tuple[str, ...] = ()
        useful: tuple[SearchResult, ...] = ()
        if not results:
            spelled = self._spelled.get(context.language)
            if spelled is None:
                spelled = self._spelled[context.language] = SpelledNames(
                    context.terms.values(), key=context.profile.names)
            near = spelled.near(typed.cleaned)
            useful = useful_faqs(context.faqs)
        return SearchResponse(
            query=typed.text, results=results, concepts=typed.concept_ids, counts=counts,
            suggestion=suggestion, near_terms=near, useful=useful,
            notice=typed.notice or (DAMAGED_NOTICE if self.damaged else ""),
            elapsed_ms=(time.perf_counter() - started) * 1000,
        )

    def _help_first(
        self, results: tuple[SearchResult, ...], limit: int, context: LanguageContext,
    ) -> tuple[SearchResult, ...]:
        # The help page in the query's language, else in the library's first language.
        page = context.pages.get(HELP_PAGE) or next(
            (c.pages[HELP_PAGE] for c in self._languages.values() if HELP_PAGE in c.pages),
            None)
        if page is None:
            return results
        # The page's first paragraph, as the reader reads it (no Markdown marks).
        opening = plain_text(page.body.strip().split("\n\n", 1)[0]).replace("\n", " ")
        first = SearchResult(
            kind=Kind.PAGE, id=page.name, title=page.title,
            score=(results[0].score if results else 0.0) + 1.0,
            snippet=Snippet(opening if len(opening) <= 200
                            else opening[:200].rsplit(" ", 1)[0] + " …"),
            language=page.language,
        )
        rest = tuple(r for r in results if not (r.kind is Kind.PAGE and r.id == page.name))
        return (first, *rest)[:limit]

    def _concept_query(self, concept: str, context: LanguageContext) -> q.Query:
        term = context.terms.get(concept)
        options: list[q.Query] = [
            q.Term("concepts", concept),
            q.Term("id", Address(Kind.TERM, concept).group, boost=20.0),
        ]
        for name in term.names if term else ():
            tokens = context.view.analyze(name)
            # A title or heading that names the concept is about it.
            for field in ("title", "heading"):
                if len(tokens) == 1:
                    options.append(q.Term(field, tokens[0], boost=2.0))
                elif tokens:
                    options.append(q.Phrase(field, tuple(tokens), boost=2.0))
        return q.AnyOf(tuple(options))

    def _build(
        self, concepts: list[str], words: list[str], context: LanguageContext | None = None,
    ) -> tuple[q.Query | None, set[str], list[str]]:
        """The query of the concepts and words typed (in the library's first language
        unless `context` says), the index words to mark, and the words the index does not
        hold."""
        context = context or next(iter(self._languages.values()))
        view = context.view
        parts = [self._concept_query(c, context) for c in dict.fromkeys(concepts)]
        common: list[q.Query] = []  # words in a large share of the documents
        common_limit = max(COMMON_MIN_DOCS, COMMON_SHARE * view.language_doc_count)
        terms: set[str] = set()
        unknown: list[str] = []
        for word in words:
            for token in view.analyze(word)[:1]:
                frequency = view.doc_frequency(token)
                if frequency:
                    terms.add(token)
                    options = [q.Term(f, token) for f in TEXT_FIELDS]
                    if frequency <= common_limit and len(words) <= LONG_QUERY_PARTS:
                        # Only a few words: each of them counts (and a long question's
                        # variants cost more time than they find).
                        options += [q.Term(f, variant, boost=VARIANT_BOOST)
                                    for variant in self._variants(token, view)
                                    for f in ("title", "body")]
                    part = q.AnyOf(tuple(options))
                    (common if frequency > common_limit else parts).append(part)
                    continue
                terms.add(token)
                unknown.append(word)
                parts += self._unknown_word(word, token, view, terms)
        return q.combine(parts, common), terms, unknown

    @staticmethod
    def _unknown_word(word: str, token: str, view: WhooshView, terms: set[str]) -> list[q.Query]:
        begun = view.words_starting(word, PREFIX_WORDS) if len(word) >= PREFIX_MIN else []
        if begun:
            # A word being typed ("ket"): the words it begins, as suggestions offer them,
            # each found as if typed whole.
            tokens = dict.fromkeys(t for w in begun for t in view.analyze(w)[:1])
            terms.update(tokens)
            return [q.AnyOf(tuple(q.Term(f, t, boost=0.8) for t in tokens
                                  for f in TEXT_FIELDS))]
        if len(token) >= 4:
            return [_fuzzy(word, token, view)]
        return []

    @staticmethod
    def _variants(token: str, view: WhooshView) -> list[str]:
        if len(token) < 6 or not token.isalpha():
            return []
        stem = token if len(token) <= 5 else token[:-1]
        found = view.words_beginning(stem, len(stem) + VARIANT_EXTRA_LETTERS, MAX_VARIANTS + 1)
        return [w for w in found if w != token][:MAX_VARIANTS]

    def _result(self, hit: Hit, terms: set[str], concepts: tuple[str, ...],
                context: LanguageContext) -> SearchResult:
        matched = set(terms)
        # Mark a concept where one of its names is actually written, not its loose words:
        # the names the index found in the body.
        for concept, written in hit.named if concepts else ():
            if concept in concepts:
                matched.update(context.view.analyze(written))
        snippet = Snippet()
        with contextlib.suppress(Exception):  # a snippet is never worth a failed search
            snippet = context.snippets.make(hit.body, matched)
        if not snippet:
            body = hit.body
            snippet = Snippet(body[:200].rsplit(" ", 1)[0] + " …" if len(body) > 200 else body)
        snippet = replace(snippet, text=snippet.text.replace("\n", " "))
        return SearchResult(
            kind=hit.kind, id=hit.key, title=hit.title, score=hit.score, snippet=snippet,
            anchor=hit.anchor, heading=hit.heading, topics=hit.topics, terms=snippet.words,
            language=hit.language,
        )

    def _did_you_mean(self, cleaned: str, unknown: list[str], context: LanguageContext) -> str:
        view = context.view
        suggestion = cleaned
        changed = False
        for word in unknown:
            if len(word) < 4 or view.words_starting(word, 1):
                continue  # too short to correct, or the start of a known word
            distance = 1 if len(word) <= 5 else 2
            option = view.spelled_like(word, distance)
            if option and view.spelling_form(option) != view.spelling_form(word):
                suggestion = re.sub(rf"\b{re.escape(word)}\b", option, suggestion, count=1)
                changed = True
        return suggestion if changed else ""


def _function_words_only(text: str, context: LanguageContext) -> bool:
    """Whether every word of `text` is a question or stop word of `context`'s language:
    nothing of a topic that another language could find ("what is", "the")."""
    words = _WORD.findall(text)
    return bool(words) and all(context.is_function_word(w) for w in words)


def _cleaned(text: str) -> tuple[str, str]:
    """The query as searched, and the notice when it had to be shortened."""
    cleaned = clean(text).replace("\n", " ").strip()
    if len(cleaned) > MAX_QUERY_CHARS:
        notice = f"Only the first {MAX_QUERY_CHARS} characters were searched."
        return cleaned[:MAX_QUERY_CHARS], notice
    return cleaned, ""


def _group(result: SearchResult) -> str:
    return Address(result.kind, result.id).group


def _is_help(result: SearchResult) -> bool:
    """A help-now page, of any language (`help-now`, `es/help-now`)."""
    return result.kind is Kind.PAGE and result.id.rpartition("/")[2] == HELP_PAGE


def _help_counted(results: tuple[SearchResult, ...], counts: dict[str, int]) -> dict[str, int]:
    """`counts` with the help page pinned first counted among the pages (once)."""
    if not (results and _is_help(results[0])):
        return counts
    page = str(Kind.PAGE)
    return {**counts, page: counts.get(page, 0) + 1}


def _fuzzy(word: str, token: str, view: WhooshView) -> q.Query:
    """A word the index does not hold: its near spellings, ranked below exact matches."""
    distance = 1 if len(token) < 7 else 2
    # Fuzzy matching runs over the unstemmed word list of every field: the stemmer can move
    # a typo far from its stem ("neuroplasticty" vs "neuroplast"), and one field costs a
    # fifth of matching all five.
    plain = view.spelling_form(word)
    field, text = ("words", plain) if plain.isalpha() else ("body", token)
    return q.Fuzzy(field, text, maxdist=distance, prefix=1, boost=0.6)
