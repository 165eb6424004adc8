"""Markdown → HTML for the reader, with Lantern's own extensions.

- Pandoc citations `[@key]` become numbered links `lantern:ref/<key>`.
- Glossary terms link to `lantern:term/<id>`: first use per section, any alias, never in
  headings, links or code.
- Pack links `[text](article:slug)` become `lantern:article/slug`; other schemes than
  http(s) and mailto are dropped, as are remote images.
- Raw HTML in content is shown as text, never interpreted.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

import markdown
from markdown.extensions import Extension
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.smarty import SmartyExtension
from markdown.extensions.tables import TableExtension
from markdown.inlinepatterns import InlineProcessor, LinkInlineProcessor
from markdown.treeprocessors import Treeprocessor

from lantern.core.address import LINKED_KINDS, Address, Kind, address
from lantern.core.deadline import Abandoned, Budget, TimeUp
from lantern.core.messages import localise, translate
from lantern.core.model import Library
from lantern.core.parts import PART_BREAK, plain_paragraphs
from lantern.core.render_ticks import tick_everywhere
from lantern.core.search.concepts import Span, TermFinder
from lantern.core.text import (
    CITATION_GROUP,
    NARRATIVE_CITATION,
    citation_items,
    fold,
    is_citation_group,
    slugify,
)

_NAME = re.compile(r"[\w.-]*")  # a slug, id or anchor in a link
_KEY = re.compile(r"(?:[a-z]{2,3}(?:-[a-z0-9]{2,8})?/)?[\w.-]*")  # with a language before it
_PACK_TARGET = re.compile(r"[\w.-]*(#[\w.-]*)?")
#: Python-Markdown looks for the end of a link from every `[` to the end of the paragraph,
#: which is quadratic in a paragraph of brackets. Lantern's link patterns look at most
#: this far, this deep, and this much in all on one page; past that, brackets are text.
MAX_LINK_CHARS = 2_000
MAX_LINK_DEPTH = 8
LINK_SCAN_BUDGET = 2_000_000
_BRACKET = re.compile(r"[\[\]]")
#: A page that takes longer than this to render is shown as plain paragraphs instead.
PAGE_TIME_LIMIT_S = 3.0
#: Glossary names are looked for this many characters of a text at a time.
TERM_SCAN_CHARS = 20_000
_SKIP = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre"}
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    anchor: str
    text: str


@dataclass(frozen=True, slots=True)
class Rendered:
    html: str
    citations: tuple[str, ...]
    headings: tuple[Heading, ...]
    terms: tuple[str, ...]


class _State:
    """What one render learns: citation order, headings, terms linked."""

    def __init__(self) -> None:
        self.citations: list[str] = []
        self.headings: list[Heading] = []
        self.terms: list[str] = []
        self.link_budget = LINK_SCAN_BUDGET

    def spend(self, chars: int) -> None:
        self.link_budget -= chars

    def number(self, key: str) -> int:
        if key not in self.citations:
            self.citations.append(key)
        return self.citations.index(key) + 1


class _CitationPattern(InlineProcessor):
    """`[@a; @b]` → `[1, 2]`, numbered links; Pandoc's prefixes and locators are kept, so
    `[see @a, p. 3]` → `[see 1, p. 3]`."""

    def __init__(self, renderer: Renderer) -> None:
        # The space before a citation is taken with it and given back unbreakable, so the
        # numbers never start a line ("depression" / "[1, 2].").
        super().__init__(rf"(?P<space>[ \t\n]?){CITATION_GROUP.pattern}")
        self.renderer = renderer

    def handleMatch(self, m: re.Match[str], data: str):  # type: ignore[no-untyped-def,override]
        self.renderer.budget.tick()
        body = m.group(2)  # the group's text, between its brackets
        if not is_citation_group(body):
            return None, None, None
        cites = citation_items(body)
        if not cites:
            return None, None, None
        for _, key, _ in cites:  # number them all first, so the group can be shown in order
            if self.renderer.library.reference(key) is not None:
                self.renderer.state.number(key)
        plain = all(not prefix and not suffix for prefix, _, suffix in cites)
        if plain:  # bare keys: in the order of their numbers, each once
            keys = sorted(dict.fromkeys(key for _, key, _ in cites),
                          key=lambda k: self.renderer.state.citations.index(k)
                          if k in self.renderer.state.citations else 10**6)
            cites = [("", key, "") for key in keys]
        sup = etree.Element("sup", {"class": "cite"})
        sup.text = ("\u00a0" if m["space"] else "") + "["
        last: etree.Element | None = None
        for i, (prefix, key, suffix) in enumerate(cites):
            if prefix:
                if last is None:
                    sup.text += prefix + " "
                else:
                    last.tail = (last.tail or "") + prefix + " "
            last = self.renderer.cite(sup, key)
            last.tail = (f", {suffix}" if suffix else "") + (
                "]" if i == len(cites) - 1 else ",\u00a0" if plain else "; ")  # one group, one line
        assert last is not None
        return sup, m.start(0), m.end(0)


class _NarrativeCitationPattern(InlineProcessor):
    """Pandoc's in-text citation, `@key says …` without brackets: the authors' names and
    the number, "Carhart-Harris et al. [1] says …". Only keys of known references are
    taken; any other `@word` stays as written."""

    def __init__(self, renderer: Renderer) -> None:
        super().__init__(NARRATIVE_CITATION.pattern)
        self.renderer = renderer

    def handleMatch(self, m: re.Match[str], data: str):  # type: ignore[no-untyped-def,override]
        self.renderer.budget.tick()
        if m.start(0) > 0 and (data[m.start(0) - 1].isalnum() or data[m.start(0) - 1] in ".@"):
            return None, None, None
        ref = self.renderer.library.reference(m.group(1))
        if ref is None:
            return None, None, None
        span = etree.Element("span", {"class": "narrative-cite"})
        span.text = f"{ref.in_text_names(self.renderer.language)} "
        sup = etree.SubElement(span, "sup", {"class": "cite"})
        sup.text = "["
        self.renderer.state.number(ref.id)
        self.renderer.cite(sup, ref.id).tail = "]"
        return span, m.start(0), m.end(0)


def _bound_links(processor: LinkInlineProcessor, renderer: Renderer) -> None:
    """Give one of Markdown's link or image patterns the limits above (instance methods, so
    the patterns themselves stay Markdown's)."""
    get_link, eval_id = processor.getLink, getattr(processor, "evalId", None)

    def get_text(data: str, index: int) -> tuple[str, int, bool]:
        renderer.budget.tick()
        state = renderer.state
        end = min(len(data), index + min(MAX_LINK_CHARS, max(0, state.link_budget)))
        depth = 1
        for found in _BRACKET.finditer(data, index, end):
            depth += 1 if found.group() == "[" else -1
            if depth == 0:
                state.spend(found.start() - index)
                return data[index:found.start()], found.end(), True
            if depth > MAX_LINK_DEPTH:
                end = found.end()
                break
        state.spend(max(1, end - index))
        return "", index, False

    def window(data: str, index: int) -> str:
        return data[index:index + min(MAX_LINK_CHARS, max(0, renderer.state.link_budget))]

    def bounded_link(data: str, index: int) -> tuple[str, str | None, int, bool]:
        part = window(data, index)
        href, title, end, handled = get_link(part, 0)
        renderer.state.spend(max(1, end if handled else len(part)))
        return href, title, index + end, handled

    processor.getText = get_text  # type: ignore[method-assign]
    processor.getLink = bounded_link  # type: ignore[method-assign]
    if eval_id is not None:
        def bounded_id(data: str, index: int, text: str) -> tuple[str | None, int, bool]:
            part = window(data, index)
            found, end, handled = eval_id(part, 0, text)
            renderer.state.spend(max(1, end))
            return found, index + end, handled

        processor.evalId = bounded_id  # type: ignore[attr-defined]


