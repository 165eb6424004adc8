"""Appearance: the theme (light, dark, high contrast, or whatever the system asks for) and the
text size. Both apply to the Qt chrome (the application palette) and to every reading surface
(its stylesheet), and are kept in the window's settings unless the window persists nothing."""

from __future__ import annotations

from collections.abc import Sequence
from string import Template
from typing import Protocol, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from lantern.core.theme import HIGH_CONTRAST, LIGHT, THEMES, Theme, reader_css

from lantern.ui import settings as keys
from lantern.ui.settings import Setting, SettingsStore
from lantern.ui.window.actions import Act, make_action
from lantern.ui.words import QT_TRANSLATE_NOOP, translate

T = TypeVar("T", str, float)
SYSTEM = "system"
#: Text sizes, as factors of the stylesheet's; the reader starts at 1.0.
ZOOM_STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0)
DEFAULT_ZOOM = ZOOM_STEPS.index(1.0)

# Fusion draws frames a shade darker than the window, which vanishes on dark backgrounds:
# dark themes get drawn frames, and a focus frame in the highlight colour.
DARK_QSS = """
QLineEdit, QComboBox, QListView, QTextBrowser, QPlainTextEdit { border: 1px solid $outline; }
QLineEdit { border-radius: 3px; padding: 2px 4px; }
QLineEdit:focus, QComboBox:focus, QListView:focus, QTextBrowser:focus { border-color: $highlight; }
QScrollBar:vertical { width: 14px; background: $window; }
QScrollBar:horizontal { height: 14px; background: $window; }
QScrollBar::handle { background: $outline; border-radius: 4px; margin: 2px;
    min-height: 24px; min-width: 24px; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0px; height: 0px; border: none; }
QScrollBar::add-page, QScrollBar::sub-page { background: none; }
QDockWidget::close-button, QDockWidget::float-button { border: 1px solid $outline;
    border-radius: 2px; background: $window; }
"""
HIGH_CONTRAST_QSS = DARK_QSS + """
QPushButton { border: 1px solid $outline; padding: 3px 12px; }
QPushButton:focus, QToolButton:focus, QToolButton:hover { border: 2px solid $highlight; }
"""


class Styled(Protocol):
    def set_stylesheet(self, stylesheet: str) -> None: ...


def system_theme() -> Theme:
    """The theme the desktop asks for: high contrast, dark, or else light."""
    hints = QGuiApplication.styleHints()
    if hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast:
        return HIGH_CONTRAST
    return THEMES["dark"] if hints.colorScheme() == Qt.ColorScheme.Dark else LIGHT


def window_qss(theme: Theme) -> str:
    """The few frames a dark palette alone cannot draw; nothing for light themes."""
    if not theme.dark:
        return ""
    qss = HIGH_CONTRAST_QSS if theme is HIGH_CONTRAST else DARK_QSS
    return Template(qss).substitute(outline=theme.outline, highlight=theme.highlight,
                                    window=theme.window)


def palette_for(theme: Theme) -> QPalette:
    """A complete palette for `theme`; disabled controls get the theme's disabled colour."""
    role = QPalette.ColorRole
    palette = QPalette()
    pairs = {
        role.Window: theme.window, role.WindowText: theme.window_text, role.Base: theme.base,
        role.AlternateBase: theme.alternate_base, role.Text: theme.text,
        role.Button: theme.button, role.ButtonText: theme.button_text,
        role.BrightText: theme.highlight, role.Highlight: theme.highlight,
        role.HighlightedText: theme.highlighted_text, role.ToolTipBase: theme.tooltip_base,
        role.ToolTipText: theme.tooltip_text, role.PlaceholderText: theme.placeholder,
        role.Link: theme.link, role.LinkVisited: theme.link, role.Accent: theme.focus,
    }
    for r, colour in pairs.items():
        palette.setColor(r, QColor(colour))
    button = QColor(theme.button)
    outline = QColor(theme.outline)
    palette.setColor(role.Light, button.lighter(130) if not theme.dark else outline)
    palette.setColor(role.Midlight, button.lighter(115))
    palette.setColor(role.Mid, outline)
    palette.setColor(role.Dark, outline.darker(130) if not theme.dark else outline)
    palette.setColor(role.Shadow, QColor("#000000") if not theme.dark else outline)
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText, role.PlaceholderText):
        palette.setColor(disabled, r, QColor(theme.disabled))
    return palette


#: Each theme's menu entry and status tip, translated where they are shown.
THEME_WORDS = {
    SYSTEM: (QT_TRANSLATE_NOOP("Themes", "Follow the &system"),
             QT_TRANSLATE_NOOP("Themes", "Light or dark as the desktop is set")),
    "light": (QT_TRANSLATE_NOOP("Themes", "&Light"),
              QT_TRANSLATE_NOOP("Themes", "Light colours")),
    "dark": (QT_TRANSLATE_NOOP("Themes", "&Dark"), QT_TRANSLATE_NOOP("Themes", "Dark colours")),
    "high-contrast": (QT_TRANSLATE_NOOP("Themes", "&High contrast"),
                      QT_TRANSLATE_NOOP("Themes", "High contrast colours")),
}


