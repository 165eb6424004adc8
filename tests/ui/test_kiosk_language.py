"""The kiosk's EN | ES switch and the Spanish on-screen keyboard, on the real window,
offscreen: tapped with the mouse, as a visitor's finger would."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QPushButton,
    QStyle,
    QStyleOptionFrame,
    QToolButton,
    QWidget,
)

from lantern.core import messages
from lantern.core.kiosk import KioskPolicy

from lantern.ui import language
from lantern.ui.app import open_kiosk
from lantern.ui.kiosk.controller import KioskController
from lantern.ui.window.main_window import MainWindow

from tests.conftest import BUNDLED_PACK, FIXTURES, VALID_PACK
from tests.ui.conftest import click_link
from tests.ui.test_kiosk import MIN_TOUCH, POLICY

ES_PACK = FIXTURES / "es-pack"
BILINGUAL = (VALID_PACK, ES_PACK)
#: Idle for a minute before the countdown: no reset in the middle of a test, unless asked.
PATIENT = dataclasses.replace(POLICY, idle_seconds=60)


def start_kiosk(qtbot, tmp_path: Path, roots: Sequence[Path] = BILINGUAL,
                language: str | None = None,
                policy: KioskPolicy = PATIENT,
                timeout_ms: int = 20000) -> tuple[MainWindow, KioskController]:
    """As `lantern kiosk [--lang CODE]` opens it (`open_kiosk`), not full screen."""
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    controller = open_kiosk(list(roots), policy, language, settings=settings, fullscreen=False)
    window = controller.window
    qtbot.addWidget(window)
    window.resize(1280, 800)
    with qtbot.waitSignal(controller.reset_done, timeout=timeout_ms):
        controller.start()
        window.start_loading()
    return window, controller


@pytest.fixture
def kiosk(qtbot, tmp_path: Path) -> Iterator[tuple[MainWindow, KioskController]]:
    window, controller = start_kiosk(qtbot, tmp_path)
    yield window, controller
    if window.isVisible():
        controller.exit_kiosk()


def tap(qtbot, widget: QWidget) -> None:
    qtbot.waitUntil(widget.isVisible, timeout=2000)  # the bar lays out its buttons lazily
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def laid_out(window: MainWindow) -> None:
    """The bar's buttons shown or hidden as their actions are (Qt does it on a later turn)."""
    layout = window.toolbar.layout()
    assert layout is not None
    layout.activate()


def bar_button(window: MainWindow, name: str) -> QToolButton:
    found = window.toolbar.findChild(QToolButton, name)
    assert found is not None, name
    return found


def tap_language(qtbot, window: MainWindow, code: str) -> None:
    name = {"en": "languageEnButton", "es": "languageEsButton"}[code]
    with qtbot.waitSignal(window.content_language_changed, timeout=5000):
        tap(qtbot, bar_button(window, name))


def keys(controller: KioskController) -> dict[str, QPushButton]:
    return {key.text(): key for key in controller.keyboard.keys}


def checked(window: MainWindow) -> list[str]:
    return [name for name in ("languageEnButton", "languageEsButton")
            if bar_button(window, name).isChecked()]


def test_tapping_es_reads_in_spanish_with_the_spanish_keyboard(qtbot, kiosk):
    window, controller = kiosk
    assert window.content_language == "en" and checked(window) == ["languageEnButton"]
    assert "ñ" not in keys(controller) and "l" in keys(controller)
    tap_language(qtbot, window, "es")
    assert window.content_language == "es"
    assert window.current_page().address == "lantern:home/es"  # type: ignore[union-attr]
    assert checked(window) == ["languageEsButton"]
    spanish = keys(controller)
    assert {"ñ", "á", "é", "í", "ó", "ú", "ü", "¿", "¡"} <= set(spanish)
    tap_language(qtbot, window, "en")
    assert window.content_language == "en"
    assert window.current_page().address == "lantern:home"  # type: ignore[union-attr]
    assert checked(window) == ["languageEnButton"]
    assert "ñ" not in keys(controller)


