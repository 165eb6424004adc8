"""Shared fixtures. Every test gets its own cache and config folders."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID_PACK = FIXTURES / "valid-pack"
BROKEN_PACK = FIXTURES / "broken-pack"
BUNDLED_PACK = ROOT / "content"
UI_TESTS = Path(__file__).resolve().parent / "ui"


def bodies(library, terms: bool = True):  # type: ignore[no-untyped-def]
    """(name, Markdown) of every article, answer and page of a library, and glossary
    definitions when `terms`: what the content tests read."""
    for article in library.articles:
        yield f"article {article.slug}", article.body
    for faq in library.faqs:
        yield f"faq {faq.slug}", faq.body
    for page in library.pages:
        yield f"page {page.name}", page.body
    if terms:
        for term in library.terms:
            yield f"term {term.id}", term.definition


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/ui is marked `ui`: `pytest -m "not ui"` runs the rest."""
    for item in items:
        if UI_TESTS in item.path.parents:
            item.add_marker(pytest.mark.ui)


@pytest.fixture(autouse=True)
def _user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANTERN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("LANTERN_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("LANTERN_CONTENT_DIR", raising=False)
    # Lantern speaks the locale's language: the tests expect English whatever the
    # developer's machine speaks (the Spanish tests ask for Spanish themselves).
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    """A writable copy of the valid fixture pack."""
    target = tmp_path / "pack"
    shutil.copytree(VALID_PACK, target)
    return target
