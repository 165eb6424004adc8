"""The action table, back/forward history menus and the recently read pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton

from lantern.core.history import History, RecentPages
from lantern.core.kiosk import KioskPolicy

from lantern.ui.kiosk.controller import KioskController
from lantern.ui.kiosk.policy import kiosk_window
from lantern.ui.window.actions import ACTIONS, Act, act_of
from lantern.ui.window.main_window import HOME

from tests.conftest import VALID_PACK
from tests.ui.conftest import make_window


def _menu_actions(menu: QMenu) -> list[tuple[QMenu, QAction]]:
    found = []
    menu.aboutToShow.emit()  # menus filled when opened
    for action in menu.actions():
        if action.menu() is not None:
            found += _menu_actions(action.menu())
        elif not action.isSeparator():
            found.append((menu, action))
    return found


def test_every_command_in_the_menus_comes_from_the_action_table(window):
    dock_toggles = {d.toggleViewAction() for d in (window.glossary, window.references,
                                                    window.contents, window.bookmarks.dock)}
    themes = set(window.appearance.theme_actions.values())
    themes |= set(window.findChild(QMenu, "languageMenu").actions())  # languages, likewise
    seen = set()
    for top in window.menuBar().actions():
        for menu, action in _menu_actions(top.menu()):
            # Panels, theme and language choices and the pages listed in Recently read are
            # not commands.
            if action in dock_toggles or action in themes or (
                    menu is window.recent_menu and act_of(action) is None):
                continue
            act = act_of(action)
            assert act is not None, f"{action.text()} is not declared in the action table"
            spec = ACTIONS[act]
            assert action.text() == spec.text and action.statusTip() == spec.tip
            assert action.shortcuts() == spec.shortcuts()
            seen.add(act)
    assert seen == {act for act, spec in ACTIONS.items() if spec.desktop}


def test_kiosk_switches_off_what_the_table_does_not_allow(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path, policy=kiosk_window(KioskPolicy()))
    KioskController(window, KioskPolicy(), fullscreen=False)
    for action in window.findChildren(QAction):
        act = act_of(action)
        if act is None:
            continue
        if ACTIONS[act].kiosk:
            assert action.isEnabled() or act in (Act.BACK, Act.FORWARD), act
        else:
            assert not action.isEnabled() and not action.shortcuts(), act
    window.close()


def test_history_items_and_jumps():
    history = History()
    for n in range(5):
        history.visit(f"lantern:faq/q{n}", f"Q{n}")
    assert [(s, v.title) for s, v in history.back_items(limit=2)] == [(-1, "Q3"), (-2, "Q2")]
    assert history.forward_items() == []
    assert history.jump(-3) == "lantern:faq/q1"
    assert [v.title for _s, v in history.forward_items()] == ["Q2", "Q3", "Q4"]
    assert history.jump(-5) == "lantern:faq/q1"  # out of range: stays put
    assert history.jump(+3) == "lantern:faq/q4"


def test_back_button_holds_a_menu_of_earlier_pages(qtbot, window):
    for address in ("lantern:article/brain-networks", "lantern:faq/is-it-safe",
                    "lantern:faq/what-is-dmn"):
        window.navigate(address)
    bar_buttons = [b for b in window.findChildren(QToolButton)
                   if b.defaultAction() is window.back_action]
    assert bar_buttons and bar_buttons[0].menu() is window.back_menu
    assert bar_buttons[0].popupMode() == QToolButton.ToolButtonPopupMode.DelayedPopup
    window.back_menu.aboutToShow.emit()
    titles = [a.text() for a in window.back_menu.actions()]
    assert titles[:2] == ["Is psilocybin therapy safe?", "Brain networks and psilocybin"]
    assert titles[-1] == window.composer.compose(HOME).title
    with qtbot.waitSignal(window.page_shown):
        window.back_menu.actions()[1].trigger()
    assert window.history.current == "lantern:article/brain-networks"
    window.forward_menu.aboutToShow.emit()
    assert [a.text() for a in window.forward_menu.actions()] == [
        "Is psilocybin therapy safe?", "What is the default mode network?"]


def test_recent_pages_skip_everything_but_reading_and_tolerate_junk():
    recent = RecentPages(limit=3)
    assert not recent.add("lantern:home", "Home")
    assert not recent.add("lantern:term/dmn", "DMN")
    for n in range(4):
        assert recent.add(f"lantern:faq/q{n}#part", f"Q{n}")
    recent.add("lantern:faq/q2", "Q2")
    assert [v.address for v in recent.items] == ["lantern:faq/q2", "lantern:faq/q3",
                                                 "lantern:faq/q1"]
    again = RecentPages(limit=3)
    again.loads(recent.dumps())
    assert again.items == recent.items
    for junk in ("", "{", "42", '[["lantern:faq/a"], [1, 2], "x", ["lantern:faq/b", "B"]]'):
        other = RecentPages()
        other.loads(junk)
        assert [v.address for v in other.items] in ([], ["lantern:faq/b"])


def test_recently_read_survives_a_restart_and_shows_on_home(qtbot, tmp_path: Path):
    first = make_window(qtbot, tmp_path)
    first.navigate("lantern:article/brain-networks#what-the-scans-show")
    first.navigate("lantern:faq/is-it-safe")
    first.close()
    second = make_window(qtbot, tmp_path)
    second.recent_menu.aboutToShow.emit()
    assert [a.text() for a in second.recent_menu.actions()][:2] == [
        "Is psilocybin therapy safe?", "Brain networks and psilocybin"]
    second.go_home()
    text = second.reader.toPlainText()
    assert "Continue reading" in text
    assert text.index("Continue reading") < text.index("Start with")  # above the welcome
    assert text.index("Is psilocybin therapy safe?") < text.index("Brain networks and psilocybin")
    second.clear_recent_action.trigger()
    assert "Continue reading" not in second.reader.toPlainText()
    second.close()
    third = make_window(qtbot, tmp_path)
    assert third.recent.items == []
    third.close()


def test_kiosk_keeps_no_recent_pages(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path, policy=kiosk_window(KioskPolicy()))
    KioskController(window, KioskPolicy(), fullscreen=False)
    window.navigate("lantern:faq/is-it-safe")
    window.go_home()
    assert window.recent.items == []
    assert "Continue reading" not in window.reader.toPlainText()
    window.close()


def test_glossary_appears_in_opens_the_page(qtbot, window):
    from tests.ui.conftest import click_link

    window.navigate("lantern:faq/is-it-safe")
    assert window.glossary.show_term("default-mode-network")
    assert "Appears in" in window.glossary.entry.toPlainText()
    with qtbot.waitSignal(window.page_shown):
        click_link(qtbot, window.glossary.entry, "lantern:faq/what-is-dmn")
    assert window.history.current == "lantern:faq/what-is-dmn"


def test_recent_searches_are_offered_in_an_empty_field_after_a_restart(qtbot, tmp_path: Path):
    from PySide6.QtCore import Qt

    first = make_window(qtbot, tmp_path)
    for query in ("DMN", "ketamine", "dmn"):  # the same search twice is kept once
        first.search_field.setText(query)
        with qtbot.waitSignal(first.search_finished, timeout=5000):
            qtbot.keyClick(first.search_field, Qt.Key.Key_Return)
    first.close()

    second = make_window(qtbot, tmp_path)
    second.activateWindow()
    with qtbot.waitSignal(second.suggestions.suggestions_shown, timeout=3000):
        second.search_field.setFocus()
    popup = second.suggestions.completer.popup()
    assert popup.isVisible()
    assert [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())] == [
        "dmn", "ketamine"]
    with qtbot.waitSignal(second.search_finished, timeout=5000) as finished:
        second.suggestions.completer.activated[QModelIndex].emit(popup.model().index(1, 0))
    assert finished.args[0].query == "ketamine"
    second.clear_recent_action.trigger()
    assert second.recent_searches.items == []
    second.close()


def test_a_kiosk_offers_no_recent_searches(qtbot, tmp_path: Path):
    from PySide6.QtCore import Qt

    window = make_window(qtbot, tmp_path, policy=kiosk_window(KioskPolicy()))
    KioskController(window, KioskPolicy(), fullscreen=False)
    window.search_field.setText("DMN")
    with qtbot.waitSignal(window.search_finished, timeout=5000):
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.recent_searches.items == []
    assert window.settings.qsettings.value("search/recent") is None
    window.close()


def test_a_crisis_search_is_never_kept_and_one_kept_before_is_dropped(qtbot, tmp_path: Path):
    from PySide6.QtCore import QSettings, Qt

    first = make_window(qtbot, tmp_path)
    for query in ("ketamine", "I want to kill myself"):
        first.search_field.setText(query)
        with qtbot.waitSignal(first.search_finished, timeout=5000) as done:
            qtbot.keyClick(first.search_field, Qt.Key.Key_Return)
    assert done.args[0].results[0].id == "help-now"
    assert first.recent_searches.items == ["ketamine"]
    first.close()
    ini = tmp_path / "ui.ini"
    assert "kill" not in ini.read_text(encoding="utf-8")

    # A list written before this rule: the crisis search goes at the next start.
    older = QSettings(str(ini), QSettings.Format.IniFormat)
    older.setValue("search/recent", '["overdose on ketamine", "DMN"]')
    older.sync()
    second = make_window(qtbot, tmp_path)
    assert second.recent_searches.items == ["DMN"]
    second.close()
    assert "overdose" not in ini.read_text(encoding="utf-8")


def test_the_settings_file_is_readable_by_its_owner_only(qtbot, tmp_path: Path):
    import os

    from PySide6.QtCore import Qt

    from lantern.core import paths

    from lantern.ui.window.main_window import MainWindow

    ini = paths.config_dir() / "lantern.ini"
    for existing in (False, True):
        if existing:
            ini.chmod(0o644)  # as an older Lantern left it
        window = MainWindow([VALID_PACK])
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.library_loaded, timeout=20000):
            window.start_loading()
        window.search_field.setText("ketamine")
        with qtbot.waitSignal(window.search_finished, timeout=5000):
            qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
        window.close()
        window.settings.qsettings.sync()
        assert "ketamine" in ini.read_text(encoding="utf-8")
        if os.name == "posix":
            assert ini.stat().st_mode & 0o777 == 0o600
