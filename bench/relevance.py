"""Relevance benchmark: Lantern beside SQLite FTS5 and plain BM25 on MedQuAD, in one run.

Query sets:

* a development set made here from the pack's own records, three forms per record drawn
  (own seed, never a LiveQA question): the record's own question (`own`); the same question
  with the topic named by one of its other names (`other-name`); and a short keyword query,
  the topic and a word for the kind of question (`keyword`). The target is the record and
  any record with the identical answer.
* LiveQA 2017 test questions (`paraphrase`, or the summary where there is none), judged
  answers only (grade ≥ 3 relevant for MRR and hit; nDCG with gain = grade − 1).

Engines, same documents (`iter_documents()` of the pack): Lantern through
`SearchIndex.search` (spelling and snippets on); FTS5 `porter unicode61` with bm25, title
weight 2, all words then any word when none matched; plain BM25: the same FTS5 index, any
word. Each query is run by each engine in turn (interleaved), so load on the machine falls
on all alike; the latency ratio is Lantern's against FTS5 (AND, then OR).

    python bench/relevance.py --size 4000 --per-form 150
    python bench/relevance.py --size medquad --per-form 300   # all 16 423 records

The pack holds the first `--size` records and every record LiveQA judges, so LiveQA can be
scored at any size. MedQuAD and LiveQA are read from ../shared/corpora/medquad (see
corpora.py); nothing of them is written into the repository.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import corpora

sys.path.insert(0, str(corpora.REPO / "app"))

from lantern.core.content import load_library
from lantern.core.search import open_index
from lantern.core.search.concepts import ConceptMatcher
from lantern.core.search.documents import iter_documents

LIMIT = 10
SEED = 20261202
TITLE_WEIGHT = 2.0
#: Words a reader might put beside a topic to say what they want to know (dev set only;
#: the search never sees this table).
KIND_WORDS = {
    "information": ["what is", "about", "overview"],
    "symptoms": ["symptoms", "signs"],
    "treatment": ["treatment", "therapy", "treat"],
    "inheritance": ["inherited", "hereditary"],
    "frequency": ["how common", "prevalence"],
    "genetic changes": ["genes", "mutation"],
    "causes": ["causes", "cause"],
    "exams and tests": ["diagnosis", "test"],
    "research": ["research", "clinical trials"],
    "outlook": ["prognosis", "outlook"],
    "susceptibility": ["risk", "who gets"],
    "considerations": ["living with", "care"],
    "prevention": ["prevention", "prevent"],
    "stages": ["stages"],
    "complications": ["complications"],
    "support groups": ["support groups"],
}
FORMS = ("own", "other-name", "keyword")


@dataclass(frozen=True)
class Query:
    form: str
    text: str
    gains: dict[str, int]  # result key → gain (dev set: 1 for the target and its twins)
    relevant: frozenset[str]


def key_of(record_id: str) -> str:
    return f"faq:{corpora.faq_slug(record_id)}"


def dev_set(records: list[dict[str, object]], per_form: int, seed: int) -> list[Query]:
    rng = random.Random(seed)
    queries: list[Query] = []

    def add(form: str, record: dict[str, object], text: str) -> None:
        root = key_of(str(record.get("dup_of") or record["id"]))
        queries.append(Query(form, text, {root: 1}, frozenset({root})))

    order = list(records)
    rng.shuffle(order)
    for record in order[:per_form]:
        add("own", record, str(record["question"]))
    renamed = 0
    for record in order[per_form:]:
        focus, question = str(record["focus"]), str(record["question"])
        others = [str(s) for s in record.get("synonyms") or ()  # type: ignore[attr-defined]
                  if str(s).lower() != focus.lower()]
        if not others or focus.lower() not in question.lower():
            continue
        other = rng.choice(others)
        add("other-name", record,
            re.sub(re.escape(focus), lambda _m, o=other: o, question, count=1, flags=re.I))
        renamed += 1
        if renamed >= per_form:
            break
    rng.shuffle(order)
    for record in order[:per_form]:
        kind = rng.choice(KIND_WORDS.get(str(record["qtype"]), ["about"]))
        add("keyword", record, f"{record['focus']} {kind}")
    return queries


def liveqa_set(judged: corpora.Judgements) -> list[Query]:
    queries = []
    for q in corpora.liveqa_questions():
        text = q.get("paraphrase", "").strip() or q.get("summary", "").strip()
        grades = judged.grades.get(q["query_id"], {})
        if not text or not any(g >= 2 for g in grades.values()):
            continue
        gains = {k: g - 1 for k, g in grades.items() if g > 1}
        queries.append(Query("liveqa", text, gains,
                             frozenset(k for k, g in grades.items() if g >= 3)))
    return queries


# --- engines ----------------------------------------------------------------------------


def query_words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


class Fts5:
    SQL = ("SELECT key FROM docs WHERE docs MATCH ? "
           f"ORDER BY bm25(docs, 0.0, {TITLE_WEIGHT}, 1.0) LIMIT {LIMIT}")

    def __init__(self, library: object) -> None:
        self.con = sqlite3.connect(":memory:")  # the index is small enough to hold in memory
        self.con.execute("CREATE VIRTUAL TABLE docs USING fts5(key UNINDEXED, title, body, "
                         "tokenize='porter unicode61')")
        with self.con:
            self.con.executemany(
                "INSERT INTO docs VALUES (?, ?, ?)",
                ((d.group, d.title, f"{d.heading}\n{d.aliases}\n{d.body}")
                 for d in iter_documents(library)))  # type: ignore[arg-type]
            self.con.execute("INSERT INTO docs(docs) VALUES ('optimize')")

    def _run(self, words: list[str], joiner: str) -> list[str]:
        if not words:
            return []
        match = joiner.join(f'"{w}"' for w in words)
        return list(dict.fromkeys(k for (k,) in self.con.execute(self.SQL, (match,))))

    def and_then_or(self, text: str) -> list[str]:
        words = query_words(text)
        return self._run(words, " ") or self._run(words, " OR ")

    def any_word(self, text: str) -> list[str]:
        return self._run(query_words(text), " OR ")


# --- scoring ----------------------------------------------------------------------------


def scores(query: Query, found: list[str]) -> tuple[float, float, float]:
    """Reciprocal rank, hit and nDCG of the top ten; `found` holds duplicate roots."""
    top = found[:LIMIT]
    rank = next((i for i, k in enumerate(top, 1) if k in query.relevant), 0)
    ideal_gains = sorted(query.gains.values(), reverse=True)[:LIMIT]
    ideal = sum(g / math.log2(i + 2) for i, g in enumerate(ideal_gains))
    seen: set[str] = set()
    dcg = 0.0
    for i, key in enumerate(top):
        if key not in seen:
            seen.add(key)
            dcg += query.gains.get(key, 0) / math.log2(i + 2)
    return (1 / rank if rank else 0.0), (1.0 if rank else 0.0), (dcg / ideal if ideal else 0.0)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)] if ordered else math.nan


def measure_matcher(records: Iterable[dict[str, object]], texts: list[str]) -> str:
    """Concept matching with one glossary name set per topic (topic + other names)."""
    from lantern.core.model import Term

    names: dict[str, list[str]] = {}
    for r in records:
        names.setdefault(str(r["focus"]), []).extend(corpora.record_aliases(r))
    terms = [Term(id=f"t{i}", term=focus, definition="-",
                  aliases=tuple(n for n in dict.fromkeys(found) if n != focus))
             for i, (focus, found) in enumerate(names.items())]
    started = time.perf_counter()
    matcher = ConceptMatcher(terms)
    built = (time.perf_counter() - started) * 1000
    times = []
    for text in texts:
        started = time.perf_counter()
        matcher.spans(text)
        times.append((time.perf_counter() - started) * 1000)
    return (f"concept matcher, {len(matcher.names):,} names of {len(terms):,} topics: "
            f"built in {built:.0f} ms; per query median {percentile(times, 0.5):.3f} ms, "
            f"max {max(times):.3f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="4000", help="a number of records, or medquad")
    parser.add_argument("--per-form", type=int, default=150)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--work", type=Path, help="scratch folder (default: a new temporary one)")
    args = parser.parse_args(argv)
    if not corpora.medquad_available():
        print(f"MedQuAD not found in {corpora.medquad_dir()}", file=sys.stderr)
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix="lantern-relevance-"))
    limit = corpora.record_limit(args.size)
    judged = corpora.load_judgements()
    also = frozenset(k.removeprefix("faq:") for g in judged.grades.values() for k in g)
    records = [r for n, r in enumerate(corpora.iter_records())
               if limit is None or n < limit or corpora.faq_slug(str(r["id"])) in also]
    pack = work / f"pack-{args.size}"
    if not (pack / "pack.toml").is_file():  # a pack written by an earlier run is reused
        corpora.write_medquad_pack(pack, limit, also=frozenset(str(r["id"]) for r in records))
    started = time.perf_counter()
    library = load_library([pack])
    index = open_index(library, work / "cache")
    built = time.perf_counter() - started
    fts = Fts5(library)
    queries = dev_set(records, args.per_form, args.seed) + liveqa_set(judged)
    engines: dict[str, Callable[[str], list[str]]] = {
        "Lantern": lambda t: [f"{r.kind}:{r.id}" for r in index.search(t, limit=LIMIT).results],
        "FTS5": fts.and_then_or,
        "BM25": fts.any_word,
    }
    for engine in engines.values():  # warm up
        for query in queries[:5]:
            engine(query.text)
    table: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    ms: dict[tuple[str, str], list[float]] = {}
    for query in queries:
        for name, engine in engines.items():
            t0 = time.perf_counter()
            found = engine(query.text)
            ms.setdefault((name, query.form), []).append((time.perf_counter() - t0) * 1000)
            table.setdefault((name, query.form), []).append(
                scores(query, [judged.root(k) for k in found]))
    print(f"{len(records):,} records ({len(library.faqs):,} FAQs), Lantern index built "
          f"in {built:.0f} s; seed {args.seed}; {corpora.MEDQUAD_CREDIT} {corpora.LIVEQA_CREDIT}")
    print(measure_matcher(records, [q.text for q in queries]))
    print("\n| form (queries) | engine | MRR@10 | hit@10 | nDCG@10 | median ms | p95 ms "
          "| median / p95 ÷ FTS5 |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for form in (*FORMS, "liveqa"):
        base = ms.get(("FTS5", form), [])
        for name in engines:
            rows = table.get((name, form))
            if not rows:
                continue
            times = ms[(name, form)]
            mrr, hit, ndcg = (sum(r[i] for r in rows) / len(rows) for i in range(3))
            ratio = (f"{percentile(times, .5) / percentile(base, .5):.2f} / "
                     f"{percentile(times, .95) / percentile(base, .95):.2f}")
            print(f"| {form} ({len(rows)}) | {name} | {mrr:.3f} | {hit:.3f} | {ndcg:.3f} | "
                  f"{percentile(times, .5):.1f} | {percentile(times, .95):.1f} | {ratio} |")
    slowest = max(max(v) for k, v in ms.items() if k[0] == "Lantern")
    print(f"\nLantern's slowest query: {slowest:.0f} ms")
    index.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
