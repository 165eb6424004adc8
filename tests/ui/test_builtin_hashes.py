"""The reading window takes its digests from Python's own hash modules (not OpenSSL's,
3.5 MiB of memory); the digests are the same, and the kiosk keeps OpenSSL's scrypt."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

WINDOW = """
import sys
from lantern.core import paths
from lantern.ui import app
code = app.run(paths.content_roots())
import hashlib
print(code, sys.modules.get("_hashlib"), hashlib.sha256(b"lantern").hexdigest(),
      hashlib.md5(b"lantern", usedforsecurity=False).hexdigest())
"""


def _python(code: str, tmp_path: Path, **env: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
        check=False, env=dict(os.environ, PYTHONPATH=str(ROOT / "app"), QT_QPA_PLATFORM=
                              "offscreen", LANTERN_CONFIG_DIR=str(tmp_path / "config"),
                              LANTERN_CACHE_DIR=str(tmp_path / "cache"), **env))
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_the_window_digests_without_openssl_and_gets_the_same_digests(tmp_path: Path):
    # A first start: the packs are parsed (their fingerprint digested) and indexed.
    last = _python(WINDOW, tmp_path, LANTERN_QUIT_AFTER_START="1")
    assert last.split() == [
        "0", "None", hashlib.sha256(b"lantern").hexdigest(),
        hashlib.md5(b"lantern", usedforsecurity=False).hexdigest()]


def test_importing_the_window_leaves_openssl_to_the_kiosk(tmp_path: Path):
    last = _python("import hashlib, lantern.ui.app, lantern.ui.kiosk.controller\n"
                   "print(hasattr(hashlib, 'scrypt'))", tmp_path)
    assert last == "True"
