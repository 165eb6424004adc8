"""Files that hold what a reader did are readable by their owner only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lantern.core.paths import private_file

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def test_a_missing_settings_file_is_created_private_with_its_folder(tmp_path: Path):
    target = tmp_path / "config" / "lantern.ini"
    assert private_file(target) == target
    assert target.read_text() == ""
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.parent.stat().st_mode & 0o777 == 0o700


def test_an_existing_readable_file_is_made_private_and_keeps_its_content(tmp_path: Path):
    target = tmp_path / "lantern.ini"
    target.write_text("[search]\nrecent=[]\n")
    target.chmod(0o644)
    private_file(target)
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.read_text() == "[search]\nrecent=[]\n"


def test_a_file_that_cannot_be_made_private_is_left_alone(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    private_file(blocker / "lantern.ini")  # its folder is a file: nothing raised

