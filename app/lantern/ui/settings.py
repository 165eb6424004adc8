"""Every setting Lantern keeps, declared once: its key, its type and its default (the way
Picard declares its options). Read and write them through a `SettingsStore`; a store made
with `persist=False` (a kiosk) answers every read with the default and writes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from lantern.core.address import HOME

T = TypeVar("T", str, float, QByteArray)


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    key: str
    type: type[T]
    default: T


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
LAST_PAGE = Setting("reader/last", str, str(HOME))
RECENT_PAGES = Setting("reader/recent", str, "")  # JSON list, newest first
READING_POSITIONS = Setting("reader/positions", str, "{}")  # JSON object: address → fraction
RECENT_SEARCHES = Setting("search/recent", str, "")  # JSON list, newest first
THEME = Setting("appearance/theme", str, "system")
ZOOM = Setting("appearance/zoom", float, 1.0)
UI_LANGUAGE = Setting("appearance/language", str, "")  # "" until chosen in View › Language

ALL: tuple[Setting[str] | Setting[float] | Setting[QByteArray], ...] = (
    WINDOW_GEOMETRY, WINDOW_STATE, LAST_PAGE, RECENT_PAGES, READING_POSITIONS,
    RECENT_SEARCHES, THEME, ZOOM, UI_LANGUAGE,
)


class SettingsStore:
    """Typed reads and writes of the settings above; a damaged value reads as its default."""

    def __init__(self, qsettings: QSettings, persist: bool = True) -> None:
        self.qsettings = qsettings
        self.persist = persist

    def get(self, setting: Setting[T]) -> T:
        if not self.persist:
            return setting.default
        raw = self.qsettings.value(setting.key)
        if raw is None or raw == "":
            return setting.default
        if isinstance(setting.default, QByteArray):
            return raw if isinstance(raw, QByteArray) else setting.default
        if isinstance(setting.default, float):
            try:
                return float(raw)
            except (TypeError, ValueError):
                return setting.default
        return str(raw)

    def set(self, setting: Setting[T], value: T) -> None:
        if self.persist:
            self.qsettings.setValue(setting.key, value)

    def sync(self) -> None:
        if self.persist:
            self.qsettings.sync()
