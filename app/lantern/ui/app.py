"""Start the application: one QApplication, one main window, content loaded after paint."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from lantern.ui.main_window import MainWindow

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


def run(roots: Sequence[Path]) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = create_app()
    window = MainWindow(roots)
    window.show()
    window.load_after_first_paint()
    return app.exec()


def run_kiosk(roots: Sequence[Path], policy: KioskPolicy) -> int:
    """Open the window locked down for an unattended screen; see docs/kiosk.md."""
    from lantern.ui.kiosk import KioskController

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = create_app()
    window = MainWindow(roots, persist_state=False)
    controller = KioskController(window, policy)
    controller.start()
    window.load_after_first_paint()
    return app.exec()
