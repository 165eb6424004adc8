"""What Lantern prints outside its window, in the reader's language.

The code is written in English. `translate(context, text)` marks a message for the
catalogue and gives it back as English text that remembers where it came from, so it can
be shown in another language later by `localise()`: a content problem found once is
printed in the language of whoever reads it. The name and arguments are those of Qt's
`QCoreApplication.translate`, so `pyside6-lupdate` extracts the messages from the code
into `resources/translations/lantern_cli_<language>.ts` (docs/translating.md), the same
format and tools as the window's own translation, read here with the standard library
only: nothing is read, and Qt is never loaded, when the language is English.

    translate("check", "unknown field '{key}' in {what}").format(key=key, what=what)
    translate("check", "{n} error", "{n} errors", n)   # a number: English singular, plural

A message without values is never formatted (its braces and percent signs are kept). A
message the catalogue lacks, or whose translation does not format, is shown in English.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

ENGLISH = "en"


class Message(str):
    """English text that can be shown in another language: its catalogue key and values."""

    __slots__ = ("comment", "context", "n", "source", "values")
    context: str
    source: str
    comment: str
    n: int
    values: Mapping[str, Any]

    def __new__(cls, context: str, source: str, comment: str = "", n: int = -1,
                values: Mapping[str, Any] | None = None) -> Message:
        values = dict(values or {})
        if n >= 0:
            values.setdefault("n", n)
        english = source if n < 0 or n == 1 or not comment else comment
        text = english
        if values:
            with contextlib.suppress(KeyError, IndexError, ValueError):
                text = english.format(**values)
        self = super().__new__(cls, text)
        self.context, self.source, self.comment, self.n = context, source, comment, n
        self.values = values
        return self

    def format(self, *args: object, **values: Any) -> Message:
        """The message with its `{name}` placeholders filled, still translatable."""
        if args:
            raise TypeError("messages take named values only")
        return Message(self.context, self.source, self.comment, self.n,
                       {**self.values, **values})


def translate(context: str, source: str, disambiguation: str | None = None,
              n: int = -1) -> Message:
    """Mark `source` for the catalogue; English until `localise()` shows it otherwise.

    With `n`, the message is a number's phrase: `source` is the English singular and
    `disambiguation` the English plural, and `{n}` is filled with the number."""
    return Message(context, source, disambiguation or "", n)


def to_data(text: str) -> Any:
    """A message as JSON data that `from_data` makes a message again (the library cache
    keeps problems so); plain text stays text, values that are not numbers become text."""
    if not isinstance(text, Message):
        return str(text)
    values = {k: to_data(v) if isinstance(v, str) else
              v if isinstance(v, int | float) and not isinstance(v, bool) else str(v)
              for k, v in text.values.items()}
    return {"message": [text.context, text.source, text.comment, text.n], "values": values}


def from_data(data: Any) -> str:
    """What `to_data` wrote; TypeError or ValueError for anything else."""
    if isinstance(data, str):
        return data
    if not isinstance(data, dict):
        raise TypeError(f"not a message: {data!r}")
    context, source, comment, n = data["message"]
    if not (isinstance(context, str) and isinstance(source, str) and isinstance(comment, str)
            and isinstance(n, int)):
        raise ValueError(f"not a message: {data!r}")
    values = {str(k): v if isinstance(v, int | float) else from_data(v)
              for k, v in dict(data["values"]).items()}
    return Message(context, source, comment, n, values)


# --- the reader's language ---------------------------------------------------------------

_language = ENGLISH


def language() -> str:
    """The language messages are shown in when `localise()` is given none: the reader's."""
    return _language


def set_language(code: str) -> None:
    """Show messages in `code` from now on. The command line speaks one language for the
    whole run (`speaking`); the window calls this whenever its interface language is set
    or switched, so what core says in the window (content problems, the status line,
    reference lists) follows the interface. Pages are composed in their own pack's
    language whatever this is (`lantern.core.compose.Composer`)."""
    global _language
    _language = code


