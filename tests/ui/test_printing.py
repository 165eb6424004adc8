from __future__ import annotations

import itertools
import shutil
import subprocess
from pathlib import Path

import pytest

from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QFileDialog

from lantern.ui.window.printing import printable, write_pdf

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
    assert "background-color: #ffffff" in printing.document().defaultStyleSheet()

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


def _pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [page for page in text.split("\f") if page.strip()]


@pytest.mark.skipif(not shutil.which("pdftotext") or not shutil.which("pdftoppm"),
                    reason="needs pdftotext and pdftoppm (Debian package poppler-utils)")
def test_exported_pages_are_white_and_no_paragraph_leaves_a_line_alone(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    words = ("Psilocybin sessions are prepared with a therapist who explains what may happen "
             "and stays in the room until the effects have passed. ")
    # Paragraphs of two to seven lines, in numbers that put a page break at every point of
    # one of them: one of the page breaks falls after the first line or before the last.
    alone = []
    for count in range(14, 26):
        paragraphs = "".join(f"<p>Paragraph {i}. {words * (1 + i % 6)}</p>"
                             for i in range(count))
        document = printable(paragraphs, "Pages")
        out = tmp_path / f"pages-{count}.pdf"
        assert write_pdf(document, out, "Pages") == ""
        pages = [[line.strip() for line in page.splitlines()
                  if line.strip() and not line.strip().isdigit()]  # not the page number
                 for page in _pdf_pages(out)]
        for before, page in itertools.pairwise(pages):
            carried = next(i for i, line in enumerate([*page, "Paragraph"])
                           if line.startswith(("Paragraph", "Printed from Lantern")))
            begun = len(before) - max(i for i, line in enumerate(before)
                                      if line.startswith("Paragraph"))
            # A paragraph split over two pages leaves two lines or more on each.
            if carried and min(carried, begun) < 2:
                alone.append((count, before[-1], page[0]))
    assert alone == []
    subprocess.run(["pdftoppm", "-r", "20", "-f", "1", "-l", "1", "-png", str(out),
                    str(tmp_path / "page")], check=True)
    image = QImage(str(next(tmp_path.glob("page*.png"))))
    assert image.pixelColor(2, 2).name() == "#ffffff"  # paper white, not the screen's cream
    window.close()


def test_export_offers_the_documents_folder(qtbot, tmp_path, monkeypatch):
    window = make_window(qtbot, tmp_path)
    window.navigate(ARTICLE)
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    offered = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _parent, _title, where, _filter: offered.append(where) or ("", ""))
    window.printing.export_action.trigger()
    assert Path(offered[0]).parent == home / "Documents"
    (home / "Documents").rmdir()  # no Documents folder: home, not the working folder
    window.printing.export_action.trigger()
    assert Path(offered[1]).parent == home
    window.close()
