"""Load and validate content packs (format v1, see docs/content-format.md).

`load_library()` never raises for bad content: every mistake becomes a `Problem` naming the
file and line, and everything that is usable is loaded. What each file may hold is in
`fields.py`; reading files safely, within limits, in `packfiles.py`.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from lantern.core.address import Address, Kind, qualify
from lantern.core.content_checks import REQUIRED_PAGES, CrossChecks, Translation
from lantern.core.fields import (
    ARTICLE_FIELDS,
    FAQ_FIELDS,
    FRONT_MATTER_HINTS,
    HINTS,
    PACK_FIELDS,
    PAGE_FIELDS,
    REFERENCE_FIELDS,
    SHOWN_REFERENCE_FIELDS,
    TERM_FIELDS,
    FieldSpec,
)
from lantern.core.messages import translate
from lantern.core.model import (
    Article,
    Faq,
    Library,
    PackInfo,
    Page,
    Reference,
    Term,
)
from lantern.core.packfiles import (
    MAX_FILE_BYTES,
    MAX_NAME_CHARS,
    MAX_NAMES,
    MAX_TOML_DEPTH,
    TooDeep,
    read_toml,
)
from lantern.core.references import (
    read_reference_file,
    reference_files,
    reference_warnings,
)
from lantern.core.text import (
    SLUG,
    fold,
    sort_key,
    split_sections,
)
from lantern.core.yamlfile import (
    Document,
    Located,
    YamlProblem,
    parse_yaml,
    split_front_matter,
)

__all__ = ["KNOWN_PAGES", "MAX_FILE_BYTES", "REQUIRED_PAGES", "load_library"]

KNOWN_PAGES = ("home", "about", "disclaimer", "help-now")


@dataclass(kw_only=True)
class _Loader(CrossChecks):
    hashes: dict[str, str] = field(default_factory=dict)
    names_seen: int = 0
    #: The language of the pack being read, and what goes before its keys ("" for the
    #: first pack's language); the language its `translates` name items of.
    language: str = "en"
    prefix: str = ""
    translated: str = ""

    def fields(
        self, path: Path, located: Located, spec: dict[str, FieldSpec], what: str
    ) -> dict[str, Any] | None:
        """Check a mapping against a spec; return converted values, or None if unusable."""
        data = located.value
        if not isinstance(data, dict):
            self.error(path, located.line, translate(
                "check", "{what} must be a set of 'field: value' lines").format(what=what))
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
                    hint = translate("check", "did you mean '{name}'?").format(name=close[0])
                shown = SHOWN_REFERENCE_FIELDS if spec is REFERENCE_FIELDS else spec
                self.error(path, line, translate(
                    "check", "unknown field '{key}' in {what}").format(key=key, what=what),
                    hint or translate("check", "known fields: {names}").format(
                        names=", ".join(sorted(shown))))
                continue
            value = known.convert(raw)
            if value is None and raw is not None:
                self.error(path, line, translate("check", "field '{key}' must be {expects}")
                           .format(key=key, expects=known.expects), HINTS.get(
                               known.expects, translate("check", "see docs/content-format.md")))
                usable = usable and not known.required
                continue
            values[str(key)] = value
        for key, known in spec.items():
            if known.required and values.get(key) is None and key in data and data[key] is None:
                line = located.key_lines.get(key, located.line)
                self.error(path, line, translate("check", "field '{key}' is empty").format(
                    key=key), translate("check", "give it a value or remove the line"))
                usable = False
            elif known.required and key not in data:
                self.error(path, located.line, translate(
                    "check", "missing required field '{key}' in {what}").format(key=key, what=what),
                    translate("check", "add a line '{key}: …'").format(key=key))
                usable = False
        return values if usable else None

    # packs -----------------------------------------------------------------------------

    def load(self) -> Library:
        for root in self.roots:
            self.load_pack(root)
        self.cross_check()
        doc_hashes = MappingProxyType(dict(self.hashes))
        # The first language's items first: where two languages share a name (`DMN`), a
        # look-up over the whole library finds the first language's.
        order = {language: n for n, language in enumerate(p.language for p in self.packs)}
        return Library(
            packs=tuple(self.packs),
            roots=tuple(self.roots),
            articles=tuple(sorted(self.articles.values(),
                                  key=lambda a: (order[a.language], sort_key(a.title), a.title))),
            faqs=tuple(sorted(self.faqs.values(), key=lambda f: order[f.language])),
            terms=tuple(sorted(self.terms.values(),
                               key=lambda t: (order[t.language], sort_key(t.term), t.term))),
            references=tuple(self.references.values()),
            pages=tuple(self.pages.values()),
            problems=tuple(sorted(self.problems, key=lambda p: (str(p.file), p.line))),
            fingerprint=self.digest.hexdigest(),
            doc_hashes=doc_hashes,
        )

    def set_language(self, root: Path) -> None:
        """The language of the pack just read, and of the pack it translates."""
        pack, base = self.packs[-1], self.packs[0].language
        self.language, self.prefix = pack.language, "" if pack.language == base else pack.language
        self.translated = pack.translation_of or base
        known = {p.language for p in self.packs[:-1]}
        if pack.translation_of and pack.translation_of not in known:
            self.error(root / "pack.toml", 1, translate(
                "check", "translation_of names '{language}', the language of no pack loaded "
                "before this one").format(language=pack.translation_of), translate(
                    "check", "load it on top of a pack in that language (languages loaded: "
                    "{languages})").format(languages=", ".join(sorted(known))
                                           or translate("check", "none")))

    def key(self, stem: str) -> str:
        """The library key of an item of the pack being read."""
        return qualify(stem, self.prefix)

    def translation(self, kind: Kind, path: Path, line: int, key: str, target: str | None
                    ) -> str:
        """The key `translates` names (checked once every pack is read), or ""."""
        if not target:
            return ""
        prefix = "" if self.translated == self.packs[0].language else self.translated
        self.translations.append(Translation(kind, path, line, key, qualify(target, prefix),
                                             target, self.translated, self.language))
        return qualify(target, prefix)

    def load_pack(self, root: Path) -> None:
        if not root.is_dir():
            self.error(root, 1, translate("check", "content folder not found"),
                       translate("check", "check the path given with --content"))
            return
        self.load_pack_info(root)
        self.set_language(root)
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
                data = read_toml(text)
            except tomllib.TOMLDecodeError as exc:
                found = re.search(r"line (\d+)", str(exc))
                line = int(found.group(1)) if found else 1
                self.error(path, line, translate("check", "TOML error: {reason}").format(
                    reason=exc))
                data = {}
            except TooDeep as exc:
                self.error(path, exc.line, translate(
                    "check", "lists or tables nested more than {limit} levels deep").format(
                        limit=MAX_TOML_DEPTH),
                    translate("check", "pack.toml needs only 'key = value' lines"))
                data = {}
            values = self.fields(path, Located(value=data), PACK_FIELDS, "pack.toml") or {}
            info = PackInfo(**{k: v for k, v in values.items() if v is not None}) \
                if values.get("name") else info
        elif not path.exists():
            self.warn(path, 1, translate("check", "pack.toml is missing"),
                      translate("check", "add one with name, language and version"))
        self.packs.append(info)

    def slug_ok(self, path: Path, kind: str) -> bool:
        if SLUG.match(path.stem):
            return True
        self.error(path, 1, translate(
            "check", "file name '{name}' is not a valid {kind} slug").format(
                name=path.name, kind=kind),
            translate("check", "use lowercase letters, digits and hyphens, e.g. my-article.md"))
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
            self.error(path, exc.line, exc.message,
                       translate("check", "front matter sits between two '---' lines"))
            return None
        values = self.fields(path, doc.meta, spec, translate(
            "check", "{what} front matter").format(what=what))
        if values is None:
            # Still check its citations and links, so one pass shows every mistake.
            self.skipped_bodies.append((path, doc.body_line, doc.body, self.prefix))
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
        if loaded is not None and self.key(path.stem) in taken:
            self.error(path, 1, translate("check", "duplicate {what} slug '{slug}'").format(
                what=what, slug=path.stem), translate("check", "already defined in {file}").format(
                    file=taken[self.key(path.stem)].path))
            return None
        return loaded

    def load_article(self, path: Path, root: Path) -> None:
        loaded = self.slugged_file(path, root, ARTICLE_FIELDS, translate("check", "article"),
                                   self.articles)
        if loaded is None:
            return
        doc, v = loaded
        key = self.key(path.stem)
        line = doc.meta.key_lines.get("translates", 2)
        self.articles[key] = Article(
            slug=key, title=v["title"], summary=v["summary"], topics=v["topics"],
            reviewed=v["reviewed"], evidence=v["evidence"], body=doc.body, path=path,
            body_line=doc.body_line,
            aliases=self.within_limits(path, doc.meta.key_lines.get("aliases", 2),
                                       v.get("aliases") or (), translate(
                                           "check", "article '{slug}'").format(slug=path.stem)),
            content_note=v.get("content_note") or "", related=self.keys(v.get("related")),
            sections=split_sections(v["title"], doc.body), language=self.language,
            translates=self.translation(Kind.ARTICLE, path, line, key, v.get("translates")),
        )
        self.hashes[Address(Kind.ARTICLE, key).group] = _hash(v, doc.body)

    def load_faq(self, path: Path, root: Path) -> None:
        loaded = self.slugged_file(path, root, FAQ_FIELDS, translate("check", "FAQ"), self.faqs)
        if loaded is None:
            return
        doc, v = loaded
        if not doc.body.strip():
            self.warn(path, doc.body_line, translate("check", "the FAQ has no answer"),
                      translate("check", "write the answer below the '---'"))
        key = self.key(path.stem)
        line = doc.meta.key_lines.get("translates", 2)
        self.faqs[key] = Faq(
            slug=key, question=v["question"], topics=v["topics"], body=doc.body, path=path,
            body_line=doc.body_line,
            aliases=self.within_limits(path, doc.meta.key_lines.get("aliases", 2),
                                       v.get("aliases") or (), translate(
                                           "check", "FAQ '{slug}'").format(slug=path.stem)),
            related=self.keys(v.get("related")), language=self.language,
            translates=self.translation(Kind.FAQ, path, line, key, v.get("translates")),
        )
        self.hashes[Address(Kind.FAQ, key).group] = _hash(v, doc.body)

    def load_page(self, path: Path, root: Path) -> None:
        page = translate("check", "page")
        if not self.slug_ok(path, page):
            return
        loaded = self.markdown_file(path, root, PAGE_FIELDS, page)
        if loaded is None:
            return
        doc, v = loaded
        key = self.key(path.stem)
        if key in self.pages:
            earlier = self.pages[key].path
            self.warn(path, 1, translate("check", "page '{name}' replaces the one in {file}")
                      .format(name=path.stem, file=earlier))
        self.pages[key] = Page(name=key, title=v["title"], body=doc.body, path=path,
                               body_line=doc.body_line, language=self.language)
        self.hashes[Address(Kind.PAGE, key).group] = _hash(v, doc.body)

    def yaml_list(self, path: Path, root: Path, what: str) -> list[Located]:
        if not path.exists():
            return []
        text = self.read(path, root)
        if text is None:
            return []
        try:
            located = parse_yaml(text)
        except YamlProblem as exc:
            self.error(path, exc.line, exc.message,
                       translate("check", "check the indentation and the quotes"))
            return []
        for dropped in located.dropped:
            self.error(path, dropped.line, translate(
                "check", "{problem} (entry not loaded)").format(problem=dropped.message),
                translate("check", "an entry needs a few levels at most, and no alias repeated "
                          "at length"))
        if located.value is None:
            return []
        if not isinstance(located.value, list):
            self.error(path, located.line, translate(
                "check", "{file} must be a list of {what}").format(file=path.name, what=what),
                translate("check", "start each entry with '- id: …'"))
            return []
        return located.items

    def load_glossary(self, path: Path, root: Path) -> None:
        # Names and aliases are unique within a language: `DMN` may name a term in each.
        names: dict[str, str] = {fold(n): t.id for t in self.terms.values() for n in t.names
                                 if t.language == self.language}
        for item in self.yaml_list(path, root, translate("check", "terms")):
            v = self.fields(path, item, TERM_FIELDS, translate("check", "glossary entry"))
            if v is None:
                continue
            term_id, key = v["id"], self.key(v["id"])
            if not SLUG.match(term_id):
                self.error(path, item.key_lines.get("id", item.line),
                           translate("check", "glossary id '{id}' is not valid").format(
                               id=term_id),
                           translate("check", "use lowercase letters, digits and hyphens"))
                continue
            if key in self.terms:
                self.error(path, item.line, translate(
                    "check", "duplicate glossary id '{id}'").format(id=term_id),
                    translate("check", "first defined on line {line}").format(
                        line=self.terms[key].line))
                continue
            line = item.key_lines.get("aliases", item.line)
            given = self.within_limits(path, line, v.get("aliases") or (), translate(
                "check", "'{id}'", "a glossary term, as the owner of aliases").format(id=term_id))
            if len(v["term"]) > MAX_NAME_CHARS or self.names_seen + len(given) >= MAX_NAMES:
                self.error(path, item.key_lines.get("term", item.line),
                           translate("check", "glossary term '{id}' not loaded: its name has "
                                     "{count:,} characters (the limit is {limit})").format(
                               id=term_id, count=len(v["term"]), limit=MAX_NAME_CHARS)
                           if len(v["term"]) > MAX_NAME_CHARS else
                           translate("check", "glossary term '{id}' not loaded: the glossary "
                                     "has more than {limit:,} names and aliases").format(
                               id=term_id, limit=MAX_NAMES),
                           translate("check", "shorten the glossary"))
                continue
            self.names_seen += 1 + len(given)
            aliases: list[str] = []
            for name in (v["term"], *given):
                folded = fold(name)
                owner = names.get(folded)
                if not folded:
                    continue
                if owner and owner != key:
                    self.error(path, item.key_lines.get("aliases", item.line),
                               translate("check", "'{name}' in '{id}' is already a name of "
                                         "'{owner}'").format(name=name, id=term_id,
                                                             owner=owner.rpartition("/")[2]),
                               translate("check", "each name or alias may belong to one term "
                                         "of a language only"))
                    continue
                if name != v["term"] and name not in aliases:
                    aliases.append(name)
                names[folded] = key
            self.terms[key] = Term(
                id=key, term=v["term"], definition=v["definition"], aliases=tuple(aliases),
                see_also=self.keys(v.get("see_also")), not_=v.get("not") or (), path=path,
                line=item.line, language=self.language,
                translates=self.translation(Kind.TERM, path, item.key_lines.get(
                    "translates", item.line), key, v.get("translates")),
            )
            self.hashes[Address(Kind.TERM, key).group] = _hash(v, "")

    def load_references(self, path: Path, root: Path) -> None:
        text = self.read(path, root)
        if text is None:
            return
        items, problems = read_reference_file(path, text)
        for problem in problems:
            self.error(path, problem.line, problem.message, problem.hint)
        for item in items:
            v = self.fields(path, item, REFERENCE_FIELDS, translate("check", "reference"))
            if v is None:
                continue
            ref_id = v["id"]
            if ref_id in self.references:
                self.error(path, item.line, translate(
                    "check", "duplicate reference id '{id}'").format(id=ref_id),
                    translate("check", "first defined on line {line}").format(
                        line=self.references[ref_id].line))
                continue
            self.reference_warnings(path, item, v)
            self.references[ref_id] = Reference(
                id=ref_id, type=v["type"], title=v["title"], issued=v["issued"],
                authors=v.get("author") or (), container_title=v.get("container-title") or "",
                volume=v.get("volume") or "", issue=v.get("issue") or "",
                page=v.get("page") or "", doi=v.get("DOI") or "", url=v.get("URL") or "",
                note=v.get("note") or "", path=path, line=item.line,
            )

    def reference_warnings(self, path: Path, item: Located, v: dict[str, Any]) -> None:
        """What a usable reference lacks: an author, a way to find it, a link a QR code holds."""
        for line, message, hint in reference_warnings(item, v):
            self.warn(path, line, message, hint)

    def keys(self, values: Sequence[str] | None) -> tuple[str, ...]:
        """Slugs or ids written in the pack being read, as library keys (they name items
        of its own language)."""
        return tuple(self.key(value) for value in values or ())


def _hash(values: dict[str, Any], body: str) -> str:
    blob = json.dumps(values, sort_keys=True, default=str) + "\0" + body
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def load_library(roots: Path | Sequence[Path]) -> Library:
    """Load one pack or several (later packs add to earlier ones); never raises for content."""
    if isinstance(roots, Path):
        roots = [roots]
    return _Loader(roots=[Path(r) for r in roots]).load()
