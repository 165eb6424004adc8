"""Every recipe of the hostile-pack corpus (recipes.py), through `lantern check` and through
what the window does with a pack, each in a child process whose peak memory is measured.

The time limits here are hang guards, generous for a loaded machine; the figures for a
quiet one are in docs/reliability.md.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.hostile.recipes import RECIPES, Recipe, build_pack

MEMORY_LIMIT_MB = 300
HANG_GUARD_S = 60
#: The child may not grow past this, so a recipe that still explodes fails quickly instead
#: of taking the machine's memory.
ADDRESS_SPACE_CAP = 3 * 1024**3

IDS = [r.name for r in RECIPES]


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_CAP, ADDRESS_SPACE_CAP))


def run_child(args: list[str], cwd: Path, env: dict[str, str],
              logs: Path) -> tuple[int, str, str, float]:
    """Run `python args…`; return its exit status, output, errors and peak memory in MB."""
    out_path, err_path = logs / "child.out", logs / "child.err"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        child = subprocess.Popen([sys.executable, *args], cwd=cwd, env=env, stdout=out,
                                 stderr=err, stdin=subprocess.DEVNULL, preexec_fn=_cap)
        deadline = time.monotonic() + HANG_GUARD_S
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                child.kill()
                os.wait4(child.pid, 0)
                child.returncode = -9
                pytest.fail(f"no answer in {HANG_GUARD_S} s: {args}")
            time.sleep(0.05)
    child.returncode = os.waitstatus_to_exitcode(status)
    peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    return (child.returncode, out_path.read_text(errors="replace"),
            err_path.read_text(errors="replace"), peak_mb)


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = f"{ROOT / 'app'}{os.pathsep}{ROOT}"
    env.setdefault("LANTERN_CACHE_DIR", str(tmp_path / "cache"))
    return env


@pytest.mark.parametrize("recipe", RECIPES, ids=IDS)
def test_check_answers_with_the_file_and_line(recipe: Recipe, tmp_path: Path):
    pack = build_pack(recipe, tmp_path)
    status, out, err, peak = run_child(["-m", "lantern", "check", str(pack)], pack, _env(tmp_path),
                                         tmp_path)
    assert "Traceback" not in err, err[-3000:]
    assert peak < MEMORY_LIMIT_MB, f"{peak:.0f} MB"
    assert status in (0, 1), err[-2000:]
    lines = out.splitlines()
    assert all("\x1b" not in line and "\r" not in line for line in lines)
    if recipe.fragment is None:
        assert not [ln for ln in lines if ": error:" in ln], out
        return
    named = [ln for ln in lines if ln.startswith(f"{recipe.file}:")]
    assert named, out[-3000:]
    assert any(recipe.fragment in ln for ln in named), named[:5]


@pytest.mark.parametrize("recipe", RECIPES, ids=IDS)
def test_the_rest_of_the_pack_loads(recipe: Recipe, tmp_path: Path):
    pack = build_pack(recipe, tmp_path)
    status, out, err, peak = run_child(["-m", "tests.hostile.probe", str(pack)], ROOT,
                                       _env(tmp_path), tmp_path)
    assert status == 0, err[-3000:]
    assert peak < MEMORY_LIMIT_MB, f"{peak:.0f} MB"
    loaded = json.loads(out.splitlines()[-1])
    assert {"brain-networks", "safety-basics"} <= set(loaded["articles"])
    if recipe.keeps_glossary:
        assert {"default-mode-network", "psilocybin"} <= set(loaded["terms"])
        assert "default-mode-network" in loaded["found"]
    else:
        assert "brain-networks" in loaded["found"]


@pytest.mark.parametrize("recipe", [r for r in RECIPES if r.name in
                                    ("bad-name-article", "bad-name-page", "control-name")],
                         ids=lambda r: r.name)
def test_check_json_prints_every_file_name(recipe: Recipe, tmp_path: Path):
    pack = build_pack(recipe, tmp_path)
    status, out, err, _ = run_child(["-m", "lantern", "check", "--json", str(pack)], pack,
                                    _env(tmp_path), tmp_path)
    assert status == 1 and "Traceback" not in err, err[-3000:]
    files = [p["file"] for p in json.loads(out)["problems"]]
    assert any(f.endswith(recipe.file) for f in files), files
