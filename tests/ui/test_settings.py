"""Settings are declared once (ui/settings.py) and read and written only through the store."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from lantern.ui import settings as keys
from lantern.ui.settings import SettingsStore

UI = Path(keys.__file__).resolve().parent


def _qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def test_a_store_that_persists_nothing_reads_defaults_and_writes_nothing(tmp_path: Path):
    raw = _qsettings(tmp_path)
    raw.setValue(keys.THEME.key, "dark")
    store = SettingsStore(raw, persist=False)
    assert store.get(keys.THEME) == "system"
    store.set(keys.RECENT_SEARCHES, '["DMN"]')
    store.sync()
    assert raw.value(keys.RECENT_SEARCHES.key) is None


def test_values_come_back_typed_and_damaged_ones_as_defaults(tmp_path: Path):
    store = SettingsStore(_qsettings(tmp_path))
    store.set(keys.ZOOM, 1.25)
    store.set(keys.WINDOW_STATE, QByteArray(b"\x01\x02"))
    store.sync()
    again = SettingsStore(_qsettings(tmp_path))
    assert again.get(keys.ZOOM) == 1.25
    assert again.get(keys.WINDOW_STATE) == QByteArray(b"\x01\x02")
    again.qsettings.setValue(keys.ZOOM.key, "large")
    again.qsettings.setValue(keys.WINDOW_GEOMETRY.key, "not bytes")
    assert again.get(keys.ZOOM) == 1.0
    assert again.get(keys.WINDOW_GEOMETRY) == QByteArray()
    assert again.get(keys.LAST_PAGE) == "lantern:home"


def test_every_key_is_declared_once():
    names = [s.key for s in keys.ALL]
    assert len(names) == len(set(names)) == 9
    declared = {name for name, value in vars(keys).items() if isinstance(value, keys.Setting)}
    assert len(declared) == len(keys.ALL)


def test_no_module_but_the_store_reads_or_writes_qsettings():
    offenders = []
    for path in UI.rglob("*.py"):
        if path.name == "settings.py" and path.parent == UI:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr in ("value", "setValue") and node.args and \
                    isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                offenders.append(f"{path.relative_to(UI)}:{node.lineno}")
    assert offenders == []
