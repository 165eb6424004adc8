"""Kiosk mode for an unattended clinic screen: locked down, touch-first, and reset to a clean
home page after each visitor. `KioskController` does all of it from outside an ordinary
`MainWindow`, which only offers three switches (persist_state, external_links_allowed,
home_address)."""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QLineEdit,
    QMessageBox,
    QScroller,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QWidget,
)

from lantern.core.address import Kind, address
from lantern.core.kiosk import KioskPolicy, front_desk_html, verify_pin
from lantern.core.search.safety import HELP_PAGE
from lantern.core.theme import LIGHT, reader_css

from lantern.ui.actions import Act, lock_for_kiosk, make_action
from lantern.ui.kiosk_widgets import CountdownOverlay, HotCorner, IdleWatcher, PinDialog
from lantern.ui.onscreen_keyboard import OnScreenKeyboard
from lantern.ui.printing import default_printer

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from lantern.ui.main_window import MainWindow

log = logging.getLogger(__name__)

HELP_NOW = address(Kind.PAGE, HELP_PAGE)
TEXT_SCALES = (1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
DEFAULT_SCALE = 1  # kiosk text starts a step larger than the desktop's
WRONG_PINS_BEFORE_LOCKOUT = 3

# Touch sizes: every control at least 44 × 44 px (most are 52), larger type.
KIOSK_QSS = """
QWidget { font-size: 15pt; }
QToolBar#navigationBar { spacing: 8px; padding: 6px 8px; background: #f4efe4;
    border: none; border-bottom: 1px solid #d8cfbd; }
QToolBar#navigationBar QToolButton { min-width: 56px; min-height: 52px; padding: 0px 12px;
    border: 1px solid #cbbf9f; border-radius: 10px; background: #fffdf8; color: #2b2b2b; }
QToolBar#navigationBar QToolButton:pressed { background: #efe3c4; }
QToolBar#navigationBar QToolButton:disabled { color: #aaa397; border-color: #e2dccd;
    background: #f7f3ea; }
QToolBar#navigationBar QToolButton#helpNowButton { background: #b3261e; color: white;
    border-color: #8c1d18; font-weight: bold; }
QToolBar#navigationBar QToolButton#startOverButton { background: #1f5fa8; color: white;
    border-color: #174a84; font-weight: bold; }
QLabel#hotCorner { font-weight: bold; color: #6b5a2e; padding: 0px 10px; }
QLineEdit { min-height: 52px; padding: 0px 12px; border: 2px solid #cbbf9f;
    border-radius: 10px; background: white; font-size: 17pt; }
QLineEdit:focus { border-color: #1f5fa8; }
QPushButton { min-width: 56px; min-height: 52px; padding: 0px 16px; border: 1px solid #cbbf9f;
    border-radius: 10px; background: #fffdf8; color: #2b2b2b; }
QPushButton:pressed { background: #efe3c4; }
QListView::item { padding: 12px 8px; }
QComboBox { min-height: 48px; padding: 0px 10px; }
QComboBox QAbstractItemView::item { min-height: 48px; }
QScrollBar:vertical { width: 44px; background: #f4efe4; border: none; margin: 0px; }
QScrollBar:horizontal { height: 44px; background: #f4efe4; border: none; margin: 0px; }
QScrollBar::handle { background: #cbbf9f; border-radius: 10px; margin: 6px; }
QScrollBar::handle:vertical { min-height: 64px; }
QScrollBar::handle:horizontal { min-width: 64px; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0px; height: 0px; border: none; }
QScrollBar::add-page, QScrollBar::sub-page { background: none; }
QDockWidget::title { padding: 10px; background: #efe9dc; }
QWidget#countdownOverlay { background: rgba(30, 25, 15, 160); }
QFrame#countdownCard { background: #fffdf8; border-radius: 18px; }
QLabel#countdownTitle { font-size: 32pt; font-weight: bold; color: #2b2b2b; }
QLabel#countdownMessage { font-size: 17pt; color: #2b2b2b; }
QPushButton#stillReadingButton { font-size: 21pt; font-weight: bold; background: #1f5fa8;
    color: white; border: none; border-radius: 14px; padding: 0px 36px; min-height: 88px;
    min-width: 360px; }
QWidget#onScreenKeyboard { background: #e9e3d6; }
QPushButton#key, QPushButton#wideKey, QPushButton#spaceKey { font-size: 17pt;
    background: white; padding: 0px 10px; min-width: 56px; min-height: 56px; }
QPushButton#wideKey { min-width: 120px; }
QPushButton#spaceKey { min-width: 336px; }
QLabel#pinMessage { color: #b3261e; font-weight: bold; }
"""

# Appended to the reader's stylesheet.
KIOSK_CSS = """
td.front-desk { background-color: #fff4d6; padding: 12px; font-size: 15pt; }
table.front-desk { margin-bottom: 12px; }
"""


def scale_css(css: str, factor: float) -> str:
    """Every `Npt` size in `css` multiplied by `factor`."""
    return re.sub(r"(\d+(?:\.\d+)?)pt\b", lambda m: f"{float(m[1]) * factor:.1f}pt", css)


def _reader_css() -> str:
    return reader_css(LIGHT)  # the kiosk chrome (KIOSK_QSS) is light too


class _FrontDeskComposer:
    """The window's composer, with the clinic's own line first on the help-now page."""

    def __init__(self, inner: Any, front_desk: str) -> None:
        self._inner = inner
        self._front_desk = front_desk

    def compose(self, address: str, **options: Any) -> Any:
        page = self._inner.compose(address, **options)
        if page is not None and page.address == HELP_NOW and self._front_desk:
            page = dataclasses.replace(page, html=self._front_desk + page.html)
        return page

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class KioskController(QObject):
    """Locks `window` down for unattended use; resets it after `policy.idle_seconds`."""

    reset_done = Signal()
    exited = Signal()

    def __init__(self, window: MainWindow, policy: KioskPolicy, fullscreen: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.policy = policy
        self.fullscreen = fullscreen
        self.lockout_ms = 60_000
        self._exiting = False
        self._dirty = False
        self._wrong_pins = 0
        self._scale = DEFAULT_SCALE
        self._base_css = _reader_css()
        self.pin_dialog: PinDialog | None = None
        self.notice: QMessageBox | None = None

        window.persist_state = False
        window.external_links_allowed = policy.allow_external_links
        window.home_address = policy.home
        self._lock_down()
        self._build_controls()
        self._enable_touch()
        self.overlay = CountdownOverlay(window)
        self.overlay.expired.connect(self.reset)
        self.idle = IdleWatcher(round(policy.idle_seconds * 1000), self)
        self.idle.activity.connect(self._on_activity)
        self.idle.idle.connect(self._on_idle)
        window.library_loaded.connect(self._on_library_loaded)
        window.external_link_blocked.connect(self.on_external_link)
        window.page_shown.connect(lambda _address: self.hide_keyboard())
        self._apply_text_scale()
        window.setStyleSheet(KIOSK_QSS)  # last, so every named button is styled
        if window.library is not None:
            self._on_library_loaded()

    # setting up ------------------------------------------------------------------------

    def _lock_down(self) -> None:
        w = self.window
        w.menuBar().hide()
        w.menuBar().setEnabled(False)
        w.statusBar().hide()
        w.disable_personal_features()
        lock_for_kiosk(w)  # every action the table does not allow on a kiosk
        w.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # no toolbar/dock menu
        for widget in w.findChildren(QWidget):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        for dock in w.findChildren(QDockWidget):
            dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
            dock.toggleViewAction().setEnabled(False)
        for edit in w.findChildren(QLineEdit):
            edit.setClearButtonEnabled(False)  # its 16 px button is too small to tap

    def _build_controls(self) -> None:
        w = self.window
        bar = w.findChild(QToolBar, "navigationBar")
        assert bar is not None
        self.toolbar = bar
        bar.setFloatable(False)
        bar.toggleViewAction().setEnabled(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.corner = HotCorner(self.policy.clinic_name or "Lantern")
        self.corner.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.corner.triggered.connect(self.open_pin_dialog)
        self.corner.setMaximumWidth(260)
        bar.insertWidget(bar.actions()[0], self.corner)
        # Back is enough on a touch screen; Forward would crowd the bar at 1280 px.
        bar.removeAction(w.forward_action)
        back = bar.widgetForAction(w.back_action)
        if isinstance(back, QToolButton):  # no press-and-hold history menu on a touch screen
            back.setMenu(None)  # type: ignore[arg-type]
        w.search_field.setMinimumWidth(220)
        w.search_field.setPlaceholderText("Tap to search")

        self.smaller_action = make_action(self, Act.TEXT_SMALLER,
                                          lambda: self.change_text_size(-1))
        self.larger_action = make_action(self, Act.TEXT_LARGER, lambda: self.change_text_size(+1))
        self.start_over_action = make_action(self, Act.START_OVER, self.reset)
        self.print_action = make_action(self, Act.KIOSK_PRINT, self.print_page)
        #: Where kiosk printing goes: the default printer, no dialog (tests put a PDF here).
        self.printer_factory: Callable[[], QPrinter | None] = default_printer
        bar.addSeparator()
        for action in (self.smaller_action, self.larger_action, self.start_over_action):
            bar.addAction(action)
        if self.policy.allow_print:  # straight to the clinic's printer: no dialog, no files
            bar.insertAction(self.start_over_action, self.print_action)
            self._name_button(self.print_action, "kioskPrintButton", "Print this page")
        self._name_button(w.help_action, "helpNowButton", "Need help now")
        self._name_button(self.smaller_action, "smallerTextButton", "Smaller text")
        self._name_button(self.larger_action, "largerTextButton", "Larger text")
        self._name_button(self.start_over_action, "startOverButton", "Start over")

        self.keyboard = OnScreenKeyboard()
        self.keyboard.hide_requested.connect(self.hide_keyboard)
        self.keyboard_dock = QDockWidget("Keyboard", w)
        self.keyboard_dock.setObjectName("keyboardDock")
        self.keyboard_dock.setTitleBarWidget(QWidget())
        self.keyboard_dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.keyboard_dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea)
        self.keyboard_dock.setWidget(self.keyboard)
        self.keyboard_dock.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.keyboard_dock)
        self.keyboard_dock.hide()

    def _name_button(self, action: QAction, name: str, accessible: str) -> None:
        button = self.toolbar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setObjectName(name)
            button.setAccessibleName(accessible)

    def _enable_touch(self) -> None:
        w = self.window
        views: list[QAbstractScrollArea] = [w.reader, w.results.list, w.glossary.list,
                                             w.glossary.entry, w.references.browser]
        for view in w.findChildren(QAbstractScrollArea):
            # 44 px scroll bars would otherwise make every panel at least 210 px tall.
            view.setMinimumSize(120, 96)
        for view in views:
            QScroller.grabGesture(view.viewport(),
                                  QScroller.ScrollerGestureType.LeftMouseButtonGesture)

    def start(self) -> None:
        """Show the window (full screen unless told otherwise) and start the idle clock."""
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        if self.fullscreen:
            self.window.showFullScreen()
        else:
            self.window.show()
        self.idle.start()

    def _on_library_loaded(self) -> None:
        w = self.window
        if w.composer is not None and not isinstance(w.composer, _FrontDeskComposer):
            w.composer = _FrontDeskComposer(w.composer, front_desk_html(self.policy))  # type: ignore[assignment]
        self.reset()

    # the application-wide filter: close, keys, context menus, tooltips, keyboard ------

    def _is_blocked_key(self, event: QKeyEvent) -> bool:
        if event.matches(QKeySequence.StandardKey.Quit) or \
                event.matches(QKeySequence.StandardKey.Close):
            return True
        mods = event.modifiers()
        key = event.key()
        alt = Qt.KeyboardModifier.AltModifier
        ctrl = Qt.KeyboardModifier.ControlModifier
        return ((key == Qt.Key.Key_F4 and bool(mods & (alt | ctrl)))
                or (key in (Qt.Key.Key_Q, Qt.Key.Key_W) and bool(mods & ctrl)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window:
            if kind == QEvent.Type.Close and not self._exiting:
                event.ignore()  # Alt+F4, the window manager, close(): none of them leave
                return True
            if kind == QEvent.Type.WindowStateChange and self.fullscreen and \
                    not self._exiting and not self.window.isFullScreen():
                QTimer.singleShot(0, self.window.showFullScreen)
        if kind in (QEvent.Type.ContextMenu, QEvent.Type.ToolTip, QEvent.Type.WhatsThis):
            return True  # no context menus anywhere; nothing that needs hovering
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and \
                isinstance(event, QKeyEvent) and self._is_blocked_key(event):
            event.accept()  # claimed here, so no shortcut sees it either
            return True
        if kind == QEvent.Type.FocusIn and isinstance(watched, QLineEdit) and \
                watched.window() is self.window:
            self.show_keyboard()
        return False

    # idle and reset ---------------------------------------------------------------------

    def _on_activity(self) -> None:
        self._dirty = True
        if self.overlay.isVisible():
            self.overlay.confirm()

    def _on_idle(self) -> None:
        if self._dirty and self.window.library is not None and not self.overlay.isVisible():
            self.overlay.start(round(self.policy.warning_seconds * 1000))

    def reset(self) -> None:
        """Back to a clean home page: nothing of the last visitor left on screen or in memory."""
        w = self.window
        self.overlay.stop()
        for dialog in w.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        self.hide_keyboard()
        w.suggestions.hide()
        w.suggestions.model.clear()
        # search: the field (setText also empties its undo history), pending and shown results
        w.search.run_now("")
        w.search_field.setText("")
        w.results.model.set_results(())
        w.results.summary.setText("")
        w.results.hide()
        for combo in w.results.findChildren(QComboBox):
            combo.setCurrentIndex(0)  # result filters back to "all"
        w.find_bar.field.setText("")
        w.find_bar.close_bar()
        # panels
        glossary = w.glossary
        glossary.filter.setText("")
        glossary.list.selectionModel().clear()
        glossary.list.scrollToTop()
        glossary.current_term_id = ""
        glossary.entry.clear()
        glossary.hide()
        w.references.set_references(())
        w.references.hide()
        for browser in w.findChildren(QTextBrowser):
            browser.clearHistory()
        # text size, layout, history, page
        self._scale = DEFAULT_SCALE
        self._apply_text_scale()
        width = max(w.splitter.width(), 800)
        w.splitter.setSizes([width * 2 // 5, width * 3 // 5])
        w.history.clear()
        w.reader.forget_content_notes()  # the next visitor sees every content note
        w.go_home()
        w.reader.setExtraSelections([])
        w.reader.setFocus()
        w.statusBar().clearMessage()
        clipboard = QApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
        self._dirty = False
        self.reset_done.emit()

    # touch: text size and the on-screen keyboard ----------------------------------------

    def change_text_size(self, step: int) -> None:
        self._scale = max(0, min(len(TEXT_SCALES) - 1, self._scale + step))
        self._apply_text_scale()

    @property
    def text_scale(self) -> float:
        return TEXT_SCALES[self._scale]

    def _apply_text_scale(self) -> None:
        css = scale_css(self._base_css, self.text_scale) + KIOSK_CSS
        self.window.reader.set_stylesheet(css)
        for browser in (self.window.glossary.entry, self.window.references.browser):
            browser.document().setDefaultStyleSheet(css)
        self.smaller_action.setEnabled(self._scale > 0)
        self.larger_action.setEnabled(self._scale < len(TEXT_SCALES) - 1)

    def show_keyboard(self) -> None:
        self.keyboard_dock.show()

    def hide_keyboard(self) -> None:
        self.keyboard_dock.hide()

    # links and the admin exit -----------------------------------------------------------

    def _show_notice(self, name: str, title: str, text: str, details: str = "") -> None:
        """One notice at a time, closed by Ok or by the next reset."""
        if self.notice is not None:
            self.notice.close()
        self.notice = QMessageBox(QMessageBox.Icon.Information, title, text,
                                  QMessageBox.StandardButton.Ok, self.window)
        if details:
            self.notice.setInformativeText(details)
        self.notice.setObjectName(name)
        self.notice.open()

    def on_external_link(self, url: QUrl) -> None:
        """Websites cannot be opened here; say so and show the address to note down."""
        self._show_notice("externalLinkNotice", "Website links are off here",
                          "This link goes to a website, which this screen cannot open.",
                          f"You can note the address and look it up later:\n\n"
                          f"{url.toString()}")

    def print_page(self) -> bool:
        """`[allow] print`: the page on show, with its references, to the default printer."""
        page = self.window.reader.page
        document = self.window.printing.document()
        if not self.policy.allow_print or page is None or document is None:
            return False
        printer = self.printer_factory()
        if printer is None:
            self._show_notice("printNotice", "No printer here",
                              "This screen has no printer set up. Please ask at the front desk.")
            return False
        document.print_(printer)
        self._show_notice("printNotice", "Printing",
                          f"“{page.title}” is on its way to the printer.")
        return True

    def open_pin_dialog(self) -> None:
        if not self.policy.admin_pin_hash:
            box = QMessageBox(QMessageBox.Icon.Information, "Staff only",
                              "No staff PIN is set for this kiosk, so it cannot be left from "
                              "the screen. Set one with: lantern kiosk --set-pin",
                              QMessageBox.StandardButton.Ok, self.window)
            box.open()
            return
        if self.pin_dialog is None:
            self.pin_dialog = PinDialog(self.window)
            self.pin_dialog.pin_entered.connect(self.on_pin_entered)
        self.pin_dialog.message.setText("")
        self.pin_dialog.open()

    def on_pin_entered(self, pin: str) -> None:
        dialog = self.pin_dialog
        if verify_pin(pin, self.policy.admin_pin_hash):
            self._wrong_pins = 0
            if dialog is not None:
                dialog.accept()
            self.exit_kiosk()
            return
        self._wrong_pins += 1
        log.warning("wrong kiosk PIN entered (%d in a row)", self._wrong_pins)
        if self._wrong_pins >= WRONG_PINS_BEFORE_LOCKOUT:
            self._wrong_pins = 0
            self.corner.locked = True
            QTimer.singleShot(self.lockout_ms, self._unlock_corner)
            if dialog is not None:
                dialog.reject()
        elif dialog is not None:
            dialog.refuse("That PIN is not right.")

    def _unlock_corner(self) -> None:
        self.corner.locked = False

    def exit_kiosk(self) -> None:
        """Leave kiosk mode: the only way the window closes."""
        self._exiting = True
        self.idle.stop()
        self.overlay.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.window.close()
        self.exited.emit()
