"""Kiosk policy: how an unattended clinic screen behaves, read from a TOML file.

A bad file never stops a kiosk: every key that cannot be used is reported as a `Problem`
naming the key, and that key keeps its safe default. The admin PIN is stored only as a
salted scrypt hash.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import hmac
import re
import secrets
import tomllib
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from lantern.core.address import HOME as HOME_ADDRESS
from lantern.core.address import Address
from lantern.core.atomic import write_text_atomic
from lantern.core.model import Problem, Severity

HOME = str(HOME_ADDRESS)
MIN_PIN_LENGTH = 4
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}  # ~16 MB and ~50 ms per check
_MAX_SECONDS = 24 * 3600


@dataclass(frozen=True, slots=True)
class KioskPolicy:
    """Every kiosk setting with its safe default; see docs/kiosk.md for the file format."""

    enabled: bool = False  # `kiosk = true`: a plain `lantern` starts in kiosk mode
    idle_seconds: float = 90.0
    warning_seconds: float = 20.0
    home: str = HOME
    clinic_name: str = ""
    front_desk_text: str = ""
    front_desk_phone: str = ""
    allow_print: bool = False
    allow_external_links: bool = False
    admin_pin_hash: str = ""


# key in the file → (field, expected type name); tables are written "table.key".
_KEYS: dict[str, str] = {
    "kiosk": "enabled",
    "idle_seconds": "idle_seconds",
    "warning_seconds": "warning_seconds",
    "home": "home",
    "clinic_name": "clinic_name",
    "admin_pin_hash": "admin_pin_hash",
    "front_desk.text": "front_desk_text",
    "front_desk.phone": "front_desk_phone",
    "allow.print": "allow_print",
    "allow.external_links": "allow_external_links",
}
_TABLES = {"front_desk", "allow"}


def _line_of(text: str, key: str) -> int:
    """The line where `key` (its last part) is set, or 0 when it cannot be found."""
    name = re.escape(key.rpartition(".")[2])
    match = re.search(rf"^\s*[\"']?{name}[\"']?\s*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 0


def _check(key: str, value: Any) -> tuple[Any, str]:
    """The value to use for `key`, or an explanation of why it cannot be used."""
    if key in ("idle_seconds", "warning_seconds"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None, f"'{key}' must be a number of seconds, not {value!r}"
        if not 0 < value <= _MAX_SECONDS:
            return None, f"'{key}' must be more than 0 and at most {_MAX_SECONDS}, not {value}"
        return float(value), ""
    if key.startswith("allow.") or key == "kiosk":
        if not isinstance(value, bool):
            return None, f"'{key}' must be true or false, not {value!r}"
        return value, ""
    if not isinstance(value, str):
        return None, f"'{key}' must be text in quotes, not {value!r}"
    value = value.strip()
    if key == "home" and Address.parse(value) is None:
        return None, f"'home' must be a Lantern address such as \"{HOME}\", not {value!r}"
    if key == "admin_pin_hash" and value and not _parse_hash(value):
        return None, ("'admin_pin_hash' is not a hash written by `lantern kiosk --set-pin`; "
                      "the kiosk cannot be left with a PIN until it is set again")
    return value, ""


def load_policy(path: Path) -> tuple[KioskPolicy, list[Problem]]:
    """Read a kiosk config. Never raises: problems are returned, bad keys keep defaults."""
    problems: list[Problem] = []

    def warn(message: str, line: int = 0, hint: str = "") -> None:
        problems.append(Problem(Severity.WARNING, path, line, message, hint))

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        warn("no kiosk config file; using safe defaults",
             hint="without an admin PIN the kiosk cannot be left from the screen; "
                  "run `lantern kiosk --set-pin`")
        return KioskPolicy(), problems
    except (OSError, UnicodeDecodeError) as exc:
        warn(f"cannot read the kiosk config ({exc}); using safe defaults")
        return KioskPolicy(), problems
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        warn(f"not valid TOML ({exc}); using safe defaults for every key",
             int(found.group(1)) if found else 0)
        return KioskPolicy(), problems

    flat: dict[str, Any] = {}
    for key, value in data.items():
        if key in _TABLES and isinstance(value, dict):
            flat.update({f"{key}.{sub}": v for sub, v in value.items()})
        elif key in _TABLES:
            warn(f"'{key}' must be a table ([{key}]); ignored", _line_of(text, key))
        else:
            flat[key] = value

    values: dict[str, Any] = {}
    for key, value in flat.items():
        if key not in _KEYS:
            close = difflib.get_close_matches(key, _KEYS, n=1)
            warn(f"unknown key '{key}'; ignored", _line_of(text, key),
                 f"did you mean '{close[0]}'?" if close else "")
            continue
        checked, error = _check(key, value)
        if error:
            warn(f"{error}; using the default", _line_of(text, key))
        else:
            values[_KEYS[key]] = checked

    policy = KioskPolicy(**values)
    if policy.warning_seconds >= policy.idle_seconds:
        warn("'warning_seconds' should be shorter than 'idle_seconds'",
             _line_of(text, "warning_seconds"))
    if not policy.admin_pin_hash and "admin_pin_hash" not in flat:
        warn("no 'admin_pin_hash': the kiosk cannot be left from the screen",
             hint="run `lantern kiosk --set-pin`")
    return policy, problems


def front_desk_html(policy: KioskPolicy) -> str:
    """The clinic's own line, for the top of the help-now page ("" when none is set)."""
    text, phone = policy.front_desk_text, policy.front_desk_phone
    if not (text or phone):
        return ""
    who = escape(policy.clinic_name) if policy.clinic_name else "this clinic"
    line = escape(text or "Ask at the front desk")
    if phone:
        line += f": <b>{escape(phone)}</b>"
    # A one-cell table: the reader draws padding and a background on cells, not paragraphs.
    return (f'<table class="front-desk" width="100%"><tr><td class="front-desk">'
            f"<b>Here at {who}:</b> {line}</td></tr></table>")


