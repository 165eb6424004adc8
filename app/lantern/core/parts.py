"""A page too long to show at once, cut into parts the reader shows one at a time.

Setting a page in a Qt text view costs time in the GUI thread in proportion to its HTML
(about 0.1 to 0.35 ms per thousand characters on a 2-vCPU machine, and more for the
finishing pass over its links), so a page of several megabytes of HTML froze the window
for seconds. Such a page is cut at the PART_BREAKs between its blocks into parts of at most
MAX_SHOWN_CHARS each, with a line saying so and links to the parts before and after.
Qt-free, so the cutting can be tested without a window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Between the top-level blocks of a composed page (the renderer puts it there): where a
#: page too long to show at once may be cut. An HTML comment: Qt's importer skips it, and
#: content cannot write one, since raw HTML in a pack is shown as text.
PART_BREAK = "<!--part-->"
#: The most HTML the reader sets at once: four times the longest page of the bundled pack.
MAX_SHOWN_CHARS = 200_000
#: Links between parts are `#part:N` (1-based); a heading's anchor never holds a colon.
PART_ANCHOR = "part:"
#: Text shown plainly is set in paragraphs of at most this many characters: Qt lays out a
#: paragraph whole, and one of 200 000 characters took it five times as long as the same
#: text in paragraphs of 5 000.
PARAGRAPH_CHARS = 4_000
_NAME = re.compile(r'<a name="([^"]+)"')
_TAG = re.compile(r"<[^>]*>")
_CUT_ENTITY = re.compile(r"&[#\w]*$")


@dataclass(frozen=True, slots=True)
class Parts:
    """The parts of one page and, for each anchor, the part that holds it."""

    parts: tuple[str, ...]
    anchors: dict[str, int]

    def __len__(self) -> int:
        return len(self.parts)

    def part_of(self, anchor: str) -> int | None:
        """The part holding `anchor` (a heading, a reference, or `part:N`), if any."""
        if anchor.startswith(PART_ANCHOR):
            number = anchor[len(PART_ANCHOR):]
            if number.isdigit() and 1 <= int(number) <= len(self.parts):
                return int(number) - 1
            return None
        return self.anchors.get(anchor)

    def html(self, index: int) -> str:
        """Part `index` (0-based) with the line saying which part it is, above and below."""
        if len(self.parts) == 1:
            return self.parts[0]
        note = _note(index, len(self.parts))
        return note + self.parts[index] + note


def _note(index: int, count: int) -> str:
    links = []
    if index > 0:
        links.append(f'<a href="#{PART_ANCHOR}{index}">‹ Previous part</a>')
    if index < count - 1:
        links.append(f'<a href="#{PART_ANCHOR}{index + 2}">Next part ›</a>')
    return (f'<p class="long-page">This page is long, so it is shown in parts: part '
            f'{index + 1} of {count}. {" · ".join(links)}</p>')


def pieces(text: str, limit: int = PARAGRAPH_CHARS) -> list[str]:
    """`text` (escaped for HTML, or plain) in pieces of at most `limit` characters, cut at
    spaces where there are any, never inside an entity such as `&amp;`."""
    found: list[str] = []
    start = 0
    while len(text) - start > limit:
        cut = text.rfind(" ", start + 1, start + limit)
        if cut < 0:
            cut = start + limit
            entity = _CUT_ENTITY.search(text, start, cut)
            if entity is not None and entity.start() > start:
                cut = entity.start()
        found.append(text[start:cut])
        start = cut + (text[cut:cut + 1] == " ")
    found.append(text[start:])
    return found


def plain_paragraphs(escaped: str, css: str = "plain") -> str:
    """Escaped text as paragraphs of class `css`, each at most PARAGRAPH_CHARS long."""
    return "".join(f'<p class="{css}">{piece}</p>' for piece in pieces(escaped) if piece)


def _as_text(block: str, limit: int) -> str:
    """A single block longer than `limit`: its words without their markup, cut short."""
    text = _TAG.sub("", block)
    room = limit - 100 - 30 * (limit // PARAGRAPH_CHARS + 1)  # the note, each <p class>
    cut = len(text) > room
    if cut:
        text = _CUT_ENTITY.sub("", text[:room]) + "…"
    note = ('<p class="long-page">This paragraph is too long to show in full.</p>'
            if cut else "")
    return plain_paragraphs(text) + note


def split_parts(html: str, limit: int | None = None) -> Parts:
    """`html` as one part if it is at most `limit` (MAX_SHOWN_CHARS) characters, else cut
    at its PART_BREAKs into parts of at most about `limit` each (a block longer than `limit`
    by itself is shown as its text, without its links)."""
    limit = MAX_SHOWN_CHARS if limit is None else limit
    if len(html) <= limit:
        return Parts((html,), {})
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for block in html.split(PART_BREAK):
        if not block:
            continue
        joins = False  # a block too long by itself: its text, in what is left of this
        if len(block) > limit:  # part if that is most of it, else in a part of its own
            joins = size < limit // 2
            block = _as_text(block, limit - size if joins else limit)
        if current and not joins and size + len(block) > limit:
            parts.append("".join(current))
            current, size = [], 0
        current.append(block)
        size += len(block)
    if current:
        parts.append("".join(current))
    anchors: dict[str, int] = {}
    for index, part in enumerate(parts):
        for name in _NAME.findall(part):
            anchors.setdefault(name, index)
    return Parts(tuple(parts), anchors)
