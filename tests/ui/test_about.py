"""Help › About: version, pack and how fresh its facts are, the licences, About Qt."""

from __future__ import annotations

import pytest

from PySide6.QtWidgets import QApplication, QLabel, QTextBrowser

from lantern.ui.window.dialogs import AboutDialog

from lantern import __version__


@pytest.fixture
def about(qtbot, window) -> AboutDialog:
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    yield dialog
    dialog.close()


def test_about_names_version_pack_and_when_the_facts_were_checked(about: AboutDialog):
    text = about.findChild(QLabel, "aboutText").text()
    assert f"Lantern {__version__}" in text
    assert "Test pack (version 1, CC BY 4.0)" in text
    assert "Facts last checked: 22 November 2026" in text
    assert "MIT" in text and "LGPL-3.0" in text and "not medical advice" in text


def test_about_shows_the_licence_texts(about: AboutDialog):
    titles = [about.tabs.tabText(i) for i in range(about.tabs.count())]
    assert titles == ["About", "Licence", "Content licence", "Third-party notices"]
    texts = {w.objectName(): w.toPlainText() for w in about.findChildren(QTextBrowser)}
    assert texts["LICENSE"].startswith("MIT License")
    assert "Creative Commons Attribution 4.0" in texts["LICENSE-CONTENT"]
    assert "download.qt.io" in texts["THIRD-PARTY-NOTICES.md"]


def test_about_qt_is_one_click_away(about: AboutDialog, monkeypatch: pytest.MonkeyPatch):
    shown: list[bool] = []
    monkeypatch.setattr(QApplication, "aboutQt", lambda: shown.append(True))
    about.about_qt.click()
    assert shown == [True]
