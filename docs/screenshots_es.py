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

    from screenshots import open_window, wait  # beside this script

    from lantern.core import paths

    app, window = open_window(scratch, paths.content_roots(), "es")
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
