from __future__ import annotations

import re
from pathlib import Path

import pytest

from lantern.core.theme import THEMES, contrast_ratio, reader_css, scale_css

DECLARATION = re.compile(r"(?<![-\w])(color|background-color)\s*:\s*(#[0-9a-fA-F]{6})")


def _colours(css: str) -> tuple[set[str], set[str]]:
    found: dict[str, set[str]] = {"color": set(), "background-color": set()}
    for prop, value in DECLARATION.findall(css):
        found[prop].add(value.lower())
    return found["color"], found["background-color"]


def test_contrast_ratio_matches_wcag_examples():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_text_colour_reads_on_every_background(name):
    """Measured from the stylesheet the reader gets: each colour against each background."""
    css = reader_css(THEMES[name])
    texts, backgrounds = _colours(css)
    assert "$" not in css
    assert len(texts) >= 4 and len(backgrounds) >= 3
    floor = 7.0 if name == "high-contrast" else 4.5
    for text in texts:
        for background in backgrounds:
            ratio = contrast_ratio(text, background)
            assert ratio >= floor, f"{name}: {text} on {background} is {ratio:.2f}:1"


def test_themes_differ_and_layout_is_shared():
    sheets = {name: reader_css(theme) for name, theme in THEMES.items()}
    assert len({_colours(css)[1].__repr__() for css in sheets.values()}) == len(THEMES)
    for css in sheets.values():
        assert "font-size: 12pt" in css


def test_scale_multiplies_point_sizes():
    assert scale_css("p { font-size: 12pt; }", 1.5) == "p { font-size: 18.0pt; }"
    assert "font-size: 24.0pt" in reader_css(THEMES["light"], 2.0)


def test_kiosk_text_has_at_least_4_5_contrast():
    from lantern.core.theme import KIOSK

    for name, (text, background) in KIOSK.text_pairs().items():
        assert contrast_ratio(text, background) >= 4.5, name



ARTICLE_CSS = (Path(__file__).parents[2] / "resources" / "styles" / "article.css")


@pytest.mark.parametrize("name", sorted(THEMES))
def test_links_are_told_from_text_by_contrast_or_underline(name):
    """WCAG 1.4.1: a link needs 3:1 against the text around it, or a cue beyond colour.
    Every theme's link colour is measured; where it is under 3:1 the underline carries it."""
    theme = THEMES[name]
    assert contrast_ratio(theme.link, theme.base) >= (7.0 if name == "high-contrast" else 4.5)
    if contrast_ratio(theme.link, theme.text) < 3.0:
        assert re.search(r"(?m)^a \{[^}]*text-decoration: underline", ARTICLE_CSS.read_text())


@pytest.mark.parametrize("name", sorted(THEMES))
def test_focus_ring_stands_out_on_every_background(name):
    """The ring round a focused link (and the dark themes' focus frames) is at least 3:1
    against every background it can be drawn on."""
    theme = THEMES[name]
    for background in (theme.base, theme.window, theme.alternate_base, theme.note,
                       theme.table_head, theme.tooltip_base):
        ratio = contrast_ratio(theme.focus, background)
        assert ratio >= 3.0, f"{name}: focus {theme.focus} on {background} is {ratio:.2f}:1"


def test_kiosk_focus_ring_stands_out_on_every_kiosk_surface():
    from lantern.core.theme import KIOSK

    for surface in ("field", "button", "bar", "card", "key", "keyboard", "pressed",
                    "dock_title"):
        background = getattr(KIOSK, surface)
        assert contrast_ratio(KIOSK.focus, background) >= 3.0, surface
