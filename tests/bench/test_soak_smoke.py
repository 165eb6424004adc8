"""The soak benchmark runs end to end on a few cycles, so it never rots."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_soak_few_cycles(tmp_path: Path) -> None:
    raw = tmp_path / "soak.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "soak.py"), "--cycles", "24", "--warmup", "8",
         "--json", str(raw)],
        capture_output=True, text=True, timeout=120, check=False,
        env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"),
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "| after warm-up (8 cycles) |" in done.stdout and "Growth after warm-up" in done.stdout
    marks = json.loads(raw.read_text(encoding="utf-8"))["marks"]
    assert [m["cycles"] for m in marks] == [0, 8, 24]
    assert all(m["rss_mb"] > 0 for m in marks)
