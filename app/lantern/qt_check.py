"""Why Qt would not start here, said before anything tries to start it.

Qt ends the process when its platform plugin cannot start, with a message about
reinstalling the application that helps nobody. Loading PySide6's widgets fails the same
way when a system library is missing. So before the window is created, `lantern` asks this
module whether there is a display to show it on and whether the system libraries the Qt
wheels use are present (after importing Qt's GUI module, which loads most of them, so that
asking costs nothing when they are), and `lantern doctor` uses the same answers to
explain a platform plugin that did not start.

Only Linux is checked: on macOS and Windows the wheels carry everything they need.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

from lantern.core.messages import translate

# The system libraries the PySide6 wheels load, by the Debian/Ubuntu package that has them.
# Qt's core, GUI and widget libraries need these on every platform plugin:
COMMON = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
}
# …and the X11 plugin (`xcb`, the usual one on a Linux desktop) these as well:
XCB = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}
WAYLAND = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
}
# Plugins that draw to no screen, or to one they open themselves.
NEEDS_NO_DISPLAY = {"offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs",
                    "vkkhrdisplay"}


def platform_name(env: Mapping[str, str]) -> str:
    """The platform plugin Qt will try first: QT_QPA_PLATFORM's first choice, or what Qt
    picks on its own (Wayland in a Wayland session, X11 otherwise)."""
    wanted = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if wanted:
        return wanted
    if env.get("XDG_SESSION_TYPE") == "wayland" and env.get("WAYLAND_DISPLAY"):
        return "wayland"
    return "xcb"


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(platform: str,
                      loads: Callable[[str], bool] | None = None) -> dict[str, str]:
    """The libraries `platform` needs that cannot be loaded, with their packages."""
    loads = loads or _loads
    wanted = dict(COMMON)
    if platform == "xcb":
        wanted |= XCB
    elif platform.startswith("wayland"):
        wanted |= WAYLAND
    return {soname: package for soname, package in wanted.items() if not loads(soname)}


def _x_server_listens(display: str) -> bool:
    """False only when DISPLAY names a local X server whose socket is not there; a remote
    or unusual DISPLAY is left for Qt to try."""
    host, _, number = display.rpartition(":")
    number = number.split(".")[0]
    if host not in ("", "unix") or not number.isdigit():
        return True
    return os.path.exists(f"/tmp/.X11-unix/X{number}")


def install_command(packages: list[str]) -> str:
    return "sudo apt-get install " + " ".join(dict.fromkeys(packages))


def diagnose(env: Mapping[str, str] | None = None,
             loads: Callable[[str], bool] | None = None) -> list[str]:
    """What would stop the window from opening, one sentence each; empty when nothing
    known would (Qt may still fail for a reason of its own)."""
    if not sys.platform.startswith("linux"):
        return []
    env = os.environ if env is None else env
    platform = platform_name(env)
    problems = []
    if platform not in NEEDS_NO_DISPLAY and not (env.get("DISPLAY")
                                                 or env.get("WAYLAND_DISPLAY")):
        problems.append(translate(
            "doctor", "no display: neither DISPLAY nor WAYLAND_DISPLAY is set, so there is no "
            "screen to open the window on (start Lantern from a desktop session; the "
            "command-line tools, such as lantern search, need none)"))
    elif platform == "xcb" and not _x_server_listens(env.get("DISPLAY", "")):
        problems.append(translate(
            "doctor", "no display: nothing answers on DISPLAY={display} (the X server has "
            "stopped, or the variable names one that does not exist here)").format(
                display=env.get("DISPLAY")))
    missing = missing_libraries(platform, loads)
    if missing:
        problems.append(translate(
            "doctor", "missing system libraries for Qt's '{platform}' platform: {libraries}; "
            "install them with: {command}").format(
                platform=platform, libraries=", ".join(missing),
                command=install_command(list(missing.values()))))
    return problems
