"""Print the open page, or save it as a PDF, with its references. Always in the light theme
at the usual text size: paper is white whatever the screen shows. Off in kiosk mode."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction, QTextCursor, QTextDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from lantern.core.address import SCHEME
from lantern.core.theme import LIGHT, reader_css

from lantern.ui.panels.reader import ReaderView
from lantern.ui.panels.text_views import TextDocument
from lantern.ui.window.actions import Act, make_action
from lantern.ui.words import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from PySide6.QtGui import QPagedPaintDevice
    from PySide6.QtPrintSupport import QPrinter

FOOTER = QT_TRANSLATE_NOOP("Printing", "Printed from Lantern, an offline reading companion. "
                           "Information, not medical advice.")


class PrintDocument(TextDocument):
    """The page as it goes to paper; like the reader, it loads no images from anywhere."""


#: The light theme on white: paper is not tinted like the screen.
PAPER = replace(LIGHT, name="paper", label="Paper", window="#ffffff", base="#ffffff",
                alternate_base="#ffffff")
#: A paragraph split over two pages keeps at least this many lines on each; a shorter
#: end (a sentence's last words alone at the top of a page) moves it to the next page.
MIN_LINES = 2


def printable(html: str, title: str, source: str = "") -> PrintDocument:
    """A document of `html` (title block, text, references) with a closing source line."""
    document = PrintDocument()
    # Glossary words read as ordinary text on paper; they cannot be tapped there.
    document.setDefaultStyleSheet(reader_css(PAPER) + f"a.term {{ color: {PAPER.text}; }}\n")
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    where = " " + translate("Printing", "Source: {source}.").format(source=source) if source else ""
    # Links cannot be followed on paper; drop glossary and citation link styling.
    html = re.sub(rf'href="{SCHEME}:[^"]*"', "", html)
    footer = translate("Printing", FOOTER)
    document.setHtml(f'<html><body>{html}<hr/><p class="meta">{footer}{where}</p>'
                     "</body></html>")
    return document


def keep_lines_together(document: QTextDocument, device: QPagedPaintDevice) -> None:
    """Move a paragraph to the next page when it would leave fewer than MIN_LINES of its
    lines on either side of a page break.

    A copy is laid out as `print_` lays out its own for `device` (the device's fonts, its
    drawable area, Qt's 2 cm frame) and each paragraph that breaks badly gets a page break
    before it, in the copy (so the pages after it move) and in `document`."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextFormat

    copy = document.clone()
    layout = copy.documentLayout()
    layout.setPaintDevice(device)
    frame = copy.rootFrame().frameFormat()
    frame.setMargin(2 / 2.54 * 96)  # in screen pixels; the layout scales it to the device
    copy.rootFrame().setFrameFormat(frame)
    copy.setPageSize(QSizeF(device.width(), device.height()))
    height = copy.pageSize().height()
    copy.pageCount()  # lays the copy out (layout is otherwise done when first painted)
    block, original = copy.begin(), document.begin()
    while block.isValid() and original.isValid():
        lines = block.layout().lineCount()
        if lines >= 2 and QTextCursor(block).currentTable() is None:
            top = layout.blockBoundingRect(block).top()
            pages = [int((top + block.layout().lineAt(i).y()) // height) for i in range(lines)]
            first = pages.count(pages[0])
            if pages[0] != pages[-1] and min(first, lines - first) < MIN_LINES:
                for target in (block, original):
                    form = target.blockFormat()
                    form.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    QTextCursor(target).setBlockFormat(form)
        block, original = block.next(), original.next()


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
        return _not_written(error)
    from PySide6.QtGui import QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Lantern")
    writer.setResolution(300)
    _page_setup(writer)
    keep_lines_together(document, writer)
    document.print_(writer)
    del writer  # the file is finished when the writer goes
    try:
        ok = path.stat().st_size > 0
    except OSError as error:
        return _not_written(error)
    return "" if ok else translate("Printing", "The PDF could not be written.")


def _not_written(error: OSError) -> str:
    return translate("Printing", "The PDF could not be written ({reason}).").format(
        reason=error.strerror or error)


def export_folder() -> Path:
    """Where Export PDF offers to save: the Documents folder, or home when there is none
    (never the folder Lantern happened to be started from)."""
    for location in (QStandardPaths.StandardLocation.DocumentsLocation,
                     QStandardPaths.StandardLocation.HomeLocation):
        folder = QStandardPaths.writableLocation(location)
        if folder and Path(folder).is_dir():
            return Path(folder)
    return Path.home()


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
        """The page on show as it goes to paper: of a page shown in parts (too long to set at
        once), the part on show, with the line saying which part it is."""
        page = self.reader.page
        return None if page is None else printable(self.reader.shown_html(), page.title,
                                                   self.source)

    def export_to(self, path: Path) -> str:
        page = self.reader.page
        document = self.document()
        if page is None or document is None:
            return translate("Printing", "There is no page to export.")
        return write_pdf(document, path, page.title)

    def export_page(self) -> None:
        page = self.reader.page
        if not self.enabled or page is None:
            return
        name = re.sub(r"[^\w-]+", "-", page.title.lower()).strip("-") or "lantern"
        path, _filter = QFileDialog.getSaveFileName(
            self.window, translate("Printing", "Export PDF"), str(export_folder() / f"{name}.pdf"),
            translate("Printing", "PDF files (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        message = self.export_to(Path(path))
        if message:
            QMessageBox.warning(self.window, translate("Printing", "Export PDF"), message)

    def print_page(self) -> None:
        document = self.document()
        if not self.enabled or document is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        _page_setup(printer)
        printer.setDocName(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(translate("Printing", "Print"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            keep_lines_together(document, printer)
            document.print_(printer)
