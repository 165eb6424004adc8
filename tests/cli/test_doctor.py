"""`lantern doctor`: one line per check, exit status 1 when anything needs fixing."""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

import pytest

from lantern.core.content import load_library
from lantern.core.search.whoosh_store import index_dir_for

from lantern import doctor
from lantern.cli import main
from tests.conftest import VALID_PACK


@pytest.fixture
def qt_ok(monkeypatch: pytest.MonkeyPatch) -> None:
    """Skip the (real, slower) Qt probe where a test is about something else."""
    monkeypatch.setattr(doctor, "_qt", lambda: (True, "Qt: probe skipped in this test"))


def _doctor(capsys, pack: Path) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    code = main(["doctor", "--content", str(pack)])
    return code, capsys.readouterr().out.splitlines()


def _line(lines: list[str], start: str) -> str:
    return next(ln for ln in lines if ln[6:].startswith(start))


def _tree(folder: Path) -> dict[str, int]:
    return {str(p): p.stat().st_size for p in folder.rglob("*")} if folder.exists() else {}


def test_healthy_after_lantern_index(capsys, pack_copy: Path):
    assert main(["index", str(pack_copy)]) == 0
    capsys.readouterr()
    cache = Path(os.environ["LANTERN_CACHE_DIR"])
    before = _tree(cache)
    code, lines = _doctor(capsys, pack_copy)  # with the real Qt probe
    assert code == 0, lines
    assert lines[-1] == "Lantern looks healthy."
    assert all(ln.startswith("ok") for ln in lines[:-1]), lines
    assert "platform plugin 'offscreen' starts" in _line(lines, "Qt ")
    assert "0 errors" in _line(lines, "content:")
    index = _line(lines, "index:")
    assert "opens" in index and "1 segment(s)" in index and "up to date" in index
    assert _tree(cache) == before  # the doctor changed nothing


def test_index_not_built_yet_is_normal_on_a_fresh_install(capsys, pack_copy: Path, qt_ok):
    code, lines = _doctor(capsys, pack_copy)
    assert code == 0, lines
    index = _line(lines, "index:")
    assert index.startswith("ok") and "not built yet" in index and "lantern index" in index
    assert lines[-1] == "Lantern looks healthy."


# Whoosh leaves a file handle open when its reader fails on a truncated segment.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_damaged_and_out_of_date_indexes(capsys, pack_copy: Path, qt_ok):
    main(["index", str(pack_copy)])
    capsys.readouterr()
    faq = pack_copy / "faq" / "what-is-dmn.md"
    faq.write_text(faq.read_text() + "\nMore.\n")
    code, lines = _doctor(capsys, pack_copy)
    assert code == 1 and "out of date" in _line(lines, "index:")
    location = index_dir_for(load_library(pack_copy), Path(os.environ["LANTERN_CACHE_DIR"]))
    for segment in location.glob("*.seg"):
        segment.write_bytes(segment.read_bytes()[:64])
    code, lines = _doctor(capsys, pack_copy)
    gc.collect()  # let Whoosh's leaked handle be reported inside this test
    assert code == 1 and "damaged, will be rebuilt" in _line(lines, "index:")


def test_content_errors_and_unwritable_folders_fail(capsys, tmp_path: Path, qt_ok,
                                                     monkeypatch: pytest.MonkeyPatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("LANTERN_LOG_DIR", str(blocker / "logs"))
    broken = tmp_path / "broken"
    shutil.copytree(VALID_PACK, broken)
    (broken / "faq" / "bad.md").write_bytes(b"\xff\xfe not text")
    code, lines = _doctor(capsys, broken)
    assert code == 1
    assert _line(lines, "content:").startswith("FAIL") and "1 error," in lines[2]
    assert _line(lines, "log folder:").startswith("FAIL")
    assert _line(lines, "cache folder:").startswith("ok")


def test_qt_platform_that_cannot_start_is_reported(capsys, pack_copy: Path,
                                                   monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "no-such-platform")
    code, lines = _doctor(capsys, pack_copy)
    assert code == 1
    qt = _line(lines, "Qt")
    assert qt.startswith("FAIL") and "no-such-platform" in qt
