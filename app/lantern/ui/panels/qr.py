"""QR codes for reference links, drawn from segno's module matrix: offline, no image files.

On a kiosk, scanning one with a phone is the only way a visitor can take a study with them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

#: Modules of light margin around the symbol; the QR standard asks for four.
QUIET_ZONE = 4


def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """The dark (True) and light modules of a full-size QR code (no micro QR) for `text`."""
    import segno  # loaded on first use, not at start-up

    qr = segno.make_qr(text, error="m")
    return tuple(tuple(bool(m) for m in row) for row in qr.matrix)


def qr_pixmap(text: str, module: int = 4) -> QPixmap:
    """`text` as a QR code, `module` pixels a module, always dark on light for phone cameras."""
    matrix = qr_matrix(text)
    side = (len(matrix) + 2 * QUIET_ZONE) * module
    pixmap = QPixmap(side, side)
    pixmap.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(pixmap)
    black = QColor(Qt.GlobalColor.black)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect((x + QUIET_ZONE) * module, (y + QUIET_ZONE) * module,
                                 module, module, black)
    painter.end()
    return pixmap
