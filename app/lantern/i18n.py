"""Which language Lantern speaks to its reader.

Qt-free, so the command line can use it without loading Qt. The window and the command
line pick the language the same way: an explicit ``--lang`` first, then the language the
reader chose in the window (remembered in the settings), then the system's locale
(``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as gettext reads them), and English
when none of those names a language Lantern has.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

#: Languages Lantern's interface and bundled content come in, the default first.
SUPPORTED: tuple[str, ...] = ("en", "es")
DEFAULT = "en"

#: Each language's name in itself, as a language menu shows it.
NATIVE_NAMES: Mapping[str, str] = {"en": "English", "es": "Español"}


def normalise(code: str | None) -> str | None:
    """``es_MX.UTF-8``, ``es-419`` or ``ES`` -> ``es``; None for what Lantern does not have."""
    if not code:
        return None
    base = code.strip().split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0]
    base = base.lower()
    return base if base in SUPPORTED else None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The first supported language the environment asks for, as gettext looks for it."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if not value:
            continue
        if value in ("C", "POSIX") or value.startswith(("C.", "POSIX.")):
            return DEFAULT  # an explicit "no locale" means the default, as gettext does
        for part in value.split(":"):  # LANGUAGE may list several, in order of preference
            found = normalise(part)
            if found:
                return found
        if name != "LANGUAGE":
            return DEFAULT  # the first locale variable set decides, as for gettext
    return DEFAULT


def resolve(flag: str | None = None, saved: str | None = None,
            environ: Mapping[str, str] | None = None) -> str:
    """``--lang`` over the reader's saved choice over the system's locale."""
    return normalise(flag) or normalise(saved) or system_language(environ)
