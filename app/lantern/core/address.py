"""Lantern's internal addresses, `lantern:kind/key#anchor`, and the kinds of item a pack holds.

Every address and every index group key (`article:slug`) is made and read here, so the
scheme is written once. Light on purpose: the window labels things with `Kind` before its
first paint, without loading the content model.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

SCHEME = "lantern"
_PREFIX = f"{SCHEME}:"
#: The page a crisis query puts first (search/safety.py), also the window's help-now button.
HELP_PAGE = "help-now"


class Kind(StrEnum):
    """What an address points at. A `str`, so `Kind.ARTICLE == "article"`."""

    ARTICLE = "article"
    FAQ = "faq"
    TERM = "term"
    PAGE = "page"
    REF = "ref"  # a reference, shown in the References panel
    HOME = "home"  # the start page; it has no key
    CONTINUE = "continue"  # past a content note, on to the page itself
    LIST = "list"  # every item of a kind, a page at a time: `lantern:list/faq/2`

    @property
    def label(self) -> str:
        """The kind as readers see it named."""
        return _LABELS.get(self, self.value.title())

    @classmethod
    def of(cls, text: str) -> Kind | None:
        """The kind spelled `text`, or None."""
        try:
            return cls(text)
        except ValueError:
            return None


_LABELS = {Kind.ARTICLE: "Article", Kind.FAQ: "Question", Kind.TERM: "Glossary",
           Kind.PAGE: "Page", Kind.REF: "Reference", Kind.LIST: "List"}

#: The kinds search finds, in the order results are grouped and filtered.
SEARCHED_KINDS = (Kind.TERM, Kind.FAQ, Kind.ARTICLE, Kind.PAGE)
#: The kinds a pack's Markdown may link to as `[text](kind:key#anchor)`.
LINKED_KINDS = (Kind.ARTICLE, Kind.FAQ, Kind.TERM, Kind.PAGE, Kind.REF)


@dataclass(frozen=True, slots=True)
class Address:
    """One place in the library: `lantern:article/microdosing#what-trials-found`."""

    kind: Kind
    key: str = ""  # slug, term id, page name or reference key
    anchor: str = ""  # a section of the page

    def __post_init__(self) -> None:
        if not isinstance(self.kind, Kind):
            raise TypeError(f"kind must be a Kind, not {self.kind!r}")
        if "#" in self.key:
            raise ValueError(f"a key holds no '#': {self.key!r}")

    @classmethod
    def parse(cls, text: str) -> Address | None:
        """The address written `text`, or None if it is not a Lantern address."""
        if not text.startswith(_PREFIX):
            return None
        path, _, anchor = text[len(_PREFIX):].partition("#")
        name, _, key = path.partition("/")
        kind = Kind.of(name)
        return None if kind is None else cls(kind, key, anchor)

    @classmethod
    def of_group(cls, group: str) -> Address | None:
        """The item of an index group key (`article:slug`), or None."""
        name, sep, key = group.partition(":")
        kind = Kind.of(name)
        if not sep or kind is None or "#" in key:
            return None
        return cls(kind, key)

    @property
    def group(self) -> str:
        """The key of the item in the index and the content hashes: `article:slug`."""
        return f"{self.kind}:{self.key}"

    @property
    def language(self) -> str:
        """The language written in the address (`es` in `lantern:term/es/mdma`, in
        `lantern:home/es` and in `lantern:list/es/faq`); "" for the library's first language."""
        return split_key(self.kind, self.key)[0]

    @property
    def local_key(self) -> str:
        """The key without its language: `mdma` for `lantern:term/es/mdma`."""
        return split_key(self.kind, self.key)[1]

    @property
    def page(self) -> Address:
        """The same page without its anchor."""
        return Address(self.kind, self.key) if self.anchor else self

    def __str__(self) -> str:
        text = _PREFIX + self.kind.value
        if self.key:
            text += f"/{self.key}"
        if self.anchor:
            text += f"#{self.anchor}"
        return text


def qualify(key: str, language: str) -> str:
    """The library key of an item named `key` in a pack of `language` ("" for the library's
    first language): `es/mdma`. A glossary id or a slug never holds a '/', so the two never
    meet."""
    return f"{language}/{key}" if language else key


def split_key(kind: Kind, key: str) -> tuple[str, str]:
    """(language, key without it) of an address's key; the language is "" when none is
    written. The home page's key is its language alone; a list's key starts with the kind
    listed unless a language comes first."""
    if kind is Kind.HOME:
        return key, ""
    head, sep, rest = key.partition("/")
    if not sep or (kind is Kind.LIST and Kind.of(head) is not None):
        return "", key
    return head, rest


def home(language: str = "") -> Address:
    """The home page of a language ("" for the library's first)."""
    return Address(Kind.HOME, language)


HOME = Address(Kind.HOME)
CONTINUE = Address(Kind.CONTINUE)


def address(kind: Kind, key: str = "", anchor: str = "") -> str:
    """`lantern:kind/key#anchor` as text, for links and signals."""
    return str(Address(kind, key, anchor))
