"""Kiosk policy: how an unattended clinic screen behaves, read from a TOML file.

A bad file never stops a kiosk: every key that cannot be used is reported as a `Problem`
naming the key, and that key keeps its safe default. A file that cannot be read at all fails
closed: the policy asks for kiosk mode (unless the file plainly says `kiosk = false`), every
setting keeps its safe default, and the staff PIN hash is kept only when its own line can
still be read. The admin PIN is stored only as a salted scrypt hash.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import hmac
import re
import secrets
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lantern.core.address import HOME as HOME_ADDRESS
from lantern.core.address import Address
from lantern.core.atomic import write_text_atomic
from lantern.core.messages import translate
from lantern.core.model import Problem, Severity

if TYPE_CHECKING:
    from lantern.core.search.shared_index import SharedIndex

HOME = str(HOME_ADDRESS)
MIN_PIN_LENGTH = 6
# 128 MiB and about 0.4 s per guess on a 2020s desktop core (docs/kiosk.md, "The staff PIN").
SCRYPT_COST = {"n": 2**17, "r": 8, "p": 1}
_MAX_MEMORY = 256 * 1024 * 1024
_MAX_SECONDS = 24 * 3600


@dataclass(frozen=True, slots=True)
class KioskPolicy:
    """Every kiosk setting with its safe default; see docs/kiosk.md for the file format."""

    enabled: bool = False  # `kiosk = true`: a plain `lantern` starts in kiosk mode
    idle_seconds: float = 90.0
    warning_seconds: float = 20.0
    home: str = HOME
    clinic_name: str = ""
    #: The language each visitor starts in ("en", "es"); "" goes by the system's locale.
    language: str = ""
    front_desk_text: str = ""
    front_desk_phone: str = ""
    allow_print: bool = False
    allow_external_links: bool = False
    admin_pin_hash: str = ""
    # A search index built by `lantern index` in a shared folder, and its digest (a value,
    # or a file holding it): used only once every file matches (core/search/shared_index.py).
    shared_index_folder: str = ""
    shared_index_digest: str = ""
    shared_index_digest_file: str = ""


# key in the file → (field, expected type name); tables are written "table.key".
_KEYS: dict[str, str] = {
    "kiosk": "enabled",
    "idle_seconds": "idle_seconds",
    "warning_seconds": "warning_seconds",
    "home": "home",
    "clinic_name": "clinic_name",
    "language": "language",
    "admin_pin_hash": "admin_pin_hash",
    "front_desk.text": "front_desk_text",
    "front_desk.phone": "front_desk_phone",
    "allow.print": "allow_print",
    "allow.external_links": "allow_external_links",
    "shared_index.folder": "shared_index_folder",
    "shared_index.digest": "shared_index_digest",
    "shared_index.digest_file": "shared_index_digest_file",
}
_TABLES = {"front_desk", "allow", "shared_index"}


def _line_of(text: str, key: str) -> int:
    """The line where `key` (its last part) is set, or 0 when it cannot be found."""
    name = re.escape(key.rpartition(".")[2])
    match = re.search(rf"^[ \t]*[\"']?{name}[\"']?[ \t]*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 0


def _table_line(text: str, name: str) -> int:
    """The line of the `[name]` header (or of a dotted `name.key =`), or 0."""
    quoted = rf"[\"']?{re.escape(name)}[\"']?"
    match = (re.search(rf"^[ \t]*\[[ \t]*{quoted}[ \t]*\]", text, re.MULTILINE)
             or re.search(rf"^[ \t]*{quoted}[ \t]*\.", text, re.MULTILINE))
    return text.count("\n", 0, match.start()) + 1 if match else 0


def _check(key: str, value: Any) -> tuple[Any, str]:
    """The value to use for `key`, or an explanation of why it cannot be used."""
    if key in ("idle_seconds", "warning_seconds"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None, translate("kiosk", "'{key}' must be a number of seconds, not "
                                   "{value!r}").format(key=key, value=value)
        if not 0 < value <= _MAX_SECONDS:
            return None, translate("kiosk", "'{key}' must be more than 0 and at most {limit}, "
                                   "not {value}").format(key=key, limit=_MAX_SECONDS, value=value)
        return float(value), ""
    if key.startswith("allow.") or key == "kiosk":
        if not isinstance(value, bool):
            return None, translate("kiosk", "'{key}' must be true or false, not {value!r}").format(
                key=key, value=value)
        return value, ""
    if not isinstance(value, str):
        return None, translate("kiosk", "'{key}' must be text in quotes, not {value!r}").format(
            key=key, value=value)
    return _check_text(key, value.strip())


def _check_text(key: str, value: str) -> tuple[Any, str]:
    """`_check` for the keys whose value is text."""
    if key == "home" and Address.parse(value) is None:
        return None, translate("kiosk", "'home' must be a Lantern address such as \"{home}\", "
                               "not {value!r}").format(home=HOME, value=value)
    if key == "language" and value:
        from lantern.i18n import SUPPORTED, normalise

        code = normalise(value)
        if code is None:
            return None, translate("kiosk", "'language' must be one of {codes}, not "
                                   "{value!r}").format(codes=", ".join(SUPPORTED), value=value)
        return code, ""
    if key == "admin_pin_hash" and value and not _parse_hash(value):
        return None, translate("kiosk", "'admin_pin_hash' is not a hash written by `lantern "
                               "kiosk --set-pin`; the kiosk cannot be left with a PIN until it "
                               "is set again")
    if key in ("shared_index.folder", "shared_index.digest_file") and value and \
            not Path(value).is_absolute():
        return None, translate("kiosk", "'{key}' must be a full path (starting at the top "
                               "folder), not {value!r}").format(key=key, value=value)
    if key == "shared_index.digest" and value:
        from lantern.core.search.shared_index import normal_digest

        if not normal_digest(value):
            return None, translate("kiosk", "'shared_index.digest' must be the sha256:… digest "
                                   "that `lantern index` printed, not {value!r}").format(
                                       value=value)
        return normal_digest(value), ""
    return value, ""


def _salvage(text: str) -> tuple[bool, str, int]:
    """From a file TOML cannot read: whether it plainly says `kiosk = false`, and the staff
    PIN hash with its line when that line (above the first table) can still be read."""
    says_false, stored, line = False, "", 0
    for number, raw in enumerate(text.splitlines(), 1):
        if raw.lstrip().startswith("["):
            break
        if re.fullmatch(r"\s*[\"']?kiosk[\"']?\s*=\s*false\s*(#.*)?", raw):
            says_false = True
        found = re.fullmatch(r"\s*admin_pin_hash\s*=\s*\"([^\"]*)\"\s*(#.*)?", raw)
        if found and _parse_hash(found.group(1)):
            stored, line = found.group(1), number
    return says_false, stored, line


def _damaged(path: Path, text: str, line: int, why: str,
             problems: list[Problem]) -> tuple[KioskPolicy, list[Problem]]:
    """The policy for a file that cannot be read: locked, safe defaults, the PIN if it can be
    found, and a problem for each of these decisions."""
    says_false, stored, pin_line = _salvage(text)
    problems.append(Problem(Severity.ERROR, path, line, translate(
        "kiosk", "{why}; the kiosk starts locked, every setting at its safe default").format(
            why=why), translate("kiosk", "fix the file, or run `lantern kiosk --config FILE` "
                                "to check it")))
    if stored:
        problems.append(Problem(Severity.WARNING, path, pin_line,
                                translate("kiosk", "the staff PIN on this line is still used")))
    else:
        said = translate("kiosk", "the staff PIN could not be read") if "admin_pin_hash" in \
            text else translate("kiosk", "no staff PIN is set")
        problems.append(Problem(Severity.ERROR, path, 0, translate(
            "kiosk", "{said}: the kiosk cannot be left from the screen until the file is "
            "fixed").format(said=said)))
    return KioskPolicy(enabled=not says_false, admin_pin_hash=stored), problems


def _read(path: Path, problems: list[Problem]) -> tuple[str, dict[str, Any]] | KioskPolicy:
    """The file's text and its TOML, or the policy to use when it cannot be read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(
            Severity.WARNING, path, 0,
            translate("kiosk", "no kiosk config file; using safe defaults"),
            translate("kiosk", "without an admin PIN the kiosk cannot be left from the screen; "
                      "run `lantern kiosk --set-pin`")))
        return KioskPolicy()
    except OSError as exc:
        return _damaged(path, "", 0, translate(
            "kiosk", "cannot read the kiosk config ({reason})").format(
                reason=exc.strerror or exc), problems)[0]
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark from a Windows editor is fine
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8-sig", errors="replace")
        return _damaged(path, text, text.count("\n", 0, exc.start) + 1,
                        translate("kiosk", "not UTF-8 text"), problems)[0]
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        return _damaged(path, text, int(found.group(1)) if found else 0,
                        translate("kiosk", "not valid TOML ({reason})").format(reason=exc),
                        problems)[0]


