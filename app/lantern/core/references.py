"""Reference files as reference managers export them: CSL-YAML, CSL-JSON and BibTeX.

Each reader turns a file into CSL items (plain dictionaries with CSL's variable names) that
keep the line of each item and field, so the loader can check them all the same way and
name the line of a mistake. BibTeX is parsed by bibtexparser, and its LaTeX (accents,
dashes, `{Protected}` words, `\\emph{…}`) turned into text by pylatexenc, which bibtexparser
already uses.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lantern.core.messages import translate

if TYPE_CHECKING:  # the readers import it when they run: listing files needs no YAML
    from lantern.core.yamlfile import Located

HAND_KEPT_REFERENCES = "references.yaml"
REFERENCE_SUFFIXES = (".yaml", ".yml", ".json", ".bib")

#: Every variable CSL 1.0.2 defines, plus the few extra keys reference managers write into
#: CSL-JSON. Lantern uses some of them; the rest are accepted and kept out of the way, so
#: an export loads without a complaint for each field it happens to carry.
_CSL_NAMES = """
    id type citation-key categories language journalAbbreviation shortTitle custom
    abstract annote archive archive_collection archive_location archive-place authority
    call-number chapter-number citation-label citation-number collection-number
    collection-title container-title container-title-short dimensions division DOI edition
    event event-title event-place first-reference-note-number genre ISBN ISSN issue
    jurisdiction keyword license locator medium note number number-of-pages
    number-of-volumes original-publisher original-publisher-place original-title page
    page-first part part-title PMCID PMID printing publisher publisher-place references
    reviewed-genre reviewed-title scale section source status supplement title title-short
    URL version volume volume-title volume-title-short year-suffix
    accessed available-date event-date issued original-date submitted
    author chair collection-editor compiler composer container-author contributor curator
    director editor editorial-director executive-producer guest host illustrator
    interviewer narrator organizer original-author performer producer recipient
    reviewed-author script-writer series-creator translator
