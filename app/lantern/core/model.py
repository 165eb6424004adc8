"""The content a pack holds, as frozen dataclasses. Nothing here touches the disk."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any

from lantern.core.address import Address, Kind, qualify
from lantern.core.messages import localise, translate


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
        (`lantern.core.messages.localise`: the reader's language). A problem of the whole
        file (line 0: unreadable, no line to name) is `file: severity: …`."""
        shown = self.file
        if root is not None:
            with contextlib.suppress(ValueError):
                shown = self.file.relative_to(root)
        say = localise or str
        severity, message, hint = say(SEVERITY_WORDS[self.severity]), say(self.message), \
            say(self.hint)
        where = f"{shown}:{self.line}" if self.line > 0 else f"{shown}"
        text = f"{where}: {severity}: {message}"
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
    translation_of: str = ""  # the language of the pack this one translates ("" for none)


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
    language: str = "en"
    translates: str = ""  # the library key of the article this one translates

    @property
    def key(self) -> str:
        return self.slug


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
    language: str = "en"
    translates: str = ""  # the library key of the FAQ this one translates

    @property
    def key(self) -> str:
        return self.slug

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
    language: str = "en"
    translates: str = ""  # the library key of the term this one translates

    @property
    def key(self) -> str:
        return self.id

    @property
    def names(self) -> tuple[str, ...]:
        """The term and all its aliases, the term first."""
        return (self.term, *self.aliases)


@dataclass(frozen=True, slots=True)
class Author:
    family: str = ""
    given: str = ""
    literal: str = ""

    @property
    def is_others(self) -> bool:
        """`literal: others` closes a list that goes on ("and others", as BibTeX writes it):
        a reference whose later authors were not stored shows "et al." after the names."""
        return not self.family and self.literal.strip().lower() == "others"

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

    @property
    def named_authors(self) -> tuple[Author, ...]:
        """The authors stored by name, without the `others` that says the list goes on."""
        return tuple(a for a in self.authors if not a.is_others)

    @property
    def more_authors(self) -> bool:
        """Whether the stored list ends before the paper's own does."""
        return any(a.is_others for a in self.authors)

    def in_text_names(self, code: str | None = None) -> str:
        """The authors as a sentence names them: "Nutt", "Nutt and King", "Nutt et al.", in
        `code` (by default the language being spoken): "Nutt y King"."""
        names = [a.literal or a.family for a in self.named_authors]
        if not names:
            return self.sentence_title.rstrip(".")
        if len(names) == 1 and not self.more_authors:
            return names[0]
        said = translate("references", "{first} and {second}").format(
            first=names[0], second=names[1]) if len(names) == 2 else translate(
                "references", "{first} et al.").format(first=names[0])
        return localise(said, code)

    def citation(self) -> str:
        """A one-line citation in a Vancouver-like style."""
        names = [a.short() for a in self.named_authors]
        if len(names) > 6 or (names and self.more_authors):
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
    language: str = "en"

    @property
    def local_name(self) -> str:
        """The file name without the pack's language: `help-now` for `es/help-now`."""
        return self.name.rpartition("/")[2]


def _index(items: Iterable[object], key: str) -> Mapping[str, object]:
    return MappingProxyType({getattr(item, key): item for item in items})


Item = Article | Faq | Term | Page