class Appearance(QObject):
    """Owns the View › Theme menu and the text size actions; applies both everywhere."""

    theme_changed = Signal(str)
    zoom_changed = Signal(float)

    def __init__(self, window: QWidget, store: SettingsStore,
                 surfaces: Sequence[Styled]) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.surfaces = list(surfaces)
        #: Widgets holding reading text (lists, the search field): their font follows the
        #: text size too.
        self.text_widgets: list[QWidget] = []
        self.locked = False
        self._qss_set = False
        self.mode = SYSTEM
        self.zoom_index = DEFAULT_ZOOM
        mode = store.get(keys.THEME)
        self.mode = mode if mode == SYSTEM or mode in THEMES else SYSTEM
        zoom = store.get(keys.ZOOM)
        self.zoom_index = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - zoom))
        self._build_actions()
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._on_system_changed)
        hints.accessibility().contrastPreferenceChanged.connect(self._on_system_changed)

    # actions ---------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.theme_menu = QMenu(self.window)
        self.theme_menu.setObjectName("themeMenu")
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for name in (SYSTEM, *THEMES):
            action = QAction(self)
            action.setCheckable(True)
            action.setData(name)
            action.setChecked(name == self.mode)
            action.triggered.connect(lambda _checked=False, n=name: self.set_mode(n))
            self.theme_group.addAction(action)
            self.theme_menu.addAction(action)
            self.theme_actions[name] = action
        self.theme_menu.insertSeparator(self.theme_actions["light"])
        self.retranslate()

        self.zoom_in_action = make_action(self, Act.ZOOM_IN, lambda: self.zoom(+1))
        self.zoom_out_action = make_action(self, Act.ZOOM_OUT, lambda: self.zoom(-1))
        self.zoom_reset_action = make_action(self, Act.ZOOM_RESET, lambda: self.zoom(0))

    def retranslate(self) -> None:
        """The theme menu's words in the interface's language."""
        self.theme_menu.setTitle(translate("Themes", "&Theme"))
        self.theme_menu.setAccessibleName(translate("Themes", "Theme"))
        for name, action in self.theme_actions.items():
            text, tip = THEME_WORDS.get(name, (name, name))
            action.setText(translate("Themes", text))
            action.setStatusTip(translate("Themes", tip))

    @property
    def zoom_actions(self) -> tuple[QAction, QAction, QAction]:
        return self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action

    # state -----------------------------------------------------------------------------

    @property
    def theme(self) -> Theme:
        return system_theme() if self.mode == SYSTEM else THEMES[self.mode]

    @property
    def scale(self) -> float:
        return ZOOM_STEPS[self.zoom_index]

    def stylesheet(self, theme: Theme | None = None) -> str:
        return reader_css(theme or self.theme, self.scale)

    def set_mode(self, mode: str) -> None:
        if self.locked or (mode != SYSTEM and mode not in THEMES):
            return
        self.mode = mode
        self.theme_actions[mode].setChecked(True)
        self._save(keys.THEME, mode)
        self.apply()

    def zoom(self, step: int) -> None:
        """One step larger (+1) or smaller (−1); 0 goes back to the usual size."""
        if self.locked:
            return
        index = DEFAULT_ZOOM if step == 0 else self.zoom_index + step
        self.zoom_index = max(0, min(len(ZOOM_STEPS) - 1, index))
        self._save(keys.ZOOM, self.scale)
        self.apply()
        self.zoom_changed.emit(self.scale)

    def scale_text_of(self, widgets: Sequence[QWidget]) -> None:
        """Let `widgets` (lists, fields, labels of reading text) grow with the text size."""
        self.text_widgets.extend(widgets)
        self._scale_fonts()

    def _scale_fonts(self) -> None:
        if self.locked:  # a kiosk sizes its chrome with its own stylesheet
            return
        for widget in self.text_widgets:
            font = QFont()  # an empty font inherits everything from the parent
            if self.scale != 1.0:
                font.setPointSizeF(QApplication.font(widget).pointSizeF() * self.scale)
            widget.setFont(font)

    def _save(self, setting: Setting[T], value: T) -> None:
        if not self.locked:
            self.store.set(setting, value)

    def _update_zoom_actions(self) -> None:
        self.zoom_in_action.setEnabled(not self.locked and self.zoom_index < len(ZOOM_STEPS) - 1)
        self.zoom_out_action.setEnabled(not self.locked and self.zoom_index > 0)
        self.zoom_reset_action.setEnabled(not self.locked and self.zoom_index != DEFAULT_ZOOM)

    def apply(self) -> None:
        """Palette for the chrome, stylesheet for every reading surface."""
        theme = self.theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(palette_for(theme))
        if not self.locked and (theme.dark or self._qss_set):
            self._qss_set = theme.dark
            self.window.setStyleSheet(window_qss(theme))
        css = self.stylesheet(theme)
        for surface in self.surfaces:
            surface.set_stylesheet(css)
        self._scale_fonts()
        self._update_zoom_actions()
        self.theme_changed.emit(theme.name)

    def _on_system_changed(self, *_args: object) -> None:
        if self.mode == SYSTEM and not self.locked:
            self.apply()

    def lock_for_kiosk(self) -> None:
        """Kiosk screens: light colours, text size left to the kiosk's own A−/A+ buttons."""
        self.mode = LIGHT.name
        self.zoom_index = DEFAULT_ZOOM
        self.apply()
        self.locked = True
        for action in (*self.theme_actions.values(), *self.zoom_actions):
            action.setEnabled(False)
            action.setShortcuts([])
        self.theme_menu.setEnabled(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Ctrl + wheel over the reader changes the text size like the keys do.
        if event.type() == QEvent.Type.Wheel and not self.locked:
            modifiers = event.modifiers()  # type: ignore[attr-defined]
            if modifiers & Qt.KeyboardModifier.ControlModifier:
                delta = event.angleDelta().y()  # type: ignore[attr-defined]
                if delta:
                    self.zoom(1 if delta > 0 else -1)
                return True
        return False
