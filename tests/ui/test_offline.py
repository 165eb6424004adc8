"""Lantern never opens a network connection: a whole session with sockets forbidden."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_PACK
from tests.ui.conftest import click_link, make_window


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access is not allowed in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_a_full_session_opens_no_connection(qtbot, tmp_path: Path, no_network):
    window = make_window(qtbot, tmp_path, roots=(BUNDLED_PACK,))
    for query in ("DMN", "is ketamine safe", "psilocibin", "suicide"):
        with qtbot.waitSignal(window.search_finished, timeout=10000):
            window.search.run_now(query)
    window.navigate("lantern:article/psilocybin-and-the-brain")
    first_ref = window.reader.page.citations[0]
    click_link(qtbot, window.reader, f"lantern:ref/{first_ref}")
    click_link(qtbot, window.reader, "lantern:term/psilocybin")
    window.navigate("lantern:page/help-now")
    window.go_back()
    window.close()
    assert no_network == []


# Qt Network's classes that reach other machines (or name lookups). The only part of Qt
# Network Lantern uses is the local socket between two starts of the same user's Lantern
# (a Unix socket or a named pipe: never a network address).
NETWORK_CLASSES = ("QNetworkAccessManager", "QNetworkRequest", "QTcpSocket", "QTcpServer",
                   "QUdpSocket", "QSslSocket", "QHostInfo", "QDnsLookup", "QHttp")
LOCAL_ONLY = "from PySide6.QtNetwork import QLocalServer, QLocalSocket"


def test_qt_network_serves_only_the_local_socket():
    package = Path(__file__).resolve().parents[2] / "app" / "lantern"
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for name in NETWORK_CLASSES:
            assert name not in text, path
        network_lines = [ln.strip() for ln in text.splitlines() if "QtNetwork import" in ln
                         and not ln.lstrip().startswith("#")]
        if network_lines:  # imported lazily, maybe in more than one place: only these two
            assert path.relative_to(package).as_posix() == "ui/platform/single_instance.py"
            allowed = {LOCAL_ONLY, "from PySide6.QtNetwork import QLocalServer",
                       "from PySide6.QtNetwork import QLocalSocket"}
            assert set(network_lines) <= allowed, network_lines
        assert "urllib.request" not in text and "http.client" not in text, path
