"""A pack of many questions: the home page lists a few and links to all of them, paged."""

from __future__ import annotations

import shutil
from pathlib import Path

from lantern.core.compose import ON_HOME

from tests.conftest import VALID_PACK
from tests.ui.conftest import click_link, make_window


def many_questions(tmp_path: Path, count: int) -> Path:
    pack = tmp_path / "many"
    shutil.copytree(VALID_PACK, pack)
    for n in range(count):
        (pack / "faq" / f"question-{n:04}.md").write_text(
            f"---\nquestion: Question number {n}?\ntopics: [test]\n---\n\nAnswer {n}.\n",
            encoding="utf-8")
    return pack


def test_home_links_to_every_question_on_paged_lists(qtbot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path, roots=(many_questions(tmp_path, 450),))
    html = window.reader.page.html
    assert html.count('href="lantern:faq/') == ON_HOME["faq"]
    with qtbot.waitSignal(window.page_shown, timeout=5000) as shown:
        click_link(qtbot, window.reader, "lantern:list/faq")
    assert shown.args == ["lantern:list/faq"]
    assert window.windowTitle().startswith("All questions (page 1 of 3)")
    with qtbot.waitSignal(window.page_shown, timeout=5000) as shown:
        click_link(qtbot, window.reader, "lantern:list/faq/3")
    assert shown.args == ["lantern:list/faq/3"]
    assert 'href="lantern:faq/question-0449"' in window.reader.page.html
    window.back_action.trigger()
    assert window.windowTitle().startswith("All questions (page 1 of 3)")
    window.close()
