"""Drives Lantern through the Linux accessibility bus (AT-SPI), as a screen reader would.

Run by the system Python, which has pyatspi, inside `dbus-run-session`:

    atspi_probe.py PYTHON [lantern arguments…]

It starts an X server of its own (Xvfb, 1280×800), then `PYTHON -m lantern …` on it with
Qt's accessibility switched on, finds the search field
by role and name, types DMN, opens the first result, tabs onto links in the reader, and
prints one JSON object: the tree (nodes, roles, unnamed interactive nodes), what the
reader's text interface exposes (headings, links), and the events heard on each Tab.
Nothing here imports Lantern or Qt.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from typing import Any

import pyatspi
from gi.repository import GLib

#: Roles a person operates (so each needs a name saying what it does).
INTERACTIVE = {
    "push button", "toggle button", "check box", "radio button", "combo box", "entry",
    "password text", "text", "list", "list item", "menu item", "page tab", "page tab list",
    "slider", "spin button", "table", "tree", "tree table", "link", "document text",
    "document web", "scroll pane",
}

events: list[dict[str, Any]] = []


def pump(seconds: float) -> None:
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while context.pending():
            context.iteration(False)
        time.sleep(0.02)


def wait_for(predicate: Any, seconds: float, what: str) -> Any:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            found = predicate()
        except Exception:  # the tree changes under us while the window is built
            found = None
        if found:
            return found
        pump(0.2)
    raise SystemExit(json.dumps({"error": f"timed out waiting for {what}"}))


def role(node: Any) -> str:
    try:
        return str(node.getRoleName())
    except Exception:
        return "?"


def name(node: Any) -> str:
    try:
        return str(node.name or "")
    except Exception:
        return ""


def showing(node: Any) -> bool:
    try:
        return bool(node.getState().contains(pyatspi.STATE_SHOWING))
    except Exception:
        return False


def walk(node: Any, depth: int = 0) -> list[Any]:
    found = [node]
    if depth > 40:
        return found
    try:
        count = node.childCount
    except Exception:
        return found
    for i in range(min(count, 400)):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            found.extend(walk(child, depth + 1))
    return found


def extents(node: Any) -> str:
    try:
        box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        return f"{box.width}x{box.height} at {box.x},{box.y}"
    except Exception:
        return "no extents"


def tree_summary(app: Any) -> dict[str, Any]:
    nodes = [n for n in walk(app) if showing(n) or n is app]
    roles = Counter(role(n) for n in nodes)
    unnamed = [f"{role(n)} (parent {role(n.parent)} {name(n.parent)!r}, "
               f"{n.childCount} children, {extents(n)})"
               for n in nodes if role(n) in INTERACTIVE and not name(n).strip()]
    return {"nodes": len(nodes), "roles": dict(sorted(roles.items())), "unnamed": unnamed}


def settled_summary(app: Any, seconds: float = 5.0) -> dict[str, Any]:
    """The tree once any unnamed node has had `seconds` to get its name or go: Qt shows an
    empty panel tab bar for one turn of its event loop while it lays out the docks, and a
    busy machine can stretch that turn. A node unnamed for good is still reported."""
    summary = tree_summary(app)
    end = time.monotonic() + seconds
    while summary["unnamed"] and time.monotonic() < end:
        pump(0.25)
        summary = tree_summary(app)
    return summary


def find(app: Any, wanted_role: str, wanted_name: str) -> Any:
    for node in walk(app):
        if role(node) == wanted_role and name(node) == wanted_name and showing(node):
            return node
    return None


def bold(weight: str) -> bool:
    return weight in ("bold", "demibold", "semibold") or (weight.isdigit() and int(weight) >= 600)


def text_structure(node: Any) -> dict[str, Any]:
    """Headings and links of a text node, as its Text and Hypertext interfaces say."""
    text = node.queryText()
    length = text.characterCount
    runs = []
    offset = 0
    while offset < length and len(runs) < 5000:
        attrs, start, end = text.getAttributeRun(offset, False)
        if end <= offset:
            end = offset + 1
        runs.append((start, end, dict(a.split(":", 1) for a in attrs if ":" in a)))
        offset = end
    # Qt's text interface has no heading or link attributes: headings are told by their
    # size and weight, links by their underline, as a screen reader's text attributes show.
    sizes: Counter[str] = Counter()
    for start, end, attrs in runs:
        sizes[attrs.get("size", "")] += end - start
    body = float(sizes.most_common(1)[0][0] or 0) if sizes else 0.0
    heading_runs = [(s, e, a) for s, e, a in runs
                    if a.get("heading-level") or a.get("level") or
                    (float(a.get("size") or 0) > body * 1.2 and bold(a.get("weight", "")))]
    link_runs = [(s, e, a) for s, e, a in runs
                 if a.get("link") or a.get("href") or a.get("underline", "none") != "none"]
    links: list[str] = []
    try:
        hypertext = node.queryHypertext()
        for i in range(hypertext.getNLinks()):
            link = hypertext.getLink(i)
            links.append(text.getText(link.startIndex, link.endIndex))
    except NotImplementedError:
        links = []
    children = Counter(role(c) for c in node) if node.childCount < 2000 else {}
    return {
        "characters": length,
        "attribute_names": sorted({k for _s, _e, a in runs for k in a}),
        "heading_runs": [text.getText(s, e)[:60] for s, e, _a in heading_runs][:40],
        "body_size": body,
        "link_runs": len(link_runs),
        "link_texts": [text.getText(s, e) for s, e, _a in link_runs][:60],
        "underline_styles": sorted({a.get("underline", "") for _s, _e, a in link_runs}),
        "hypertext_links": links[:200],
        "child_roles": dict(children),
    }


def on_event(event: Any) -> None:
    entry: dict[str, Any] = {"type": str(event.type), "role": role(event.source),
                             "name": name(event.source), "detail1": event.detail1}
    try:
        if isinstance(event.any_data, str):
            entry["data"] = event.any_data
    except Exception:
        pass
    if "caret" in entry["type"] or "selection" in entry["type"]:
        try:
            text = event.source.queryText()
            if text.getNSelections():
                start, end = text.getSelection(0)
                entry["selected"] = text.getText(start, end)
        except Exception:
            pass
    events.append(entry)


def click(node: Any) -> None:
    """A real click in the middle of `node` (an X display with no window manager gives
    keyboard focus to the window under the pointer, and Qt then focuses what was clicked)."""
    # No window manager: give the window the keyboard first, as a window manager would.
    subprocess.run(["xdotool", "search", "--sync", "--name", "Lantern", "windowfocus",
                    "--sync"], check=False, timeout=20, capture_output=True)
    box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    x, y = box.x + box.width // 2, box.y + box.height // 2
    pyatspi.Registry.generateMouseEvent(x, y, "abs")
    pump(0.2)
    pyatspi.Registry.generateMouseEvent(x, y, "b1c")
    pump(0.5)
    node.queryComponent().grabFocus()
    pump(0.3)


def key(name: str) -> None:
    """A real key press on the X display (AT-SPI's own key synthesis needs a desktop's
    keyboard map, which a bare X server lacks)."""
    subprocess.run(["xdotool", "key", "--clearmodifiers", name], check=False, timeout=10)
    pump(0.3)


def start_display() -> subprocess.Popen[bytes]:
    """Xvfb on a free display number, which it writes to a pipe once it is ready."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0",
                               "1280x800x24", "-nolisten", "tcp"], pass_fds=(write,),
                              stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        raise SystemExit(json.dumps({"error": "Xvfb did not start"}))
    os.environ["DISPLAY"] = f":{number}"
    return server


