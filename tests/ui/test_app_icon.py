"""Lantern's window icon: the SVG from resources/desktop, drawn at the sizes desktops ask."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtGui import QColor

from lantern.ui import app as app_module

from tests.conftest import ROOT, VALID_PACK


@pytest.mark.parametrize("size", [16, 32, 48, 256])
def test_the_icon_draws_at_every_size_a_desktop_asks(qapp, size: int):
    icon = app_module.app_icon()
    assert not icon.isNull()
    image = icon.pixmap(size, size).toImage()
    assert image.width() == size
    # The night-blue tile fills the corner's neighbour, the lit glass the middle.
    tile = QColor(image.pixelColor(size // 8, size // 2))
    glass = QColor(image.pixelColor(size // 2, size * 9 // 16))
    assert tile.blue() > tile.red() and tile.alpha() == 255
    assert glass.red() > 200 and glass.green() > 150  # warm, bright


def _x_tools() -> dict[str, str]:
    tools = {name: shutil.which(name) for name in ("Xvfb", "xprop", "xdotool")}
    missing = [name for name, found in tools.items() if not found]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (Debian: xvfb x11-utils xdotool)")
    return {name: str(found) for name, found in tools.items()}


@pytest.fixture
def x_display(tmp_path: Path) -> Iterator[str]:
    """A virtual X server of our own; its display name."""
    tools = _x_tools()
    read, write = os.pipe()
    server = subprocess.Popen([tools["Xvfb"], "-displayfd", str(write), "-screen", "0",
                               "1280x800x24", "-nolisten", "tcp"], pass_fds=(write,),
                              stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.slow
def test_the_window_shows_its_icon_on_a_real_x_server(x_display: str, tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=x_display, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT / "app"),
               LANTERN_LOG_DIR=str(tmp_path / "logs"))
    lantern = subprocess.Popen([sys.executable, "-m", "lantern", "--content", str(VALID_PACK)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    try:
        window = ""
        deadline = time.monotonic() + 60
        while not window and time.monotonic() < deadline and lantern.poll() is None:
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid",
                                    str(lantern.pid)], env=env, capture_output=True,
                                   text=True, check=False)
            window = found.stdout.split()[0] if found.stdout.split() else ""
            time.sleep(0.2)  # polling another process's window: there is no signal to await
        assert window, "no Lantern window appeared: " + (lantern.stderr.read()
                                                          if lantern.poll() is not None else "")
        icon = subprocess.run(["xprop", "-id", window, "_NET_WM_ICON", "WM_CLASS"], env=env,
                              capture_output=True, text=True, check=True).stdout
    finally:
        lantern.terminate()
        lantern.communicate(timeout=30)
    assert "_NET_WM_ICON(CARDINAL)" in icon and "Icon (16 x 16)" in icon
    assert icon.rstrip().endswith('"Lantern"')  # WM_CLASS: the launcher's StartupWMClass
