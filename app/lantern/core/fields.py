"""The fields of content files: what each file may hold, and how a raw value becomes a
usable one (see docs/content-format.md).

A converter returns None for a value it cannot use; the loader then names the field and
what it expects (`FieldSpec.expects`, with a hint from `HINTS`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lantern.core.messages import translate
from lantern.core.model import Author
from lantern.core.references import CSL_VARIABLES


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _text_list(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, list) and all(_text(v) is not None for v in value):
        return tuple(_text(v) or "" for v in value)
    return None


def _web_address(value: Any) -> str | None:
    """An http(s) address; anything else (javascript:, file:, a bare path) is refused."""
    text = _text(value)
    if text and re.match(r"https?://[^\s]", text, re.IGNORECASE):
        return text
    return None


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class FieldSpec:
    convert: Callable[[Any], Any]
    required: bool
    expects: str


TEXT = translate("check", "text")
TEXT_LIST = translate("check", "a list of text, like [a, b]")
DATE = translate("check", "a date written YYYY-MM-DD")
WEB = translate("check", "a web address starting with https://")
#: What to do about a value that is not what a field expects.
HINTS: dict[str, str] = {
    TEXT: translate("check", "put the text after the colon, in quotes if it contains a colon"),
    WEB: translate("check", "only http and https links are shown; give a DOI instead if there "
                   "is one"),
    TEXT_LIST: translate("check", "write a list like [first, second]"),
    DATE: translate("check", "for example 2026-11-22"),
}

ARTICLE_FIELDS = {
    "title": FieldSpec(_text, True, TEXT),
    "summary": FieldSpec(_text, True, TEXT),
    "topics": FieldSpec(_text_list, True, TEXT_LIST),
    "reviewed": FieldSpec(_date, True, DATE),
    "evidence": FieldSpec(_text, True, TEXT),
    "aliases": FieldSpec(_text_list, False, TEXT_LIST),
    "content_note": FieldSpec(_text, False, TEXT),
    "related": FieldSpec(_text_list, False, TEXT_LIST),
    "translates": FieldSpec(_text, False, TEXT),
}
FAQ_FIELDS = {
    "question": FieldSpec(_text, True, TEXT),
    "topics": FieldSpec(_text_list, True, TEXT_LIST),
    "aliases": FieldSpec(_text_list, False, TEXT_LIST),
    "related": FieldSpec(_text_list, False, TEXT_LIST),
    "translates": FieldSpec(_text, False, TEXT),
}
PAGE_FIELDS = {"title": FieldSpec(_text, True, TEXT)}
TERM_FIELDS = {
    "id": FieldSpec(_text, True, TEXT),
    "term": FieldSpec(_text, True, TEXT),
    "definition": FieldSpec(_text, True, TEXT),
    "aliases": FieldSpec(_text_list, False, TEXT_LIST),
    "see_also": FieldSpec(_text_list, False, TEXT_LIST),
    "not": FieldSpec(_text_list, False, TEXT_LIST),
    "translates": FieldSpec(_text, False, TEXT),
}
SHOWN_REFERENCE_FIELDS = {
    "id": FieldSpec(_text, True, TEXT),
    "type": FieldSpec(_text, True, TEXT),
    "title": FieldSpec(_text, True, TEXT),
    "issued": FieldSpec(lambda v: _year(v), True, translate("check", "a year, like 2021")),
    "author": FieldSpec(lambda v: _authors(v), False,
                        translate("check", "a list of {family, given} or {literal}")),
    "container-title": FieldSpec(_text, False, TEXT),
    "volume": FieldSpec(_text, False, TEXT),
    "issue": FieldSpec(_text, False, TEXT),
    "page": FieldSpec(_text, False, TEXT),
    "DOI": FieldSpec(_text, False, TEXT),
    "URL": FieldSpec(_web_address, False, WEB),
    "note": FieldSpec(_text, False, TEXT),
    "publisher": FieldSpec(_text, False, TEXT),
    "accessed": FieldSpec(lambda v: _csl_date(v), False,
                          translate("check", "a date, like 2026-11-22")),
}
# CSL's other variables (abstract, language, source, ISSN, editor …) are accepted as they
# are: reference managers export them, and Lantern does not show them.
REFERENCE_FIELDS = {**{name: FieldSpec(lambda v: v, False, TEXT) for name in CSL_VARIABLES},
                    **SHOWN_REFERENCE_FIELDS}
# Front-matter keys from other site generators, and what Lantern calls them.
_REVIEWED = translate("check", "did you mean 'reviewed' (the day the facts were last checked)?")
_TOPICS = translate("check", "did you mean 'topics'?")
_SUMMARY = translate("check", "did you mean 'summary'?")
FRONT_MATTER_HINTS: dict[str, str] = {
    "date": _REVIEWED,
    "lastmod": _REVIEWED,
    "tags": _TOPICS,
    "categories": _TOPICS,
    "keywords": translate("check", "did you mean 'aliases' (other names a reader may search "
                          "for)?"),
    "description": _SUMMARY,
    "excerpt": _SUMMARY,
    "draft": translate("check", "Lantern has no drafts: keep the file out of the pack until it "
                       "is ready"),
    "slug": translate("check", "the file name is the slug: rename the file instead"),
    "author": translate("check", "articles name no author; cite the sources with [@key] "
                        "instead"),
}
PACK_FIELDS = {
    "name": FieldSpec(_text, True, TEXT),
    "language": FieldSpec(_text, False, TEXT),
    "version": FieldSpec(_text, False, TEXT),
    "license": FieldSpec(_text, False, TEXT),
    "description": FieldSpec(_text, False, TEXT),
    "facts_checked": FieldSpec(_date, False, DATE),
    "addon": FieldSpec(lambda v: v if isinstance(v, bool) else None, False,
                       translate("check", "true or false")),
    "translation_of": FieldSpec(_text, False, TEXT),
}


def _csl_date(value: Any) -> str | None:
    """A CSL date in any of the ways files write one, as text: `2024-03-01`, a YAML date,
    `{date-parts: [[2024, 3, 1]]}`, `{raw: …}`, or Better BibTeX's `[{year: 2024, month: 3}]`."""
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    if isinstance(value, list) and value and isinstance(value[0], dict):
        first = value[0]
        named = [first.get("year"), first.get("month"), first.get("day")]
        value = {"date-parts": [[p for p in named if p is not None]]}
    if isinstance(value, dict):
        parts = value.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            try:
                numbers = [int(p) for p in parts[0][:3]]
            except (TypeError, ValueError):
                return None
            return "-".join([f"{numbers[0]:04d}", *(f"{n:02d}" for n in numbers[1:])])
        return _text(value.get("raw") or value.get("literal"))
    return _text(value)


def _year(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and 1000 <= value <= 9999:
        return value
    if isinstance(value, dt.date):
        return value.year
    if isinstance(value, list | dict):
        value = _csl_date(value)
    if isinstance(value, str) and value[:4].isdigit():
        return int(value[:4])
    return None


def _authors(value: Any) -> tuple[Author, ...] | None:
    if not isinstance(value, list):
        return None
    authors = []
    for item in value:
        if not isinstance(item, dict):
            return None
        family, given, literal, particle = (_text(item.get(k)) or "" for k in (
            "family", "given", "literal", "non-dropping-particle"))
        family = f"{particle} {family}" if particle and family else family
        if not (family or literal):
            return None
        authors.append(Author(family=family, given=given, literal=literal))
    return tuple(authors)
