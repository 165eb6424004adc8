"""The window's catalogue (resources/translations/lantern_es.ts): complete, current with
the code, and compiled into the committed lantern_es.qm that the window loads."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from PySide6.QtCore import QTranslator

from tests.conftest import ROOT

TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "lantern_es.ts"
QM = TRANSLATIONS / "lantern_es.qm"
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n|%p")


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    comment: str
    numerus: bool
    forms: tuple[str, ...]
    finished: bool


def entries(path: Path = TS) -> list[Entry]:
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("vanished", "obsolete"):
                continue  # gone from the code; kept for a reworded message's translator
            numerus = message.get("numerus") == "yes"
            forms = (tuple(f.text or "" for f in translation.iter("numerusform")) if numerus
                     else (translation.text or "",))
            found.append(Entry(name, message.findtext("source") or "",
                               message.findtext("comment") or "", numerus, forms,
                               translation.get("type") != "unfinished"))
    return found


def english_words() -> set[str]:
    """The English of every message whose Spanish differs from it, without accelerators."""
    words = set()
    for entry in entries():
        if any(form != entry.source for form in entry.forms):
            words.add(entry.source.replace("&", ""))
    return words


def test_every_message_of_the_window_is_translated():
    found = entries()
    assert len(found) > 200
    unfinished = [(e.context, e.source) for e in found if not e.finished or not all(e.forms)]
    assert not unfinished
    for entry in found:
        assert len(entry.forms) == (2 if entry.numerus else 1), entry  # Spanish: one, many
        wanted = set(_PLACEHOLDER.findall(entry.source))
        for form in entry.forms:
            # "(the best one listed)": a singular may say its number in words.
            have = set(_PLACEHOLDER.findall(form))
            assert have == wanted or (entry.numerus and have == wanted - {"%n"}), entry


def test_the_committed_qm_says_what_the_ts_says():
    """lantern_es.qm is what the window loads: compiled from the .ts as it is now (run
    resources/translations/update_ui.py after editing the .ts)."""
    translator = QTranslator()
    assert translator.load(str(QM))
    for entry in entries():
        comment = entry.comment or None
        if entry.numerus:
            assert translator.translate(entry.context, entry.source, comment, 1) == entry.forms[0]
            assert translator.translate(entry.context, entry.source, comment, 5) == entry.forms[1]
        else:
            assert translator.translate(entry.context, entry.source, comment) == entry.forms[0], \
                entry


def _tool(name: str) -> str | None:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def test_the_ts_has_every_message_of_the_code(tmp_path: Path):
    lupdate = _tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "lantern_es.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "app" / "lantern" / "ui").rglob("*.py"))
    subprocess.run([lupdate, "-silent", "-locations", "none", "-no-obsolete", *sources,
                    "-ts", str(fresh)], check=True)
    in_code = {(e.context, e.source, e.comment) for e in entries(fresh)}
    committed = {(e.context, e.source, e.comment) for e in entries() if e.finished}
    assert in_code - committed == set(), "run resources/translations/update_ui.py"
    assert committed - in_code == set(), "messages the code no longer has: run update_ui.py"
