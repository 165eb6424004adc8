"""Bring the window's catalogues up to date with the code, and compile them (docs/translating.md).

    python resources/translations/update_ui.py [LANGUAGE ...]   # default: every catalogue

1. Runs pyside6-lupdate (it comes with PySide6) over the window's code (app/lantern/ui)
   into resources/translations/lantern_<language>.ts: new messages are added unfinished,
   changed ones are marked for review, gone ones kept as vanished.
2. Runs pyside6-lrelease on it: lantern_<language>.qm, the compiled catalogue the window
   loads (lantern.ui.language). The .qm is committed with the .ts, so an installed Lantern
   and the bundle have it without Qt's tools; tests/ui/test_ui_translations.py fails when
   it is older than the .ts.

Then translate what is unfinished, in Qt Linguist (`pyside6-linguist FILE`) or any text
editor, and run this again so the .qm has it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
UI = ROOT / "app" / "lantern" / "ui"
LANGUAGES = ("es",)

sys.path.insert(0, str(HERE))
from update_cli import _CODE_NOTE, lupdate  # noqa: E402 - the tool beside this one


def lrelease() -> str:
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    found = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    if not found:
        sys.exit("pyside6-lrelease not found: install Lantern's dependencies (PySide6) first")
    return found


def sources() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def compile_catalogue(ts: Path, qm: Path) -> None:
    """`ts` compiled to `qm`, its finished translations only."""
    subprocess.run([lrelease(), "-silent", "-nounfinished", str(ts), "-qm", str(qm)],
                   check=True)


def update(language: str) -> Path:
    target = HERE / f"lantern_{language}.ts"
    subprocess.run([lupdate(), "-silent", "-locations", "none", "-target-language", language,
                    *[str(p.relative_to(ROOT)) for p in sources()], "-ts",
                    str(target.relative_to(ROOT))], cwd=ROOT, check=True)
    text = target.read_text(encoding="utf-8")
    target.write_text(_CODE_NOTE.sub("", text), encoding="utf-8")
    compile_catalogue(target, target.with_suffix(".qm"))
    return target


def main() -> None:
    for language in sys.argv[1:] or list(LANGUAGES):
        target = update(language)
        print(f"updated {target.relative_to(ROOT)} and {target.with_suffix('.qm').name}")


if __name__ == "__main__":
    main()
