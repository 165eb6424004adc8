"""Kiosk mode on the real window, offscreen, with idle times of a fraction of a second."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QLineEdit,
    QListView,
    QScrollBar,
    QToolButton,
    QWidget,
)

from lantern.core.kiosk import KioskPolicy, hash_pin

from lantern.ui.kiosk.controller import DEFAULT_SCALE, TEXT_SCALES, KioskController
from lantern.ui.kiosk.policy import kiosk_window
from lantern.ui.window.main_window import HOME, MainWindow

from tests.conftest import VALID_PACK
from tests.ui.conftest import click_link

PIN = "246813"
PIN_HASH = hash_pin(PIN, {"n": 2**4, "r": 8, "p": 1})  # cheap to check in tests
POLICY = KioskPolicy(idle_seconds=0.3, warning_seconds=0.4, clinic_name="Riverside Clinic",
                     front_desk_text="Front desk, ground floor", front_desk_phone="555-0100",
                     admin_pin_hash=PIN_HASH)
MIN_TOUCH = 44


def make_kiosk(qtbot, tmp_path: Path, policy: KioskPolicy = POLICY, fullscreen: bool = False,
               settings: QSettings | None = None) -> tuple[MainWindow, KioskController]:
    if settings is None:
        settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow([VALID_PACK], settings=settings, policy=kiosk_window(policy))
    qtbot.addWidget(window)
    controller = KioskController(window, policy, fullscreen=fullscreen)
    window.resize(1280, 800)
    with qtbot.waitSignal(controller.reset_done, timeout=20000):
        controller.start()
        window.start_loading()
    return window, controller


@pytest.fixture
def kiosk(qtbot, tmp_path: Path) -> Iterator[tuple[MainWindow, KioskController]]:
    window, controller = make_kiosk(qtbot, tmp_path)
    yield window, controller
    if window.isVisible():
        controller.exit_kiosk()  # also removes the application-wide event filters


def tap(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def button(controller: KioskController, name: str) -> QToolButton:
    found = controller.window.toolbar.findChild(QToolButton, name)
    assert found is not None, name
    return found


def search(qtbot, window: MainWindow, text: str) -> None:
    tap(qtbot, window.search_field)
    qtbot.keyClicks(window.search_field, text)
    with qtbot.waitSignal(window.search_finished, timeout=5000):
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)


# idle ------------------------------------------------------------------------------------


def test_countdown_appears_and_yes_cancels_it(qtbot, kiosk):
    window, controller = kiosk
    window.navigate("lantern:article/brain-networks")
    tap(qtbot, window.reader.viewport())  # a visitor is here
    qtbot.waitUntil(controller.overlay.isVisible, timeout=3000)
    assert "start over in" in controller.overlay.message.text()
    assert controller.overlay.yes_button.height() >= 80
    tap(qtbot, controller.overlay.yes_button)
    assert not controller.overlay.isVisible()
    assert window.history.current == "lantern:article/brain-networks"


def test_no_answer_resets_after_the_countdown(qtbot, kiosk):
    window, controller = kiosk
    search(qtbot, window, "DMN")
    window.navigate("lantern:article/brain-networks")
    with qtbot.waitSignal(controller.reset_done, timeout=5000):
        qtbot.waitUntil(controller.overlay.isVisible, timeout=3000)
    assert not controller.overlay.isVisible()
    assert window.history.current == HOME
    assert window.search_field.text() == ""


def test_an_untouched_screen_is_not_interrupted(qtbot, kiosk):
    _, controller = kiosk
    with qtbot.waitSignal(controller.idle.idle, timeout=3000):
        controller.idle.start()  # from now: a slow start may already have used the first
    assert not controller.overlay.isVisible()


# reset -----------------------------------------------------------------------------------


def test_start_over_clears_every_trace(qtbot, kiosk):
    window, controller = kiosk
    search(qtbot, window, "DMN")
    assert window.results.model.rowCount() > 0
    window.navigate("lantern:article/brain-networks")
    with qtbot.waitSignal(window.glossary.term_shown):
        click_link(qtbot, window.reader, "lantern:term/psilocybin")
    with qtbot.waitSignal(window.references.reference_shown):
        click_link(qtbot, window.reader, "lantern:ref/siegel2024")
    qtbot.keyClicks(window.glossary.filter, "5ht")
    window.navigate("lantern:faq/is-it-safe")
    tap(qtbot, button(controller, "largerTextButton"))
    window.find_bar.open_bar()
    qtbot.keyClicks(window.find_bar.field, "safe")
    QApplication.clipboard().setText("suicide")
    assert window.history.can_go_back()

    with qtbot.waitSignal(controller.reset_done):
        tap(qtbot, button(controller, "startOverButton"))

    assert window.history.current == HOME
    assert not window.history.can_go_back() and not window.history.can_go_forward()
    assert not window.back_action.isEnabled() and not window.forward_action.isEnabled()
    assert "Welcome" in window.reader.toPlainText() or window.reader.page.address == HOME
    for field in (window.search_field, window.glossary.filter, window.find_bar.field):
        assert field.text() == ""
        assert not field.isUndoAvailable()  # Ctrl+Z cannot bring the last query back
    assert not window.results.isVisible()
    assert window.results.model.rowCount() == 0
    assert window.results.summary.text() == ""
    assert not window.suggestions.completer.popup().isVisible()
    assert window.suggestions.model.rowCount() == 0
    assert not window.find_bar.isVisible()
    assert not window.glossary.isVisible() and not window.references.isVisible()
    assert window.glossary.current_term_id == ""
    assert window.glossary.entry.toPlainText() == ""
    assert window.references.browser.toPlainText() == ""
    assert not window.glossary.list.selectionModel().hasSelection()
    assert controller.text_scale == TEXT_SCALES[DEFAULT_SCALE]
    assert window.reader.extraSelections() == []
    assert QApplication.clipboard().text() == ""
    assert not controller.keyboard_dock.isVisible()


def test_text_size_buttons_change_the_reader_and_stop_at_the_ends(qtbot, kiosk):
    window, controller = kiosk
    window.navigate("lantern:article/brain-networks")
    height = window.reader.document().size().height()
    larger = button(controller, "largerTextButton")
    tap(qtbot, larger)
    assert window.reader.document().size().height() > height
    for _ in TEXT_SCALES:
        tap(qtbot, larger)
    assert not larger.isEnabled()
    assert controller.text_scale == TEXT_SCALES[-1]


# lockdown --------------------------------------------------------------------------------


def test_close_and_shortcuts_do_not_leave(qtbot, tmp_path):
    window, controller = make_kiosk(qtbot, tmp_path, fullscreen=True)
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    assert not window.menuBar().isVisible()
    assert not window.quit_action.isEnabled()
    # Even an enabled Quit bound to Ctrl+Q never sees the key.
    quits = []
    window.quit_action.setEnabled(True)
    window.quit_action.setShortcut("Ctrl+Q")
    window.quit_action.triggered.connect(lambda: quits.append(1))
    for key, mods in ((Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
                      (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)):
        qtbot.keyClick(window.reader, key, mods)
        qtbot.keyClick(window.search_field, key, mods)
    assert quits == []
    assert window.close() is False
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    assert not event.isAccepted()
    assert window.isVisible()
    controller.exit_kiosk()
    assert not window.isVisible()


def test_no_context_menus_and_fixed_panels(qtbot, kiosk):
    window, _ = kiosk
    for widget in (window, window.reader, window.reader.viewport(), window.search_field,
                   window.results.list, window.glossary.list, window.glossary.entry,
                   window.references.browser):
        assert widget.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(20, 20),
                              window.reader.viewport().mapToGlobal(QPoint(20, 20)))
    QApplication.sendEvent(window.reader.viewport(), event)
    assert QApplication.activePopupWidget() is None
    for dock in (window.glossary, window.references):
        assert dock.features() == QDockWidget.DockWidgetFeature.NoDockWidgetFeatures


def test_external_links_never_reach_the_system(qtbot, kiosk, monkeypatch):
    window, controller = kiosk
    opened: list[object] = []
    monkeypatch.setattr("lantern.ui.window.navigation.QDesktopServices.openUrl", opened.append)
    monkeypatch.setattr(window.navigation, "open_external", opened.append)
    for address in ("https://doi.org/10.1038/s41586-024-07624-5", "mailto:someone@example.org"):
        window.on_link_activated(QUrl(address))
        assert controller.notice is not None and controller.notice.isVisible()
        assert address in controller.notice.informativeText()
    assert opened == []
    with qtbot.waitSignal(controller.reset_done):
        controller.reset()
    assert not controller.notice.isVisible()


def test_help_now_puts_the_front_desk_first(qtbot, kiosk):
    window, controller = kiosk
    tap(qtbot, button(controller, "helpNowButton"))
    text = window.reader.toPlainText().lstrip()
    assert text.startswith("Here at Riverside Clinic: Front desk, ground floor: 555-0100")


# admin exit ------------------------------------------------------------------------------


def open_pin_dialog_by_taps(qtbot, controller: KioskController) -> None:
    for _ in range(controller.corner.taps_needed):
        tap(qtbot, controller.corner)
    assert controller.pin_dialog is not None
    qtbot.waitUntil(controller.pin_dialog.isVisible, timeout=2000)


def test_wrong_pin_does_not_exit_and_the_right_one_does(qtbot, kiosk):
    window, controller = kiosk
    open_pin_dialog_by_taps(qtbot, controller)
    dialog = controller.pin_dialog
    qtbot.keyClicks(dialog.field, "1111")
    tap(qtbot, dialog.unlock_button)
    assert window.isVisible() and dialog.isVisible()
    assert "not right" in dialog.message.text()
    assert dialog.field.text() == ""
    for digit in PIN:  # the on-screen number pad
        key = next(k for k in dialog.keypad.keys if k.text() == digit)
        tap(qtbot, key)
    assert dialog.field.text() == PIN
    with qtbot.waitSignal(controller.exited):
        tap(qtbot, dialog.unlock_button)
    assert not window.isVisible()


def test_long_press_opens_the_pin_dialog(qtbot, kiosk):
    _, controller = kiosk
    controller.corner.long_press_ms = 150
    with qtbot.waitSignal(controller.corner.triggered, timeout=2000):
        qtbot.mousePress(controller.corner, Qt.MouseButton.LeftButton)
    qtbot.mouseRelease(controller.corner, Qt.MouseButton.LeftButton)
    assert controller.pin_dialog is not None and controller.pin_dialog.isVisible()


def test_three_wrong_pins_lock_the_corner(qtbot, kiosk):
    window, controller = kiosk
    open_pin_dialog_by_taps(qtbot, controller)
    for _ in range(3):
        qtbot.keyClicks(controller.pin_dialog.field, "0000")
        tap(qtbot, controller.pin_dialog.unlock_button)
    assert not controller.pin_dialog.isVisible()
    assert controller.corner.locked
    for _ in range(controller.corner.taps_needed):
        tap(qtbot, controller.corner)
    assert not controller.pin_dialog.isVisible()
    assert window.isVisible()


def test_without_a_pin_hash_the_gesture_cannot_exit(qtbot, tmp_path):
    policy = KioskPolicy(idle_seconds=60, warning_seconds=5)
    window, controller = make_kiosk(qtbot, tmp_path, policy=policy)
    for _ in range(controller.corner.taps_needed):
        tap(qtbot, controller.corner)
    assert controller.pin_dialog is None
    assert window.isVisible()
    controller.exit_kiosk()


# touch -----------------------------------------------------------------------------------


def test_onscreen_keyboard_types_a_search(qtbot, kiosk):
    window, controller = kiosk
    tap(qtbot, window.search_field)
    assert controller.keyboard_dock.isVisible()
    keys = {k.text(): k for k in controller.keyboard.keys}
    for char in "dmn":
        tap(qtbot, keys[char])
    assert window.search_field.text() == "dmn"
    tap(qtbot, keys["⌫"])
    tap(qtbot, keys["n"])
    with qtbot.waitSignal(window.search_finished, timeout=5000) as blocker:
        tap(qtbot, keys["Search"])
    assert blocker.args[0].query == "dmn"


def test_the_search_key_puts_the_keyboard_aside_and_a_tap_on_the_field_brings_it_back(
        qtbot, kiosk):
    """The keyboard covers half the screen: once a visitor taps Search, the results take
    its room; tapping the search field (which still has the focus) brings it back."""
    window, controller = kiosk
    tap(qtbot, window.search_field)
    keys = {k.text(): k for k in controller.keyboard.keys}
    for char in "dmn":
        tap(qtbot, keys[char])
    with qtbot.waitSignal(window.search_finished, timeout=5000):
        tap(qtbot, keys["Search"])
    assert not controller.keyboard_dock.isVisible()
    assert window.search_field.hasFocus()
    qtbot.waitUntil(window.results.isVisible, timeout=2000)
    tap(qtbot, window.search_field)
    assert controller.keyboard_dock.isVisible()
    tap(qtbot, keys["Hide keyboard"])
    assert not controller.keyboard_dock.isVisible()
    tap(qtbot, window.search_field)  # the focus never left it
    assert controller.keyboard_dock.isVisible()


def _controls(root: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QLineEdit, QComboBox, QScrollBar)
    return [w for w in root.findChildren(QWidget)
            if isinstance(w, kinds) and w.isVisible() and w.window() is root.window()]


def test_every_visible_control_is_at_least_44_px(qtbot, kiosk):
    window, controller = kiosk
    search(qtbot, window, "DMN")  # results, filters, keyboard on screen
    window.navigate("lantern:article/brain-networks")
    click_link(qtbot, window.reader, "lantern:term/psilocybin")  # glossary panel
    window.find_bar.open_bar()
    controller.show_keyboard()
    qtbot.waitUntil(lambda: window.results.isVisible() and window.glossary.isVisible())
    controls = _controls(window)
    assert len(controls) > 50  # toolbar, keys, find bar, filters, scroll bars
    small = []
    for control in controls:
        size = control.size()
        thickness = min(size.width(), size.height())
        if thickness < MIN_TOUCH:
            label = getattr(control, "text", lambda: "")()
            small.append(f"{type(control).__name__} {control.objectName()!r} {label!r}: "
                         f"{size.width()}×{size.height()}")
    assert small == []
    for view in window.findChildren(QListView):
        if view.isVisible() and view.model() is not None:
            for row in range(min(view.model().rowCount(), 10)):
                rect = view.visualRect(view.model().index(row, 0))
                assert rect.height() >= MIN_TOUCH, (view.accessibleName(), row, rect)


def test_pin_dialog_controls_are_touch_sized(qtbot, kiosk):
    _, controller = kiosk
    open_pin_dialog_by_taps(qtbot, controller)
    controls = _controls(controller.pin_dialog)
    assert len(controls) >= 14
    assert all(min(c.width(), c.height()) >= MIN_TOUCH for c in controls)


# privacy on disk -------------------------------------------------------------------------


def _snapshot(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_kiosk_session_writes_nothing_but_the_index(qtbot, tmp_path, monkeypatch):
    home = tmp_path / "home"
    for sub in ("", ".config", ".cache", ".local/share", ".local/state"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local/share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local/state"))
    config = tmp_path / "config"
    config.mkdir()
    (config / "kiosk.toml").write_text('clinic_name = "Riverside Clinic"\n', encoding="utf-8")
    before = _snapshot(tmp_path)

    # The window's own settings object, where the desktop app would save its state.
    settings = QSettings(str(config / "lantern.ini"), QSettings.Format.IniFormat)
    window, controller = make_kiosk(qtbot, tmp_path, settings=settings)
    search(qtbot, window, "suicide")
    window.navigate("lantern:article/brain-networks")
    click_link(qtbot, window.reader, "lantern:term/psilocybin")
    tap(qtbot, button(controller, "largerTextButton"))
    with qtbot.waitSignal(controller.reset_done, timeout=5000):
        tap(qtbot, window.reader.viewport())
    search(qtbot, window, "ptsd")
    controller.exit_kiosk()
    settings.sync()

    after = _snapshot(tmp_path)
    changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    assert changed, "the index should have been built"
    # Only what is made from the content pack: the search index and the parsed library.
    assert {k for k in changed
            if not k.startswith("cache/index/") and k != "cache/library.json"} == set()
    assert settings.allKeys() == []
