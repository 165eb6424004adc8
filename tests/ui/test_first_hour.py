"""What a new reader meets in the first hour: Enter on a crisis search, the recent-searches
list, links to pages that are gone, the content problems dialog, export, the panels."""

from __future__ import annotations

from PySide6.QtCore import Qt

from lantern.core.address import Kind
from lantern.core.session import HELP_NOW


def test_enter_on_a_crisis_search_opens_the_help_now_page(qtbot, window):
    window.navigate("lantern:article/brain-networks")
    qtbot.keyClicks(window.search_field, "I want to kill myself")
    with qtbot.waitSignal(window.search_finished, timeout=5000) as blocker:
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.history.current == HELP_NOW
    first = blocker.args[0].results[0]
    assert (first.kind, first.id) == (Kind.PAGE, "help-now")
    shown = window.results.model.result(0)
    assert (shown.kind, shown.id) == (Kind.PAGE, "help-now")
    assert window.results.list.currentIndex().row() == 0
