from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt

from lantern.ui.panels.search_panel import DEBOUNCE_MS
from lantern.ui.window.main_window import HOME

from tests.ui.conftest import click_link, make_window


def test_opens_on_the_home_page_listing_the_library(window):
    assert window.history.current == HOME
    text = window.reader.toPlainText()
    assert "Brain networks and psilocybin" in text
    assert "What is the default mode network?" in text
    assert "Default mode network" in text


def test_type_dmn_open_result_click_term_shows_glossary(qtbot, window):
    qtbot.keyClicks(window.search_field, "DMN")
    with qtbot.waitSignal(window.search_finished, timeout=5000) as blocker:
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    response = blocker.args[0]
    assert response.results[0].id == "default-mode-network"
    assert window.results.isVisible()
    model = window.results.model
    row = next(i for i in range(model.rowCount()) if model.result(i).kind == "article")
    index = model.index(row)
    rect = window.results.list.visualRect(index)
    with qtbot.waitSignal(window.page_shown) as shown:
        qtbot.mouseClick(window.results.list.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
    assert shown.args[0] == "lantern:article/brain-networks#the-default-mode-network"
    assert "Brain networks and psilocybin" in window.reader.toPlainText()

    with qtbot.waitSignal(window.glossary.term_shown) as term:
        click_link(qtbot, window.reader, "lantern:term/psilocybin")
    assert term.args[0] == "psilocybin"
    assert window.glossary.isVisible()
    assert "The psychedelic compound" in window.glossary.entry.toPlainText()
    assert window.history.current.startswith("lantern:article/brain-networks")


def test_citation_click_shows_the_reference(qtbot, window):
    window.navigate("lantern:article/brain-networks")
    assert "References" in window.reader.toPlainText()
    with qtbot.waitSignal(window.references.reference_shown) as shown:
        click_link(qtbot, window.reader, "lantern:ref/siegel2024")
    assert shown.args[0] == "siegel2024"
    text = window.references.browser.toPlainText()
    assert "Psilocybin desynchronizes the human brain" in text
    assert "doi:10.1038/s41586-024-07624-5" in text


def test_cross_links_back_and_forward(qtbot, window):
    window.navigate("lantern:article/brain-networks")
    with qtbot.waitSignal(window.page_shown):
        click_link(qtbot, window.reader, "lantern:faq/is-it-safe")
    assert window.history.current == "lantern:faq/is-it-safe"
    assert window.back_action.isEnabled()
    window.back_action.trigger()
    assert window.history.current == "lantern:article/brain-networks"
    assert window.forward_action.isEnabled()
    window.forward_action.trigger()
    assert window.history.current == "lantern:faq/is-it-safe"
    window.home_action.trigger()
    assert window.history.current == HOME


def test_help_now_is_one_action_away(window):
    window.help_action.trigger()
    assert window.history.current == "lantern:page/help-now"
    assert "emergency number" in window.reader.toPlainText()


def test_glossary_filter_matches_aliases(qtbot, window):
    qtbot.keyClicks(window.glossary.filter, "5ht2a")
    assert window.glossary.proxy.rowCount() == 1
    assert window.glossary.proxy.index(0, 0).data() == "5-HT2A receptor"


def test_nothing_found_offers_a_correction(qtbot, window):
    qtbot.keyClicks(window.search_field, "psilocibin")
    with qtbot.waitSignal(window.search_finished, timeout=5000):
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert "Showing results for “psilocybin”" in window.results.summary.text()


def test_stale_search_answers_are_dropped(qtbot, window):
    responses = []
    window.search_finished.connect(responses.append)
    # The first search really runs: its answer is queued to this thread, and can only be
    # delivered after the second search has started, when it is stale.
    window.search.run_now("DMN")
    with qtbot.waitSignal(window.search_finished, timeout=5000,
                          check_params_cb=lambda response: response.query == "DMT"):
        window.search.run_now("DMT")
    window.search.wait()
    qtbot.wait(50)  # let any late queued signal arrive; none should
    assert [r.query for r in responses] == ["DMT"]


def test_a_search_typed_over_is_not_run(qtbot, window):
    responses = []
    window.search_finished.connect(responses.append)
    window.search.schedule("DMN")  # still waiting for typing to pause
    with qtbot.waitSignal(window.search_finished, timeout=5000):
        window.search.run_now("DMT")
    qtbot.wait(DEBOUNCE_MS + 100)  # past the moment the typed-over search would have run
    window.search.wait()
    qtbot.wait(50)
    assert [r.query for r in responses] == ["DMT"]


def test_layout_and_last_page_are_restored(qtbot, tmp_path: Path):
    first = make_window(qtbot, tmp_path)
    first.navigate("lantern:faq/what-is-dmn")
    first.references.hide()
    first.close()
    second = make_window(qtbot, tmp_path)
    assert second.history.current == "lantern:faq/what-is-dmn"
    assert "What is the default mode network?" in second.reader.toPlainText()
    assert not second.references.isVisible()
    second.close()


def test_external_links_ask_first(qtbot, window, monkeypatch):
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QMessageBox

    opened = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    monkeypatch.setattr("lantern.ui.window.navigation.QDesktopServices.openUrl", opened.append)
    window.on_link_activated(QUrl("https://doi.org/10.1038/s41586-024-07624-5"))
    assert opened == []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.on_link_activated(QUrl("https://doi.org/10.1038/s41586-024-07624-5"))
    assert [u.toString() for u in opened] == ["https://doi.org/10.1038/s41586-024-07624-5"]


def test_broken_pack_still_opens_and_lists_problems(qtbot, tmp_path: Path):
    from tests.conftest import BROKEN_PACK

    window = make_window(qtbot, tmp_path, roots=(BROKEN_PACK,))
    assert "content problems" in window.statusBar().currentMessage()
    window.close()


def test_content_loads_by_itself_after_the_first_paint(qtbot, tmp_path: Path):
    from PySide6.QtCore import QSettings

    from lantern.ui.window.main_window import MainWindow

    from tests.conftest import VALID_PACK

    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow([VALID_PACK], settings=settings)
    qtbot.addWidget(window)
    assert window.library is None
    with qtbot.waitSignal(window.library_loaded, timeout=20000):
        window.show()
        window.load_after_first_paint()
    assert window.library is not None and window.history.current == HOME
    window.close()


def test_no_dead_ends_offers_terms_and_questions(qtbot, window):
    with qtbot.waitSignal(window.search_finished, timeout=5000) as blocker:
        window.search.run_now("dimethyltryptamin zzqx")
    response = blocker.args[0]
    if response.results:  # the misspelled word found the DMT entry: that is fine too
        assert response.results[0].id == "dmt"
        return
    assert "dmt" in response.near_terms
    summary = window.results.summary.text()
    assert 'href="lantern:term/dmt"' in summary
    window.searching.on_summary_link("lantern:term/dmt")
    assert window.glossary.current_term_id == "dmt"


def test_opening_a_result_marks_the_matched_words(qtbot, window):
    with qtbot.waitSignal(window.search_finished, timeout=5000):
        window.search.run_now("DMN")
    row = next(i for i in range(window.results.model.rowCount())
               if window.results.model.result(i).kind == "article")
    window.results.list.setCurrentIndex(window.results.model.index(row))
    window.results.list.setFocus()
    with qtbot.waitSignal(window.page_shown):
        qtbot.keyClick(window.results.list, Qt.Key.Key_Return)
    marked = {s.cursor.selectedText() for s in window.reader.extraSelections()}
    assert "DMN" in marked


def test_the_opened_page_marks_only_the_words_of_the_result_opened(qtbot, window):
    from lantern.core.address import Kind
    from lantern.core.search.results import SearchResponse, SearchResult, Snippet

    def result(kind: Kind, key: str, word: str) -> SearchResult:
        return SearchResult(kind=kind, id=key, title=key, score=1.0,
                            snippet=Snippet(f"about {word}", ((6, 6 + len(word)),)),
                            terms=(word,))

    response = SearchResponse(query="q", results=(
        result(Kind.ARTICLE, "brain-networks", "DMN"),
        result(Kind.FAQ, "what-is-dmn", "psilocybin"),
    ))
    window.searching.on_response(response)
    window.results.list.setCurrentIndex(window.results.model.index(0))
    window.results.list.setFocus()
    with qtbot.waitSignal(window.page_shown):
        qtbot.keyClick(window.results.list, Qt.Key.Key_Return)
    assert "psilocybin" in window.reader.toPlainText()  # on the page, but not why it was found
    marked = {s.cursor.selectedText() for s in window.reader.extraSelections()}
    assert marked == {"DMN"}


def test_ctrl_f_finds_in_the_open_page(qtbot, window):
    window.navigate("lantern:article/brain-networks")
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "psilocybin")
    expected = len(re.findall(r"\bpsilocybin\b", window.reader.toPlainText(), re.I))
    assert expected > 2
    assert window.find_bar.count.text() == f"{expected} matches"
    assert window.reader.textCursor().selectedText().lower() == "psilocybin"
    first = window.reader.textCursor().position()
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.reader.textCursor().position() > first
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.reader.extraSelections() == []


