"""Why the window could not open, said before Qt is started, and by `lantern doctor`."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from lantern import qt_check
from lantern.cli import main
from tests.conftest import ROOT, VALID_PACK

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the system libraries are checked on Linux only")


def everything_loads(soname: str) -> bool:
    return True


def test_no_display_is_said_as_such():
    problems = qt_check.diagnose({}, everything_loads)
    assert len(problems) == 1
    assert problems[0].startswith("no display: neither DISPLAY nor WAYLAND_DISPLAY is set")


def test_a_display_whose_server_is_gone(tmp_path):
    problems = qt_check.diagnose({"DISPLAY": ":7391"}, everything_loads)
    assert problems and "nothing answers on DISPLAY=:7391" in problems[0]


@pytest.mark.parametrize("platform", ["offscreen", "minimal", "vnc:size=800x600"])
def test_platforms_that_need_no_display(platform):
    assert qt_check.diagnose({"QT_QPA_PLATFORM": platform}, everything_loads) == []


def test_missing_libraries_are_named_with_the_one_command_that_installs_them():
    absent = {"libxcb-icccm.so.4", "libEGL.so.1"}
    problems = qt_check.diagnose({"DISPLAY": "remote:0"}, lambda name: name not in absent)
    assert problems == [
        "missing system libraries for Qt's 'xcb' platform: libEGL.so.1, libxcb-icccm.so.4; "
        "install them with: sudo apt-get install libegl1 libxcb-icccm4"]


def test_offscreen_needs_no_x11_libraries():
    missing = qt_check.missing_libraries("offscreen", lambda name: "xcb" not in name)
    assert missing == {}


def _no_display_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["XDG_SESSION_TYPE"] = "tty"
    return env


def test_the_window_without_a_display_says_why_instead_of_qt_aborting():
    done = subprocess.run([sys.executable, "-m", "lantern", "--content", str(VALID_PACK)],
                          env=_no_display_env(), capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 1, done.stderr
    assert "lantern: the window cannot open here:" in done.stderr
    assert "no display" in done.stderr
    assert "Reinstalling" not in done.stderr


def test_doctor_blames_the_missing_display_not_a_library(capsys, monkeypatch):
    monkeypatch.setattr(qt_check, "_loads", everything_loads)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_SESSION_TYPE", "tty")
    code = main(["doctor", "--content", str(VALID_PACK)])
    qt = next(ln for ln in capsys.readouterr().out.splitlines() if ln[6:].startswith("Qt"))
    assert code == 1
    assert qt.startswith("FAIL") and "no display" in qt
    assert "libxcb-cursor0" not in qt



def test_the_readme_installs_every_library_before_its_first_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_command = readme.index("pip install .")
    installs = [line for line in readme[:first_command].splitlines()
                if line.startswith("sudo apt-get install ")]
    listed = {package for line in installs for package in line.split()[3:]}
    assert listed == set(qt_check.COMMON.values()) | set(qt_check.XCB.values())
