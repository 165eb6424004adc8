"""The bundled pack reads plainly, is written in its own words, and cites findable sources.

Patient material should read at about school grade 6 to 8. The grade is the
Flesch-Kincaid grade from textstat, computed on the text a reader sees: front matter,
citation keys, link targets and Markdown marks are removed first, and every heading,
list item or table cell counts as a sentence of its own.
"""

from __future__ import annotations

import re

import pytest
import textstat

from lantern.core.content import load_library
from lantern.core.text import plain_text

from tests.conftest import BUNDLED_PACK, bodies

GRADE_LIMIT = 8.0
SENTENCE_WORDS_LIMIT = 30
RUN = 8  # words in a row that may not be shared with a source document
SOURCES = BUNDLED_PACK.parent.parent / "shared" / "sources"

_CITATION = re.compile(r"\[@[^\]]*\]")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def _blocks(markdown: str) -> list[str]:
    """Headings, list items, table cells and paragraphs, each as one string."""
    blocks: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            blocks.append(" ".join(current))
            current.clear()

    for raw in markdown.splitlines():
        line = raw.strip()
        if not line or set(line) <= set("-|: "):
            close()
        elif line.startswith("|"):
            close()
            blocks += [cell.strip() for cell in line.strip("|").split("|") if cell.strip()]
        elif re.match(r"^(#+|[-*]|\d+\.)\s", line):
            close()
            current.append(re.sub(r"^(#+|[-*]|\d+\.)\s+", "", line))
            if line.startswith("#"):
                close()
        else:
            current.append(line)
    close()
    return blocks


def reader_text(markdown: str) -> str:
    """What a reader reads, one sentence at least per heading, list item and table cell."""
    out = []
    for block in _blocks(_CITATION.sub("", markdown)):
        text = " ".join(plain_text(block).split())
        if text:
            out.append(text if text[-1] in ".!?" else text.rstrip(":;,") + ".")
    return " ".join(out)


def sentences(text: str) -> list[str]:
    joined = re.sub(r"\s+", " ", text)
    return [s for s in _SENTENCE.split(joined) if s.strip()]


@pytest.fixture(scope="module")
def library():
    return load_library(BUNDLED_PACK)


def _pages(library):
    return bodies(library, terms=False)


def test_the_grade_is_computed_on_what_a_reader_sees():
    md = "## Why it matters\n\nShort words help [@key2020]. See [the page](article:x).\n\n- one\n"
    assert reader_text(md) == "Why it matters. Short words help. See the page. one."
    assert textstat.flesch_kincaid_grade("The cat sat on the mat. It was warm.") < 3
    hard = ("Pharmacological neuroplasticity hypotheses remain insufficiently substantiated "
            "by contemporary longitudinal investigations.")
    assert textstat.flesch_kincaid_grade(hard) > GRADE_LIMIT


def test_every_page_reads_at_grade_8_or_below(library):
    grades = {name: textstat.flesch_kincaid_grade(reader_text(body))
              for name, body in _pages(library)}
    too_hard = {name: grade for name, grade in grades.items() if grade > GRADE_LIMIT}
    assert too_hard == {}


def test_no_sentence_is_longer_than_30_words(library):
    long = [(name, s) for name, body in _pages(library)
            for s in sentences(reader_text(body)) if len(s.split()) > SENTENCE_WORDS_LIMIT]
    assert long == []


def test_every_article_opens_with_in_brief(library):
    for article in library.articles:
        assert article.body.lstrip().startswith("**In brief"), article.slug


def _runs(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower().replace("’", "'"))
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def test_no_run_of_eight_words_is_shared_with_the_sources(library):
    if not SOURCES.is_dir():
        pytest.skip(f"the source documents are not beside the checkout ({SOURCES.name} "
                    "folder of ../shared is missing)")
    source_runs: set[tuple[str, ...]] = set()
    for path in sorted(SOURCES.glob("*.txt")):
        source_runs |= _runs(path.read_text(encoding="utf-8", errors="replace"))
    assert source_runs
    ours = list(_pages(library)) + [(f"term {t.id}", t.definition) for t in library.terms]
    shared = {name: [" ".join(r) for r in _runs(plain_text(_CITATION.sub("", body)))
                     & source_runs]
              for name, body in ours}
    assert {name: runs for name, runs in shared.items() if runs} == {}


def test_every_reference_has_a_doi_or_an_official_address(library):
    assert [r.id for r in library.references if not (r.doi or r.url)] == []


def test_journal_articles_give_volume_and_pages(library):
    missing = [r.id for r in library.references
               if r.type == "article-journal" and not (r.volume and r.page)]
    assert missing == []


def test_references_are_not_stored_twice(library):
    seen: dict[str, str] = {}
    for ref in library.references:
        key = ref.doi.lower() or ref.url.rstrip("/").lower()
        if key:
            assert seen.setdefault(key, ref.id) == ref.id, (ref.id, seen[key])
        title = re.sub(r"\W+", " ", ref.title.lower()).strip()
        assert seen.setdefault(title, ref.id) == ref.id, (ref.id, seen[title])


def test_the_pack_checks_clean(library):
    assert [p.format() for p in library.problems] == []
