"""The launcher, icon and AppStream files, and `lantern desktop install/uninstall`."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lantern.core import paths

from lantern import desktop
from lantern.cli import main

DESKTOP = paths.resource("desktop")


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed (Debian: apt-get install "
                    f"{'desktop-file-utils' if 'desktop' in name else 'appstream'})")
    return found


def _validate_desktop_file(path: Path) -> None:
    done = subprocess.run([_tool("desktop-file-validate"), str(path)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0 and "error" not in done.stdout, done.stdout + done.stderr


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_launcher_is_a_valid_desktop_file():
    _validate_desktop_file(DESKTOP / desktop.DESKTOP_FILE)
    entry = _entry(DESKTOP / desktop.DESKTOP_FILE)
    assert entry["Icon"] == "lantern" and entry.get("NoDisplay") is None
    # The window's X11 class is the application name (QApplication.setApplicationName);
    # on Wayland the desktop file name (setDesktopFileName) ties it to this file.
    assert entry["StartupWMClass"] == "Lantern"


def test_the_appstream_description_is_valid():
    done = subprocess.run([_tool("appstreamcli"), "validate", "--no-net",
                           str(DESKTOP / desktop.METAINFO_FILE)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    text = (DESKTOP / desktop.METAINFO_FILE).read_text(encoding="utf-8")
    assert "<screenshot" in text and desktop.DESKTOP_FILE in text


def test_install_puts_launcher_icon_and_metainfo_in_the_xdg_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert main(["desktop", "install"]) == 0
    share = tmp_path / "share"
    launcher = share / "applications" / "lantern.desktop"
    icon = share / "icons" / "hicolor" / "scalable" / "apps" / "lantern.svg"
    metainfo = share / "metainfo" / desktop.METAINFO_FILE
    assert icon.read_bytes() == (DESKTOP / "lantern.svg").read_bytes()
    assert metainfo.read_bytes() == (DESKTOP / desktop.METAINFO_FILE).read_bytes()
    entry = _entry(launcher)
    program = Path(sys.executable).parent / "lantern"  # this venv's own launcher
    assert entry["Exec"] == str(program.absolute())
    assert entry["TryExec"] == str(program.absolute())
    _validate_desktop_file(launcher)
    out = capsys.readouterr().out
    assert str(launcher) in out and "application menu" in out

    assert main(["desktop", "uninstall"]) == 0
    assert not launcher.exists() and not icon.exists() and not metainfo.exists()
    assert "removed" in capsys.readouterr().out
    assert main(["desktop", "uninstall"]) == 0  # twice is fine
    assert "was not in the application menu" in capsys.readouterr().out


def test_install_into_a_folder_it_cannot_write_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    blocker = tmp_path / "share"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert main(["desktop", "install"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("lantern: cannot install the launcher:") and "Traceback" not in err


def test_a_relative_xdg_data_home_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert desktop.data_home() == tmp_path / ".local" / "share"


def test_exec_quotes_a_program_path_with_spaces():
    text = desktop.launcher_text("[Desktop Entry]\nExec=lantern\nTryExec=lantern\n",
                                 ["/opt/My Apps/lantern", "-m", "lantern"])
    assert 'Exec="/opt/My Apps/lantern" -m lantern' in text
    assert 'TryExec="/opt/My Apps/lantern"' in text


def test_a_frozen_lantern_starts_itself(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    program = tmp_path / "lantern"
    program.write_text("")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    assert desktop.launcher_command() == [str(program)]
