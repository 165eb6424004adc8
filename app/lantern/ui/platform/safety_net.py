"""What keeps a long-running window alive and explainable: a rotating log file, a last-resort
exception hook, and a settings file that is set aside, not lost, when it cannot be read.

Only `run()` and `run_kiosk()` in ui/app.py install these; tests build windows directly and
call the functions here one by one.
"""

from __future__ import annotations

import logging
import re
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from lantern.ui.words import translate

if TYPE_CHECKING:  # the box is built when an error needs it, not before the first paint
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger("lantern")

LOG_NAME = "lantern.log"
LOG_BYTES = 1024 * 1024
LOG_BACKUPS = 3
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
#: Lists or objects opened in a row past which a stored value is taken as damage.
MAX_NESTING = 200


def setup_logging(directory: Path) -> Path | None:
    """Log warnings to stderr and everything from INFO up to a rotating file in `directory`.

    Returns the log file, or None when the folder cannot be written (stderr only then).
    """
    import logging.handlers  # here, not at the top: with socket and pickle, ~10 ms of start

    root = logging.getLogger()
    root.setLevel(logging.INFO)
    held = [h for h in root.handlers if isinstance(h, HeldRecords)]
    for holder in held:
        root.removeHandler(holder)
    if not any(getattr(h, "_lantern", False) for h in root.handlers):
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        console._lantern = True  # type: ignore[attr-defined]
        root.addHandler(console)
    path = directory / LOG_NAME
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    except OSError as exc:
        log.warning("cannot write a log file in %s: %s", directory, exc)
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler._lantern = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    for holder in held:  # what was logged before the file was open goes in it first
        for record in holder.records:
            handler.handle(record)
    return path


class HeldRecords(logging.Handler):
    """Keeps what is logged before `setup_logging` opens the log file (at start-up the file
    is opened once the window has been painted), to write it there then."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < 1000:
            self.records.append(record)
        if record.levelno >= logging.WARNING and logging.lastResort is not None:
            logging.lastResort.handle(record)  # said on stderr at once, as without a handler


def hold_records() -> None:
    """Keep log records from now until `setup_logging` (warnings still go to stderr)."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    if not any(isinstance(h, HeldRecords) for h in root.handlers):
        root.addHandler(HeldRecords())


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def make_excepthook(parent: Callable[[], QWidget | None] = lambda: None,
                    log_file: Path | None = None) -> ExceptHook:
    """A sys.excepthook that logs an uncaught error and tells the user, instead of dying.

    PySide6 hands an exception raised in a slot to sys.excepthook and carries on; the
    default hook only prints it, and a window that silently stopped doing something is
    worse than a message saying so.
    """
    showing: list[QMessageBox] = []  # the box on screen, kept alive by this reference

    def hook(kind: type[BaseException], error: BaseException,
             tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            sys.__excepthook__(kind, error, tb)
            return
        log.critical("unexpected error:\n%s",
                     "".join(traceback.format_exception(kind, error, tb)).rstrip())
        if showing or QApplication.instance() is None:
            return  # an error while showing the last one: logged is enough
        try:
            from PySide6.QtWidgets import QMessageBox  # QtWidgets is loaded: no file read

            where = ("\n\n" + translate("Safety", "Details are in the log file:")
                     + f"\n{log_file}") if log_file else ""
            box = QMessageBox(QMessageBox.Icon.Warning,
                              translate("Safety", "Something went wrong"),
                              translate("Safety", "Lantern hit an unexpected error and carried "
                                        "on. If something looks wrong, close Lantern and open "
                                        "it again.") + where,
                              QMessageBox.StandardButton.Ok, parent())
            box.setObjectName("errorBox")
            box.setDetailedText(f"{kind.__name__}: {error}")
            box.finished.connect(lambda _result: showing.clear())
            showing.append(box)
            box.open()  # not exec(): the event loop, and the app, keep running
        except Exception:  # never let the safety net itself take the app down
            showing.clear()
            log.exception("could not show the error message")

    return hook


def set_aside_if_corrupt(path: Path) -> Path | None:
    """Move a settings file that cannot be read out of the way; return where it went.

    Qt reads a damaged INI file as far as it can and then overwrites it on the next save,
    so the damage would be silent. A file Qt wrote is UTF-8 text of `[section]` and
    `key=value` lines, never with NUL bytes, ending in a newline (a file cut short does
    not), with no value nested hundreds of lists deep (which no JSON parser reads back);
    anything else is kept as `<name>.corrupt-<time>`.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("cannot read settings %s: %s", path, exc)
        return None
    if _looks_like_ini(data):
        return None
    from lantern.core.atomic import set_aside

    try:
        target = set_aside(path)  # every earlier copy is kept too
    except OSError as exc:
        log.warning("settings %s are damaged and cannot be moved aside: %s", path, exc)
        return None
    log.warning("settings %s could not be read; kept as %s, starting with defaults",
                path, target)
    return target


def _looks_like_ini(data: bytes) -> bool:
    if b"\0" in data or (data and not data.endswith(b"\n")):
        return False
    if re.search(rb"[\[{]{%d}" % MAX_NESTING, data):
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith((";", "#")):
            continue
        if line.startswith("[") and line.endswith("]"):
            continue
        if "=" in line:
            continue
        return False
    return True


def settings_notice(kept: Path) -> str:
    return translate("Safety", "Your settings file could not be read, so Lantern started with "
                     "its default layout. The old file was kept as {name} in {folder}.").format(
        name=kept.name, folder=kept.parent)
