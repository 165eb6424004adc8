"""Two instances, damaged settings, the log file and the last-resort exception hook."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from lantern.ui import app as app_module
from lantern.ui.platform.safety_net import (
    LOG_BACKUPS,
    LOG_BYTES,
    make_excepthook,
    set_aside_if_corrupt,
    setup_logging,
)
from lantern.ui.platform.single_instance import LOCK_NAME, SingleInstance

from tests.conftest import VALID_PACK


@pytest.fixture
def clean_logging():
    """Undo what setup_logging() and the hook install on the root logger and sys."""
    root = logging.getLogger()
    handlers, level, hook = list(root.handlers), root.level, sys.excepthook
    yield
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    sys.excepthook = hook


# --- two instances ---------------------------------------------------------------------


def test_second_instance_is_refused_until_the_first_lets_go(tmp_path: Path):
    first, second = SingleInstance(tmp_path), SingleInstance(tmp_path)
    assert first.acquire()
    assert not second.acquire()
    assert second.owner_pid() == os.getpid()
    first.release()
    assert second.acquire()
    second.release()


def test_lock_left_by_a_dead_process_is_taken_over(tmp_path: Path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    (tmp_path / LOCK_NAME).write_text(f"{dead.stdout.strip()}\nlantern\n{os.uname().nodename}\n")
    guard = SingleInstance(tmp_path)
    assert guard.acquire()
    guard.release()


def test_lock_whose_process_id_now_belongs_to_another_program_is_taken_over(tmp_path: Path):
    # What a Lantern leaves when it dies, with its process id since given to another
    # Python program: same program name, live process id, but nobody holds the lock.
    written = SingleInstance(tmp_path)
    assert written.acquire()
    left_behind = (tmp_path / LOCK_NAME).read_bytes().split(b"\n", 1)[1]
    written.release()
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (tmp_path / LOCK_NAME).write_bytes(b"%d\n" % other.pid + left_behind)
        guard = SingleInstance(tmp_path)
        assert guard.acquire()
        assert guard.owner_pid() == os.getpid()
        guard.release()
    finally:
        other.kill()
        other.wait()


HOLDER = """
import sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
lock.setStaleLockTime(0)
print("locked" if lock.tryLock(1000) else "busy", flush=True)
sys.stdin.read()
"""


def test_lock_held_by_another_process_refuses_then_frees(tmp_path: Path):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path / LOCK_NAME)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"  # type: ignore[union-attr]
        guard = SingleInstance(tmp_path)
        assert not guard.acquire()
        assert guard.owner_pid() == holder.pid
    finally:
        holder.communicate("", timeout=20)
    assert guard.acquire()
    guard.release()


def test_second_start_says_so_politely_and_opens_no_window(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, clean_logging
):
    monkeypatch.setenv("LANTERN_LOG_DIR", str(tmp_path / "logs"))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text: shown.append(text))
    running = SingleInstance(Path(os.environ["LANTERN_CONFIG_DIR"]))
    assert running.acquire()
    try:
        assert app_module.run([VALID_PACK]) == 0
        assert app_module.run_kiosk([VALID_PACK], None) == 0  # type: ignore[arg-type]
    finally:
        running.release()
    assert len(shown) == 1 and "already open" in shown[0]  # the kiosk shows no box
    assert capsys.readouterr().err.count("Lantern is already open") == 2
    assert not [w for w in qapp.topLevelWidgets() if w.objectName() == "mainWindow"
                and w.isVisible()]


def test_a_second_start_says_so_in_the_language_asked(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_logging
):
    monkeypatch.setenv("LANTERN_LOG_DIR", str(tmp_path / "logs"))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(SingleInstance, "hand_over", lambda self, request: False)
    running = SingleInstance(Path(os.environ["LANTERN_CONFIG_DIR"]))
    assert running.acquire()
    try:
        assert app_module.run([VALID_PACK], language="es") == 0
    finally:
        running.release()
    assert shown and shown[0][0] == "Lantern ya está abierto", shown
    assert "Lantern is" not in shown[0][1]


# --- settings --------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"\x00\xff\xfe\x01garbage\n[window\n", os.urandom(64) + b"\0",
                                  "caf\xe9".encode("latin-1"), b"[window]\nnot a setting\n",
                                  b"[reader]\nlast=lantern:article/x\nrecent=\"[[\\\"lantern",
                                  b"[reader]\nrecent=" + b"[" * 100_000 + b"]" * 100_000 + b"\n"],
                         ids=["binary", "random", "latin-1", "not-a-setting", "cut-short",
                              "nested-100000-deep"])
def test_corrupt_settings_are_set_aside_not_lost(tmp_path: Path, data: bytes):
    path = tmp_path / "lantern.ini"
    path.write_bytes(data)
    kept = set_aside_if_corrupt(path)
    assert kept is not None and kept.read_bytes() == data
    assert kept.name.startswith("lantern.ini.corrupt-") and not path.exists()


def test_every_set_aside_settings_copy_is_kept(tmp_path: Path):
    path = tmp_path / "lantern.ini"
    for n in range(2):  # within the same second: the second copy gets its own name
        path.write_bytes(b"\0damaged %d" % n)
        set_aside_if_corrupt(path)
    kept = sorted(p.read_bytes() for p in tmp_path.glob("lantern.ini.corrupt-*"))
    assert kept == [b"\0damaged 0", b"\0damaged 1"]


@pytest.mark.parametrize("key", ["reader/recent", "search/recent", "reader/positions"])
def test_stored_lists_nested_past_the_parser_depth_do_not_stop_the_window(
    qtbot, tmp_path: Path, key: str
):
    from tests.ui.conftest import make_window

    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    settings.setValue(key, "[" * 100_000 + "]" * 100_000)
    settings.sync()
    window = make_window(qtbot, tmp_path)
    assert window.library is not None
    window.close()


def test_good_and_missing_settings_are_left_alone(tmp_path: Path):
    path = tmp_path / "lantern.ini"
    assert set_aside_if_corrupt(path) is None
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setValue("window/geometry", b"\x00\x01binary\xff")
    settings.setValue("reader/last", "lantern:article/x#y z")
    settings.sync()
    assert set_aside_if_corrupt(path) is None and path.exists()


def test_window_starts_with_corrupt_settings_and_says_so(
    qapp, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_logging
):
    monkeypatch.setenv("LANTERN_LOG_DIR", str(tmp_path / "logs"))
    config = Path(os.environ["LANTERN_CONFIG_DIR"])
    config.mkdir(parents=True)
    (config / "lantern.ini").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00garbage")
    warned: list[str] = []

    def warning(parent, title, text):  # type: ignore[no-untyped-def]
        warned.append(text)
        # The app is up: close its window, which ends app.exec().
        QTimer.singleShot(0, parent.close)

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(qapp, "exec", lambda: qtbot.waitUntil(lambda: bool(warned)) or 0)
    assert app_module.run([VALID_PACK]) == 0
    assert len(warned) == 1 and "could not be read" in warned[0]
    assert list(config.glob("lantern.ini.corrupt-*"))
    assert not (config / LOCK_NAME).exists()  # released on the way out
    log_text = (tmp_path / "logs" / "lantern.log").read_text(encoding="utf-8")
    assert "could not be read" in log_text


KILLED_WRITER = """
import sys
from PySide6.QtCore import QSettings
settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
for n in range(1, 1000000):
    settings.setValue("n", n)
    settings.setValue("payload", ("x" * 100000) + str(n))
    settings.sync()
    print(n, flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_settings_writer_killed_mid_write_leaves_the_previous_state(tmp_path: Path):
    path = tmp_path / "lantern.ini"
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        for _ in range(30):  # thirty complete saves, then the power goes off mid-way
            assert writer.stdout.readline()  # type: ignore[union-attr]
    finally:
        writer.kill()
        writer.communicate(timeout=20)
    assert set_aside_if_corrupt(path) is None
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    n = int(settings.value("n"))
    assert n >= 30
    assert settings.value("payload") == "x" * 100000 + str(n)


# --- log file and exception hook -------------------------------------------------------


def test_log_file_rotates_in_the_log_folder(tmp_path: Path, clean_logging):
    path = setup_logging(tmp_path / "logs")
    assert path == tmp_path / "logs" / "lantern.log"
    logging.getLogger("lantern.test").info("hello from the test")
    handler = next(h for h in logging.getLogger().handlers
                   if isinstance(h, logging.handlers.RotatingFileHandler))
    assert (handler.maxBytes, handler.backupCount) == (LOG_BYTES, LOG_BACKUPS)
    handler.flush()
    assert "hello from the test" in path.read_text(encoding="utf-8")


def test_unwritable_log_folder_logs_to_stderr_only(tmp_path: Path, clean_logging):
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert setup_logging(blocker / "logs") is None


def _raise() -> None:
    raise RuntimeError("a bug in a slot")


def test_excepthook_logs_the_error_and_shows_a_message(qapp, qtbot, caplog):
    hook = make_excepthook(log_file=Path("lantern.log"))
    try:
        _raise()
    except RuntimeError as exc:
        error = exc
    with caplog.at_level(logging.CRITICAL, logger="lantern"):
        hook(RuntimeError, error, error.__traceback__)
        hook(RuntimeError, error, error.__traceback__)  # a second one while the box is up
    assert [r.levelno for r in caplog.records] == [logging.CRITICAL] * 2
    assert "a bug in a slot" in caplog.records[0].getMessage()
    assert "_raise" in caplog.records[0].getMessage()  # with its traceback
    boxes = [w for w in qapp.topLevelWidgets() if w.objectName() == "errorBox" and w.isVisible()]
    assert len(boxes) == 1
    assert "lantern.log" in boxes[0].text()
    boxes[0].close()


def test_excepthook_passes_keyboard_interrupt_on(monkeypatch: pytest.MonkeyPatch):
    seen: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "__excepthook__", lambda kind, error, tb: seen.append(kind))
    make_excepthook()(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert seen == [KeyboardInterrupt]


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_reaches_the_hook_and_the_app_lives_on(
    qapp, qtbot, caplog, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(sys, "excepthook", make_excepthook())
    with caplog.at_level(logging.CRITICAL, logger="lantern"):
        QTimer.singleShot(0, _raise)
        qtbot.waitUntil(lambda: any("a bug in a slot" in r.getMessage()
                                    for r in caplog.records))
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorBox"]
    assert boxes
    for box in boxes:
        box.close()
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: fired == [True])

