"""The kiosk reaches the window only through its public methods and signals: no private
attribute of another object (not even by hasattr or getattr), no search for child widgets,
no `__getattr__` proxies."""

from __future__ import annotations

import ast
from pathlib import Path

import lantern.ui.kiosk

KIOSK = Path(lantern.ui.kiosk.__file__).resolve().parent
FORBIDDEN_CALLS = {"findChild", "findChildren"}
REFLECTION = {"hasattr", "getattr", "setattr"}


def _problems(path: Path) -> list[str]:
    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        where = f"{path.name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and \
                not node.attr.startswith("__") and \
                not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
            problems.append(f"{where} private .{node.attr} of another object")
        if isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_CALLS:
            problems.append(f"{where} .{node.attr}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id in REFLECTION and len(node.args) > 1 and \
                isinstance(node.args[1], ast.Constant) and \
                str(node.args[1].value).startswith("_"):
            problems.append(f"{where} {node.func.id}() of a private name")
        if isinstance(node, ast.FunctionDef) and node.name == "__getattr__":
            problems.append(f"{where} __getattr__")
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute) and \
                isinstance(node.value.value, ast.Name) and node.value.value.id == "self" and \
                node.value.attr == "window" and node.attr in WINDOW_CHILDREN:
            problems.append(f"{where} self.window.{node.attr} (a child of the window)")
    return problems


#: The window's widgets and helpers, which the kiosk must not reach into.
WINDOW_CHILDREN = {"reader", "results", "glossary", "references", "search_field", "search",
                   "suggestions", "find_bar", "splitter", "toolbar", "printing", "appearance",
                   "bookmarks", "contents", "positions", "navigation", "searching", "loader",
                   "session", "history", "composer", "menuBar", "statusBar"}


def test_the_kiosk_touches_nothing_private_or_inside_the_window():
    problems = [p for path in sorted(KIOSK.glob("*.py")) for p in _problems(path)]
    assert problems == []
