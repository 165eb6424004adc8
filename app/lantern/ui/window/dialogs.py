"""The window's two small dialogs: content problems, and About (what Lantern and its content
are, how fresh the facts are, and the licences of the code, the content and the libraries,
with Qt's own About box one click away)."""

from __future__ import annotations

import html
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lantern.core import paths
from lantern.core.messages import localise
from lantern.core.wording import long_date

from lantern.ui.words import QT_TRANSLATE_NOOP, translate

from lantern import __version__

if TYPE_CHECKING:
    from lantern.core.model import Library, Problem


def reader_problems(library: Library | None, bundled: Path | None) -> list[Problem]:
    """The problems a reader is shown: everything about their own packs, and only the
    errors of the bundled pack (its warnings are for its authors: `lantern check`)."""
    from lantern.core.model import Severity  # not before the first paint

    problems = library.problems if library else ()
    if bundled is None:
        return list(problems)
    return [p for p in problems
            if p.severity is Severity.ERROR or not p.file.resolve().is_relative_to(bundled)]


class ProblemsDialog(QDialog):
    """The content problems a reader is shown, with a Close button."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.setWindowTitle(translate("Dialogs", "Content problems"))
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def show_problems(self, library: Library | None, bundled: Path | None) -> None:
        problems = reader_problems(library, bundled)
        # Said in the window's language (`lantern.core.messages.set_language`).
        self.text.setPlainText("\n".join(p.format(localise=localise) for p in problems)
                               or translate("Dialogs", "No problems found."))


def bundled_content() -> Path | None:
    """Where the content that comes with Lantern is (None when it has none)."""
    try:
        return paths.content_dir().resolve()
    except paths.NotFoundError:
        return None


def show_problems(parent: QWidget, library: Library | None,
                  bundled: Path | None = None) -> ProblemsDialog:
    dialog = parent.findChild(ProblemsDialog) or ProblemsDialog(parent)
    dialog.show_problems(library, bundled)
    dialog.open()
    return dialog


def show_about(parent: QWidget, library: Library | None) -> None:
    AboutDialog(library, parent).open()


LICENCE_TABS = (
    (QT_TRANSLATE_NOOP("Dialogs", "Licence"), "LICENSE"),
    (QT_TRANSLATE_NOOP("Dialogs", "Content licence"), "LICENSE-CONTENT"),
    (QT_TRANSLATE_NOOP("Dialogs", "Third-party notices"), "THIRD-PARTY-NOTICES.md"),
)


def _licence_text(name: str) -> str:
    try:
        return paths.licence_file(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, paths.NotFoundError) as exc:
        return translate("Dialogs", "The file {name} could not be read: {error}").format(
            name=name, error=exc)


def content_lines(library: Library | None) -> list[str]:
    """One line per pack (name, version, licence) and when the facts were last checked."""
    if library is None:
        return [translate("Dialogs", "The content is still loading.")]
    lines = []
    for pack in library.packs:
        version = translate("Dialogs", "version {version}").format(version=pack.version)
        details = ", ".join(x for x in (version if pack.version else "", pack.license) if x)
        lines.append(f"{pack.name}" + (f" ({details})" if details else ""))
    reviewed = [a.reviewed for a in library.articles]
    if reviewed:
        newest = max(reviewed)
        lines.append(translate(
            "Dialogs", "Facts last checked: {date} (each article shows its own date)"
        ).format(date=long_date(newest)))
    return lines


class AboutDialog(QDialog):
    def __init__(self, library: Library | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Dialogs", "About Lantern"))
        self.setObjectName("aboutDialog")
        tabs = QTabWidget(self)
        tabs.addTab(self._about_tab(library), translate("Dialogs", "About"))
        for title, name in LICENCE_TABS:
            text = QTextBrowser()
            text.setOpenLinks(False)  # addresses to copy; nothing opens from here
            text.setObjectName(name)
            if name.endswith(".md"):
                text.setMarkdown(_licence_text(name))
            else:
                text.setPlainText(_licence_text(name))
            tabs.addTab(text, translate("Dialogs", title))
        self.tabs = tabs
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.about_qt = buttons.addButton(translate("Dialogs", "About &Qt"),
                                          QDialogButtonBox.ButtonRole.HelpRole)
        self.about_qt.clicked.connect(lambda: QApplication.aboutQt())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(620, 420)

    def _about_tab(self, library: Library | None) -> QWidget:
        page = QWidget()
        icon = QLabel()
        icon.setPixmap(self.windowIcon().pixmap(64, 64))  # the application's icon
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        content = "<br>".join(html.escape(line) for line in content_lines(library))
        esc = html.escape
        summary = esc(translate("Dialogs", "An offline reading companion about "
                                "psychedelic-assisted therapy and newer treatments for "
                                "depression and PTSD."))
        advice = esc(translate("Dialogs", "Information, not medical advice."))
        licences = esc(translate(
            "Dialogs", "Lantern's code: MIT. Its content: CC BY 4.0. Qt {qt} and PySide6 "
            "{pyside}: LGPL-3.0. The other tabs have the full texts and the libraries' notices."
        ).format(qt=qVersion(), pyside=PySide6.__version__))
        content_heading = esc(translate("Dialogs", "Content"))
        licences_heading = esc(translate("Dialogs", "Licences"))
        text = QLabel(
            f"<h2>Lantern {__version__}</h2><p>{summary}</p>"
            f"<p><b>{content_heading}</b><br>{content}</p>"
            f"<p>{advice}</p>"
            f"<p><b>{licences_heading}</b><br>{licences}</p>"
            f"<p>Python {sys.version.split()[0]}</p>"  # as platform.python_version()
        )
        text.setObjectName("aboutText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout(page)
        row.addWidget(icon)
        row.addWidget(text, 1)
        return page

