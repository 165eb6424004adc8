"""`lantern search WORD` as a whole process, against a one-shot Python script querying FTS5.

    python bench/cli_search.py [--sizes bundled,medquad] [--runs 9] [--work DIR]

Each run is a new process from spawn to exit: the installed `lantern` command (the
console script beside this Python) searching one word of the pack, with its index and
library cache built beforehand, and a Python script that opens an FTS5 database of the
same documents, runs the same word with `bm25()` and `snippet()`, prints ten rows and
exits. The two alternate, and the ratio is taken within each pair; the table gives the
medians of the times and of the paired ratios, with the machine and its load.
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


def run_size(size: str, runs: int, work: Path) -> list[str]:
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
    for word in WORDS.get(size, WORDS["default"]):
        lantern = [*lantern_command(), "search", word]
        fts = [sys.executable, "-c", ONE_SHOT, str(database), word]
        timed(lantern, env)  # warm the file cache
        timed(fts, env)
        pairs = []
        for _ in range(runs):
            pairs.append((timed(lantern, env), timed(fts, env)))
        ours = statistics.median(p[0] for p in pairs)
        theirs = statistics.median(p[1] for p in pairs)
        ratio = statistics.median(p[0] / p[1] for p in pairs)
        rows.append(f"| {corpora.size_label(size)} | {word} | {ours:.0f} | {theirs:.0f} | "
                    f"{ratio:.2f} | {'met' if ratio <= TARGET else 'not met'} |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="bundled,medquad")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--work", type=Path, help="scratch folder (default: a new one)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="lantern-cli-"))
    before = corpora.load_average()
    rows = []
    for size in args.sizes.split(","):
        if size:
            rows += run_size(size, args.runs, work)
    print(f"{corpora.machine_line(before)}; {args.runs} pairs per word, medians")
    print()
    print("| pack | word | `lantern search` ms | one-shot FTS5 script ms | paired ratio | "
          f"target ≤ {TARGET} |")
    print("|---|---|---:|---:|---:|---|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
