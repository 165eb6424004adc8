from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.conftest import make_window

ARTICLE = "lantern:article/brain-networks"


def test_contents_lists_sections_and_jumps_to_one(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path)
    window.resize(1200, 500)  # short, so the page scrolls
    window.navigate(ARTICLE)
    dock = window.contents
    assert dock.toggleViewAction() in window.menuBar().actions()[3].menu().actions()
    dock.toggleViewAction().trigger()
    assert dock.isVisible()
    headings = window.reader.page.headings
    assert dock.list.count() == len(headings) >= 2
    assert dock.list.accessibleName()
    last = dock.list.item(dock.list.count() - 1)
    assert last.text().strip() == headings[-1].text
    bar = window.reader.verticalScrollBar()
    assert bar.value() == 0
    dock.list.setFocus()
    dock.list.setCurrentItem(last)
    qtbot.keyClick(dock.list, Qt.Key.Key_Return)
    assert bar.value() > 0

    window.navigate("lantern:home")
    assert dock.list.count() >= 1  # the home page has its own sections, or says it has none
    window.close()


def test_reading_position_comes_back_after_a_restart(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path)
    window.resize(1200, 500)
    window.navigate(ARTICLE)
    bar = window.reader.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    window.navigate("lantern:home")
    assert bar.value() == 0
    window.navigate(ARTICLE)
    assert abs(bar.value() - bar.maximum() // 2) <= 2
    window.navigate(f"{ARTICLE}#{window.reader.page.headings[0].anchor}")  # a section wins
    window.navigate("lantern:faq/what-is-dmn")
    window.close()

    again = make_window(qtbot, tmp_path)
    again.resize(1200, 500)
    again.navigate(ARTICLE)
    bar = again.reader.verticalScrollBar()
    assert bar.value() > 0
    assert again.positions.positions[ARTICLE] > 0
    again.close()


def test_kiosk_remembers_no_reading_position(qtbot, tmp_path: Path):
    from tests.ui.test_kiosk import make_kiosk

    window, controller = make_kiosk(qtbot, tmp_path)
    window.navigate(ARTICLE)
    bar = window.reader.verticalScrollBar()
    bar.setValue(bar.maximum())
    window.navigate("lantern:home")
    window.navigate(ARTICLE)
    assert window.positions.positions == {}
    controller.exit_kiosk()


def test_contents_follows_the_section_being_read(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path)
    window.resize(1200, 420)
    window.navigate(ARTICLE)
    dock = window.contents
    dock.show()
    bar = window.reader.verticalScrollBar()
    assert bar.maximum() > 0
    assert dock.list.currentRow() == -1  # above the first heading: the title block
    window.reader.scrollToAnchor(window.reader.page.headings[0].anchor)
    assert dock.list.currentRow() == 0
    bar.setValue(bar.maximum())
    assert dock.list.currentRow() == dock.list.count() - 1
    bar.setValue(0)
    assert dock.list.currentRow() == -1
    window.close()
