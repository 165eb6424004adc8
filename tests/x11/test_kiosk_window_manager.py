"""The kiosk against a real X server and window manager: Xvfb, openbox, xdotool, wmctrl.

What only a window manager can do to the kiosk (minimise it, take it out of full screen,
show the desktop, destroy its window, give its dialogs a title bar) is done here to a real
`lantern kiosk` process. Skipped, with the reason, where the tools are not installed
(`.ci/run` installs them on Debian when it runs as root).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from lantern.core.kiosk import hash_pin

from tests.conftest import VALID_PACK

TOOLS = ("Xvfb", "openbox", "xdotool", "wmctrl", "xwininfo", "xprop", "xsel")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(
    bool(MISSING) or sys.platform != "linux",
    reason=f"needs X11 tools ({', '.join(MISSING) or 'Linux'} missing; "
           "apt-get install xvfb openbox xdotool wmctrl x11-utils xsel)")

WIDTH, HEIGHT = 1280, 800
PIN = "246813"


def wait_for(check: Callable[[], object], timeout: float = 15.0, what: str = "") -> object:
    """Poll an outside process's state (there is no signal to await across processes)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or check}")
        time.sleep(0.1)


@dataclass
class Display:
    name: str
    env: dict[str, str]

    def run(self, *args: str) -> str:
        done = subprocess.run(args, env=self.env, capture_output=True, text=True, timeout=20,
                              check=False)
        return done.stdout


@pytest.fixture
def display(tmp_path: Path) -> Iterator[Display]:
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0",
                             f"{WIDTH}x{HEIGHT}x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    env = {**os.environ, "DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb",
           "HOME": str(tmp_path)}
    wm = subprocess.Popen(["openbox", "--sm-disable"], env=env, stderr=subprocess.DEVNULL)
    shown = Display(f":{number}", env)
    try:
        wait_for(lambda: "Openbox" in shown.run("wmctrl", "-m"), what="openbox")
        qt = subprocess.run([sys.executable, "-c", "from PySide6.QtWidgets import QApplication;"
                             " QApplication([])"], env=env, capture_output=True, timeout=60,
                            check=False)
        if qt.returncode != 0:
            pytest.skip("Qt's xcb platform plugin cannot start here (libxcb-cursor0, "
                        "libxcb-icccm4, libxcb-keysyms1… missing; .ci/run installs them)")
        yield shown
    finally:
        for process in (wm, xvfb):
            process.terminate()
            process.wait(10)


@dataclass
class Kiosk:
    process: subprocess.Popen[str]
    display: Display
    window: str
    log: Path

    def restores(self) -> int:
        """How often the kiosk has brought its window back, by its log."""
        if not self.log.exists():
            return 0
        return self.log.read_text(encoding="utf-8").count("bringing it back")

    def geometry(self) -> tuple[int, int, int, int]:
        info = self.display.run("xwininfo", "-id", self.window)
        x, y, w, h = (int(re.search(rf"{k}:\s+(-?\d+)", info).group(1))  # type: ignore[union-attr]
                      for k in ("Absolute upper-left X", "Absolute upper-left Y",
                                "Width", "Height"))
        return x, y, w, h

    def viewable(self) -> bool:
        return "IsViewable" in self.display.run("xwininfo", "-id", self.window)

    def state(self) -> str:
        return self.display.run("xprop", "-id", self.window, "_NET_WM_STATE")

    def whole_screen(self) -> bool:
        return (self.viewable() and self.geometry() == (0, 0, WIDTH, HEIGHT)
                and "HIDDEN" not in self.state())

    def windows(self) -> list[str]:
        """The top-level windows of the kiosk process that the window manager shows."""
        return self.display.run("xdotool", "search", "--onlyvisible", "--pid",
                                str(self.process.pid)).split()


@pytest.fixture
def kiosk(request: pytest.FixtureRequest, display: Display, tmp_path: Path) -> Iterator[Kiosk]:
    config = tmp_path / "kiosk.toml"
    cheap = hash_pin(PIN, {"n": 2**4, "r": 8, "p": 1})
    extra = getattr(request, "param", "")  # more settings, from an indirect parametrize
    config.write_text(f'admin_pin_hash = "{cheap}"\nclinic_name = "Riverside"\n{extra}',
                      encoding="utf-8")
    env = {**display.env, "LANTERN_CONFIG_DIR": str(tmp_path / "config"),
           "LANTERN_CACHE_DIR": str(tmp_path / "cache"),
           "LANTERN_LOG_DIR": str(tmp_path / "log")}
    process = subprocess.Popen(
        [sys.executable, "-m", "lantern", "kiosk", "--config", str(config),
         "--content", str(VALID_PACK)], env=env, stderr=subprocess.PIPE, text=True)
    shown = Kiosk(process, display, "", tmp_path / "log" / "lantern.log")
    try:
        found = wait_for(shown.windows, timeout=60, what="the kiosk window")
        shown.window = found[0]  # type: ignore[index]
        wait_for(shown.whole_screen, what="the kiosk in full screen")
        # The content has loaded (and the first reset is done) when the home page is shown.
        wait_for(lambda: "—" in display.run("xdotool", "getwindowname", shown.window),
                 timeout=60, what="the home page")
        yield shown
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(10)
        if process.stderr is not None:
            process.stderr.close()


