from __future__ import annotations

import os
from pathlib import Path

import pytest

from lantern.core.kiosk import KioskPolicy, hash_pin, load_policy, verify_pin

from lantern.cli import EXIT_QT_CANNOT_START, main
from tests.conftest import VALID_PACK

CHEAP = {"n": 2**4, "r": 8, "p": 1}  # a real hash, quick to check; the product uses more


def answers(monkeypatch: pytest.MonkeyPatch, *replies: str) -> list[str]:
    prompts: list[str] = []
    queue = list(replies)

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return queue.pop(0)

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    return prompts


def test_set_pin_writes_a_hash_into_the_default_config(capsys, monkeypatch):
    prompts = answers(monkeypatch, "482615", "482615")
    assert main(["kiosk", "--set-pin"]) == 0
    path = Path(os.environ["LANTERN_CONFIG_DIR"]) / "kiosk.toml"
    assert len(prompts) == 2
    assert str(path) in capsys.readouterr().out
    text = path.read_text(encoding="utf-8")
    assert "482615" not in text
    policy, _ = load_policy(path)
    assert verify_pin("482615", policy.admin_pin_hash)


def test_set_pin_keeps_the_other_settings(tmp_path, monkeypatch):
    path = tmp_path / "site" / "kiosk.toml"
    path.parent.mkdir()
    path.write_text('clinic_name = "Riverside"\n[allow]\nprint = true\n', encoding="utf-8")
    answers(monkeypatch, "135791", "135791")
    assert main(["kiosk", "--config", str(path), "--set-pin"]) == 0
    policy, problems = load_policy(path)
    assert problems == []
    assert policy.clinic_name == "Riverside" and policy.allow_print
    assert verify_pin("135791", policy.admin_pin_hash)