class _TreeFixer(Treeprocessor):
    """Rewrites links and images, anchors headings, and links glossary terms."""

    def __init__(self, md: markdown.Markdown, renderer: Renderer) -> None:
        super().__init__(md)
        self.renderer = renderer

    def run(self, root: etree.Element) -> None:
        seen_anchors: set[str] = set()
        linked: set[str] = set()
        for el in list(root):
            if el.tag in ("h1", "h2"):
                linked = set()
            self._fix(el, seen_anchors, linked)

    def _fix(self, el: etree.Element, anchors: set[str], linked: set[str]) -> None:
        self.renderer.budget.tick()
        tag = el.tag
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._anchor(el, anchors)
        elif tag == "a":
            self._link(el)
        elif tag == "img":
            self._image(el)
        if tag not in _SKIP and self.renderer.linking:
            self._link_terms(el, linked)
        for child in list(el):
            self._fix(child, anchors, linked)

    def _anchor(self, el: etree.Element, anchors: set[str]) -> None:
        text = "".join(el.itertext()).strip()
        base = anchor = slugify(text)
        n = 2
        while anchor in anchors:
            anchor, n = f"{base}-{n}", n + 1
        anchors.add(anchor)
        el.set("id", anchor)
        # QTextBrowser scrolls to <a name>, not to id attributes.
        mark = etree.Element("a", {"name": anchor})
        mark.tail, el.text = el.text, None
        el.insert(0, mark)
        self.renderer.state.headings.append(Heading(int(el.tag[1]), anchor, text))

    def _link(self, el: etree.Element) -> None:
        href = (el.get("href") or "").strip()
        if not href and el.get("name") and len(el.attrib) == 1:
            return  # a heading's own anchor
        written = Address.parse(href)
        if (written is not None and written.kind in LINKED_KINDS and "/" in href
                and _KEY.fullmatch(written.key) and _NAME.fullmatch(written.anchor)):
            return
        if href.startswith("#") or href.lower().startswith(_SAFE_SCHEMES):
            if not href.startswith("#"):
                el.set("class", "external")
            return
        kind, sep, target = href.partition(":")
        linked = Kind.of(kind) if sep else None
        if linked is not None and linked in LINKED_KINDS and _PACK_TARGET.fullmatch(target):
            key, _, anchor = target.partition("#")
            if linked is not Kind.REF:  # a link names an item of the page's language
                key = self.renderer.library.key_of(key)
            el.set("href", address(linked, key, anchor))
            el.set("class", "internal")
            return
        # javascript:, file:, data:, relative paths: keep the words, drop the link.
        el.tag = "span"
        el.attrib.clear()

    def _image(self, el: etree.Element) -> None:
        src = el.get("src") or ""
        # Check what will be written out: Markdown puts back `\.` escapes after this runs,
        # and %2e%2e/ is ../ to whoever loads it.
        unescape = getattr(self.md.treeprocessors["unescape"], "unescape", str)
        plain = unquote(unescape(src))
        if ":" in plain or plain.startswith(("/", "\\")) or ".." in plain:
            alt = el.get("alt") or ""
            el.tag = "span"
            el.attrib.clear()
            el.set("class", "image-removed")
            said = translate("page", "[image: {alt}]").format(alt=alt) if alt else \
                translate("page", "[image]")
            el.text = localise(said, self.renderer.language)

    def _link_terms(self, el: etree.Element, linked: set[str]) -> None:
        if el.text:
            el.text, new = self._split(el.text, linked)
            for i, child in enumerate(new):
                el.insert(i, child)
        for child in list(el):
            if child.tail:
                child.tail, new = self._split(child.tail, linked)
                position = list(el).index(child) + 1
                for offset, extra in enumerate(new):
                    el.insert(position + offset, extra)

    def _spans(self, text: str) -> Iterator[Span]:
        """The glossary names in `text`, a stretch of TERM_SCAN_CHARS at a time (cut at a
        space) with a tick of the budget between, so that one huge paragraph ticks too."""
        start = 0
        while start < len(text):
            end = len(text) if len(text) - start <= TERM_SCAN_CHARS else \
                text.rfind(" ", start, start + TERM_SCAN_CHARS) + 1 or start + TERM_SCAN_CHARS
            self.renderer.budget.tick()
            for span in self.renderer.terms.spans(text[start:end]):
                yield Span(span.concept, span.start + start, span.end + start, span.text)
            start = end

    def _split(self, text: str, linked: set[str]) -> tuple[str, list[etree.Element]]:
        """Cut `text` at the first new term; return the head and the link elements."""
        head: str | None = None
        pieces: list[etree.Element] = []
        pos = 0
        for span in self._spans(text):
            term_id = span.concept
            if term_id in linked:
                continue
            linked.add(term_id)
            if term_id not in self.renderer.state.terms:
                self.renderer.state.terms.append(term_id)
            if head is None:
                head = text[pos : span.start]
            else:
                pieces[-1].tail = text[pos : span.start]
            term = self.renderer.library.term(term_id)
            link = etree.Element("a", {"href": address(Kind.TERM, term_id), "class": "term",
                                       "title": term.term if term else term_id})
            link.text = span.text
            pieces.append(link)
            pos = span.end
        if head is None:
            return text, []
        pieces[-1].tail = text[pos:]
        return head, pieces


