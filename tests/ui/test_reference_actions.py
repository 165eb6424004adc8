"""The References panel: copy the selected citation; its DOI as a QR code to take away."""

from __future__ import annotations

import segno

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from lantern.ui.panels.qr import QUIET_ZONE

from tests.ui.conftest import click_link


def test_selected_reference_shows_its_link_as_a_qr_code_and_copies_its_citation(qtbot, window):
    refs = window.references
    window.navigate("lantern:article/brain-networks")
    assert not refs.selection.isVisibleTo(refs)  # nothing selected yet
    with qtbot.waitSignal(refs.reference_shown):
        click_link(qtbot, window.reader, "lantern:ref/siegel2024")
    assert refs.selection.isVisible()

    ref = window.library.reference("siegel2024")
    assert ref.link == "https://doi.org/10.1038/s41586-024-07624-5"
    matrix = segno.make_qr(ref.link, error="m").matrix
    size = len(matrix)
    image = refs.qr.pixmap().toImage()
    assert image.width() == image.height()
    module = image.width() // (size + 2 * QUIET_ZONE)
    assert module >= 2
    assert image.width() == (size + 2 * QUIET_ZONE) * module
    black, white = QColor(Qt.GlobalColor.black), QColor(Qt.GlobalColor.white)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            centre = ((x + QUIET_ZONE) * module + module // 2,
                      (y + QUIET_ZONE) * module + module // 2)
            assert image.pixelColor(*centre) == (black if dark else white), (x, y)
    assert image.pixelColor(0, 0) == white  # the quiet zone
    assert ref.link in refs.qr_caption.text()

    QApplication.clipboard().clear()
    qtbot.mouseClick(refs.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == ref.citation()
    assert "Psilocybin desynchronizes the human brain" in QApplication.clipboard().text()


def test_a_new_page_clears_the_selected_reference(qtbot, window):
    window.navigate("lantern:article/brain-networks")
    click_link(qtbot, window.reader, "lantern:ref/siegel2024")
    window.navigate("lantern:faq/is-it-safe")
    assert window.references.current_reference() is None
    assert not window.references.selection.isVisibleTo(window.references)
    assert window.references.qr.pixmap().isNull()


def test_on_a_kiosk_the_qr_code_is_the_way_out_and_start_over_clears_it(qtbot, tmp_path):
    from tests.ui.test_kiosk import make_kiosk

    window, controller = make_kiosk(qtbot, tmp_path)
    assert not window.external_links_allowed
    window.navigate("lantern:article/brain-networks")
    with qtbot.waitSignal(window.references.reference_shown):
        click_link(qtbot, window.reader, "lantern:ref/siegel2024")
    refs = window.references
    assert refs.qr.isVisible() and not refs.qr.pixmap().isNull()
    assert refs.copy_button.height() >= 44  # a touch target
    with qtbot.waitSignal(controller.reset_done):
        controller.reset()
    assert refs.current_reference() is None
    assert refs.qr.pixmap().isNull() and refs.qr_caption.text() == ""
    controller.exit_kiosk()


def test_clicking_a_reference_in_the_panel_selects_it(qtbot, window):
    refs = window.references
    window.navigate("lantern:article/brain-networks")
    assert len(refs._shown) >= 2
    second = refs._shown[1]
    block = refs.browser.document().findBlockByNumber(1)
    rect = refs.browser.document().documentLayout().blockBoundingRect(block)
    offset = refs.browser.verticalScrollBar().value()
    point = rect.center().toPoint()
    point.setY(point.y() - offset)
    point.setX(int(rect.left()) + 4)  # the number, not the DOI link
    assert not refs.browser.anchorAt(point)
    with qtbot.waitSignal(refs.reference_shown) as shown:
        qtbot.mouseClick(refs.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert shown.args == [second]
    assert refs.current_reference_id == second and refs.selection.isVisible()


def test_a_link_too_long_for_a_qr_code_is_said_not_an_error(qtbot, tmp_path, monkeypatch):
    import shutil
    import sys

    from tests.conftest import VALID_PACK
    from tests.ui.conftest import make_window

    pack = tmp_path / "pack"
    shutil.copytree(VALID_PACK, pack)
    references = pack / "references.yaml"
    long_doi = "10.1038/" + "a" * 3_000
    references.write_text(references.read_text().replace("10.1038/s41586-024-07624-5",
                                                         long_doi))
    errors: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, tb: errors.append(error))
    window = make_window(qtbot, tmp_path, roots=(pack,))
    refs = window.references
    window.navigate("lantern:article/brain-networks")
    with qtbot.waitSignal(refs.reference_shown):
        click_link(qtbot, window.reader, "lantern:ref/siegel2024")
    assert not errors
    assert refs.qr.pixmap().isNull() and not refs.qr.isVisibleTo(refs)
    assert "too long for a QR code" in refs.qr_caption.text()
    window.close()


def test_a_page_opened_after_one_citing_nothing_lists_its_references_from_the_first(
        qtbot, tmp_path):
    """From the home page (no references: the list hidden) to an article: the list shows
    its first reference whole, number and all, not scrolled a line into it."""
    from tests.conftest import BUNDLED_PACK
    from tests.ui.conftest import make_window

    window = make_window(qtbot, tmp_path, roots=(BUNDLED_PACK,))
    window.resize(1280, 800)
    assert not window.references.browser.isVisible()  # the home page cites nothing
    # Laid out hidden, the list has no room: where Qt scrolled it as it was filled.
    qtbot.waitUntil(lambda: window.references.browser.height() == 0, timeout=2000)
    window.open_result("lantern:article/psilocybin-and-the-brain#the-default-mode-network-"
                       "and-why-its-role-in-depression-is-disputed")
    assert window.references.browser.isVisible()
    assert window.references.browser.verticalScrollBar().value() == 0
    assert window.references.browser.toPlainText().startswith("1. ")
