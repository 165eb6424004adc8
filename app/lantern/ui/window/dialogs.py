"""The window's two small dialogs: content problems, and About."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget

from lantern import __version__

if TYPE_CHECKING:
    from lantern.core.model import Library


def show_problems(parent: QWidget, library: Library | None) -> None:
    problems = library.problems if library else ()
    dialog = QDialog(parent)
    dialog.setWindowTitle("Content problems")
    text = QPlainTextEdit(dialog)
    text.setReadOnly(True)
    text.setPlainText("\n".join(p.format() for p in problems) or "No problems found.")
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    dialog.resize(760, 420)
    dialog.open()


def show_about(parent: QWidget, library: Library | None) -> None:
    name = library.name if library else "Lantern"
    QMessageBox.about(
        parent, "About Lantern",
        f"<b>Lantern {__version__}</b><p>An offline reading companion.</p>"
        f"<p>Content: {name}</p><p>Information, not medical advice.</p>",
    )
