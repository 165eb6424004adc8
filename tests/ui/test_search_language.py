"""The window searches in the reader's content language, and a crisis typed in Spanish opens
the Spanish help page, whichever language the window reads in."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from tests.bilingual import SPANISH_FIXTURE
from tests.conftest import BUNDLED_PACK
from tests.ui.conftest import make_window


def _search(qtbot, window, text: str):  # type: ignore[no-untyped-def]
    window.search_field.clear()
    qtbot.keyClicks(window.search_field, text)
    with qtbot.waitSignal(window.search_finished, timeout=10000) as blocker:
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    return blocker.args[0]


def test_searches_follow_the_content_language_and_spanish_crisis_words(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path, roots=(BUNDLED_PACK, SPANISH_FIXTURE))
    first = _search(qtbot, window, "MDMA").results[0]
    assert (first.language, first.id) == ("en", "mdma")
    # A Spanish crisis phrase in the English window: the Spanish help page, at once.
    response = _search(qtbot, window, "me quiero morir")
    assert window.history.current == "lantern:page/es/help-now"
    assert (response.results[0].language, response.results[0].id) == ("es", "es/help-now")
    assert window.set_content_language("es")
    first = _search(qtbot, window, "MDMA").results[0]
    assert (first.language, first.id) == ("es", "es/mdma")
    shown = window.results.model.result(0)
    assert shown.id == "es/mdma"
    # An English crisis phrase in the Spanish window: the help page of the window's language.
    _search(qtbot, window, "efectos secundarios de la ketamina")
    window.grab().save(str(tmp_path / "spanish-results.png"))
    _search(qtbot, window, "suicide")
    assert window.history.current == "lantern:page/es/help-now"
    window.close()


SPANISH_CYCLE = """
import json, sys
from pathlib import Path

from lantern.ui.platform.workers import PARSER_MODULES, preload_modules

preload_modules()
preload_modules(PARSER_MODULES)
before = set(sys.modules)

from lantern.core.content import load_library
from lantern.core.search import open_index

index = open_index(load_library([Path(sys.argv[1]), Path(sys.argv[2])]), Path(sys.argv[3]))
for text in ("sesiones", "clinca", "me quiero morir", "MDMA", "psilocibna"):
    index.search(text, language="es")
index.close()
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def test_searching_spanish_pages_imports_nothing_after_the_preload(tmp_path: Path) -> None:
    """The Spanish stemmer is made on the first Spanish word, possibly in a worker thread:
    its module is on the preload list, imported in the GUI thread first."""
    out = subprocess.run(
        [sys.executable, "-c", SPANISH_CYCLE, str(BUNDLED_PACK), str(SPANISH_FIXTURE),
         str(tmp_path / "cache")], capture_output=True, text=True, check=True, timeout=180)
    assert json.loads(out.stdout.splitlines()[-1]) == []
