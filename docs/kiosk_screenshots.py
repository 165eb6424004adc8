"""Make the kiosk-mode screenshots in docs/screenshots/ from the real window, offscreen.

    python docs/kiosk_screenshots.py      # writes docs/screenshots/kiosk-*.png

At 1280×800 and 1920×1080: the home page, typing on the on-screen keyboard with the
suggestions, results with an article and both panels open, and the "Still reading?"
countdown; at 1280×800 also `es-kiosk.png`, switched to Spanish, typing on the Spanish
keyboard. Uses a throwaway cache and config, so yours are not touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
OUT = HERE / "screenshots"
SIZES = ((1280, 800), (1920, 1080))


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="lantern-kiosk-shots-"))
    os.environ["LANTERN_CACHE_DIR"] = str(scratch / "cache")
    os.environ["LANTERN_CONFIG_DIR"] = str(scratch / "config")

    from PySide6.QtCore import QEventLoop, QSettings, QTimer, QUrl

    from lantern.core import paths
    from lantern.core.kiosk import KioskPolicy

    from lantern.ui.app import create_app
    from lantern.ui.kiosk.controller import KioskController
    from lantern.ui.kiosk.policy import kiosk_window
    from lantern.ui.window.main_window import MainWindow

    def wait(signal=None, timeout_ms: int = 300) -> None:  # type: ignore[no-untyped-def]
        loop = QEventLoop()
        if signal is not None:
            signal.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()

    create_app()
    policy = KioskPolicy(clinic_name="Riverside Clinic", front_desk_text="Front desk, ground floor",
                         front_desk_phone="555-0100", idle_seconds=3600)
    OUT.mkdir(exist_ok=True)
    for width, height in SIZES:
        settings = QSettings(str(scratch / "ui.ini"), QSettings.Format.IniFormat)
        window = MainWindow(paths.content_roots(), settings=settings,
                            policy=kiosk_window(policy))
        # Offscreen there is no real screen to fill, so the window is sized by hand.
        controller = KioskController(window, policy, fullscreen=False)
        window.resize(width, height)
        controller.start()
        QTimer.singleShot(0, window.start_loading)
        wait(controller.reset_done, 30000)
        wait()
        suffix = f"{width}x{height}"
        window.grab().save(str(OUT / f"kiosk-home-{suffix}.png"))

        # Typing on the on-screen keyboard, the suggestions under the field.
        window.search_field.setFocus()
        keys = {key.text(): key for key in controller.keyboard.keys}
        for char in "what is":
            keys["Space" if char == " " else char].click()
            wait(window.suggestions.suggestions_shown, 3000)
        wait()
        window.grab().save(str(OUT / f"kiosk-typing-{suffix}.png"))

        # Results, an article, and both panels: a glossary word and a citation tapped.
        window.search_field.setText("ptsd")
        window.search.run_now("ptsd")
        wait(window.search_finished, 10000)
        controller.hide_keyboard()
        window.results.list.setFocus()
        window.open_result(window.results.model.result(1).target)
        wait()
        html = window.reader.toHtml()
        for kind in ("term", "ref"):
            start = html.find(f'href="lantern:{kind}/')
            if start >= 0:
                href = html[start + 6:html.index('"', start + 6)]
                window.on_link_activated(QUrl(href))
        wait()
        window.grab().save(str(OUT / f"kiosk-search-{suffix}.png"))

        controller.overlay.start(round(policy.warning_seconds * 1000))
        wait()
        window.grab().save(str(OUT / f"kiosk-countdown-{suffix}.png"))
        if (width, height) == SIZES[0]:
            spanish(controller, wait)
        controller.exit_kiosk()
        wait()
    print(f"screenshots written to {OUT}")
    return 0


def spanish(controller, wait) -> None:  # type: ignore[no-untyped-def]
    """The next visitor taps ES and types "sesión" on the Spanish keyboard."""
    window = controller.window
    controller.reset()
    wait()
    controller.language.actions["es"].trigger()
    wait()
    window.search_field.setFocus()
    for char in "sesión":
        keys = {key.text(): key for key in controller.keyboard.keys}
        keys[char].click()
        wait(window.suggestions.suggestions_shown, 3000)
    wait()
    window.grab().save(str(OUT / "es-kiosk.png"))


if __name__ == "__main__":
    sys.exit(main())
