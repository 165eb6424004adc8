"""Marks for the start-up benchmark, switched on by `LANTERN_BENCH_QUIT_AT`.

`LANTERN_BENCH_QUIT_AT=paint` quits at the window's first paint, `usable` once the library
is loaded and search works, `indexed` once the search index is also up to date (the first
run's build, or the update of a changed pack). Each mark reached is printed to standard
output as one line, `lantern-bench <mark> <wall-clock time> <CPU seconds used>`; at the
end one line gives the longest stall of the GUI thread between the first turn of the
event loop and the quit (`lantern-bench stall <longest ms> <stalls over 100 ms> <turns>`)
and one the peak memory (`lantern-bench peak-kib <KiB>`). Without the variable nothing
here runs.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "LANTERN_BENCH_QUIT_AT"
MARKS = ("paint", "usable", "indexed")
#: How often the stall timer asks to run, ms: a longer gap than this is the thread busy.
TICK_MS = 5
STALL_MS = 100


def requested() -> str:
    """The mark to quit at, or "" when the benchmark hook is off."""
    mark = os.environ.get(ENV, "")
    return mark if mark in MARKS else ""


class BenchMarks(QObject):
    def __init__(self, app: QApplication, window: QWidget, quit_at: str) -> None:
        super().__init__(window)
        self.app, self.window, self.quit_at = app, window, quit_at
        self.longest = 0.0
        self.stalls = 0
        self.turns = 0
        self._last = 0.0
        self._done = False
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        window.installEventFilter(self)
        window.library_loaded.connect(self._usable)  # type: ignore[attr-defined]

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last:
            gap = (now - self._last) * 1000
            self.longest = max(self.longest, gap)
            self.stalls += gap > STALL_MS
        self._last = now
        self.turns += 1

    def mark(self, name: str) -> None:
        if self._done:
            return
        # Wall-clock time, and the CPU time the process has used so far (all its threads):
        # the work done, which a loaded machine stretches less than the wall clock.
        print(f"lantern-bench {name} {time.time():.6f} {time.process_time():.6f}", flush=True)
        if name == self.quit_at:
            self._done = True
            self._tick()
            self._timer.stop()
            self.report()
            QTimer.singleShot(0, self.app.quit)

    def report(self) -> None:
        import resource

        print(f"lantern-bench stall {self.longest:.1f} {self.stalls} {self.turns}", flush=True)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if sys.platform == "darwin":
            peak //= 1024
        print(f"lantern-bench peak-kib {peak}", flush=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self.window:
            self.window.removeEventFilter(self)
            self.mark("paint")
        return False

    def _usable(self) -> None:
        self.mark("usable")
        if getattr(self.window, "index_updating", False):
            self.window.index_updated.connect(  # type: ignore[attr-defined]
                lambda: self.mark("indexed"))
        else:
            self.mark("indexed")


def install(app: QApplication, window: QWidget) -> BenchMarks | None:
    """Start the marks for the benchmark if `LANTERN_BENCH_QUIT_AT` asks for them."""
    quit_at = requested()
    return BenchMarks(app, window, quit_at) if quit_at else None
