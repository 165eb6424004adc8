"""Suggestions while typing: glossary names, article titles and questions, from memory.

No search index is needed: every word of every name is kept folded in one sorted list, so
the entries with a word starting like a typed word are found by bisection, and only those
are ranked. That stays around a millisecond at 16 000 questions. Words are folded without
their accents (`clinica` starts `clínica`); in a library of several languages the entries
of the reader's language come first.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from dataclasses import dataclass

from lantern.core.address import Kind
from lantern.core.model import Library
from lantern.core.search.languages import fold_unaccented as fold
from lantern.core.search.results import Suggestion

_KIND_ORDER = {Kind.TERM: 0, Kind.ARTICLE: 1, Kind.FAQ: 2}
#: Beginnings up to this many letters have their entries gathered in advance.
SHORT_PREFIX = 2


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: Kind
    id: str
    text: str
    folded: str
    words: tuple[str, ...]
    language: str


_WORD = re.compile(r"\w+(?:[-.]\w+)*")


def _words(text: str, folded: dict[str, str] | None = None) -> tuple[str, ...]:
    """The folded words of `text`; `folded` remembers words folded before (a library's
    16 000 questions hold some 135 000 words, but only a tenth of them differ)."""
    folded = {} if folded is None else folded
    out = []
    for word in _WORD.findall(text):
        form = folded.get(word)
        if form is None:
            form = folded[word] = fold(word)
        out.append(form)
    return tuple(out)


class Suggester:
    """Made at once; the word list is built on `prepare` or the first `suggest`, whichever
    comes first, in whatever thread calls it (a fifth of a second at 16 000 questions, which
    the window spends in the background once search is usable, not before)."""

    def __init__(self, library: Library) -> None:
        self._library: Library | None = library
        self._lock = threading.Lock()
        self._entries: list[_Entry] = []
        self._words: list[str] = []
        self._holders: list[list[int]] = []
        self._short: dict[str, list[int]] = {}
        self._short_starts: dict[str, list[int]] = {}

    def prepare(self) -> Suggester:
        """Build the word list now (once: later calls return at once); returns itself."""
        with self._lock:
            if self._library is not None:
                self._build(self._library)
                self._library = None
        return self

    def _build(self, library: Library) -> None:
        entries: list[_Entry] = []
        seen: dict[str, str] = {}
        for term in library.terms:
            for name in term.names:
                text = term.term if name == term.term else f"{name} ({term.term})"
                entries.append(_Entry(Kind.TERM, term.id, text, fold(name),
                                      _words(name, seen), term.language))
        for article in library.articles:
            entries.append(_Entry(Kind.ARTICLE, article.slug, article.title, fold(article.title),
                                  _words(article.title, seen), article.language))
        for faq in library.faqs:
            words = _words(faq.question, seen)
            # An ASCII question folds to its folded words joined (`fold` keeps letters and
            # digits only); others are folded whole (accents, compatibility forms).
            whole = "".join(words) if faq.question.isascii() else fold(faq.question)
            entries.append(_Entry(Kind.FAQ, faq.slug, faq.question, whole, words,
                                  faq.language))
        # Best first as suggestions rank them, language and start aside: glossary names,
        # then titles, then questions, shorter before longer (the sort keeps the order of
        # ties). An entry's place is then its rank, and `suggest` can stop early.
        entries.sort(key=lambda e: (_KIND_ORDER.get(e.kind, 3), len(e.text)))
        self._entries = entries
        # Each distinct word once, with the entries holding it. Sorting the distinct words
        # (strings) instead of every (word, entry) pair is a tenth of the work, and a sort
        # holds the interpreter lock, and so the window, for all of it.
        holders: dict[str, list[int]] = {}
        for i, entry in enumerate(entries):
            for word in entry.words:
                if word:
                    holders.setdefault(word, []).append(i)
        self._words = sorted(holders)
        self._holders = [holders[w] for w in self._words]
        # For each beginning of one or two letters, the entries holding a word that begins
        # so, in place order: ready for what is typed first. (At 16 000 questions "a" is the
        # entries of some 2 000 words: gathering and sorting them took 13 ms a keystroke.)
        short: dict[str, set[int]] = {}
        for word, held in zip(self._words, self._holders, strict=True):
            for n in range(1, min(len(word), SHORT_PREFIX) + 1):
                short.setdefault(word[:n], set()).update(held)
        self._short = {prefix: sorted(found) for prefix, found in short.items()}
        # And of those, the entries that start so (in place order, as they are visited).
        starts: dict[str, list[int]] = {}
        for i, entry in enumerate(entries):
            for n in range(1, SHORT_PREFIX + 1):
                prefix = entry.folded[:n]
                if len(prefix) == n and any(w.startswith(prefix) for w in entry.words):
                    starts.setdefault(prefix, []).append(i)
        self._short_starts = starts

    def _starting_with(self, prefix: str) -> set[int]:
        found: set[int] = set()
        words = self._words
        i = bisect_left(words, prefix)
        while i < len(words) and words[i].startswith(prefix):
            found.update(self._holders[i])
            i += 1
        return found

    def _best(self, typed: tuple[str, ...], whole: str, wanted: int,
              language: str | None) -> list[_Entry]:
        """The `wanted` best entries holding a word that starts with each word typed (or
        with all of it folded), in rank order."""
        candidates: set[int] | None = None
        for word in sorted(set(typed), key=len, reverse=True):  # longest: fewest matches
            found = self._starting_with(word)
            candidates = found if candidates is None else candidates & found
            if not candidates:
                break
        # "5 ht2a" typed as two words still starts "5-HT2A receptor" once folded.
        ordered = sorted((candidates or set()) | self._starting_with(whole))
        # In order of place, into four lists: the reader's language before others, and in
        # each, entries that start as typed before those with the words inside. Once the
        # first list holds enough, nothing later can beat it.
        groups: tuple[list[_Entry], ...] = ([], [], [], [])
        for index in ordered:
            entry = self._entries[index]
            other = 2 if language is not None and entry.language != language else 0
            if entry.folded.startswith(whole):
                group = groups[other]
            else:
                group = groups[other + 1]
                if len(group) >= wanted or not all(
                        any(w.startswith(t) for w in entry.words) for t in typed):
                    continue
            if len(group) < wanted:
                group.append(entry)
            if len(groups[0]) >= wanted:
                break
        return [entry for group in groups for entry in group][:wanted]

    def _best_short(self, prefix: str, wanted: int, language: str | None) -> list[_Entry]:
        """`_best` for one word of a letter or two, from the lists made in advance: first
        the entries that start so (every question starting "What…" for "w": a few dozen
        read), then, only if they are too few, those with a word inside that starts so."""
        groups: tuple[list[_Entry], ...] = ([], [], [], [])
        entries = self._entries
        for index in self._short_starts.get(prefix, ()):
            entry = entries[index]
            group = groups[2 if language is not None and entry.language != language else 0]
            if len(group) < wanted:
                group.append(entry)
            if len(groups[0]) >= wanted:
                break
        if len(groups[0]) < wanted:
            for index in self._short.get(prefix, ()):
                entry = entries[index]
                if entry.folded.startswith(prefix):
                    continue  # listed above
                group = groups[3 if language is not None and entry.language != language
                               else 1]
                if len(group) < wanted:
                    group.append(entry)
                if len(groups[0]) + len(groups[1]) >= wanted:
                    break  # later lists cannot make the cut
        return [entry for group in groups for entry in group][:wanted]

    def suggest(self, text: str, limit: int = 8,
                language: str | None = None) -> tuple[Suggestion, ...]:
        """Entries whose words start with every word typed; those in `language` (the
        reader's) first, then exact starts first."""
        typed = _words(text)
        whole = fold(text)
        if not whole:
            return ()
        if self._library is not None:
            self.prepare()
        wanted = limit * 3
        if len(typed) == 1 and typed[0] == whole and len(whole) <= SHORT_PREFIX:
            best = self._best_short(whole, wanted, language)  # one word of a letter or two
        else:
            best = self._best(typed, whole, wanted, language)
        seen: set[tuple[str, str, str]] = set()
        texts: set[str] = set()
        out: list[Suggestion] = []
        for entry in best:
            if (entry.kind, entry.id, entry.language) in seen or entry.text in texts:
                continue
            seen.add((entry.kind, entry.id, entry.language))
            texts.add(entry.text)
            out.append(Suggestion(kind=entry.kind, id=entry.id, text=entry.text,
                                  language=entry.language))
            if len(out) == limit:
                break
        return tuple(out)
