"""Where Lantern finds its bundled files and keeps its own.

A source checkout uses the top-level `content/` and `resources/` folders; an installed
wheel carries them inside the package as `lantern/_data/`. Everything Lantern writes goes
to the platform's user directories, never next to the package.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

APP_NAME = "lantern"

_PACKAGE = Path(__file__).resolve().parent.parent
_CHECKOUT = _PACKAGE.parent.parent
_LANGUAGE_FOLDER = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})?")


class NotFoundError(Exception):
    """A bundled folder is missing; the message lists every place that was tried."""


def _find(name: str, env_var: str | None = None) -> Path:
    candidates: list[Path] = []
    if env_var and os.environ.get(env_var):
        candidates.append(Path(os.environ[env_var]).expanduser())
    candidates += [_PACKAGE / "_data" / name, _CHECKOUT / name]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    tried = "\n  ".join(str(c) for c in candidates)
    hint = f" Set {env_var} or pass --content." if env_var else ""
    raise NotFoundError(f"Could not find the {name} folder. Looked in:\n  {tried}\n{hint}".strip())


def content_dir() -> Path:
    """The content pack to open when none is given: LANTERN_CONTENT_DIR or the bundled one."""
    return _find("content", "LANTERN_CONTENT_DIR")


def translation_roots(content: Path) -> list[Path]:
    """The packs in other languages kept inside a pack's folder, loaded on top of it: each
    subfolder named by a language code (`es`, `pt-br`) that holds a pack.toml."""
    try:
        found = [sub for sub in content.iterdir()
                 if _LANGUAGE_FOLDER.fullmatch(sub.name) and (sub / "pack.toml").is_file()]
    except OSError:
        return []
    return sorted(found)


def content_roots() -> list[Path]:
    """The packs to open when none is given: `content_dir()` and the translations in it
    (the bundled English pack and the Spanish one in its `es/` folder)."""
    content = content_dir()
    return [content, *translation_roots(content)]


def resources_dir() -> Path:
    return _find("resources")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


LICENCE_FILES = ("LICENSE", "LICENSE-CONTENT", "THIRD-PARTY-NOTICES.md")


def licence_file(name: str) -> Path:
    """One of LICENCE_FILES: inside the package when installed or frozen, at the top of a
    checkout otherwise."""
    candidates = [_PACKAGE / "_data" / "licenses" / name, _CHECKOUT / name]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    tried = "\n  ".join(str(c) for c in candidates)
    raise NotFoundError(f"Could not find {name}. Looked in:\n  {tried}")


def _user_dir(env_var: str, default: str) -> Path:
    value = os.environ.get(env_var)
    return Path(value).expanduser() if value else Path(default)


def cache_dir() -> Path:
    """Where the search index lives (LANTERN_CACHE_DIR overrides)."""
    return _user_dir("LANTERN_CACHE_DIR", platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Where settings and bookmarks live (LANTERN_CONFIG_DIR overrides)."""
    return _user_dir("LANTERN_CONFIG_DIR", platformdirs.user_config_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """Where the window writes its log file (LANTERN_LOG_DIR overrides)."""
    return _user_dir("LANTERN_LOG_DIR", platformdirs.user_log_dir(APP_NAME, appauthor=False))


def private_file(path: Path) -> Path:
    """Make `path` a file only its owner can read and write (0600), creating it empty if
    it is missing and its folder if need be, so that a program writing it later (Qt's
    settings keep the mode of the file they replace) never leaves it readable by others.
    A file that cannot be made private is left as it is; the caller goes on."""
    if os.name != "posix":
        return path
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        if path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)
    except OSError:
        pass
    return path
