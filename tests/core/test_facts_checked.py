"""A pack says when its facts were checked, and the home and about pages show it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from lantern.core.compose import Composer
from lantern.core.content import load_library
from lantern.core.model import Severity

from tests.conftest import BUNDLED_PACK, VALID_PACK


def _pack_with(tmp_path: Path, line: str) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(VALID_PACK, pack)
    with (pack / "pack.toml").open("a", encoding="utf-8") as f:
        f.write(line + "\n")
    return pack


def test_home_and_about_show_the_date_the_facts_were_checked(tmp_path):
    library = load_library(_pack_with(tmp_path, "facts_checked = 2026-12-01"))
    assert library.packs[0].facts_checked == dt.date(2026, 12, 1)
    composer = Composer(library)
    assert "facts checked on 1 December 2026" in composer.home().html
    about = library.page("about")
    if about is not None:
        assert "facts checked on 1 December 2026" in composer.page(about).html


def test_a_pack_without_the_date_shows_no_line(tmp_path):
    library = load_library(VALID_PACK)
    assert "facts checked" not in Composer(library).home().html


def test_a_date_that_is_not_a_date_is_reported_with_its_file(tmp_path):
    library = load_library(_pack_with(tmp_path, 'facts_checked = "mid-2026"'))
    problems = [p for p in library.problems if "pack.toml" in p.format()]
    assert problems and problems[0].severity is Severity.ERROR
    assert "facts_checked" in problems[0].format()


def test_the_bundled_pack_dates_its_facts_no_earlier_than_any_article():
    library = load_library(BUNDLED_PACK)
    checked = library.packs[0].facts_checked
    assert checked is not None
    assert all(a.reviewed <= checked for a in library.articles)
    about = library.page("about")
    assert about is not None
    assert f"{checked.day} {checked:%B %Y}" in Composer(library).page(about).html
