"""The results' filters show their words whole, however narrow the results panel is."""

from __future__ import annotations

import pytest

from PySide6.QtWidgets import QComboBox, QLabel

from lantern.ui.panels.filter_row import FilterRow, whole_width
from lantern.ui.window.main_window import MainWindow

from tests.ui.test_kiosk import make_kiosk, search


def _whole(window: MainWindow) -> list[str]:
    """What is cut: a label narrower than its words, a choice narrower than its longest."""
    panel = window.results
    cut = []
    for label, combo in zip(panel.filter_labels, (panel.kind_filter, panel.topic_filter),
                            strict=True):
        if not combo.isVisible():
            continue
        if label.width() < label.sizeHint().width():
            cut.append(f"{label.text()}: {label.width()} < {label.sizeHint().width()}")
        if combo.width() < whole_width(combo):
            cut.append(f"{combo.currentText()}: {combo.width()} < {whole_width(combo)}")
        if label.geometry().right() >= combo.geometry().left():
            cut.append(f"{label.text()} runs into its choice")
    return cut


@pytest.mark.parametrize("width", [1024, 1280, 1920])
def test_a_kiosk_shows_every_filter_whole(qtbot, tmp_path, width):
    window, controller = make_kiosk(qtbot, tmp_path)
    window.resize(width, 800)
    window.show()
    qtbot.waitExposed(window)
    search(qtbot, window, "psilocybin")
    qtbot.waitUntil(window.results.kind_filter.isVisible)
    qtbot.waitUntil(lambda: window.results.topic_filter.width() > 0)
    assert _whole(window) == []
    controller.exit_kiosk()


def test_filters_stack_when_narrow_and_line_up_when_wide(qtbot):
    pairs = []
    for words, choices in (("&Kind", ["All kinds (19)", "Articles (3)"]),
                           ("T&opic", ["All topics", "Safety and risks (4)"])):
        label, combo = QLabel(words), QComboBox()
        combo.addItems(choices)
        label.setBuddy(combo)
        pairs.append((label, combo))
    row = FilterRow(pairs)
    qtbot.addWidget(row)
    row.show()
    (_, kind), (_, topic) = pairs
    row.resize(row.needed_width() - 1, 60)
    qtbot.waitUntil(lambda: topic.y() > kind.y())
    row.resize(row.needed_width() + 40, 60)
    qtbot.waitUntil(lambda: topic.y() == kind.y())
    assert topic.x() > kind.geometry().right()
    assert kind.width() >= whole_width(kind) and topic.width() >= whole_width(topic)


def test_filters_refitted_while_hidden_are_arranged_once_shown(qtbot):
    pairs = []
    for words, choices in (("&Kind", ["All kinds", "Articles"]),
                           ("T&opic", ["All topics", "Safety"])):
        label, combo = QLabel(words), QComboBox()
        combo.addItems(choices)
        pairs.append((label, combo))
    row = FilterRow(pairs)
    qtbot.addWidget(row)
    (_, kind), (_, topic) = pairs
    row.resize(row.needed_width() + 10, 60)
    row.show()
    qtbot.waitUntil(lambda: topic.y() == kind.y())
    row.hide()
    topic.addItem("Safety and risks of every kind (4)")  # no longer fits in one row
    row.refit()  # hidden: measured once shown, at the same size (no resize comes)
    row.show()
    qtbot.waitUntil(lambda: topic.y() > kind.y())
