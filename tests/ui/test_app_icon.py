"""Lantern's window icon: the SVG from resources/desktop, drawn at the sizes desktops ask."""

from __future__ import annotations

import pytest

from PySide6.QtGui import QColor

from lantern.ui import app as app_module


@pytest.mark.parametrize("size", [16, 32, 48, 256])
def test_the_icon_draws_at_every_size_a_desktop_asks(qapp, size: int):
    icon = app_module.app_icon()
    assert not icon.isNull()
    image = icon.pixmap(size, size).toImage()
    assert image.width() == size
    # The night-blue tile fills the corner's neighbour, the lit glass the middle.
    tile = QColor(image.pixelColor(size // 8, size // 2))
    glass = QColor(image.pixelColor(size // 2, size * 9 // 16))
    assert tile.blue() > tile.red() and tile.alpha() == 255
    assert glass.red() > 200 and glass.green() > 150  # warm, bright
