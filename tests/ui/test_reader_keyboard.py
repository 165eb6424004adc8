"""Reading by keyboard and screen reader: Tab goes on from the section opened and says which
link it reached, H and Shift+H go from heading to heading, the Contents panel says where it
went, skip keys reach the results and the text, and the focused link is ringed."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from lantern.core.theme import THEMES

from lantern.ui.panels import reader as reader_module
from lantern.ui.panels import toc as toc_module

from tests.ui.conftest import make_window

ARTICLE = "lantern:article/brain-networks"
LAST_SECTION = "what-scans-cannot-tell-us"


@pytest.fixture
def spoken(monkeypatch) -> list[str]:
    """What the reader and the Contents panel announce, and the caret moves they report."""
    said: list[str] = []
    monkeypatch.setattr(reader_module, "announce", lambda _w, text: said.append(text))
    monkeypatch.setattr(toc_module, "announce", lambda _w, text: said.append(text))
    monkeypatch.setattr(reader_module, "caret_moved",
                        lambda _w, start, end: said.append(f"caret {start}-{end}"))
    return said


def _open_last_section(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path)
    window.resize(900, 360)
    for _ in range(6):
        window.appearance.zoom(+1)
    window.navigate(f"{ARTICLE}#{LAST_SECTION}")
    window.activateWindow()
    window.reader.setFocus()
    qtbot.waitUntil(window.reader.hasFocus)
    assert window.reader.verticalScrollBar().value() > 0  # the section is not at the top
    return window


def test_tab_starts_from_the_opened_section_and_tells_the_link(qtbot, tmp_path: Path, spoken):
    window = _open_last_section(qtbot, tmp_path)
    qtbot.keyClick(window.reader, Qt.Key.Key_Tab)
    href, text = window.reader.focused_link()
    assert (href, text) == ("lantern:article/safety-basics", "safety")
    cursor = window.reader.textCursor()
    assert f"caret {cursor.selectionStart()}-{cursor.selectionEnd()}" in spoken
    assert "safety, link" in spoken
    qtbot.keyClick(window.reader, Qt.Key.Key_Tab)
    assert window.reader.focused_link()[1] == "the FAQ"
    assert spoken[-1] == "the FAQ, link"
    window.close()


def test_h_and_shift_h_walk_the_headings(qtbot, tmp_path: Path, spoken):
    window = make_window(qtbot, tmp_path)
    window.navigate(ARTICLE)
    window.reader.setFocus()
    for _ in range(12):
        qtbot.keyClick(window.reader, Qt.Key.Key_H)
        if spoken[-1] == "No more headings":
            break
    forward = [s for s in spoken[:-1] if not s.startswith("caret")]
    assert forward[:3] == ["Heading level 1, Brain networks and psilocybin",
                           "Heading level 2, The default mode network",
                           "Heading level 2, What scans cannot tell us"]
    assert window.reader.textCursor().selectedText() == forward[-1].split(", ", 1)[1]
    spoken.clear()
    for _ in range(len(forward) - 1):
        qtbot.keyClick(window.reader, Qt.Key.Key_H, Qt.KeyboardModifier.ShiftModifier)
    assert [s for s in spoken if not s.startswith("caret")] == forward[-2::-1]
    window.close()


def test_contents_panel_announces_the_section_it_went_to(qtbot, tmp_path: Path, spoken):
    window = make_window(qtbot, tmp_path)
    window.navigate(ARTICLE)
    window.contents.show()
    items = [window.contents.list.item(i) for i in range(window.contents.list.count())]
    item = next(i for i in items if "cannot" in i.text())
    window.contents.list.itemActivated.emit(item)
    assert spoken[-1] == "Went to the section What scans cannot tell us"
    window.close()


def test_skip_keys_reach_the_results_and_the_text(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path)
    window.activateWindow()
    window.search.run_now("DMN")
    qtbot.waitUntil(lambda: window.results.model.rowCount() > 0)
    window.search_field.setFocus()
    qtbot.waitUntil(window.search_field.hasFocus)
    qtbot.keyClick(window.search_field, Qt.Key.Key_R,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.results.list.hasFocus()
    qtbot.keyClick(window.results.list, Qt.Key.Key_T,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.reader.hasFocus()
    window.close()


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_the_focused_link_has_a_visible_ring(qtbot, tmp_path: Path, theme):
    window = _open_last_section(qtbot, tmp_path)
    window.appearance.set_mode(theme)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Tab)
    rects = window.reader.focused_link_rects()
    assert rects
    image = window.reader.viewport().grab().toImage()
    ring = QColor(THEMES[theme].focus)
    assert window.reader.palette().color(QPalette.ColorRole.Accent) == ring
    rect = rects[0]
    # at least two pixel rows of the ring's colour along the top of the link's box
    full_rows = 0
    for y in range(rect.top() - 2, rect.top() + 3):
        hits = sum(image.pixelColor(x, y) == ring
                   for x in range(rect.left() + 3, rect.right() - 3))
        full_rows += hits >= (rect.width() - 6) * 0.9
    assert full_rows >= 2, theme
    QApplication.processEvents()
    window.close()