# PIN --------------------------------------------------------------------------------------


def hash_pin(pin: str) -> str:
    """A salted scrypt hash of `pin`, as text: `scrypt$n$r$p$salt$hash` (base64)."""
    if len(pin) < MIN_PIN_LENGTH:
        raise ValueError(f"the PIN must have at least {MIN_PIN_LENGTH} characters")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, dklen=32, **_SCRYPT)
    parts = [str(_SCRYPT[k]) for k in ("n", "r", "p")]
    b64 = [base64.b64encode(b).decode("ascii") for b in (salt, digest)]
    return "$".join(["scrypt", *parts, *b64])


def _parse_hash(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except ValueError:
        return None
    # Bounds keep a tampered file from asking for gigabytes of memory.
    if not (2 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
        return None
    if len(salt) < 8 or len(digest) < 16:
        return None
    return n, r, p, salt, digest


def verify_pin(pin: str, stored: str) -> bool:
    """Whether `pin` matches a hash from `hash_pin`. False, never an error, for a bad hash."""
    parsed = _parse_hash(stored)
    if parsed is None or not pin:
        return False
    n, r, p, salt, digest = parsed
    try:
        candidate = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                                   dklen=len(digest), maxmem=256 * 1024 * 1024)
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(candidate, digest)


def with_pin_hash(text: str, stored: str) -> str:
    """`text` (a kiosk TOML file) with its top-level admin_pin_hash set to `stored`."""
    lines = text.splitlines(keepends=True)
    first_table = next((i for i, line in enumerate(lines) if line.lstrip().startswith("[")),
                       len(lines))
    pattern = re.compile(r"^\s*admin_pin_hash\s*=")
    kept = [line for i, line in enumerate(lines) if i >= first_table or not pattern.match(line)]
    return f'admin_pin_hash = "{stored}"\n' + "".join(kept)


def save_pin_hash(path: Path, stored: str) -> None:
    """Write `stored` into the config at `path` (created if missing), atomically."""
    try:
        text = path.read_text(encoding="utf-8")
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        text, mode = "", 0o600
    new = with_pin_hash(text, stored)
    tomllib.loads(new)  # never write a file the kiosk could not read
    write_text_atomic(path, new, mode)
