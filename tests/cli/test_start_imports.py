"""What the window's start imports before its first paint: nothing it does not need then."""

from __future__ import annotations

import subprocess
import sys

#: Imported only when needed: parsing a pack, reading kiosk.toml, rotating the log file,
#: hearing from a second start, the About box (`platform`), the crisis patterns (compiled
#: on import, first needed by a search or a stored one) and the text helpers they use; the
#: command line's parser when no argument was given (a double-clicked icon).
NOT_BEFORE_PAINT = ("lantern.cli_parser", "lantern.core.content", "lantern.core.kiosk",
                    "yaml", "tomllib",
                    "logging.handlers", "socket", "PySide6.QtNetwork", "hashlib",
                    "lantern.core.model", "lantern.core.search.results", "platform",
                    "lantern.core.search.safety", "lantern.core.search.languages",
                    "lantern.core.text")


def test_the_window_start_imports_no_parser_toml_or_log_rotation(tmp_path) -> None:
    code = (
        "import sys\n"
        "from lantern import cli\n"
        "import lantern.ui.app\n"
        "lantern.ui.app.run = lambda *a, **k: 0  # everything up to opening the window\n"
        "assert cli.main([]) == 0\n"
        f"print([m for m in {NOT_BEFORE_PAINT!r} if m in sys.modules])\n"
    )
    env = {"LANTERN_CONFIG_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
           "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


#: PySide6 classes whose many enums are built when Python first meets the class.
NOT_TOUCHED_BEFORE_PAINT = ("QStyle",)


def test_the_window_meets_no_qstyle_before_its_first_paint(tmp_path) -> None:
    code = (
        "import PySide6.QtWidgets\n"
        "from lantern import cli\n"
        "assert cli.main([]) == 0\n"
        f"print([c for c in {NOT_TOUCHED_BEFORE_PAINT!r} if c in vars(PySide6.QtWidgets)])\n"
    )
    env = {"LANTERN_CONFIG_DIR": str(tmp_path / "config"),
           "LANTERN_CACHE_DIR": str(tmp_path / "cache"), "QT_QPA_PLATFORM": "offscreen",
           "LANTERN_BENCH_QUIT_AT": "paint", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"


def test_no_arguments_read_as_the_parser_reads_none() -> None:
    from lantern.cli import bare_arguments
    from lantern.cli_parser import build_parser

    assert vars(bare_arguments()) == vars(build_parser().parse_args([]))


def test_a_bare_start_runs_with_the_cycle_collector_paused_and_turns_it_on_again(
        monkeypatch) -> None:
    """`lantern` alone pauses the collector before anything of the window is imported (the
    window turns it on once search is usable, tests/ui/test_after_start.py); the end of the
    run turns it on whatever happened."""
    import gc

    from lantern import cli

    assert gc.isenabled()
    seen: list[bool] = []
    monkeypatch.setattr(cli, "_run", lambda args: seen.append(gc.isenabled()) or 0)
    assert cli.main([]) == 0
    assert seen == [False]
    assert gc.isenabled()
