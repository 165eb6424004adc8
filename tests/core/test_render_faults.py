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
    # 500 nested list markers exceed the parser's recursion: shown as plain paragraphs.
    deep = renderer.render("- " * 500 + "deep")
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