"""
CSL_VARIABLES = frozenset(_CSL_NAMES.split())


@dataclass(frozen=True)
class FileProblem:
    line: int
    message: str
    hint: str = ""


# --- CSL-YAML and CSL-JSON ------------------------------------------------------------


def read_csl_yaml(text: str, name: str = HAND_KEPT_REFERENCES
                  ) -> tuple[list[Located], list[FileProblem]]:
    """A YAML list of CSL items, or a mapping whose `references:` holds that list (as Better
    BibTeX and Pandoc write it)."""
    from lantern.core.yamlfile import YamlProblem, parse_yaml

    try:
        located = parse_yaml(text)
    except YamlProblem as exc:
        return [], [FileProblem(exc.line, exc.message,
                                translate("check", "check the indentation and the quotes"))]
    if isinstance(located.value, dict) and "references" in located.value:
        located = _under_references(text)
    if located.value is None:
        return [], []
    if not isinstance(located.value, list):
        return [], [FileProblem(located.line, translate(
            "check", "{file} must be a list of references").format(file=name), translate(
                "check", "start each entry with '- id: …', or put the list under "
                "'references:'"))]
    return [_with_key(item) for item in located.items], []


def _under_references(text: str) -> Located:
    """The value of the top-level `references:` key, with the lines of its items: that part
    of the text parsed again on its own, padded so that its lines keep their numbers."""
    import yaml

    from lantern.core.yamlfile import parse_yaml

    root = yaml.compose(text, Loader=yaml.SafeLoader)  # it has parsed once already
    assert root is not None
    node = next(v for k, v in root.value if k.value == "references")
    start, end = node.start_mark, node.end_mark
    return parse_yaml("\n" * start.line + " " * start.column + text[start.index:end.index])


def read_csl_json(text: str) -> tuple[list[Located], list[FileProblem]]:
    """A CSL-JSON array (Zotero's "CSL JSON" export), with the line each item starts on."""
    from lantern.core.yamlfile import Located

    decoder = json.JSONDecoder()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [FileProblem(exc.lineno, translate("check", "JSON error: {reason}").format(
            reason=exc.msg), translate("check", "export the file again, or check the commas "
                                       "and quotes"))]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        return [], [FileProblem(1, translate("check", "a CSL-JSON file must be a list of "
                                             "references"),
                                translate("check", "export it again as CSL JSON"))]
    items: list[Located] = []
    position = text.index("[") + 1 if text.lstrip().startswith("[") else 0
    for value in data:
        start = _next_value(text, position)
        end = start
        with contextlib.suppress(json.JSONDecodeError):  # it parsed whole just above
            _, end = decoder.raw_decode(text, start)
        line = text.count("\n", 0, start) + 1
        key_lines = {}
        if isinstance(value, dict):
            for key in value:
                found = re.compile(rf'"{re.escape(key)}"\s*:').search(text, start, end)
                key_lines[key] = text.count("\n", 0, found.start()) + 1 if found else line
        items.append(_with_key(Located(value=value, line=line, key_lines=key_lines)))
        position = end
    return items, []


def _next_value(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n,":
        position += 1
    return position


def _with_key(item: Located) -> Located:
    """An item's citation key: `citation-key` when the export has one (Zotero and Better
    BibTeX write the key there, and a Zotero item id there), else `id`."""
    from lantern.core.yamlfile import Located

    value = item.value
    if isinstance(value, dict) and isinstance(value.get("citation-key"), str):
        value = {**value, "id": value["citation-key"]}
        item = Located(value=value, line=item.line,
                       key_lines={**item.key_lines, "id": item.key_lines.get(
                           "citation-key", item.line)}, items=item.items)
    return item


# --- BibTeX ---------------------------------------------------------------------------

BIBTEX_TYPES = {
    "article": "article-journal", "book": "book", "booklet": "pamphlet", "inbook": "chapter",
    "incollection": "chapter", "inproceedings": "paper-conference",
    "conference": "paper-conference", "proceedings": "book", "manual": "book",
    "mastersthesis": "thesis", "phdthesis": "thesis", "thesis": "thesis",
    "techreport": "report", "report": "report", "unpublished": "manuscript",
    "online": "webpage", "electronic": "webpage", "www": "webpage", "misc": "document",
    "legislation": "legislation", "legal": "legal_case", "dataset": "dataset",
    "software": "software", "patent": "patent", "periodical": "periodical",
}
# BibTeX (and biblatex) field → CSL variable; fields not listed are left out.
BIBTEX_FIELDS = {
    "title": "title", "journal": "container-title", "journaltitle": "container-title",
    "booktitle": "container-title", "volume": "volume", "number": "issue", "issue": "issue",
    "pages": "page", "doi": "DOI", "url": "URL", "note": "note", "publisher": "publisher",
    "institution": "publisher", "school": "publisher", "organization": "publisher",
    "urldate": "accessed", "language": "language", "langid": "language",
    "abstract": "abstract", "isbn": "ISBN", "issn": "ISSN", "edition": "edition",
    "address": "publisher-place", "location": "publisher-place", "year": "issued",
    "date": "issued", "pmid": "PMID",
}
_LATEX_MARKUP = [
    (re.compile(r"\\(?:emph|textit|mathit)\s*\{([^{}]*)\}"), r"<i>\1</i>"),
    (re.compile(r"\\textbf\s*\{([^{}]*)\}"), r"<b>\1</b>"),
    (re.compile(r"\\textsuperscript\s*\{([^{}]*)\}"), r"<sup>\1</sup>"),
    (re.compile(r"\\textsubscript\s*\{([^{}]*)\}"), r"<sub>\1</sub>"),
]
# bibtexparser logs each block it cannot parse; the loader reports them with their lines.
logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)


def _latex_text(value: str, markup: bool = False) -> str:
    from pylatexenc.latex2text import LatexNodes2Text

    if markup:
        for pattern, replacement in _LATEX_MARKUP:
            value = pattern.sub(replacement, value)
    text: str = LatexNodes2Text().latex_to_text(value)
    return re.sub(r"\s+", " ", text).strip()


def _bibtex_names(value: str) -> list[dict[str, str]]:
    from bibtexparser.middlewares.names import (
        parse_single_name_into_parts,
        split_multiple_persons_names,
    )

    names = []
    for name in split_multiple_persons_names(value):
        parts = parse_single_name_into_parts(name, strict=False)
        if not parts.first and len(parts.last) == 1 and parts.last[0].startswith("{"):
            names.append({"literal": _latex_text(parts.last[0])})  # {World Health Organization}
            continue
        family = " ".join([*parts.von, *parts.last])
        given = " ".join(parts.first)
        name_dict = {"family": _latex_text(family), "given": _latex_text(given)}
        if parts.jr:
            name_dict["suffix"] = _latex_text(" ".join(parts.jr))
        names.append(name_dict)
    return names


def read_bibtex(text: str) -> tuple[list[Located], list[FileProblem]]:
    """BibTeX or biblatex entries (Zotero's "BibTeX" export) as CSL items."""
    import bibtexparser

    from lantern.core.yamlfile import Located

    library = bibtexparser.parse_string(text)
    problems = [
        FileProblem(block.start_line + 1,
                    translate("check", "BibTeX error: this entry could not be read"),
                    translate("check", "check its braces, and the commas between its fields"))
        for block in library.failed_blocks
    ]
    items = []
    for entry in library.entries:
        line = entry.start_line + 1
        csl: dict[str, Any] = {"id": entry.key,
                               "type": BIBTEX_TYPES.get(entry.entry_type.lower(), "document")}
        key_lines = {"id": line, "type": line}
        for field in entry.fields:
            name = field.key.lower()
            raw = field.value if isinstance(field.value, str) else str(field.value)
            if name in ("author", "editor"):
                csl[name] = _bibtex_names(raw)
            elif name in BIBTEX_FIELDS and BIBTEX_FIELDS[name] not in csl:
                variable = BIBTEX_FIELDS[name]
                if variable == "issue" and csl["type"] != "article-journal":
                    variable = "number"
                csl[variable] = raw.strip() if variable in ("DOI", "URL") else _latex_text(
                    raw, markup=variable == "title")
            else:
                continue
            key_lines[BIBTEX_FIELDS.get(name, name)] = field.start_line + 1
        items.append(Located(value=csl, line=line, key_lines=key_lines))
    return items, problems


def reference_files(root: Path) -> list[Path]:
    """A pack's reference files: references.yaml, and the exports of a reference manager
    (CSL-JSON, CSL-YAML, BibTeX) as references.json, *.bib, or any of them in references/."""
    found = [root / name for name in (HAND_KEPT_REFERENCES, "references.yml", "references.json")]
    found += sorted(root.glob("*.bib"))
    folder = root / "references"
    if folder.is_dir():
        found += sorted(p for p in folder.iterdir() if p.suffix.lower() in REFERENCE_SUFFIXES)
    return [path for path in found if path.is_file()]


def reference_warnings(item: Located, v: dict[str, Any]) -> list[tuple[int, str, str]]:
    """What a usable reference `v` lacks, as (line, message, hint): an author, a way to
    find it, a link short enough for the QR code the References panel draws."""
    from lantern.core.model import QR_MAX_BYTES

    ref_id, found = v["id"], list[tuple[int, str, str]]()
    if not v.get("author") and v.get("type") != "legislation":
        found.append((item.line, translate("check", "reference '{id}' has no author").format(
            id=ref_id), translate("check", "add author: [{family: …, given: …}] or "
                                  "[{literal: Organisation}]")))
    if not (v.get("DOI") or v.get("URL")):
        found.append((item.line, translate(
            "check", "reference '{id}' has neither DOI nor URL").format(id=ref_id),
            translate("check", "readers need a way to find the work")))
    link = f"https://doi.org/{v['DOI']}" if v.get("DOI") else v.get("URL") or ""
    if len(link.encode("utf-8")) > QR_MAX_BYTES:
        found.append((item.key_lines.get("DOI" if v.get("DOI") else "URL", item.line),
                      translate("check", "the link of reference '{id}' is too long for a QR "
                                "code ({count:,} bytes; a QR code holds {limit:,})").format(
                          id=ref_id, count=len(link.encode("utf-8")), limit=QR_MAX_BYTES),
                      translate("check", "give a shorter address; no QR code is shown")))
    return found


def read_reference_file(path: Path, text: str) -> tuple[list[Located], list[FileProblem]]:
    """The CSL items of a reference file, by its kind (`.yaml`, `.yml`, `.json`, `.bib`)."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        return read_csl_json(text)
    if suffix == ".bib":
        return read_bibtex(text)
    return read_csl_yaml(text, path.name)


# --- CSL rich text in titles ------------------------------------------------------------


def title_markup(title: str) -> tuple[str, str]:
    """A CSL title as (safe HTML with its markup, plain text without it)."""
    if "<" not in title and "&" not in title:
        return title.replace(">", "&gt;"), title  # what html.escape leaves of it
    # The HTML parser is imported here: most titles have no markup, and every start (and
    # `lantern search`) reads this module for its list of reference files.
    from lantern.core.csl_title import TitleMarkup

    parser = TitleMarkup()
    parser.feed(title)
    parser.close()
    return "".join(parser.html), "".join(parser.text)
