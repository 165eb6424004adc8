"""Live preview for authors: the content packs watched on disk, and a signal shortly after a
file in one of them is saved, so the window can check and reload the pack."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from lantern.core.messages import localise

from lantern.ui.window import content_language, dialogs
from lantern.ui.window.policy import HOME
from lantern.ui.words import translate

if TYPE_CHECKING:
    from lantern.ui.window.main_window import MainWindow

#: Saves arrive in bursts (an editor writes a temporary file, renames it, touches the
#: folder); one reload after the last of them.
SETTLE_MS = 300
#: The files of a pack: pages, glossary, references, the pack's own description.
PACK_FILES = (".md", ".yaml", ".yml", ".toml", ".json", ".bib")
#: Enough for any pack an author edits by hand; a watch per folder and file is kept.
MAX_WATCHED = 4000


def pack_paths(roots: Iterable[Path]) -> list[str]:
    """Every folder of the packs and every pack file in them, at most MAX_WATCHED."""
    found: list[str] = []
    for root in roots:
        if not root.is_dir():
            continue
        found.append(str(root))
        for path in sorted(root.rglob("*")):
            if len(found) >= MAX_WATCHED:
                return found
            if any(part.startswith(".") for part in path.relative_to(root).parts):
                continue  # an editor's or version control's own files
            if path.is_dir() or path.suffix.lower() in PACK_FILES:
                found.append(str(path))
    return found


class PackWatcher(QObject):
    """Watches the packs' folders and files; `changed` once a burst of saves has settled."""

    changed = Signal()

    def __init__(self, roots: Sequence[Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.roots = list(roots)
        self._watcher = QFileSystemWatcher(self)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        self._watcher.fileChanged.connect(self._on_change)
        self._watcher.directoryChanged.connect(self._on_change)
        self._watch()

    def _watch(self) -> None:
        """Watch what the packs hold now: a file saved by renaming over the old one, or a
        new file or folder, is a path the watcher did not have."""
        wanted = set(pack_paths(self.roots))
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        gone = sorted(watched - wanted)
        if gone:
            self._watcher.removePaths(gone)
        new = sorted(wanted - watched)
        if new:
            self._watcher.addPaths(new)

    def set_roots(self, roots: Sequence[Path]) -> None:
        """Watch these packs from now on (the window was switched to them)."""
        self.roots = list(roots)
        self._watch()

    def _on_change(self, _path: str) -> None:
        self._settle.start()

    def _settled(self) -> None:
        self._watch()
        self.changed.emit()

    def watched(self) -> list[str]:
        return self._watcher.files() + self._watcher.directories()


def show_reloaded(window: MainWindow) -> None:
    """The packs changed on disk: the same page, read again, where the reader was."""
    session = window.session
    assert session.library is not None and session.composer is not None
    assert session.suggester is not None
    content_language.show_language(window)
    window.references.set_library(session.library)
    where = window.history.current or HOME
    fraction = window.reader.reading_fraction()
    if not window.navigation.navigate(where, record=False,
                                      then=lambda: window.reader.go_to_fraction(fraction)):
        window.go_home()  # the page itself is gone (renamed, or its file has an error now)
    bundled = window.bundled_content()
    problems = dialogs.reader_problems(session.library, bundled)
    shown = window.findChild(dialogs.ProblemsDialog)
    if shown is not None and shown.isVisible():
        shown.show_problems(session.library, bundled)
    if not problems:
        text = translate("Window", "Content reloaded · no problems")
    else:
        text = translate("Window", "Content reloaded · {problem}").format(
            problem=problems[0].format(localise=localise))
        if len(problems) > 1:
            text += " " + translate("Window", "and %n more (View › Content problems)",
                                    "and %n more (View › Content problems)", len(problems) - 1)
    window.statusBar().showMessage(text)
    window.content_reloaded.emit()
