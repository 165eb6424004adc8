"""Start-up benchmark through the `lantern` command itself, against a bare-window floor.

    python bench/startup.py [--runs 9] [--sizes bundled,medquad] [--first-run bundled]

Every start is a new process of the installed `lantern` entry point (the console script
next to this Python, as a user runs it), with `LANTERN_BENCH_QUIT_AT` set: the window
prints a mark at its first paint, once search is usable and once the index is up to date,
and quits at the mark asked for (lantern/ui/platform/bench_hook.py). Time is taken from
just before the process is spawned. The floor is a bare PySide6 window with one dock,
started the same way, and the starts alternate in one run: floor, Lantern quitting at
first paint, Lantern quitting at search usable, for each pack, round after round. Each
ratio is taken within a round (Lantern's start over the floor's start just before it),
and the table gives the median of those paired ratios beside the medians of the times.
With `--baseline DIR` another version of Lantern (its `lantern` package in DIR) starts in
the same rounds, against the same floor starts: a before/after comparison in one run.

Warm starts (`--sizes`): the index and library cache are built once before timing. First
runs (`--first-run`): every start gets an empty cache folder, so the window parses the pack
and builds the index; the start quits once the index is built. Both report the longest
stall of the GUI thread (the largest gap between turns of a 5 ms timer, from the first
turn of the event loop to the quit) and the peak memory of the process. The machine and
its load (`os.getloadavg`) before and after are printed with the tables. Each mark also
carries the CPU time the process had used by then: the last column divides Lantern's by the
floor's, the work done, which a loaded machine stretches less than the wall clock.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import load_average, machine_line, make_pack, size_label

FLOOR = r"""
import resource, time
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QTextBrowser

app = QApplication([])

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj is window:
            window.removeEventFilter(self)
            print(f"lantern-bench paint {time.time():.6f} {time.process_time():.6f}",
                  flush=True)
            QTimer.singleShot(0, app.quit)
        return False

