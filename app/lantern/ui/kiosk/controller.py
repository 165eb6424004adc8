"""Kiosk mode for an unattended clinic screen: locked down, touch-first, and reset to a clean
home page after each visitor. The lock-down is the window's own, from the policy it is built
with (`kiosk_window` in kiosk/policy.py); `KioskController` adds the kiosk's parts (idle clock,
countdown, text size, on-screen keyboard, printing, PIN exit) and asks the window to reset."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from lantern.core import messages
from lantern.core.kiosk import KioskPolicy, verify_pin
from lantern.core.theme import LIGHT, reader_css

from lantern.ui.kiosk.guard import WindowGuard, host_in_window
from lantern.ui.kiosk.language_button import LanguageSwitch, restore_default_language
from lantern.ui.kiosk.onscreen_keyboard import OnScreenKeyboard
from lantern.ui.kiosk.style import BAR_SLACK, compact_below, kiosk_css, kiosk_qss
from lantern.ui.kiosk.widgets import CountdownOverlay, HotCorner, IdleWatcher, PinDialog
from lantern.ui.window.actions import Act, make_action
from lantern.ui.window.printing import default_printer
from lantern.ui.words import translate

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from lantern.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)

TEXT_SCALES = (1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
DEFAULT_SCALE = 1  # kiosk text starts a step larger than the desktop's
WRONG_PINS_BEFORE_LOCKOUT = 3


def scale_css(css: str, factor: float) -> str:
    """Every `Npt` size in `css` multiplied by `factor`."""
    return re.sub(r"(\d+(?:\.\d+)?)pt\b", lambda m: f"{float(m[1]) * factor:.1f}pt", css)


def _reader_css() -> str:
    return reader_css(LIGHT)  # the kiosk chrome (ui/kiosk/style.py) is light too


class KioskController(QObject):
    """Watches a window built with the kiosk's policy (`kiosk_window(policy)`): the idle
    clock and countdown, a reset after each visitor, larger text, the on-screen keyboard,
    printing to the clinic's printer, and the PIN exit. It reaches the window only through
    the window's public methods and signals."""

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
        #: Full screen, the screen's size, shown and on top; the process ends if it is lost.
        self.guard = WindowGuard(window, fullscreen)

        self._build_controls()
        self.overlay = CountdownOverlay(window)
        self.overlay.expired.connect(self.reset)
        self.idle = IdleWatcher(round(policy.idle_seconds * 1000), self)
        self.idle.activity.connect(self._on_activity)
        self.idle.idle.connect(self._on_idle)
        window.library_loaded.connect(self.reset)
        window.external_link_blocked.connect(self.on_external_link)
        window.page_shown.connect(lambda _address: self.hide_keyboard())
        window.content_language_changed.connect(self._follow_content_language)
        self._apply_text_scale()
        self._compact: bool | None = None
        #: The full bar's width by (language, print button, language switch), px.
        self._full_needs: dict[tuple[str, bool, bool], int] = {}
        self._fit_width()  # the stylesheet last, so every named button is styled
        if window.library is not None:
            self.reset()

    # setting up ------------------------------------------------------------------------

    def _build_controls(self) -> None:
        w = self.window
        self.corner = HotCorner(self.policy.clinic_name or "Lantern")
        self.corner.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.corner.triggered.connect(self.open_pin_dialog)
        self.corner.setMaximumWidth(200)
        self.smaller_action = make_action(self, Act.TEXT_SMALLER,
                                          lambda: self.change_text_size(-1))
        self.larger_action = make_action(self, Act.TEXT_LARGER, lambda: self.change_text_size(+1))
        self.start_over_action = make_action(self, Act.START_OVER, self.reset)
        self.print_action = make_action(self, Act.KIOSK_PRINT, self.print_page)
        #: Where kiosk printing goes: the default printer, no dialog (tests put a PDF here).
        self.printer_factory: Callable[[], QPrinter | None] = default_printer
        #: EN | ES: the visitor's language, until the next reset.
        self.language = LanguageSwitch(w, self)
        w.add_toolbar_controls(self.corner, self.language.controls() + self._controls())
        w.ui_language_changed.connect(self._rename_controls)  # the kiosk's language button

        self.keyboard = OnScreenKeyboard()
        self.keyboard.hide_requested.connect(self.hide_keyboard)
        self._search_tapped = False
        self.keyboard.key_sent.connect(self._after_key)
        w.search_finished.connect(self._after_search)
        self.keyboard_dock = QDockWidget(w)
        self.keyboard_dock.setObjectName("keyboardDock")
        self.keyboard_dock.setTitleBarWidget(QWidget())
        self.keyboard_dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.keyboard_dock.setAllowedAreas(Qt.DockWidgetArea.TopDockWidgetArea
                                           | Qt.DockWidgetArea.BottomDockWidgetArea)
        self.keyboard_dock.setWidget(self.keyboard)
        self.keyboard_dock.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        w.add_bottom_panel(self.keyboard_dock)
        self._rename_controls()
        self.keyboard_dock.hide()

    def _controls(self) -> list[tuple[QAction, str, str]]:
        """The kiosk's buttons on the toolbar: action, object name, accessible name."""
        controls = [(self.smaller_action, "smallerTextButton", translate("Kiosk", "Smaller text")),
                    (self.larger_action, "largerTextButton", translate("Kiosk", "Larger text"))]
        if self.policy.allow_print:  # straight to the clinic's printer: no dialog, no files
            controls.append((self.print_action, "kioskPrintButton",
                             translate("Kiosk", "Print this page")))
        controls.append((self.start_over_action, "startOverButton",
                         translate("Kiosk", "Start over")))
        return controls

    def _rename_controls(self, *_language: str) -> None:
        """The buttons' names in the interface's language (their texts are the actions')."""
        self.window.name_toolbar_controls(self._controls())
        self.keyboard_dock.setWindowTitle(translate("Kiosk", "Keyboard"))

    def start(self) -> None:
        """Show the window (full screen unless told otherwise) and start the idle clock."""
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        if self.fullscreen:
            self.window.showFullScreen()
        else:
            self.window.show()
        self._fit_width()
        self.guard.start()
        self.idle.start()


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
        if watched is self.window and kind == QEvent.Type.Close and not self._exiting:
            event.ignore()  # Alt+F4, the window manager, close(): none of them leave
            return True
        if watched is self.window and kind == QEvent.Type.Resize:
            self._fit_width()
        if watched is self.window and kind == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, self._fit_width)  # once the window has said its new words
        if kind in (QEvent.Type.ContextMenu, QEvent.Type.ToolTip, QEvent.Type.WhatsThis):
            return True  # no context menus anywhere; nothing that needs hovering
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and \
                isinstance(event, QKeyEvent) and self._is_blocked_key(event):
            event.accept()  # claimed here, so no shortcut sees it either
            return True
        # A field tapped, even one that has the focus still (the keyboard hidden by its own
        # key or by a search), brings the keyboard up.
        if kind in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress) and \
                isinstance(watched, QLineEdit) and watched.window() is self.window:
            self.show_keyboard(watched)
        return False

    def _fit_width(self) -> None:
        """The compact toolbar on a narrow screen; the clinic's name cut shorter there.

        Below style.compact_below the bar is compact. Above it, the full bar's own need
        decides, measured in the words of the language on show: Spanish labels are a
        quarter longer, and a full bar too wide for the screen would cut them short."""
        width = self.window.width()
        key = (messages.language(), self.policy.allow_print, self.language.shown)
        if self._compact is False:  # the full bar is on: what it needs is known now
            self._full_needs[key] = self.window.toolbar_width_needed()
        needed = max(compact_below(self.policy.allow_print, self.language.shown),
                     self._full_needs.get(key, 0) - BAR_SLACK)
        compact = width < needed
        if compact != self._compact:
            self._compact = compact
            self.corner.setMaximumWidth(120 if compact else 200)  # a longer name ends in …
            self.window.setStyleSheet(kiosk_qss(compact=compact))
            self._wrap_labels(compact)
            if not compact:
                self._fit_width()  # measure the full bar, and leave it if it does not fit
        elif compact:
            self._wrap_labels(compact)  # new words since: a language switch

    def _wrap_labels(self, compact: bool) -> None:
        """On the compact bar, a label of several words on two lines ("¿Necesita / ayuda
        ahora?") so it stays whole at 1024 px, and the search hint in a word ("Buscar")."""
        self.window.fold_toolbar_labels(compact, translate("Kiosk", "Search") if compact else "")

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
        self.overlay.stop()
        self.hide_keyboard()
        self._scale = DEFAULT_SCALE
        self._apply_text_scale()
        restore_default_language(self.window)
        self.window.reset()  # every panel of the window resets itself, then Home
        self._show_language()  # the clinic's language again, on the switch and the keyboard
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
        css = scale_css(self._base_css, self.text_scale) + kiosk_css()
        self.window.set_reading_css(css)
        self.smaller_action.setEnabled(self._scale > 0)
        self.larger_action.setEnabled(self._scale < len(TEXT_SCALES) - 1)

    def _follow_content_language(self, code: str) -> None:
        """A page's translation link took the visitor to another language: the kiosk's own
        words follow, so one visitor never reads a Spanish page under an English bar."""
        if code and code != messages.language():
            self.window.set_ui_language(code)  # switches the words; the content is there
        self._show_language()

    def _show_language(self) -> None:
        """The switch and the on-screen keyboard in the content language on show."""
        w = self.window
        self.language.show_language(w.content_language, w.content_languages)
        self.keyboard.set_language(w.content_language)
        self._fit_width()  # the switch may have come or gone with the library

    def show_keyboard(self, field: QWidget | None = None) -> None:
        """Under the field being typed in (the search field at the top of the screen, a
        panel's filter), or at the bottom for a field low on the screen (find in page)."""
        top = Qt.DockWidgetArea.TopDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        area = bottom
        if field is not None:
            y = field.mapTo(self.window, QPoint(0, field.height())).y()
            area = top if y < self.window.height() // 2 else bottom
        if self.window.dockWidgetArea(self.keyboard_dock) != area:
            self.window.addDockWidget(area, self.keyboard_dock)
        self.keyboard_dock.show()

    def hide_keyboard(self) -> None:
        self.keyboard_dock.hide()

    def _after_key(self, name: str) -> None:
        # Whether the last key tapped was Search (Enter), for `_after_search`.
        self._search_tapped = name == Qt.Key.Key_Return.name

    def _after_search(self) -> None:
        """Results of a search the keyboard's Search key asked for: the keyboard steps
        aside, so the results it covered come into view (a tap on the field brings it
        back). A search made as the visitor types leaves it up."""
        if self._search_tapped:
            self._search_tapped = False
            self.hide_keyboard()

    # links and the admin exit -----------------------------------------------------------

    def _show_notice(self, name: str, title: str, text: str, details: str = "") -> None:
        """One notice at a time, closed by Ok or by the next reset."""
        if self.notice is not None:
            self.notice.close()
        self.notice = QMessageBox(QMessageBox.Icon.Information, title, text,
                                  QMessageBox.StandardButton.Ok, self.window)
        host_in_window(self.notice, self.window)
        if details:
            self.notice.setInformativeText(details)
        self.notice.setObjectName(name)
        self.notice.open()

    def on_external_link(self, url: QUrl) -> None:
        """Websites cannot be opened here; say so and show the address to note down."""
        self._show_notice("externalLinkNotice", translate("Kiosk", "Website links are off here"),
                          translate("Kiosk", "This link goes to a website, which this screen "
                                    "cannot open."),
                          translate("Kiosk", "You can note the address and look it up later:")
                          + f"\n\n{url.toString()}")

    def print_page(self) -> bool:
        """`[allow] print`: the page on show, with its references, to the default printer."""
        page = self.window.current_page()
        document = self.window.print_document()
        if not self.policy.allow_print or page is None or document is None:
            return False
        printer = self.printer_factory()
        if printer is None:
            self._show_notice("printNotice", translate("Kiosk", "No printer here"),
                              translate("Kiosk", "This screen has no printer set up. Please ask "
                                        "at the front desk."))
            return False
        document.print_(printer)
        self._show_notice("printNotice", translate("Kiosk", "Printing"),
                          translate("Kiosk", "“{title}” is on its way to the printer.").format(
                              title=page.title))
        return True

    def open_pin_dialog(self) -> None:
        if not self.policy.admin_pin_hash:
            # Nothing to enter, and nothing for visitors to read: how to set a PIN is in
            # the journal at every start and in the staff's documentation.
            return
        if self.pin_dialog is None:
            self.pin_dialog = PinDialog(self.window)
            host_in_window(self.pin_dialog, self.window)
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
        self._wrong_pins += 1  # not logged: what visitors do stays off the disk
        if self._wrong_pins >= WRONG_PINS_BEFORE_LOCKOUT:
            log.warning("%d wrong staff PINs in a row: the staff corner is locked for %d s",
                        self._wrong_pins, self.lockout_ms // 1000)
            self._wrong_pins = 0
            self.corner.locked = True
            QTimer.singleShot(self.lockout_ms, self._unlock_corner)
            if dialog is not None:
                dialog.reject()
        elif dialog is not None:
            dialog.refuse(translate("Kiosk", "That PIN is not right."))

    def _unlock_corner(self) -> None:
        self.corner.locked = False

    def exit_kiosk(self) -> None:
        """Leave kiosk mode: the only way the window closes."""
        self._exiting = True
        log.info("kiosk mode left with the staff PIN")
        self.guard.stop()
        self.idle.stop()
        self.overlay.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.window.close()
        self.exited.emit()
