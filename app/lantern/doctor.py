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
from lantern.core.messages import localise, translate

from lantern import __version__
from lantern.counted import counted
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
    wanted = os.environ.get("QT_QPA_PLATFORM", "") or translate("doctor", "the default")
    command, env = _probe_command()
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env,
                              timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, translate("doctor", "Qt: could not start a test process ({reason})").format(
            reason=exc)
    if done.returncode == 0:
        try:
            info = json.loads(done.stdout.strip().splitlines()[-1])
            return True, translate("doctor", "Qt {qt} (PySide6 {pyside}): platform plugin "
                                   "'{platform}' starts").format(
                qt=info["qt"], pyside=info["pyside"], platform=info["platform"])
        except (ValueError, IndexError, KeyError):
            pass
    lines = [ln for ln in done.stderr.strip().splitlines() if ln.strip()]
    named = [ln for ln in lines if "plugin" in ln and "Available" not in ln]
    # Qt's own first line blames libxcb-cursor0 whatever went wrong; a known cause is
    # said instead.
    found = diagnose()
    reason: str = found[0] if found else (named or lines or [translate(
        "doctor", "exit status {code}").format(code=done.returncode)])[0]
    for more in found[1:]:
        reason = translate("doctor", "{first}; {second}").format(first=reason, second=more)
    return False, translate("doctor", "Qt: the platform plugin ({wanted}; QT_QPA_PLATFORM) "
                            "cannot start: {reason}").format(wanted=wanted, reason=reason)


def qt_starts() -> bool:
    """Whether Qt's platform plugin starts, tried in a separate process."""
    return _qt()[0]


def _writable(folder: Path) -> tuple[bool, str]:
    """Can Lantern write here (or create the folder)? Probed, then cleaned up."""
    existing = folder
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        return False, translate("doctor", "{folder} is not a folder").format(folder=existing)
    try:
        with tempfile.NamedTemporaryFile(dir=existing, prefix=".lantern-doctor-"):
            pass
    except OSError as exc:
        return False, translate("doctor", "not writable ({reason})").format(
            reason=exc.strerror or exc)
    return True, translate("doctor", "writable") if existing == folder else \
        translate("doctor", "will be created")


def _running(config: Path) -> str:
    """Whether another Lantern window holds the single-instance lock."""
    try:
        pid = int((config / "lantern.lock").read_text(encoding="utf-8").split()[0])
    except (OSError, ValueError, IndexError):
        return translate("doctor", "no Lantern window is running")
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return translate("doctor", "a stale lock from process {pid} (taken over at the next "
                         "start)").format(pid=pid)
    except OSError:
        pass
    return translate("doctor", "a Lantern window is running (process {pid})").format(pid=pid)


def run_doctor(roots: Sequence[Path], out: TextIO) -> int:
    failures = 0

    def report(ok: bool, text: str) -> None:
        nonlocal failures
        failures += not ok
        mark = translate("doctor", "ok  ") if ok else translate("doctor", "FAIL")
        print(f"{localise(mark)}  {localise(text)}", file=out, flush=True)

    python = translate("doctor", "bundled") if getattr(sys, "frozen", False) else sys.executable
    report(True, translate("doctor", "Lantern {version}, Python {python_version} ({python}) "
                           "on {system}").format(
        version=__version__, python_version=platform.python_version(), python=python,
        system=platform.platform()))
    report(*_qt())

    library = load_library(roots)
    errors = len(library.errors)
    warnings = len(library.problems) - errors
    shown = ", ".join(str(r) for r in roots)
    documents = len(library.articles) + len(library.faqs) + len(library.terms)
    content = translate("doctor", "content: {packs}: {articles}, {faqs}, {terms}; {errors}, "
                        "{warnings}").format(
        packs=shown, articles=counted(len(library.articles), "article"),
        faqs=counted(len(library.faqs), "faq"), terms=counted(len(library.terms), "term"),
        errors=counted(errors, "error"), warnings=counted(warnings, "warning"))
    if library.problems:
        content = translate("doctor", "{content} (details: lantern check)").format(
            content=content)
    report(documents > 0 and errors == 0, content)

    from lantern.core.search.whoosh_store import index_health

    cache = paths.cache_dir()
    health = index_health(library, cache)
    if not health.built:  # normal before the first start: the window builds it
        report(True, translate("doctor", "index: {location}: not built yet (the window builds "
                               "it at its first start, or run: lantern index)").format(
            location=health.location))
    elif not health.opens:
        report(False, translate("doctor", "index: {location}: damaged, will be rebuilt at the "
                                "next start ({reason})").format(
            location=health.location, reason=health.error))
    else:
        state = translate("doctor", "up to date") if health.up_to_date else \
            translate("doctor", "out of date (run: lantern index)")
        report(health.up_to_date, translate(
            "doctor", "index: {location}: opens, {documents} documents, {segments} segment(s), "
            "{state}").format(location=health.location, documents=health.doc_count,
                              segments=health.segments, state=state))

    config = paths.config_dir()
    for name, folder in ((translate("doctor", "cache folder"), cache),
                         (translate("doctor", "config folder"), config),
                         (translate("doctor", "log folder"), paths.log_dir())):
        ok, state = _writable(folder)
        report(ok, translate("doctor", "{name}: {folder} ({state})").format(
            name=name, folder=folder, state=state))
    report(True, _running(config))
    print(localise(translate("doctor", "Lantern looks healthy.") if not failures else
                   translate("doctor", "{n} problem found.", "{n} problems found.", failures)),
          file=out)
    return 1 if failures else 0
