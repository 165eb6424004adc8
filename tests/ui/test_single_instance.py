"""A second start hands its page and packs to the running window; a kiosk refuses it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings
from PySide6.QtNetwork import QLocalSocket

from lantern.ui import app as app_module
from lantern.ui.platform.single_instance import Request, SingleInstance
from lantern.ui.window.main_window import MainWindow

from tests.conftest import ROOT, VALID_PACK

ARTICLE = "lantern:article/safety-basics"


@pytest.fixture
def running(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
            ) -> Iterator[tuple[MainWindow, SingleInstance]]:
    """A first Lantern: the lock held, the window open on the valid pack, listening."""
    monkeypatch.setenv("LANTERN_LOG_DIR", str(tmp_path / "logs"))
    guard = SingleInstance(Path(os.environ["LANTERN_CONFIG_DIR"]))
    assert guard.acquire()
    monkeypatch.setattr(app_module, "MainWindow", lambda roots: MainWindow(
        roots, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)))
    window = app_module.open_window([VALID_PACK], guard)
    qtbot.addWidget(window)
    qtbot.waitSignal(window.library_loaded, timeout=20000).wait()
    yield window, guard
    window.close()
    guard.release()


def _second_start(*args: str) -> subprocess.Popen[str]:
    """`lantern ARGS` in a process of its own, with the same user folders."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "app"))
    return subprocess.Popen([sys.executable, "-m", "lantern", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(process: subprocess.Popen[str]) -> str:
    try:
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:  # a second start that did not hand over waits on a box
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    return err


def test_a_second_start_opens_its_page_in_the_running_window(qtbot, running):
    window, _ = running
    assert window.history.current != ARTICLE
    second = _second_start("--open", ARTICLE, "--content", str(VALID_PACK))
    try:
        qtbot.waitUntil(lambda: window.history.current == ARTICLE, timeout=60000)
    finally:
        err = _finish(second)
    assert "its window now shows what was asked" in err
    assert window.isVisible() and window.roots == [VALID_PACK]  # same pack: not reloaded


def test_a_launcher_click_brings_the_window_back_as_it_was(qtbot, running):
    window, guard = running
    window.navigate(ARTICLE)
    window.showMinimized()
    with qtbot.waitSignal(guard.requested, timeout=60000):
        second = _second_start()
    _finish(second)
    assert not window.isMinimized()
    assert window.history.current == ARTICLE  # nothing asked, nothing changed


def test_a_second_start_with_other_packs_reopens_the_window_on_them(
        qtbot, running, pack_copy: Path):
    window, _ = running
    (pack_copy / "articles" / "extra.md").write_text(
        "---\ntitle: Only in the copy\nsummary: A page the first pack lacks.\n"
        "topics: [safety]\nreviewed: 2026-01-01\nevidence: none\n---\n\nText.\n",
        encoding="utf-8")
    second = _second_start("--content", str(pack_copy), "--open", "lantern:article/extra")
    qtbot.waitUntil(lambda: window.history.current == "lantern:article/extra", timeout=60000)
    _finish(second)
    assert window.roots == [pack_copy]
    assert window.windowTitle().startswith("Only in the copy")


def test_a_kiosk_start_beside_a_window_is_refused_and_hands_nothing_over(
        qapp, qtbot, running, capsys, monkeypatch: pytest.MonkeyPatch):
    _, guard = running
    heard: list[Request] = []
    guard.requested.connect(heard.append)
    assert app_module._start(qapp, kiosk=True, request=Request(ARTICLE)) is None
    qtbot.wait(50)  # let any connection that was made arrive
    assert heard == []
    assert "Lantern is already open" in capsys.readouterr().err


def test_a_malformed_request_is_ignored(qtbot, running):
    window, guard = running
    heard: list[Request] = []
    guard.requested.connect(heard.append)
    socket = QLocalSocket()
    socket.connectToServer(guard.name)
    assert socket.waitForConnected(2000)
    socket.write(b'{"address": "file:///etc/passwd"}\n')
    # The running window hangs up on it, and hears of nothing.
    qtbot.waitUntil(lambda: socket.state() == QLocalSocket.LocalSocketState.UnconnectedState,
                    timeout=5000)
    assert heard == [] and window.isVisible()


@pytest.mark.parametrize("raw", [
    b"not json", b"[1, 2]", b'{"address": "http://example.org"}', b"\xff\xfe",
    b'{"content": ["relative/pack"]}', b'{"content": "' + b"x" * 10 + b'"}',
])
def test_request_decoding_refuses_anything_but_a_request(raw: bytes):
    assert Request.decode(raw) is None


def test_request_round_trip(tmp_path: Path):
    request = Request(ARTICLE, (tmp_path / "pack",))
    assert Request.decode(request.encode().rstrip(b"\n")) == request


def test_the_window_listens_only_once_it_has_been_drawn(qtbot, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch):
    guard = SingleInstance(tmp_path / "config")
    assert guard.acquire()
    monkeypatch.setattr(app_module, "MainWindow", lambda roots: MainWindow(
        roots, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)))
    window = app_module.open_window([VALID_PACK], guard)
    qtbot.addWidget(window)
    try:
        assert not guard.listening  # nothing of QtNetwork before the first paint
        qtbot.waitSignal(window.library_loaded, timeout=20000).wait()
        qtbot.waitUntil(lambda: guard.listening, timeout=10000)  # once search is usable
    finally:
        window.close()
        guard.release()


def test_a_second_start_before_the_window_listens_waits_for_it(qtbot, tmp_path: Path):
    first = SingleInstance(tmp_path)
    assert first.acquire()
    heard: list[Request] = []
    first.requested.connect(heard.append)
    code = ("import sys\n"
            "from pathlib import Path\n"
            "from PySide6.QtCore import QCoreApplication\n"
            "from lantern.ui.platform.single_instance import Request, SingleInstance\n"
            "app = QCoreApplication([])\n"
            "second = SingleInstance(Path(sys.argv[1]))\n"
            "assert not second.acquire()\n"
            "print('trying', flush=True)\n"
            f"print(second.hand_over(Request({ARTICLE!r})), flush=True)\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "app"))
    second = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert second.stdout is not None
        assert second.stdout.readline().strip() == "trying"
        # The second start finds the lock held and no server: it keeps trying meanwhile.
        qtbot.wait(300)
        assert second.poll() is None
        assert first.listen()
        qtbot.waitUntil(lambda: heard == [Request(ARTICLE)], timeout=10000)
        out, err = second.communicate(timeout=30)
    finally:
        if second.poll() is None:
            second.kill()
            second.communicate()
        first.release()
    assert out.strip() == "True", err
