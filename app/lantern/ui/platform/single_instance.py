"""One Lantern window per user: a lock file in the config folder, and a local socket through
which a second start hands its request to the running window.

The lock is a QLockFile: it records the owner's process id, and its owner holds the
file's kernel lock, so a lock left behind by a Lantern that crashed or lost power is
noticed as stale and taken over at once, even when its process id now belongs to another
program. The Lantern holding the lock also listens on a QLocalServer (a Unix socket or a
Windows named pipe, open to this user only); a second `lantern`, or a click on the
launcher, connects, sends what it was asked for (a page address, content packs) as one
line of JSON and exits, and the running window comes to the front and opens it. A kiosk
does not listen: a second start beside it is refused, as before.

The window starts listening once search is usable (QtNetwork and the socket's name cost
time the reader would wait through); a second start in between finds the lock held and no
server yet, and keeps trying to connect for a moment instead of giving up.
"""

from __future__ import annotations

import getpass
import json
import logging
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QThread, Signal

from lantern.core.address import Address

if TYPE_CHECKING:  # QtNetwork is imported when the window listens or a second start connects
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

LOCK_NAME = "lantern.lock"
MAX_REQUEST = 64 * 1024  # bytes; a request is a few hundred
MAX_PACKS = 32
REPLY = b"ok\n"
#: How long a second start waits for the running window to begin listening, and how often
#: it tries, ms: the window listens once search is usable (at most 1.5 s after it is made).
LISTEN_WAIT_MS = 3000
RETRY_MS = 50

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Request:
    """What a second start asks of the running window."""

    address: str | None = None
    roots: tuple[Path, ...] = ()

    def encode(self) -> bytes:
        data = {"address": self.address, "content": [str(r) for r in self.roots]}
        return json.dumps(data).encode("utf-8") + b"\n"

    @classmethod
    def decode(cls, raw: bytes) -> Request | None:
        """The request in `raw`, or None when it is not one (anything else on the socket
        is ignored, never trusted)."""
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        address = data.get("address")
        content = data.get("content") or []
        if address is not None and not (isinstance(address, str)
                                        and Address.parse(address) is not None):
            return None
        if not (isinstance(content, list) and len(content) <= MAX_PACKS
                and all(isinstance(c, str) and Path(c).is_absolute() for c in content)):
            return None
        return cls(address, tuple(Path(c) for c in content))


def server_name(directory: Path) -> str:
    """The socket's name: one per user and config folder, so two users (or two test runs
    with their own folders) never meet."""
    import hashlib

    key = hashlib.sha256(str(directory.absolute()).encode("utf-8")).hexdigest()[:16]
    user = "".join(c for c in getpass.getuser() if c.isalnum())[:32] or "user"
    return f"lantern-{user}-{key}"


class SingleInstance(QObject):
    requested = Signal(object)  # Request, from a second start

    def __init__(self, directory: Path, name: str = LOCK_NAME) -> None:
        super().__init__()
        self.path = directory / name
        self._directory = directory
        self._lock = QLockFile(str(self.path))
        # Never stale by age: a kiosk holds its lock for months. Stale only when the
        # process that wrote it is gone (QLockFile checks that on its own).
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None
        self._pending: dict[QLocalSocket, bytearray] = {}

    @cached_property
    def name(self) -> str:
        """The local socket's name (worked out when first needed, not before the paint)."""
        return server_name(self._directory)

    @property
    def listening(self) -> bool:
        return self._server is not None

    def acquire(self) -> bool:
        """True when this process now holds the lock; False when another Lantern does.

        A folder that cannot be written does not stop Lantern: it runs without the lock.
        """
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True
        if self._lock.tryLock(100):
            return True
        if self._lock.error() != QLockFile.LockError.LockFailedError:
            return True
        return self._take_over_if_unheld()

    def _take_over_if_unheld(self) -> bool:
        """Take a lock file that names a live process which does not hold it.

        Qt calls a lock stale only when its process is gone or runs another program; a
        Lantern that died and whose process id went to another Python program passes both
        checks. A live owner always holds the file's kernel lock (flock and fcntl on Unix,
        an open handle on Windows), and Qt removes the file only when that lock is free.
        A second lock serialises the removal, so two starts never delete each other's
        fresh lock file.
        """
        removal = QLockFile(str(self.path) + ".rmlock")
        if not removal.tryLock(100):
            return False
        try:
            pid = self.owner_pid()
            if not self._lock.removeStaleLockFile():
                return False  # held: a live Lantern (or a kiosk) owns it
            log.warning("took over a lock file left by process %s, which no longer holds it",
                        pid or "unknown")
            return self._lock.tryLock(100)
        finally:
            removal.unlock()

    def owner_pid(self) -> int | None:
        """The process id of the Lantern holding the lock, if known."""
        info = self._lock.getLockInfo()  # (pid, host name, application name)
        pid = info[0] if isinstance(info, tuple) and info else 0
        return int(pid) if pid else None

    # the running Lantern ----------------------------------------------------------------

    def listen(self) -> bool:
        """Take requests from later starts (call once the lock is held; the window calls it
        once search is usable, `ui/window/after_start.py`)."""
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None:
            return True
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # We hold the lock, so a socket left with this name is from a Lantern that died.
        QLocalServer.removeServer(self.name)
        if not server.listen(self.name):
            log.warning("a second start cannot reach this window: %s", server.errorString())
            return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            self._pending[socket] = bytearray()
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        buffer = self._pending.get(socket)
        if buffer is None:
            return
        buffer += bytes(socket.readAll().data())
        if b"\n" not in buffer and len(buffer) <= MAX_REQUEST:
            return  # more to come
        request = Request.decode(bytes(buffer).split(b"\n", 1)[0]) \
            if len(buffer) <= MAX_REQUEST else None
        self._pending[socket] = bytearray()
        if request is None:
            log.warning("ignored a malformed request from a second start")
            socket.abort()
            return
        socket.write(REPLY)
        socket.flush()
        socket.disconnectFromServer()
        self.requested.emit(request)

    def _forget(self, socket: QLocalSocket) -> None:
        self._pending.pop(socket, None)
        socket.deleteLater()

    # a second start ---------------------------------------------------------------------

    def hand_over(self, request: Request, timeout_ms: int = 3000,
                  listen_wait_ms: int = LISTEN_WAIT_MS) -> bool:
        """Give `request` to the running Lantern; True once it has said it took it.

        A Lantern that holds the lock but has no server yet (it is still drawing its
        window) is given `listen_wait_ms` to start listening."""
        socket = self._connect(timeout_ms, listen_wait_ms)
        if socket is None:
            return False  # a kiosk, or a Lantern too old to listen
        socket.write(request.encode())
        if not socket.waitForBytesWritten(timeout_ms):
            return False
        reply = bytearray()
        while REPLY not in reply and socket.waitForReadyRead(timeout_ms):
            reply += bytes(socket.readAll().data())
        reply += bytes(socket.readAll().data())  # what came with the goodbye
        socket.abort()
        return REPLY in reply

    def _connect(self, timeout_ms: int, listen_wait_ms: int) -> QLocalSocket | None:
        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + listen_wait_ms / 1000
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(timeout_ms):
                return socket
            missing = socket.error() in (QLocalSocket.LocalSocketError.ServerNotFoundError,
                                         QLocalSocket.LocalSocketError.ConnectionRefusedError)
            socket.abort()
            if not missing or time.monotonic() >= deadline:
                return None
            QThread.msleep(RETRY_MS)

    def release(self) -> None:
        for socket in list(self._pending):  # a second start still connected: hung up on
            socket.abort()
        self._pending.clear()
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()
