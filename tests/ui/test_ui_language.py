"""The window speaks Spanish: started with --lang es, switched live from View › Language,
remembered for the next start; Qt's own dialog buttons too; English loads nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)

from lantern.core import messages

from lantern.ui import app as app_module
from lantern.ui import language
from lantern.ui import settings as keys
from lantern.ui.platform.single_instance import SingleInstance
from lantern.ui.window import ui_language
from lantern.ui.window.main_window import MainWindow

from tests.conftest import FIXTURES, ROOT, VALID_PACK
from tests.ui.conftest import make_window
from tests.ui.test_ui_translations import english_words

ES_PACK = FIXTURES / "es-pack"
#: English a Spanish window must not show, beyond the catalogue's: Qt's own buttons.
QT_ENGLISH = {"Cancel", "OK", "Close", "Float", "Yes", "No", "Apply", "Open", "Save"}


@pytest.fixture(autouse=True)
def english_after(qapp: QApplication) -> Iterator[None]:
    yield
    language.use(qapp, "en")  # the next test starts in English, as the others expect


def _menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        yield from (action.text(), action.toolTip(), action.statusTip())
        if action.menu() is not None:
            yield from _menu_texts(action.menu())


def window_texts(window: MainWindow) -> list[str]:
    """Every text of the window a reader sees or a screen reader says."""
    texts: list[str] = [window.windowTitle()]
    for top in window.menuBar().actions():
        texts.append(top.text())
        if top.menu() is not None:
            texts += _menu_texts(top.menu())
    for action in window.findChildren(QAction):
        texts += [action.text(), action.toolTip(), action.statusTip()]
    for widget in window.findChildren(QWidget):
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text().replace("\n", " "))  # a compact kiosk's two lines
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QDockWidget):
            texts.append(widget.windowTitle())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
    texts += [window.toolbar.windowTitle(), window.statusBar().currentMessage()]
    return [t for t in texts if t]


def english_in(texts: list[str]) -> list[str]:
    english = english_words() | QT_ENGLISH
    # An action's tooltip adds its shortcut: "Go to the home page (Alt+Home)".
    return sorted({t for t in texts if t.replace("&", "") in english
                   or t.rsplit(" (", 1)[0].replace("&", "") in english})


def _started(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flag: str | None
             ) -> tuple[MainWindow, SingleInstance]:
    """A window started as `lantern --lang FLAG` starts it (lantern.ui.app.open_window)."""
    monkeypatch.setenv("LANTERN_LOG_DIR", str(tmp_path / "logs"))
    guard = SingleInstance(Path(os.environ["LANTERN_CONFIG_DIR"]))
    assert guard.acquire()
    window = app_module.open_window([VALID_PACK, ES_PACK], guard, language=flag)
    qtbot.addWidget(window)
    qtbot.waitSignal(window.library_loaded, timeout=20000).wait()
    return window, guard


def test_a_window_started_in_spanish_shows_no_english(qtbot, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch):
    window, guard = _started(qtbot, tmp_path, monkeypatch, "es")
    try:
        window.searching.open_result("search:sesion")  # results, filters, summary
        window.find_bar.open_bar()
        window.glossary.show()
        window.references.show()
        qtbot.waitUntil(lambda: window.session.language == "es")
        texts = window_texts(window)
        assert "&Archivo" in texts and "¿Necesita ayuda ahora?" in texts
        assert english_in(texts) == []
        assert window.session.language == "es"  # the content in the language it speaks
        assert window.reader.page is not None and window.reader.page.language == "es"
        assert messages.language() == "es"  # what core says in the window follows
    finally:
        window.close()
        guard.release()


def test_switching_the_language_live_and_back(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path, roots=(VALID_PACK, ES_PACK))
    file_menu = window.menuBar().actions()[0]
    assert file_menu.text() == "&File" and english_in(window_texts(window))
    languages = window.findChild(QMenu, "languageMenu")
    assert [a.text() for a in languages.actions()] == ["English", "Español"]
    with qtbot.waitSignal(window.ui_language_changed, timeout=5000) as changed:
        languages.actions()[1].trigger()
    assert changed.args == ["es"]
    qtbot.waitUntil(lambda: file_menu.text() == "&Archivo")
    assert window.search_field.placeholderText().startswith("Buscar")
    assert window.find_bar.field.placeholderText() == "Buscar en esta página"
    assert window.glossary.windowTitle() == "Glosario"
    assert window.bookmarks.dock.empty.text().startswith("Todavía no hay marcadores")
    assert window.session.language == "es" and window.reader.page.language == "es"
    assert languages.actions()[1].isChecked()
    assert english_in(window_texts(window)) == []
    assert window.settings.get(keys.UI_LANGUAGE) == "es"  # used at the next start
    assert window.set_ui_language("en")
    qtbot.waitUntil(lambda: file_menu.text() == "&File")
    assert window.glossary.windowTitle() == "Glossary"
    assert window.session.language == "en" and languages.actions()[0].isChecked()
    assert not window.set_ui_language("fr")  # a language Lantern does not have
    window.close()


def test_standard_dialog_buttons_speak_spanish(qapp: QApplication):
    language.use(qapp, "es")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Close)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"Cancelar", "Cerrar"}
    language.use(qapp, "en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.buttons()[0].text().replace("&", "") == "Cancel"


def test_the_saved_choice_is_used_when_no_lang_is_given(qapp: QApplication):
    ini = Path(os.environ["LANTERN_CONFIG_DIR"]) / "lantern.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    settings.setValue(keys.UI_LANGUAGE.key, "es")
    settings.sync()
    assert ui_language.saved_language() == "es"
    assert ui_language.start(None, ui_language.saved_language()) == "es"
    assert language.language() == "es"
    assert ui_language.start("en", ui_language.saved_language()) == "en"  # --lang decides


def test_english_loads_no_catalogue():
    """English is the code's own language: a start in it reads no translation."""
    code = ("import sys; from PySide6.QtCore import QCoreApplication; "
            "app = QCoreApplication([]); "
            "from lantern.ui.window import ui_language; print(ui_language.start(None)); "
            "print('lantern.ui.language' in sys.modules)")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "app"), LANG="en_GB.UTF-8")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, check=True).stdout.split()
    assert out == ["en", "False"]


