"""Print the open page, or save it as a PDF, with its references. Always in the light theme
at the usual text size: paper is white whatever the screen shows. Off in kiosk mode."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from lantern.core.address import SCHEME
from lantern.core.theme import LIGHT, reader_css

from lantern.ui.panels.reader import ReaderView
from lantern.ui.panels.text_views import TextDocument
from lantern.ui.window.actions import Act, make_action

if TYPE_CHECKING:
    from PySide6.QtGui import QPagedPaintDevice
    from PySide6.QtPrintSupport import QPrinter

FOOTER = ("Printed from Lantern, an offline reading companion. Information, not medical "
          "advice.")


class PrintDocument(TextDocument):
    """The page as it goes to paper; like the reader, it loads no images from anywhere."""


def printable(html: str, title: str, source: str = "") -> PrintDocument:
    """A document of `html` (title block, text, references) with a closing source line."""
    document = PrintDocument()
    # Glossary words read as ordinary text on paper; they cannot be tapped there.
    document.setDefaultStyleSheet(reader_css(LIGHT) + f"a.term {{ color: {LIGHT.text}; }}\n")
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    where = f" Source: {source}." if source else ""
    # Links cannot be followed on paper; drop glossary and citation link styling.
    html = re.sub(rf'href="{SCHEME}:[^"]*"', "", html)
    document.setHtml(f'<html><body>{html}<hr/><p class="meta">{FOOTER}{where}</p>'
                     "</body></html>")
    return document


def _page_setup(device: QPagedPaintDevice) -> None:
    # Page classes load on first use: building their enums is not worth doing before the
    # window is on screen.
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize

    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)


def default_printer() -> QPrinter | None:
    """The system's default printer set up for A4 pages, or None if there is none."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo  # printing loads on first use

    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        return None
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    _page_setup(printer)
    return printer


def write_pdf(document: QTextDocument, path: Path, title: str) -> str:
    """Write `document` as a PDF at `path`; '' on success, otherwise why not."""
    try:
        path.open("wb").close()  # Qt would only say "QPainter::begin(): Returned false"
    except OSError as error:
        return f"The PDF could not be written ({error.strerror or error})."
    from PySide6.QtGui import QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Lantern")
    writer.setResolution(300)
    _page_setup(writer)
    document.print_(writer)
    del writer  # the file is finished when the writer goes
    try:
        ok = path.stat().st_size > 0
    except OSError as error:
        return f"The PDF could not be written ({error.strerror or error})."
    return "" if ok else "The PDF could not be written."


class Printing(QObject):
    """File › Print… (Ctrl+P) and File › Export PDF… for the page in the reader."""

    def __init__(self, window: QWidget, reader: ReaderView, enabled: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.reader = reader
        self.source = ""
        self.print_action = make_action(self, Act.PRINT, self.print_page)
        self.export_action = make_action(self, Act.EXPORT_PDF, self.export_page)
        self.enabled = enabled
        self.update_actions()
        if not enabled:
            self.disable()

    @property
    def actions(self) -> tuple[QAction, QAction]:
        return self.print_action, self.export_action

    def disable(self) -> None:
        """Kiosk: nothing leaves the screen, and no file dialogs."""
        self.enabled = False
        for action in self.actions:
            action.setEnabled(False)
            action.setShortcuts([])

    def update_actions(self) -> None:
        for action in self.actions:
            action.setEnabled(self.enabled and self.reader.page is not None)

    def document(self) -> PrintDocument | None:
        page = self.reader.page
        return None if page is None else printable(page.html, page.title, self.source)

    def export_to(self, path: Path) -> str:
        page = self.reader.page
        document = self.document()
        if page is None or document is None:
            return "There is no page to export."
        return write_pdf(document, path, page.title)

    def export_page(self) -> None:
        page = self.reader.page
        if not self.enabled or page is None:
            return
        name = re.sub(r"[^\w-]+", "-", page.title.lower()).strip("-") or "lantern"
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(
            self.window, "Export PDF", str(Path(folder) / f"{name}.pdf"), "PDF files (*.pdf)")
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        message = self.export_to(Path(path))
        if message:
            QMessageBox.warning(self.window, "Export PDF", message)

    def print_page(self) -> None:
        document = self.document()
        if not self.enabled or document is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        _page_setup(printer)
        printer.setDocName(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle("Print")
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            document.print_(printer)
