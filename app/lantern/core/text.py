"""Small text helpers shared by the loader, the renderer and search."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

from lantern.core.address import LINKED_KINDS

if TYPE_CHECKING:  # the content model is not needed before the window's first paint
    from lantern.core.model import Section

# Every pattern here is matched against whole pages written by anyone, so none may
# backtrack: a bracketed run stops at the next bracket (possessively), and what may repeat
# can be matched only one way. Otherwise `[` × 100 000 costs minutes.

#: A bracketed run within a paragraph that is not a link's text: a citation group when it
#: holds an `@` (`[@a]`, `[@a; @b]`, `[see @a, p. 3]`; see `is_citation_group`). It may
#: go on to the next line, as a long group in a wrapped paragraph does (`[@a;` / `@b]`),
#: but never past a blank line.
CITATION_GROUP = re.compile(r"\[((?:[^\[\]\n]++|\n(?![ \t]*+\n))*+)\](?![(\[])")
CITATION_KEY = re.compile(r"(?<![\w.])-?@(\w(?:[\w:.#$%&+?<>~/-]*\w)?)")
#: Links into the pack: `[text](article:slug)`, `faq:`, `term:`, `page:`, `ref:`.
INTERNAL_LINK = re.compile(
    rf"\[([^\[\]\n]*+)\]\(({'|'.join(LINKED_KINDS)}):([^)\s#]*+)(#[^)\s]*+)?\)")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

_FENCE = re.compile(r"^(```|~~~)")
_HEADING2 = re.compile(r"^##[ \t]+(\S.*)$")
_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))
_NOT_ASCII_ALNUM = re.compile(r"[^a-z0-9]+")
_NOT_ALNUM = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """A key for comparing names: `5-HT2A`, `5ht2a` and `5 HT 2A` all fold to `5ht2a`.

    Letters and digits are kept, as `str.isalnum` tells them (which is what `\\w` less
    `_` matches); ASCII text, most names and query words, skips the normalisation it does
    not need (every search folds each glossary name, and each word of the texts it marks).
    """
    if text.isascii():
        text = text.lower()
        return text if text.isalnum() else _NOT_ASCII_ALNUM.sub("", text)
    text = unicodedata.normalize("NFKC", text).casefold()
    return text if text.isalnum() else _NOT_ALNUM.sub("", text)


def sort_key(text: str) -> str:
    """A key that puts names in alphabetical order as a reader expects in English and in
    Spanish: accents do not move a word (Tálamo before Terapia, not after Zona), and ñ
    comes after n."""
    text = unicodedata.normalize("NFC", text).casefold().replace("ñ", "n\U0010ffff")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def clean(text: str) -> str:
    """NFKC-normalise and drop control characters (keeps tabs and newlines)."""
    return unicodedata.normalize("NFKC", text).translate(_CONTROL)


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "section"


def is_citation_group(inside: str) -> bool:
    """Whether the text between a pair of brackets (CITATION_GROUP) is a citation group."""
    return "@" in inside


def citation_keys(text: str) -> list[tuple[str, int]]:
    """Every citation key in `text`, with the 0-based line it is on."""
    found = []
    line, counted = 0, 0
    for group in CITATION_GROUP.finditer(text):
        if not is_citation_group(group.group(1)):
            continue
        line += text.count("\n", counted, group.start())
        counted = group.start()
        found += [(m.group(1), line) for m in CITATION_KEY.finditer(group.group(1))]
    return found


#: Pandoc's in-text citation, `@key says …`, outside brackets (an e-mail address is not one).
NARRATIVE_CITATION = re.compile(r"(?<![\w.@\[-])@(\w(?:[\w:.#$%&+?<>~/-]*\w)?)")


def citation_items(group: str) -> list[tuple[str, str, str]]:
    """The items of a citation group's text, `see @a, p. 3; @b`, as (prefix, key, locator):
    `[("see", "a", "p. 3"), ("", "b", "")]`. Items without a key are left out."""
    items = []
    for part in group.split(";"):
        found = CITATION_KEY.search(part)
        if found:
            suffix = part[found.end():].strip()
            suffix = suffix[1:].strip() if suffix.startswith(",") else suffix
            items.append((part[:found.start()].strip(), found.group(1), suffix))
    return items


def narrative_keys(text: str) -> list[tuple[str, int]]:
    """Every `@key` outside brackets in `text`, with the 0-based line it is on."""
    outside = CITATION_GROUP.sub(lambda m: " " * len(m.group(0)), text)
    return [(m.group(1), outside.count("\n", 0, m.start()))
            for m in NARRATIVE_CITATION.finditer(outside)]


def split_sections(title: str, body: str) -> tuple[Section, ...]:
    """Cut an article body at its `##` headings; text before the first is the intro."""
    from lantern.core.model import Section

    sections: list[tuple[str, list[str]]] = [(title, [])]
    in_fence = False
    for line in body.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
        found = None if in_fence else _HEADING2.match(line)
        heading = found.group(1).rstrip().rstrip("#").rstrip() if found else ""
        if heading:
            sections.append((heading, []))
        else:
            sections[-1][1].append(line)
    result = []
    seen: set[str] = set()
    for index, (heading, lines) in enumerate(sections):
        text = "\n".join(lines).strip()
        if index == 0 and not text:
            continue
        anchor = "" if index == 0 else slugify(heading)
        base, n = anchor, 2
        while anchor in seen:
            anchor, n = f"{base}-{n}", n + 1
        seen.add(anchor)
        result.append(Section(anchor=anchor, heading=heading, markdown=text))
    return tuple(result)


def _drop_citation(match: re.Match[str]) -> str:
    return "" if is_citation_group(match.group(1)) else match.group(0)


#: Longest link address taken apart for plain text; a longer one is left as written (the
#: words stay searchable), which keeps the rule linear.
_PLAIN_ADDRESS = 1000
_PLAIN_RULES: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"```.*?```", re.S), " "),
    (CITATION_GROUP, _drop_citation),
    (re.compile(rf"!?\[([^\[\]]*+)\]\([^)\n]{{0,{_PLAIN_ADDRESS}}}+\)"), r"\1"),
    (re.compile(r"<[^<>\n]++>"), " "),
    (re.compile(r"^[ \t]{0,3}+(#{1,6}|>|[-*+]|\d++\.)[ \t]++", re.M), ""),
    # Emphasis and code marks go without pairing them (pairing is quadratic on `*a *a …`).
    (re.compile(r"`++|(?<!\w)[*_]++(?=\S)|(?<=\S)[*_]++(?!\w)"), ""),
    (re.compile(r"^[ \t]*+\|?(?:[ \t]*+:?-{3,}+:?[ \t]*+\|)++[ \t]*+$", re.M), ""),
    (re.compile(r"\|"), " "),
    (re.compile(r"[ \t]+"), " "),
    # A mark left alone by a citation taken away, on its line or at the start of the next
    # (a wrapped paragraph): "the brain\n[@a]." reads "the brain." (".5" keeps its space).
    (re.compile(r"[ \t]*+\n?[ \t]*+(?<=\s)([,.;:])(?=\s|$)"), r"\1"),
    (re.compile(r"\n{3,}"), "\n\n"),
]


def plain_text(markdown: str) -> str:
    """Markdown reduced to readable text for indexing and snippets."""
    text = markdown
    for pattern, replacement in _PLAIN_RULES:
        text = pattern.sub(replacement, text)
    return text.strip()
