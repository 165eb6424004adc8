"""Soak test: drive the real window for thousands of reader sessions and watch memory.

    QT_QPA_PLATFORM=offscreen python bench/soak.py [--cycles 2000] [--warmup 200] [--kiosk]

One cycle is what a visitor does: search (waiting for the answer, as the window does),
open the first result, follow a glossary term link, open a citation, go home. With --kiosk
the window runs under the kiosk controller and every cycle ends with its reset instead.
Memory is the resident set size of this process (Linux /proc), taken after a garbage
collection at the start (window loaded), after the warm-up cycles and at the end, with the
number of live Python objects. Growth after the warm-up is what would leak over months.
Prints a Markdown table; --json FILE also saves the figures.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "app"))

from PySide6.QtCore import QEventLoop, QSettings, QTimer, QUrl, qInstallMessageHandler  # noqa: E402

QUERIES = ("DMN", "is ketamine safe", "psilocibin", "microdosing", "5-HT2A", "PTSD MDMA",
           "neuroplasticity", "esketamine nasal spray", "what is the default mode network",
           "suicide", "dmnxy qqqq", "")


def _quiet(mode, context, message: str) -> None:  # type: ignore[no-untyped-def]
    # The offscreen platform says this for every popup; it is not Lantern's.
    if "This plugin does not support" not in message:
        print(message, file=sys.stderr)


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux); peak RSS elsewhere."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def settle() -> None:
    """Let queued events (paints, queued signals) run once, without a busy loop."""
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec()


def wait_for(signal, start, timeout_ms: int = 20000) -> object:  # type: ignore[no-untyped-def]
    """Call `start()` and run the event loop until `signal` fires; return its argument."""
    loop = QEventLoop()
    got: list[object] = []

    def done(*args: object) -> None:
        got.append(args[0] if args else None)
        loop.quit()

    signal.connect(done)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(timeout_ms)
    try:
        start()
        if not got:
            loop.exec()
    finally:
        signal.disconnect(done)
        timer.stop()
    if not got:
        raise TimeoutError("the window did not answer in time")
    return got[0]


def measure(label: str, cycles: int) -> dict[str, object]:
    settle()
    gc.collect()
    return {"at": label, "cycles": cycles, "rss_mb": round(rss_mb(), 1),
            "python_objects": len(gc.get_objects())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cycles", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--kiosk", action="store_true", help="reset like a kiosk each cycle")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--json", type=Path, help="also save the figures here")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="lantern-soak-"))
    os.environ["LANTERN_CACHE_DIR"] = str(work / "cache")
    os.environ["LANTERN_CONFIG_DIR"] = str(work / "config")
    from lantern.ui.app import create_app
    from lantern.ui.window.main_window import MainWindow

    qInstallMessageHandler(_quiet)
    app = create_app([])
    settings = QSettings(str(work / "soak.ini"), QSettings.Format.IniFormat)
    controller = None
    if args.kiosk:
        from lantern.core.kiosk import KioskPolicy

        from lantern.ui.kiosk.controller import KioskController
        from lantern.ui.kiosk.policy import kiosk_window

        window = MainWindow([args.content], settings=settings,
                            policy=kiosk_window(KioskPolicy()))
        controller = KioskController(window, KioskPolicy(), fullscreen=False)
        controller.start()
    else:
        window = MainWindow([args.content], settings=settings)
        window.show()
    window.resize(1280, 800)
    wait_for(window.library_loaded, window.start_loading, 120000)
    assert window.library is not None

    terms = [t.id for t in window.library.terms]
    marks = [measure("start (window loaded)", 0)]
    started = time.perf_counter()
    for n in range(1, args.cycles + 1):
        query = QUERIES[n % len(QUERIES)]
        if query:
            response = wait_for(window.search_finished, lambda q=query: window.search.run_now(q))
            results = getattr(response, "results", ())
            if results:
                window.open_result(results[0].target)
        window.on_link_activated(QUrl(f"lantern:term/{terms[n % len(terms)]}"))
        page = window.reader.page
        if page is not None and page.citations:
            window.on_link_activated(QUrl(f"lantern:ref/{page.citations[0]}"))
        if controller is not None:
            controller.reset()
        else:
            window.go_home()
        settle()
        if n == args.warmup:
            marks.append(measure(f"after warm-up ({n} cycles)", n))
    elapsed = time.perf_counter() - started
    marks.append(measure(f"end ({args.cycles} cycles)", args.cycles))

    if controller is not None:
        controller.idle.stop()
    window.hide()
    window.deleteLater()
    settle()

    warm = marks[1] if len(marks) == 3 else marks[0]
    growth = float(marks[-1]["rss_mb"]) - float(warm["rss_mb"])  # type: ignore[arg-type]
    print(f"### Soak: {args.cycles} cycles{' (kiosk)' if args.kiosk else ''}, "
          f"{platform.python_implementation()} {platform.python_version()}, "
          f"{elapsed:.0f} s ({1000 * elapsed / max(args.cycles, 1):.0f} ms per cycle)\n")
    print("| when | RSS MB | live Python objects |")
    print("|---|---:|---:|")
    for mark in marks:
        print(f"| {mark['at']} | {mark['rss_mb']} | {mark['python_objects']:,} |")
    per_thousand = 1000 * growth / max(args.cycles - int(warm["cycles"]), 1)  # type: ignore[call-overload]
    print(f"\nGrowth after warm-up: {growth:+.1f} MB ({per_thousand:+.2f} MB per 1000 cycles)")
    if args.json:
        args.json.write_text(json.dumps({"cycles": args.cycles, "kiosk": args.kiosk,
                                         "seconds": round(elapsed, 1), "marks": marks},
                                        indent=2), encoding="utf-8")
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
