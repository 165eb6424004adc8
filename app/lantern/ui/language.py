"""The interface's language: Qt's translators for the window's words and for Qt's own.

`use(app, code)` installs Lantern's catalogue for `code` (resources/translations/
lantern_<code>.qm) and Qt's (`qtbase_<code>.qm`, where the dialogs' standard buttons,
"Cancel", "Close", "Yes", are translated), takes away those of the language before, and
has `lantern.core.messages` speak `code` too, so what core says in the window follows.
English is the language of the code: nothing is read for it.

Imported when a language other than English is asked for, or the reader switches.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from lantern.core import messages, paths

from lantern import i18n

#: The translators installed now (Lantern's, Qt's), kept so they can be taken away.
_installed: list[QTranslator] = []
_language = i18n.DEFAULT


def catalogue(code: str) -> Path | None:
    """Lantern's compiled catalogue of the window's words for `code`, if it has one."""
    try:
        path = paths.resource("translations", f"lantern_{code}.qm")
    except paths.NotFoundError:
        return None
    return path if path.is_file() else None


def qt_catalogue(code: str) -> Path | None:
    """Qt's own catalogue of its dialogs' words for `code`, where PySide6 installed it."""
    path = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
                f"qtbase_{code}.qm")
    return path if path.is_file() else None


def language() -> str:
    """The interface's language now."""
    return _language


def use(app: QCoreApplication, code: str) -> str:
    """Speak `code` in the window (English for a language Lantern lacks); the code used.

    Installing a translator sends every widget a QEvent.LanguageChange, on which each says
    its words again (their `retranslate`)."""
    global _language
    code = i18n.normalise(code) or i18n.DEFAULT
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if code != i18n.DEFAULT:
        for path in (catalogue(code), qt_catalogue(code)):
            translator = QTranslator(app)
            if path is not None and translator.load(str(path)):
                app.installTranslator(translator)
                _installed.append(translator)
    messages.set_language(code)
    _language = code
    return code
