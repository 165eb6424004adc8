"""The page's budget (`core/deadline.py`) ticked from every loop of Markdown's that can run
long on hostile text, so that a page over its time stops there, at a point of its own:
each block (a block processor asked first about every block), each attempt of every inline
pattern (both inline passes), the emphasis delimiters' own search, each table row and each
fenced code block. The hooks are instance attributes on one Markdown object; Markdown's
classes are left as they are."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Protocol

import markdown
from markdown.blockprocessors import BlockProcessor
from markdown.inlinepatterns import Pattern

from lantern.core.deadline import Budget


class Ticking(Protocol):
    """What the hooks need of the renderer: the budget of the page under way."""

    budget: Budget


class _Ticker(BlockProcessor):
    """Never takes a block; asked first about each one, it ticks the page's budget."""

    def __init__(self, md: markdown.Markdown, renderer: Ticking) -> None:
        super().__init__(md.parser)
        self.renderer = renderer

    def test(self, parent: etree.Element, block: str) -> bool:
        self.renderer.budget.tick()
        return False

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:  # pragma: no cover
        return False


class _TickingSearch:
    """A compiled pattern whose searches tick the page's budget first (for the fenced-code
    preprocessor, which rebuilds the whole text after each block it finds)."""

    def __init__(self, pattern: re.Pattern[str], renderer: Ticking) -> None:
        self._pattern, self._renderer = pattern, renderer

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        self._renderer.budget.tick()
        return self._pattern.search(text, pos)


def _ticking(pattern: Pattern, renderer: Ticking) -> None:
    """Every use of an inline pattern ticks the page's budget: Markdown asks each pattern
    for its regular expression once per attempt, so the loops over a paragraph tick. A
    pattern with a search loop of its own (the emphasis delimiters' `search`, which pairs
    every `*` of a paragraph within one match) ticks from each search as well."""
    _tick_before(pattern, "getCompiledRegExp", renderer)
    _tick_before(pattern, "search", renderer)


def _tick_before(owner: object, name: str, renderer: Ticking) -> None:
    """`owner.name(...)` ticks the page's budget before each call (when it has one)."""
    method = getattr(owner, name, None)
    if not callable(method):
        return

    def ticking(*args: object) -> object:
        renderer.budget.tick()
        return method(*args)

    setattr(owner, name, ticking)


def tick_everywhere(md: markdown.Markdown, renderer: Ticking) -> None:
    """The budget ticked from every inline pattern, of every inline pass (Smarty runs a
    second one, with patterns of its own), and from the fenced-code preprocessor; called
    once every extension has registered its own."""
    registries = {id(md.inlinePatterns): md.inlinePatterns}
    for processor in md.treeprocessors:
        patterns = getattr(processor, "inlinePatterns", None)
        if patterns is not None:
            registries.setdefault(id(patterns), patterns)
    for patterns in registries.values():
        for pattern in patterns:
            _ticking(pattern, renderer)
    md.parser.blockprocessors.register(_Ticker(md, renderer), "lantern_tick", 1_000)
    if "table" in md.parser.blockprocessors:  # a table is one block, row after row
        _tick_before(md.parser.blockprocessors["table"], "_build_row", renderer)
    if "fenced_code_block" in md.preprocessors:
        fenced = md.preprocessors["fenced_code_block"]
        fenced.FENCED_BLOCK_RE = _TickingSearch(  # type: ignore[attr-defined]
            fenced.FENCED_BLOCK_RE, renderer)  # type: ignore[attr-defined]
