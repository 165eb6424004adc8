"""What a new reader meets in the first hour: Enter on a crisis search, the recent-searches
list, links to pages that are gone, the content problems dialog, export, the panels."""

from __future__ import annotations

import json
import shutil

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QTextBrowser

from lantern.core.address import Kind
from lantern.core.session import HELP_NOW

from lantern.ui.panels.find_bar import mark_all
from lantern.ui.window.layout import reading_floor

from tests.conftest import BROKEN_PACK, BUNDLED_PACK, VALID_PACK
from tests.ui.conftest import make_window


def test_enter_on_a_crisis_search_opens_the_help_now_page(qtbot, window):
    window.navigate("lantern:article/brain-networks")
    qtbot.keyClicks(window.search_field, "I want to kill myself")
    with qtbot.waitSignal(window.search_finished, timeout=5000) as blocker:
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.history.current == HELP_NOW
    first = blocker.args[0].results[0]
    assert (first.kind, first.id) == (Kind.PAGE, "help-now")
    shown = window.results.model.result(0)
    assert (shown.kind, shown.id) == (Kind.PAGE, "help-now")
    assert window.results.list.currentIndex().row() == 0


def _recent_searches_on_show(qtbot, window):
    window.navigation.remember_search("psilocybin")
    window.reader.setFocus()
    popup = window.suggestions.completer.popup()
    with qtbot.waitSignal(window.suggestions.suggestions_shown):
        window.search_field.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(popup.isVisible)
    return popup


def test_recent_searches_close_with_escape(qtbot, window):
    popup = _recent_searches_on_show(qtbot, window)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.isVisible())
    with qtbot.assertNotEmitted(window.suggestions.suggestions_shown, wait=300):
        pass
    assert not popup.isVisible()
    assert window.search_field.hasFocus()


def test_recent_searches_close_with_a_click_elsewhere(qtbot, window):
    popup = _recent_searches_on_show(qtbot, window)
    # A popup takes every press while open; one outside it closes it, as a click on the
    # page does.
    outside = popup.mapFromGlobal(window.reader.mapToGlobal(window.reader.rect().center()))
    qtbot.mouseClick(popup, Qt.MouseButton.LeftButton, pos=outside)
    qtbot.waitUntil(lambda: not popup.isVisible())
    with qtbot.assertNotEmitted(window.suggestions.suggestions_shown, wait=300):
        pass
    assert not popup.isVisible()


