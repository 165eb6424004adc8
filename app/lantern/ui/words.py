"""The window's words, through Qt's translation (docs/translating.md).

`translate(context, text)` is `QCoreApplication.translate`; a table marks its texts with
`QT_TRANSLATE_NOOP(context, text)` and translates them where they are shown. pyside6-lupdate
finds both by their names and puts the text in `resources/translations/lantern_<code>.ts`,
and the installed `QTranslator` (lantern.ui.language) answers it in the reader's language.

A number's phrase gives the English singular and plural, as the command line's messages
do: `translate("FindBar", "%n match", "%n matches", n)`. The catalogue holds the
language's own forms; in English, where no catalogue is loaded, the plural is chosen here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def translate(context: str, source: str, disambiguation: str | None = None,
              n: int = -1) -> str:
    """`source` in the interface's language (English when the catalogue lacks it)."""
    text = QCoreApplication.translate(context, source, disambiguation, n)
    if n >= 0 and disambiguation and n != 1 and text == source.replace("%n", str(n)):
        return disambiguation.replace("%n", str(n))  # no catalogue: the English plural
    return text



def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark `source` for the catalogue in a table, where no translator is asked yet; it is
    translated where it is shown, with `translate(context, source)`."""
    del context
    return source
