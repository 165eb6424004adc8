"""A page too long to set at once is cut into parts at the breaks between its blocks."""

from __future__ import annotations

import dataclasses

import pytest

from lantern.core import render
from lantern.core.compose import Composer
from lantern.core.content import load_library
from lantern.core.parts import MAX_SHOWN_CHARS, PART_BREAK, split_parts

from tests.conftest import BUNDLED_PACK, VALID_PACK
from tests.hostile.recipes import SLOW_PAGES


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(load_library(VALID_PACK))


def test_a_long_page_is_cut_into_parts_that_keep_every_section(
        composer: Composer, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(render, "PAGE_TIME_LIMIT_S", 120.0)  # rendered in full, not plainly
    body = SLOW_PAGES["one-megabyte"]()
    body = body[:body.index("## Section 120")]  # a quarter of it: a megabyte of HTML
    article = dataclasses.replace(composer.library.articles[0], slug="long", body=body)
    page = composer.article(article)
    assert len(page.html) > 4 * MAX_SHOWN_CHARS
    parts = split_parts(page.html)
    assert len(parts) > 4
    assert all(len(part) <= MAX_SHOWN_CHARS for part in parts.parts)
    assert "".join(parts.parts) == page.html.replace(PART_BREAK, "")  # nothing lost
    for heading in page.headings:
        part = parts.part_of(heading.anchor)
        assert part is not None and f'<a name="{heading.anchor}">' in parts.parts[part]
    middle = parts.html(3)
    assert "part 4 of" in middle and 'href="#part:3"' in middle and 'href="#part:5"' in middle
    assert parts.part_of("part:1") == 0 and parts.part_of(f"part:{len(parts) + 1}") is None


def test_one_block_longer_than_a_part_is_shown_as_its_text(composer: Composer):
    # 10 000 citations in one paragraph: over 3 MB of links in a single block.
    article = dataclasses.replace(composer.library.articles[0], slug="cites",
                                  body=SLOW_PAGES["10000-citations"]())
    page = composer.article(article)
    parts = split_parts(page.html)
    assert all(len(part) <= MAX_SHOWN_CHARS + 200 for part in parts.parts)
    shown = "".join(parts.parts)
    assert "Text [" in shown and "<sup" not in shown.split("References")[0]


def test_every_bundled_page_is_shown_whole():
    composer = Composer(load_library(BUNDLED_PACK))
    library = composer.library
    for address in ([f"lantern:article/{a.slug}" for a in library.articles]
                    + [f"lantern:faq/{f.slug}" for f in library.faqs] + ["lantern:home"]):
        page = composer.compose(address)
        assert page is not None and len(split_parts(page.html)) == 1, address
