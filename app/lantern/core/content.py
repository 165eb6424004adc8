"""Load and validate content packs (format v1, see docs/content-format.md).

`load_library()` never raises for bad content: every mistake becomes a `Problem` naming the
file and line, and everything that is usable is loaded.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import os
import re
import stat
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from lantern.core.address import Address, Kind
from lantern.core.model import (
    QR_MAX_BYTES,
    Article,
    Author,
    Faq,
    Library,
    PackInfo,
    Page,
    Problem,
    Reference,
    Severity,
    Term,
)
from lantern.core.references import (
    CSL_VARIABLES,
    HAND_KEPT_REFERENCES,
    read_reference_file,
    reference_files,
)
from lantern.core.text import (
    INTERNAL_LINK,
    SLUG,
    citation_keys,
    fold,
    narrative_keys,
    split_sections,
)
from lantern.core.yamlfile import (
    Document,
    Located,
    YamlProblem,
    parse_yaml,
    split_front_matter,
)

#: Limits checked before the work they bound, each breach a Problem naming the limit.
MAX_FILE_BYTES = 1024 * 1024
MAX_LINE_CHARS = 20_000  # a paragraph written on one line is rarely a tenth of this
MAX_HEADINGS = 500  # per article, page or answer
MAX_ALIASES = 100  # per glossary term or article
MAX_NAME_CHARS = 200  # a glossary name or alias
MAX_NAMES = 20_000  # glossary names and aliases in all packs together
MAX_TOML_DEPTH = 20
_HEADING = re.compile(r"^#{1,6}(?:[ \t]|$)")
REQUIRED_PAGES = ("home", "help-now")
KNOWN_PAGES = ("home", "about", "disclaimer", "help-now")


# --- field specifications -------------------------------------------------------------


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


TEXT = "text"
TEXT_LIST = "a list of text, like [a, b]"
DATE = "a date written YYYY-MM-DD"
WEB = "a web address starting with https://"
_HINTS = {
    TEXT: "put the text after the colon, in quotes if it contains a colon",
    WEB: "only http and https links are shown; give a DOI instead if there is one",
    TEXT_LIST: "write a list like [first, second]",
    DATE: "for example 2026-11-22",
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
}
FAQ_FIELDS = {
    "question": FieldSpec(_text, True, TEXT),
    "topics": FieldSpec(_text_list, True, TEXT_LIST),
    "aliases": FieldSpec(_text_list, False, TEXT_LIST),
    "related": FieldSpec(_text_list, False, TEXT_LIST),
}
PAGE_FIELDS = {"title": FieldSpec(_text, True, TEXT)}
TERM_FIELDS = {
    "id": FieldSpec(_text, True, TEXT),
    "term": FieldSpec(_text, True, TEXT),
    "definition": FieldSpec(_text, True, TEXT),
    "aliases": FieldSpec(_text_list, False, TEXT_LIST),
    "see_also": FieldSpec(_text_list, False, TEXT_LIST),
    "not": FieldSpec(_text_list, False, TEXT_LIST),
}
SHOWN_REFERENCE_FIELDS = {
    "id": FieldSpec(_text, True, TEXT),
    "type": FieldSpec(_text, True, TEXT),
    "title": FieldSpec(_text, True, TEXT),
    "issued": FieldSpec(lambda v: _year(v), True, "a year, like 2021"),
    "author": FieldSpec(lambda v: _authors(v), False, "a list of {family, given} or {literal}"),
    "container-title": FieldSpec(_text, False, TEXT),
    "volume": FieldSpec(_text, False, TEXT),
    "issue": FieldSpec(_text, False, TEXT),
    "page": FieldSpec(_text, False, TEXT),
    "DOI": FieldSpec(_text, False, TEXT),
    "URL": FieldSpec(_web_address, False, WEB),
    "note": FieldSpec(_text, False, TEXT),
    "publisher": FieldSpec(_text, False, TEXT),
    "accessed": FieldSpec(lambda v: _csl_date(v), False, "a date, like 2026-11-22"),
}
# CSL's other variables (abstract, language, source, ISSN, editor …) are accepted as they
# are: reference managers export them, and Lantern does not show them.
REFERENCE_FIELDS = {**{name: FieldSpec(lambda v: v, False, TEXT) for name in CSL_VARIABLES},
                    **SHOWN_REFERENCE_FIELDS}
# Front-matter keys from other site generators, and what Lantern calls them.
FRONT_MATTER_HINTS = {
    "date": "did you mean 'reviewed' (the day the facts were last checked)?",
    "lastmod": "did you mean 'reviewed' (the day the facts were last checked)?",
    "tags": "did you mean 'topics'?",
    "categories": "did you mean 'topics'?",
    "keywords": "did you mean 'aliases' (other names a reader may search for)?",
    "description": "did you mean 'summary'?",
    "excerpt": "did you mean 'summary'?",
    "draft": "Lantern has no drafts: keep the file out of the pack until it is ready",
    "slug": "the file name is the slug: rename the file instead",
    "author": "articles name no author; cite the sources with [@key] instead",
}
PACK_FIELDS = {
    "name": FieldSpec(_text, True, TEXT),
    "language": FieldSpec(_text, False, TEXT),
    "version": FieldSpec(_text, False, TEXT),
    "license": FieldSpec(_text, False, TEXT),
    "description": FieldSpec(_text, False, TEXT),
    "facts_checked": FieldSpec(_date, False, DATE),
    "addon": FieldSpec(lambda v: v if isinstance(v, bool) else None, False, "true or false"),
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


# --- the loader ------------------------------------------------------------------------


@dataclass
class _Loader:
    roots: Sequence[Path]
    problems: list[Problem] = field(default_factory=list)
    packs: list[PackInfo] = field(default_factory=list)
    articles: dict[str, Article] = field(default_factory=dict)
    faqs: dict[str, Faq] = field(default_factory=dict)
    terms: dict[str, Term] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)
    skipped_bodies: list[tuple[Path, int, str]] = field(default_factory=list)
    names_seen: int = 0
    digest: Any = field(default_factory=hashlib.sha256)

    def problem(
        self, severity: Severity, path: Path, line: int, message: str, hint: str = ""
    ) -> None:
        self.problems.append(Problem(severity, path, max(1, line), message, hint))

    def error(self, path: Path, line: int, message: str, hint: str = "") -> None:
        self.problem(Severity.ERROR, path, line, message, hint)

    def warn(self, path: Path, line: int, message: str, hint: str = "") -> None:
        self.problem(Severity.WARNING, path, line, message, hint)

    # reading ---------------------------------------------------------------------------

    def read(self, path: Path, root: Path) -> str | None:
        """The text of a file, or None after reporting why it cannot be used.

        Only a regular file is read, and at most MAX_FILE_BYTES of it: a pipe, a device or
        a link to one is refused before anything is read, so nothing can block or fill
        memory."""
        data = self._read_bytes(path, root)
        if data is None:
            return None
        self.digest.update(os.fsencode(path.relative_to(root)) + b"\0" + data + b"\0")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            self.error(
                path, line, f"not UTF-8 text (byte 0x{data[exc.start]:02x})",
                "save the file with UTF-8 encoding",
            )
            return None
        if "\0" in text:
            self.error(path, text.count("\n", 0, text.index("\0")) + 1, "file contains NUL bytes",
                       "is this a binary file? content files are plain text")
            return None
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def _read_bytes(self, path: Path, root: Path) -> bytes | None:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
            | getattr(os, "O_BINARY", 0)
        too_large = f"split it; the limit is {MAX_FILE_BYTES:,} bytes"
        try:
            fd = os.open(path, flags)
        except OSError as exc:
            self.error(path, 1, f"cannot read file: {exc.strerror or exc}", "check its permissions")
            return None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                self.error(path, 1, "not a regular file (a folder, pipe, device or socket)",
                           "content files are plain text files")
                return None
            if info.st_size > MAX_FILE_BYTES:
                self.error(path, 1, f"file is too large ({info.st_size:,} bytes)", too_large)
                return None
            chunks: list[bytes] = []
            size = 0
            while size <= MAX_FILE_BYTES:  # the file may grow while it is read
                chunk = os.read(fd, MAX_FILE_BYTES + 1 - size)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        except OSError as exc:
            self.error(path, 1, f"cannot read file: {exc.strerror or exc}", "check its permissions")
            return None
        finally:
            os.close(fd)
        if size > MAX_FILE_BYTES:
            self.error(path, 1, f"file is too large (more than {MAX_FILE_BYTES:,} bytes)",
                       too_large)
            return None
        self._outside(path, root)
        return b"".join(chunks)

    def _outside(self, path: Path, root: Path) -> None:
        """Warn about a file that is a link to one outside its pack (it is still read)."""
        try:
            real, home = path.resolve(), root.resolve()
        except (OSError, RuntimeError):
            return
        if not real.is_relative_to(home):
            self.warn(path, 1, "this file is a link to a file outside the pack",
                      "copy the file into the pack, so the pack shows what it holds")

    def text_limits(self, path: Path, first_line: int, body: str) -> bool:
        """False, after saying so, when a body has lines or headings past the limits."""
        if len(body) > MAX_LINE_CHARS:
            for number, line in enumerate(body.split("\n")):
                if len(line) > MAX_LINE_CHARS:
                    self.error(path, first_line + number,
                               f"line of {len(line):,} characters; the limit is "
                               f"{MAX_LINE_CHARS:,} characters", "break it into paragraphs")
                    return False
        headings = body.count("\n#") + body.startswith("#")
        if headings > MAX_HEADINGS:
            counted = sum(1 for line in body.split("\n") if _HEADING.match(line))
            if counted > MAX_HEADINGS:
                self.error(path, first_line, f"{counted:,} headings; the limit is "
                           f"{MAX_HEADINGS:,} headings per page", "split it into several pages")
                return False
        return True

    def within_limits(
        self, path: Path, line: int, names: Sequence[str], owner: str
    ) -> tuple[str, ...]:
        """Aliases past MAX_ALIASES, or longer than MAX_NAME_CHARS, reported and dropped."""
        if len(names) > MAX_ALIASES:
            self.error(path, line, f"{owner} has {len(names):,} aliases; the limit is "
                       f"{MAX_ALIASES} aliases (the first {MAX_ALIASES} are used)",
                       "keep the names readers really use")
            names = names[:MAX_ALIASES]
        kept = []
        for name in names:
            if len(name) > MAX_NAME_CHARS:
                self.error(path, line, f"an alias of {owner} has {len(name):,} characters; the "
                           f"limit is {MAX_NAME_CHARS} characters (not used)")
            else:
                kept.append(name)
        return tuple(kept)

    def fields(
        self, path: Path, located: Located, spec: dict[str, FieldSpec], what: str
    ) -> dict[str, Any] | None:
        """Check a mapping against a spec; return converted values, or None if unusable."""
        data = located.value
        if not isinstance(data, dict):
            self.error(path, located.line, f"{what} must be a set of 'field: value' lines")
            return None
        values: dict[str, Any] = {}
        usable = True
        for key, raw in data.items():
            line = located.key_lines.get(str(key), located.line)
            known = spec.get(str(key))
            if known is None:
                hint = FRONT_MATTER_HINTS.get(str(key).casefold()) if "front matter" in what \
                    else None
                close = difflib.get_close_matches(str(key), list(spec), n=1, cutoff=0.75)
                if hint is None and close:
                    hint = f"did you mean '{close[0]}'?"
                shown = SHOWN_REFERENCE_FIELDS if spec is REFERENCE_FIELDS else spec
                self.error(path, line, f"unknown field '{key}' in {what}",
                           hint or f"known fields: {', '.join(sorted(shown))}")
                continue
            value = known.convert(raw)
            if value is None and raw is not None:
                self.error(path, line, f"field '{key}' must be {known.expects}",
                           _HINTS.get(known.expects, "see docs/content-format.md"))
                usable = usable and not known.required
                continue
            values[str(key)] = value
        for key, known in spec.items():
            if known.required and values.get(key) is None and key in data and data[key] is None:
                line = located.key_lines.get(key, located.line)
                self.error(path, line, f"field '{key}' is empty",
                           "give it a value or remove the line")
                usable = False
            elif known.required and key not in data:
                self.error(path, located.line, f"missing required field '{key}' in {what}",
                           f"add a line '{key}: …'")
                usable = False
        return values if usable else None

    # packs -----------------------------------------------------------------------------

    def load(self) -> Library:
        for root in self.roots:
            self.load_pack(root)
        self.cross_check()
        doc_hashes = MappingProxyType(dict(self.hashes))
        return Library(
            packs=tuple(self.packs),
            roots=tuple(self.roots),
            articles=tuple(sorted(self.articles.values(), key=lambda a: a.title.casefold())),
            faqs=tuple(self.faqs.values()),
            terms=tuple(sorted(self.terms.values(), key=lambda t: t.term.casefold())),
            references=tuple(self.references.values()),
            pages=tuple(self.pages.values()),
            problems=tuple(sorted(self.problems, key=lambda p: (str(p.file), p.line))),
            fingerprint=self.digest.hexdigest(),
            doc_hashes=doc_hashes,
        )

    def load_pack(self, root: Path) -> None:
        if not root.is_dir():
            self.error(root, 1, "content folder not found", "check the path given with --content")
            return
        self.load_pack_info(root)
        for path in sorted((root / "articles").glob("*.md")):
            self.load_article(path, root)
        for path in sorted((root / "faq").glob("*.md")):
            self.load_faq(path, root)
        self.load_glossary(root / "glossary.yaml", root)
        for path in reference_files(root):
            self.load_references(path, root)
        for path in sorted((root / "pages").glob("*.md")):
            self.load_page(path, root)

    def load_pack_info(self, root: Path) -> None:
        path = root / "pack.toml"
        text = self.read(path, root) if path.exists() else None
        info = PackInfo(name=root.name)
        if text is not None:
            try:
                data = _toml(text)
            except tomllib.TOMLDecodeError as exc:
                found = re.search(r"line (\d+)", str(exc))
                line = int(found.group(1)) if found else 1
                self.error(path, line, f"TOML error: {exc}")
                data = {}
            except _TooDeep as exc:
                self.error(path, exc.line, f"lists or tables nested more than {MAX_TOML_DEPTH} "
                           "levels deep", "pack.toml needs only 'key = value' lines")
                data = {}
            values = self.fields(path, Located(value=data), PACK_FIELDS, "pack.toml") or {}
            info = PackInfo(**{k: v for k, v in values.items() if v is not None}) \
                if values.get("name") else info
        elif not path.exists():
            self.warn(path, 1, "pack.toml is missing", "add one with name, language and version")
        self.packs.append(info)

    def slug_ok(self, path: Path, kind: str) -> bool:
        if SLUG.match(path.stem):
            return True
        self.error(path, 1, f"file name '{path.name}' is not a valid {kind} slug",
                   "use lowercase letters, digits and hyphens, e.g. my-article.md")
        return False

    def markdown_file(
        self, path: Path, root: Path, spec: dict[str, FieldSpec], what: str
    ) -> tuple[Document, dict[str, Any]] | None:
        text = self.read(path, root)
        if text is None or not self.text_limits(path, 1, text):
            return None
        try:
            doc = split_front_matter(text)
        except YamlProblem as exc:
            self.error(path, exc.line, str(exc), "front matter sits between two '---' lines")
            return None
        values = self.fields(path, doc.meta, spec, f"{what} front matter")
        if values is None:
            # Still check its citations and links, so one pass shows every mistake.
            self.skipped_bodies.append((path, doc.body_line, doc.body))
            return None
        return doc, values

    def slugged_file(
        self, path: Path, root: Path, spec: dict[str, FieldSpec], what: str,
        taken: dict[str, Any],
    ) -> tuple[Document, dict[str, Any]] | None:
        """An article or FAQ file: a valid slug, usable front matter, not a duplicate."""
        if not self.slug_ok(path, what):
            return None
        loaded = self.markdown_file(path, root, spec, what)
        if loaded is not None and path.stem in taken:
            self.error(path, 1, f"duplicate {what} slug '{path.stem}'",
                       f"already defined in {taken[path.stem].path}")
            return None
        return loaded

    def load_article(self, path: Path, root: Path) -> None:
        loaded = self.slugged_file(path, root, ARTICLE_FIELDS, "article", self.articles)
        if loaded is None:
            return
        doc, v = loaded
        self.articles[path.stem] = Article(
            slug=path.stem, title=v["title"], summary=v["summary"], topics=v["topics"],
            reviewed=v["reviewed"], evidence=v["evidence"], body=doc.body, path=path,
            body_line=doc.body_line,
            aliases=self.within_limits(path, doc.meta.key_lines.get("aliases", 2),
                                       v.get("aliases") or (), f"article '{path.stem}'"),
            content_note=v.get("content_note") or "", related=v.get("related") or (),
            sections=split_sections(v["title"], doc.body),
        )
        self.hashes[Address(Kind.ARTICLE, path.stem).group] = _hash(v, doc.body)

    def load_faq(self, path: Path, root: Path) -> None:
        loaded = self.slugged_file(path, root, FAQ_FIELDS, "FAQ", self.faqs)
        if loaded is None:
            return
        doc, v = loaded
        if not doc.body.strip():
            self.warn(path, doc.body_line, "the FAQ has no answer",
                      "write the answer below the '---'")
        self.faqs[path.stem] = Faq(
            slug=path.stem, question=v["question"], topics=v["topics"], body=doc.body, path=path,
            body_line=doc.body_line,
            aliases=self.within_limits(path, doc.meta.key_lines.get("aliases", 2),
                                       v.get("aliases") or (), f"FAQ '{path.stem}'"),
            related=v.get("related") or (),
        )
        self.hashes[Address(Kind.FAQ, path.stem).group] = _hash(v, doc.body)

    def load_page(self, path: Path, root: Path) -> None:
        if not self.slug_ok(path, "page"):
            return
        loaded = self.markdown_file(path, root, PAGE_FIELDS, "page")
        if loaded is None:
            return
        doc, v = loaded
        if path.stem in self.pages:
            earlier = self.pages[path.stem].path
            self.warn(path, 1, f"page '{path.stem}' replaces the one in {earlier}")
        self.pages[path.stem] = Page(name=path.stem, title=v["title"], body=doc.body, path=path,
                                     body_line=doc.body_line)
        self.hashes[Address(Kind.PAGE, path.stem).group] = _hash(v, doc.body)

    def yaml_list(self, path: Path, root: Path, what: str) -> list[Located]:
        if not path.exists():
            return []
        text = self.read(path, root)
        if text is None:
            return []
        try:
            located = parse_yaml(text)
        except YamlProblem as exc:
            self.error(path, exc.line, str(exc), "check the indentation and the quotes")
            return []
        for dropped in located.dropped:
            self.error(path, dropped.line, f"{dropped} (entry not loaded)",
                       "an entry needs a few levels at most, and no alias repeated at length")
        if located.value is None:
            return []
        if not isinstance(located.value, list):
            self.error(path, located.line, f"{path.name} must be a list of {what}",
                       "start each entry with '- id: …'")
            return []
        return located.items

    def load_glossary(self, path: Path, root: Path) -> None:
        names: dict[str, str] = {fold(n): t.id for t in self.terms.values() for n in t.names}
        for item in self.yaml_list(path, root, "terms"):
            v = self.fields(path, item, TERM_FIELDS, "glossary entry")
            if v is None:
                continue
            term_id = v["id"]
            if not SLUG.match(term_id):
                self.error(path, item.key_lines.get("id", item.line),
                           f"glossary id '{term_id}' is not valid",
                           "use lowercase letters, digits and hyphens")
                continue
            if term_id in self.terms:
                self.error(path, item.line, f"duplicate glossary id '{term_id}'",
                           f"first defined on line {self.terms[term_id].line}")
                continue
            line = item.key_lines.get("aliases", item.line)
            given = self.within_limits(path, line, v.get("aliases") or (), f"'{term_id}'")
            if len(v["term"]) > MAX_NAME_CHARS or self.names_seen + len(given) >= MAX_NAMES:
                self.error(path, item.key_lines.get("term", item.line),
                           f"glossary term '{term_id}' not loaded: its name has "
                           f"{len(v['term']):,} characters (the limit is {MAX_NAME_CHARS})"
                           if len(v["term"]) > MAX_NAME_CHARS else
                           f"glossary term '{term_id}' not loaded: the glossary has more than "
                           f"{MAX_NAMES:,} names and aliases", "shorten the glossary")
                continue
            self.names_seen += 1 + len(given)
            aliases: list[str] = []
            for name in (v["term"], *given):
                key = fold(name)
                owner = names.get(key)
                if not key:
                    continue
                if owner and owner != term_id:
                    self.error(path, item.key_lines.get("aliases", item.line),
                               f"'{name}' in '{term_id}' is already a name of '{owner}'",
                               "each name or alias may belong to one term only")
                    continue
                if name != v["term"] and name not in aliases:
                    aliases.append(name)
                names[key] = term_id
            self.terms[term_id] = Term(
                id=term_id, term=v["term"], definition=v["definition"], aliases=tuple(aliases),
                see_also=v.get("see_also") or (), not_=v.get("not") or (), path=path,
                line=item.line,
            )
            self.hashes[Address(Kind.TERM, term_id).group] = _hash(v, "")

    def load_references(self, path: Path, root: Path) -> None:
        text = self.read(path, root)
        if text is None:
            return
        items, problems = read_reference_file(path, text)
        for problem in problems:
            self.error(path, problem.line, problem.message, problem.hint)
        for item in items:
            v = self.fields(path, item, REFERENCE_FIELDS, "reference")
            if v is None:
                continue
            ref_id = v["id"]
            if ref_id in self.references:
                self.error(path, item.line, f"duplicate reference id '{ref_id}'",
                           f"first defined on line {self.references[ref_id].line}")
                continue
            if not v.get("author") and v.get("type") != "legislation":
                self.warn(path, item.line, f"reference '{ref_id}' has no author",
                          "add author: [{family: …, given: …}] or [{literal: Organisation}]")
            if not (v.get("DOI") or v.get("URL")):
                self.warn(path, item.line, f"reference '{ref_id}' has neither DOI nor URL",
                          "readers need a way to find the work")
            link = f"https://doi.org/{v['DOI']}" if v.get("DOI") else v.get("URL") or ""
            if len(link.encode("utf-8")) > QR_MAX_BYTES:
                self.warn(path, item.key_lines.get("DOI" if v.get("DOI") else "URL", item.line),
                          f"the link of reference '{ref_id}' is too long for a QR code "
                          f"({len(link.encode('utf-8')):,} bytes; a QR code holds "
                          f"{QR_MAX_BYTES:,})", "give a shorter address; no QR code is shown")
            self.references[ref_id] = Reference(
                id=ref_id, type=v["type"], title=v["title"], issued=v["issued"],
                authors=v.get("author") or (), container_title=v.get("container-title") or "",
                volume=v.get("volume") or "", issue=v.get("issue") or "",
                page=v.get("page") or "", doi=v.get("DOI") or "", url=v.get("URL") or "",
                note=v.get("note") or "", path=path, line=item.line,
            )

    # checks across files ---------------------------------------------------------------

    def cross_check(self) -> None:
        cited: set[str] = set()
        bodies: list[tuple[Path, int, str]] = [
            *((a.path, a.body_line, a.body) for a in self.articles.values()),
            *((f.path, f.body_line, f.body) for f in self.faqs.values()),
            *((p.path, p.body_line, p.body) for p in self.pages.values()),
            *((t.path, t.line, t.definition) for t in self.terms.values()),
            *self.skipped_bodies,
        ]
        targets: dict[str, dict[str, Any]] = {
            Kind.ARTICLE: self.articles, Kind.FAQ: self.faqs, Kind.TERM: self.terms,
            Kind.PAGE: self.pages, Kind.REF: self.references,
        }
        for path, first_line, body in bodies:
            cited.update(key for key, _ in narrative_keys(body) if key in self.references)
            for key, line in citation_keys(body):
                cited.add(key)
                if key not in self.references:
                    self.error(path, first_line + line, f"unknown citation key '@{key}'",
                               "add it to references.yaml or correct the key")
            for match in INTERNAL_LINK.finditer(body):
                kind, target = match.group(2), match.group(3)
                if target not in targets[kind]:
                    line = first_line + body.count("\n", 0, match.start())
                    self.error(path, line, f"link to unknown {kind} '{target}'",
                               f"no {kind} has that slug or id")
        items: list[Article | Faq] = [*self.articles.values(), *self.faqs.values()]
        for item in items:
            for slug in item.related:
                if slug not in self.articles and slug not in self.faqs:
                    self.warn(item.path, 2, f"related '{slug}' is not an article or FAQ slug")
        for term in self.terms.values():
            for other in term.see_also:
                if other not in self.terms:
                    self.warn(term.path, term.line, f"see_also '{other}' of '{term.id}' is not a "
                              "glossary id")
        for ref in self.references.values():
            # An export from a reference manager holds a whole collection; only the
            # hand-kept references.yaml is expected to be cited in full.
            if ref.id not in cited and ref.path.name == HAND_KEPT_REFERENCES:
                self.warn(ref.path, ref.line, f"reference '{ref.id}' is never cited",
                          "cite it with [@" + ref.id + "] or remove it")
        for root, pack in zip(self.roots[:1], self.packs[:1], strict=False):
            for name in REQUIRED_PAGES:
                if root.is_dir() and name not in self.pages and not pack.addon:
                    self.warn(root / "pages" / f"{name}.md", 1, f"the {name} page is missing")


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _toml(text: str) -> dict[str, Any]:
    """tomllib.loads, refusing nesting past MAX_TOML_DEPTH before it is parsed (the parser
    recurses once per level). Brackets in strings and comments count too: a pack.toml
    never needs that many."""
    depth = 0
    line = 1
    for char in re.finditer(r"[\[\]{}\n]", text):
        bracket = char.group(0)
        if bracket == "\n":
            line += 1
        elif bracket in "[{":
            depth += 1
            if depth > MAX_TOML_DEPTH + 2:  # [[array.of.tables]] opens two
                raise _TooDeep(line)
        else:
            depth = max(0, depth - 1)
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise _TooDeep(1) from None


def _hash(values: dict[str, Any], body: str) -> str:
    blob = json.dumps(values, sort_keys=True, default=str) + "\0" + body
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def load_library(roots: Path | Sequence[Path]) -> Library:
    """Load one pack or several (later packs add to earlier ones); never raises for content."""
    if isinstance(roots, Path):
        roots = [roots]
    return _Loader(roots=[Path(r) for r in roots]).load()