def test_the_switch_follows_a_tap_on_a_page_s_en_espanol_link(qtbot, kiosk):
    window, controller = kiosk
    assert window.navigate("lantern:faq/is-it-safe")
    with qtbot.waitSignal(window.content_language_changed, timeout=5000):
        click_link(qtbot, window.reader, "lantern:faq/es/es-segura")
    assert window.content_language == "es"
    assert checked(window) == ["languageEsButton"] and "ñ" in keys(controller)
    # the visitor reads on in Spanish: the bar's own words too, not only the page
    qtbot.waitUntil(lambda: bar_button(window, "startOverButton").text() == "Empezar de nuevo",
                    timeout=5000)


def test_the_next_visitor_gets_english_again(qtbot, tmp_path: Path):
    window, controller = start_kiosk(qtbot, tmp_path, policy=POLICY)  # idle after 0.3 s
    tap_language(qtbot, window, "es")
    tap(qtbot, window.search_field)  # the keyboard up, in Spanish
    assert controller.keyboard_dock.isVisible() and "ñ" in keys(controller)
    # The visitor walks away: the countdown runs out and the kiosk resets itself.
    with qtbot.waitSignal(controller.reset_done, timeout=5000):
        pass
    assert window.content_language == "en"
    assert window.current_page().address == "lantern:home"  # type: ignore[union-attr]
    assert checked(window) == ["languageEnButton"]
    assert "ñ" not in keys(controller)
    controller.exit_kiosk()


def test_a_spanish_kiosk_starts_and_resets_in_spanish(qtbot, tmp_path: Path):
    window, controller = start_kiosk(qtbot, tmp_path, language="es")  # lantern kiosk --lang es
    assert window.content_language == "es" and window.default_content_language == "es"
    assert window.current_page().address == "lantern:home/es"  # type: ignore[union-attr]
    assert checked(window) == ["languageEsButton"] and "ñ" in keys(controller)
    tap_language(qtbot, window, "en")
    assert window.current_page().address == "lantern:home"  # type: ignore[union-attr]
    assert "ñ" not in keys(controller)
    with qtbot.waitSignal(controller.reset_done, timeout=5000):
        tap(qtbot, bar_button(window, "startOverButton"))
    assert window.content_language == "es"
    assert window.current_page().address == "lantern:home/es"  # type: ignore[union-attr]
    assert checked(window) == ["languageEsButton"] and "ñ" in keys(controller)
    controller.exit_kiosk()


def test_the_switch_is_a_named_touch_target_on_the_bar(qtbot, kiosk):
    window, _controller = kiosk
    for name, text, accessible in (("languageEnButton", "EN", "English"),
                                   ("languageEsButton", "ES", "Español")):
        button = bar_button(window, name)
        qtbot.waitUntil(button.isVisible, timeout=2000)  # the bar lays out its buttons lazily
        assert button.text() == text
        assert button.accessibleName() == accessible
        assert min(button.width(), button.height()) >= MIN_TOUCH, (name, button.size())
        # Wholly on the bar, not in its overflow menu.
        assert window.toolbar.rect().contains(button.geometry()), (name, button.geometry())


def placeholder_room(window: MainWindow) -> tuple[int, int]:
    """(what the search field's hint needs, what its text area has), px."""
    field = window.search_field
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    area = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    needed = field.fontMetrics().horizontalAdvance(field.placeholderText()) + 4  # Qt's margins
    return needed, area.width()


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800), (1366, 768), (1920, 1080)])
def test_the_bar_keeps_every_label_and_the_search_hint_with_the_switch(qtbot, tmp_path, size):
    bar_keeps_every_label(qtbot, tmp_path, size, "en", allow_print=True)


