from __future__ import annotations

import os
from pathlib import Path

import pytest

from lantern.core.atomic import write_text_atomic


def test_replaces_the_file_and_keeps_the_mode(tmp_path: Path):
    target = tmp_path / "sub" / "file.txt"
    write_text_atomic(target, "one", 0o600)
    write_text_atomic(target, "two", 0o600)
    assert target.read_text() == "two"
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["file.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    target = tmp_path / "file.txt"
    write_text_atomic(target, "old")

    def no_space(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OSError):
        write_text_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["file.txt"]
