from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication

from lantern.core.theme import THEMES, contrast_ratio

from lantern.ui.window.themes import SYSTEM, ZOOM_STEPS, palette_for, system_theme

from tests.ui.conftest import make_window

ROLE = QPalette.ColorRole
PAIRS = [
    (ROLE.WindowText, ROLE.Window), (ROLE.Text, ROLE.Base), (ROLE.Text, ROLE.AlternateBase),
    (ROLE.ButtonText, ROLE.Button), (ROLE.HighlightedText, ROLE.Highlight),
    (ROLE.ToolTipText, ROLE.ToolTipBase), (ROLE.PlaceholderText, ROLE.Base),
    (ROLE.Link, ROLE.Base), (ROLE.Link, ROLE.Window),
]


@pytest.fixture(autouse=True)
def _restore_palette(qapp):
    app = qapp
    saved = QPalette(app.palette())
    yield
    app.setPalette(saved)


def _text_colour(window) -> str:
    """The colour of the first body paragraph of the open page (a long one)."""
    block = window.reader.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if not fmt.isAnchor() and len(block.text()) > 120 and \
                    block.blockFormat().headingLevel() == 0:
                return fmt.foreground().color().name()
            it += 1
        block = block.next()
    raise AssertionError("no paragraph")


@pytest.mark.parametrize("name", sorted(THEMES))
def test_palette_text_contrast_at_least_4_5(name):
    palette = palette_for(THEMES[name])
    floor = 7.0 if name == "high-contrast" else 4.5
    for fg, bg in PAIRS:
        ratio = contrast_ratio(palette.color(fg).name(), palette.color(bg).name())
        assert ratio >= floor, f"{name}: {fg.name} on {bg.name} is {ratio:.2f}:1"


def test_theme_switch_changes_article_colours(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path)
    window.navigate("lantern:article/brain-networks")
    menu = window.appearance.theme_menu
    colours = {}
    for name in ("light", "dark", "high-contrast"):
        action = window.appearance.theme_actions[name]
        assert action in menu.actions()
        with qtbot.waitSignal(window.appearance.theme_changed) as changed:
            action.trigger()
        assert changed.args == [name]
        theme = THEMES[name]
        colours[name] = _text_colour(window)
        assert colours[name] == theme.text
        assert QApplication.instance().palette().color(ROLE.Base).name() == theme.base
        root = window.reader.document().rootFrame().frameFormat()
        assert root.background().color().name() == theme.base
        # the side panels follow too
        assert theme.link in window.glossary.entry.document().defaultStyleSheet()
    assert len(set(colours.values())) == 3
    assert "Brain networks" in window.reader.toPlainText()
    window.close()


def test_theme_and_text_size_survive_a_restart(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path)
    assert window.appearance.mode == SYSTEM
    assert window.appearance.theme is system_theme()
    window.appearance.theme_actions["dark"].trigger()
    window.appearance.zoom_in_action.trigger()
    window.appearance.zoom_in_action.trigger()
    assert "font-size: 15.0pt" in window.reader.document().defaultStyleSheet()  # 12pt × 1.25
    window.close()

    again = make_window(qtbot, tmp_path)
    assert again.appearance.mode == "dark"
    assert again.appearance.theme_actions["dark"].isChecked()
    assert again.appearance.scale == 1.25
    assert "font-size: 15.0pt" in again.reader.document().defaultStyleSheet()
    again.appearance.zoom_reset_action.trigger()
    assert again.appearance.scale == 1.0
    assert not again.appearance.zoom_reset_action.isEnabled()
    again.close()


def test_zoom_keys_and_ctrl_wheel_change_the_reader(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.appearance.scale == ZOOM_STEPS[ZOOM_STEPS.index(1.0) + 1]
    qtbot.keyClick(window.reader, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.appearance.scale == 1.0
    viewport = window.reader.viewport()
    centre = QPointF(viewport.rect().center())
    event = QWheelEvent(centre, QPointF(viewport.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, -120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)
    assert window.appearance.scale < 1.0
    for _ in range(len(ZOOM_STEPS)):
        window.appearance.zoom_out_action.trigger()
    assert window.appearance.scale == ZOOM_STEPS[0]
    assert not window.appearance.zoom_out_action.isEnabled()
    window.close()


def test_nothing_saved_when_the_window_persists_nothing(qtbot, tmp_path: Path):
    from PySide6.QtCore import QSettings

    from lantern.ui.window.main_window import MainWindow
    from lantern.ui.window.policy import NOTHING_KEPT

    from tests.conftest import VALID_PACK

    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow([VALID_PACK], settings=settings, policy=NOTHING_KEPT)
    qtbot.addWidget(window)
    window.appearance.set_mode("high-contrast")
    window.appearance.zoom(+1)
    settings.sync()
    assert settings.value("appearance/theme") is None
    assert settings.value("appearance/zoom") is None
    assert window.styleSheet()  # high contrast draws frames the palette alone cannot
    window.appearance.set_mode("light")
    assert window.styleSheet() == ""
    window.close()


@pytest.mark.parametrize("name", ["dark", "high-contrast"])
def test_dark_themes_draw_frames_at_3_to_1(name):
    """WCAG 1.4.11: the edge of a field must stand out from what is around it."""
    from lantern.ui.window.themes import window_qss

    theme = THEMES[name]
    assert theme.outline in window_qss(theme)
    for background in (theme.base, theme.window):
        assert contrast_ratio(theme.outline, background) >= 3.0
    assert window_qss(THEMES["light"]) == ""


def test_the_kiosk_stylesheets_take_every_colour_from_core_theme():
    import re

    from lantern.ui.kiosk import style

    for template in (style._QSS.template, style._CSS.template):
        assert re.findall(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|\bwhite\b|\bblack\b", template) == []