def test_ctrl_k_goes_to_the_library_search(qtbot, window):
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()


def test_suggestions_appear_while_typing_and_open_with_the_keyboard(qtbot, window):
    window.activateWindow()
    window.search_field.setFocus()
    qtbot.waitUntil(window.search_field.hasFocus)
    qtbot.keyClicks(window.search_field, "dm")
    popup = window.suggestions.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    texts = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert texts[:2] == ["DMT", "DMN (Default mode network)"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.page_shown) as shown:
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert shown.args[0] == "lantern:term/default-mode-network"
    assert window.glossary.current_term_id == "default-mode-network"
    assert not popup.isVisible()


def test_results_filter_by_kind_and_topic(qtbot, window):
    with qtbot.waitSignal(window.search_finished, timeout=5000):
        window.search.run_now("psilocybin")
    panel = window.results
    assert panel.kind_filter.isVisible()
    faq_row = panel.kind_filter.findData("faq")
    panel.kind_filter.setCurrentIndex(faq_row)
    kinds = {panel.model.result(r).kind for r in range(panel.model.rowCount())}
    assert kinds == {"faq"}
    panel.kind_filter.setCurrentIndex(0)
    panel.topic_filter.setCurrentIndex(panel.topic_filter.findData("safety"))
    shown = [panel.model.result(r) for r in range(panel.model.rowCount())]
    assert shown and all("safety" in r.topics for r in shown)


