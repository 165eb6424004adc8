"""What core says in the window follows the window's language (content problems, the status
line after a reload), and a Spanish page is shown with Spanish words around it whatever the
window speaks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from PySide6.QtWidgets import QDialog, QPlainTextEdit

from lantern.core import messages

from tests.conftest import BROKEN_PACK, FIXTURES, VALID_PACK
from tests.ui.conftest import make_window

ES_PACK = FIXTURES / "es-pack"


@pytest.fixture
def spanish() -> Iterator[None]:
    messages.set_language("es")
    yield
    messages.set_language(messages.ENGLISH)


def _problems_text(window) -> str:  # type: ignore[no-untyped-def]
    window.problems_action.trigger()
    dialog = next(d for d in window.findChildren(QDialog) if d.isVisible())
    return dialog.findChild(QPlainTextEdit).toPlainText()


def test_content_problems_are_shown_in_the_windows_language(qtbot, tmp_path, spanish):
    window = make_window(qtbot, tmp_path, roots=(BROKEN_PACK,))
    shown = _problems_text(window)
    assert "id de glosario repetido: 'dmn'" in shown
    assert "duplicate glossary id" not in shown
    assert "problemas del contenido (Ver › Problemas del contenido)" in \
        window.session.status()
    window.close()


def test_content_problems_stay_english_in_an_english_window(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, roots=(BROKEN_PACK,))
    assert "duplicate glossary id 'dmn'" in _problems_text(window)
    window.close()


def test_a_reload_says_its_first_problem_in_the_windows_language(qtbot, tmp_path, pack_copy,
                                                                 spanish):
    window = make_window(qtbot, tmp_path, roots=(pack_copy,))
    window.watch_content()
    article = pack_copy / "articles" / "brain-networks.md"
    text = article.read_text(encoding="utf-8")
    with qtbot.waitSignal(window.content_reloaded, timeout=20000):
        article.write_text(text.replace("\n\n", "\n\nSee [@nobody1999].\n\n", 1),
                           encoding="utf-8")
    said = window.statusBar().currentMessage()
    problem = next(p for p in window.library.problems if "nobody1999" in p.message)
    assert problem.format(localise=messages.localise) in said
    assert messages.localise(problem.message, "es") != str(problem.message)
    window.close()


def test_a_spanish_page_in_an_english_window_has_spanish_words(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, roots=(VALID_PACK, ES_PACK))
    window.navigate("lantern:article/es/redes-del-cerebro")
    text = window.reader.toPlainText()
    assert "Revisado el 22 de noviembre de 2026" in text
    assert "Referencias" in text and "Lea también" in text
    window.navigate("lantern:article/brain-networks")
    assert "Reviewed " in window.reader.toPlainText()
    window.close()
