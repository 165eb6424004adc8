"""The shape of the code: modules short enough to read, functions simple enough to test.

A module of the application stays within MAX_LINES lines (the main window within
MAX_WINDOW_LINES), and no function or method passes a cyclomatic complexity of MAX_CC as
radon counts it. Past these, split the module or the function by what its parts do.
"""

from __future__ import annotations

from pathlib import Path

from radon.visitors import Class, ComplexityVisitor, Function

APP = Path(__file__).resolve().parent.parent / "app" / "lantern"
MAX_LINES = 500
MAX_WINDOW_LINES = 400
MAIN_WINDOW = APP / "ui" / "window" / "main_window.py"
MAX_CC = 20


def _modules() -> list[Path]:
    return sorted(APP.rglob("*.py"))


def _functions(blocks: list[Function | Class]) -> list[Function]:
    """Every function, method and nested function of the given top-level blocks."""
    found: list[Function] = []
    for block in blocks:
        if isinstance(block, Class):
            found += _functions([*block.methods, *block.inner_classes])
        else:
            found.append(block)
            found += _functions(block.closures)
    return found


def _module_functions(source: str) -> list[Function]:
    visitor = ComplexityVisitor.from_code(source)
    return _functions([*visitor.functions, *visitor.classes])


def _line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_the_application_modules_are_found():
    names = {path.relative_to(APP).as_posix() for path in _modules()}
    assert {"cli.py", "core/content.py", "ui/window/main_window.py"} <= names


def test_no_module_passes_the_line_limit():
    too_long = [
        f"{path.relative_to(APP)}: {lines} lines (limit {MAX_LINES})"
        for path in _modules()
        if (lines := _line_count(path)) > MAX_LINES
    ]
    assert not too_long, "split these modules by what their parts do:\n" + "\n".join(too_long)


def test_the_main_window_stays_thin():
    lines = _line_count(MAIN_WINDOW)
    assert lines <= MAX_WINDOW_LINES, (
        f"{MAIN_WINDOW.relative_to(APP)} has {lines} lines (limit {MAX_WINDOW_LINES}): "
        "move work out of the window into its parts"
    )


def test_no_function_passes_the_complexity_limit():
    too_complex = [
        f"{path.relative_to(APP)}:{function.lineno} {function.fullname}: "
        f"complexity {function.complexity} (limit {MAX_CC})"
        for path in _modules()
        for function in _module_functions(path.read_text(encoding="utf-8"))
        if function.complexity > MAX_CC
    ]
    assert not too_complex, "break these into smaller functions:\n" + "\n".join(too_complex)


def test_the_complexity_count_sees_methods_and_nested_functions():
    branches = "".join(f"        if x == {n}:\n            return {n}\n" for n in range(MAX_CC))
    source = (
        "class Outer:\n"
        "    def method(self, x):\n"
        "        def inner(x):\n"
        f"{branches.replace('        ', '            ')}"
        "            return -1\n"
        "        return inner(x)\n"
    )
    counted = {f.fullname: f.complexity for f in _module_functions(source)}
    assert counted == {"Outer.method": 1, "inner": MAX_CC + 1}
