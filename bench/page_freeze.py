"""How long the window's GUI thread stops while it opens slow pages.

    QT_QPA_PLATFORM=offscreen python bench/page_freeze.py [--rounds 3] [--json FILE]

The pages are the slow-but-valid articles of `tests/hostile/recipes.py` (`SLOW_PAGES`),
added to a copy of the fixture pack. The real window is loaded once; for each page a
QTimer ticks every 5 ms, the page is opened through `MainWindow.navigate` and the run waits
until the reader shows it; the largest gap between two ticks is how long the window could
not paint or take input. Home is opened between pages, each page is opened cold (nothing
kept from the round before), and the start's own background work is let finish first.
Prints a Markdown table: the largest gap, the time until the page was on show and the time
the reader took to set it (its `show_page`), median of the rounds; and the largest gap of
the same window doing nothing for 3 s, which is what the machine's own load costs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "app"))
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

TICK_MS = 5


class Heartbeat:
    """A timer whose largest gap between ticks is the longest the event loop stood still."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.gap = 0.0

    def start(self) -> None:
        self.last, self.gap = time.perf_counter(), 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gap = max(self.gap, now - self.last)
        self.last = now

    def stop(self) -> float:
        self._tick()  # a freeze that lasts until the end counts too
        self.timer.stop()
        return self.gap


def wait_until(done, timeout_s: float = 120.0) -> bool:  # type: ignore[no-untyped-def]
    loop = QEventLoop()
    end = time.perf_counter() + timeout_s
    while not done() and time.perf_counter() < end:
        QTimer.singleShot(TICK_MS, loop.quit)
        loop.exec()
    return bool(done())


def shown(window, address: str) -> bool:  # type: ignore[no-untyped-def]
    page = window.reader.page
    return page is not None and page.address == address


class ShowTimer:
    """How long the reader's own `show_page` (setting the HTML) took, each time."""

    def __init__(self, reader) -> None:  # type: ignore[no-untyped-def]
        self.spent: list[float] = []
        show = reader.show_page

        def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            try:
                return show(*args, **kwargs)
            finally:
                self.spent.append(time.perf_counter() - started)

        reader.show_page = timed


def open_page(window, address: str, shows: ShowTimer) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    """(largest tick gap, seconds until on show, seconds in show_page) for `address`."""
    beat = Heartbeat()
    beat.start()
    shows.spent.clear()
    started = time.perf_counter()
    window.navigate(address)
    if not wait_until(lambda: shown(window, address)):
        raise SystemExit(f"{address} never showed")
    took = time.perf_counter() - started
    wait_until(lambda: time.perf_counter() - started > took + 0.1)  # what follows, too
    return beat.stop(), took, max(shows.spent, default=0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pages", nargs="*", default=None)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from tests.hostile.recipes import SLOW_PAGES, slow_pack

    app = QApplication.instance() or QApplication([])
    names = tuple(args.pages or SLOW_PAGES)
    with tempfile.TemporaryDirectory() as scratch:
        where = Path(scratch)
        os.environ["LANTERN_CACHE_DIR"] = str(where / "cache")
        os.environ["LANTERN_CONFIG_DIR"] = str(where / "config")
        pack = slow_pack(where, names)
        from lantern.ui.window.main_window import MainWindow

        settings = QSettings(str(where / "ui.ini"), QSettings.Format.IniFormat)
        window = MainWindow([pack], settings=settings)
        window.resize(1200, 800)
        window.show()
        window.start_loading()
        if not wait_until(lambda: window.session.composer is not None and
                          window.reader.page is not None):
            raise SystemExit("the window never loaded")
        # The start's own background work ("Appears in" of every term) is let finish first.
        wait_until(lambda: getattr(window.session.composer, "appearances_known", True))
        opener = getattr(window.navigation, "opener", None)  # composes pages, keeps a few
        rows = {}
        shows = ShowTimer(window.reader)
        for name in names:
            gaps, times, sets = [], [], []
            for _ in range(args.rounds):
                if opener is not None:
                    opener.forget_kept()  # opened cold every round
                gap, took, spent = open_page(window, f"lantern:article/slow-{name}", shows)
                gaps.append(gap)
                times.append(took)
                sets.append(spent)
                open_page(window, "lantern:home", shows)
            rows[name] = {"gap_ms": statistics.median(gaps) * 1000,
                          "shown_ms": statistics.median(times) * 1000,
                          "set_ms": statistics.median(sets) * 1000}
        idle = Heartbeat()  # the same window doing nothing, for what the machine costs
        idle.start()
        started = time.perf_counter()
        wait_until(lambda: time.perf_counter() - started > 3)
        rows["(idle window, 3 s)"] = {"gap_ms": idle.stop() * 1000, "shown_ms": 0.0,
                                       "set_ms": 0.0}
        window.close()
    del app
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} CPUs, load average {load}; Python {sys.version.split()[0]}, "
          f"{args.rounds} rounds (median)\n")
    print("| page | largest GUI-thread gap (ms) | on show after (ms) | setting the page (ms) |")
    print("|---|---:|---:|---:|")
    for name, row in rows.items():
        print(f"| {name} | {row['gap_ms']:.0f} | {row['shown_ms']:.0f} | {row['set_ms']:.0f} |")
    if args.json:
        args.json.write_text(json.dumps({"load": os.getloadavg(), "rows": rows}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
