"""Reading text at 200 %: headings keep their proportions over the body, and the lists,
panels and search field that hold reading text grow with it, with nothing clipped and no
sideways scrolling at 1280×800."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QTextBrowser

from lantern.core.theme import THEMES

from tests.ui.conftest import make_window
from tests.ui.test_large_text import _clipped

ARTICLE = "lantern:article/brain-networks"


def _rendered_heights(document: QTextDocument) -> dict[str, float]:
    """The height of the first line of the first h1, the first h2 and the first paragraph
    after it, as laid out (what a reader sees, not what the stylesheet asked)."""
    found: dict[str, float] = {}
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        layout = block.layout()
        if block.text().strip() and layout is not None and layout.lineCount():
            height = layout.lineAt(0).height()
            if level == 1:
                found.setdefault("title", height)
            elif level == 2:
                found.setdefault("heading", height)
            elif level == 0 and "heading" in found:
                found.setdefault("body", height)
        block = block.next()
    return found


def _zoom_to_twice(window) -> None:
    for _ in range(6):
        window.appearance.zoom(+1)
    assert window.appearance.scale == 2.0


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_title_outgrows_section_headings_and_body_at_twice_the_size(qtbot, tmp_path: Path,
                                                                    theme):
    window = make_window(qtbot, tmp_path)
    window.appearance.set_mode(theme)
    window.navigate(ARTICLE)
    _zoom_to_twice(window)
    sizes = _rendered_heights(window.reader.document())
    assert sizes["title"] > sizes["heading"] > sizes["body"], sizes
    # the glossary entry: its name is larger than its definition
    window.glossary.show_term("default-mode-network")
    entry = window.glossary.entry.document()
    block, heights = entry.begin(), {}
    while block.isValid():
        if block.text().strip() and block.layout().lineCount():
            key = "title" if block.blockFormat().headingLevel() == 1 else "text"
            heights.setdefault(key, block.layout().lineAt(0).height())
        block = block.next()
    assert heights["title"] > heights["text"], heights
    window.close()


def test_lists_and_search_field_grow_with_the_text(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path)
    base = QApplication.font().pointSizeF()
    holders = [window.search_field, window.suggestions.view, window.results.list,
               window.glossary.list, window.glossary.filter, window.contents.list,
               window.bookmarks.dock.list]
    before = {id(w): w.font().pointSizeF() for w in holders}
    _zoom_to_twice(window)
    for widget in holders:
        assert widget.font().pointSizeF() == pytest.approx(base * 2), widget.accessibleName()
        assert widget.font().pointSizeF() > before[id(widget)]
    window.appearance.zoom(0)
    for widget in holders:  # back to following the desktop's font
        assert widget.font().pointSizeF() == pytest.approx(base)
    window.close()


def test_nothing_clipped_or_scrolled_sideways_at_twice_the_text(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path)
    window.resize(1280, 800)
    window.navigate(ARTICLE)
    window.glossary.show_term("default-mode-network")
    window.references.show_reference("siegel2024")
    window.contents.show()
    _zoom_to_twice(window)
    window.search.run_now("DMN")
    qtbot.waitUntil(window.results.isVisible)
    qtbot.waitUntil(lambda: window.results.model.rowCount() > 0)
    QApplication.processEvents()
    clipped = _clipped(window)
    assert not clipped, "\n".join(clipped)
    views = [*window.findChildren(QTextBrowser), window.results.list, window.glossary.list,
             window.contents.list]
    for view in views:
        if view.isVisible():
            assert not view.horizontalScrollBar().isVisible(), view.accessibleName()
    window.close()
