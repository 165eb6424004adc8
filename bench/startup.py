"""Start-up benchmark: process start to first painted window, Lantern against a floor.

    python bench/startup.py [--runs 7]

The floor is a bare PySide6 window with one dock, started the same way. Each run is a new
process; the time is taken from just before the process is spawned to the first Paint
event of the main window (and, for Lantern, to the moment search is usable). The index is
built once before timing, so the runs measure a warm start. Peak memory (the largest
resident set of the process, `ru_maxrss`) is taken at its end: for Lantern after one search
and one article read past search usable. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QTextBrowser

mode = sys.argv[1]
app = QApplication([])
marks = {}

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "paint" not in marks:
            marks["paint"] = time.time()
            if mode == "bare":
                QTimer.singleShot(0, app.quit)
        return False

if mode == "bare":
    window = QMainWindow()
    window.setCentralWidget(QTextBrowser())
    window.addDockWidget(
        __import__("PySide6.QtCore").QtCore.Qt.DockWidgetArea.RightDockWidgetArea,
        QDockWidget("Dock"))
else:
    from lantern.core import paths
    from lantern.ui.window.main_window import MainWindow
    window = MainWindow([paths.content_dir()])
    def ready():
        marks["ready"] = time.time()
        window.search_finished.connect(read)
        window.search.run_now("DMN")
    def read(_response):
        window.navigate("lantern:article/psilocybin-and-the-brain")
        window.go_home()  # the next run starts on the home page too
        QTimer.singleShot(0, app.quit)
    window.library_loaded.connect(ready)
    window.load_after_first_paint()
window.installEventFilter(FirstPaint(window))
window.resize(1200, 800)
window.show()
app.exec()
print(marks.get("paint", 0), marks.get("ready", 0),
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run_once(mode: str, env: dict[str, str]) -> tuple[float, float, float]:
    """Milliseconds to first paint and to search usable, and peak memory in MiB."""
    started = time.time()
    out = subprocess.run([sys.executable, "-c", CHILD, mode], env=env, capture_output=True,
                         text=True, check=True).stdout.split()
    paint, ready, peak_kib = float(out[0]), float(out[1]), float(out[2])
    return ((paint - started) * 1000, (ready - started) * 1000 if ready else 0.0,
            peak_kib / 1024)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="lantern-bench-"))
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               LANTERN_CACHE_DIR=str(scratch / "cache"),
               LANTERN_CONFIG_DIR=str(scratch / "config"))
    subprocess.run([sys.executable, "-m", "lantern", "index"], env=env, check=True,
                   capture_output=True)
    run_once("lantern", env)  # warms the OS file cache, and the library cache
    run_once("bare", env)
    bare, bare_peak, paint, ready, peak = [], [], [], [], []
    for _ in range(args.runs):
        b, _r, bm = run_once("bare", env)
        bare.append(b)
        bare_peak.append(bm)
        p, r, m = run_once("lantern", env)
        paint.append(p)
        ready.append(r)
        peak.append(m)
    floor = statistics.median(bare)
    rows = [
        ("start → first paint", statistics.median(paint), 1.5),
        ("start → search usable", statistics.median(ready), 2.5),
    ]
    memory_floor = statistics.median(bare_peak)
    memory = statistics.median(peak)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, {platform.system()} (QT_QPA_PLATFORM="
          f"{env['QT_QPA_PLATFORM']}), {args.runs} runs, medians")
    print()
    print("| figure | Lantern ms | floor ms (bare PySide6 window + dock) | ratio | target |")
    print("|---|---:|---:|---:|---:|")
    for name, value, target in rows:
        print(f"| {name} | {value:.0f} | {floor:.0f} | {value / floor:.2f} | ≤ {target} |")
    print()
    print("| figure | Lantern MiB | floor MiB (bare PySide6 window + dock) | ratio | target |")
    print("|---|---:|---:|---:|---:|")
    print(f"| peak memory (after a search and an article) | {memory:.1f} | {memory_floor:.1f} | "
          f"{memory / memory_floor:.2f} | ≤ 2 |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
