"""The loader's checks across files, once every pack is read: citations, links, `related`
and `see_also`, `translates`, references never cited, the pages a pack needs.

A link or a `related` slug written in a pack names an item of that pack's language: the
check reads it with the language's prefix (see `address.qualify`), as the reader does."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lantern.core.address import Kind, qualify
from lantern.core.messages import translate
from lantern.core.model import Article, Faq, PackInfo, Page, Reference, Term
from lantern.core.packfiles import PackReader
from lantern.core.references import HAND_KEPT_REFERENCES
from lantern.core.text import INTERNAL_LINK, citation_keys, narrative_keys

REQUIRED_PAGES = ("home", "help-now")

#: A Markdown text to check: file, first line, text, and its pack's key prefix.
Body = tuple[Path, int, str, str]


@dataclass(frozen=True, slots=True)
class Translation:
    """A `translates:` line: the item it is in, and what it names."""

    kind: Kind
    path: Path
    line: int
    key: str  # the translating item's library key
    target: str  # the library key named
    written: str  # as written
    language: str  # the language named items are in
    own_language: str


def _local(key: str) -> str:
    return key.rpartition("/")[2]


@dataclass(kw_only=True)
class CrossChecks(PackReader):
    roots: Sequence[Path]
    packs: list[PackInfo] = field(default_factory=list)
    articles: dict[str, Article] = field(default_factory=dict)
    faqs: dict[str, Faq] = field(default_factory=dict)
    terms: dict[str, Term] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    skipped_bodies: list[Body] = field(default_factory=list)
    translations: list[Translation] = field(default_factory=list)

    def cross_check(self) -> None:
        cited: set[str] = set()
        prefixes = {p.language: "" if p.language == self.packs[0].language else p.language
                    for p in self.packs}
        bodies: list[Body] = [
            *((a.path, a.body_line, a.body, prefixes[a.language]) for a in self.articles.values()),
            *((f.path, f.body_line, f.body, prefixes[f.language]) for f in self.faqs.values()),
            *((p.path, p.body_line, p.body, prefixes[p.language]) for p in self.pages.values()),
            *((t.path, t.line, t.definition, prefixes[t.language]) for t in self.terms.values()),
            *self.skipped_bodies,
        ]
        for path, first_line, body, prefix in bodies:
            cited.update(self.check_citations(path, first_line, body))
            self.check_links(path, first_line, body, prefix)
        self.check_related()
        self.check_translations()
        self.check_uncited(cited)
        self.check_required_pages()

    def check_citations(self, path: Path, first_line: int, body: str) -> set[str]:
        """The reference keys a body cites; each unknown `[@key]` reported."""
        cited = {key for key, _ in narrative_keys(body) if key in self.references}
        for key, line in citation_keys(body):
            cited.add(key)
            if key not in self.references:
                self.error(path, first_line + line, translate(
                    "check", "unknown citation key '@{key}'").format(key=key),
                    translate("check", "add it to references.yaml or correct the key"))
        return cited

    def check_links(self, path: Path, first_line: int, body: str, prefix: str = "") -> None:
        targets: dict[str, dict[str, Any]] = {
            Kind.ARTICLE: self.articles, Kind.FAQ: self.faqs, Kind.TERM: self.terms,
            Kind.PAGE: self.pages, Kind.REF: self.references,
        }
        for match in INTERNAL_LINK.finditer(body):
            kind, target = match.group(2), match.group(3)
            key = target if kind == Kind.REF else qualify(target, prefix)
            if key not in targets[kind]:
                line = first_line + body.count("\n", 0, match.start())
                self.error(path, line, translate(
                    "check", "link to unknown {kind} '{target}'").format(kind=kind, target=target),
                    translate("check", "no {kind} has that slug or id in the pack's language "
                              "({language})").format(kind=kind, language=prefix) if prefix else
                    translate("check", "no {kind} has that slug or id").format(kind=kind))

    def check_related(self) -> None:
        """`related` names an article or FAQ, `see_also` a glossary term."""
        items: list[Article | Faq] = [*self.articles.values(), *self.faqs.values()]
        for item in items:
            for slug in item.related:
                if slug not in self.articles and slug not in self.faqs:
                    self.warn(item.path, 2, translate(
                        "check", "related '{slug}' is not an article or FAQ slug").format(
                            slug=_local(slug)))
        for term in self.terms.values():
            for other in term.see_also:
                if other not in self.terms:
                    self.warn(term.path, term.line, translate(
                        "check", "see_also '{other}' of '{id}' is not a glossary id").format(
                            other=_local(other), id=_local(term.id)))

    def check_translations(self) -> None:
        """`translates` names an item of the same kind in the language translated, once."""
        found: dict[Kind, dict[str, Any]] = {
            Kind.ARTICLE: self.articles, Kind.FAQ: self.faqs, Kind.TERM: self.terms}
        what = {Kind.ARTICLE: translate("check", "article"), Kind.FAQ: translate("check", "FAQ"),
                Kind.TERM: translate("check", "glossary term")}
        taken: dict[tuple[Kind, str, str], Translation] = {}
        for t in self.translations:
            named = found[t.kind].get(t.target)
            if t.language == t.own_language:
                self.error(t.path, t.line, translate(
                    "check", "'translates: {target}' in a pack whose language is that of the "
                    "pack it translates ({language})").format(target=t.written,
                                                              language=t.language),
                    translate("check", "give the pack its own language in pack.toml, or remove "
                              "the line"))
            elif named is None or named.language != t.language:
                self.error(t.path, t.line, translate(
                    "check", "'translates: {target}' names no {what} of the '{language}' pack")
                    .format(target=t.written, what=what[t.kind], language=t.language),
                    translate("check", "give the slug or id of the {what} this one translates")
                    .format(what=what[t.kind]))
            elif (t.kind, t.target, t.own_language) in taken:
                earlier = taken[(t.kind, t.target, t.own_language)]
                self.error(t.path, t.line, translate("check", "'{target}' is translated twice")
                           .format(target=t.written), translate(
                               "check", "already translated by {file}").format(file=earlier.path))
            else:
                taken[(t.kind, t.target, t.own_language)] = t

    def check_uncited(self, cited: set[str]) -> None:
        for ref in self.references.values():
            # An export from a reference manager holds a whole collection; only the
            # hand-kept references.yaml is expected to be cited in full.
            if ref.id not in cited and ref.path.name == HAND_KEPT_REFERENCES:
                self.warn(ref.path, ref.line, translate(
                    "check", "reference '{id}' is never cited").format(id=ref.id),
                    translate("check", "cite it with [@{id}] or remove it").format(id=ref.id))

    def check_required_pages(self) -> None:
        """The first pack, and each pack in a language of its own, needs its home and
        help-now pages (an add-on does not)."""
        seen: set[str] = set()
        for root, pack in zip(self.roots, self.packs, strict=False):
            first = not seen
            if pack.language in seen or pack.addon or not root.is_dir():
                seen.add(pack.language)
                continue
            seen.add(pack.language)
            prefix = "" if first else pack.language
            for name in REQUIRED_PAGES:
                if qualify(name, prefix) not in self.pages:
                    self.warn(root / "pages" / f"{name}.md", 1, translate(
                        "check", "the {name} page is missing").format(name=name))
