"""Reader themes: the colours of light, dark and high-contrast reading, the reader stylesheet
built from them, and the WCAG 2 contrast arithmetic used to check every pair. Qt-free: the UI
turns a Theme into a QPalette, and tests measure contrast without a window."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from string import Template

from lantern.core import paths

__all__ = ["KIOSK", "THEMES", "KioskColours", "Theme", "contrast_ratio", "reader_css",
           "relative_luminance", "scale_css"]


@dataclass(frozen=True, slots=True)
class Theme:
    """Every colour of one theme, as #rrggbb. Chrome colours feed the Qt palette; the rest
    fill resources/styles/colours.css."""

    name: str
    label: str
    dark: bool
    # the window chrome
    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    tooltip_base: str
    tooltip_text: str
    placeholder: str
    disabled: str
    outline: str
    # the article
    muted: str
    accent: str
    link: str
    note: str
    table_head: str
    #: the ring around the link with keyboard focus (at least 3:1 on every background)
    focus: str

    def colours(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if isinstance(v, str) and v.startswith("#")}


LIGHT = Theme(
    "light", "Light", False,
    window="#f4f1ea", window_text="#1f1f1f", base="#fffdf8", alternate_base="#f7f3ea",
    text="#1f1f1f", button="#ece6da", button_text="#1f1f1f", highlight="#1f5fa8",
    highlighted_text="#ffffff", tooltip_base="#fff4d6", tooltip_text="#1f1f1f",
    placeholder="#66625b", disabled="#9a948a", outline="#b9b0a0",
    muted="#4f4b45", accent="#6b5a2e", link="#1f5fa8", note="#fff4d6", table_head="#efe9dc",
    focus="#1f5fa8",
)

DARK = Theme(
    "dark", "Dark", True,
    window="#262420", window_text="#ece7de", base="#1b1a18", alternate_base="#23211e",
    text="#ece7de", button="#35322d", button_text="#ece7de", highlight="#3b6fb6",
    highlighted_text="#ffffff", tooltip_base="#35322d", tooltip_text="#ece7de",
    placeholder="#aaa294", disabled="#77716a", outline="#7d766a",
    muted="#c2baad", accent="#e0c27a", link="#8fbaf0", note="#3a3224", table_head="#302d28",
    focus="#8fbaf0",
)

HIGH_CONTRAST = Theme(
    "high-contrast", "High contrast", True,
    window="#000000", window_text="#ffffff", base="#000000", alternate_base="#141414",
    text="#ffffff", button="#000000", button_text="#ffffff", highlight="#ffff00",
    highlighted_text="#000000", tooltip_base="#000000", tooltip_text="#ffffff",
    placeholder="#d6d6d6", disabled="#a0a0a0", outline="#ffffff",
    muted="#e6e6e6", accent="#ffd75e", link="#ffff00", note="#2a2a00", table_head="#1f1f1f",
    focus="#ffff00",
)

THEMES: dict[str, Theme] = {t.name: t for t in (LIGHT, DARK, HIGH_CONTRAST)}


@dataclass(frozen=True, slots=True)
class KioskColours:
    """The kiosk's touch chrome (ui/kiosk/style.py): light, like the kiosk's reader."""

    bar: str = "#f4efe4"  # the toolbar, scroll bar troughs
    bar_line: str = "#d8cfbd"
    button: str = "#fffdf8"
    button_text: str = "#2b2b2b"
    button_border: str = "#cbbf9f"  # also scroll bar handles
    pressed: str = "#efe3c4"
    disabled_button: str = "#f7f3ea"
    disabled_text: str = "#aaa397"
    disabled_border: str = "#e2dccd"
    help: str = "#b3261e"  # the help-now button
    help_border: str = "#8c1d18"
    action: str = "#1f5fa8"  # start over, "still reading"
    action_border: str = "#174a84"
    light_text: str = "#ffffff"  # on help and action
    corner_text: str = "#6b5a2e"  # the clinic's name in the hot corner, on the bar
    field: str = "#ffffff"
    focus: str = "#1f5fa8"
    dock_title: str = "#efe9dc"
    overlay: str = "rgba(30, 25, 15, 160)"  # behind the countdown card
    card: str = "#fffdf8"
    keyboard: str = "#e9e3d6"
    key: str = "#ffffff"
    warning_text: str = "#b3261e"  # a refused PIN, on the dialog (button colour)
    front_desk: str = "#fff4d6"  # behind the front desk's line on the help-now page

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Every (text, background) pair the kiosk draws, by name, for contrast checks.
        Disabled text is left out, as WCAG leaves it out."""
        return {
            "button": (self.button_text, self.button),
            "pressed button": (self.button_text, self.pressed),
            "help now": (self.light_text, self.help),
            "start over": (self.light_text, self.action),
            "hot corner": (self.corner_text, self.bar),
            "search field": (LIGHT.text, self.field),
            "countdown": (self.button_text, self.card),
            "key": (LIGHT.text, self.key),
            "refused PIN": (self.warning_text, self.button),
            "front desk": (LIGHT.text, self.front_desk),
        }


KIOSK = KioskColours()


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of `#rrggbb`."""
    value = colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio between two colours, from 1 to 21."""
    a, b = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def scale_css(css: str, factor: float) -> str:
    """Every `Npt` size in `css` multiplied by `factor`."""
    return re.sub(r"(\d+(?:\.\d+)?)pt\b", lambda m: f"{float(m[1]) * factor:.1f}pt", css)


def _read(name: str) -> str:
    try:
        return paths.resource("styles", name).read_text(encoding="utf-8")
    except (OSError, paths.NotFoundError):
        return ""


def reader_css(theme: Theme, scale: float = 1.0) -> str:
    """The reader stylesheet: layout (article.css) at `scale`, then the theme's colours."""
    colours = Template(_read("colours.css")).safe_substitute(theme.colours())
    css = _read("article.css")
    return (scale_css(css, scale) if scale != 1.0 else css) + "\n" + colours
