"""Typing benchmark: keystroke to suggestions shown, and keystroke to live results, in the
real window (offscreen), on a big pack.

    python bench/keystrokes.py [--size medquad] [--work DIR]

Each keystroke is sent to the search field with QTest. "Suggestions" is the time until the
popup has been filled and shown for exactly the text typed (computed on a worker thread;
stale answers are dropped, so a burst of typing does not queue up work). "Results" is the
time until the results list shows the full search for the finished word (debounced, also
off the GUI thread). "Longest GUI stall" is the longest gap between two ticks of a 5 ms
timer while typing: how long the window could not react.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

WORDS = ["diabetes", "glaucoma", "heart attack", "psoriasis", "what is gout", "dmn",
         "ketamine", "high blood pressure", "migraine", "asthma in children"]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="medquad", help="bundled, a number, or medquad")
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="lantern-typing-"))
    os.environ["LANTERN_CACHE_DIR"] = str(work / "cache")

    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtTest import QTest

    from lantern.ui.app import create_app
    from lantern.ui.window.main_window import MainWindow

    import corpora

    pack = corpora.make_pack(args.size, work)
    # The index and library cache are built first, with the `lantern` command: what is
    # timed is typing into a window whose pack is loaded (the first run has its own
    # benchmark, bench/startup.py --first-run).
    import subprocess

    from startup import lantern_command

    subprocess.run([*lantern_command(), "index", str(pack)], check=True, capture_output=True)
    load_before = corpora.load_average()
    _app = create_app()  # kept alive for the whole run
    settings = QSettings(str(work / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow([pack], settings=settings)
    window.resize(1280, 800)
    window.show()

    def wait(signal, timeout_ms: int = 600000) -> None:  # type: ignore[no-untyped-def]
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)

    started = time.perf_counter()
    QTimer.singleShot(0, window.start_loading)
    wait(window.library_loaded)
    if window.library is None:
        raise SystemExit("the pack did not load within the time allowed")
    print(f"pack {args.size}: {len(window.library.faqs)} FAQs, ready in "
          f"{time.perf_counter() - started:.1f} s", file=sys.stderr)

    # A 5 ms heartbeat: gaps between its ticks show how long the GUI thread was busy.
    clock = QElapsedTimer()
    clock.start()
    ticks: list[int] = []
    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: ticks.append(clock.elapsed()))
    heartbeat.start()

    suggest_ms: list[float] = []
    results_ms: list[float] = []
    window.activateWindow()
    field = window.search_field
    for word in WORDS:
        field.setFocus()
        field.clear()
        for char in word:
            shown: list[float] = []
            expected = field.text() + char

            def on_shown(text: str, expected: str = expected, shown: list[float] = shown) -> None:
                if text == expected and not shown:
                    shown.append(time.perf_counter())

            window.suggestions.suggestions_shown.connect(on_shown)
            t0 = time.perf_counter()
            QTest.keyClick(field, char)
            loop = QEventLoop()
            poll = QTimer()
            poll.timeout.connect(lambda shown=shown, loop=loop: shown and loop.quit())
            poll.start(1)
            QTimer.singleShot(5000, loop.quit)
            loop.exec()
            poll.stop()
            window.suggestions.suggestions_shown.disconnect(on_shown)
            if shown:
                suggest_ms.append((shown[0] - t0) * 1000)
        t0 = time.perf_counter()
        QTest.keyClick(field, Qt.Key.Key_Return)
        wait(window.search_finished, 10000)
        results_ms.append((time.perf_counter() - t0) * 1000)
    heartbeat.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]

    print(corpora.machine_line(load_before,
                               f" (QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']})"))
    print(f"pack: {args.size} ({len(window.library.faqs)} FAQs, {len(window.library.terms)} "
          f"glossary terms); {len(suggest_ms)} keystrokes, {len(results_ms)} searches")
    print()
    print("| figure | median ms | p95 ms | max ms | target |")
    print("|---|---:|---:|---:|---|")
    print(f"| keystroke → suggestions shown | {statistics.median(suggest_ms):.1f} | "
          f"{_pct(suggest_ms, 0.95):.1f} | {max(suggest_ms):.1f} | p95 < 50 |")
    print(f"| Enter → full results shown | {statistics.median(results_ms):.1f} | "
          f"{_pct(results_ms, 0.95):.1f} | {max(results_ms):.1f} | |")
    print(f"| longest GUI stall while typing (5 ms heartbeat gap) | "
          f"{statistics.median(gaps):.1f} | {_pct(gaps, 0.95):.1f} | {max(gaps):.1f} | |")
    if args.size != "bundled":
        print()
        print(corpora.MEDQUAD_CREDIT)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
