"""One Lantern window per user: a lock file in the config folder.

A second start finds the lock held by a running Lantern and steps aside politely. The lock
is a QLockFile: it records the owner's process id, so a lock left behind by a Lantern that
crashed or lost power is noticed as stale and taken over at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_NAME = "lantern.lock"


class SingleInstance:
    def __init__(self, directory: Path, name: str = LOCK_NAME) -> None:
        self.path = directory / name
        self._lock = QLockFile(str(self.path))
        # Never stale by age: a kiosk holds its lock for months. Stale only when the
        # process that wrote it is gone (QLockFile checks that on its own).
        self._lock.setStaleLockTime(0)

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
        return self._lock.error() != QLockFile.LockError.LockFailedError

    def owner_pid(self) -> int | None:
        """The process id of the Lantern holding the lock, if known."""
        info = self._lock.getLockInfo()  # (pid, host name, application name)
        pid = info[0] if isinstance(info, tuple) and info else 0
        return int(pid) if pid else None

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()
