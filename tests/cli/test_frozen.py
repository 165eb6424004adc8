"""What changes when Lantern runs frozen (the standalone bundle), tested without building
one: `sys.frozen` set and `sys.executable` pointing at a stand-in for the bundle's program,
which runs the bundle's own entry point."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from lantern import doctor
from tests.conftest import ROOT

ENTRY = ROOT / "resources" / "packaging" / "lantern_main.py"


@pytest.fixture
def frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if os.name == "nt":
        pytest.skip("the stand-in for the bundle's program is a shell script")
    program = tmp_path / "lantern"
    program.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT / "app"}" exec "{sys.executable}" '
                       f'"{ENTRY}" "$@"\n')
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    return program


def test_doctor_starts_its_qt_probe_with_the_bundle_itself(frozen: Path):
    # The bundle has no Python: `sys.executable -c …` would be `lantern -c …`.
    ok, text = doctor._qt()
    assert ok, text
    assert "platform plugin" in text and "starts" in text


def test_doctor_names_no_python_program_when_frozen(frozen: Path, capsys, monkeypatch):
    monkeypatch.setattr(doctor, "_qt", lambda: (True, "Qt: probe skipped in this test"))
    doctor.run_doctor([ROOT / "tests" / "fixtures" / "valid-pack"], sys.stdout)
    first = capsys.readouterr().out.splitlines()[0]
    assert "(bundled)" in first and str(frozen) not in first


def test_the_probe_request_is_not_passed_on(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(doctor.QT_PROBE_ENV, raising=False)
    doctor.run_qt_probe_if_asked()  # not asked: returns, and the command runs as usual
