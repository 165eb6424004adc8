"""`lantern desktop install` / `uninstall`: Lantern in the user's application menu.

A pip or pipx install puts a `lantern` command on the PATH but nothing in the desktop's
menu. These commands copy the launcher (`.desktop` file), the icon and the AppStream
description from `resources/desktop/` into the user's XDG data folder
(`$XDG_DATA_HOME`, by default `~/.local/share`), with the launcher pointing at the very
program that ran the command, and take them away again. Nothing outside that folder is
touched, and no administrator rights are needed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from lantern.core import paths
from lantern.core.messages import localise, translate

DESKTOP_FILE = "lantern.desktop"
ICON_FILE = "lantern.svg"
METAINFO_FILE = "invalid.lantern.Lantern.metainfo.xml"


@dataclass(frozen=True)
class Target:
    source: str  # file name in resources/desktop/
    folder: tuple[str, ...]  # where it goes, under the XDG data folder


TARGETS = (
    Target(DESKTOP_FILE, ("applications",)),
    Target(ICON_FILE, ("icons", "hicolor", "scalable", "apps")),
    Target(METAINFO_FILE, ("metainfo",)),
)


def data_home() -> Path:
    """The user's XDG data folder: $XDG_DATA_HOME when it is an absolute path (as the
    specification says), otherwise ~/.local/share."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local" / "share"


def launcher_command() -> list[str]:
    """How the desktop should start this Lantern: the bundle's own program, the `lantern`
    script beside this Python (a venv or pipx install), or this Python with `-m lantern`."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    beside = Path(sys.executable).parent / ("lantern.exe" if os.name == "nt" else "lantern")
    if beside.is_file():
        return [str(beside.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "lantern"]


def _quote(argument: str) -> str:
    """One argument of a desktop file's Exec key, quoted as the specification asks."""
    reserved = set(' \t\n"\'\\><~|&;$*?#()`')
    if not reserved & set(argument):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'


def launcher_text(template: str, command: list[str]) -> str:
    """The bundled .desktop file with Exec and TryExec pointing at `command`."""
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + " ".join(_quote(part) for part in command)
        elif line.startswith("TryExec="):
            line = "TryExec=" + _quote(command[0])
        lines.append(line)
    return "\n".join(lines) + "\n"


def _refresh(home: Path) -> None:
    """Tell the desktop's caches about the change, where their tools are installed; menus
    that watch the folders (most do) notice without them."""
    for tool, folder in (("update-desktop-database", home / "applications"),
                         ("gtk-update-icon-cache", home / "icons" / "hicolor")):
        if shutil.which(tool) and folder.is_dir():
            args = [tool, "-q", str(folder)]
            if tool == "gtk-update-icon-cache":
                args[2:2] = ["-f", "-t"]
            subprocess.run(args, capture_output=True, check=False, timeout=30)


def install(out: TextIO, err: TextIO) -> int:
    try:
        source = paths.resource("desktop")
    except paths.NotFoundError as exc:
        print(localise(translate("cli", "lantern: {reason}").format(reason=exc)), file=err)
        return 1
    home = data_home()
    command = launcher_command()
    try:
        for target in TARGETS:
            folder = home.joinpath(*target.folder)
            folder.mkdir(parents=True, exist_ok=True)
            destination = folder / target.source
            if target.source == DESKTOP_FILE:
                text = launcher_text((source / DESKTOP_FILE).read_text(encoding="utf-8"),
                                     command)
                destination.write_text(text, encoding="utf-8")
            else:
                shutil.copyfile(source / target.source, destination)
            print(localise(translate("desktop", "wrote {file}").format(file=destination)),
                  file=out)
    except OSError as exc:
        print(localise(translate("desktop", "lantern: cannot install the launcher: {reason}")
                       .format(reason=exc)), file=err)
        return 1
    _refresh(home)
    print(localise(translate("desktop", "Lantern is in the application menu; it starts "
                             "{command}").format(command=" ".join(command))), file=out)
    return 0


def uninstall(out: TextIO, err: TextIO) -> int:
    home = data_home()
    failed = False
    removed = 0
    for target in TARGETS:
        path = home.joinpath(*target.folder, target.source)
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            print(localise(translate("desktop", "lantern: cannot remove {file}: {reason}")
                           .format(file=path, reason=exc)), file=err)
            failed = True
            continue
        removed += 1
        print(localise(translate("desktop", "removed {file}").format(file=path)), file=out)
    _refresh(home)
    if not removed and not failed:
        print(localise(translate("desktop", "Lantern was not in the application menu "
                                 "(nothing in {folder})").format(folder=home)), file=out)
    return 1 if failed else 0
