"""What keeps an unattended kiosk window whole against the window manager around it.

`WindowGuard` holds the window full screen, exactly the size of its screen (panels and the
on-screen keyboard can never grow it past the edge), shown and on top: minimised, hidden,
unmapped or taken out of full screen, it comes back by itself. When its native window is
destroyed from outside (which Qt does not notice on X11), the process ends with status 1,
so whatever started it (the systemd unit) starts a fresh one.

`host_in_window()` turns a dialog into a frameless child of the kiosk window, drawn over a
dimmed backdrop: the window manager never sees it, so it gets no title bar and no minimise
button, and cannot be moved off screen or behind the kiosk.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import time

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog, QLayout, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

EXIT_WINDOW_LOST = 1


class _X11:
    """A connection of our own to the X server, to ask about one window. ctypes over libxcb,
    which Qt's own X11 support already needs, so nothing is added to install."""

    UNMAPPED, VIEWABLE, GONE = "unmapped", "viewable", "gone"

    def __init__(self) -> None:
        name = ctypes.util.find_library("xcb") or "libxcb.so.1"
        xcb = ctypes.CDLL(name)
        xcb.xcb_connect.restype = ctypes.c_void_p
        xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
        xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
        xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
        xcb.xcb_get_window_attributes.restype = ctypes.c_uint  # a cookie: one sequence number
        xcb.xcb_get_window_attributes.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
        xcb.xcb_get_window_attributes_reply.restype = ctypes.c_void_p
        xcb.xcb_get_window_attributes_reply.argtypes = [ctypes.c_void_p, ctypes.c_uint,
                                                        ctypes.c_void_p]
        self._free = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").free
        self._free.argtypes = [ctypes.c_void_p]
        self._xcb = xcb
        self._conn = xcb.xcb_connect(None, None)
        if not self._conn or xcb.xcb_connection_has_error(self._conn):
            raise OSError("cannot connect to the X server")

    def window_state(self, window_id: int) -> str:
        error = ctypes.c_void_p()
        cookie = self._xcb.xcb_get_window_attributes(self._conn, window_id)
        reply = self._xcb.xcb_get_window_attributes_reply(self._conn, cookie,
                                                          ctypes.byref(error))
        if error.value:
            self._free(error.value)
        if not reply:
            if self._xcb.xcb_connection_has_error(self._conn):
                return self.VIEWABLE  # the server itself went away: Qt ends the process
            return self.GONE
        map_state = ctypes.cast(reply, ctypes.POINTER(ctypes.c_uint8))[26]  # reply byte 26
        self._free(reply)
        return self.VIEWABLE if map_state == 2 else self.UNMAPPED

    def close(self) -> None:
        if self._conn:
            self._xcb.xcb_disconnect(self._conn)
            self._conn = None


