"""Search relevance in Spanish over the bundled library (content/ and content/es), measured
against hand-made judgements, as `test_relevance.py` measures the English pack.

`queries_es.yaml` lists what Spanish-speaking readers type, many without accents or with a
typo, and the Spanish pages that answer them. Every query is searched once as the Spanish
window searches (`language="es"`), in an index built in a temporary folder; only Spanish
results count, ranked as shown. hit@3 and MRR (down to rank 10) must stay above their
floors, and crisis queries must open with the Spanish help-now page.

While the Spanish pack does not yet hold every page the judgements name, the two tests that
need them all (the pages exist; the floors) are strict expected failures naming what is
missing: they fail as soon as they pass, so the mark goes once the pack is complete.

Run with `-rP` (or `-s`) to see the per-query table.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from lantern.core.content import load_library
from lantern.core.model import Library
from lantern.core.paths import translation_roots
from lantern.core.search import open_index

from tests.conftest import BUNDLED_PACK

QUERIES_FILE = Path(__file__).with_name("queries_es.yaml")
SPANISH_PACK = BUNDLED_PACK / "es"
GROUPS = ("accents", "typo", "term", "question", "crisis", "page")
HELP_NOW = "page:help-now"
DEPTH = 10
TOP = 3

# Floors sit just under the scores when they were set (hit@3 1.0000, MRR 0.9333 over 55
# queries, on the Spanish pack's FAQs, articles, glossary and pages as written for it):
# about one query's worth of slack each. Raise them when search improves.
HIT_AT_3_FLOOR = 0.98
MRR_FLOOR = 0.92


@dataclass(frozen=True)
class Judgement:
    query: str
    group: str
    relevant: frozenset[str]
    known_gap: str = ""


def _load_judgements() -> list[Judgement]:
    raw = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
    return [Judgement(query=e["query"], group=e["group"], relevant=frozenset(e["relevant"]),
                      known_gap=e.get("known_gap", "")) for e in raw]


JUDGEMENTS = _load_judgements()
CRISIS = [j for j in JUDGEMENTS if j.group == "crisis"]
_KINDS = {"term": "glossary.yaml", "faq": "faq", "article": "articles", "page": "pages"}


def _missing() -> list[str]:
    """The judged pages content/es has no file for (a quick look, before loading it)."""
    glossary = SPANISH_PACK / "glossary.yaml"
    ids = glossary.read_text(encoding="utf-8") if glossary.is_file() else ""
    missing = []
    for key in sorted({k for j in JUDGEMENTS for k in j.relevant}):
        kind, _, name = key.partition(":")
        there = (f"id: {name}\n" in ids) if kind == "term" else \
            (SPANISH_PACK / _KINDS[kind] / f"{name}.md").is_file()
        if not there:
            missing.append(key)
    return missing


MISSING = _missing()
INCOMPLETE = pytest.mark.xfail(
    bool(MISSING), strict=True,
    reason=f"content/es lacks {len(MISSING)} judged pages so far ({', '.join(MISSING[:6])}"
           f"{' …' if len(MISSING) > 6 else ''})")


def spanish_ranking(index, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The Spanish results of `query` in the Spanish window, as `kind:Spanish slug`."""
    response = index.search(query, limit=DEPTH, language="es")
    return [f"{r.kind}:{r.id.rpartition('/')[2]}" for r in response.results
            if r.language == "es"]


@pytest.fixture(scope="module")
def library() -> Library:
    assert (SPANISH_PACK / "pack.toml").is_file(), (
        "the Spanish pack content/es has no pack.toml yet: these judgements are written "
        "against it (queries_es.yaml)")
    library = load_library([BUNDLED_PACK, *translation_roots(BUNDLED_PACK)])
    assert "es" in library.languages
    return library


@pytest.fixture(scope="module")
def rankings(library: Library, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    index = open_index(library, tmp_path_factory.mktemp("relevance-es-cache"))
    try:
        return {j.query: spanish_ranking(index, j.query) for j in JUDGEMENTS}
    finally:
        index.close()


def _first_answer(judgement: Judgement, ranked: list[str]) -> int | None:
    for rank, key in enumerate(ranked, start=1):
        if key in judgement.relevant:
            return rank
    return None


def scores(rankings: dict[str, list[str]]) -> tuple[float, float]:
    ranks = [_first_answer(j, rankings[j.query]) for j in JUDGEMENTS]
    hits = sum(1 for r in ranks if r is not None and r <= TOP)
    mrr = sum(1.0 / r for r in ranks if r is not None) / len(ranks)
    return hits / len(ranks), mrr


def table(rankings: dict[str, list[str]], only_misses: bool) -> str:
    rows = []
    for j in JUDGEMENTS:
        ranked = rankings[j.query]
        rank = _first_answer(j, ranked)
        if only_misses and rank is not None and rank <= TOP:
            continue
        shown = "-" if rank is None else str(rank)
        first = ranked[0] if ranked else "(no results)"
        rows.append(f"  {shown:>4}  {j.group:<9} {j.query[:42]:<42} first: {first}")
    return "\n".join([f"  {'rank':>4}  {'group':<9} {'query':<42} what came first", *rows])


def test_enough_queries_in_every_group():
    assert len(JUDGEMENTS) >= 30
    assert len({j.query.casefold() for j in JUDGEMENTS}) == len(JUDGEMENTS), "duplicate query"
    assert {j.group for j in JUDGEMENTS} == set(GROUPS)
    assert sum(1 for j in JUDGEMENTS if j.group in ("accents", "typo")) >= 10


@INCOMPLETE
def test_judgements_name_real_spanish_pages(library: Library):
    spanish = library.in_language("es")
    lookup = {"term": spanish.term, "faq": spanish.faq, "article": spanish.article,
              "page": spanish.page}
    unknown = sorted(f"{j.query!r}: {key}" for j in JUDGEMENTS for key in j.relevant
                     if lookup[key.partition(":")[0]](key.partition(":")[2]) is None)
    assert unknown == [], "judgements naming pages content/es does not have"
    for j in CRISIS:
        assert HELP_NOW in j.relevant


@INCOMPLETE
def test_hit_at_3_and_mrr_stay_above_their_floors(rankings):
    hit3, mrr = scores(rankings)
    summary = (f"hit@{TOP} {hit3:.4f} (floor {HIT_AT_3_FLOOR}), MRR {mrr:.4f} "
               f"(floor {MRR_FLOOR}), {len(JUDGEMENTS)} queries\n")
    print(summary + table(rankings, only_misses=False))
    assert hit3 >= HIT_AT_3_FLOOR and mrr >= MRR_FLOOR, (
        summary + f"queries without an answer in the top {TOP}:\n"
        + table(rankings, only_misses=True))


@pytest.mark.parametrize("judgement", [pytest.param(
    j, id=j.query, marks=[pytest.mark.xfail(reason=j.known_gap, strict=True)] if j.known_gap
    else []) for j in CRISIS])
def test_crisis_queries_open_with_the_spanish_help_page(rankings, judgement):
    ranked = rankings[judgement.query]
    assert ranked[:1] == [HELP_NOW], f"{judgement.query!r} gave {ranked[:TOP]}"
