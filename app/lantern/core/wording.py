"""Words Lantern itself writes into a page, in the page's language: dates, the names of the
kinds of item and of the bundled packs' topic words.

Each function takes the language to say it in (`code`, by default the one being spoken,
`lantern.core.messages.language()`). The words are in the command line's catalogue
(`resources/translations/lantern_cli_<code>.ts`, docs/translating.md), so nothing here
loads Qt, and months are named by the catalogue rather than by the C library's locale
(`strftime("%B")` follows whatever locale the process was given, not the page's language).
"""

from __future__ import annotations

import datetime as dt

from lantern.core.address import Kind
from lantern.core.messages import localise, translate

MONTHS = (
    translate("dates", "January"), translate("dates", "February"),
    translate("dates", "March"), translate("dates", "April"), translate("dates", "May"),
    translate("dates", "June"), translate("dates", "July"), translate("dates", "August"),
    translate("dates", "September"), translate("dates", "October"),
    translate("dates", "November"), translate("dates", "December"),
)

#: What a reader sees a kind of item called, on cards and in lists.
KIND_LABELS = {
    Kind.ARTICLE: translate("kinds", "Article"), Kind.FAQ: translate("kinds", "Question"),
    Kind.TERM: translate("kinds", "Glossary"), Kind.PAGE: translate("kinds", "Page"),
    Kind.REF: translate("kinds", "Reference"), Kind.LIST: translate("kinds", "List"),
}

#: The topic words of the bundled packs (docs/content-format.md); a pack's other topic
#: words are shown as they are written.
TOPICS = {
    "psilocybin": translate("topics", "psilocybin"), "mdma": translate("topics", "mdma"),
    "ketamine": translate("topics", "ketamine"),
    "microdosing": translate("topics", "microdosing"),
    "brain": translate("topics", "brain"),
    "neuroplasticity": translate("topics", "neuroplasticity"),
    "depression": translate("topics", "depression"), "ptsd": translate("topics", "ptsd"),
    "safety": translate("topics", "safety"), "law": translate("topics", "law"),
    "research": translate("topics", "research"), "therapy": translate("topics", "therapy"),
}


def long_date(day: dt.date, code: str | None = None) -> str:
    """"1 December 2026" in English, "1 de diciembre de 2026" in Spanish."""
    return localise(translate("dates", "{day} {month} {year}").format(
        day=day.day, month=MONTHS[day.month - 1], year=day.year), code)


def kind_label(kind: Kind, code: str | None = None) -> str:
    """"Article", "Question"…: the kind as readers see it named."""
    found = KIND_LABELS.get(kind)
    return localise(found, code) if found is not None else kind.label


def topic_name(topic: str, code: str | None = None) -> str:
    """A topic word as the page's language says it; an unknown one as written."""
    found = TOPICS.get(topic)
    return localise(found, code) if found is not None else topic
