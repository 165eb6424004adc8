"""`lantern doctor`: what an IT person needs to see to fix a Lantern that will not behave.

Every check prints one line, `ok` or `FAIL`, and nothing is changed on disk (the index is
opened read-only; folders are probed with a temporary file that is removed at once). The
Qt check starts the window toolkit in a separate process, because a platform plugin that
cannot start ends the process that tried.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from lantern.core import paths
from lantern.core.content import load_library
from lantern.core.plurals import count_of, plural

from lantern import __version__
from lantern.qt_check import diagnose

QT_PROBE = """
import json, PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication
app = QApplication([])
print(json.dumps({"pyside": PySide6.__version__, "qt": qVersion(),
                  "platform": QApplication.platformName()}))
"""
# A frozen Lantern (the standalone bundle) has no Python to run `-c` with: its own program
# runs the probe when this is set (resources/packaging/lantern_main.py).
QT_PROBE_ENV = "LANTERN_DOCTOR_QT_PROBE"


def _probe_command() -> tuple[list[str], dict[str, str] | None]:
    """How to start the Qt probe in a new process: Python with `-c`, or the bundle itself."""
    if getattr(sys, "frozen", False):
        return [sys.executable], {**os.environ, QT_PROBE_ENV: "1"}
    return [sys.executable, "-c", QT_PROBE], None


def run_qt_probe_if_asked() -> None:
    """In the bundle: be the Qt probe, and exit, when `lantern doctor` started us as one."""
    if os.environ.pop(QT_PROBE_ENV, "") == "1":
        exec(compile(QT_PROBE, "<qt probe>", "exec"), {})
        sys.exit(0)


def _qt(timeout: float = 30.0) -> tuple[bool, str]:
    wanted = os.environ.get("QT_QPA_PLATFORM", "") or "the default"
    command, env = _probe_command()
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env,
                              timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, f"Qt: could not start a test process ({exc})"
    if done.returncode == 0:
        try:
            info = json.loads(done.stdout.strip().splitlines()[-1])
            return True, (f"Qt {info['qt']} (PySide6 {info['pyside']}): platform plugin "
                          f"'{info['platform']}' starts")
        except (ValueError, IndexError, KeyError):
            pass
    lines = [ln for ln in done.stderr.strip().splitlines() if ln.strip()]
    named = [ln for ln in lines if "plugin" in ln and "Available" not in ln]
    # Qt's own first line blames libxcb-cursor0 whatever went wrong; a known cause is
    # said instead.
    reason = "; ".join(diagnose()) or (named or lines or [f"exit status {done.returncode}"])[0]
    return False, (f"Qt: the platform plugin ({wanted}; QT_QPA_PLATFORM) cannot start: "
                   f"{reason}")


def qt_starts() -> bool:
    """Whether Qt's platform plugin starts, tried in a separate process."""
    return _qt()[0]


def _writable(folder: Path) -> tuple[bool, str]:
    """Can Lantern write here (or create the folder)? Probed, then cleaned up."""
    existing = folder
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        return False, f"{existing} is not a folder"
    try:
        with tempfile.NamedTemporaryFile(dir=existing, prefix=".lantern-doctor-"):
            pass
    except OSError as exc:
        return False, f"not writable ({exc.strerror or exc})"
    return True, "writable" if existing == folder else "will be created"


def _running(config: Path) -> str:
    """Whether another Lantern window holds the single-instance lock."""
    try:
        pid = int((config / "lantern.lock").read_text(encoding="utf-8").split()[0])
    except (OSError, ValueError, IndexError):
        return "no Lantern window is running"
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return f"a stale lock from process {pid} (taken over at the next start)"
    except OSError:
        pass
    return f"a Lantern window is running (process {pid})"


def run_doctor(roots: Sequence[Path], out: TextIO) -> int:
    failures = 0

    def report(ok: bool, text: str) -> None:
        nonlocal failures
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'}  {text}", file=out, flush=True)

    python = "bundled" if getattr(sys, "frozen", False) else sys.executable
    report(True, f"Lantern {__version__}, Python {platform.python_version()} "
                 f"({python}) on {platform.platform()}")
    report(*_qt())

    library = load_library(roots)
    errors = len(library.errors)
    warnings = len(library.problems) - errors
    shown = ", ".join(str(r) for r in roots)
    documents = len(library.articles) + len(library.faqs) + len(library.terms)
    report(documents > 0 and errors == 0,
           f"content: {shown}: {count_of(len(library.articles), 'article')}, "
           f"{plural(len(library.faqs), 'FAQ')}, {count_of(len(library.terms), 'term')}; "
           f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
           + (" (details: lantern check)" if library.problems else ""))

    from lantern.core.search.whoosh_store import index_health

    cache = paths.cache_dir()
    health = index_health(library, cache)
    if not health.built:  # normal before the first start: the window builds it
        report(True, f"index: {health.location}: not built yet (the window builds it at its "
                     f"first start, or run: lantern index)")
    elif not health.opens:
        report(False, f"index: {health.location}: damaged, will be rebuilt at the next "
                      f"start ({health.error})")
    else:
        state = "up to date" if health.up_to_date else "out of date (run: lantern index)"
        report(health.up_to_date, f"index: {health.location}: opens, {health.doc_count} "
                                  f"documents, {health.segments} segment(s), {state}")

    config = paths.config_dir()
    for name, folder in (("cache folder", cache), ("config folder", config),
                         ("log folder", paths.log_dir())):
        ok, state = _writable(folder)
        report(ok, f"{name}: {folder} ({state})")
    report(True, _running(config))
    print("Lantern looks healthy." if not failures else
          f"{plural(failures, 'problem')} found.", file=out)
    return 1 if failures else 0
