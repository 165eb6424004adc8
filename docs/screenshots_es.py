"""Make the Spanish screenshots in docs/screenshots/ (es-*.png) from the real window.

    python docs/screenshots_es.py         # writes docs/screenshots/es-*.png

The window as `lantern --lang es` opens it, offscreen, on the bundled packs, with a
throwaway settings file and cache: the home page, the results for "sesion" and an article.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
OUT = HERE / "screenshots"
ARTICLE = "lantern:article/psilocybin-and-the-brain"  # shown in its Spanish translation


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="lantern-shots-"))
    os.environ["LANTERN_CACHE_DIR"] = str(scratch / "cache")
    os.environ["LANTERN_CONFIG_DIR"] = str(scratch / "config")

    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from lantern.core import paths

    from lantern.ui.app import create_app
    from lantern.ui.window import ui_language
    from lantern.ui.window.main_window import MainWindow

    app = create_app()
    ui_language.start("es")
    settings = QSettings(str(scratch / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(paths.content_roots(), settings=settings)
    window.set_content_language("es")
    window.resize(1440, 900)
    window.show()

    def wait(signal, timeout_ms: int = 30000) -> None:  # type: ignore[no-untyped-def]
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()

    QTimer.singleShot(0, window.start_loading)
    wait(window.library_loaded)
    OUT.mkdir(exist_ok=True)
    app.processEvents()
    window.grab().save(str(OUT / "es-home.png"))

    window.search_field.setText("sesion")
    window.search.run_now("sesion")
    wait(window.search_finished)
    app.processEvents()
    window.grab().save(str(OUT / "es-results.png"))

    window.results.hide()
    window.navigate(window.session.localized(ARTICLE))
    window.reader.continue_past_note()
    window.glossary.show()
    window.references.show()
    window.find_bar.open_bar()
    window.find_bar.field.setText("cerebro")
    app.processEvents()
    window.grab().save(str(OUT / "es-article.png"))
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
