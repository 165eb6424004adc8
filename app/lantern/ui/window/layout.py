"""The main window's columns: the reading column keeps its measure first, and the side
panels and the results list give way to it; a reference opened gets room to be read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QWidget

if TYPE_CHECKING:
    from lantern.ui.window.main_window import MainWindow

#: The results list's width when it opens, and the most it takes of a wide window.
RESULTS_WIDTH, RESULTS_MAX_WIDTH = 340, 460
#: The narrowest a side panel is made to give the reading column room.
SIDE_MIN_WIDTH = 240
#: The reading column's narrowest, in characters of body text.
READING_FLOOR_CHARS = 62


def reading_floor(reader: QWidget) -> int:
    """The narrowest the reading column may be, in pixels (body text is a third larger
    than the widget font, as in the reader's measure)."""
    return int(reader.fontMetrics().averageCharWidth() * 1.35 * READING_FLOOR_CHARS)


def balance_columns(window: MainWindow) -> None:
    """Side panels narrower, down to SIDE_MIN_WIDTH, when they would squeeze the
    reading column (and the results list beside it) below its measure."""
    areas: dict[Qt.DockWidgetArea, QDockWidget] = {}
    for dock in window.findChildren(QDockWidget):
        area = window.dockWidgetArea(dock)
        if (dock.isVisible() and not dock.isFloating()
                and area in (Qt.DockWidgetArea.LeftDockWidgetArea,
                             Qt.DockWidgetArea.RightDockWidgetArea)
                and (area not in areas or dock.width() > areas[area].width())):
            areas[area] = dock
    if not areas:
        return
    centre = reading_floor(window.reader) + 40
    if window.results.isVisible():
        centre += RESULTS_WIDTH
    widths = [dock.width() for dock in areas.values()]
    over = sum(widths) + centre - window.width()
    if over <= 0:
        return
    spare = [max(w - SIDE_MIN_WIDTH, 0) for w in widths]
    if not sum(spare):
        return
    cut = min(over, sum(spare))
    new = [w - cut * room // sum(spare) for w, room in zip(widths, spare, strict=True)]
    window.resizeDocks(list(areas.values()), new, Qt.Orientation.Horizontal)
    if window.results.isVisible():
        window.splitter.setSizes([RESULTS_WIDTH, max(window.splitter.width() - RESULTS_WIDTH,
                                                   reading_floor(window.reader))])

def make_room_for_reference(window: MainWindow) -> None:
    """A reference opened (a citation clicked): the References panel tall enough for it,
    its QR code and link whole, and a few lines of the list; the Glossary gives way."""
    refs, glossary = window.references, window.glossary
    stacked = (glossary.isVisible() and not glossary.isFloating() and not refs.isFloating()
               and window.dockWidgetArea(glossary) == window.dockWidgetArea(refs)
               and not window.tabifiedDockWidgets(refs))
    if not stacked:
        return
    column = glossary.height() + refs.height()
    want = min(refs.wanted_height(), column - glossary.minimumSizeHint().height(),
               column * 2 // 3)
    if want > refs.height():
        window.resizeDocks([glossary, refs], [column - want, want], Qt.Orientation.Vertical)
