"""The start-up, typing and page-opening benchmarks run end to end at their smallest, so
they never rot.

Nothing is timed or compared: the script's own table is only checked for its rows.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench" / "startup.py"


def test_startup_benchmark_one_run(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path))
    done = subprocess.run([sys.executable, str(BENCH), "--runs", "1", "--first-run", "bundled"],
                          capture_output=True, text=True, env=env, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    table = done.stdout
    assert "load average" in table, table
    warm = next(line for line in table.splitlines() if line.startswith("| bundled pack |"))
    assert len(warm.split("|")) == 12, warm  # floor, paint, usable, ratios, stall, memory, CPU
    assert "–" not in warm, warm  # the CPU time came with every mark
    first = [line for line in table.splitlines() if line.startswith("| bundled pack | 1 |")]
    assert len(first) == 1, table  # the first run, which built the index, was reported
    assert "lantern-bench-" in "".join(os.listdir(tmp_path))  # its scratch folder went here


def test_typing_benchmark_on_the_bundled_pack(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path))
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "keystrokes.py"), "--sizes", "bundled",
         "--rounds", "1", "--work", str(tmp_path / "work")],
        capture_output=True, text=True, env=env, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    rows = [line.split("|")[1:3] for line in done.stdout.splitlines()
            if line.startswith("| bundled (")]
    assert [figure.strip() for _pack, figure in rows][:2] == [
        "keystroke → suggestions shown", "Enter → full results shown"], done.stdout


def test_page_opening_benchmark_on_two_pages(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path))
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "page_freeze.py"), "--rounds", "1",
         "--pages", "blank-lines", "nested-quotes"],
        capture_output=True, text=True, env=env, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "load average" in done.stdout
    assert [line.split("|")[1].strip() for line in done.stdout.splitlines()
            if line.startswith("| ") and "ms" not in line] == [
        "blank-lines", "nested-quotes", "(idle window, 3 s)"]


def test_startup_benchmark_with_a_baseline_version(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path))
    done = subprocess.run([sys.executable, str(BENCH), "--runs", "1",
                           "--baseline", str(ROOT / "app")],
                          capture_output=True, text=True, env=env, timeout=240, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    rows = [line for line in done.stdout.splitlines() if line.startswith("| bundled pack")]
    assert [row.split("|")[1].strip() for row in rows] == ["bundled pack",
                                                           "bundled pack (baseline)"]
