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
