"""The window reads a bilingual library in one language at a time, switched in one call."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex

from tests.conftest import FIXTURES, VALID_PACK
from tests.ui.conftest import click_link, make_window

ES_PACK = FIXTURES / "es-pack"


def _glossary_names(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.glossary.model
    return [model.data(model.index(row)) for row in range(model.rowCount(QModelIndex()))]


def test_switching_to_spanish_and_back(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path, roots=(VALID_PACK, ES_PACK))
    assert window.session.languages() == ("en", "es")
    assert window.reader.page is not None and window.reader.page.address == "lantern:home"
    assert "Psilocibina" not in _glossary_names(window)
    with qtbot.waitSignal(window.content_language_changed, timeout=5000) as changed:
        assert window.set_content_language("es")
    assert changed.args == ["es"]
    assert window.session.language == "es"
    assert window.statusBar().currentMessage().startswith("1 article · 2 questions · 3 glossary")
    assert window.reader.page.address == "lantern:home/es"  # the page on show, in Spanish
    assert "Psilocibina" in _glossary_names(window) and "Psilocybin" not in _glossary_names(window)
    labels = [s.text for s in window.suggestions.suggester.suggest("psilo")]  # type: ignore[union-attr]
    assert labels and all("Psilocybin" not in text for text in labels)
    window.help_action.trigger()
    assert window.reader.page.address == "lantern:page/es/help-now"
    window.home_action.trigger()
    assert window.reader.page.address == "lantern:home/es"
    assert window.set_content_language("en")
    assert window.reader.page.address == "lantern:home"
    assert not window.set_content_language("fr")  # no French pack: nothing changes
    assert window.session.language == "en"
    window.close()


def test_a_translated_page_links_to_the_other_language(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path, roots=(VALID_PACK, ES_PACK))
    assert window.navigate("lantern:faq/is-it-safe")
    html = window.reader.page.html
    assert 'href="lantern:faq/es/es-segura"' in html and "En español" in html
    assert html.index("En español") < html.index("<h1>")  # at the top of the page
    click_link(qtbot, window.reader, "lantern:faq/es/es-segura")
    qtbot.waitUntil(lambda: window.reader.page.address == "lantern:faq/es/es-segura")
    assert "In English" in window.reader.page.html
    assert window.navigate("lantern:article/safety-basics")  # never translated: no link
    assert "En español" not in window.reader.page.html
    window.reader.grab().save(str(tmp_path / "reader.png"))
    window.close()


def test_an_english_library_shows_no_language_link(window):
    assert window.session.languages() == ("en",)
    assert window.navigate("lantern:faq/is-it-safe")
    assert 'class="translation"' not in window.reader.page.html


def test_the_glossary_entry_on_show_follows_the_language(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path, roots=(VALID_PACK, ES_PACK))
    assert window.glossary.show_term("default-mode-network")
    assert "Default mode network" in window.glossary.entry.toPlainText()
    assert window.set_content_language("es")
    # The same term, now in Spanish: never the English entry left over a Spanish library.
    assert window.glossary.current_term_id == "es/red-neuronal-por-defecto"
    assert "Red neuronal por defecto" in window.glossary.entry.toPlainText()
    assert "Default mode network" not in window.glossary.entry.toPlainText()
    assert window.set_content_language("en")
    assert window.glossary.current_term_id == "default-mode-network"
    window.close()


def test_following_the_translation_link_reads_on_in_that_language(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path, roots=(VALID_PACK, ES_PACK))
    assert window.session.language == "en"
    with qtbot.waitSignal(window.content_language_changed, timeout=5000):
        window.navigate("lantern:home/es")  # what the "En español" link opens
    assert window.session.language == "es"
    assert "Psilocibina" in _glossary_names(window)
    window.reset()  # a kiosk's next visitor: the language the window started in
    assert window.session.language == "en"
    assert window.reader.page is not None and window.reader.page.address == "lantern:home"
    assert "Psilocybin" in _glossary_names(window)
    window.close()