# Spanish labels are longer: the bar goes compact where the full one would cut them.
@pytest.mark.parametrize(("size", "allow_print"), [
    ((1024, 768), False), ((1024, 768), True), ((1280, 800), False), ((1280, 800), True),
    ((1366, 768), False), ((1440, 900), True), ((1920, 1080), True)])
def test_the_bar_keeps_every_spanish_label(qtbot, tmp_path, size, allow_print):
    bar_keeps_every_label(qtbot, tmp_path, size, "es", allow_print)


def bar_keeps_every_label(qtbot, tmp_path, size, code: str, allow_print: bool) -> None:
    policy = dataclasses.replace(PATIENT, clinic_name="Riverside Community Clinic",
                                 allow_print=allow_print)
    window, controller = start_kiosk(qtbot, tmp_path, policy=policy)
    if code != "en":
        tap_language(qtbot, window, code)
        # The action's words, not the button's: a compact bar puts them on two lines.
        start_over = bar_button(window, "startOverButton").defaultAction()
        qtbot.waitUntil(lambda: start_over.iconText() != "Start over",
                        timeout=5000)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0], timeout=2000)
    QApplication.processEvents()
    laid_out(window)
    bar = window.toolbar
    buttons = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
    named = {"languageEnButton", "languageEsButton"} | (
        {"kioskPrintButton"} if allow_print else set())
    assert named <= {b.objectName() for b in buttons}
    for b in buttons:
        label = max(b.fontMetrics().horizontalAdvance(line) for line in b.text().split("\n"))
        assert label + 4 <= b.width(), (b.objectName() or b.text(), label, b.width())
        assert min(b.width(), b.height()) >= MIN_TOUCH
    extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()  # nothing pushed off the bar
    needed, room = placeholder_room(window)
    assert needed <= room, (window.search_field.placeholderText(), needed, room)
    controller.exit_kiosk()


def test_an_english_only_library_shows_no_switch(qtbot, tmp_path: Path):
    window, controller = start_kiosk(qtbot, tmp_path, roots=(VALID_PACK,))
    laid_out(window)
    assert not bar_button(window, "languageEnButton").isVisible()
    assert not bar_button(window, "languageEsButton").isVisible()
    controller.exit_kiosk()


def test_help_now_is_one_tap_away_and_in_spanish(qtbot, kiosk):
    window, _controller = kiosk
    tap_language(qtbot, window, "es")
    with qtbot.waitSignal(window.page_shown, timeout=5000) as shown:
        tap(qtbot, bar_button(window, "helpNowButton"))
    assert shown.args == ["lantern:page/es/help-now"]
    page = window.current_page()
    assert page is not None and page.title == "¿Necesita ayuda ahora?"
    assert "Si está en peligro" in page.html
    assert "Front desk, ground floor" in page.html  # the clinic's own line stays on it


def test_the_spanish_keys_type_into_the_search_field_and_find_spanish_pages(qtbot, tmp_path):
    # The whole bundled library, indexed afresh: slow on a busy machine.
    window, controller = start_kiosk(qtbot, tmp_path, roots=(BUNDLED_PACK, BUNDLED_PACK / "es"),
                                     timeout_ms=90000)
    tap_language(qtbot, window, "es")
    tap(qtbot, window.search_field)
    assert controller.keyboard_dock.isVisible()
    board = keys(controller)
    for char in "ñáéíóúü¿¡":
        tap(qtbot, board[char])
    assert window.search_field.text() == "ñáéíóúü¿¡"
    tap(qtbot, board["Borrar"])  # the window speaks Spanish now
    for char in "sesión":
        tap(qtbot, board[char])
    assert window.search_field.text() == "sesión"
    with qtbot.waitSignal(window.search_finished, timeout=10000):
        tap(qtbot, board["Buscar"])
    titles = [window.results.model.result(row).title
              for row in range(window.results.model.rowCount())]
    assert "Sesión de integración" in titles, titles
    controller.exit_kiosk()


