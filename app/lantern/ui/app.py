"""Start the application: one QApplication, one main window, content loaded after paint."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from lantern.core import collector, paths

from lantern.ui.platform.safety_net import (
    hold_records,
    make_excepthook,
    set_aside_if_corrupt,
    settings_notice,
    setup_logging,
)
from lantern.ui.platform.single_instance import Request, SingleInstance
from lantern.ui.window import ui_language
from lantern.ui.window.after_start import WhenUsable
from lantern.ui.window.main_window import MainWindow
from lantern.ui.words import translate

from lantern import __version__, i18n
from lantern.builtin_hashes import use_builtin_hashes

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from lantern.core.kiosk import KioskPolicy

    from lantern.ui.kiosk.controller import KioskController


#: How long a thread may hold the interpreter lock while another waits for it, s (Python's
#: default is 5 ms). The window's thread runs a little Python for every event; while a
#: search or the suggestions ran in a worker, each of those waited up to 5 ms, so a
#: keystroke's suggestions took 50–70 ms at p95 on a loaded machine, 29 ms with 1 ms.
SWITCH_INTERVAL_S = 0.001


def create_app(argv: Sequence[str] | None = None) -> QApplication:
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName("Lantern")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Lantern")
    app.setDesktopFileName("lantern")
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """Lantern's icon (resources/desktop/lantern.svg), drawn at whatever size is asked."""
    try:
        return QIcon(str(paths.resource("desktop", "lantern.svg")))
    except paths.NotFoundError:
        return QIcon()


def _log_to_file() -> None:
    """Open the log file and let the last-resort error hook name it."""
    app = QApplication.instance()
    log_file = setup_logging(paths.log_dir())
    sys.excepthook = make_excepthook(app.activeWindow if isinstance(app, QApplication)
                                     else lambda: None, log_file)


def _start(app: QApplication, kiosk: bool, request: Request | None = None,
           language: str | None = None) -> SingleInstance | None:
    """Catch stray errors, and make sure this is the only Lantern running. What is logged
    is kept until the log file opens, once search is usable (`_log_to_file`).

    Returns the held lock, or None when another Lantern already runs: a window is handed
    `request` and comes to the front; a kiosk, or a window that does not answer, is said
    to be open, in the language the window would have spoken (`--lang`, the saved
    choice, the locale).
    """
    hold_records()
    sys.excepthook = make_excepthook(app.activeWindow)
    guard = SingleInstance(paths.config_dir())
    if guard.acquire():
        return guard
    _log_to_file()  # no window to paint: the log file opens now
    if not kiosk and guard.hand_over(request or Request()):
        print("lantern: Lantern is already open; its window now shows what was asked.",
              file=sys.stderr)
        return None
    pid = guard.owner_pid()
    text = "Lantern is already open" + (f" (process {pid})" if pid else "") + "."
    print(f"lantern: {text} Switch to its window instead.", file=sys.stderr)
    if not kiosk:  # a kiosk has nobody to read a message box
        from PySide6.QtWidgets import QMessageBox

        ui_language.start(language, ui_language.saved_language())
        shown = (translate("Window", "Lantern is already open (process {pid}).").format(pid=pid)
                 if pid else translate("Window", "Lantern is already open."))
        QMessageBox.information(None, translate("Window", "Lantern is already open"), shown + "\n\n"
                                + translate("Window", "Switch to its window to keep reading."))
    return None


def _bench_marks(window: MainWindow) -> object | None:
    """The benchmark's marks, only when LANTERN_BENCH_QUIT_AT asks for them."""
    if not os.environ.get("LANTERN_BENCH_QUIT_AT"):
        return None
    from lantern.ui.platform.bench_hook import install

    app = QApplication.instance()
    return install(app, window) if isinstance(app, QApplication) else None


def run(roots: Sequence[Path], address: str | None = None, switch_packs: bool = False,
        watch: bool = False, language: str | None = None) -> int:
    """Open the window on `roots` (at `address`, if given). When a Lantern window is already
    open it is handed `address`, and `roots` too when `switch_packs` (packs were named).
    With `watch`, the packs are read again whenever one of their files is saved."""
    use_builtin_hashes()  # not OpenSSL's: a window takes few digests (the kiosk keeps it)
    collector.pause_for_start()  # until search is usable (`lantern` alone paused it sooner)
    app = create_app()
    absolute = tuple(Path(r).absolute() for r in roots) if switch_packs else ()
    guard = _start(app, kiosk=False, request=Request(address, absolute), language=language)
    if guard is None:  # handed over to the window already open
        collector.resume_after_start()
        return 0
    _window = open_window(roots, guard, address, watch, language)  # held until the loop ends
    logging_on = WhenUsable(_window, _log_to_file)  # once search is usable, in exec()
    try:
        return app.exec()
    finally:
        logging_on.run()  # what was held is written, even if no paint came
        guard.release()
        collector.resume_after_start()


