"""Lantern as a screen reader gets it on Linux: through the real accessibility bus (AT-SPI),
in a D-Bus session of its own, on an X server of its own. tests/ui/atspi_probe.py does the
driving with pyatspi under the system Python; this module checks what it heard."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("atspi_probe.py")
SYSTEM_PYTHON = "/usr/bin/python3"
TOOLS = {"dbus-run-session": "dbus", "Xvfb": "xvfb", "xdotool": "xdotool"}


def _missing() -> str:
    if not sys.platform.startswith("linux"):
        return "AT-SPI is the Linux accessibility bus"
    for tool, package in TOOLS.items():
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Debian package {package})"
    if not any(Path(p).exists() for p in ("/usr/libexec/at-spi-bus-launcher",
                                          "/usr/lib/at-spi2-core/at-spi-bus-launcher")):
        return "at-spi-bus-launcher is not installed (Debian package at-spi2-core)"
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode:
        return "pyatspi is missing for the system Python (Debian package python3-pyatspi)"
    return ""


pytestmark = pytest.mark.skipif(bool(_missing()), reason=_missing() or "ready")


@pytest.fixture(scope="module")
def heard(tmp_path_factory) -> dict:
    home = tmp_path_factory.mktemp("atspi")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM",
                                                            "DBUS_SESSION_BUS_ADDRESS")}
    for name in ("CONFIG", "CACHE", "LOG"):
        env[f"LANTERN_{name}_DIR"] = str(home / name.lower())
    done = subprocess.run(["dbus-run-session", "--", SYSTEM_PYTHON, str(PROBE),
                           sys.executable], env=env, capture_output=True, text=True,
                          timeout=240)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, done.stdout[-2000:] + done.stderr[-3000:]
    report = json.loads(lines[-1])
    (home / "report.json").write_text(json.dumps(report, indent=1))
    return report


def test_search_field_found_by_role_and_name_and_dmn_opens_a_result(heard):
    assert heard["field_text"] == "DMN"
    assert "Default mode network" in heard["first_result"]
    assert heard["opened_title"].startswith("Default mode network")


def test_reader_exposes_headings_and_links_through_its_text(heard):
    reader = heard["reader"]
    assert reader["characters"] > 500
    # Qt's text interface gives no heading or link objects; headings show as larger bold
    # runs and links as underlined runs, with the link's words.
    assert "Default mode network" in reader["heading_runs"]
    assert reader["link_runs"] >= 5
    assert any(len(text) > 3 for text in reader["link_texts"])
    assert "underline" in reader["attribute_names"]


def test_tab_onto_a_link_is_heard_with_its_text(heard):
    onto_links = heard["events_on_tab"][1:]
    assert onto_links and all(onto_links)
    for events in onto_links:
        kinds = {e["type"] for e in events}
        assert "object:text-caret-moved" in kinds
        selected = {e.get("selected") for e in events if e.get("selected")}
        said = [e["data"] for e in events if e["type"] == "object:announcement"]
        assert selected and said
        assert any(text in words for text in selected for words in said), (selected, said)


def test_typing_keeps_the_focus_on_the_search_field(heard):
    focus = [e for e in heard["events_on_typing"] if e.startswith("focus:")]
    assert focus and focus[-1] == "focus: text 'Search' 0", heard["events_on_typing"]


def test_no_interactive_node_is_unnamed_on_the_bus(heard):
    assert heard["before"]["unnamed"] == []
    assert heard["after"]["unnamed"] == []
    assert heard["after"]["nodes"] > 50
