"""Kiosk mode left alone: it keeps its shape and its window, and keeps visitors off the disk.
What needs a real window manager is in tests/x11/."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMessageBox,
    QToolButton,
    QWidget,
)

from lantern.core.kiosk import HOME, KioskPolicy

from lantern.ui.kiosk.controller import KioskController
from lantern.ui.kiosk.widgets import HotCorner
from lantern.ui.window.main_window import MainWindow

from tests.ui.conftest import click_link, link_position
from tests.ui.test_kiosk import POLICY, make_kiosk, open_pin_dialog_by_taps, search, tap


@pytest.fixture
def kiosk(qtbot, tmp_path: Path) -> Iterator[tuple[MainWindow, KioskController]]:
    window, controller = make_kiosk(qtbot, tmp_path)
    yield window, controller
    if window.isVisible():
        controller.exit_kiosk()


def test_the_window_stays_exactly_the_screen_with_every_panel_and_the_keyboard(qtbot, tmp_path):
    window, controller = make_kiosk(qtbot, tmp_path, fullscreen=True)
    screen = window.screen().geometry()
    qtbot.waitUntil(lambda: window.geometry() == screen, timeout=3000)
    window.navigate("lantern:article/brain-networks")
    with qtbot.waitSignal(window.glossary.term_shown):
        click_link(qtbot, window.reader, "lantern:term/psilocybin")
    with qtbot.waitSignal(window.references.reference_shown):
        click_link(qtbot, window.reader, "lantern:ref/siegel2024")
    tap(qtbot, window.search_field)  # the on-screen keyboard opens too
    assert controller.keyboard_dock.isVisible()
    qtbot.wait(50)  # let the layout settle (no signal: nothing should change)
    assert window.geometry() == screen
    with qtbot.waitSignal(controller.reset_done):
        controller.reset()
    assert window.geometry() == screen
    controller.exit_kiosk()


def test_minimised_or_out_of_full_screen_the_kiosk_comes_back(qtbot, tmp_path):
    window, controller = make_kiosk(qtbot, tmp_path, fullscreen=True)
    window.showMinimized()
    qtbot.waitUntil(lambda: window.isFullScreen() and not window.isMinimized(), timeout=3000)
    window.showNormal()
    qtbot.waitUntil(window.isFullScreen, timeout=3000)
    window.hide()
    qtbot.waitUntil(lambda: window.isVisible() and window.isFullScreen(), timeout=3000)
    assert controller.guard.restores >= 3
    controller.exit_kiosk()
    assert not window.isVisible()  # the staff exit is not undone


def test_kiosk_dialogs_are_frameless_children_of_the_window(qtbot, kiosk):
    window, controller = kiosk
    open_pin_dialog_by_taps(qtbot, controller)
    dialog = controller.pin_dialog
    assert dialog is not None and not dialog.isWindow()  # no title bar, nothing to minimise
    assert dialog.window() is window
    backdrop = dialog.parentWidget()
    assert backdrop.isVisible() and backdrop.geometry() == window.rect()
    dialog.reject()
    assert not backdrop.isVisible()
    controller.on_external_link(QUrl("https://example.org"))
    notice = controller.notice
    assert notice is not None and notice.isVisible() and not notice.isWindow()


def test_without_a_pin_visitors_are_shown_no_staff_instructions(qtbot, tmp_path):
    window, controller = make_kiosk(qtbot, tmp_path, policy=KioskPolicy(idle_seconds=60))
    for _ in range(controller.corner.taps_needed):
        tap(qtbot, controller.corner)
    shown = [d for d in window.findChildren(QDialog) if d.isVisible()]
    assert shown == []
    assert not any(isinstance(w, QMessageBox) and w.isVisible()
                   for w in QApplication.topLevelWidgets())
    controller.exit_kiosk()


def test_the_clinic_name_is_text_not_markup(qtbot):
    name = '<b>Riverside</b> <a href="https://example.org">Clinic</a>'
    corner = HotCorner(name)
    qtbot.addWidget(corner)
    corner.show()
    corner.resize(corner.sizeHint())
    assert corner.textFormat() == Qt.TextFormat.PlainText  # tags shown as typed, no link
    assert corner.text() == name
    corner.resize(120, 48)
    assert corner.text().endswith("…") and corner.accessibleName() == name


def test_wrong_pins_are_not_logged_but_a_lockout_is(qtbot, kiosk, caplog):
    _, controller = kiosk
    open_pin_dialog_by_taps(qtbot, controller)
    with caplog.at_level(logging.INFO):
        controller.on_pin_entered("000000")
        assert caplog.records == []  # a visitor's try is nobody's business
        controller.on_pin_entered("000000")
        controller.on_pin_entered("000000")
    [record] = caplog.records
    assert "staff corner is locked" in record.getMessage()
    assert "000000" not in record.getMessage()


def test_a_home_page_that_is_not_in_the_content_is_reported(qtbot, tmp_path, caplog):
    policy = KioskPolicy(idle_seconds=60, home="lantern:page/no-such-page",
                         admin_pin_hash=POLICY.admin_pin_hash)
    with caplog.at_level(logging.WARNING):
        window, controller = make_kiosk(qtbot, tmp_path, policy=policy)
    messages = [r.getMessage() for r in caplog.records]
    assert any("'home' page lantern:page/no-such-page is not in the content" in m
               for m in messages), messages
    assert window.history.current == HOME
    controller.exit_kiosk()


class _FakeClipboard:
    def __init__(self) -> None:
        self.cleared: list[QClipboard.Mode] = []

    def supportsSelection(self) -> bool:
        return True

    def clear(self, mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> None:
        self.cleared.append(mode)


def test_reset_clears_the_primary_selection_where_there_is_one(qtbot, kiosk, monkeypatch):
    _, controller = kiosk
    fake = _FakeClipboard()
    monkeypatch.setattr(QApplication, "clipboard", staticmethod(lambda: fake))
    with qtbot.waitSignal(controller.reset_done):
        controller.reset()
    assert fake.cleared == [QClipboard.Mode.Clipboard, QClipboard.Mode.Selection]


def test_reset_leaves_no_selected_text_in_the_fields(qtbot, kiosk):
    window, controller = kiosk
    for field in (window.search_field, window.glossary.filter, window.find_bar.field):
        field.setText("ketamine")
        field.selectAll()
    with qtbot.waitSignal(controller.reset_done):
        controller.reset()
    for field in (window.search_field, window.glossary.filter, window.find_bar.field):
        assert not field.hasSelectedText()


# touch: the suggestion list --------------------------------------------------------------


def visible_suggestions(window: MainWindow) -> bool:
    popup = window.suggestions.completer.popup()
    listed = window.findChild(QWidget, "kioskSuggestions")
    return popup.isVisible() or (listed is not None and listed.isVisible())


def test_while_suggestions_show_every_tap_acts_at_once(qtbot, kiosk):
    window, controller = kiosk
    tap(qtbot, window.search_field)
    keys = {k.text(): k for k in controller.keyboard.keys}
    typed = ""
    for char in "psilo":
        with qtbot.waitSignal(window.suggestions.suggestions_shown, timeout=5000):
            tap(qtbot, keys[char])
        typed += char
        assert window.search_field.text() == typed  # no letter lost to the open list
        assert visible_suggestions(window)
    help_button = window.findChild(QWidget, "helpNowButton")
    with qtbot.waitSignal(window.page_shown, timeout=3000):
        tap(qtbot, help_button)  # one tap, while the list shows
    assert window.history.current == "lantern:page/help-now"
    assert not visible_suggestions(window)


LONG_QUESTION = ("What is the default mode network, and what happens to it during a "
                 "psilocybin session with a trained therapist in the room?")


def test_suggestion_rows_are_finger_sized_and_show_their_whole_text(qtbot, kiosk):
    window, _ = kiosk
    tap(qtbot, window.search_field)
    window.suggestions._fill("what", [(LONG_QUESTION, "search:dmn", "Question"),
                                      ("Need help now?", "lantern:page/help-now", "Page")])
    listed = window.suggestions.inside
    assert listed is not None
    qtbot.waitUntil(listed.isVisible, timeout=2000)
    rows = [listed.visualRect(listed.model().index(r, 0)) for r in range(2)]
    assert all(rect.height() >= 44 for rect in rows)
    line = listed.fontMetrics().height()
    assert rows[0].height() >= 2 * line  # wrapped onto more lines, not cut with "…"
    assert listed.geometry().bottom() < window.height()
    assert listed.geometry().top() >= window.search_field.mapTo(
        window, window.search_field.rect().bottomLeft()).y()
    with qtbot.waitSignal(window.page_shown, timeout=3000):
        qtbot.mouseClick(listed.viewport(), Qt.MouseButton.LeftButton,
                         pos=rows[1].center())
    assert window.history.current == "lantern:page/help-now"
    assert not listed.isVisible()


def test_ctrl_k_and_ctrl_f_work_in_kiosk_mode(qtbot, kiosk):
    window, _ = kiosk
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.navigate("lantern:article/brain-networks")
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_field.hasFocus, timeout=2000)
    qtbot.keyClick(window.search_field, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.find_bar.isVisible, timeout=2000)


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_the_toolbar_fits_with_every_option_on(qtbot, tmp_path, size):
    policy = KioskPolicy(idle_seconds=60, clinic_name="Riverside Community Clinic",
                         allow_print=True, admin_pin_hash=POLICY.admin_pin_hash)
    window, controller = make_kiosk(qtbot, tmp_path, policy=policy)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0], timeout=2000)
    bar = window.toolbar
    QApplication.processEvents()
    buttons = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
    names = {b.objectName() for b in buttons}
    assert {"kioskPrintButton", "helpNowButton", "startOverButton"} <= names
    for b in buttons:
        assert b.width() >= b.sizeHint().width(), (b.objectName() or b.text(), b.width())
        assert b.height() >= 44 and b.width() >= 44
    extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()  # nothing pushed off the bar
    assert window.search_field.width() >= 160
    assert bar.geometry().right() <= window.width()
    controller.exit_kiosk()


# touch: links a finger can hit ------------------------------------------------------------


@pytest.mark.parametrize(("href", "offset", "panel"), [
    ("lantern:ref/siegel2024", 16, "references"),  # below the 8 px citation marker
    ("lantern:term/psilocybin", -18, "glossary"),   # above a glossary word
])
def test_a_tap_a_fingertip_beside_a_link_follows_it(qtbot, kiosk, href, offset, panel):
    window, _ = kiosk
    window.navigate("lantern:article/brain-networks")
    beside = link_position(window.reader, href) + QPoint(0, offset)
    assert window.reader.anchorAt(beside) == ""  # not on the link itself
    signal = (window.references.reference_shown if panel == "references"
              else window.glossary.term_shown)
    with qtbot.waitSignal(signal, timeout=3000):
        qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=beside)


def test_a_tap_far_from_any_link_follows_none(qtbot, kiosk):
    window, _ = kiosk
    window.navigate("lantern:article/brain-networks")
    shown: list[str] = []
    window.references.reference_shown.connect(lambda *a: shown.append("ref"))
    window.glossary.term_shown.connect(lambda *a: shown.append("term"))
    far = QPoint(window.reader.viewport().width() - 30, window.reader.viewport().height() - 30)
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=far)
    assert shown == []



def test_help_now_is_not_squeezed_by_the_panels(qtbot, tmp_path):
    policy = KioskPolicy(idle_seconds=600, admin_pin_hash=POLICY.admin_pin_hash)
    window, controller = make_kiosk(qtbot, tmp_path, policy=policy)  # no reset meanwhile
    search(qtbot, window, "DMN")
    window.navigate("lantern:article/brain-networks")
    with qtbot.waitSignal(window.glossary.term_shown):
        click_link(qtbot, window.reader, "lantern:term/psilocybin")
    with qtbot.waitSignal(window.references.reference_shown):
        click_link(qtbot, window.reader, "lantern:ref/siegel2024")
    with qtbot.waitSignal(window.page_shown, timeout=3000):
        tap(qtbot, window.findChild(QWidget, "helpNowButton"))
    qtbot.waitUntil(lambda: window.reader.width() >= 0.9 * window.width(), timeout=3000)
    controller.exit_kiosk()


def test_a_narrow_glossary_never_breaks_a_word_of_its_heading(qtbot, kiosk):
    window, _ = kiosk
    window.navigate("lantern:article/brain-networks")
    with qtbot.waitSignal(window.glossary.term_shown):
        click_link(qtbot, window.reader, "lantern:term/psilocybin")
    entry = window.glossary.entry
    entry.setFixedWidth(170)  # narrower than the heading's one word
    qtbot.waitUntil(lambda: entry.viewport().width() < 170, timeout=2000)
    document = entry.document()
    document.size()  # laid out at the new width
    block = document.begin()
    while block.isValid() and block.text() != "Psilocybin":
        block = block.next()
    assert block.isValid()
    layout = block.layout()
    starts = [layout.lineAt(i).textStart() for i in range(layout.lineCount())]
    assert starts == [0]  # one line: the word is whole, never "Psilocy / bin"


def test_many_suggestions_never_cover_the_keyboard(qtbot, kiosk):
    window, controller = kiosk
    tap(qtbot, window.search_field)
    assert controller.keyboard_dock.isVisible()
    window.suggestions._fill("what", [(f"{LONG_QUESTION} ({n})", "search:x", "Question")
                                      for n in range(8)])
    listed = window.suggestions.inside
    assert listed is not None
    qtbot.waitUntil(listed.isVisible, timeout=2000)
    keys = controller.keyboard_dock.geometry()
    assert not listed.geometry().intersects(keys)  # every key stays tappable
    assert listed.geometry().bottom() < window.height()


def test_the_keyboard_opens_under_the_field(qtbot, kiosk):
    window, controller = kiosk
    tap(qtbot, window.search_field)
    qtbot.waitUntil(controller.keyboard_dock.isVisible, timeout=2000)
    QApplication.processEvents()
    field_bottom = window.search_field.mapTo(window, QPoint(0, window.search_field.height()))
    keys_top = controller.keyboard_dock.mapTo(window, QPoint(0, 0)).y()
    assert 0 <= keys_top - field_bottom.y() <= 24  # right under the field, not screen bottom


def test_a_tap_a_fingertip_beside_did_you_mean_follows_it(qtbot, kiosk):
    window, _ = kiosk
    summary = window.results.summary
    window.results.show()
    summary.setText('<b>Nothing found for “psilocibyn”.</b><br/>'
                    'Did you mean <a href="search:psilocybin">psilocybin</a>?')
    QApplication.processEvents()
    # Where a plain label of the same text, font and size draws the link: its own hits.
    oracle = QLabel()
    qtbot.addWidget(oracle)
    oracle.setFont(summary.font())
    oracle.setTextFormat(Qt.TextFormat.RichText)
    oracle.setWordWrap(True)
    oracle.setText(summary.text())
    oracle.setFixedSize(summary.size())
    oracle.show()
    hits: list[QPoint] = []
    point = QPoint()
    oracle.linkActivated.connect(lambda _href: hits.append(QPoint(point)))
    for y in range(0, oracle.height(), 3):
        for x in range(0, oracle.width(), 8):
            point = QPoint(x, y)
            qtbot.mouseClick(oracle, Qt.MouseButton.LeftButton, pos=point)
    assert hits, "the link, as a label draws it"
    bottom = max(p.y() for p in hits)
    beside = QPoint(sorted(p.x() for p in hits)[len(hits) // 2], bottom + 14)  # off the link
    with qtbot.waitSignal(summary.linkActivated, timeout=2000) as blocker:
        qtbot.mouseClick(summary, Qt.MouseButton.LeftButton, pos=beside)
    assert blocker.args == ["search:psilocybin"]


def test_the_tapped_word_stays_in_place_when_its_panel_opens(qtbot, tmp_path):
    policy = KioskPolicy(idle_seconds=600, admin_pin_hash=POLICY.admin_pin_hash)
    window, controller = make_kiosk(qtbot, tmp_path, policy=policy)  # no reset meanwhile
    search(qtbot, window, "DMN")  # the results beside the page: a narrow column
    window.navigate("lantern:article/brain-networks")
    controller.hide_keyboard()
    width = window.reader.width()
    word = link_position(window.reader, "lantern:term/psilocybin")
    with qtbot.waitSignal(window.glossary.term_shown, timeout=3000):
        qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=word)
    qtbot.waitUntil(lambda: window.reader.width() < width - 100, timeout=3000)  # reflowed
    QApplication.processEvents()
    now = window.reader.cursorRect().center().y()  # the tapped word, where it is drawn now
    assert abs(now - word.y()) <= window.reader.fontMetrics().height() * 2, (word.y(), now)
    controller.exit_kiosk()