@contextlib.contextmanager
def speaking(code: str) -> Iterator[None]:
    """Messages localised without a language are shown in `code` inside the block."""
    global _language
    before, _language = _language, code
    try:
        yield
    finally:
        _language = before


def localise(text: str, code: str | None = None) -> str:
    """`text` in the language `code` (by default the one being spoken); English when the
    catalogue has no translation for it. Text that is not a `Message` is shown as it is."""
    code = code or _language
    if not isinstance(text, Message):
        return str(text)
    if code == ENGLISH:
        return str.__str__(text)
    found = catalogue(code).get((text.context, text.source, text.comment))
    if found is None:
        return str.__str__(text)
    template = found if isinstance(found, str) else found[plural_form(code, text.n)]
    if not text.values:
        return template
    values = {k: localise(v, code) if isinstance(v, Message) else v
              for k, v in text.values.items()}
    try:
        return _formatter(code)(template, values)
    except (KeyError, IndexError, ValueError, TypeError):
        return str.__str__(text)


# --- numbers -------------------------------------------------------------------------------

#: Which of a message's plural forms a number takes, by language (the forms' order in
#: the catalogue is Qt's: for Spanish, singular then plural).
PLURAL_RULES: Mapping[str, Callable[[int], int]] = {
    "en": lambda n: 0 if n == 1 else 1,
    "es": lambda n: 0 if n == 1 else 1,
}
#: How many plural forms each language's catalogue gives a number's phrase.
PLURAL_FORMS: Mapping[str, int] = {"en": 2, "es": 2}
#: What a language groups the digits of large numbers with ("{n:,}" in a message): Spanish
#: writes 20 000, neither 20,000 nor 20.000, which read differently in Spain and Mexico.
DIGIT_GROUPS: Mapping[str, str] = {"es": " "}


def number(n: int, code: str | None = None) -> str:
    """`n` with its digits grouped as `code` (by default the language spoken) writes them:
    20,000 in English, 20 000 in Spanish."""
    text = f"{n:,}"
    separator = DIGIT_GROUPS.get(code or _language)
    return text.replace(",", separator) if separator else text


def plural_form(code: str, n: int) -> int:
    rule = PLURAL_RULES.get(code)
    return min(rule(n) if rule else 0, PLURAL_FORMS.get(code, 1) - 1)


def _formatter(code: str) -> Callable[[str, Mapping[str, Any]], str]:
    if code not in DIGIT_GROUPS:
        return lambda template, values: template.format_map(values)
    import string

    separator = DIGIT_GROUPS[code]

    class Grouping(string.Formatter):
        def format_field(self, value: Any, format_spec: str) -> str:
            text: str = super().format_field(value, format_spec)
            return text.replace(",", separator) if "," in format_spec else text

    return lambda template, values: Grouping().vformat(template, (), values)


# --- the catalogues ------------------------------------------------------------------------

Entry = str | tuple[str, ...]


def catalogue_path(code: str) -> Path | None:
    from lantern.core import paths

    try:
        return paths.resource("translations", f"lantern_cli_{code}.ts")
    except paths.NotFoundError:
        return None


@functools.cache
def catalogue(code: str) -> Mapping[tuple[str, str, str], Entry]:
    """The finished translations of a language's catalogue, by (context, source, comment);
    empty when it has none or its file cannot be read (every message is then English)."""
    path = catalogue_path(code)
    if path is None or not path.is_file():
        return {}
    try:
        return read_ts(path.read_bytes())
    except (OSError, ValueError):
        return {}


def read_ts(data: bytes) -> dict[tuple[str, str, str], Entry]:
    """The finished messages of a Qt .ts file (unfinished, vanished or obsolete ones are
    left out, so their English shows)."""
    from xml.etree import ElementTree

    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise ValueError(str(exc)) from None
    found: dict[tuple[str, str, str], Entry] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type"):
                continue
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            if message.get("numerus") == "yes":
                forms = tuple(form.text or "" for form in translation.iter("numerusform"))
                if forms and all(forms):
                    found[key] = forms
            elif translation.text:
                found[key] = translation.text
    return found
