"""A content note comes before a distressing article, and one tap goes on to it."""

from __future__ import annotations

from lantern.core.compose import CONTINUE

from tests.ui.conftest import click_link


def test_the_note_comes_first_and_continue_shows_the_article(qtbot, window):
    article = window.library.article("safety-basics")
    assert article.content_note == "Mentions psychosis."
    body_text = "were excluded from trials"

    assert window.navigate("lantern:article/safety-basics")
    text = window.reader.toPlainText()
    assert "Mentions psychosis." in text
    assert "Continue to the article" in text
    assert article.title in text
    assert window.reader.showing_content_note
    assert body_text not in text and "Heart and blood pressure" not in text

    with qtbot.waitSignal(window.reader.content_note_passed) as passed:
        click_link(qtbot, window.reader, CONTINUE)
    assert passed.args[0] == "lantern:article/safety-basics"
    assert not window.reader.showing_content_note
    text = window.reader.toPlainText()
    assert body_text in text and "Heart and blood pressure" in text
    assert "Continue to the article" not in text
    assert window.history.current == "lantern:article/safety-basics"

    # Passed once, the note does not come back on the way back to the article.
    window.navigate("lantern:faq/is-it-safe")
    window.go_back()
    assert not window.reader.showing_content_note


def test_a_section_asked_for_behind_the_note_is_where_continue_goes(qtbot, window):
    page = window.composer.compose("lantern:article/safety-basics")
    anchor = page.headings[-1].anchor
    window.navigate(f"lantern:article/safety-basics#{anchor}")
    assert window.reader.showing_content_note
    with qtbot.waitSignal(window.reader.content_note_passed) as passed:
        window.reader.continue_past_note()
    assert passed.args[0] == f"lantern:article/safety-basics#{anchor}"
    assert page.headings[-1].text in window.reader.toPlainText()


def test_articles_without_a_note_open_straight_away(window):
    window.navigate("lantern:article/brain-networks")
    assert not window.reader.showing_content_note
    assert "Continue to the article" not in window.reader.toPlainText()


def test_on_a_kiosk_start_over_brings_the_notes_back_for_the_next_visitor(qtbot, tmp_path):
    from tests.ui.test_kiosk import make_kiosk

    window, controller = make_kiosk(qtbot, tmp_path)
    window.navigate("lantern:article/safety-basics")
    click_link(qtbot, window.reader, CONTINUE)
    assert not window.reader.showing_content_note
    with qtbot.waitSignal(controller.reset_done):
        controller.reset()
    window.navigate("lantern:article/safety-basics")
    assert window.reader.showing_content_note
    controller.exit_kiosk()
