"""Side panels keep their contents off the window's edge and in line with their titles."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QDockWidget, QWidget

from lantern.ui.panels.docks import PANEL_MARGINS


def _right_gap(dock: QDockWidget, inner: QWidget) -> int:
    right = inner.mapTo(dock, QPoint(inner.width(), 0)).x()
    return dock.width() - right


def test_every_side_panel_s_contents_stand_off_its_edges(window):
    window.resize(1280, 800)
    window.show()
    docks = {d.objectName(): d for d in window.findChildren(QDockWidget)}
    inner = {
        "glossaryDock": docks["glossaryDock"].filter,
        "referencesDock": docks["referencesDock"].browser,
        "contentsDock": docks["contentsDock"].list,
        "bookmarksDock": docks["bookmarksDock"].empty,  # no bookmarks yet
    }
    for name, widget in inner.items():
        dock = docks[name]
        dock.show()
        dock.widget().layout().activate()
        left = widget.mapTo(dock, QPoint(0, 0)).x()
        assert left >= PANEL_MARGINS[0], name
        assert _right_gap(dock, widget) >= PANEL_MARGINS[2], name
