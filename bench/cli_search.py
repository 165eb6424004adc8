"""`lantern search WORD` as a whole process, against a one-shot Python script querying FTS5.

    python bench/cli_search.py [--sizes bundled,medquad] [--runs 9] [--work DIR]

Each run is a new process from spawn to exit: the installed `lantern` command (the
console script beside this Python) searching one word of the pack, with its index and
library cache built beforehand, and a Python script that opens an FTS5 database of the
same documents, runs the same word with `bm25()` and `snippet()`, prints ten rows and
exits. The two alternate, and the ratio is taken within each pair; the table gives the
medians of the times and of the paired ratios, with the machine and its load. With
`--baseline DIR` another version's `lantern` package (DIR holds it, compiled) searches in
the same rounds, through the same command with DIR first on `PYTHONPATH`, against the same
FTS5 runs: a before/after comparison in one run.
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

import corpora
from paired import Fts5
from startup import lantern_command

TARGET = 8.0
WORDS = {"bundled": ("ketamine", "DMN", "integration"),
         "default": ("glaucoma", "diabetes", "treatment")}

ONE_SHOT = r"""
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
rows = con.execute(
    "SELECT key, snippet(docs, 2, '<mark>', '</mark>', '…', 24) FROM docs WHERE docs MATCH ? "
    "ORDER BY bm25(docs, 0.0, 2.0, 1.0) LIMIT 10", ('"' + sys.argv[2].lower() + '"',)).fetchall()
for key, snippet in rows:
    print(key, snippet)
"""


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - started) * 1000


def run_size(size: str, runs: int, work: Path, baseline: Path | None = None) -> list[str]:
    from lantern.core.content import load_library

    pack = corpora.make_pack(size, work / "packs")
    cache = work / "cache" / size
    env = dict(os.environ, LANTERN_CONTENT_DIR=str(pack), LANTERN_CACHE_DIR=str(cache),
               LANTERN_CONFIG_DIR=str(work / "config"))
    subprocess.run([*lantern_command(), "index"], env=env, check=True, capture_output=True)
    database = cache / "cli-fts5.db"
    if not database.exists():
        Fts5(database, load_library([pack])).con.close()
    rows = []
    before_env = dict(env, PYTHONPATH=str(baseline)) if baseline else None
    for word in WORDS.get(size, WORDS["default"]):
        lantern = [*lantern_command(), "search", word]
        fts = [sys.executable, "-c", ONE_SHOT, str(database), word]
        timed(lantern, env)  # warm the file cache
        timed(fts, env)
        rounds = []
        for _ in range(runs):
            times = [timed(lantern, env), timed(fts, env)]
            if before_env is not None:
                times.append(timed(lantern, before_env))
            rounds.append(times)
        ours = statistics.median(r[0] for r in rounds)
        theirs = statistics.median(r[1] for r in rounds)
        ratio = statistics.median(r[0] / r[1] for r in rounds)
        row = (f"| {corpora.size_label(size)} | {word} | {ours:.0f} | {theirs:.0f} | "
               f"{ratio:.2f} | {'met' if ratio <= TARGET else 'not met'} |")
        if before_env is not None:
            then = statistics.median(r[2] for r in rounds)
            row += f" {then:.0f} | {statistics.median(r[2] / r[1] for r in rounds):.2f} |"
        rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="bundled,medquad")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--work", type=Path, help="scratch folder (default: a new one)")
    parser.add_argument("--baseline", type=Path, metavar="DIR",
                        help="a folder holding another version's lantern package (an older "
                             "commit's app/ folder, compiled): it searches in each round")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="lantern-cli-"))
    before = corpora.load_average()
    rows = []
    for size in args.sizes.split(","):
        if size:
            rows += run_size(size, args.runs, work, args.baseline)
    print(f"{corpora.machine_line(before)}; {args.runs} pairs per word, medians")
    print()
    extra = (" baseline ms | baseline ratio |", "---:|---:|") if args.baseline else ("", "")
    print("| pack | word | `lantern search` ms | one-shot FTS5 script ms | paired ratio | "
          f"target ≤ {TARGET} |{extra[0]}")
    print(f"|---|---|---:|---:|---:|---|{extra[1]}")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
