"""The loaded library kept in the cache folder, so an unchanged pack opens without parsing.

The cache is one file of JSON lines of plain data (strings, numbers, lists), in the
user's own cache folder next to the search index. JSON cannot carry code, so a planted or damaged
file can at worst fail to read, and then the pack is read from its files.

Whether the cache still holds the pack is told in two steps:

* **Stamps**, one per folder: the modification time of each content folder (it changes
  when a file in it is added, removed or renamed, as most editors do on saving), and the
  size and time of the three top-level files. Checking them costs the same for ten files
  or 16 000, so the window opens on them.
* **The manifest**: every file's size and modification time, as when the cache was
  written. It catches an edit written in place (which leaves the folder's time alone).
  `load_library_cached` checks it before answering (the command line); the window checks
  it in the background once search is usable, and reads the pack again if it differs.

Any difference, another Lantern version, or anything wrong with the file means loading
the pack from its files (problems included, so `lantern check` and the window agree).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from lantern.core import collector
from lantern.core.atomic import write_bytes_atomic
from lantern.core.messages import from_data, to_data
from lantern.core.model import (
    Article,
    Author,
    Faq,
    Library,
    PackInfo,
    Page,
    Problem,
    Reference,
    Section,
    Severity,
    Term,
)
from lantern.core.references import reference_files

from lantern import __version__

log = logging.getLogger(__name__)

FORMAT = 7  # 7: the head first; 6: names in reading order, accents folded (5: problems
#              keep their message keys; 4: items carry their language; 3: JSON lines; 2:
#              facts checked dates)
FILE_NAME = "library.json"
OLD_FILE_NAME = "library.pickle"  # what earlier versions wrote; removed on writing

#: What the loader reads in a content folder (lantern.core.content; a test keeps them equal).
PACK_FILES = ("pack.toml", "glossary.yaml")  # and the reference files
PACK_FOLDERS = ("articles", "faq", "pages")  # their *.md files

#: What a search needs no part of: the text of articles and questions (the index holds what
#: results show), references, problems, and the per-document hashes (for an update only).
#: They come last in the file, after the head (`read_head`).
NOT_IN_HEAD = ("articles", "faqs", "references", "problems", "doc_hashes")

Stamps = list[Any]
Manifest = dict[str, list[int]]


def pack_files(root: Path) -> list[Path]:
    files = [root / name for name in PACK_FILES] + reference_files(root)
    for folder in PACK_FOLDERS:
        files += sorted((root / folder).glob("*.md"))
    return files


def _stat(path: Path | str) -> list[int] | None:
    try:
        stat = os.stat(path)  # follows links: the file the loader reads
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def folder_stamps(roots: Sequence[Path]) -> Stamps:
    """One stamp per folder and top-level file: what cheaply tells that files were added,
    removed or renamed (`roots` resolved, so a moved pack is another pack)."""
    stamps: Stamps = [FORMAT, __version__]
    for root in roots:
        stamps.append(str(Path(root).resolve()))
        for folder in ("", *PACK_FOLDERS, "references"):
            try:
                stat = os.stat(Path(root) / folder)
                stamps.append([stat.st_mtime_ns, stat.st_ino])
            except OSError:
                stamps.append(None)
        stamps += [_stat(Path(root) / name) for name in PACK_FILES]
        # The reference files are few (a .yaml, an export or two): each is stamped itself.
        stamps += [[path.name, _stat(path)] for path in reference_files(Path(root))]
    return stamps


def manifest(roots: Sequence[Path]) -> Manifest:
    """Size and modification time of every Markdown file the loader reads under `roots`."""
    files: Manifest = {}
    for n, root in enumerate(roots):
        for folder in PACK_FOLDERS:
            try:
                entries = os.scandir(Path(root) / folder)
            except OSError:
                continue
            with entries:
                for entry in entries:
                    if entry.name.endswith(".md"):
                        try:
                            stat = entry.stat()
                        except OSError:
                            continue
                        files[f"{n}/{folder}/{entry.name}"] = [stat.st_size, stat.st_mtime_ns]
    return files


# --- plain data ------------------------------------------------------------------------


def _tuple(items: Any) -> tuple[str, ...]:
    if type(items) is not list:
        raise ValueError("not a list of strings")
    if not items:
        return ()  # most aliases and related lists: nothing to check
    if not set(map(type, items)) <= _STR:
        raise ValueError("not a list of strings")
    return tuple(items)


_STR = {str}


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("not a string")
    return value


def _int(value: Any) -> int:
    if type(value) is not int:
        raise ValueError("not a number")
    return value


def _encode(library: Library) -> dict[str, Any]:
    return {
        "packs": [[p.name, p.language, p.version, p.license, p.description,
                   p.facts_checked.isoformat() if p.facts_checked else None, p.addon,
                   p.translation_of]
                  for p in library.packs],
        "roots": [str(r) for r in library.roots],
        "articles": [[a.slug, a.title, a.summary, list(a.topics), a.reviewed.isoformat(),
                      a.evidence, a.body, str(a.path), a.body_line, list(a.aliases),
                      a.content_note, list(a.related),
                      [[s.anchor, s.heading, s.markdown] for s in a.sections],
                      a.language, a.translates]
                     for a in library.articles],
        "faqs": [[f.slug, f.question, list(f.topics), f.body, str(f.path), f.body_line,
                  list(f.aliases), list(f.related), f.language, f.translates]
                 for f in library.faqs],
        "terms": [[t.id, t.term, t.definition, list(t.aliases), list(t.see_also),
                   list(t.not_), str(t.path), t.line, t.language, t.translates]
                  for t in library.terms],
        "references": [[r.id, r.type, r.title, r.issued,
                        [[a.family, a.given, a.literal] for a in r.authors],
                        r.container_title, r.volume, r.issue, r.page, r.doi, r.url, r.note,
                        str(r.path), r.line] for r in library.references],
        "pages": [[p.name, p.title, p.body, str(p.path), p.body_line, p.language]
                  for p in library.pages],
        # Each message with its catalogue key and values, to be shown in any language.
        "problems": [[str(p.severity), str(p.file), p.line, to_data(p.message),
                      to_data(p.hint)] for p in library.problems],
        "fingerprint": library.fingerprint,
        "doc_hashes": dict(library.doc_hashes),
    }


def _pack(row: list[Any]) -> PackInfo:
    name, language, version, licence, description, checked, addon, translation_of = row
    if type(addon) is not bool:
        raise ValueError("not true or false")
    return PackInfo(_str(name), _str(language), _str(version), _str(licence),
                    _str(description),
                    dt.date.fromisoformat(_str(checked)) if checked is not None else None,
                    addon, _str(translation_of))


def _article(row: list[Any]) -> Article:
    (slug, title, summary, topics, reviewed, evidence, body, path, line, aliases, note,
     related, sections, language, translates) = row
    return Article(
        _str(slug), _str(title), _str(summary), _tuple(topics),
        dt.date.fromisoformat(_str(reviewed)), _str(evidence), _str(body), Path(_str(path)),
        _int(line), _tuple(aliases), _str(note), _tuple(related),
        tuple(Section(_str(a), _str(h), _str(m)) for a, h, m in sections),
        _str(language), _str(translates))


def _faq_maker() -> Callable[[list[Any]], Faq]:
    folders: dict[str, Path] = {}  # a pack's questions share one folder: parsed once

    def faq(row: list[Any]) -> Faq:
        slug, question, topics, body, path, line, aliases, related, language, translates = row
        if not (type(slug) is type(question) is type(body) is type(path) is type(language)
                is type(translates) is str and type(line) is int):
            raise ValueError("a question of the wrong shape")
        folder, name = os.path.split(path)
        parent = folders.get(folder)
        if parent is None:
            parent = folders[folder] = Path(folder)
        return Faq(slug, question, _tuple(topics), body, parent / name, line,
                   _tuple(aliases), _tuple(related), language, translates)

    return faq


def _term(row: list[Any]) -> Term:
    term_id, term, definition, aliases, see_also, not_, path, line, language, translates = row
    return Term(_str(term_id), _str(term), _str(definition), _tuple(aliases),
                _tuple(see_also), _tuple(not_), Path(_str(path)), _int(line),
                _str(language), _str(translates))


def _reference(row: list[Any]) -> Reference:
    (ref_id, kind, title, issued, authors, container, volume, issue, page, doi, url, note,
     path, line) = row
    return Reference(
        _str(ref_id), _str(kind), _str(title), _int(issued),
        tuple(Author(_str(f), _str(g), _str(lit)) for f, g, lit in authors),
        _str(container), _str(volume), _str(issue), _str(page), _str(doi), _str(url),
        _str(note), Path(_str(path)), _int(line))


def _page(row: list[Any]) -> Page:
    name, title, body, path, line, language = row
    return Page(_str(name), _str(title), _str(body), Path(_str(path)), _int(line),
                _str(language))


def _problem(row: list[Any]) -> Problem:
    severity, file, line, message, hint = row
    return Problem(Severity(severity), Path(_str(file)), _int(line), from_data(message),
                   from_data(hint))


def _decode(data: dict[str, Any]) -> Library:
    def rows(name: str, make: Callable[[list[Any]], Any]) -> tuple[Any, ...]:
        return tuple(make(row) for row in data[name])

    hashes = data["doc_hashes"]
    if not isinstance(hashes, dict) or not all(isinstance(v, str) for v in hashes.values()):
        raise ValueError("document hashes of the wrong shape")
    return Library(
        packs=tuple(_pack(row) for row in data["packs"]),
        roots=tuple(Path(_str(r)) for r in data["roots"]),
        articles=rows("articles", _article), faqs=rows("faqs", _faq_maker()),
        terms=rows("terms", _term), references=rows("references", _reference),
        pages=rows("pages", _page), problems=rows("problems", _problem),
        fingerprint=_str(data["fingerprint"]), doc_hashes=MappingProxyType(hashes),
    )


# --- reading and writing ---------------------------------------------------------------


#: Rows per line of the cache file. Parsing one line holds the interpreter lock (and so
#: the window, when a worker thread reads the cache) for a few milliseconds, not for the
#: whole file at once.
ROWS_PER_LINE = 500
#: Written as chunks of [key, value] pairs and read back as dicts.
DICTS = ("manifest", "doc_hashes")


def _file_lines(stamps: Stamps, files: Manifest, library: Library) -> bytes:
    """The cache file: JSON lines of [name, value]; the stamps first, lists and dicts in
    chunks of ROWS_PER_LINE under the same name. ASCII, so that a file name that is not
    UTF-8 (kept by Python as escapes) is written and read back as it was."""
    encoded = _encode(library)
    head = [name for name in encoded if name not in NOT_IN_HEAD]
    parts: dict[str, Any] = {"stamps": stamps, "manifest": files,
                             **{name: encoded[name] for name in (*head, *NOT_IN_HEAD)}}
    lines = []
    for name, value in parts.items():
        if name in DICTS:
            value = [list(item) for item in value.items()]
        if name != "stamps" and isinstance(value, list):
            for start in range(0, len(value), ROWS_PER_LINE):
                lines.append(json.dumps([name, value[start : start + ROWS_PER_LINE]]))
            if not value:
                lines.append(json.dumps([name, []]))
        else:
            lines.append(json.dumps([name, value]))
    return ("\n".join(lines) + "\n").encode("utf-8")


def read_quick(roots: Sequence[Path], cache: Path) -> tuple[Library, Manifest] | None:
    """The library of `roots` from the cache if no folder stamp changed, with the manifest
    it was written with (for `matches`); None if the cache cannot serve. Parses nothing."""
    return _read(roots, cache, ())


def read_head(roots: Sequence[Path], cache: Path) -> tuple[Library, Manifest] | None:
    """As `read_quick`, but the library's head only: its packs, glossary, pages and
    fingerprint, without the items of NOT_IN_HEAD (empty there). Enough to search an index
    that is current (`lantern search`), and a fraction of the reading: the file holds the
    head first, and the rest is not read at all."""
    return _read(roots, cache, NOT_IN_HEAD)


def _read(roots: Sequence[Path], cache: Path, skipped: Sequence[str]
          ) -> tuple[Library, Manifest] | None:
    # The 16 000 questions of a large pack are some 200 000 new objects: with the collector
    # walking them as they were made, half of reading the cache (500 ms against 250).
    with collector.paused():
        return _read_lines(roots, cache, skipped)


def _read_lines(roots: Sequence[Path], cache: Path, skipped: Sequence[str]
                ) -> tuple[Library, Manifest] | None:
    path = cache / FILE_NAME
    roots = [Path(r) for r in roots]
    # Each line starts with its name as json.dumps writes it: `["faqs", ...`.
    skip = tuple(json.dumps([name])[:-1].encode("ascii") for name in skipped)
    try:
        with open(path, "rb") as lines:
            name, stamps = json.loads(lines.readline())
            if name != "stamps" or stamps != folder_stamps(roots):
                return None  # read no further: the pack is parsed again
            data: dict[str, Any] = {name: [] for name in skipped}
            for line in lines:
                if skip and line.startswith(skip):
                    break  # the rest is not in the head (see _file_lines)
                name, value = json.loads(line)
                if not isinstance(name, str):
                    raise ValueError("a line without a name")
                if isinstance(value, list) and name != "fingerprint":
                    data.setdefault(name, []).extend(value)
                else:
                    data[name] = value
        for name in DICTS:
            data[name] = {_str(key): value for key, value in data.get(name, [])}
        files = data.pop("manifest")
        return _decode(data), files
    except FileNotFoundError:
        return None
    except Exception as exc:  # any damage at all: the files are the truth
        log.info("library cache %s not used: %s", path, exc)
        return None


def matches(roots: Sequence[Path], files: Manifest) -> bool:
    """True when every Markdown file under `roots` is as the manifest says."""
    return manifest([Path(r) for r in roots]) == files


def read_cached(roots: Sequence[Path], cache: Path) -> Library | None:
    """The library of `roots` from the cache, or None if any file under them has changed
    (or the cache is missing or damaged). Parses nothing."""
    found = read_quick(roots, cache)
    if found is None or not matches(roots, found[1]):
        return None
    return found[0]


def load_and_cache(roots: Sequence[Path], cache: Path) -> Library:
    """`load_library(roots)`, kept in the cache for the next start."""
    from lantern.core.content import load_library

    roots = [Path(r) for r in roots]
    # Taken before reading: a file changed meanwhile misses the cache next time.
    stamps, files = folder_stamps(roots), manifest(roots)
    library = load_library(roots)
    try:
        write_bytes_atomic(cache / FILE_NAME, _file_lines(stamps, files, library))
        (cache / OLD_FILE_NAME).unlink(missing_ok=True)
    except (OSError, ValueError, TypeError) as exc:
        log.info("library cache %s not written: %s", cache / FILE_NAME, exc)
    return library


def load_library_cached(roots: Sequence[Path], cache: Path) -> Library:
    """`load_library(roots)`, from the cache when no file under `roots` has changed."""
    return read_cached(roots, cache) or load_and_cache(roots, cache)
