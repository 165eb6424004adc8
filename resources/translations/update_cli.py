"""Bring the command line's catalogues up to date with the code (docs/translating.md).

    python resources/translations/update_cli.py [LANGUAGE ...]   # default: every catalogue

1. Lists the words argparse prints through gettext ("usage: ", "options", "invalid
   choice: …") in app/lantern/argparse_words.py, so they are translated with the rest.
2. Runs pyside6-lupdate (it comes with PySide6) over the code outside the window
   (app/lantern, without ui/) into resources/translations/lantern_cli_<language>.ts: new
   messages are added unfinished, changed ones are marked for review, gone ones kept as
   vanished so a reworded message can reuse its old translation.

Then translate what is unfinished, in Qt Linguist (`pyside6-linguist FILE`) or any text
editor, and run the tests (tests/cli/test_translations.py says what is missing).
"""

from __future__ import annotations

import argparse
import ast
import inspect
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PACKAGE = ROOT / "app" / "lantern"
WORDS = PACKAGE / "argparse_words.py"
LANGUAGES = ("es",)

HEADER = '''"""The words argparse prints, listed for the command line's catalogue.

Written by resources/translations/update_cli.py from argparse's own source; never
imported by Lantern. argparse says these through gettext, and while another language
is spoken `lantern.cli_parser.argparse_speaking` answers it from the catalogue.
"""

from lantern.core.messages import translate

WORDS = (
'''


def argparse_words() -> tuple[set[str], set[tuple[str, str]]]:
    """The literal messages argparse passes to gettext's `_()` and `ngettext()`."""
    tree = ast.parse(inspect.getsource(argparse))
    single: set[str] = set()
    plural: set[tuple[str, str]] = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        texts = [a.value for a in node.args if isinstance(a, ast.Constant)
                 and isinstance(a.value, str)]
        if node.func.id == "_" and len(texts) == 1:
            single.add(texts[0])
        elif node.func.id == "ngettext" and len(texts) == 2:
            plural.add((texts[0], texts[1]))
    # Given as a default argument rather than through `_()` before Python 3.12.
    single.add("show program's version number and exit")
    return single, plural


def listed_words() -> tuple[set[str], set[tuple[str, str]]]:
    """What argparse_words.py lists now (kept, so one Python's words stay for another)."""
    single: set[str] = set()
    plural: set[tuple[str, str]] = set()
    if not WORDS.exists():
        return single, plural
    for node in ast.walk(ast.parse(WORDS.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "translate":
            values = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if len(values) == 2:
                single.add(values[1])
            elif len(values) == 4:
                plural.add((values[1], values[2]))
    return single, plural


def write_words() -> None:
    single, plural = argparse_words()
    old_single, old_plural = listed_words()
    lines = [f"    translate(\"argparse\", {text!r}),\n" for text in sorted(single | old_single)]
    lines += [f"    translate(\"argparse\", {one!r}, {many!r}, 2),\n"
              for one, many in sorted(plural | old_plural)]
    WORDS.write_text(HEADER + "".join(lines) + ")\n", encoding="utf-8")


def sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts)


def lupdate() -> str:
    beside = Path(sys.executable).parent / "pyside6-lupdate"
    found = str(beside) if beside.exists() else shutil.which("pyside6-lupdate")
    if not found:
        sys.exit("pyside6-lupdate not found: install Lantern's dependencies (PySide6) first")
    return found


#: pyside6-lupdate takes a Python comment that starts "#:" as a note for the translator of
#: the next message; in Lantern's code such comments document the code, so they are left
#: out of the catalogue.
_CODE_NOTE = re.compile(r"^[ \t]*<extracomment>.*?</extracomment>\n", re.M | re.S)


def update(language: str) -> None:
    target = HERE / f"lantern_cli_{language}.ts"
    subprocess.run([lupdate(), "-silent", "-locations", "none", "-target-language", language,
                    *[str(p.relative_to(ROOT)) for p in sources()], "-ts",
                    str(target.relative_to(ROOT))], cwd=ROOT, check=True)
    text = target.read_text(encoding="utf-8")
    target.write_text(_CODE_NOTE.sub("", text), encoding="utf-8")


def main() -> None:
    languages = sys.argv[1:] or list(LANGUAGES)
    write_words()
    for language in languages:
        update(language)
        print(f"updated {HERE.relative_to(ROOT) / f'lantern_cli_{language}.ts'}")


if __name__ == "__main__":
    main()