def _flatten(data: dict[str, Any], text: str, warn: Callable[..., None]) -> dict[str, Any]:
    """Top-level keys and `table.key` for the known tables; anything else warned about."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if key in _TABLES and isinstance(value, dict):
            flat.update({f"{key}.{sub}": v for sub, v in value.items()})
        elif isinstance(value, dict) and key not in _KEYS:
            close = difflib.get_close_matches(key, _TABLES, n=1)
            warn(translate("kiosk", "unknown table [{key}]; ignored").format(key=key),
                 _table_line(text, key), translate("kiosk", "did you mean [{name}]?").format(
                     name=close[0]) if close else "")
        elif key in _TABLES:
            warn(translate("kiosk", "'{key}' must be a table ([{key}]); ignored").format(
                key=key), _line_of(text, key))
        else:
            flat[key] = value
    return flat


def _values(flat: dict[str, Any], text: str, warn: Callable[..., None]) -> dict[str, Any]:
    """The policy's fields from the known keys with valid values; the rest warned about."""
    values: dict[str, Any] = {}
    for key, value in flat.items():
        if key not in _KEYS:
            close = difflib.get_close_matches(key, _KEYS, n=1)
            warn(translate("kiosk", "unknown key '{key}'; ignored").format(key=key),
                 _line_of(text, key), translate("kiosk", "did you mean '{name}'?").format(
                     name=close[0]) if close else "")
            continue
        checked, error = _check(key, value)
        if error:
            warn(translate("kiosk", "{error}; using the default").format(error=error),
                 _line_of(text, key))
        else:
            values[_KEYS[key]] = checked
    return values


