"""Links are recognisable without colour, and the link with keyboard focus is ringed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QTextBrowser

from lantern.ui.panels.rich_text import finish_document

from tests.ui.conftest import make_window

ARTICLE = "lantern:article/brain-networks"


def _link_styles(document) -> dict[str, set[QTextCharFormat.UnderlineStyle]]:
    styles: dict[str, set[QTextCharFormat.UnderlineStyle]] = {"term": set(), "other": set()}
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor() and fmt.anchorHref() and it.fragment().text().strip():
                kind = "term" if fmt.anchorHref().startswith("lantern:term/") else "other"
                styles[kind].add(fmt.underlineStyle())
            it += 1
        block = block.next()
    return styles


def test_glossary_terms_are_dotted_and_other_links_underlined(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path)
    for theme in ("light", "dark", "high-contrast"):
        window.appearance.set_mode(theme)
        window.navigate(ARTICLE)
        styles = _link_styles(window.reader.document())
        assert styles["term"] == {QTextCharFormat.UnderlineStyle.DotLine}, theme
        assert styles["other"] == {QTextCharFormat.UnderlineStyle.SingleUnderline}, theme
    window.glossary.show_term("default-mode-network")
    panel = _link_styles(window.glossary.entry.document())
    assert panel["other"] | panel["term"]
    assert QTextCharFormat.UnderlineStyle.NoUnderline not in panel["other"] | panel["term"]
    window.close()


def test_a_page_of_many_links_is_changed_in_one_edit(qapp):
    # Each change on its own made the document lay itself out again: half a second before
    # search was usable on a home page of many links, on a loaded machine.
    browser = QTextBrowser()
    links = "".join(f'<p><a href="lantern:term/t{n}">term</a> and <a href="https://example.org/'
                    f'{n}">site</a></p>' for n in range(30))
    browser.setHtml(f"<h2>Heading</h2>{links}")  # as Qt's importer leaves it
    changes: list[object] = []
    browser.document().contentsChange.connect(lambda *args: changes.append(args))
    finish_document(browser.document())
    assert len(changes) == 1
    styles = _link_styles(browser.document())
    assert styles["term"] == {QTextCharFormat.UnderlineStyle.DotLine}
    assert styles["other"] == {QTextCharFormat.UnderlineStyle.SingleUnderline}