class WindowGuard(QObject):
    """Keeps `window` full screen, the size of its screen, shown and on top."""

    WATCHED = frozenset({QEvent.Type.WindowStateChange, QEvent.Type.Hide, QEvent.Type.Resize,
                         QEvent.Type.Move})

    def __init__(self, window: QWidget, fullscreen: bool = True, check_ms: int = 1000) -> None:
        super().__init__(window)
        self.window = window
        self.fullscreen = fullscreen
        self.active = False
        self.restores = 0  # how often the window had to be brought back (for tests and logs)
        self._x11: _X11 | None = None
        self._mapping_until = 0.0  # a remap is under way until then (time.monotonic())
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self.check)
        self._every = QTimer(self)
        self._every.setInterval(check_ms)
        self._every.timeout.connect(self.check)
        layout = window.layout()
        if layout is not None:
            # The panels' and keyboard's minimum sizes must never make the window bigger
            # than its screen; they share the screen instead.
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        window.setMinimumSize(0, 0)

    def start(self) -> None:
        self.active = True
        self.window.installEventFilter(self)
        if self.fullscreen and QGuiApplication.platformName() == "xcb":
            try:
                self._x11 = _X11()
            except OSError as exc:
                log.warning("cannot watch the kiosk window on X11: %s", exc)
        self._every.start()
        self._soon.start()

    def stop(self) -> None:
        self.active = False
        self.window.removeEventFilter(self)
        self._every.stop()
        self._soon.stop()
        if self._x11 is not None:
            self._x11.close()
            self._x11 = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in self.WATCHED and self.active:
            self._soon.start()  # after the event is done with: one check for a burst
        return False

    def target(self) -> tuple[int, int, int, int] | None:
        """The geometry the window must have: its screen's (None when not full screen)."""
        if not self.fullscreen:
            return None
        screen = self.window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return None
        g = screen.geometry()
        return g.x(), g.y(), g.width(), g.height()

    def check(self) -> None:
        """Bring the window back if anything took it away; end if its window is gone."""
        if not self.active:
            return
        w = self.window
        native = self._x11.window_state(int(w.winId())) if self._x11 is not None else ""
        if native == _X11.GONE:
            log.error("the kiosk window was destroyed from outside; ending so that a fresh "
                      "kiosk can be started")
            self.stop()
            QApplication.exit(EXIT_WINDOW_LOST)
            return
        if not self.fullscreen:
            if not w.isVisible():
                self._restore(remap=True)
            return
        away = (w.isMinimized() or not w.isFullScreen() or not w.isVisible()
                or native == _X11.UNMAPPED)
        # Minimised by the window manager, the window is unmapped too, but un-minimising it
        # maps it back; hiding it would take it from the window manager, which then has to
        # manage it afresh. Once it is on its way back, the window manager takes its time
        # to map it: until the next periodic check, unmapped is no reason to start again.
        remap = (native == _X11.UNMAPPED and not w.isMinimized()) or not w.isVisible()
        if native == _X11.UNMAPPED:
            if time.monotonic() < self._mapping_until:
                away = False
            elif away:
                self._mapping_until = time.monotonic() + self._every.interval() / 1000
        if away:
            self._restore(remap=remap)
        target = self.target()
        g = w.geometry()
        if target is not None and (g.x(), g.y(), g.width(), g.height()) != target:
            w.setGeometry(*target)

    def _restore(self, remap: bool) -> None:
        w = self.window
        self.restores += 1
        log.info("the kiosk window was %s; bringing it back",
                 "unmapped or hidden" if remap else "minimised or out of full screen")
        if remap and w.isVisible():
            w.hide()  # Qt believes it is shown; hide and show maps it again
        state = w.windowState() & ~Qt.WindowState.WindowMinimized
        if self.fullscreen:
            w.setWindowState(state | Qt.WindowState.WindowFullScreen)
            w.showFullScreen()
        else:
            w.setWindowState(state)
            w.show()
        w.raise_()
        w.activateWindow()


class _Backdrop(QWidget):
    """Dims the kiosk window behind a hosted dialog and swallows every tap outside it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("dialogBackdrop")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.window_ = window
        self.box = QVBoxLayout(self)
        window.installEventFilter(self)
        self.hide()

    def cover(self) -> None:
        self.setGeometry(self.window_.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window_ and event.type() == QEvent.Type.Resize:
            self.cover()
        return False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # a tap beside the dialog does nothing (the dialog stays modal)


def host_in_window(dialog: QDialog, window: QWidget) -> QDialog:
    """Make `dialog` a frameless child of `window`, centred over a dimmed backdrop that
    shows and hides with it. Returns the dialog (open(), accept(), reject() as before)."""
    backdrop = _Backdrop(window)
    dialog.setParent(backdrop, Qt.WindowType.Widget)
    dialog.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    backdrop.box.addWidget(dialog, 0, Qt.AlignmentFlag.AlignCenter)
    dialog.installEventFilter(_ShowWith(backdrop, dialog))
    return dialog


class _ShowWith(QObject):
    """Shows the backdrop (full window, on top) with its dialog, and hides it once the
    dialog is done (accepted, rejected or closed: every kiosk dialog ends that way)."""

    def __init__(self, backdrop: _Backdrop, dialog: QDialog) -> None:
        super().__init__(dialog)
        self._backdrop = backdrop
        dialog.finished.connect(lambda _result: backdrop.hide())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only showing: hiding also happens while the window is being destroyed, when the
        # backdrop is half gone.
        if event.type() == QEvent.Type.ShowToParent and shiboken6.isValid(self._backdrop):
            self._backdrop.cover()
            self._backdrop.show()
            self._backdrop.raise_()
        return False