def main() -> int:
    python, *args = sys.argv[1:]
    server = start_display()
    env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1",
               QT_QPA_PLATFORM="xcb")
    app_process = subprocess.Popen([python, "-m", "lantern", *args], env=env)
    report: dict[str, Any] = {}
    try:
        desktop = pyatspi.Registry.getDesktop(0)
        app = wait_for(lambda: next((a for a in desktop if a is not None
                                     and name(a).lower() == "lantern"), None), 60,
                       "Lantern on the accessibility bus")
        field = wait_for(lambda: find(app, "entry", "Search") or find(app, "text", "Search"),
                         60, "the search field, by role and name")
        reader = wait_for(lambda: find(app, "label", "Reader") or
                          find(app, "document text", "Reader") or find(app, "text", "Reader"),
                          30, "the reader")
        # The home page has loaded when the reader holds more than the loading message.
        wait_for(lambda: reader.queryText().characterCount > 200, 60, "the home page")
        report["before"] = settled_summary(app)
        for kind in ("focus:", "object:state-changed:focused", "object:text-caret-moved",
                     "object:text-selection-changed", "object:active-descendant-changed",
                     "object:announcement"):
            pyatspi.Registry.registerEventListener(on_event, kind)
        click(field)
        events.clear()
        subprocess.run(["xdotool", "type", "--delay", "60", "DMN"], check=False, timeout=10)
        report["field_text"] = wait_for(
            lambda: field.queryText().getText(0, -1) == "DMN" and "DMN", 10,
            f"DMN typed: {field.queryText().getText(0, -1)!r} focused "
            f"{field.getState().contains(pyatspi.STATE_FOCUSED)} {events[-5:]}")
        pump(0.8)
        report["events_on_typing"] = [
            f"{e['type']} {e['role']} {e['name']!r} {e['detail1']}" for e in events
            if "focus" in e["type"]][:30]
        events.clear()
        key("Return")
        results = wait_for(lambda: find(app, "list", "Search results"), 20, "the results")
        wait_for(lambda: results.childCount > 0, 20, "a result")
        report["first_result"] = name(results.getChildAtIndex(0))
        report["events_on_enter"] = events[:20]
        results.queryComponent().grabFocus()
        pump(0.5)
        events.clear()
        key("Return")
        wait_for(lambda: any(e["name"] == "Reader" for e in events) or
                 reader.getState().contains(pyatspi.STATE_FOCUSED), 10, "the reader focused")
        pump(0.5)
        report["opened_title"] = name(app.getChildAtIndex(0)) if app.childCount else ""
        report["reader"] = text_structure(reader)
        report["reader_role"] = role(reader)
        tabs = []
        for _ in range(3):
            events.clear()
            key("Tab")
            pump(0.5)
            tabs.append([e for e in events if e["name"] == "Reader" or e["role"] == "link"])
        report["events_on_tab"] = tabs
        report["after"] = settled_summary(app)
    finally:
        app_process.terminate()
        try:
            app_process.wait(10)
        except subprocess.TimeoutExpired:
            app_process.kill()
        server.terminate()
        server.wait(10)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