def test_a_kiosk_has_no_language_menu_but_switches_when_asked(qtbot, tmp_path: Path):
    from lantern.core.kiosk import KioskPolicy

    from lantern.ui.kiosk.controller import KioskController
    from lantern.ui.kiosk.policy import kiosk_window

    window = make_window(qtbot, tmp_path, roots=(VALID_PACK, ES_PACK),
                         policy=kiosk_window(KioskPolicy()))
    controller = KioskController(window, KioskPolicy(), fullscreen=False)
    assert window.findChild(QMenu, "languageMenu") is None  # its own button instead
    with qtbot.waitSignal(window.ui_language_changed, timeout=5000):
        assert window.set_ui_language("es")
    qtbot.waitUntil(lambda: controller.overlay.title.text() == "¿Sigue leyendo?")
    start_over = window.toolbar.findChild(QAbstractButton, "startOverButton")
    assert start_over.text() == "Empezar de nuevo"
    assert start_over.accessibleName() == "Empezar de nuevo"
    assert window.search_field.placeholderText() == "Toque para buscar"
    assert window.session.language == "es"
    assert window.settings.get(keys.UI_LANGUAGE) == ""  # a kiosk keeps nothing
    window.set_ui_language("en")
    qtbot.waitUntil(lambda: start_over.accessibleName() == "Start over")
    controller.exit_kiosk()


def _accelerators(menu: QMenu) -> Iterator[tuple[str, list[str]]]:
    keys_ = [t.split("&", 1)[1][0].lower() for t in (a.text() for a in menu.actions())
             if "&" in t and not t.endswith("&")]
    yield menu.title(), keys_
    for action in menu.actions():
        if action.menu() is not None:
            yield from _accelerators(action.menu())


def test_each_menu_has_distinct_accelerators_in_both_languages(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path, roots=(VALID_PACK, ES_PACK))
    file_menu = window.menuBar().actions()[0]
    for code, title in (("es", "&Archivo"), ("en", "&File")):
        window.set_ui_language(code)
        qtbot.waitUntil(lambda title=title: file_menu.text() == title)
        bar = [a.text().split("&", 1)[1][0].lower() for a in window.menuBar().actions()]
        assert len(bar) == len(set(bar)), (code, bar)
        for top in window.menuBar().actions():
            for name, keys_ in _accelerators(top.menu()):
                assert len(keys_) == len(set(keys_)), (code, name, keys_)
    window.close()