class _PartBreaks(Treeprocessor):
    """PART_BREAK between the top-level blocks; runs after every other tree processor
    but the last (Smarty's inline pass expects elements only)."""

    def run(self, root: etree.Element) -> None:
        marked: list[etree.Element[Any]] = []
        for el in list(root):
            if marked:
                marked.append(etree.Comment(PART_BREAK[4:-3]))
            marked.append(el)
        root[:] = marked


class _LanternExtension(Extension):
    def __init__(self, renderer: Renderer) -> None:
        super().__init__()
        self.renderer = renderer

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.register(_CitationPattern(self.renderer), "lantern_cite", 175)
        md.inlinePatterns.register(_NarrativeCitationPattern(self.renderer),
                                   "lantern_narrative_cite", 174)
        for pattern in md.inlinePatterns:
            if isinstance(pattern, LinkInlineProcessor):
                _bound_links(pattern, self.renderer)
        md.treeprocessors.register(_TreeFixer(md, self.renderer), "lantern_tree", 15)
        md.treeprocessors.register(_PartBreaks(md), "lantern_parts", 1)


class Renderer:
    """Renders pack Markdown to HTML. One per Library; not thread-safe."""

    def __init__(self, library: Library, terms: TermFinder | None = None) -> None:
        self.library = library
        #: The language of the text rendered, and of the few words the renderer adds.
        self.language = library.language or library.base_language
        self.state = _State()
        self.budget = Budget(PAGE_TIME_LIMIT_S)
        #: Read only once built, so two renderers (two threads) may share one.
        self.terms = terms if terms is not None else TermFinder(library.terms)
        self.linking = bool(self.terms)  # off while rendering text that links no terms
        self._md = self._markdown()

    def _markdown(self) -> markdown.Markdown:
        # Extension objects, not names: a name makes Markdown list the entry points of every
        # installed package (importlib.metadata), about 20 ms at start-up.
        md = markdown.Markdown(
            extensions=[TableExtension(), SaneListExtension(), FencedCodeExtension(),
                        SmartyExtension(), _LanternExtension(self)],
            output_format="html",
        )
        tick_everywhere(md, self)
        return md

    def term_for(self, text: str) -> str | None:
        """The id of the term one of whose names `text` is, if any."""
        return self.terms.matcher.names.get(fold(text))

    def cite(self, parent: etree.Element, key: str) -> etree.Element:
        """Add the numbered link of one cited work to `parent` (a "?" for an unknown key),
        and return it."""
        ref = self.library.reference(key)
        if ref is None:
            el = etree.SubElement(parent, "span", {"class": "missing"})
            el.text = "?"
            return el
        el = etree.SubElement(parent, "a", {"href": address(Kind.REF, key), "class": "cite",
                                            "title": ref.citation()})
        el.text = str(self.state.number(key))
        return el

    def render(self, text: str, *, link_terms: bool = True,
               budget: Budget | None = None) -> Rendered:
        """`text` as HTML; shown plainly (paragraphs of text, no links) when it is nested
        too deeply for the parser or runs past its `budget` (PAGE_TIME_LIMIT_S from now if
        none is given). Raises Abandoned when the budget says the page is not wanted."""
        self.state = _State()
        self.budget = budget if budget is not None else Budget(PAGE_TIME_LIMIT_S)
        self.linking = link_terms and bool(self.terms)
        try:
            self._md.reset()
            html = self._md.convert(text)
        except (RecursionError, TimeUp):
            # The parser is left mid-block (reset() does not clear that), so it is replaced:
            # otherwise every later page would lose its links and citations.
            self._md = self._markdown()
            self.state = _State()
            html = plain_html(text)
        except Abandoned:
            self._md = self._markdown()
            self.state = _State()
            raise
        finally:
            self.linking = bool(self.terms)
        state = self.state
        return Rendered(html, tuple(state.citations), tuple(state.headings), tuple(state.terms))


def plain_html(text: str) -> str:
    """Text shown as written: its paragraphs, escaped, with nothing interpreted."""
    from html import escape

    paragraphs = (p.strip() for p in re.split(r"\n[ \t]*\n", text))
    return PART_BREAK.join(plain_paragraphs(escape(p)) for p in paragraphs if p)
