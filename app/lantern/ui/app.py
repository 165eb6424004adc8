"""Start the application: one QApplication, one main window, content loaded after paint."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from lantern.core import paths

from lantern.ui.platform.safety_net import (
    make_excepthook,
    set_aside_if_corrupt,
    settings_notice,
    setup_logging,
)
from lantern.ui.platform.single_instance import SingleInstance
from lantern.ui.window.main_window import MainWindow

from lantern import __version__

if TYPE_CHECKING:
    from lantern.core.kiosk import KioskPolicy


def create_app(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName("Lantern")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Lantern")
    app.setDesktopFileName("lantern")
    return app


def _start(app: QApplication, kiosk: bool) -> SingleInstance | None:
    """Log to a file, catch stray errors, and make sure this is the only Lantern running.

    Returns the held lock, or None when another Lantern already runs (it has been said).
    """
    log_file = setup_logging(paths.log_dir())
    sys.excepthook = make_excepthook(app.activeWindow, log_file)
    guard = SingleInstance(paths.config_dir())
    if guard.acquire():
        return guard
    pid = guard.owner_pid()
    text = "Lantern is already open" + (f" (process {pid})" if pid else "") + "."
    print(f"lantern: {text} Switch to its window instead.", file=sys.stderr)
    if not kiosk:  # a kiosk has nobody to read a message box
        QMessageBox.information(None, "Lantern is already open",
                                f"{text}\n\nSwitch to its window to keep reading.")
    return None


def run(roots: Sequence[Path]) -> int:
    app = create_app()
    guard = _start(app, kiosk=False)
    if guard is None:
        return 0
    kept = set_aside_if_corrupt(paths.config_dir() / "lantern.ini")
    window = MainWindow(roots)
    window.show()
    if kept is not None:
        QTimer.singleShot(0, lambda: QMessageBox.warning(
            window, "Settings were reset", settings_notice(kept)))
    window.load_after_first_paint()
    try:
        return app.exec()
    finally:
        guard.release()


def run_kiosk(roots: Sequence[Path], policy: KioskPolicy) -> int:
    """Open the window locked down for an unattended screen; see docs/kiosk.md."""
    from lantern.ui.kiosk.controller import KioskController
    from lantern.ui.kiosk.policy import kiosk_window

    app = create_app()
    guard = _start(app, kiosk=True)
    if guard is None:
        return 0
    window = MainWindow(roots, policy=kiosk_window(policy))
    controller = KioskController(window, policy)
    controller.start()
    window.load_after_first_paint()
    try:
        return app.exec()
    finally:
        guard.release()