def test_pages_of_a_pack_no_longer_loaded_are_not_offered(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    settings.setValue("reader/recent", json.dumps([
        ["lantern:faq/gone-question", "A question from another pack"],
        ["lantern:faq/is-it-safe", "Is it safe?"],
    ]))
    settings.sync()
    window = make_window(qtbot, tmp_path)
    window.go_home()
    home = window.reader.toPlainText()
    assert "Continue reading" in home
    assert "A question from another pack" not in home
    assert "lantern:faq/gone-question" not in window.reader.toHtml()
    window.recent_menu.aboutToShow.emit()
    titles = [a.text() for a in window.recent_menu.actions()]
    assert "A question from another pack" not in titles
    assert "Is it safe?" in titles
    window.close()


def test_content_problems_show_a_readers_own_packs_not_the_bundled_packs_warnings(
        qtbot, tmp_path, monkeypatch):
    bundled = tmp_path / "bundled"
    shutil.copytree(VALID_PACK, bundled)
    with (bundled / "references.yaml").open("a", encoding="utf-8") as f:
        f.write("- id: uncited2020\n  type: book\n  title: Never cited\n  issued: 2020\n"
                "  author: [{literal: Somebody}]\n  URL: https://example.org/\n")
    monkeypatch.setenv("LANTERN_CONTENT_DIR", str(bundled))
    window = make_window(qtbot, tmp_path, roots=(bundled, BROKEN_PACK))
    assert any("uncited2020" in p.message for p in window.library.problems)
    window.problems_action.trigger()
    dialog = next(d for d in window.findChildren(QDialog) if d.isVisible())
    shown = dialog.findChild(QPlainTextEdit).toPlainText()
    assert "uncited2020" not in shown  # for the pack's authors: lantern check
    assert "duplicate glossary id 'dmn'" in shown  # the reader's own pack: errors
    assert "ref2020" in shown  # and warnings
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.close()


def test_live_preview_reloads_a_saved_pack_on_the_same_page(qtbot, tmp_path, pack_copy):
    window = make_window(qtbot, tmp_path, roots=(pack_copy,))
    window.watch_content()
    window.navigate("lantern:article/brain-networks")
    assert "A sentence an author has just written" not in window.reader.toPlainText()
    article = pack_copy / "articles" / "brain-networks.md"
    text = article.read_text(encoding="utf-8")
    with qtbot.waitSignal(window.content_reloaded, timeout=20000):
        article.write_text(text + "\nA sentence an author has just written.\n",
                           encoding="utf-8")
    assert window.history.current == "lantern:article/brain-networks"
    assert "A sentence an author has just written" in window.reader.toPlainText()

    # A mistake shows at once, in the status bar and in the problems dialog.
    window.problems_action.trigger()
    with qtbot.waitSignal(window.content_reloaded, timeout=20000):
        article.write_text(text.replace("\n\n", "\n\nSee [@nobody1999].\n\n", 1),
                           encoding="utf-8")
    assert "nobody1999" in window.statusBar().currentMessage()
    dialog = next(d for d in window.findChildren(QDialog) if d.isVisible())
    assert "nobody1999" in dialog.findChild(QPlainTextEdit).toPlainText()
    window.close()


def test_watch_on_the_command_line_opens_the_window_watching(monkeypatch, pack_copy):
    import lantern.ui.app

    from lantern import cli

    opened = {}
    monkeypatch.setattr(lantern.ui.app, "run", lambda roots, watch=False, **_others:
                        opened.update(roots=roots, watch=watch) or 0)
    cli.main(["--content", str(pack_copy), "--watch"])
    assert opened == {"roots": [pack_copy], "watch": True}


def test_a_citation_click_shows_the_reference_whole_and_from_its_start(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, roots=(BUNDLED_PACK,))
    article = max(window.library.articles, key=lambda a: len(window.session.compose(
        f"lantern:article/{a.slug}").citations))
    window.navigate(f"lantern:article/{article.slug}")
    keys = window.reader.page.citations
    key = keys[len(keys) * 2 // 3]
    refs = window.references
    with qtbot.waitSignal(refs.reference_shown):
        window.navigation.on_link_activated(QUrl(f"lantern:ref/{key}"))
    bar = refs.browser.verticalScrollBar()
    row = refs._shown.index(key)
    top = refs.browser.document().documentLayout().blockBoundingRect(
        refs.browser.document().findBlockByNumber(row)).top()
    # The QR code and the link under it whole, not cut off by the panel's edge.
    qtbot.waitUntil(lambda: refs.selection_area.viewport().height()
                    >= refs.selection.sizeHint().height())
    line = refs.browser.fontMetrics().lineSpacing()
    assert refs.browser.viewport().height() >= 4 * line  # the list keeps a usable height
    qtbot.waitUntil(lambda: bar.value() == int(top))  # the reference's first line on top
    assert refs.qr.isVisible() and refs.qr_caption.isVisible()
    window.close()


def test_side_panels_and_results_give_way_to_the_reading_column(qtbot, window):
    window.resize(1280, 800)
    window.navigate("lantern:article/brain-networks")
    window.bookmarks.dock.show()
    window.glossary.show_term("default-mode-network")
    qtbot.keyClicks(window.search_field, "DMN")
    with qtbot.waitSignal(window.search_finished, timeout=5000):
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    reading = window.reader.parentWidget()
    others = [window.results, window.bookmarks.dock, window.glossary]
    qtbot.waitUntil(lambda: window.results.width() > 0)  # laid out beside the reader
    qtbot.waitUntil(lambda: all(reading.width() > w.width() for w in others), timeout=2000)
    assert reading.width() >= reading_floor(window.reader)


def test_a_short_bookmarks_list_is_as_tall_as_its_rows(qtbot, window):
    window.navigate("lantern:article/brain-networks")
    window.bookmarks.action.trigger()
    window.bookmarks.dock.show()
    listed = window.bookmarks.dock.list
    qtbot.waitUntil(listed.isVisible)
    assert window.bookmarks.dock.height() > 400
    assert listed.height() <= 3 * listed.sizeHintForRow(0) + 20


def test_ctrl_d_says_what_it_did(qtbot, window):
    window.navigate("lantern:article/brain-networks")
    window.bookmarks.action.trigger()
    assert window.statusBar().currentMessage().startswith("Bookmarked “Brain networks")
    window.bookmarks.action.trigger()
    assert window.statusBar().currentMessage().startswith("Bookmark removed")


def test_search_highlights_are_one_per_phrase_and_cover_a_whole_link(qtbot):
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml('<p>Psilocybin quiets the <a href="lantern:term/dmn">default mode '
                    "network</a> for a while; the default mode network rests.</p>")
    assert mark_all(browser, ["network", "mode", "default"]) == 6
    marked = [s.cursor.selectedText() for s in browser.extraSelections()]
    assert marked == ["default mode network", "default mode network"]
    assert mark_all(browser, ["network"]) == 2
    # Part of a link marked is the whole link marked: one colour, not two.
    assert [s.cursor.selectedText() for s in browser.extraSelections()] == [
        "default mode network", "network"]


def test_the_view_menu_names_the_larger_text_key_as_the_readme_does(window):
    shortcut = window.appearance.zoom_in_action.shortcut()
    assert shortcut.toString(QKeySequence.SequenceFormat.PortableText) == "Ctrl+="



def test_the_home_glossary_breaks_only_between_terms(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, roots=(BUNDLED_PACK,))
    window.go_home()
    doc = window.reader.document()
    block = doc.begin()
    while block.isValid() and "Default mode network" not in block.text().replace(
            "\u00a0", " "):
        block = block.next()
    layout = block.layout()
    qtbot.waitUntil(lambda: layout.lineCount() > 0)
    text = block.text()
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        start = text[line.textStart():line.textStart() + line.textLength()]
        assert not start.lstrip().startswith("·"), start
    names = [t.term for t in window.library.terms]
    for name in names:  # each term whole on one line
        plain = text.replace("\u00a0", " ").replace("\u2011", "-")
        at = plain.index(name)
        first = next(i for i in range(layout.lineCount())
                     if layout.lineAt(i).textStart() + layout.lineAt(i).textLength() > at)
        line = layout.lineAt(first)
        assert at + len(name) <= line.textStart() + line.textLength(), name
    window.close()


def test_help_page_table_headers_sit_over_their_cells(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, roots=(BUNDLED_PACK,))
    window.navigate(HELP_NOW)
    document = window.reader.document()
    cursor = document.find("Crisis support")  # the crisis table's header
    assert not cursor.isNull() and cursor.currentTable() is not None
    assert cursor.blockFormat().alignment() & Qt.AlignmentFlag.AlignLeft
    window.close()


def test_dark_theme_panel_buttons_stand_out(window):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QAbstractButton

    from lantern.core.theme import contrast_ratio

    window.appearance.set_mode("dark")
    dock = window.glossary
    dock.show()
    image = dock.grab().toImage()
    for name in ("qt_dockwidget_floatbutton", "qt_dockwidget_closebutton"):
        rect = dock.findChild(QAbstractButton, name).geometry()
        around = QColor(image.pixel(rect.left() - 3, rect.center().y())).name()
        drawn = {QColor(image.pixel(x, y)).name()
                 for x in range(rect.left(), rect.right() + 1)
                 for y in range(rect.top(), rect.bottom() + 1)}
        # What shows the button is there: 3:1 at least against the title bar (WCAG 1.4.11).
        assert max(contrast_ratio(c, around) for c in drawn) >= 3, name