def load_policy(path: Path) -> tuple[KioskPolicy, list[Problem]]:
    """Read a kiosk config. Never raises: problems are returned, bad keys keep defaults."""
    problems: list[Problem] = []

    def warn(message: str, line: int = 0, hint: str = "") -> None:
        problems.append(Problem(Severity.WARNING, path, line, message, hint))

    read = _read(path, problems)
    if isinstance(read, KioskPolicy):
        return read, problems
    text, data = read
    flat = _flatten(data, text, warn)
    policy = KioskPolicy(**_values(flat, text, warn))
    if policy.warning_seconds >= policy.idle_seconds:
        warn(translate("kiosk", "'warning_seconds' should be shorter than 'idle_seconds'"),
             _line_of(text, "warning_seconds"))
    if not policy.admin_pin_hash and "admin_pin_hash" not in flat:
        warn(translate("kiosk", "no 'admin_pin_hash': the kiosk cannot be left from the "
                       "screen"), hint=translate("kiosk", "run `lantern kiosk --set-pin`"))
    elif policy.admin_pin_hash and _weaker_than_now(policy.admin_pin_hash):
        warn(translate("kiosk", "the staff PIN is stored with a weaker hash than Lantern now "
                       "uses"), _line_of(text, "admin_pin_hash"),
             translate("kiosk", "run `lantern kiosk --set-pin` again"))
    if policy.shared_index_folder and not (policy.shared_index_digest
                                           or policy.shared_index_digest_file):
        warn(translate("kiosk", "[shared_index] names a folder but no digest: the shared "
                       "index is not used"), _line_of(text, "folder"),
             translate("kiosk", "add the digest `lantern index` printed"))
    return policy, problems


def shared_index(policy: KioskPolicy) -> SharedIndex | None:
    """The shared index the policy names, if any (checked before use, at start)."""
    from lantern.core.search.shared_index import SharedIndex

    if not policy.shared_index_folder:
        return None
    digest_file = policy.shared_index_digest_file
    return SharedIndex(Path(policy.shared_index_folder), policy.shared_index_digest,
                       Path(digest_file) if digest_file else None)


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


def pin_problem(pin: str) -> str:
    """Why `pin` cannot be the staff PIN ("" when it can): digits only, for the number pad,
    and at least MIN_PIN_LENGTH of them."""
    if not (pin.isascii() and pin.isdigit()) or len(pin) < MIN_PIN_LENGTH:
        return translate("kiosk", "the PIN must be at least {count} digits (0-9), nothing "
                         "else").format(count=MIN_PIN_LENGTH)
    return ""


def hash_pin(pin: str, cost: dict[str, int] | None = None) -> str:
    """A salted scrypt hash of `pin`, as text: `scrypt$n$r$p$salt$hash` (base64). `cost`
    (n, r, p) defaults to SCRYPT_COST; tests pass a cheaper one."""
    problem = pin_problem(pin)
    if problem:
        raise ValueError(problem)
    cost = cost or SCRYPT_COST
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, dklen=32, maxmem=_MAX_MEMORY,
                            **cost)
    parts = [str(cost[k]) for k in ("n", "r", "p")]
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


def _weaker_than_now(stored: str) -> bool:
    parsed = _parse_hash(stored)
    return parsed is not None and parsed[0] * parsed[1] < SCRYPT_COST["n"] * SCRYPT_COST["r"]


def verify_pin(pin: str, stored: str) -> bool:
    """Whether `pin` matches a hash from `hash_pin`. False, never an error, for a bad hash."""
    parsed = _parse_hash(stored)
    if parsed is None or not pin:
        return False
    n, r, p, salt, digest = parsed
    try:
        candidate = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                                   dklen=len(digest), maxmem=_MAX_MEMORY)
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
    """Write `stored` into the config at `path` (created if missing), atomically, readable
    by its owner only (0600) whatever the old file's permissions were."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        text = ""
    new = with_pin_hash(text, stored)
    tomllib.loads(new)  # never write a file the kiosk could not read
    write_text_atomic(path, new, 0o600)
