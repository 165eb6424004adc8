from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtGui import QKeySequence

from tests.ui.conftest import make_window

ARTICLE = "lantern:article/brain-networks"


def test_export_pdf_writes_the_page_with_its_references(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path)
    window.navigate(ARTICLE)
    printing = window.printing
    assert printing.print_action.shortcuts() == QKeySequence.keyBindings(
        QKeySequence.StandardKey.Print)
    assert printing.export_action.isEnabled()
    assert printing.export_action in window.menuBar().actions()[0].menu().actions()

    document = printing.document()
    text = document.toPlainText()
    assert "References" in text
    library = window.library
    first = library.reference(window.reader.page.citations[0])
    assert first.title.rstrip(".") in text
    assert "not medical advice" in text
    # paper is light whatever the screen shows
    window.appearance.set_mode("dark")
    assert "#fffdf8" in printing.document().defaultStyleSheet()

    out = tmp_path / "page.pdf"
    assert printing.export_to(out) == ""
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    assert len(data) > 5000
    if shutil.which("pdftotext"):
        extracted = subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                                   text=True, check=True).stdout
        assert "References" in extracted
        assert first.title.split()[0] in extracted
    window.close()


def test_export_to_an_unwritable_place_says_why(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path)
    window.navigate(ARTICLE)
    message = window.printing.export_to(tmp_path / "no-such-folder" / "page.pdf")
    assert "could not be written" in message
    window.close()