def corner_taps(kiosk: Kiosk, taps: int = 5) -> None:
    kiosk.display.run("xdotool", "mousemove", "40", "30")
    for _ in range(taps):
        kiosk.display.run("xdotool", "click", "1")


def test_minimised_hidden_or_out_of_full_screen_it_comes_back(kiosk: Kiosk):
    before = kiosk.restores()
    kiosk.display.run("xdotool", "windowminimize", kiosk.window)
    # The kiosk may be back before a look from outside could see it minimised: its log says.
    wait_for(lambda: kiosk.restores() > before, timeout=10, what="the minimise to act")
    wait_for(kiosk.whole_screen, timeout=10, what="the kiosk to restore itself")

    kiosk.display.run("wmctrl", "-i", "-r", kiosk.window, "-b", "remove,fullscreen")
    wait_for(lambda: "FULLSCREEN" in kiosk.state(), timeout=10, what="full screen again")
    wait_for(kiosk.whole_screen, timeout=10, what="the whole screen again")

    kiosk.display.run("xdotool", "key", "super+d")  # openbox: show the desktop
    wait_for(kiosk.whole_screen, timeout=10, what="the kiosk over the desktop")

    kiosk.display.run("xdotool", "windowunmap", kiosk.window)
    wait_for(kiosk.whole_screen, timeout=10, what="the kiosk shown again")

    kiosk.display.run("wmctrl", "-i", "-c", kiosk.window)  # a polite close is refused
    assert kiosk.process.poll() is None
    assert kiosk.whole_screen()


def test_the_pin_dialog_is_part_of_the_kiosk_window(kiosk: Kiosk):
    corner_taps(kiosk)
    # A dialog of its own would get a title bar and a minimise button from the window
    # manager; the kiosk's dialogs are drawn inside its one window.
    time.sleep(1.0)  # give a separate dialog window time to be mapped, if there were one
    assert kiosk.windows() == [kiosk.window]
    kiosk.display.run("xdotool", "windowminimize", kiosk.window)
    wait_for(kiosk.whole_screen, timeout=10, what="the kiosk to restore itself")
    # The dialog is open and takes the PIN: the kiosk ends, as a staff exit, with status 0.
    kiosk.display.run("xdotool", "type", "--delay", "50", PIN)
    kiosk.display.run("xdotool", "key", "Return")
    assert kiosk.process.wait(20) == 0


def test_a_window_destroyed_from_outside_ends_the_process_with_a_failure(kiosk: Kiosk):
    kiosk.display.run("xdotool", "windowclose", kiosk.window)  # XDestroyWindow
    status = kiosk.process.wait(20)
    assert status not in (0, None)


@pytest.mark.parametrize("kiosk", ["idle_seconds = 2\nwarning_seconds = 1\n"], indirect=True)
def test_the_primary_selection_does_not_outlive_the_visitor(kiosk: Kiosk):
    def primary() -> str:
        return kiosk.display.run("xsel", "--primary", "--output")

    assert primary() == ""
    kiosk.display.run("xdotool", "mousemove", "190", "122", "click", "--repeat", "2", "1")
    selected = wait_for(primary, timeout=10, what="a double-clicked word in the selection")
    assert str(selected).strip()  # the word is readable by any program on the display
    # No more taps: "Still reading?", then the reset for the next visitor.
    wait_for(lambda: primary() == "", timeout=15, what="the reset to clear the selection")


def test_a_tap_beside_the_suggestions_acts_at_once(kiosk: Kiosk):
    def title() -> str:
        return kiosk.display.run("xdotool", "getwindowname", kiosk.window)

    home = title()
    kiosk.display.run("xdotool", "mousemove", "520", "36", "click", "1")  # the search field
    kiosk.display.run("xdotool", "type", "--delay", "80", "what")
    time.sleep(1.5)  # suggestions are computed in the background; nothing to await outside
    windows = kiosk.display.run("xdotool", "search", "--onlyvisible", "--pid",
                                 str(kiosk.process.pid)).split()
    kiosk.display.run("xdotool", "mousemove", "800", "36", "click", "1")  # Need help now?
    wait_for(lambda: title() != home, timeout=10,
             what=f"one tap on Need help now? to open it (windows: {windows})")
