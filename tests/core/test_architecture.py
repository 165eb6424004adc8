"""Layering rules, checked by tests rather than by review."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "app" / "lantern" / "core"


def _loaded_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nprint('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout
    return set(out.split())


def test_core_never_loads_qt():
    modules = _loaded_after(
        "import lantern.core.content, lantern.core.render, lantern.core.compose, "
        "lantern.core.search.engine, lantern.core.paths"
    )
    assert not {m for m in modules if m.startswith(("PySide6", "shiboken6"))}


def test_importing_search_api_does_not_load_whoosh():
    modules = _loaded_after("import lantern.core.search")
    assert "whoosh" not in modules


def test_cli_search_does_not_load_qt():
    modules = _loaded_after("import lantern.cli")
    assert not {m for m in modules if m.startswith("PySide6")}


def test_no_core_module_imports_ui_or_qt():
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(("PySide6", "lantern.ui")), f"{path.name}: {name}"
