"""How the kiosk's guard brings back a window the X server reports unmapped: un-minimised
when the window manager minimised it, mapped again only once while the window manager is
still mapping it. The X server's answer is stood in for; tests/x11/ has the real one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from lantern.ui.kiosk.guard import _X11, WindowGuard


class _Server:
    """Answers the guard's question about the window's map state."""

    def __init__(self) -> None:
        self.state = _X11.VIEWABLE

    def window_state(self, window_id: int) -> str:
        return self.state

    def close(self) -> None:
        pass


class _Hides(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and not event.spontaneous():  # hide() called
            self.count += 1
        return False


@pytest.fixture
def guarded(qtbot) -> Iterator[tuple[QWidget, WindowGuard, _Server, _Hides]]:
    window = QWidget()
    qtbot.addWidget(window)
    window.showFullScreen()
    qtbot.waitUntil(window.isFullScreen, timeout=3000)
    guard = WindowGuard(window, check_ms=60_000)  # only the checks the test asks for
    server = _Server()
    hides = _Hides()
    window.installEventFilter(hides)
    guard.start()
    guard._x11 = server  # type: ignore[assignment]
    yield window, guard, server, hides
    guard.stop()


def test_minimised_by_the_window_manager_it_is_un_minimised_not_taken_away(qtbot, guarded):
    window, guard, server, hides = guarded
    server.state = _X11.UNMAPPED  # what minimising does to the window on X11
    window.showMinimized()
    qtbot.waitUntil(lambda: guard.restores == 1, timeout=3000)
    server.state = _X11.VIEWABLE
    qtbot.waitUntil(lambda: window.isFullScreen() and not window.isMinimized(), timeout=3000)
    # Hidden, the window would be withdrawn: the window manager would manage it afresh.
    assert hides.count == 0


def test_unmapped_from_outside_it_is_mapped_again_once_while_that_is_under_way(guarded):
    window, guard, server, hides = guarded
    server.state = _X11.UNMAPPED
    guard.check()
    assert (guard.restores, hides.count) == (1, 1)
    assert window.isVisible() and window.isFullScreen()
    # Its own hide and show, then the window manager framing it, each ask for a check; the
    # window is not mapped yet. Hiding it again each time would start it all over.
    guard.check()
    guard.check()
    assert (guard.restores, hides.count) == (1, 1)
    server.state = _X11.VIEWABLE
    guard.check()
    assert guard.restores == 1
