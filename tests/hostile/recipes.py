"""The hostile-pack corpus: each recipe turns a copy of the valid fixture pack into one an
attacker, or a hurried author, might hand to Lantern. Built at test time, never committed.

A recipe names the file `lantern check` must blame and words its message must contain
(`fragment=None`: the pack is valid, the check only has to answer in time).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import VALID_PACK

FRONT = ("---\ntitle: {title}\nsummary: A hostile article.\ntopics: [safety]\n"
         "reviewed: 2026-11-22\nevidence: None.\n---\n")


@dataclass(frozen=True)
class Recipe:
    name: str
    build: Callable[[Path], None]
    file: str  # the file check must name (relative to the pack); "" when nothing to report
    fragment: str | None  # words of the message; None when the pack is valid
    keeps_glossary: bool = True  # False when the recipe is the glossary file itself


def article(pack: Path, slug: str, body: str, front: str = "") -> None:
    text = (front or FRONT.format(title=slug)) + body
    (pack / "articles" / f"{slug}.md").write_text(text, encoding="utf-8")


def glossary_entries(pack: Path, extra: str) -> None:
    path = pack / "glossary.yaml"
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")


def _fifo(pack: Path) -> None:
    os.mkfifo(pack / "articles" / "fifo.md")


def _link(target: str, name: str) -> Callable[[Path], None]:
    def build(pack: Path) -> None:
        path = pack / name
        path.unlink(missing_ok=True)
        path.symlink_to(target)
    return build


def _outside_link(pack: Path) -> None:
    outside = pack.parent / "elsewhere.md"
    outside.write_text(FRONT.format(title="Elsewhere") + "Text.\n", encoding="utf-8")
    (pack / "articles" / "elsewhere.md").symlink_to(outside)


def _many_aliases(pack: Path) -> None:
    names = ", ".join(f"name{i}" for i in range(50_000))
    glossary_entries(pack, f"- id: many\n  term: Many\n  definition: Lots.\n"
                           f"  aliases: [{names}]\n")


def _anchor_glossary(pack: Path) -> None:
    refs = ", ".join(["*x"] * 4_000)
    glossary_entries(pack, f"- id: big\n  term: Big\n  definition: &x {'b' * 200_000}\n"
                           f"  aliases: [{refs}]\n")


def _anchor_front_matter(length: int) -> Callable[[Path], None]:
    def build(pack: Path) -> None:
        refs = ", ".join(["*x"] * 4_000)
        front = (f"---\ntitle: Anchored\nsummary: &x {'b' * length}\ntopics: [safety]\n"
                 f"reviewed: 2026-11-22\nevidence: None.\naliases: [{refs}]\n---\n")
        article(pack, "anchored", "Text.\n", front)
    return build


def _billion_laughs(pack: Path) -> None:
    lines = ['- &a0 {id: lol, term: "lol", definition: "lol"}']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"- &a{level} [{refs}]")
    glossary_entries(pack, "\n".join(lines) + "\n")


def _long_alias(pack: Path) -> None:
    glossary_entries(pack, f"- id: long\n  term: Long\n  definition: Long.\n"
                           f"  aliases: [{'a' * 40_000}]\n")


def _deep_glossary(pack: Path) -> None:
    glossary_entries(pack, "- " + "[" * 600 + "]" * 600 + "\n")


def _deep_toml(opening: str, closing: str) -> Callable[[Path], None]:
    def build(pack: Path) -> None:
        (pack / "pack.toml").write_text(
            f'name = "Deep"\nnested = {opening * 5_000}{closing * 5_000}\n', encoding="utf-8")
    return build


def _body(name: str, body: str) -> Callable[[Path], None]:
    return lambda pack: article(pack, name, body)


def _bad_name(name: bytes, folder: str) -> Callable[[Path], None]:
    def build(pack: Path) -> None:
        path = os.path.join(os.fsencode(pack / folder), name)
        with open(path, "wb") as handle:
            handle.write(FRONT.format(title="Café").encode())
    return build


def _long_reference_url(pack: Path) -> None:
    path = pack / "references.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("DOI: 10.1073/pnas.1119598109", "DOI: 10.1073/" + "a" * 3_000),
                    encoding="utf-8")


RECIPES = [
    Recipe("fifo", _fifo, "articles/fifo.md", "not a regular file"),
    Recipe("glossary-urandom", _link("/dev/urandom", "glossary.yaml"), "glossary.yaml",
           "not a regular file", keeps_glossary=False),
    Recipe("article-zero", _link("/dev/zero", "articles/zero.md"), "articles/zero.md",
           "not a regular file"),
    Recipe("link-outside", _outside_link, "articles/elsewhere.md", "outside the pack"),
    Recipe("50000-aliases", _many_aliases, "glossary.yaml", "aliases"),
    Recipe("anchor-glossary", _anchor_glossary, "glossary.yaml", "alias"),
    Recipe("anchor-front-matter", _anchor_front_matter(200_000), "articles/anchored.md",
           "characters"),
    Recipe("anchor-front-matter-short", _anchor_front_matter(15_000), "articles/anchored.md",
           "alias"),
    Recipe("billion-laughs", _billion_laughs, "glossary.yaml", "alias"),
    Recipe("40000-char-alias", _long_alias, "glossary.yaml", "characters"),
    Recipe("glossary-600-deep", _deep_glossary, "glossary.yaml", "nested"),
    Recipe("toml-list-5000-deep", _deep_toml("[", "]"), "pack.toml", "nested"),
    Recipe("toml-table-5000-deep", _deep_toml("{a=", "}"), "pack.toml", "nested"),
    Recipe("brackets", _body("brackets", "[" * 100_000 + "x" + "](" * 50_000 + "\n"),
           "articles/brackets.md", "characters"),
    Recipe("citation-spaces", _body("cite-spaces", "[" + "@a " * 100_000 + "\n"),
           "articles/cite-spaces.md", "characters"),
    Recipe("link-letters", _body("link-letters", "[x](article:" + "a" * 200_000 + "\n"),
           "articles/link-letters.md", "characters"),
    Recipe("citation-dashes", _body("cite-dashes", "[" + "-@" * 100_000 + "]\n"),
           "articles/cite-dashes.md", "characters"),
    Recipe("citation-dots", _body("cite-dots", "[@" + "a." * 100_000 + "]\n"),
           "articles/cite-dots.md", "characters"),
    Recipe("brackets-lines", _body("brackets-lines", ("[" * 500 + "x" + "](" * 250 + "\n") * 400),
           "articles/brackets-lines.md", None),
    Recipe("20000-headings", _body("headings", "".join(f"## H{i}\n\nx\n\n" for i in range(20_000))),
           "articles/headings.md", "headings"),
    Recipe("long-line", _body("long-line", "a" * 1_040_000 + "\n"), "articles/long-line.md",
           "characters"),
    Recipe("blank-lines", _body("blank-lines", "Text.\n" + "\n" * 3_000 + "More.\n"), "", None),
    Recipe("blank-space-lines", _body("blank-space", "Text.\n" + " \n" * 3_000 + "| a |\n"),
           "", None),
    Recipe("bad-name-article", _bad_name(b"caf\xe9.md", "articles"), "articles/caf\\xe9.md",
           "slug"),
    Recipe("bad-name-page", _bad_name(b"caf\xe9.md", "pages"), "pages/caf\\xe9.md", "name"),
    Recipe("control-name", _bad_name(b"x\x1b[2J\rfake.md", "articles"),
           "articles/x\\x1b[2J\\x0dfake.md", "slug"),
    Recipe("long-url", _long_reference_url, "references.yaml", "QR"),
]


def build_pack(recipe: Recipe, where: Path) -> Path:
    pack = where / f"pack-{recipe.name}"
    shutil.copytree(VALID_PACK, pack)
    recipe.build(pack)
    return pack


def _megabyte_article() -> str:
    """A valid article just under the 1 MiB file limit: 480 sections of ordinary prose with
    citations, glossary terms, emphasis, links and lists."""
    paragraph = ("Psilocybin acts on the 5-HT2A receptor [@carhartharris2012], and the default "
                 "mode network becomes *less tightly coupled* [@siegel2024]. See "
                 "[safety](article:safety-basics) before anything else. ") * 4
    section = "## Section {n}\n\n" + (paragraph + "\n\n") * 4 + "- one\n- two\n- three\n\n"
    parts, size, n = [], 0, 0
    while size < 1_000_000 - 4_000 and n < 480:
        part = section.format(n=n)
        parts.append(part)
        size += len(part)
        n += 1
    return "".join(parts)


#: Articles within every limit that still take long to compose or to show: the pages the
#: window must open without freezing (name, body).
SLOW_PAGES = {
    "one-megabyte": _megabyte_article,
    "10000-citations": lambda: "Text [@carhartharris2012].\n" * 10_000,
    "code-spans": lambda: ("`a " * 6_000 + "\n") * 50,
    "emphasis-lines": lambda: ("*a " * 6_000 + "\n") * 50,
    "nested-quotes": lambda: "".join("> " * min(i, 15) + "quote\n" for i in range(1_400)),
    "brackets-lines": lambda: ("[" * 500 + "x" + "](" * 250 + "\n") * 400,
    "blank-lines": lambda: "Text.\n" + "\n" * 3_000 + "More.\n",
}


def slow_pack(where: Path, names: tuple[str, ...] = tuple(SLOW_PAGES)) -> Path:
    """A copy of the valid pack with the slow pages named added as articles `slow-<name>`."""
    pack = where / "pack-slow"
    shutil.copytree(VALID_PACK, pack)
    for name in names:
        article(pack, f"slow-{name}", SLOW_PAGES[name]())
    return pack
