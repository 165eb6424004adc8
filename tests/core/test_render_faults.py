"""The renderer stays healthy after input it cannot parse."""

from __future__ import annotations

import pytest

from lantern.core.content import load_library
from lantern.core.render import Renderer

from tests.conftest import VALID_PACK

PROBE = "See [the site](https://example.org) and [@siegel2024]."


def test_a_page_too_deep_to_parse_does_not_break_the_pages_after_it():
    renderer = Renderer(load_library(VALID_PACK))
    before = renderer.render(PROBE)
    # 500 nested list markers: Python-Markdown before 3.11 runs out of recursion (shown
    # as plain paragraphs), later versions stop nesting at a depth of their own.
    deep = renderer.render("- " * 500 + "deep")
    assert "deep" in deep.html
    after = renderer.render(PROBE)
    assert after.html == before.html
    assert 'href="https://example.org"' in after.html and after.citations == ("siegel2024",)


def test_a_parser_out_of_stack_inside_a_block_is_replaced(monkeypatch: pytest.MonkeyPatch):
    """The recursion runs out inside a quote (as deep nesting did): the parser is left
    mid-block, so the page is shown plainly and the parser replaced."""
    renderer = Renderer(load_library(VALID_PACK))
    before = renderer.render(PROBE)
    parser = renderer._md.parser
    real = parser.parseChunk

    def out_of_stack(parent, text):  # type: ignore[no-untyped-def]
        if parser.state:  # inside a block: the quote's own lines
            raise RecursionError("maximum recursion depth exceeded")
        return real(parent, text)

    monkeypatch.setattr(parser, "parseChunk", out_of_stack)
    deep = renderer.render("> quoted, deep inside")
    assert deep.html.startswith('<p class="plain">')
    after = renderer.render(PROBE)
    assert after.html == before.html
    assert 'href="https://example.org"' in after.html and after.citations == ("siegel2024",)


def test_a_page_over_its_time_budget_is_shown_plainly(monkeypatch: pytest.MonkeyPatch):
    from lantern.core import render

    renderer = Renderer(load_library(VALID_PACK))
    before = renderer.render(PROBE)
    monkeypatch.setattr(render, "PAGE_TIME_LIMIT_S", 0.3)
    # Python-Markdown rebuilds a paragraph after each code span it finds: quadratic in a
    # paragraph of them (minutes for this one).
    slow = renderer.render(("`a " * 6_000 + "\n") * 50)
    assert slow.html.startswith('<p class="plain">`a `a')
    after = renderer.render(PROBE)
    assert after.html == before.html


@pytest.mark.parametrize("src", ["%2e%2e/%2e%2e/etc/passwd", "%2Fetc%2Fpasswd", "file%3A///x",
                                 "images/..%5C..%5Cx.png"])
def test_encoded_image_paths_outside_the_pack_are_removed(src: str):
    renderer = Renderer(load_library(VALID_PACK))
    html = renderer.render(f"![chart]({src})").html
    assert "<img" not in html and "[image: chart]" in html


def test_an_image_inside_the_pack_is_kept():
    renderer = Renderer(load_library(VALID_PACK))
    assert '<img alt="chart" src="images/chart.png"' in renderer.render(
        "![chart](images/chart.png)").html


@pytest.mark.parametrize("src", [r"\.\./\.\./etc/passwd", r"\\server\share\x.png"])
def test_escaped_image_paths_outside_the_pack_are_removed(src: str):
    renderer = Renderer(load_library(VALID_PACK))
    html = renderer.render(f"![chart]({src})").html
    assert "<img" not in html and "[image: chart]" in html
