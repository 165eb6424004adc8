"""The pieces of kiosk mode that are widgets of their own: the idle watcher, the "Still
reading?" countdown, the hidden admin corner and the PIN dialog. `controller.py` wires them."""

from __future__ import annotations

import math

from PySide6.QtCore import QDeadlineTimer, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lantern.ui.kiosk.onscreen_keyboard import OnScreenKeyboard
from lantern.ui.words import translate

ACTIVITY_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.TouchBegin, QEvent.Type.Wheel,
})


class IdleWatcher(QObject):
    """Application-wide: any key press, click, touch or wheel restarts the idle clock."""

    activity = Signal()
    idle = Signal()

    def __init__(self, idle_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(idle_ms, 1))
        self._timer.timeout.connect(self.idle)

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS:
            self._timer.start()
            self.activity.emit()
        return False


class CountdownOverlay(QWidget):
    """Covers the window: "Still reading?", a big Yes button and the seconds left."""

    confirmed = Signal()
    expired = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("countdownOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        card = QFrame(self)
        card.setObjectName("countdownCard")
        self.title = title = QLabel()
        title.setObjectName("countdownTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel()
        self.message.setObjectName("countdownMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.yes_button = QPushButton()
        self.yes_button.setObjectName("stillReadingButton")
        self.yes_button.setMinimumSize(360, 88)
        self.yes_button.clicked.connect(self.confirm)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(40, 32, 40, 32)
        inner.setSpacing(18)
        inner.addWidget(title)
        inner.addWidget(self.message)
        inner.addWidget(self.yes_button, 0, Qt.AlignmentFlag.AlignCenter)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self._deadline = QDeadlineTimer()
        self._end = QTimer(self)
        self._end.setSingleShot(True)
        self._end.timeout.connect(self._expire)
        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self._update_message)
        parent.installEventFilter(self)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        """The overlay's words in the interface's language."""
        self.title.setText(translate("Kiosk", "Still reading?"))
        self.yes_button.setText(translate("Kiosk", "Yes, I'm still reading"))
        if self.isVisible():
            self._update_message()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fit(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def start(self, warning_ms: int) -> None:
        self._fit()
        self._deadline = QDeadlineTimer(warning_ms)
        self._end.start(max(warning_ms, 1))
        self._tick.start()
        self._update_message()
        self.show()
        self.raise_()

    def stop(self) -> None:
        self._end.stop()
        self._tick.stop()
        self.hide()

    @property
    def seconds_left(self) -> int:
        return math.ceil(self._deadline.remainingTime() / 1000)

    def confirm(self) -> None:
        if self.isVisible():
            self.stop()
            self.confirmed.emit()

    def _expire(self) -> None:
        self.stop()
        self.expired.emit()

    def _update_message(self) -> None:
        n = self.seconds_left
        self.message.setText(translate(
            "Kiosk", "Lantern will start over in %n second,\nso the next person sees a clean "
            "screen.", "Lantern will start over in %n seconds,\nso the next person sees a "
            "clean screen.", n))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._fit()
        return False


class HotCorner(QLabel):
    """The clinic's name in the top-left corner. A long press or five quick taps on it is the
    hidden gesture that asks for the admin PIN."""

    triggered = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        self.setTextFormat(Qt.TextFormat.PlainText)  # the clinic's name is text, never markup
        self.setText(text)
        self.setObjectName("hotCorner")
        self.setMinimumSize(64, 48)
        self.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self.long_press_ms = 3000
        self.taps_needed = 5
        self.tap_window_ms = 4000
        self.locked = False
        self._taps = 0
        self._press = QTimer(self)
        self._press.setSingleShot(True)
        self._press.timeout.connect(self._fire)
        self._window = QTimer(self)
        self._window.setSingleShot(True)
        self._window.timeout.connect(self._forget_taps)

    def setText(self, text: str) -> None:
        self.full_text = text
        self.setAccessibleName(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def minimumSizeHint(self) -> QSize:
        return QSize(64, 48)

    def sizeHint(self) -> QSize:
        full = self.fontMetrics().horizontalAdvance(self.full_text)
        margins = self.contentsMargins()
        return QSize(min(full + margins.left() + margins.right() + 12, self.maximumWidth()), 48)

    def _elide(self) -> None:
        full = self.full_text
        room = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight, room) \
            if room > 0 else full
        super().setText(shown)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.locked:
            return
        self._press.start(self.long_press_ms)
        if not self._window.isActive():
            self._window.start(self.tap_window_ms)
        self._taps += 1
        if self._taps >= self.taps_needed:
            self._fire()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press.stop()

    def _forget_taps(self) -> None:
        self._taps = 0

    def _fire(self) -> None:
        self._press.stop()
        self._window.stop()
        self._taps = 0
        self.triggered.emit()


class PinDialog(QDialog):
    """Asks for the admin PIN with a number pad. It only collects the PIN: the controller
    checks it and either exits or calls `refuse()`."""

    pin_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowTitle(translate("Kiosk", "Staff only"))
        self.setModal(True)
        prompt = QLabel(translate("Kiosk", "Enter the staff PIN to leave kiosk mode."))
        prompt.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setObjectName("pinField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(translate("Kiosk", "PIN"))
        self.field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.message = QLabel("")
        self.message.setObjectName("pinMessage")
        self.keypad = OnScreenKeyboard(digits_only=True)
        self.keypad.target = self.field
        self.unlock_button = QPushButton(translate("Kiosk", "Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._submit)
        self.cancel_button = QPushButton(translate("Kiosk", "Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.field)
        layout.addWidget(self.message)
        layout.addWidget(self.keypad)
        layout.addLayout(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.field.setFocus()

    def _submit(self) -> None:
        pin = self.field.text()
        self.field.setText("")
        if pin:
            self.pin_entered.emit(pin)

    def refuse(self, message: str) -> None:
        self.message.setText(message)
        self.field.setFocus()

