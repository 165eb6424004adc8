"""Every command of the window, declared once: text, shortcuts, icon, status tip, and whether
it stays usable on a kiosk. The objects that own a command make its QAction from this table
with `make_action`; kiosk mode switches off everything the table does not allow there."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence

from lantern.ui.words import QT_TRANSLATE_NOOP, translate

Key = QKeySequence.StandardKey

#: The QAction property naming the table entry an action was made from.
ACT_PROPERTY = "lanternAct"


class Act(StrEnum):
    BACK = "back"
    FORWARD = "forward"
    HOME = "home"
    HELP_NOW = "help-now"
    SEARCH = "search"
    FIND_IN_PAGE = "find-in-page"
    BOOKMARK = "bookmark"
    PRINT = "print"
    EXPORT_PDF = "export-pdf"
    ZOOM_IN = "zoom-in"
    ZOOM_OUT = "zoom-out"
    ZOOM_RESET = "zoom-reset"
    NEXT_PANEL = "next-panel"
    PREVIOUS_PANEL = "previous-panel"
    CLEAR_RECENT = "clear-recent"
    GO_TO_RESULTS = "go-to-results"
    GO_TO_TEXT = "go-to-text"
    PROBLEMS = "problems"
    ABOUT = "about"
    QUIT = "quit"
    TEXT_SMALLER = "text-smaller"
    TEXT_LARGER = "text-larger"
    START_OVER = "start-over"
    KIOSK_PRINT = "kiosk-print"


@dataclass(frozen=True, slots=True)
class ActionSpec:
    text: str
    tip: str
    keys: tuple[Key | str, ...] = ()
    icon: str = ""  # a freedesktop icon name, shown where the desktop's theme has it
    kiosk: bool = False  # stays usable in kiosk mode
    desktop: bool = True  # in the desktop window's menus (False: a kiosk toolbar button)
    checkable: bool = False

    def shortcuts(self) -> list[QKeySequence]:
        found: list[QKeySequence] = []
        for key in self.keys:
            sequences = (QKeySequence.keyBindings(key) if isinstance(key, Key)
                         else [QKeySequence(key)])
            found += [s for s in sequences if s not in found]
        return found


ACTIONS: Mapping[Act, ActionSpec] = MappingProxyType({
    Act.BACK: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Back"),
        QT_TRANSLATE_NOOP("Actions", "Go back (hold the button for the pages before)"),
        (Key.Back,), "go-previous", kiosk=True),
    Act.FORWARD: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Forward"),
        QT_TRANSLATE_NOOP("Actions", "Go forward (hold the button for the pages after)"),
        (Key.Forward,), "go-next", kiosk=True),
    Act.HOME: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Home"),
        QT_TRANSLATE_NOOP("Actions", "Go to the home page"),
        ("Alt+Home",), "go-home", kiosk=True),
    Act.HELP_NOW: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Need help now?"),
        QT_TRANSLATE_NOOP("Actions", "Crisis lines and what to do in an emergency"),
        ("F1",), kiosk=True),
    Act.SEARCH: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Search the library"),
        QT_TRANSLATE_NOOP("Actions", "Search the library"),
        ("Ctrl+K",), "edit-find", kiosk=True),
    Act.FIND_IN_PAGE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Find in this &page…"),
        QT_TRANSLATE_NOOP("Actions", "Find words in the open page"),
        (Key.Find,), kiosk=True),
    Act.BOOKMARK: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Bookmark this page"),
        QT_TRANSLATE_NOOP("Actions", "Add the page to your bookmarks, or remove it"),
        ("Ctrl+D",), "bookmark-new", checkable=True),
    Act.PRINT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Print…"),
        QT_TRANSLATE_NOOP("Actions", "Print the page with its references"),
        (Key.Print,), "document-print"),
    Act.EXPORT_PDF: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Export PDF…"),
        QT_TRANSLATE_NOOP("Actions", "Save the page with its references as a PDF file"),
        ("Ctrl+Shift+E",), "document-save-as"),
    # Ctrl+= first (the menu shows it, as the README does), since + needs Shift on most
    # keyboards; Ctrl++ works as well.
    Act.ZOOM_IN: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Larger text"),
        QT_TRANSLATE_NOOP("Actions", "Make the reading text larger"),
        ("Ctrl+=", Key.ZoomIn), "zoom-in"),
    Act.ZOOM_OUT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Smaller text"),
        QT_TRANSLATE_NOOP("Actions", "Make the reading text smaller"),
        (Key.ZoomOut,), "zoom-out"),
    Act.ZOOM_RESET: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Actual size"),
        QT_TRANSLATE_NOOP("Actions", "Reading text at its usual size"),
        ("Ctrl+0",), "zoom-original"),
    # As in web browsers: F6 moves between the search field, results, page and panels.
    Act.NEXT_PANEL: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Next panel"),
        QT_TRANSLATE_NOOP("Actions", "Move the keyboard focus to the next panel"),
        ("F6",), kiosk=True),
    Act.PREVIOUS_PANEL: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Pre&vious panel"),
        QT_TRANSLATE_NOOP("Actions", "Move the keyboard focus to the previous panel"),
        ("Shift+F6",), kiosk=True),
    # Skip straight to the results or to the page's text, wherever the focus is.
    Act.GO_TO_RESULTS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Go to the res&ults"),
        QT_TRANSLATE_NOOP("Actions", "Move the keyboard focus to the search results"),
        ("Ctrl+Shift+R",), kiosk=True),
    Act.GO_TO_TEXT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Go to the &text"),
        QT_TRANSLATE_NOOP("Actions", "Move the keyboard focus to the text of the open page"),
        ("Ctrl+Shift+T",), kiosk=True),
    Act.CLEAR_RECENT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Clear recent pages and searches"),
        QT_TRANSLATE_NOOP("Actions", "Forget the pages read and the searches made lately"),
        icon="edit-clear"),
    Act.PROBLEMS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Content &problems…"),
        QT_TRANSLATE_NOOP("Actions", "Files of the content pack that could not be read, "
                          "and why")),
    Act.ABOUT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&About Lantern"),
        QT_TRANSLATE_NOOP("Actions", "Version and content pack"),
        icon="help-about"),
    Act.QUIT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        QT_TRANSLATE_NOOP("Actions", "Close Lantern"),
        (Key.Quit,), "application-exit"),
    # Kiosk controls: big buttons on the kiosk toolbar only.
    Act.TEXT_SMALLER: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "A−"),
        QT_TRANSLATE_NOOP("Actions", "Smaller text"),
        kiosk=True, desktop=False),
    Act.TEXT_LARGER: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "A+"),
        QT_TRANSLATE_NOOP("Actions", "Larger text"),
        kiosk=True, desktop=False),
    Act.START_OVER: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Start over"),
        QT_TRANSLATE_NOOP("Actions", "Clear everything and go back to the start"),
        kiosk=True, desktop=False),
    Act.KIOSK_PRINT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Print"),
        QT_TRANSLATE_NOOP("Actions", "Print this page on the clinic's printer"),
        kiosk=True, desktop=False),
})


def make_action(parent: QObject, act: Act,
                slot: Callable[[], object] | None = None) -> QAction:
    """A QAction as the table declares it; `slot` is connected to `triggered`."""
    spec = ACTIONS[act]
    action = QAction(parent)
    action.setProperty(ACT_PROPERTY, act.value)
    action.setShortcuts(spec.shortcuts())
    retranslate_action(action, act)
    action.setCheckable(spec.checkable)
    if spec.icon and QIcon.hasThemeIcon(spec.icon):
        action.setIcon(QIcon.fromTheme(spec.icon))
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot())
    return action


def retranslate_action(action: QAction, act: Act) -> None:
    """The action's text and tips, in the interface's language."""
    spec = ACTIONS[act]
    action.setText(translate("Actions", spec.text))
    tip = translate("Actions", spec.tip)
    action.setStatusTip(tip)
    if spec.keys:
        first = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = f"{tip} ({first})" if first else tip
    action.setToolTip(tip)


def retranslate_actions(root: QObject) -> None:
    """Every action made from the table under `root`, in the interface's language."""
    for action in root.findChildren(QAction):
        act = act_of(action)
        if act is not None:
            retranslate_action(action, act)


def act_of(action: QAction) -> Act | None:
    value = action.property(ACT_PROPERTY)
    return Act(value) if isinstance(value, str) and value in Act._value2member_map_ else None


def lock_for_kiosk(root: QObject) -> list[QAction]:
    """Disable every action under `root` that the table does not allow on a kiosk, and take
    its shortcuts away. Returns the actions switched off."""
    locked = []
    for action in root.findChildren(QAction):
        act = act_of(action)
        if act is not None and not ACTIONS[act].kiosk:
            action.setEnabled(False)
            action.setShortcuts([])
            locked.append(action)
    return locked
