"""Typing benchmark: keystroke to suggestions shown, and keystroke to live results, in the
real window (offscreen), on one pack or several side by side.

    python bench/keystrokes.py [--sizes bundled,medquad] [--rounds 3] [--work DIR]

One window per pack, all in this process and all loaded before timing starts; each word is
typed into every window in turn (which goes first alternates from word to word), so the
packs are compared on the same machine state, keystroke for keystroke. Each keystroke is
sent to the search field with QTest. "Suggestions" is the time until the popup has been
filled and shown for exactly the text typed (computed on a worker thread; stale answers are
dropped, so a burst of typing does not queue up work). "Results" is the time until the
results list shows the full search for the finished word (debounced, also off the GUI
thread). "Longest GUI stall" is the gap between two ticks of a 5 ms timer while typing:
how long the window could not react. With two packs or more, the p95 of each is divided by
the first pack's (target: 16 423 questions ≤ 1.2 × the bundled pack).
"""

from __future__ import annotations

import argparse
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


class Side:
    """One pack's window and what was measured on it."""

    def __init__(self, size: str, window: object) -> None:
        self.size, self.window = size, window
        self.suggest_ms: list[float] = []
        self.results_ms: list[float] = []
        self.gaps: list[float] = []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", "--size", default="bundled,medquad",
                        help="packs, comma-separated: bundled, a number, or medquad (all)")
    parser.add_argument("--rounds", type=int, default=3, help="times the words are typed")
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="lantern-typing-"))

    # The index and library cache of each pack are built first, with the `lantern`
    # command: what is timed is typing into a window whose pack is loaded (the first run
    # has its own benchmark, bench/startup.py --first-run).
    import subprocess

    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtTest import QTest

    from lantern.ui.app import create_app
    from lantern.ui.window.main_window import MainWindow

    import corpora
    from startup import lantern_command

    def wait(signal, timeout_ms: int = 600000) -> None:  # type: ignore[no-untyped-def]
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)

    sizes = [s for s in args.sizes.split(",") if s]
    load_before = corpora.load_average()
    _app = create_app()  # kept alive for the whole run
    sides: list[Side] = []
    for size in sizes:
        pack = corpora.make_pack(size, work / "packs")
        env = dict(os.environ, LANTERN_CACHE_DIR=str(work / "cache" / size))
        subprocess.run([*lantern_command(), "index", str(pack)], check=True,
                       capture_output=True, env=env)
        os.environ["LANTERN_CACHE_DIR"] = env["LANTERN_CACHE_DIR"]  # the window's cache
        settings = QSettings(str(work / f"ui-{size}.ini"), QSettings.Format.IniFormat)
        window = MainWindow([pack], settings=settings)
        window.resize(1280, 800)
        window.show()
        started = time.perf_counter()
        QTimer.singleShot(0, window.start_loading)
        wait(window.library_loaded)
        if window.library is None:
            raise SystemExit(f"the pack {size} did not load within the time allowed")
        window.suggestions.wait()  # its word list for suggestions is built
        print(f"pack {size}: {len(window.library.faqs)} FAQs, ready in "
              f"{time.perf_counter() - started:.1f} s", file=sys.stderr)
        sides.append(Side(size, window))

    # A 5 ms heartbeat: gaps between its ticks show how long the GUI thread was busy.
    clock = QElapsedTimer()
    clock.start()
    typing: list[Side] = []  # the side being typed into, for the heartbeat
    last: list[int] = []

    def tick() -> None:
        now = clock.elapsed()
        if last and typing:
            typing[0].gaps.append(now - last[0])
        last[:] = [now]

    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(tick)
    heartbeat.start()

    def type_word(side: Side, word: str) -> None:
        window = side.window
        window.activateWindow()  # type: ignore[attr-defined]
        field = window.search_field  # type: ignore[attr-defined]
        field.setFocus()
        field.clear()
        typing[:] = [side]
        last.clear()
        for char in word:
            shown: list[float] = []
            expected = field.text() + char

            def on_shown(text: str, expected: str = expected, shown: list[float] = shown) -> None:
                if text == expected and not shown:
                    shown.append(time.perf_counter())

            window.suggestions.suggestions_shown.connect(on_shown)  # type: ignore[attr-defined]
            t0 = time.perf_counter()
            QTest.keyClick(field, char)
            loop = QEventLoop()
            poll = QTimer()
            poll.timeout.connect(lambda shown=shown, loop=loop: shown and loop.quit())
            poll.start(1)
            QTimer.singleShot(5000, loop.quit)
            loop.exec()
            poll.stop()
            window.suggestions.suggestions_shown.disconnect(on_shown)  # type: ignore[attr-defined]
            if shown:
                side.suggest_ms.append((shown[0] - t0) * 1000)
        t0 = time.perf_counter()
        QTest.keyClick(field, Qt.Key.Key_Return)
        wait(window.search_finished, 10000)  # type: ignore[attr-defined]
        side.results_ms.append((time.perf_counter() - t0) * 1000)
        typing.clear()

    for n, word in enumerate(WORDS * args.rounds):
        for side in (sides if n % 2 == 0 else sides[::-1]):
            type_word(side, word)
    heartbeat.stop()

    print(corpora.machine_line(load_before,
                               f" (QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']})"))
    print(f"{len(WORDS)} words typed {args.rounds} times into each window in turn")
    print()
    print("| pack | figure | median ms | p95 ms | max ms | p95 ÷ first pack's |")
    print("|---|---|---:|---:|---:|---:|")
    first = sides[0]
    for side in sides:
        library = side.window.library  # type: ignore[attr-defined]
        name = f"{side.size} ({len(library.faqs)} FAQs)"
        for figure, values, base in (
                ("keystroke → suggestions shown", side.suggest_ms, first.suggest_ms),
                ("Enter → full results shown", side.results_ms, first.results_ms),
                ("GUI stall while typing (5 ms heartbeat gap)", side.gaps, first.gaps)):
            ratio = _pct(values, 0.95) / _pct(base, 0.95) if base and values else float("nan")
            print(f"| {name} | {figure} | {statistics.median(values):.1f} | "
                  f"{_pct(values, 0.95):.1f} | {max(values):.1f} | {ratio:.2f} |")
    print()
    print("Targets: keystroke → suggestions p95 < 50 ms at 10 000; at 16 423 ≤ 1.2 × the "
          "bundled pack's.")
    if any(side.size != "bundled" for side in sides):
        print()
        print(corpora.MEDQUAD_CREDIT)
    for side in sides:
        side.window.close()  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main())
