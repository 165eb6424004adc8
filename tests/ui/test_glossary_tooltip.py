"""Hovering a glossary term in the text shows its short definition (mouse only)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from lantern.core.compose import short_definition
from lantern.core.model import Term

from tests.ui.conftest import link_position


def hover(browser, pos: QPoint) -> bool:
    viewport = browser.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    return event.isAccepted()


def test_hovering_a_term_shows_its_short_definition(qtbot, window):
    window.navigate("lantern:article/brain-networks")
    pos = link_position(window.reader, "lantern:term/psilocybin")
    assert window.reader.anchorAt(pos) == "lantern:term/psilocybin"
    QToolTip.hideText()
    assert hover(window.reader, pos)
    assert QToolTip.isVisible()
    # Escaped rich text, so a name from a pack shows as words and loads nothing.
    assert QToolTip.text() == ("<qt>Psilocybin: The psychedelic compound in some mushrooms; "
                               "the body turns it into psilocin.</qt>")


def test_no_tooltip_away_from_terms(qtbot, window):
    window.navigate("lantern:article/brain-networks")
    reader = window.reader
    assert reader.anchorAt(QPoint(2, 2)) == ""
    assert not hover(reader, QPoint(2, 2))
    assert window.navigation.link_tooltip("lantern:faq/is-it-safe") == ""
    assert window.navigation.link_tooltip("https://example.org") == ""


def test_the_short_definition_is_the_first_sentence_in_plain_text():
    term = Term("x", "X", "A **bold** claim, see [Y](lantern:term/y). Then more detail here.")
    assert short_definition(term) == "A bold claim, see Y."
    long = Term("x", "X", "word " * 100)
    assert len(short_definition(long)) <= 220 and short_definition(long).endswith("…")


def test_a_kiosk_shows_no_hover_tooltips(qtbot, tmp_path):
    from tests.ui.test_kiosk import make_kiosk

    window, controller = make_kiosk(qtbot, tmp_path)
    window.navigate("lantern:article/brain-networks")
    QToolTip.hideText()
    pos = link_position(window.reader, "lantern:term/psilocybin")
    hover(window.reader, pos)
    assert not QToolTip.isVisible()
    controller.exit_kiosk()


def test_double_clicking_a_word_looks_it_up_in_the_glossary(qtbot, window):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    window.navigate("lantern:article/brain-networks")
    window.glossary.hide()
    reader = window.reader
    text = reader.toPlainText()

    def double_click(word: str) -> None:
        """Double-click an occurrence of `word` that is plain text, not a link."""
        start = -1
        while True:
            start = text.index(word, start + 1)
            cursor = QTextCursor(reader.document())
            cursor.setPosition(start + 1)
            reader.setTextCursor(cursor)
            reader.ensureCursorVisible()
            point = reader.cursorRect(cursor).center()
            if not reader.anchorAt(point):
                break
        qtbot.mouseDClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)

    double_click("psilocybin")
    assert window.glossary.isVisible()
    assert window.glossary.current_term_id == "psilocybin"
    double_click("tightly")
    assert window.glossary.current_term_id == "psilocybin"
    assert "not in the glossary" in window.statusBar().currentMessage()
