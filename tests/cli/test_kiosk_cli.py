from __future__ import annotations

import os
from pathlib import Path

import pytest

from lantern.core.kiosk import KioskPolicy, load_policy, verify_pin

from lantern.cli import main
from tests.conftest import VALID_PACK


def answers(monkeypatch: pytest.MonkeyPatch, *replies: str) -> list[str]:
    prompts: list[str] = []
    queue = list(replies)

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return queue.pop(0)

    monkeypatch.setattr("lantern.cli.getpass.getpass", fake_getpass)
    return prompts


def test_set_pin_writes_a_hash_into_the_default_config(capsys, monkeypatch):
    prompts = answers(monkeypatch, "4826", "4826")
    assert main(["kiosk", "--set-pin"]) == 0
    path = Path(os.environ["LANTERN_CONFIG_DIR"]) / "kiosk.toml"
    assert len(prompts) == 2
    assert str(path) in capsys.readouterr().out
    text = path.read_text(encoding="utf-8")
    assert "4826" not in text
    policy, _ = load_policy(path)
    assert verify_pin("4826", policy.admin_pin_hash)


def test_set_pin_keeps_the_other_settings(tmp_path, monkeypatch):
    path = tmp_path / "site" / "kiosk.toml"
    path.parent.mkdir()
    path.write_text('clinic_name = "Riverside"\n[allow]\nprint = true\n', encoding="utf-8")
    answers(monkeypatch, "1357", "1357")
    assert main(["kiosk", "--config", str(path), "--set-pin"]) == 0
    policy, problems = load_policy(path)
    assert problems == []
    assert policy.clinic_name == "Riverside" and policy.allow_print
    assert verify_pin("1357", policy.admin_pin_hash)


@pytest.mark.parametrize(("replies", "message"), [
    (("12", "12"), "at least 4"),
    (("1234", "1243"), "differ"),
])
def test_set_pin_refuses_and_changes_nothing(capsys, monkeypatch, tmp_path, replies, message):
    path = tmp_path / "kiosk.toml"
    answers(monkeypatch, *replies)
    assert main(["kiosk", "--config", str(path), "--set-pin"]) == 1
    assert message in capsys.readouterr().err
    assert not path.exists()


def test_set_pin_into_a_broken_file_is_an_error_not_a_traceback(capsys, monkeypatch, tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text("home = \n", encoding="utf-8")
    answers(monkeypatch, "1234", "1234")
    assert main(["kiosk", "--config", str(path), "--set-pin"]) == 1
    assert "cannot write" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "home = \n"


def test_kiosk_opens_the_window_with_the_policy(capsys, monkeypatch, tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('idle_seconds = "soon"\nclinic_name = "Riverside"\n', encoding="utf-8")
    calls = []
    monkeypatch.setattr("lantern.ui.app.run_kiosk",
                        lambda roots, policy: calls.append((roots, policy)) or 0)
    assert main(["kiosk", "--config", str(path), "--content", str(VALID_PACK)]) == 0
    [(roots, policy)] = calls
    assert roots == [VALID_PACK]
    assert policy.clinic_name == "Riverside"
    assert policy.idle_seconds == KioskPolicy().idle_seconds  # bad value: the safe default
    err = capsys.readouterr().err
    assert "kiosk.toml:1: warning: 'idle_seconds' must be a number" in err


def test_help_mentions_kiosk(capsys):
    with pytest.raises(SystemExit):
        main(["kiosk", "--help"])
    out = capsys.readouterr().out
    assert "--set-pin" in out and "--config FILE" in out
