"""Text views that never read a file: every resource their HTML names comes back empty.

QTextDocument asks its view for each image or stylesheet a page names; when the answer is
empty it reads the path itself, relative to the working directory (and the image handler
tries once more on its own). So every rich-text view in Lantern answers with a blank
one-pixel image for images and no bytes for anything else: `![c](dev/zero)` with the
working directory at `/` reads nothing. Tooltips are labels that cannot be asked, so text
from a pack goes into them escaped (`plain_tip`).
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser

_blank: list[QImage] = []


def no_resource(kind: int) -> Any:
    """The answer to every resource request: never None, which would make Qt read a file."""
    if kind == QTextDocument.ResourceType.ImageResource.value:
        if not _blank:
            image = QImage(1, 1, QImage.Format.Format_ARGB32)
            image.fill(0)
            _blank.append(image)
        return _blank[0]
    return QByteArray(b" ")


class TextBrowser(QTextBrowser):
    """A QTextBrowser that loads nothing."""

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        return no_resource(kind)


class TextDocument(QTextDocument):
    """A QTextDocument (delegates, printing) that loads nothing."""

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        return no_resource(kind)


def plain_tip(text: str) -> str:
    """`text` as a tooltip shows it literally: a name like `<img src=…>` stays words."""
    return f"<qt>{escape(text)}</qt>" if text else ""
