"""Links a finger can hit. Citation markers and glossary words are drawn in text, a few
pixels high; on a touch screen a tap within `RADIUS` px of a link follows the nearest one,
so every link is a target of at least 2 × RADIUS = 44 px."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QMouseEvent, QTextDocument
from PySide6.QtWidgets import QLabel, QTextBrowser

from lantern.ui.panels.text_views import TextDocument

RADIUS = 22
_STEP = 4
_MOVED = 10  # px: further than this between press and release is a drag, not a tap


def label_document(label: QLabel) -> tuple[QTextDocument, QPointF]:
    """The label's text laid out as the label lays it out (same text, font and width), and
    where in the label the document's top-left corner is drawn."""
    rect = label.contentsRect()
    document = TextDocument()  # loads no file the text names
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setHtml(label.text())
    document.setTextWidth(rect.width())
    spare = rect.height() - document.size().height()
    align = label.alignment()
    top = rect.top() + (spare if align & Qt.AlignmentFlag.AlignBottom
                        else spare / 2 if align & Qt.AlignmentFlag.AlignVCenter else 0)
    return document, QPointF(rect.left(), top)


class NearestLink(QObject):
    """Installed on a QTextBrowser or a rich-text QLabel: a tap near (not on) a link follows
    the nearest link."""

    def __init__(self, widget: QTextBrowser | QLabel) -> None:
        super().__init__(widget)
        self.widget = widget
        self._pressed: QPoint | None = None
        target = widget.viewport() if isinstance(widget, QTextBrowser) else widget
        target.installEventFilter(self)

    def anchor_at(self, pos: QPoint) -> str:
        widget = self.widget
        if isinstance(widget, QTextBrowser):
            return widget.anchorAt(pos)
        document, origin = label_document(widget)
        layout = document.documentLayout()
        return layout.anchorAt(QPointF(pos) - origin) if layout is not None else ""

    def follow(self, href: str) -> None:
        if isinstance(self.widget, QTextBrowser):
            self.widget.anchorClicked.emit(QUrl(href))
        else:
            self.widget.linkActivated.emit(href)

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