window = QMainWindow()
window.setCentralWidget(QTextBrowser())
window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, QDockWidget("Dock"))
window.installEventFilter(FirstPaint(window))
window.resize(1200, 800)
window.show()
app.exec()
print(f"lantern-bench peak-kib {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
"""

#: The floor of a first run: a one-shot process that reads the same Markdown files (and the
#: glossary) and builds an FTS5 index of them on disk, title and text of each.
FTS5_BUILD = r"""
import pathlib, sqlite3, sys, time
pack, database = pathlib.Path(sys.argv[1]), sys.argv[2]
db = sqlite3.connect(database)
db.execute("CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, title, body)")
rows = []
files = [p for folder in ("articles", "faq", "pages") for p in (pack / folder).glob("*.md")]
for path in files + [pack / "glossary.yaml"]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        continue
    head, _, body = text.partition("\n---\n") if text.startswith("---") else ("", "", text)
    title = next((line.split(":", 1)[1].strip() for line in head.splitlines()
                  if line.startswith(("title:", "question:"))), path.stem)
    rows.append((str(path), title, body))
db.executemany("INSERT INTO docs VALUES (?, ?, ?)", rows)
db.commit()
db.close()
print(f"lantern-bench fts5-built {time.time():.6f} {time.process_time():.6f} {len(rows)}")
"""

TARGETS = {"paint": 1.3, "usable": 2.0, "memory": 1.6, "big-usable": 1.5, "first-build": 10.0}


def lantern_command() -> list[str]:
    """The `lantern` console script installed beside this Python, else `python -m lantern`."""
    script = Path(sys.executable).with_name("lantern")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "lantern"]


def run_once(command: list[str], env: dict[str, str], timeout: float) -> dict[str, float]:
    """Milliseconds from spawn to each mark printed, the stall figures and peak MiB."""
    started = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    figures: dict[str, float] = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) < 3 or parts[0] != "lantern-bench":
            continue
        if parts[1] == "stall":
            figures["stall"], figures["stalls"] = float(parts[2]), float(parts[3])
        elif parts[1] == "peak-kib":
            figures["peak"] = float(parts[2]) / 1024
        else:
            figures[parts[1]] = (float(parts[2]) - started) * 1000
            if len(parts) > 3:  # the CPU time the process had used by then
                figures[f"{parts[1]}-cpu"] = float(parts[3]) * 1000
    return figures


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


BASELINE = " (baseline)"


def warm_rounds(packs: dict[str, Path], runs: int, base: dict[str, str],
                scratch: Path, baseline: Path | None = None
                ) -> dict[str, dict[str, list[float]]]:
    """Alternating floor / paint / usable starts on each pack, the index already built.
    With `baseline` (a folder holding another version's `lantern` package), that version's
    paint and usable starts join each round, before or after this one's in turn, against
    the same floor start."""
    sides: dict[str, dict[str, str]] = {}
    for size, pack in packs.items():
        versions = {size: dict(base)}
        if baseline is not None:
            versions[size + BASELINE] = dict(base, PYTHONPATH=str(baseline))
        for key, env in versions.items():
            env.update(LANTERN_CONTENT_DIR=str(pack),
                       LANTERN_CACHE_DIR=str(scratch / key / "cache"),
                       LANTERN_CONFIG_DIR=str(scratch / key / "config"))
            subprocess.run([*lantern_command(), "index"], env=env, check=True,
                           capture_output=True)
            # One untimed start of each: the OS file cache and the library cache are warm.
            run_once(lantern_command(), dict(env, LANTERN_BENCH_QUIT_AT="usable"), 600)
            sides[key] = env
    run_once([sys.executable, "-c", FLOOR], base, 120)
    out: dict[str, dict[str, list[float]]] = {
        key: {name: [] for name in ("floor", "floor-peak", "paint", "usable", "paint-ratio",
                                    "usable-ratio", "peak", "memory-ratio", "stall",
                                    "paint-cpu-ratio", "usable-cpu-ratio")}
        for key in sides}
    for number in range(runs):
        for size in packs:
            floor = run_once([sys.executable, "-c", FLOOR], base, 120)
            keys = [key for key in sides if key.split(" ")[0] == size]
            for key in keys if number % 2 == 0 else keys[::-1]:
                env = sides[key]
                paint = run_once(lantern_command(), dict(env, LANTERN_BENCH_QUIT_AT="paint"),
                                 600)
                usable = run_once(lantern_command(),
                                  dict(env, LANTERN_BENCH_QUIT_AT="usable"), 600)
                _add_round(out[key], floor, paint, usable)
    return out


def _add_round(row: dict[str, list[float]], floor: dict[str, float],
               paint: dict[str, float], usable: dict[str, float]) -> None:
    row["floor"].append(floor["paint"])
    row["floor-peak"].append(floor["peak"])
    row["paint"].append(paint["paint"])
    row["usable"].append(usable["usable"])
    row["paint-ratio"].append(paint["paint"] / floor["paint"])
    row["usable-ratio"].append(usable["usable"] / floor["paint"])
    row["peak"].append(usable["peak"])
    row["memory-ratio"].append(usable["peak"] / floor["peak"])
    row["stall"].append(usable["stall"])
    if "paint-cpu" in floor and "paint-cpu" in paint and "usable-cpu" in usable:
        row["paint-cpu-ratio"].append(paint["paint-cpu"] / floor["paint-cpu"])
        row["usable-cpu-ratio"].append(usable["usable-cpu"] / floor["paint-cpu"])


def first_runs(packs: dict[str, Path], runs: int, base: dict[str, str],
               scratch: Path) -> dict[str, list[dict[str, float]]]:
    """Starts on an empty cache folder, each quitting once its index is built."""
    out: dict[str, list[dict[str, float]]] = {size: [] for size in packs}
    for n in range(runs):
        for size, pack in packs.items():
            env = dict(base, LANTERN_CONTENT_DIR=str(pack), LANTERN_BENCH_QUIT_AT="indexed",
                       LANTERN_CACHE_DIR=str(scratch / f"first-{size}-{n}" / "cache"),
                       LANTERN_CONFIG_DIR=str(scratch / f"first-{size}-{n}" / "config"))
            database = scratch / f"first-{size}-{n}" / "fts5.db"
            database.parent.mkdir(parents=True, exist_ok=True)
            database.unlink(missing_ok=True)
            floor = [sys.executable, "-c", FTS5_BUILD, str(pack), str(database)]
            # The floor before Lantern in even rounds, after it in odd ones.
            fts5 = run_once(floor, base, 3600) if n % 2 == 0 else {}
            start = run_once(lantern_command(), env, 3600)
            if not fts5:
                fts5 = run_once(floor, base, 3600)
            start["fts5-built"] = fts5["fts5-built"]
            out[size].append(start)
    return out


def report_warm(results: dict[str, dict[str, list[float]]], runs: int) -> list[str]:
    lines = [f"Warm starts, {runs} rounds; times are medians, ratios the median of the "
             "paired ratios of each round.", "",
             "| pack | floor ms | first paint ms | ratio (target ≤ 1.3) | search usable ms | "
             "ratio (target ≤ 2.0) | longest GUI stall ms (median / max) | peak MiB (floor) | "
             "memory ratio (target ≤ 1.6) | CPU time ratio, paint / usable |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size, row in results.items():
        label = size_label(size.removesuffix(BASELINE)) + (BASELINE if BASELINE in size else "")
        lines.append(
            f"| {label} | {median(row['floor']):.0f} | {median(row['paint']):.0f} | "
            f"{median(row['paint-ratio']):.2f} | {median(row['usable']):.0f} | "
            f"{median(row['usable-ratio']):.2f} | {median(row['stall']):.0f} / "
            f"{max(row['stall']):.0f} | {median(row['peak']):.1f} "
            f"({median(row['floor-peak']):.1f}) | {median(row['memory-ratio']):.2f} | "
            + (f"{median(row['paint-cpu-ratio']):.2f} / {median(row['usable-cpu-ratio']):.2f} |"
               if row["paint-cpu-ratio"] else "– |"))
    if "bundled" in results and len(results) > 1:
        bundled = results["bundled"]["usable"]
        for size, row in results.items():
            if size == "bundled" or BASELINE in size:
                continue
            paired = [big / small for big, small in zip(row["usable"], bundled, strict=True)]
            lines += ["", f"Search usable on the {size_label(size)} over the bundled pack's "
                      f"(paired by round): {median(paired):.2f} (target ≤ "
                      f"{TARGETS['big-usable']})"]
    return lines


def report_first(results: dict[str, list[dict[str, float]]]) -> list[str]:
    lines = ["First runs (empty cache folder: parse the pack, build the index):", "",
             "| pack | runs | first paint ms | index built, search usable ms | longest GUI "
             "stall ms (target ≤ 100) | stalls over 100 ms | peak MiB | FTS5 build of the "
             f"same files ms | ratio (target ≤ {TARGETS['first-build']}) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size, starts in results.items():
        if not starts:
            continue
        lines.append(
            f"| {size_label(size)} | {len(starts)} | "
            f"{median([s['paint'] for s in starts]):.0f} | "
            f"{median([s['indexed'] for s in starts]):.0f} | "
            f"{max(s['stall'] for s in starts):.0f} | "
            f"{max(s['stalls'] for s in starts):.0f} | "
            f"{max(s['peak'] for s in starts):.1f} | "
            f"{median([s['fts5-built'] for s in starts]):.0f} | "
            f"{median([s['indexed'] / s['fts5-built'] for s in starts]):.2f} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="rounds of warm starts")
    parser.add_argument("--sizes", default="bundled",
                        help="packs for warm starts: bundled, a number of MedQuAD records, "
                        "medquad (all), comma-separated; '' for none")
    parser.add_argument("--first-run", default="",
                        help="packs for first runs (empty cache), comma-separated")
    parser.add_argument("--first-runs", type=int, default=1, help="first runs of each pack")
    parser.add_argument("--work", type=Path, help="scratch folder (default: a new one)")
    parser.add_argument("--baseline", type=Path, metavar="DIR",
                        help="a folder holding another version's lantern package (an older "
                        "commit's app/ folder, compiled): its warm starts join each round")
    args = parser.parse_args(argv)
    scratch = args.work or Path(tempfile.mkdtemp(prefix="lantern-bench-"))
    scratch.mkdir(parents=True, exist_ok=True)
    base = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    base.pop("LANTERN_BENCH_QUIT_AT", None)
    warm_sizes = [s for s in args.sizes.split(",") if s]
    first_sizes = [s for s in args.first_run.split(",") if s]
    packs = {size: make_pack(size, scratch / "packs") for size in
             dict.fromkeys(warm_sizes + first_sizes)}
    before = load_average()
    warm = warm_rounds({s: packs[s] for s in warm_sizes}, args.runs, base, scratch,
                       args.baseline)
    first = first_runs({s: packs[s] for s in first_sizes}, args.first_runs, base, scratch)
    print(machine_line(before, f" (QT_QPA_PLATFORM={base['QT_QPA_PLATFORM']})")
          + f"; command: {' '.join(Path(c).name for c in lantern_command())}")
    if warm:
        print()
        print("\n".join(report_warm(warm, args.runs)))
    if any(first.values()):
        print()
        print("\n".join(report_first(first)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