@dataclass(frozen=True)
class Library:
    """Everything loaded from one or more packs, plus what was wrong with them.

    Packs may be in several languages. Items of the first pack's language keep their plain
    keys (slug, glossary id, page name); an item of a pack in another language has the
    language before its key, `es/mdma` (see `address.qualify`), so addresses stay distinct.
    `in_language(code)` is the library seen in one language: its lists hold that
    language's items only, and a plain key looked up in it is read in that language."""

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
    #: The language this library is seen in ("" for all of them: the whole library).
    language: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_articles", _index(self.articles, "slug"))
        object.__setattr__(self, "_faqs", _index(self.faqs, "slug"))
        object.__setattr__(self, "_terms", _index(self.terms, "id"))
        object.__setattr__(self, "_refs", _index(self.references, "id"))
        object.__setattr__(self, "_pages", _index(self.pages, "name"))
        object.__setattr__(self, "_views", {})
        object.__setattr__(self, "_whole", self)
        object.__setattr__(self, "_pairs", None)

    def _get(self, index: str, key: str) -> Any:
        found: Mapping[str, object] = getattr(self, index)
        item = found.get(key)
        if item is None and self.language and "/" not in key:
            item = found.get(qualify(key, self.prefix(self.language)))
        return item

    def article(self, slug: str) -> Article | None:
        return self._get("_articles", slug)  # type: ignore[no-any-return]

    def faq(self, slug: str) -> Faq | None:
        return self._get("_faqs", slug)  # type: ignore[no-any-return]

    def term(self, term_id: str) -> Term | None:
        return self._get("_terms", term_id)  # type: ignore[no-any-return]

    def reference(self, ref_id: str) -> Reference | None:
        return self._refs.get(ref_id)  # type: ignore[attr-defined, no-any-return]

    def page(self, name: str) -> Page | None:
        return self._get("_pages", name)  # type: ignore[no-any-return]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def name(self) -> str:
        return " + ".join(p.name for p in self.packs) or "Lantern"

    # languages ------------------------------------------------------------------------

    @property
    def base_language(self) -> str:
        """The first pack's language: its items' addresses carry no language."""
        return self.packs[0].language if self.packs else "en"

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages of the packs, the first pack's first."""
        return tuple(dict.fromkeys(p.language for p in self.packs)) or ("en",)

    def prefix(self, language: str) -> str:
        """What goes before the keys of `language`'s items: "" for the first language."""
        return "" if language == self.base_language else language

    def key_of(self, written: str) -> str:
        """A slug, id or page name as a pack in this library's language writes it, as the
        library's key: `es/mdma` in the Spanish view, `mdma` in the first language's."""
        return qualify(written, self.prefix(self.language)) if self.language else written

    @property
    def whole(self) -> Library:
        """The library in all its languages (itself unless this is `in_language`'s view)."""
        return self._whole  # type: ignore[attr-defined, no-any-return]

    def in_language(self, language: str) -> Library:
        """The library seen in `language`: its articles, FAQs, terms and pages only (all
        the references), plain keys looked up in it. Made once per language."""
        whole = self.whole
        views: dict[str, Library] = whole._views  # type: ignore[attr-defined]
        if language not in views:
            def mine(items: Iterable[Item]) -> tuple[Any, ...]:
                return tuple(i for i in items if i.language == language)

            view = dataclasses.replace(
                whole, articles=mine(whole.articles), faqs=mine(whole.faqs),
                terms=mine(whole.terms), pages=mine(whole.pages), language=language)
            object.__setattr__(view, "_whole", whole)
            views[language] = view
        return views[language]

    def page_in(self, name: str, language: str) -> Page | None:
        """A page (`home`, `help-now` …) by its file name, in `language`."""
        whole = self.whole
        return whole._pages.get(qualify(name, whole.prefix(language)))  # type: ignore

    def find(self, where: Address) -> Item | Reference | None:
        """The item an address points at, in whatever language it is."""
        whole = self.whole
        index = {Kind.ARTICLE: "_articles", Kind.FAQ: "_faqs", Kind.TERM: "_terms",
                 Kind.PAGE: "_pages", Kind.REF: "_refs"}.get(where.kind)
        return getattr(whole, index).get(where.key) if index else None

    def language_of(self, address: str) -> str:
        """The language of the page at an internal address (the first language's if it
        names none)."""
        where = Address.parse(address)
        if where is None or where.kind is Kind.REF:
            return self.base_language
        return where.language or self.base_language

    def exists(self, address: str) -> bool:
        """Is there a page at this internal address, in any language?"""
        where = Address.parse(address)
        if where is None:
            return False
        if where.kind in (Kind.HOME, Kind.LIST):
            return not where.language or where.language in self.languages
        return where.kind is not Kind.REF and self.find(where) is not None

    def translation(self, address: str, language: str) -> str | None:
        """The address of the same page in `language`: the item it `translates` or that
        translates it, the page of the same name, the home page or list of that language.
        The address itself when it is in `language` already; None when there is none."""
        whole = self.whole
        where = Address.parse(address)
        if where is None or language not in whole.languages:
            return None
        prefix = whole.prefix(language)
        if where.kind in (Kind.HOME, Kind.LIST):
            return str(Address(where.kind, qualify(where.local_key, prefix) if where.local_key
                               else prefix)) if whole.exists(address) else None
        item = whole.find(where)
        if item is None or isinstance(item, Reference):
            return None
        if item.language == language:
            return str(where)
        if isinstance(item, Page):
            other = whole.page_in(item.local_name, language)
            return str(Address(Kind.PAGE, other.name)) if other else None
        key = whole._pairs_of().get(where.page.group, {}).get(language)
        return str(Address(where.kind, key)) if key else None

    def _pairs_of(self) -> dict[str, dict[str, str]]:
        """Each translated item's group, to its key in every language it is in."""
        pairs: dict[str, dict[str, str]] | None = self._pairs  # type: ignore[attr-defined]
        if pairs is None:
            pairs = {}
            kinds = ((Kind.ARTICLE, self.articles, self._articles),  # type: ignore[attr-defined]
                     (Kind.FAQ, self.faqs, self._faqs),  # type: ignore[attr-defined]
                     (Kind.TERM, self.terms, self._terms))  # type: ignore[attr-defined]
            for kind, items, index in kinds:
                for item in items:
                    original = index.get(item.translates) if item.translates else None
                    if original is None:
                        continue
                    keys = pairs.setdefault(Address(kind, original.key).group,
                                            {original.language: original.key})
                    keys.setdefault(item.language, item.key)
                    pairs[Address(kind, item.key).group] = keys
            object.__setattr__(self, "_pairs", pairs)
        return pairs
