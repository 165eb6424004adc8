"""The window and its library are kept out of Python's cycle collector once loaded: a full
collection of a 16 000-question library took 70 ms and paused the window over 100 ms at a
search's end. A reload or the window closing lets the collector walk them again."""

from __future__ import annotations

import gc

from tests.ui.conftest import make_window


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
    assert gc.isenabled()
    window.close()
    assert gc.get_freeze_count() == 0


def test_closing_a_loaded_window_lets_the_collector_walk_it_again(qtbot, tmp_path):
    gc.unfreeze()
    window = make_window(qtbot, tmp_path)
    assert gc.get_freeze_count() > 1000
    window.close()
    assert gc.get_freeze_count() == 0
