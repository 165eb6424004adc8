"""PySide6's import hook no longer reads the source of every module imported after it."""

from __future__ import annotations

import importlib
import inspect
import sys
from pathlib import Path

import lantern.ui  # noqa: F401  (installs the answer)
from lantern.ui.platform.import_hook import skip_source_scan


def test_later_imports_read_no_source(tmp_path: Path, monkeypatch):
    assert skip_source_scan()  # the hook exists in the PySide6 Lantern is tested with
    (tmp_path / "lantern_probe_module.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    read = []
    monkeypatch.setattr(inspect, "getsource", lambda obj: read.append(obj) or "")
    module = importlib.import_module("lantern_probe_module")
    assert module.VALUE == 1
    assert read == []
    del sys.modules["lantern_probe_module"]


def test_qt_still_works_in_modules_imported_afterwards(qtbot, tmp_path: Path, monkeypatch):
    (tmp_path / "lantern_probe_widget.py").write_text(
        "from PySide6.QtWidgets import QLabel\n"
        "def make():\n"
        "    label = QLabel('probe')\n"
        "    label.setObjectName('probe')\n"
        "    return label\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    label = importlib.import_module("lantern_probe_widget").make()
    qtbot.addWidget(label)
    assert label.text() == "probe" and label.objectName() == "probe"
    del sys.modules["lantern_probe_widget"]
