"""Links are recognisable without colour, and the link with keyboard focus is ringed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCharFormat

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
