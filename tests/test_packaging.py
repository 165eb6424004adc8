"""The install and CI instructions stay true."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section)


def test_readme_has_the_two_commands():
    install, tests = _readme_commands()
    assert install.endswith(".venv/bin/lantern")
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command():
    _, tests = _readme_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci.splitlines()


def test_wheel_carries_content_and_resources(tmp_path: Path):
    builders = pytest.importorskip("hatchling.builders.wheel")
    builder = builders.WheelBuilder(str(ROOT))
    wheel = Path(next(iter(builder.build(directory=str(tmp_path), versions=["standard"]))))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "lantern/_data/content/pack.toml" in names
    assert "lantern/_data/content/pages/help-now.md" in names
    assert "lantern/_data/resources/styles/article.css" in names
    assert "lantern/cli.py" in names
    assert not any(n.startswith("tests/") for n in names)
