"""Links a finger can hit. Citation markers and glossary words are drawn in text, a few
pixels high; on a touch screen a tap within `RADIUS` px of a link follows the nearest one,
so every link is a target of at least 2 × RADIUS = 44 px."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QUrl
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QTextBrowser

RADIUS = 22
_STEP = 4
_MOVED = 10  # px: further than this between press and release is a drag, not a tap


class NearestLink(QObject):
    """Installed on a QTextBrowser: a tap near (not on) a link follows the nearest link."""

    def __init__(self, browser: QTextBrowser) -> None:
        super().__init__(browser)
        self.browser = browser
        self._pressed: QPoint | None = None
        browser.viewport().installEventFilter(self)

    def anchor_at(self, pos: QPoint) -> str:
        return self.browser.anchorAt(pos)

    def follow(self, href: str) -> None:
        self.browser.anchorClicked.emit(QUrl(href))

    def nearest(self, pos: QPoint) -> str:
        """The link drawn nearest to `pos` within RADIUS px ("" if none)."""
        best: tuple[int, str] | None = None
        for dy in range(-RADIUS, RADIUS + 1, _STEP):
            for dx in range(-RADIUS, RADIUS + 1, _STEP):
                distance = dx * dx + dy * dy
                if distance > RADIUS * RADIUS or (best is not None and distance >= best[0]):
                    continue
                href = self.anchor_at(pos + QPoint(dx, dy))
                if href:
                    best = (distance, href)
        return best[1] if best else ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QMouseEvent) or event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.position().toPoint()
        if event.type() == QEvent.Type.MouseButtonPress:
            self._pressed = pos
        elif event.type() == QEvent.Type.MouseButtonRelease and self._pressed is not None:
            pressed, self._pressed = self._pressed, None
            if (pos - pressed).manhattanLength() > _MOVED or self.anchor_at(pos):
                return False  # a drag, or a tap on the link itself: the widget's own
            href = self.nearest(pos)
            if href:
                self.follow(href)
                return True
        return False
