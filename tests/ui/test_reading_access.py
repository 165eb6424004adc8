"""Keyboard and screen-reader reach of the reading features."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence

from tests.ui.conftest import make_window


def test_reading_actions_have_keys_names_and_menus(qtbot, tmp_path: Path):
    window = make_window(qtbot, tmp_path)
    menus = {m.title().replace("&", ""): m for m in
             (a.menu() for a in window.menuBar().actions()) if m}
    keys = {
        window.bookmarks.action: "Ctrl+D",
        window.printing.print_action: QKeySequence(QKeySequence.StandardKey.Print).toString(),
        window.printing.export_action: "Ctrl+Shift+E",
        window.appearance.zoom_in_action: QKeySequence(
            QKeySequence.StandardKey.ZoomIn).toString(),
        window.appearance.zoom_out_action: QKeySequence(
            QKeySequence.StandardKey.ZoomOut).toString(),
        window.appearance.zoom_reset_action: "Ctrl+0",
    }
    for action, key in keys.items():
        assert key in [s.toString() for s in action.shortcuts()], action.text()
        assert "&" in action.text() and action.statusTip()
    in_menus = {a for m in menus.values() for a in m.actions()}
    assert set(keys) <= in_menus
    assert window.appearance.theme_menu.menuAction() in menus["View"].actions()
    for action in window.appearance.theme_actions.values():
        assert "&" in action.text() and action.statusTip()
    for dock in (window.bookmarks.dock, window.contents):
        assert dock.accessibleName() and dock.list.accessibleName()
        assert dock.list.accessibleDescription()
        assert dock.toggleViewAction() in in_menus
    window.close()


def test_every_control_has_a_name_for_screen_readers(qtbot, tmp_path: Path):
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QLineEdit,
        QTextBrowser,
        QWidget,
    )

    window = make_window(qtbot, tmp_path)
    window.navigate("lantern:article/brain-networks")
    window.references.show_reference("siegel2024")
    window.contents.show()
    window.bookmarks.dock.show()
    window.search.run_now("DMN")
    qtbot.waitUntil(window.results.isVisible)
    kinds = (QAbstractButton, QLineEdit, QAbstractItemView, QTextBrowser, QComboBox)
    controls = [w for w in window.findChildren(QWidget) if w.isVisible() and isinstance(w, kinds)]
    assert len(controls) >= 12
    for widget in controls:
        face = QAccessible.queryAccessibleInterface(widget)
        assert face is not None and face.text(QAccessible.Text.Name).strip(), (
            f"{type(widget).__name__} {widget.objectName()!r} has no accessible name")
    window.close()


def test_f6_moves_between_panels_and_tab_leaves_the_page(qtbot, tmp_path: Path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = make_window(qtbot, tmp_path)
    window.navigate("lantern:article/brain-networks")
    window.contents.show()
    window.activateWindow()
    window.search_field.setFocus()
    qtbot.waitUntil(window.search_field.hasFocus)
    visited = []
    for _ in range(len(window.panels())):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        visited.append(QApplication.focusWidget())
    assert visited[0] is window.reader
    assert window.contents.list in visited and window.glossary.filter in visited
    assert visited[-1] is window.search_field  # round to the start
    qtbot.keyClick(window.search_field, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert window.panels()[-1].hasFocus()
    # Tab walks the links of the page, then goes on: the reader is no keyboard trap.
    window.reader.setFocus()
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if not window.reader.hasFocus():
            break
    assert not window.reader.hasFocus()
    window.close()


def _walk(face, depth=0):
    yield face
    if depth > 30:
        return
    for i in range(face.childCount()):
        child = face.child(i)
        if child is not None and child.isValid():
            yield from _walk(child, depth + 1)


def _unnamed(window) -> tuple[list[str], list]:
    from PySide6.QtGui import QAccessible

    role = QAccessible.Role
    interactive = {role.Button, role.PushButton, role.CheckBox, role.RadioButton,
                   role.ComboBox, role.EditableText, role.List, role.PageTab,
                   role.PageTabList, role.Link, role.ButtonMenu, role.ButtonDropDown,
                   role.SpinBox, role.Slider, role.MenuItem}
    face = QAccessible.queryAccessibleInterface(window)
    shown = [f for f in _walk(face) if not f.state().invisible]
    unnamed = [f"{f.role().name} {type(f.object()).__name__} {f.object().objectName()!r}"
               for f in shown if f.role() in interactive
               and not f.text(QAccessible.Text.Name).strip()]
    return unnamed, shown


def test_no_interactive_node_in_the_accessible_tree_is_unnamed(qtbot, tmp_path: Path):
    """The tree a screen reader gets, walked from the window: Qt's own parts (clear buttons,
    the toolbar's overflow button, tab bars, combo lists) are named too; combo boxes are
    labelled by what they choose and valued by their choice."""
    from PySide6.QtGui import QAccessible

    window = make_window(qtbot, tmp_path)
    window.resize(700, 600)  # narrow enough that the toolbar overflows
    # the home page, as it first opens, once the layout has settled
    qtbot.waitUntil(lambda: not _unnamed(window)[0], timeout=2000)
    window.navigate("lantern:article/brain-networks")
    window.references.show_reference("siegel2024")
    window.contents.show()
    window.bookmarks.dock.show()
    window.search_field.setText("DMN")
    window.glossary.filter.setText("d")
    window.search.run_now("psilocybin")
    qtbot.waitUntil(lambda: window.results.model.rowCount() > 0)
    qtbot.waitUntil(window.results.kind_filter.isVisible)
    unnamed, shown = _unnamed(window)
    assert len(shown) > 40
    assert not unnamed, unnamed
    combos = {}
    for f in shown:
        if f.role() == QAccessible.Role.ComboBox:
            labels = [r[0].text(QAccessible.Text.Name).replace("&", "")
                      for r in f.relations(QAccessible.RelationFlag.Label)]
            combos[labels[0] if labels else f.text(QAccessible.Text.Name)] = \
                f.text(QAccessible.Text.Value)
    assert set(combos) == {"Kind", "Topic"}
    assert combos["Kind"].startswith("All kinds") and combos["Topic"] == "All topics"
    window.close()
