"""The Qt models, checked by pytest-qt's model tester (Qt's own QAbstractItemModelTester)
with real data: results of a search, the glossary, its filter, the suggestions."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_results_model_is_a_well_formed_qt_model(qtbot, qtmodeltester, window):
    with qtbot.waitSignal(window.search_finished, timeout=5000):
        window.search.run_now("DMN")
    model = window.results.model
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)
    model.set_results(())  # emptied, as a reset does
    qtmodeltester.check(model, force_py=True)


def test_glossary_models_are_well_formed_qt_models(qtmodeltester, window):
    glossary = window.glossary
    assert glossary.model.rowCount() > 0
    qtmodeltester.check(glossary.model, force_py=True)
    glossary.filter.setText("dm")
    qtmodeltester.check(glossary.proxy, force_py=True)
    assert 0 < glossary.proxy.rowCount() < glossary.model.rowCount()


def test_suggestion_model_is_a_well_formed_qt_model(qtbot, qtmodeltester, window):
    window.activateWindow()
    window.search_field.setFocus()
    qtbot.waitUntil(window.search_field.hasFocus)
    with qtbot.waitSignal(window.suggestions.suggestions_shown, timeout=3000):
        qtbot.keyClicks(window.search_field, "dm")
    window.suggestions.wait()
    model = window.suggestions.model
    assert model.rowCount() > 0
    assert model.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    qtmodeltester.check(model, force_py=True)
