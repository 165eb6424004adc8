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


#: The engine's adapter: the only modules that may import Whoosh.
ENGINE_ADAPTER = {"whoosh_adapter.py", "whoosh_lang.py", "whoosh_lazy.py", "whoosh_store.py",
                  "whoosh_scan.py", "whoosh_near.py", "whoosh_mapped.py"}


def _core_modules() -> list[str]:
    names = []
    for path in sorted(CORE.rglob("*.py")):
        parts = path.relative_to(CORE.parent.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_every_core_module_is_walked():
    modules = _core_modules()
    assert {"lantern.core", "lantern.core.address", "lantern.core.search.engine",
            "lantern.core.search.whoosh_adapter"} <= set(modules)
    assert len(modules) == len(list(CORE.rglob("*.py")))


def test_core_never_loads_qt():
    modules = _loaded_after("\n".join(f"import {name}" for name in _core_modules()))
    assert not {m for m in modules if m.startswith(("PySide6", "shiboken6"))}


def test_importing_search_api_does_not_load_whoosh():
    modules = _loaded_after("import lantern.core.search")
    assert "whoosh" not in modules


def test_cli_search_does_not_load_qt():
    modules = _loaded_after("import lantern.cli")
    assert not {m for m in modules if m.startswith("PySide6")}


def test_no_core_module_imports_ui_or_qt():
    for path in CORE.rglob("*.py"):
        for name in _imports(path):
            assert not name.startswith(("PySide6", "lantern.ui")), f"{path.name}: {name}"


def test_only_the_engine_adapter_imports_the_engine():
    root = CORE.parent
    importers = {path.name for path in root.rglob("*.py")
                 if any(n == "whoosh" or n.startswith("whoosh.") for n in _imports(path))}
    assert importers == ENGINE_ADAPTER


def test_only_the_address_module_writes_the_scheme():
    """Addresses are made and read by `core/address.py`; elsewhere the scheme appears only
    in docstrings and comments (and in messages that name the program)."""
    root = CORE.parent
    for path in root.rglob("*.py"):
        if path.name == "address.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
                      and node.body and isinstance(node.body[0], ast.Expr)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docstrings):
                assert "lantern:" not in node.value.replace("lantern: ", ""), \
                    f"{path.relative_to(root)}:{node.lineno}: {node.value!r}"
