"""What QTextDocument's HTML import gets wrong for reading, put right after each page is set:
headings at the size the stylesheet asks for, and links told apart from text by more than
colour.

Qt's importer gives `<h1>`–`<h6>` a relative size step (FontSizeAdjustment) that wins over a
stylesheet's `font-size`, so headings stayed at Qt's own sizes while the text size grew past
them. It also ignores `border-bottom` and `text-decoration-style`, so a glossary term could
not be drawn dotted from CSS: the underline style is set on the character format instead.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from lantern.core.address import Address, Kind

from lantern.ui.panels.text_views import TextBrowser


def link_kind(href: str) -> Kind | None:
    """What a link in a page points at (None: a website or mail address)."""
    where = Address.parse(href)
    return where.kind if where is not None else None


def finish_document(document: QTextDocument) -> None:
    """Heading sizes from the stylesheet; every link underlined, glossary terms dotted."""
    changes: list[tuple[int, int, QTextCharFormat]] = []
    block = document.begin()
    while block.isValid():
        heading = block.blockFormat().headingLevel() > 0
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            changed = False
            if heading and fmt.hasProperty(QTextFormat.Property.FontSizeAdjustment):
                fmt.clearProperty(QTextFormat.Property.FontSizeAdjustment)
                changed = True
            href = fmt.anchorHref() if fmt.isAnchor() else ""
            if href:
                # glossary terms dotted, other links solid
                style = (QTextCharFormat.UnderlineStyle.DotLine
                         if link_kind(href) is Kind.TERM
                         else QTextCharFormat.UnderlineStyle.SingleUnderline)
                if fmt.underlineStyle() != style:
                    fmt.setUnderlineStyle(style)
                    changed = True
            if changed:
                changes.append((fragment.position(), fragment.length(), fmt))
            it += 1
        block = block.next()
    if not changes:
        return
    undo = document.isUndoRedoEnabled()
    document.setUndoRedoEnabled(False)
    cursor = QTextCursor(document)
    # One edit block: the document is laid out again once, not after every change (each
    # change alone made a relayout: half a second on a home page with many links).
    cursor.beginEditBlock()
    for position, length, fmt in changes:
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(fmt)
    cursor.endEditBlock()
    document.setUndoRedoEnabled(undo)


class ReadingBrowser(TextBrowser):
    """A QTextBrowser whose every page is finished as above once it is set."""

    def setHtml(self, text: str) -> None:
        super().setHtml(text)
        finish_document(self.document())
