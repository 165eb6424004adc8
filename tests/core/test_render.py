from __future__ import annotations

import pytest

from lantern.core.content import load_library
from lantern.core.render import Renderer

from tests.conftest import VALID_PACK


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(load_library(VALID_PACK))


def test_citations_are_numbered_in_order_of_first_use(renderer: Renderer):
    out = renderer.render("One [@siegel2024]. Two [@carhartharris2012; @siegel2024].")
    assert out.citations == ("siegel2024", "carhartharris2012")
    assert '<a class="cite" href="lantern:ref/siegel2024"' in out.html
    assert ">1</a>,\u00a0<a" in out.html and ">2</a>]" in out.html  # a group reads in order


def test_citation_numbers_never_start_a_line(renderer: Renderer):
    out = renderer.render(
        "Used for depression [@carhartharris2012; @siegel2024]. See[@siegel2024].")
    assert "depression <sup" not in out.html and " [" not in out.html
    assert '<sup class="cite">\u00a0[<a' in out.html  # joined to the word before
    assert ">1</a>,\u00a0<a" in out.html  # and one group on one line
    assert 'See<sup class="cite">[<a' in out.html


def test_unknown_citation_shows_a_question_mark(renderer: Renderer):
    out = renderer.render("Claim [@nobody1999].")
    assert out.citations == ()
    assert '<span class="missing">?</span>' in out.html


def test_terms_link_once_per_section_by_any_alias(renderer: Renderer):
    out = renderer.render(
        "The DMN and the default mode network.\n\n## Next\n\nThe default-mode network again."
    )
    assert out.html.count('href="lantern:term/default-mode-network"') == 2
    assert out.terms == ("default-mode-network",)


def test_terms_are_not_linked_in_headings_links_or_code(renderer: Renderer):
    out = renderer.render(
        "## DMN heading\n\n[DMN link](https://example.org) and `DMN code`\n\n```\nDMN\n```\n"
    )
    assert "lantern:term/" not in out.html


def test_acronyms_match_only_in_capitals(renderer: Renderer):
    assert "lantern:term/" not in renderer.render("dmn in lower case").html
    assert "lantern:term/dmt" in renderer.render("Not the same as DMT.").html


def test_pack_links_become_internal_addresses(renderer: Renderer):
    html = renderer.render("[a](article:brain-networks) [f](faq:is-it-safe) "
                           "[t](term:dmt) [p](page:help-now#top)").html
    for address in ("article/brain-networks", "faq/is-it-safe", "term/dmt", "page/help-now#top"):
        assert f'href="lantern:{address}"' in html


@pytest.mark.parametrize("source", [
    "<script>alert(1)</script>",
    "<div onclick='x()'>block</div>\n",
    "inline <img src=x onerror=alert(1)> html",
    "<iframe src='https://evil.example'></iframe>",
])
def test_raw_html_is_shown_as_text(renderer: Renderer, source: str):
    html = renderer.render(source).html
    assert "<script" not in html and "<iframe" not in html and "<img" not in html
    assert "<div" not in html
    assert "&lt;" in html


@pytest.mark.parametrize("link", [
    "javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi", "../outside.md",
    "vbscript:x",
])
def test_dangerous_links_lose_their_href(renderer: Renderer, link: str):
    html = renderer.render(f"[click]({link})").html
    assert "href" not in html
    assert "click" in html


def test_remote_images_are_removed(renderer: Renderer):
    html = renderer.render("![a chart](https://example.org/x.png)").html
    assert "<img" not in html
    assert "[image: a chart]" in html


def test_headings_get_anchors_that_match_sections(renderer: Renderer):
    library = load_library(VALID_PACK)
    article = library.article("brain-networks")
    out = renderer.render(article.body)
    anchors = [h.anchor for h in out.headings]
    assert anchors == [s.anchor for s in article.sections if s.anchor]
    assert '<a name="the-default-mode-network"></a>' in out.html


def test_deeply_nested_markdown_does_not_raise(renderer: Renderer):
    renderer.render("> " * 2000 + "deep")
    renderer.render("[" * 5000 + "x" + "]" * 5000)


def test_pandoc_prefix_and_locator_are_shown(renderer: Renderer):
    out = renderer.render("Claim [see @siegel2024, p. 3; also @carhartharris2012, chap. 2].")
    text = out.html.replace("\n", "")
    assert '[see <a class="cite" href="lantern:ref/siegel2024"' in text
    assert ">1</a>, p. 3; also <a" in text and ">2</a>, chap. 2]</sup>" in text


def test_a_narrative_citation_names_the_authors_and_numbers_the_work(renderer: Renderer):
    out = renderer.render("@carhartharris2012 found this; mail me@example.org or @nobody.")
    assert out.citations == ("carhartharris2012",)
    assert '<span class="narrative-cite">Carhart-Harris et al. <sup class="cite">[<a' in out.html
    assert "me@example.org" in out.html and "@nobody" in out.html


def test_a_citation_at_the_start_of_a_source_line_is_joined_to_the_word_before(
        renderer: Renderer):
    out = renderer.render("tied to medicine\n[@siegel2024].")
    assert "medicine\n<sup" not in out.html
    assert 'medicine<sup class="cite">\u00a0[<a' in out.html


def test_a_citation_group_wrapped_onto_the_next_line_is_one_group(renderer: Renderer):
    out = renderer.render("Approved in 2024 [@carhartharris2012;\n@siegel2024]. Next.")
    assert out.citations == ("carhartharris2012", "siegel2024")
    assert "@" not in out.html and "narrative-cite" not in out.html
    assert ">1</a>,\u00a0<a" in out.html and ">2</a>]</sup>" in out.html
    # A blank line ends the paragraph, and the group with it.
    apart = renderer.render("Claim [@carhartharris2012;\n\n@siegel2024].")
    assert apart.citations == ("siegel2024",)
