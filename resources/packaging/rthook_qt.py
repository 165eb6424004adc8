"""Run by the bundle before Lantern's own code, in place of PyInstaller's PySide6 hook.

PyInstaller's own hook imports Qt Core at start-up to register a qt.conf, which the PyPI
wheels of PySide6 do not need (they register their own when Qt Core is imported). That
import loads the Qt libraries into every `lantern --version`, `search` or `check`, which
otherwise never touch Qt: a few hundred milliseconds each. This hook keeps the rest: it
tells Qt where the bundle's plug-ins are, and where Windows and macOS find its libraries.
"""

import os
import sys


def _qt_paths() -> None:
    base = getattr(sys, "_MEIPASS", os.path.dirname(sys.executable))
    qt = os.path.join(base, "PySide6") if sys.platform == "win32" \
        else os.path.join(base, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    if sys.platform == "win32":
        os.environ["PATH"] = base + os.pathsep + os.environ.get("PATH", "")
    elif sys.platform == "darwin":
        os.environ["DYLD_LIBRARY_PATH"] = (
            base + os.pathsep + os.environ.get("DYLD_LIBRARY_PATH", "")).rstrip(os.pathsep)


_qt_paths()