def test_wide_windows_keep_a_readable_line_length(qtbot, window):
    window.navigate("lantern:article/brain-networks")
    window.resize(2400, 900)
    qtbot.waitUntil(lambda: window.reader.viewport().width() > 1500)
    margin = window.reader.document().rootFrame().frameFormat().leftMargin()
    assert margin > 200
    window.resize(900, 700)
    qtbot.waitUntil(lambda: window.reader.viewport().width() < 700)
    # A narrow window keeps the ordinary page margin on both sides, never less.
    fmt = window.reader.document().rootFrame().frameFormat()
    assert fmt.leftMargin() == fmt.rightMargin() == 24


def test_stale_suggestions_are_dropped(qtbot, window):
    window.activateWindow()
    window.search_field.setFocus()
    qtbot.waitUntil(window.search_field.hasFocus)
    shown: list[str] = []
    window.suggestions.suggestions_shown.connect(shown.append)
    with qtbot.waitSignal(window.suggestions.suggestions_shown,
                          check_params_cb=lambda text: text == "dmt", timeout=3000):
        qtbot.keyClicks(window.search_field, "dmt")
    window.suggestions.wait()
    # Only answers for what the field held when they arrived were shown, never older text.
    assert shown and shown[-1] == "dmt"
    assert all("dmt".startswith(text) for text in shown)
    popup = window.suggestions.completer.popup()
    assert popup.model().index(0, 0).data() == "DMT"


def test_index_build_shows_progress_in_the_status_bar(qtbot, tmp_path: Path):
    from PySide6.QtCore import QSettings

    from lantern.ui.window.main_window import MainWindow

    from tests.conftest import VALID_PACK

    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow([VALID_PACK], settings=settings)
    qtbot.addWidget(window)
    window.show()
    steps: list[tuple[int, int]] = []
    window.index_progress.changed.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(window.library_loaded, timeout=20000):
        window.start_loading()
    assert steps and steps[-1][0] == steps[-1][1]  # the cache was empty: a full build
    assert not window.index_progress.bar.isVisible()
    window.close()


def test_a_second_start_opens_the_cached_library_without_parsing(qtbot, tmp_path: Path,
                                                                  monkeypatch):
    from lantern.core import library_cache

    parsed = []
    real = library_cache.load_and_cache
    monkeypatch.setattr(library_cache, "load_and_cache",
                        lambda roots, cache: parsed.append(roots) or real(roots, cache))
    first = make_window(qtbot, tmp_path)
    first.close()
    second = make_window(qtbot, tmp_path)
    assert len(parsed) == 1  # the first start only
    assert second.library.articles == first.library.articles
    assert "Welcome" in second.reader.toPlainText()
    second.close()


def test_a_changed_pack_is_searchable_at_once_while_its_index_updates(qtbot, tmp_path: Path,
                                                                       monkeypatch):
    import shutil
    import threading

    from lantern.core.search import whoosh_store

    from tests.conftest import VALID_PACK

    pack = Path(shutil.copytree(VALID_PACK, tmp_path / "pack"))
    first = make_window(qtbot, tmp_path, roots=(pack,))
    first.close()
    faq = pack / "faq" / "what-is-dmn.md"
    faq.write_text(faq.read_text(encoding="utf-8") + "\nA zanzibar of thoughts.\n",
                   encoding="utf-8")

    gate = threading.Event()
    real_update = whoosh_store._update

    def held_update(*args, **kwargs):  # type: ignore[no-untyped-def]
        gate.wait(10)
        return real_update(*args, **kwargs)

    monkeypatch.setattr(whoosh_store, "_update", held_update)
    second = make_window(qtbot, tmp_path, roots=(pack,))  # loaded while the update waits
    try:
        # Written in place, the file is seen by the check of every file that follows a
        # start from the cache, a moment after the window opened.
        qtbot.waitUntil(lambda: second.index_updating, timeout=10000)
        assert "zanzibar" in second.library.faq("what-is-dmn").body  # the new text shows
        with qtbot.waitSignal(second.search_finished, timeout=5000) as old:
            second.search.run_now("default mode network")
        assert old.args[0].results  # the previous index answers
        with qtbot.waitSignal(second.index_updated, timeout=10000):
            gate.set()
        assert not second.index_updating
        with qtbot.waitSignal(second.search_finished, timeout=5000) as new:
            second.search.run_now("zanzibar")
        assert [r.id for r in new.args[0].results][:1] == ["what-is-dmn"]
    finally:
        gate.set()
        second.close()