def open_window(roots: Sequence[Path], guard: SingleInstance, address: str | None = None,
                watch: bool = False, language: str | None = None) -> MainWindow:
    """The main window, shown, loading after its first paint, taking later starts'
    requests through `guard`; with `watch`, reloading its packs when a file is saved. It
    speaks `language` (`--lang`), else the reader's saved choice, else the locale's."""
    kept = set_aside_if_corrupt(paths.config_dir() / "lantern.ini")
    code = ui_language.start(language, ui_language.saved_language())
    window = _reading_in(MainWindow(roots), code)
    if watch:
        window.watch_content()
    _bench_marks(window)  # its marks live as long as the window (their parent)
    window.show()
    if kept is not None:
        QTimer.singleShot(0, lambda: _warn(window, translate("Safety", "Settings were reset"),
                                           settings_notice(kept)))
    if address:
        _open_when_loaded(window, address)
    guard.requested.connect(lambda request: on_request(window, request))
    # Later starts are heard from once search is usable: QtNetwork is not needed before
    # that, and a start in between waits for the server (SingleInstance.hand_over).
    WhenUsable(window, guard.listen)  # lives as long as the window (its parent)
    WhenUsable(window, collector.resume_after_start)  # paused by `lantern` from its start
    if os.environ.get("LANTERN_QUIT_AFTER_START"):
        # For smoke tests and start-up timing of installs and bundles: quit once the
        # library is open and the first page shown, saying what was shown.
        def quit_now() -> None:
            print(f"lantern: window shown: {window.windowTitle()}", flush=True)
            QTimer.singleShot(0, window.close)

        window.library_loaded.connect(quit_now)
    window.load_after_first_paint()
    return window


def _reading_in(window: MainWindow, code: str) -> MainWindow:
    """`window`, its content read in the language it speaks (`code`)."""
    if code != i18n.DEFAULT:
        window.set_content_language(code)
    return window


def _warn(parent: QWidget, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title, text)


def _open_when_loaded(window: MainWindow, address: str, reloading: bool = False) -> None:
    if window.composer is not None and not reloading:
        window.navigate(address)
        return

    def once() -> None:
        window.library_loaded.disconnect(once)
        window.navigate(address)

    window.library_loaded.connect(once)


def on_request(window: MainWindow, request: Request) -> None:
    """A second start asked for something: come to the front and open it."""
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    roots = list(request.roots)
    reloading = bool(roots) and roots != [Path(r).absolute() for r in window.roots]
    if reloading:
        session = window.session
        previous = session.index

        def close_previous() -> None:
            window.library_loaded.disconnect(close_previous)
            if previous is not None and previous is not session.index:
                window.search.wait()  # a search still running on it ends first
                previous.close()

        window.library_loaded.connect(close_previous)
        window.roots = session.roots = roots
        if window.watcher is not None:  # live preview follows the packs now shown
            window.watcher.set_roots(roots)
        window.start_loading()
    if request.address:
        _open_when_loaded(window, request.address, reloading)


def open_kiosk(roots: Sequence[Path], policy: KioskPolicy, language: str | None = None,
               settings: QSettings | None = None, fullscreen: bool = True) -> KioskController:
    """The kiosk's window and controller, not yet shown or loading; in `language` when
    given (the clinic's language: each reset goes back to it)."""
    from lantern.ui.kiosk.controller import KioskController
    from lantern.ui.kiosk.policy import kiosk_window

    window = MainWindow(roots, settings=settings, policy=kiosk_window(policy))
    if language:  # kept for the library, which is loaded later; the window's default then
        window.set_ui_language(language)
    return KioskController(window, policy, fullscreen=fullscreen)


def run_kiosk(roots: Sequence[Path], policy: KioskPolicy, language: str | None = None) -> int:
    """Open the window locked down for an unattended screen; see docs/kiosk.md. With
    `language` (`--lang`, else the policy's `language`), it reads in that language, and goes
    back to it for each visitor."""
    collector.pause_for_start()
    app = create_app()
    guard = _start(app, kiosk=True)
    if guard is None:  # handed over to the window already open
        collector.resume_after_start()
        return 0
    # A kiosk keeps no choice: --lang, the clinic's kiosk.toml, or the locale's.
    code = ui_language.start(language or policy.language or None)
    controller = open_kiosk(roots, policy, code)
    window = controller.window
    logging_on = WhenUsable(window, _log_to_file)  # as for the window: once search is usable
    WhenUsable(window, collector.resume_after_start)
    controller.start()
    window.load_after_first_paint()
    try:
        return app.exec()
    finally:
        logging_on.run()  # what was held is written, even if no paint came
        guard.release()
        collector.resume_after_start()
