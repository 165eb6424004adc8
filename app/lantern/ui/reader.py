"""The reading view: a QTextBrowser that shows composed pages and never leaves the pack."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

if TYPE_CHECKING:
    from lantern.core.compose import ComposedPage


#: The longest comfortable line, in average characters; wider windows get side margins.
MEASURE_CHARS = 78
MIN_MARGIN = 24


class ReaderView(QTextBrowser):
    """Shows one page at a time; every click on a link is handed to the window to route."""

    link_activated = Signal(QUrl)

    def __init__(self, stylesheet: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stylesheet = stylesheet
        self.page: ComposedPage | None = None
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.link_activated)
        self.setObjectName("reader")
        self.setAccessibleName("Reader")
        self.setAccessibleDescription("The article or answer being read")
        self.document().setDocumentMargin(MIN_MARGIN)

    def show_page(self, page: ComposedPage, anchor: str = "") -> None:
        self.page = page
        self.document().setDefaultStyleSheet(self._stylesheet)
        self.setHtml(f'<html><body><div class="page">{page.html}</div></body></html>')
        self._fit_measure()
        if anchor:
            self.scrollToAnchor(anchor)
        else:
            self.verticalScrollBar().setValue(0)

    def set_stylesheet(self, stylesheet: str) -> None:
        """Use another stylesheet (kiosk text sizes) and redraw the page at the same place."""
        self._stylesheet = stylesheet
        if self.page is not None:
            bar = self.verticalScrollBar()
            fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
            self.show_page(self.page)
            bar.setValue(round(fraction * bar.maximum()))

    def _fit_measure(self) -> None:
        """Centre the text in a column of about MEASURE_CHARS characters."""
        width = self.viewport().width()
        # Body text is set about a third larger than the widget font (article.css).
        column = self.fontMetrics().averageCharWidth() * MEASURE_CHARS * 1.4
        side = max(0.0, (width - column) / 2 - MIN_MARGIN)
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if abs(fmt.leftMargin() - side) >= 1:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            root.setFrameFormat(fmt)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_measure()

    def show_message(self, title: str, text: str) -> None:
        self.page = None
        self.document().setDefaultStyleSheet(self._stylesheet)
        self.setHtml(f'<div class="page"><h1>{title}</h1><p>{text}</p></div>')

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        # Nothing is fetched from outside: no remote images, no file: URLs.
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return None
        return super().loadResource(kind, url)
