"""Make the screenshots in docs/screenshots/ from the real window, offscreen.

    python docs/screenshots.py            # writes docs/screenshots/*.png

Uses a throwaway settings file and cache, so it neither reads nor changes yours.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
OUT = HERE / "screenshots"


def wait(signal, timeout_ms: int = 30000) -> None:  # type: ignore[no-untyped-def]
    """Until `signal` is emitted, or `timeout_ms` have passed."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def open_window(scratch: Path, roots: list[Path], language: str | None = None):  # type: ignore[no-untyped-def]
    """The application and its window on `roots`, 1440×900, its library loaded; speaking
    `language` as `lantern --lang LANGUAGE` does, when given."""
    from PySide6.QtCore import QSettings, QTimer

    from lantern.ui.app import create_app
    from lantern.ui.window import ui_language
    from lantern.ui.window.main_window import MainWindow

    app = create_app()
    if language:
        ui_language.start(language)
    settings = QSettings(str(scratch / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(roots, settings=settings)
    if language:
        window.set_content_language(language)
    window.resize(1440, 900)
    window.show()
    QTimer.singleShot(0, window.start_loading)
    wait(window.library_loaded)
    OUT.mkdir(exist_ok=True)
    return app, window


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="lantern-shots-"))
    os.environ["LANTERN_CACHE_DIR"] = str(scratch / "cache")
    os.environ["LANTERN_CONFIG_DIR"] = str(scratch / "config")  # bookmarks

    from lantern.core import paths
    from lantern.core.bookmarks import Bookmark

    app, window = open_window(scratch, [paths.content_dir()])

    # The home page, as a first-time reader meets it.
    window.go_home()
    app.processEvents()
    window.grab().save(str(OUT / "home.png"))

    window.navigate("lantern:article/psilocybin-and-the-brain")
    window.glossary.show_term("default-mode-network")
    window.references.show_reference(window.reader.page.citations[0])
    app.processEvents()
    window.grab().save(str(OUT / "article.png"))

    # The same article at twice the usual text size (Ctrl+= eight times).
    for _step in range(8):
        window.appearance.zoom(+1)
    app.processEvents()
    window.grab().save(str(OUT / "article-200.png"))
    window.appearance.zoom(0)

    # The help-now page a crisis search opens.
    window.navigate("lantern:page/help-now")
    app.processEvents()
    window.grab().save(str(OUT / "help-now.png"))

    # The article in each theme, with the Contents panel open.
    window.navigate("lantern:article/psilocybin-and-the-brain")
    window.contents.show()
    for theme in ("light", "dark", "high-contrast"):
        window.appearance.set_mode(theme)
        window.references.show_reference(window.reader.page.citations[0])
        app.processEvents()
        window.grab().save(str(OUT / f"theme-{theme}.png"))
    window.contents.hide()
    window.appearance.set_mode("light")

    window.bookmarks.add(Bookmark("lantern:article/psilocybin-and-the-brain",
                                  "Psilocybin and the brain"))
    window.bookmarks.add(Bookmark("lantern:faq/what-is-the-default-mode-network",
                                  "What is the default mode network?"))
    window.navigate("lantern:article/ketamine-and-esketamine")
    window.bookmarks.dock.show()
    app.processEvents()
    window.grab().save(str(OUT / "bookmarks.png"))
    window.bookmarks.dock.hide()

    window.navigate("lantern:article/psilocybin-and-the-brain")
    window.search_field.setText("DMN")
    window.search.run_now("DMN")
    wait(window.search_finished)
    app.processEvents()
    window.grab().save(str(OUT / "search-dmn.png"))
    # The glossary panel: an entry with where the term appears, the panel made wide.
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    window.results.hide()
    window.navigate("lantern:faq/what-is-the-default-mode-network")
    window.resizeDocks([window.glossary], [520], Qt.Orientation.Horizontal)
    window.references.hide()
    window.glossary.show_term("default-mode-network")
    app.processEvents()
    window.grab().save(str(OUT / "glossary.png"))

    # The References panel with a reference selected: its QR code and Copy citation.
    window.references.show()
    window.glossary.hide()
    window.navigate("lantern:article/mdma-assisted-therapy-for-ptsd")
    window.reader.continue_past_note()
    # As a citation click does: the window routes the reference's address to the panel.
    from PySide6.QtCore import QUrl

    window.on_link_activated(QUrl(f"lantern:ref/{window.reader.page.citations[2]}"))
    for _round in range(3):  # the panel takes its room after it is laid out
        app.processEvents()
    window.grab().save(str(OUT / "references.png"))
    window.glossary.show()

    # The end of an article: related reading as cards, then the references.
    window.navigate("lantern:article/psilocybin-and-the-brain")
    app.processEvents()
    start = window.reader.toPlainText().index("Read next")
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(start)
    bar = window.reader.verticalScrollBar()
    bar.setValue(bar.value() + window.reader.cursorRect(cursor).top() - 24)
    app.processEvents()
    window.grab().save(str(OUT / "read-next.png"))

    # Keyboard focus on a link, and links underlined (glossary terms dotted), in each theme.
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    window.navigate("lantern:article/psilocybin-and-the-brain")
    window.activateWindow()
    for theme in ("light", "dark", "high-contrast"):
        window.appearance.set_mode(theme)
        window.reader.verticalScrollBar().setValue(0)
        window.reader.setFocus()
        window.reader.setTextCursor(QTextCursor(window.reader.document()))
        for _ in range(3):
            app.sendEvent(window.reader, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab,
                                                   Qt.KeyboardModifier.NoModifier))
        app.processEvents()
        window.reader.grab().save(str(OUT / f"focus-{theme}.png"))
    print(f"screenshots written to {OUT}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
