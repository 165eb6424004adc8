"""What the background load hands the window: everything the start language's first page
and search need, so the window's turn that adopts it only lays the page out."""

from __future__ import annotations

import threading
from pathlib import Path

from lantern.core import paths
from lantern.core.session import Session


def test_the_start_languages_composer_is_made_in_the_background(tmp_path: Path) -> None:
    roots = paths.content_roots()
    Session(roots, tmp_path).load_files().index.close()  # the cache and the index, once
    session = Session(roots, tmp_path)
    session.set_language("es")
    made: list[object] = []
    worker = threading.Thread(target=lambda: made.append(session.load_cached()))
    worker.start()
    worker.join()
    loaded = made[0]
    assert loaded is not None
    try:
        assert loaded.composer is not None
        assert loaded.composer.language == "es"
        session.adopt(loaded)
        assert session.composer is loaded.composer  # the GUI thread makes none of its own
        page = session.compose(session.localized("lantern:home"))
        assert page is not None and page.language == "es"
    finally:
        loaded.index.close()
