"""The search benchmark's smallest size runs end to end, so it never rots.

Nothing is timed or compared here: the bundled pack, four queries, every engine and every
phase in a fresh process as in a real run, all files under the test's tmp folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench" / "search.py"


def test_search_benchmark_smallest_size(tmp_path: Path) -> None:
    raw = tmp_path / "results.json"
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run(
        [sys.executable, str(BENCH), "--sizes", "bundled", "--queries", "4",
         "--work", str(tmp_path / "work"), "--json", str(raw)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    table = done.stdout
    assert "### bundled pack" in table
    assert "| search p95, ms |" in table
    assert "| Lantern step" in table
    saved = json.loads(raw.read_text(encoding="utf-8"))
    (corpus,) = saved["corpora"]
    for engine in ("lantern", "whoosh", "fts5"):
        assert corpus[f"build-{engine}"]["docs"] == corpus["export"]["docs"] > 0
        assert len(corpus[f"query-{engine}"]["ms"]) == 4
    assert any(corpus["query-lantern"]["keys"])
    assert corpus["query-lantern"]["reindexed_on_open"] == 0


def test_paired_search_benchmark_smallest_size(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "paired.py"), "--sizes", "bundled",
         "--passes", "1", "--work", str(tmp_path / "work")],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "load average" in done.stdout
    row = next(line for line in done.stdout.splitlines() if line.startswith("| bundled pack |"))
    assert "| as built | 1 | 42 |" in row, row  # every reader query asked of both engines


def test_paired_search_gives_fts5_the_content_words() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from whoosh.analysis import STOP_WORDS

    from paired import content_words, question_words

    words = content_words("What are the symptoms of Glaucoma?", question_words(),
                          frozenset(STOP_WORDS))
    assert words == ["symptoms", "glaucoma"]


def test_command_line_search_benchmark_smallest_size(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "cli_search.py"), "--sizes", "bundled",
         "--runs", "1", "--work", str(tmp_path / "work")],
        capture_output=True, text=True, timeout=180, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.count("| bundled pack |") == 3, done.stdout
