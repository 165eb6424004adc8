"""Opening a page never freezes the window: a long page is composed in the background while
the event loop turns, a page asked for later wins, and history, find in page, the reading
position and a page shown in parts all still work."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from PySide6.QtCore import QTimer

from lantern.core import parts, render

from lantern.ui.window import opening

from tests.hostile.recipes import FRONT, SLOW_PAGES, article, slow_pack
from tests.ui.conftest import click_link, make_window

SLOW = "lantern:article/slow-code-spans"  # over its budget: composed for the whole budget
BIG = "lantern:article/big"  # over INLINE_MAX_CHARS, but quick: composed in the background
QUICK = "lantern:article/brain-networks"
HOME = "lantern:home"
WORD = "zebrafinch"


def _big_body() -> str:
    sections = "".join(f"## Part {n}\n\nThe default mode network, section {n}. "
                       + "Psilocybin acts on the 5-HT2A receptor [@carhartharris2012]. " * 6
                       + "\n\n" for n in range(80))
    return f"A word to find: {WORD}.\n\n{sections}"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    where = slow_pack(tmp_path, ("code-spans",))
    article(where, "big", _big_body(), FRONT.format(title="Big"))
    assert len(_big_body()) > opening.INLINE_MAX_CHARS
    return where


def _shown(window) -> str:  # type: ignore[no-untyped-def]
    page = window.reader.page
    return page.address if page is not None else ""


def _idle(window) -> bool:  # type: ignore[no-untyped-def]
    return not window.navigation.opener.busy and \
        window.navigation.opener._pool.activeThreadCount() == 0


def test_a_slow_page_keeps_the_event_loop_turning_while_it_is_composed(
        qtbot, tmp_path: Path, pack: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(render, "PAGE_TIME_LIMIT_S", 1.0)
    window = make_window(qtbot, tmp_path, roots=(pack,))
    # The start's own background work (where each term appears) done first.
    qtbot.waitUntil(lambda: window.session.composer.appearances_known, timeout=30000)
    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
    heartbeat.start()
    asked = time.monotonic()
    assert window.navigate(SLOW)
    answered = time.monotonic()
    assert _shown(window) != SLOW  # not composed before navigate returned
    qtbot.waitUntil(lambda: "Opening…" in window.reader.toPlainText(), timeout=5000)
    assert "slow-code-spans" in window.reader.toPlainText()  # its title, said quietly
    with qtbot.waitSignal(window.page_shown, timeout=30000) as shown:
        pass
    heartbeat.stop()
    assert shown.args == [SLOW] and _shown(window) == SLOW
    assert window.reader.toPlainText().count("`a `a") > 10  # shown plainly: over its budget
    composing = [t for t in ticks if answered <= t]
    assert answered - asked < 0.5
    assert len(composing) >= 10  # the window kept painting and taking input meanwhile
    window.close()


def test_a_page_asked_for_later_wins(qtbot, tmp_path: Path, pack: Path):
    window = make_window(qtbot, tmp_path, roots=(pack,))
    window.navigate(HOME)
    seen: list[str] = []
    window.page_shown.connect(seen.append)
    assert window.navigate(SLOW)
    assert window.navigate(QUICK)  # at once: composed in the GUI thread, the slow one dropped
    assert _shown(window) == QUICK
    assert window.navigate(BIG)  # in the background; then overtaken by another big one
    window.navigate(SLOW)
    with qtbot.waitSignal(window.page_shown, timeout=30000):
        pass
    qtbot.waitUntil(lambda: _idle(window), timeout=30000)
    qtbot.wait(200)  # anything still queued from the pages overtaken arrives now
    assert seen == [QUICK, SLOW] and _shown(window) == SLOW
    window.go_back()
    assert _shown(window) == QUICK  # neither overtaken page is in the history
    window.go_back()
    assert _shown(window) == HOME
    window.close()


def test_back_and_forward_over_a_page_opened_in_the_background(
        qtbot, tmp_path: Path, pack: Path):
    window = make_window(qtbot, tmp_path, roots=(pack,))
    window.navigate(HOME)
    window.navigate(QUICK)
    with qtbot.waitSignal(window.page_shown, timeout=30000):
        window.navigate(BIG)
    assert _shown(window) == BIG and window.back_action.isEnabled()
    window.go_back()
    assert _shown(window) == QUICK and window.forward_action.isEnabled()
    window.go_forward()  # kept: shown at once
    assert _shown(window) == BIG
    # Back while a page is still being put together: that page never comes, and back
    # goes from the page on show.
    window.navigate(HOME)  # history: home, quick, big, home
    window.navigation.opener.forget_kept()
    window.navigate(BIG)
    assert _shown(window) == HOME
    window.go_back()
    qtbot.waitUntil(lambda: _shown(window) == BIG and _idle(window), timeout=30000)
    qtbot.wait(200)
    assert window.history.current == BIG
    window.go_forward()
    assert _shown(window) == HOME and not window.forward_action.isEnabled()
    # Back to a page still being put together when another is asked for: the history
    # moves for the page shown only, so back goes to where the reader really was.
    window.navigation.opener.forget_kept()
    window.go_back()  # to BIG, in the background
    window.navigate("lantern:faq/is-it-safe")  # at once
    qtbot.waitUntil(lambda: _idle(window), timeout=30000)
    qtbot.wait(200)
    assert _shown(window) == "lantern:faq/is-it-safe"
    window.go_back()
    assert _shown(window) == HOME
    window.close()


def test_find_in_page_and_the_reading_position_after_a_background_open(
        qtbot, tmp_path: Path, pack: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(opening, "KEPT_PAGES", 0)  # composed in the background every time
    monkeypatch.setattr(render, "PAGE_TIME_LIMIT_S", 60.0)
    window = make_window(qtbot, tmp_path, roots=(pack,))
    with qtbot.waitSignal(window.page_shown, timeout=30000):
        window.navigate(BIG)
    bar = window.reader.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    window.navigate(HOME)
    with qtbot.waitSignal(window.page_shown, timeout=30000):
        window.navigate(BIG)
    assert abs(bar.value() - bar.maximum() // 2) <= 2
    window.find_bar.open_bar()
    qtbot.keyClicks(window.find_bar.field, WORD)
    assert window.find_bar.count.text() == "1 match"
    assert window.reader.textCursor().selectedText() == WORD
    window.close()


def test_a_page_too_long_to_set_at_once_is_shown_in_parts(
        qtbot, tmp_path: Path, pack: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(parts, "MAX_SHOWN_CHARS", 8_000)
    monkeypatch.setattr(render, "PAGE_TIME_LIMIT_S", 60.0)  # in full, even on a busy machine
    window = make_window(qtbot, tmp_path, roots=(pack,))
    with qtbot.waitSignal(window.page_shown, timeout=30000):
        window.navigate(BIG)
    reader = window.reader
    count = len(reader.parts)
    assert count > 5 and f"part 1 of {count}" in reader.toPlainText()
    assert len(reader.toHtml()) < 40 * 8_000  # what Qt was given: one part, not the page
    click_link(qtbot, reader, "#part:2")
    assert f"part 2 of {count}" in reader.toPlainText() and reader.part == 1
    # A section in a later part: its part is shown, scrolled to it.
    last = reader.page.headings[-1]
    window.contents.section_chosen.emit(last.anchor)
    assert reader.part == count - 1 and last.text in reader.toPlainText()
    printed = window.print_document()
    assert printed is not None and f"part {count} of {count}" in printed.toPlainText()
    # The reading position is kept for the whole page, in whichever part it is.
    bar = reader.verticalScrollBar()
    window.resize(1200, 500)  # short, so that a part scrolls
    reader.scrollToAnchor("part:3")
    assert reader.part == 2
    bar = reader.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    where = window.positions.positions[BIG]
    assert 2 / count < where < 3 / count
    window.navigate(HOME)
    with qtbot.waitSignal(window.page_shown, timeout=30000):
        window.navigate(BIG)
    assert reader.part == 2
    assert abs(reader.reading_fraction() - where) < 0.01
    window.close()


def test_the_biggest_page_allowed_is_set_one_bounded_part_at_a_time(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(render, "PAGE_TIME_LIMIT_S", 1.0)
    where = slow_pack(tmp_path, ("one-megabyte",))
    window = make_window(qtbot, tmp_path, roots=(where,))
    assert len(SLOW_PAGES["one-megabyte"]()) > 900_000
    with qtbot.waitSignal(window.page_shown, timeout=30000):
        window.navigate("lantern:article/slow-one-megabyte")
    assert len(window.reader.parts) > 3
    assert len(window.reader.shown_html()) < parts.MAX_SHOWN_CHARS + 1_000
    window.close()
