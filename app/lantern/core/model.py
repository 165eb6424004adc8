"""The content a pack holds, as frozen dataclasses. Nothing here touches the disk."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType

from lantern.core.messages import translate


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


#: How `lantern check` says each severity (JSON output keeps the English word).
SEVERITY_WORDS = {Severity.ERROR: translate("check", "error"),
                  Severity.WARNING: translate("check", "warning")}


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with a content file, with where it is and how to fix it."""

    severity: Severity
    file: Path
    line: int
    message: str
    hint: str = ""

    def format(self, root: Path | None = None,
               localise: Callable[[str], str] | None = None) -> str:
        """`file:line: severity: message (hint)`, its words through `localise` when given
        (`lantern.core.messages.localise`: the reader's language)."""
        shown = self.file
        if root is not None:
            with contextlib.suppress(ValueError):
                shown = self.file.relative_to(root)
        say = localise or str
        severity, message, hint = say(SEVERITY_WORDS[self.severity]), say(self.message), \
            say(self.hint)
        text = f"{shown}:{self.line}: {severity}: {message}"
        return printable(f"{text} ({hint})" if hint else text)


def printable(text: str) -> str:
    """`text` safe to print on one terminal line: control and format characters (ANSI
    escapes, carriage returns, newlines, direction overrides) and the undecodable bytes of a
    file name are written as escapes like `\\x1b`, so no line can be faked or split."""
    if text.isprintable():
        return text
    out = []
    for char in text:
        code = ord(char)
        if char.isprintable():
            out.append(char)
        elif 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        else:
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    return "".join(out)


#: The most bytes a reference's link may have to fit the QR code the References panel
#: draws (segno, error correction level M, version 40).
QR_MAX_BYTES = 2331


@dataclass(frozen=True, slots=True)
class PackInfo:
    name: str
    language: str = "en"
    version: str = ""
    license: str = ""
    description: str = ""
    facts_checked: dt.date | None = None  # when the pack's facts were last checked
    addon: bool = False  # adds to another pack: needs no home or help-now page of its own


@dataclass(frozen=True, slots=True)
class Section:
    """One `##` part of an article: the unit search finds and opens."""

    anchor: str
    heading: str
    markdown: str


@dataclass(frozen=True, slots=True)
class Article:
    slug: str
    title: str
    summary: str
    topics: tuple[str, ...]
    reviewed: dt.date
    evidence: str
    body: str
    path: Path
    body_line: int = 1
    aliases: tuple[str, ...] = ()
    content_note: str = ""
    related: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True, slots=True)
class Faq:
    slug: str
    question: str
    topics: tuple[str, ...]
    body: str
    path: Path
    body_line: int = 1
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return self.question


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()
    not_: tuple[str, ...] = ()
    path: Path = Path("glossary.yaml")
    line: int = 1

    @property
    def names(self) -> tuple[str, ...]:
        """The term and all its aliases, the term first."""
        return (self.term, *self.aliases)


@dataclass(frozen=True, slots=True)
class Author:
    family: str = ""
    given: str = ""
    literal: str = ""

    def short(self) -> str:
        if self.literal:
            return self.literal
        initials = "".join(part[0] for part in self.given.replace(".", " ").split())
        return f"{self.family} {initials}".strip()


def _sentence(title: str) -> str:
    title = title.rstrip(". ")
    return title if title.endswith(("?", "!")) else f"{title}."


@dataclass(frozen=True, slots=True)
class Reference:
    id: str
    type: str
    title: str
    issued: int
    authors: tuple[Author, ...] = ()
    container_title: str = ""
    volume: str = ""
    issue: str = ""
    page: str = ""
    doi: str = ""
    url: str = ""
    note: str = ""
    path: Path = Path("references.yaml")
    line: int = 1

    @property
    def link(self) -> str:
        """Where the work can be read: its DOI resolver address, else its URL."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        return self.url

    @property
    def sentence_title(self) -> str:
        """The title as plain text (CSL's `<i>` and the like taken out), ending in one full
        stop, or in its own question or exclamation mark."""
        from lantern.core.references import title_markup

        return _sentence(title_markup(self.title)[1])

    @property
    def sentence_title_html(self) -> str:
        """The same as safe HTML, keeping CSL's italics, bold, superscripts and subscripts."""
        from lantern.core.references import title_markup

        return _sentence(title_markup(self.title)[0])

    def in_text_names(self) -> str:
        """The authors as a sentence names them: "Nutt", "Nutt and King", "Nutt et al."."""
        names = [a.literal or a.family for a in self.authors]
        if not names:
            return self.sentence_title.rstrip(".")
        if len(names) == 1:
            return names[0]
        return f"{names[0]} and {names[1]}" if len(names) == 2 else f"{names[0]} et al."

    def citation(self) -> str:
        """A one-line citation in a Vancouver-like style."""
        names = [a.short() for a in self.authors]
        if len(names) > 6:
            names = [*names[:6], "et al"]
        parts = [", ".join(names)] if names else []
        parts.append(f"({self.issued})")
        head = " ".join(parts)
        text = f"{head}. {self.sentence_title}"
        if self.container_title:
            text += f" {self.container_title}"
            if self.volume:
                text += f" {self.volume}"
                if self.issue:
                    text += f"({self.issue})"
            if self.page:
                text += f":{self.page}"
            text += "."
        if self.doi:
            text += f" doi:{self.doi}"
        elif self.url:
            text += f" {self.url}"
        return text


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    title: str
    body: str
    path: Path
    body_line: int = 1


def _index(items: Iterable[object], key: str) -> Mapping[str, object]:
    return MappingProxyType({getattr(item, key): item for item in items})


@dataclass(frozen=True)
class Library:
    """Everything loaded from one or more packs, plus what was wrong with them."""

    packs: tuple[PackInfo, ...] = ()
    roots: tuple[Path, ...] = ()
    articles: tuple[Article, ...] = ()
    faqs: tuple[Faq, ...] = ()
    terms: tuple[Term, ...] = ()
    references: tuple[Reference, ...] = ()
    pages: tuple[Page, ...] = ()
    problems: tuple[Problem, ...] = ()
    fingerprint: str = ""
    doc_hashes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        object.__setattr__(self, "_articles", _index(self.articles, "slug"))
        object.__setattr__(self, "_faqs", _index(self.faqs, "slug"))
        object.__setattr__(self, "_terms", _index(self.terms, "id"))
        object.__setattr__(self, "_refs", _index(self.references, "id"))
        object.__setattr__(self, "_pages", _index(self.pages, "name"))

    def article(self, slug: str) -> Article | None:
        return self._articles.get(slug)  # type: ignore[attr-defined, no-any-return]

    def faq(self, slug: str) -> Faq | None:
        return self._faqs.get(slug)  # type: ignore[attr-defined, no-any-return]

    def term(self, term_id: str) -> Term | None:
        return self._terms.get(term_id)  # type: ignore[attr-defined, no-any-return]

    def reference(self, ref_id: str) -> Reference | None:
        return self._refs.get(ref_id)  # type: ignore[attr-defined, no-any-return]

    def page(self, name: str) -> Page | None:
        return self._pages.get(name)  # type: ignore[attr-defined, no-any-return]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def name(self) -> str:
        return " + ".join(p.name for p in self.packs) or "Lantern"
