"""The window and its library are kept out of Python's cycle collector once loaded: a full
collection of a 16 000-question library took 70 ms and paused the window over 100 ms at a
search's end. A reload or the window closing lets the collector walk them again. And while
a window is open, only its GUI thread collects: a collection in a worker could free one of
Qt's wrappers away from the GUI thread (a crash, seen once in a full test run)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

import shiboken6
from PySide6.QtCore import QObject

from lantern.core import collector

from lantern.ui.platform.gui_collection import CHECK_MS
from lantern.ui.platform.workers import submit

from tests.ui.conftest import make_window


@pytest.fixture
def collections() -> Iterator[list[tuple[int, int]]]:
    """(thread, generation) of every collection that starts while the test runs."""
    seen: list[tuple[int, int]] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append((threading.get_ident(), info["generation"]))

    gc.callbacks.append(note)
    try:
        yield seen
    finally:
        gc.callbacks.remove(note)


def _garbage_cycles(count: int) -> int:
    """Makes `count` cycles, each with a QObject wrapper, and drops them: the work a
    worker does leaves such garbage (sets off the collector's first threshold many times)."""
    for _ in range(count):
        node: list[object] = [QObject()]
        node.append(node)
    return count


def test_while_a_window_is_open_its_workers_never_collect_and_its_gui_thread_does(
        qtbot, tmp_path, collections) -> None:
    window = make_window(qtbot, tmp_path)
    gui = threading.get_ident()
    done: list[int] = []
    collections.clear()
    submit(window.loader._pool, lambda: _garbage_cycles(20_000), done.append,
           lambda message: done.append(-1))
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    assert done == [20_000]
    assert not [thread for thread, _generation in collections if thread != gui]
    # The GUI thread collects what the thresholds say is due, on its timer.
    qtbot.waitUntil(lambda: any(thread == gui for thread, _ in collections),
                    timeout=20 * CHECK_MS)
    assert collector.collecting() and not gc.isenabled()
    window.close()
    assert gc.isenabled()  # closed, its workers done: automatic collection is back


def test_the_loaded_library_is_frozen_until_a_reload_or_close(qtbot, tmp_path, pack_copy):
    gc.unfreeze()  # whatever an earlier test left
    window = make_window(qtbot, tmp_path, roots=(pack_copy,))
    frozen = gc.get_freeze_count()
    assert frozen > 1000  # the window, the library, the index: all of what is alive
    qtbot.keyClicks(window.search_field, "ketamine")
    with qtbot.waitSignal(window.search_finished, timeout=5000):
        window.searching.on_submitted()
    assert 0 < gc.get_freeze_count() <= frozen  # searching freezes nothing more

    window.watch_content()
    article = pack_copy / "articles" / "brain-networks.md"
    with qtbot.waitSignal(window.content_reloaded, timeout=20000):
        article.write_text(article.read_text(encoding="utf-8") + "\nOne more line.\n",
                           encoding="utf-8")
    assert gc.get_freeze_count() == 0  # the library replaced can be collected
    assert collector.collecting()
    window.close()
    assert gc.get_freeze_count() == 0


def test_closing_a_loaded_window_lets_the_collector_walk_it_again(qtbot, tmp_path):
    gc.unfreeze()
    window = make_window(qtbot, tmp_path)
    assert gc.get_freeze_count() > 1000
    window.close()
    assert gc.get_freeze_count() == 0


def test_collection_handed_to_the_gui_thread_comes_back_when_its_object_is_deleted(qapp):
    """A window deleted without closing gives automatic collection back all the same."""
    from lantern.ui.platform.gui_collection import GuiThreadCollection

    assert gc.isenabled()
    owner = QObject()
    GuiThreadCollection(owner)
    assert not gc.isenabled()
    shiboken6.delete(owner)
    assert gc.isenabled()