@pytest.mark.parametrize(("replies", "message"), [
    (("12345", "12345"), "at least 6 digits"),
    (("12ab56", "12ab56"), "at least 6 digits"),
    (("123456", "123465"), "differ"),
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
    answers(monkeypatch, "123456", "123456")
    assert main(["kiosk", "--config", str(path), "--set-pin"]) == 1
    assert "cannot write" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "home = \n"


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_set_pin_makes_the_file_readable_by_its_owner_only(monkeypatch, tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('clinic_name = "Riverside"\n', encoding="utf-8")
    path.chmod(0o644)
    answers(monkeypatch, "246813", "246813")
    assert main(["kiosk", "--config", str(path), "--set-pin"]) == 0
    assert path.stat().st_mode & 0o777 == 0o600
    fresh = tmp_path / "new" / "kiosk.toml"
    answers(monkeypatch, "246813", "246813")
    assert main(["kiosk", "--config", str(fresh), "--set-pin"]) == 0
    assert fresh.stat().st_mode & 0o777 == 0o600


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


# a plain `lantern` with the site's kiosk.toml: damaged settings fail closed ------------


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, KioskPolicy | None]]:
    """What a plain `lantern` opened: ("desktop", None) or ("kiosk", policy)."""
    calls: list[tuple[str, KioskPolicy | None]] = []
    monkeypatch.setattr("lantern.ui.app.run",
                        lambda roots, **asked: calls.append(("desktop", None)) or 0)
    monkeypatch.setattr("lantern.ui.app.run_kiosk",
                        lambda roots, policy: calls.append(("kiosk", policy)) or 0)
    return calls


def site_config(text: str | bytes) -> Path:
    path = Path(os.environ["LANTERN_CONFIG_DIR"]) / "kiosk.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


STORED = hash_pin("246813", CHEAP)


@pytest.mark.parametrize(("text", "line"), [
    ('kiosk = true\nclinic_name = "Riverside\n', 2),          # an unclosed string
    ("kiosk = true\nidle_seconds = 60\nidle_seconds = 30\n", 3),  # a key twice
    ("kiosk = true\n[allow]\nprint = true\n[allow]\n", 4),     # a table twice
    (b"kiosk = true\nclinic_name = 'Caf\xe9'\n", 2),          # not UTF-8
])
def test_damaged_site_config_starts_the_kiosk_locked(capsys, opened, text, line):
    path = site_config(text)
    assert main(["--content", str(VALID_PACK)]) == 0
    assert opened == [("kiosk", KioskPolicy(enabled=True))]  # every default: locked, no PIN
    err = capsys.readouterr().err
    assert f"{path}:{line}: error: " in err and "starts locked" in err
    assert "no staff PIN is set" in err


def test_site_config_with_a_byte_order_mark_is_read(capsys, opened):
    site_config("\ufeffkiosk = true\nclinic_name = \"Riverside\"\n")
    assert main(["--content", str(VALID_PACK)]) == 0
    [(what, policy)] = opened
    assert what == "kiosk" and policy is not None and policy.clinic_name == "Riverside"
    assert "error" not in capsys.readouterr().err


def test_damaged_site_config_keeps_the_staff_pin_and_says_so(capsys, opened):
    path = site_config(f'kiosk = true\nadmin_pin_hash = "{STORED}"\nhome = \n')
    assert main(["--content", str(VALID_PACK)]) == 0
    [(what, policy)] = opened
    assert what == "kiosk" and policy is not None
    assert verify_pin("246813", policy.admin_pin_hash)
    err = capsys.readouterr().err
    assert f"{path}:3: error: not valid TOML" in err
    assert f"{path}:2: warning: the staff PIN on this line is still used" in err


def test_damaged_pin_line_is_never_dropped_silently(capsys, opened):
    path = site_config(f'kiosk = true\nadmin_pin_hash = "{STORED}\n')
    assert main(["--content", str(VALID_PACK)]) == 0
    assert opened == [("kiosk", KioskPolicy(enabled=True))]
    err = capsys.readouterr().err
    assert f"{path}: error: the staff PIN could not be read" in err
    assert "cannot be left from the screen" in err


def test_damaged_config_that_says_no_kiosk_opens_the_desktop_and_says_why(capsys, opened):
    path = site_config("kiosk = false\nhome = \n")
    assert main(["--content", str(VALID_PACK)]) == 0
    assert opened == [("desktop", None)]
    assert f"{path}:2: error: not valid TOML" in capsys.readouterr().err


def test_valid_config_without_kiosk_opens_the_desktop_quietly(capsys, opened):
    site_config('clinic_name = "Riverside"\n')
    assert main(["--content", str(VALID_PACK)]) == 0
    assert opened == [("desktop", None)]
    assert capsys.readouterr().err == ""


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs a file its owner cannot read (root reads every file)")
def test_unreadable_site_config_starts_the_kiosk_locked(capsys, opened):
    path = site_config("kiosk = true\n")
    path.chmod(0)
    try:
        assert main(["--content", str(VALID_PACK)]) == 0
    finally:
        path.chmod(0o600)
    assert opened == [("kiosk", KioskPolicy(enabled=True))]
    assert f"{path}: error: cannot read the kiosk config" in capsys.readouterr().err


def test_kiosk_without_a_working_qt_says_so_in_one_line(capsys, monkeypatch, opened, tmp_path):
    # A platform plugin that cannot load aborts the process that tries it, as a missing
    # system library does; the kiosk finds out in a probe first and exits with its own status.
    monkeypatch.setenv("QT_QPA_PLATFORM", "no-such-platform")
    path = tmp_path / "kiosk.toml"
    path.write_text(f'admin_pin_hash = "{STORED}"\n', encoding="utf-8")
    status = main(["kiosk", "--config", str(path), "--content", str(VALID_PACK)])
    assert status == EXIT_QT_CANNOT_START
    assert opened == []
    lines = [ln for ln in capsys.readouterr().err.splitlines() if "kiosk cannot start" in ln]
    assert len(lines) == 1 and "no-such-platform" in lines[0] and "lantern doctor" in lines[0]


def test_the_unit_does_not_restart_a_kiosk_that_cannot_start():
    from tests.conftest import ROOT

    unit = (ROOT / "resources" / "kiosk" / "lantern-kiosk.service").read_text(encoding="utf-8")
    assert f"RestartPreventExitStatus={EXIT_QT_CANNOT_START}" in unit
    assert "StartLimitBurst=" in unit and "StartLimitIntervalSec=" in unit
    assert "Restart=on-failure" in unit