def test_every_spanish_key_is_on_a_1024_screen(qtbot, kiosk):
    window, controller = kiosk
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.width() == 1024, timeout=2000)
    tap_language(qtbot, window, "es")
    tap(qtbot, window.search_field)
    qtbot.waitUntil(controller.keyboard_dock.isVisible, timeout=2000)
    for key in controller.keyboard.keys:
        qtbot.waitUntil(key.isVisible, timeout=2000)
        left = key.mapTo(window, key.rect().topLeft())
        right = key.mapTo(window, key.rect().topRight())
        assert left.x() >= 0 and right.x() < window.width(), (key.text(), left, right)


def test_the_switch_speaks_the_window_s_words_and_a_reset_takes_them_back(qtbot, tmp_path):
    window, controller = start_kiosk(qtbot, tmp_path)
    start_over = bar_button(window, "startOverButton")
    assert start_over.text() == "Start over"
    tap_language(qtbot, window, "es")
    assert messages.language() == "es" and window.content_language == "es"
    qtbot.waitUntil(lambda: start_over.text() == "Empezar de nuevo", timeout=5000)
    with qtbot.waitSignal(controller.reset_done, timeout=5000):
        tap(qtbot, start_over)
    assert messages.language() == "en" and window.content_language == "en"
    qtbot.waitUntil(lambda: start_over.text() == "Start over", timeout=5000)
    controller.exit_kiosk()


def test_the_keyboard_labels_follow_the_interface_language(qtbot, kiosk):
    _window, controller = kiosk
    assert {"Search", "Space"} <= set(keys(controller))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    language.use(app, "es")  # the real catalogue: Qt sends every widget a LanguageChange
    try:
        qtbot.waitUntil(lambda: {"Buscar", "Espacio"} <= set(keys(controller)), timeout=2000)
    finally:
        language.use(app, "en")
    qtbot.waitUntil(lambda: "Search" in keys(controller), timeout=2000)


def test_a_spanish_kiosk_shows_no_english(qtbot, tmp_path: Path):
    """`lantern kiosk --lang es`: the bar, the keyboard and the "Still reading?" countdown
    say nothing the window's catalogue has in Spanish (the scan of tests/ui/test_ui_language)."""
    from tests.ui.test_ui_language import english_in, window_texts

    window, controller = start_kiosk(qtbot, tmp_path, language="es")
    start_over = bar_button(window, "startOverButton")
    qtbot.waitUntil(lambda: start_over.text().replace("\n", " ") == "Empezar de nuevo",
                    timeout=5000)
    tap(qtbot, window.search_field)
    assert controller.keyboard_dock.isVisible()
    controller.overlay.start(60000)  # what an idle screen shows before it starts over
    texts = window_texts(window)
    assert "Buscar" in texts and "¿Necesita ayuda ahora?" in texts
    assert english_in(texts) == []
    controller.overlay.confirm()
    controller.exit_kiosk()


class _Opened(Exception):
    """Stops `run_kiosk` once it has chosen its language."""


@pytest.mark.parametrize(("flag", "written", "starts_in"), [
    (None, "es", "es"), ("en", "es", "en"), ("es", "", "es"), (None, "", None)])
def test_the_clinic_sets_the_kiosk_language_and_the_flag_wins(
        qapp, monkeypatch: pytest.MonkeyPatch, flag, written, starts_in):
    """kiosk.toml's `language`, unless `lantern kiosk --lang` says otherwise."""
    from lantern.ui import app as app_module

    asked: list[str | None] = []

    def opened(*_args, **_kwargs):
        raise _Opened

    monkeypatch.setattr(app_module.ui_language, "start",
                        lambda code: asked.append(code) or (code or "en"))
    monkeypatch.setattr(app_module, "open_kiosk", opened)
    monkeypatch.setattr(app_module, "_start", lambda app, kiosk: object())  # no instance lock
    policy = dataclasses.replace(PATIENT, language=written)
    with pytest.raises(_Opened):
        app_module.run_kiosk([VALID_PACK], policy, flag)
    assert asked == [starts_in]
