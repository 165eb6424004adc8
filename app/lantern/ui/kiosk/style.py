"""The kiosk's touch chrome: every control at least 44 × 44 px (most are 52), larger type.
Its colours are `KIOSK` in core/theme.py, where the contrast tests see them."""

from __future__ import annotations

from dataclasses import asdict
from string import Template

from lantern.core.theme import KIOSK, KioskColours

_QSS = Template("""
QWidget { font-size: 15pt; }
QToolBar#navigationBar { spacing: 6px; padding: 6px 6px; background: $bar;
    border: none; border-bottom: 1px solid $bar_line; }
QToolBar#navigationBar QToolButton { min-width: 52px; min-height: 52px; padding: 0px 9px;
    font-size: 14pt;
    border: 1px solid $button_border; border-radius: 10px; background: $button;
    color: $button_text; }
QToolBar#navigationBar QToolButton:pressed { background: $pressed; }
QToolBar#navigationBar QToolButton:disabled { color: $disabled_text;
    border-color: $disabled_border;
    background: $disabled_button; }
QToolBar#navigationBar QToolButton#helpNowButton { background: $help; color: $light_text;
    border-color: $help_border; font-weight: bold; }
QToolBar#navigationBar QToolButton#startOverButton { background: $action; color: $light_text;
    border-color: $action_border; font-weight: bold; }
QToolBar#navigationBar QToolButton#languageEnButton,
QToolBar#navigationBar QToolButton#languageEsButton { min-width: 52px; padding: 0px 3px; }
QToolBar#navigationBar QToolButton#languageEnButton:checked,
QToolBar#navigationBar QToolButton#languageEsButton:checked { background: $pressed;
    border: 3px solid $focus; font-weight: bold; padding: 0px 1px; min-height: 48px; }
QLabel#hotCorner { font-weight: bold; color: $corner_text; padding: 0px 6px; font-size: 14pt; }
QLineEdit { min-height: 52px; padding: 0px 12px; border: 2px solid $button_border;
    border-radius: 10px; background: $field; font-size: 17pt; }
QLineEdit:focus { border-color: $focus; }
QPushButton { min-width: 56px; min-height: 52px; padding: 0px 16px;
    border: 1px solid $button_border;
    border-radius: 10px; background: $button; color: $button_text; }
QPushButton:pressed { background: $pressed; }
QListView::item { padding: 12px 8px; }
QComboBox { min-height: 48px; padding: 0px 10px; }
QComboBox QAbstractItemView::item { min-height: 48px; }
QScrollBar:vertical { width: 44px; background: $bar; border: none; margin: 0px; }
QScrollBar:horizontal { height: 44px; background: $bar; border: none; margin: 0px; }
QScrollBar::handle { background: $button_border; border-radius: 10px; margin: 6px; }
QScrollBar::handle:vertical { min-height: 64px; }
QScrollBar::handle:horizontal { min-width: 64px; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0px; height: 0px; border: none; }
QScrollBar::add-page, QScrollBar::sub-page { background: none; }
QDockWidget::title { padding: 10px; background: $dock_title; }
QWidget#countdownOverlay { background: $overlay; }
QFrame#countdownCard { background: $card; border-radius: 18px; }
QLabel#countdownTitle { font-size: 32pt; font-weight: bold; color: $button_text; }
QLabel#countdownMessage { font-size: 17pt; color: $button_text; }
QPushButton#stillReadingButton { font-size: 21pt; font-weight: bold; background: $action;
    color: $light_text; border: none; border-radius: 14px; padding: 0px 36px; min-height: 88px;
    min-width: 360px; }
QWidget#onScreenKeyboard { background: $keyboard; }
QPushButton#key, QPushButton#wideKey, QPushButton#spaceKey { font-size: 17pt;
    background: $key; padding: 0px 10px; min-width: 56px; min-height: 56px; }
QPushButton#wideKey { min-width: 120px; }
QPushButton#spaceKey { min-width: 336px; }
QLabel#pinMessage { color: $warning_text; font-weight: bold; }
QListView#kioskSuggestions { background: $field; border: 2px solid $focus;
    border-radius: 10px; color: $button_text; }
QListView#kioskSuggestions::item { border-bottom: 1px solid $disabled_border; }
QListView#kioskSuggestions::item:selected { background: $pressed; color: $button_text; }
QWidget#dialogBackdrop { background: $overlay; }
QWidget#dialogBackdrop > QDialog { background: $card; border-radius: 18px; }
""")

# Appended to the reader's stylesheet.
_CSS = Template("""
td.front-desk { background-color: $front_desk; padding: 12px; font-size: 15pt; }
table.front-desk { margin-bottom: 12px; }
""")




# On a narrow screen (1024 px and the like) the toolbar's type is smaller, so every button
# keeps its whole label, and the search field its hint beside the EN | ES switch.
COMPACT_WIDTH = 1200
#: What the bar needs at full size, with a long clinic name and the search field wide
#: enough for its hint, without the print button or the EN | ES switch; what each adds, px.
_FULL_BAR, _PRINT_ROOM, _SWITCH_ROOM = 1136, 96, 140


#: What the full bar's measured need (MainWindow.toolbar_width_needed) overstates, px: the
#: toolbar's own margins and the search field's padding, counted twice there.
BAR_SLACK = 44


def compact_below(print_button: bool, language_switch: bool) -> int:
    """The window width under which the bar is compact: COMPACT_WIDTH, or more when the
    print button and the language switch on it need more."""
    needed = _FULL_BAR + (_PRINT_ROOM if print_button else 0) + \
        (_SWITCH_ROOM if language_switch else 0)
    return max(COMPACT_WIDTH, needed)


_COMPACT = """
QToolBar#navigationBar QToolButton { font-size: 12pt; padding: 0px 6px; min-width: 48px; }
QLabel#hotCorner { font-size: 12pt; padding: 0px 4px; }
QToolBar#navigationBar { spacing: 4px; }
QLineEdit#searchField { font-size: 15pt; padding: 0px 8px; }
QToolBar#navigationBar QToolButton#languageEnButton,
QToolBar#navigationBar QToolButton#languageEsButton { min-width: 44px; padding: 0px 1px; }
QToolBar#navigationBar QToolButton#languageEnButton:checked,
QToolBar#navigationBar QToolButton#languageEsButton:checked { min-width: 44px;
    padding: 0px; }
"""


def kiosk_qss(colours: KioskColours = KIOSK, compact: bool = False) -> str:
    """The Qt stylesheet of the kiosk window (`compact`: for a screen under COMPACT_WIDTH)."""
    return _QSS.substitute(asdict(colours)) + (_COMPACT if compact else "")


def kiosk_css(colours: KioskColours = KIOSK) -> str:
    """Appended to the reader's stylesheet on a kiosk: the front desk's line."""
    return _CSS.substitute(asdict(colours))
