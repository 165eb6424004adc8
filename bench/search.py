"""Search benchmark: Lantern against plain Whoosh and SQLite FTS5, same documents, same queries.

    python bench/search.py [--sizes bundled,1000,10000,medquad] [--queries N] [--work DIR]

Corpora (see bench/corpora.py): `bundled` is content/ as it is; a number N is the first N
MedQuAD records written as a pack of FAQs; `medquad` is all 16 423 of them.

For each corpus, in one run and one engine at a time, each phase in a fresh process:

* Lantern: `load_library()`, then `open_index()` on an empty cache (cold build), then in a
  new process `open_index()` again (warm open, nothing to re-index) and
  `SearchIndex.search(q, limit=10)`, which returns snippets.
* plain Whoosh, written the way a developer would start: StemmingAnalyzer on `title`
  (boost 2) and `body`, MultifieldParser over both, top 10, `hit.highlights("body")`.
* SQLite FTS5: `porter unicode61` tokenizer, `bm25()` with the same title weight,
  `snippet()` of the body.

The baselines index exactly the documents Lantern indexes (one per article section, FAQ,
glossary term and page; title as title, heading + aliases + text as body). Lantern looks
for documents holding every word and, when none does, any word; the baselines are given
the same rule (AND, then OR when AND finds nothing), so the three engines answer the
same question. Query timings: one warm-up pass, then one timed pass; a third pass with
Lantern's internal steps wrapped in timers says where its time goes (it is not timed).

On MedQuAD packs, Lantern's incremental update is also timed: one FAQ file changed, then
`open_index()`; and re-opening unchanged. On the full pack, relevance is scored against
the LiveQA 2017 judgements shipped with the corpus.

Prints one Markdown table per corpus. Everything is written under --work (default: a new
temporary folder).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import math
import os
import platform
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import corpora

LIMIT = 10
P95_TARGET = 3.0  # Lantern's p95 with snippets ≤ 3 × FTS5's
UPDATE_TARGET_S = 1.0  # one changed file re-indexed in < 1 s
TITLE_BOOST = 2.0  # both baselines
ENGINES = ("lantern", "whoosh", "fts5")
WORD = re.compile(r"\w+")
MARKER_WORD = "quokkabenchmarkmarker"

# Questions a reader of the bundled pack types: acronyms, spelling variants, misspellings,
# street words, plain questions, crisis phrasing and one long rambling message.
READER_QUERIES = (
    "DMN", "PTSD", "TRD", "SSRI", "NMDA", "BDNF", "FDA", "5-HT2A", "5ht2a", "5 ht2a",
    "micro-dosing", "micro dosing", "post traumatic stress", "default mode network",
    "Spravato", "ecstasy", "magic mushrooms", "shrooms",
    "psilocibin", "ketamin", "microdossing", "neuroplasticty", "serotonine", "amygdla",
    "antidepresants", "halucinations",
    "is mdma approved", "can I take psilocybin with antidepressants",
    "how fast does ketamine work", "what is a bad trip", "is microdosing safe long term",
    "will insurance pay for ketamine", "how do I join a clinical trial",
    "can psychedelics cause psychosis", "why are these trials hard to blind",
    "what happens on a dosing day", "how long do the benefits last",
    "is ecstasy the same as mdma", "bad trip",
    "I want to die", "overdose",
    "my therapist said ketamine might help my depression but is it safe and how much does "
    "it cost",
)


# --- small helpers ---------------------------------------------------------------------


def now() -> float:
    return time.perf_counter()


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def median(values: list[float]) -> float:
    return percentile(values, 0.5)


def query_words(text: str) -> list[str]:
    """The words of a query, lowercased so no baseline reads them as operators."""
    return [w.lower() for w in WORD.findall(text)]


def read_docs(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")


# --- phases (each runs in its own process) ---------------------------------------------


def phase_export(spec: dict[str, Any]) -> dict[str, Any]:
    """Load the pack and write the documents Lantern indexes, for the baselines."""
    from lantern.core.content import load_library
    from lantern.core.model import Severity
    from lantern.core.search.documents import iter_documents

    library = load_library(Path(spec["pack"]))
    count = 0
    with open(spec["docs"], "w", encoding="utf-8") as out:
        for doc in iter_documents(library):
            body = "\n".join(part for part in (doc.heading, doc.aliases, doc.body) if part)
            out.write(json.dumps({"key": doc.group, "title": doc.title, "body": body}) + "\n")
            count += 1
    errors = [p for p in library.problems if p.severity == Severity.ERROR]
    return {
        "docs": count, "items": len(library.doc_hashes), "errors": len(errors),
        "warnings": len(library.problems) - len(errors),
        "first_error": str(errors[0].message) if errors else "",
    }


def _lantern_imports() -> tuple[Callable[..., Any], Callable[..., Any]]:
    from lantern.core.content import load_library
    from lantern.core.search import engine as _engine  # noqa: F401  (imports Whoosh now)
    from lantern.core.search import open_index

    return load_library, open_index


def build_lantern(spec: dict[str, Any]) -> dict[str, Any]:
    from lantern.core.search.documents import iter_documents

    load_library, open_index = _lantern_imports()
    started = now()
    library = load_library(Path(spec["pack"]))
    load_s = now() - started
    cache = Path(spec["index"])
    shutil.rmtree(cache, ignore_errors=True)
    marks: list[float] = []
    started = now()
    index = open_index(library, cache, lambda done, total: marks.append(now()))
    build_s = now() - started
    adding_s = (marks[-1] - started) if marks else float("nan")
    docs = index.doc_count
    location = index.location
    index.close()
    started = now()
    prepared = sum(1 for _ in iter_documents(library))
    prepare_s = now() - started
    return {
        "load_s": load_s, "build_s": build_s, "adding_s": adding_s,
        "commit_s": build_s - adding_s, "prepare_s": prepare_s, "prepared": prepared,
        "docs": docs, "size_mb": folder_mb(location) if location else float("nan"),
        "in_memory": location is None,
        "rss_mb": peak_rss_mb(),
    }


def whoosh_schema() -> Any:
    from whoosh.analysis import StemmingAnalyzer
    from whoosh.fields import ID, TEXT, Schema

    return Schema(
        key=ID(stored=True),
        title=TEXT(stored=True, analyzer=StemmingAnalyzer(), field_boost=TITLE_BOOST),
        body=TEXT(stored=True, analyzer=StemmingAnalyzer()),
    )


def empty_folder(folder: Path) -> Path:
    """`folder`, emptied (or made) for a fresh build."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def build_whoosh(spec: dict[str, Any]) -> dict[str, Any]:
    from whoosh import index as windex

    docs = read_docs(Path(spec["docs"]))
    folder = empty_folder(Path(spec["index"]))
    started = now()
    ix = windex.create_in(str(folder), whoosh_schema())
    writer = ix.writer()
    for doc in docs:
        writer.add_document(key=doc["key"], title=doc["title"], body=doc["body"])
    adding_s = now() - started
    writer.commit()
    build_s = now() - started
    ix.close()
    return {"build_s": build_s, "adding_s": adding_s, "commit_s": build_s - adding_s,
            "docs": len(docs), "size_mb": folder_mb(folder), "rss_mb": peak_rss_mb()}


def build_fts5(spec: dict[str, Any]) -> dict[str, Any]:
    docs = read_docs(Path(spec["docs"]))
    folder = empty_folder(Path(spec["index"]))
    started = now()
    con = sqlite3.connect(folder / "fts.db")
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(key UNINDEXED, title, body, "
                "tokenize='porter unicode61')")
    with con:
        con.executemany("INSERT INTO docs(key, title, body) VALUES (?, ?, ?)",
                        ((d["key"], d["title"], d["body"]) for d in docs))
    adding_s = now() - started
    with con:
        con.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    build_s = now() - started
    con.close()
    return {"build_s": build_s, "adding_s": adding_s, "commit_s": build_s - adding_s,
            "docs": len(docs), "size_mb": folder_mb(folder), "rss_mb": peak_rss_mb()}


class WhooshBaseline:
    def __init__(self, folder: Path) -> None:
        from whoosh import index as windex
        from whoosh import qparser

        self.ix = windex.open_dir(str(folder))
        self.searcher = self.ix.searcher()
        fields = ["title", "body"]
        self.all_words = qparser.MultifieldParser(fields, self.ix.schema)
        self.any_word = qparser.MultifieldParser(fields, self.ix.schema, group=qparser.OrGroup)

    def search(self, text: str) -> list[tuple[str, str]]:
        words = " ".join(query_words(text))
        if not words:
            return []
        results = self.searcher.search(self.all_words.parse(words), limit=LIMIT)
        if results.is_empty():
            results = self.searcher.search(self.any_word.parse(words), limit=LIMIT)
        return [(hit["key"], hit.highlights("body")) for hit in results]

    def close(self) -> None:
        self.searcher.close()
        self.ix.close()


class Fts5Baseline:
    SQL = ("SELECT key, snippet(docs, 2, '<mark>', '</mark>', '…', 24) FROM docs "
           f"WHERE docs MATCH ? ORDER BY bm25(docs, 0.0, {TITLE_BOOST}, 1.0) LIMIT {LIMIT}")

    def __init__(self, folder: Path) -> None:
        self.con = sqlite3.connect(folder / "fts.db")
        self.con.execute("SELECT name FROM sqlite_master").fetchall()

    def search(self, text: str) -> list[tuple[str, str]]:
        quoted = [f'"{w}"' for w in query_words(text)]
        if not quoted:
            return []
        rows = self.con.execute(self.SQL, (" ".join(quoted),)).fetchall()
        if not rows:
            rows = self.con.execute(self.SQL, (" OR ".join(quoted),)).fetchall()
        return [(str(key), str(snippet)) for key, snippet in rows]

    def close(self) -> None:
        self.con.close()


class LanternEngine:
    def __init__(self, index: Any) -> None:
        self.index = index

    def cold(self) -> None:
        """Forget what the index keeps decoded from one search to the next: the timed
        pass repeats the warm-up's questions, and a reader asks each once."""
        forget = getattr(self.index, "forget_kept", None)
        if forget is not None:
            forget()

    def search(self, text: str) -> list[tuple[str, str]]:
        response = self.index.search(text, limit=LIMIT)
        return [(f"{r.kind}:{r.id}", r.snippet) for r in response.results]

    def close(self) -> None:
        self.index.close()


class StepTimers:
    """Wraps Lantern's internal search steps in timers, for the diagnostic pass only.

    The names are private to the engine: a step that no longer exists is left out of the
    report rather than failing the benchmark.
    """

    STEPS: ClassVar[dict[str, str]] = {
        "_build": "query building (analysis, vocabulary look-ups)",
        "_run": "matching and scoring (Whoosh collector, fuzzy expansion)",
        "_result": "results (stored fields, matched terms, snippet)",
        "highlight": "of which: snippet (marking the matched words)",
        "_did_you_mean": "did-you-mean (spelling corrector)",
    }

    def __init__(self, index: Any) -> None:
        self.index = index
        self.spent: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self.longest_run = 0.0
        self._undo: list[Callable[[], None]] = []
        for name in ("_build", "_run", "_result", "_did_you_mean"):
            original = getattr(index, name, None)
            if callable(original):
                setattr(index, name, self._wrap(name, original))
                self._undo.append(lambda n=name: delattr(index, n))
        snippets = getattr(index, "_snippets", None)
        if snippets is not None and callable(getattr(snippets, "make", None)):
            snippets.make = self._wrap("highlight", snippets.make)
            self._undo.append(lambda: delattr(snippets, "make"))

    def _wrap(self, name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = now()
            try:
                return original(*args, **kwargs)
            finally:
                spent = now() - started
                self.spent[name] = self.spent.get(name, 0.0) + spent
                self.calls[name] = self.calls.get(name, 0) + 1
                if name == "_run":
                    self.longest_run = max(self.longest_run, spent)

        return timed

    def reset(self) -> None:
        self.spent = {}
        self.calls = {}
        self.longest_run = 0.0

    def restore(self) -> None:
        for undo in self._undo:
            undo()


def segment_count(index: Any) -> int:
    """How many Whoosh segments Lantern's index has (0 if that cannot be seen)."""
    try:
        return int(index.segment_count)
    except Exception:
        return 0


def timed_passes(engine: Any, queries: list[str]) -> dict[str, Any]:
    for text in queries:  # warm-up
        engine.search(text)
    rss_warm = peak_rss_mb()
    times, keys, snippets = [], [], 0
    cold = getattr(engine, "cold", None)
    for text in queries:
        if cold is not None:
            cold()
        started = now()
        hits = engine.search(text)
        times.append((now() - started) * 1000)
        keys.append([key for key, _ in hits])
        snippets += sum(1 for _, snippet in hits if snippet)
    return {"ms": times, "keys": keys, "snippets": snippets, "rss_warm_mb": rss_warm}


def diagnostic_pass(engine: LanternEngine, texts: list[str]) -> list[dict[str, float]]:
    """Each query once more, with the time of each of Lantern's steps."""
    timers = StepTimers(engine.index)
    steps = []
    try:
        for text in texts:
            timers.reset()
            started = now()
            engine.search(text)
            row = {name: spent * 1000 for name, spent in timers.spent.items()}
            row.update({f"{name}#": calls for name, calls in timers.calls.items()})
            row["total"] = (now() - started) * 1000
            row["longest_run"] = timers.longest_run * 1000
            steps.append(row)
    finally:
        timers.restore()
    return steps


def query_lantern(spec: dict[str, Any]) -> dict[str, Any]:
    load_library, open_index = _lantern_imports()
    queries = json.loads(Path(spec["queries"]).read_text(encoding="utf-8"))
    texts = [q["text"] for q in queries]
    started = now()
    library = load_library(Path(spec["pack"]))
    load_s = now() - started
    cache = Path(spec["index"])
    opens, reindexed = [], 0

    def progress(done: int, total: int) -> None:
        nonlocal reindexed
        reindexed += 1

    index = None
    for _ in range(3):
        if index is not None:
            index.close()
        started = now()
        index = open_index(library, cache, progress)
        opens.append((now() - started) * 1000)
    engine = LanternEngine(index)
    rss_open = peak_rss_mb()
    started = now()
    engine.search(texts[0])
    first_ms = (now() - started) * 1000
    result = timed_passes(engine, texts)
    rss_end = peak_rss_mb()
    steps = diagnostic_pass(engine, texts)
    engine.close()
    result.update(load_s=load_s, open_ms=opens, reindexed_on_open=reindexed,
                  in_memory=index.location is None, segments=segment_count(index),
                  first_ms=first_ms, rss_open_mb=rss_open, rss_mb=rss_end, steps=steps)
    return result


def query_baseline(spec: dict[str, Any]) -> dict[str, Any]:
    queries = json.loads(Path(spec["queries"]).read_text(encoding="utf-8"))
    texts = [q["text"] for q in queries]
    kind = WhooshBaseline if spec["engine"] == "whoosh" else Fts5Baseline
    if spec["engine"] == "whoosh":
        import whoosh.highlight
        import whoosh.index
        import whoosh.qparser  # noqa: F401  (imported before timing, as Lantern's is)
    opens = []
    engine = None
    for _ in range(3):
        if engine is not None:
            engine.close()
        started = now()
        engine = kind(Path(spec["index"]))
        opens.append((now() - started) * 1000)
    assert engine is not None
    rss_open = peak_rss_mb()
    started = now()
    engine.search(texts[0])
    first_ms = (now() - started) * 1000
    result = timed_passes(engine, texts)
    result.update(open_ms=opens, first_ms=first_ms, rss_open_mb=rss_open,
                  rss_mb=peak_rss_mb())
    engine.close()
    return result


def phase_update(spec: dict[str, Any]) -> dict[str, Any]:
    """Re-open unchanged, then change one FAQ file and re-open; the pack is restored after."""
    load_library, open_index = _lantern_imports()
    pack, cache = Path(spec["pack"]), Path(spec["index"])
    counted: list[int] = []

    def progress(done: int, total: int) -> None:
        counted.append(total)

    def reopen() -> tuple[Any, float, float]:
        started = now()
        library = load_library(pack)
        load_s = now() - started
        started = now()
        index = open_index(library, cache, progress)
        return index, load_s, now() - started

    def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
        return {str(f): (f.stat().st_size, f.stat().st_mtime_ns)
                for f in folder.rglob("*") if f.is_file()}

    index, _, _ = reopen()  # make sure the index matches the pack before measuring
    location = index.location
    index.close()
    before = snapshot(location) if location else {}
    counted.clear()
    index, load_s, unchanged_s = reopen()
    on_disk = [index.location is not None]
    index.close()
    unchanged_groups = len(counted)
    untouched = (snapshot(location) if location else {}) == before

    faqs = sorted((pack / "faq").glob("*.md"))
    target = faqs[len(faqs) // 2]
    original = target.read_text(encoding="utf-8")
    updates = []
    try:
        target.write_text(original.rstrip("\n") + f"\n\nUpdated: {MARKER_WORD}.\n",
                          encoding="utf-8")
        counted.clear()
        index, changed_load_s, changed_s = reopen()
        found = [r.id for r in index.search(MARKER_WORD).results]
        on_disk.append(index.location is not None)
        index.close()
        updates.append({"load_s": changed_load_s, "open_s": changed_s,
                        "groups": len(counted), "found": found == [target.stem]})
    finally:
        target.write_text(original, encoding="utf-8")
    counted.clear()
    index, restored_load_s, restored_s = reopen()
    gone = not index.search(MARKER_WORD).results
    on_disk.append(index.location is not None)
    updates.append({"load_s": restored_load_s, "open_s": restored_s,
                    "groups": len(counted), "found": gone})
    # The same queries again, on the index as the two updates left it.
    queries = json.loads(Path(spec["queries"]).read_text(encoding="utf-8"))
    texts = [q["text"] for q in queries]
    after = timed_passes(LanternEngine(index), texts)
    steps_after = diagnostic_pass(LanternEngine(index), texts)
    segments = segment_count(index)
    index.close()
    return {"load_s": load_s, "unchanged_s": unchanged_s, "unchanged_groups": unchanged_groups,
            "untouched": untouched, "changed_file": target.name, "updates": updates,
            "on_disk": all(on_disk), "segments_after": segments, "ms_after": after["ms"],
            "keys_after": after["keys"], "steps_after": steps_after}


PHASES: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "export": phase_export,
    "build-lantern": build_lantern, "build-whoosh": build_whoosh, "build-fts5": build_fts5,
    "query-lantern": query_lantern, "query-whoosh": query_baseline,
    "query-fts5": query_baseline, "update": phase_update,
}


def run_phase(name: str, spec: dict[str, Any], inline: bool) -> dict[str, Any]:
    """Run one phase in a fresh interpreter (or here, with --inline) and return its figures."""
    if inline:
        return PHASES[name](spec)
    out = Path(spec["work"]) / f"phase-{os.getpid()}-{name}.json"
    command = [sys.executable, str(Path(__file__).resolve()), "--phase", name,
               "--spec", json.dumps(spec), "--phase-out", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"phase {name} failed:\n{done.stderr[-3000:]}")
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    return data


# --- queries and relevance -------------------------------------------------------------


def make_queries(size: str, count: int | None) -> list[dict[str, str]]:
    if size == "bundled":
        return [{"text": q, "set": "reader", "qid": ""} for q in READER_QUERIES[:count]]
    questions = corpora.liveqa_questions()[:count]
    # Three questions have no paraphrase; their NLM summary stands in for it.
    queries = [{"text": q.get("paraphrase", "").strip() or q.get("summary", "").strip(),
                "set": "paraphrase", "qid": q["query_id"]} for q in questions]
    queries = [q for q in queries if q["text"]]
    queries += [{"text": q["subject"], "set": "subject", "qid": q["query_id"]}
                for q in questions if q.get("subject", "").strip()]
    return queries


def relevance(
    keys: list[list[str]], queries: list[dict[str, str]], judged: corpora.Judgements,
    query_set: str, min_grade: int,
) -> dict[str, float]:
    """hit@10 and MRR@10 (relevant = grade ≥ min_grade) and nDCG@10 (gain = grade - 1)."""
    hits = reciprocal = ndcg = 0.0
    scored = graded = 0
    for query, found in zip(queries, keys, strict=True):
        if query["set"] != query_set:
            continue
        qid, top = query["qid"], found[:LIMIT]
        relevant = judged.relevant(qid, min_grade)
        if relevant:
            scored += 1
            rank = next((i for i, k in enumerate(top, 1) if judged.root(k) in relevant), 0)
            hits += 1 if rank else 0
            reciprocal += 1 / rank if rank else 0
        ideal_gains = sorted((g - 1 for g in judged.grades.get(qid, {}).values()), reverse=True)
        ideal = sum(g / math.log2(i + 2) for i, g in enumerate(ideal_gains[:LIMIT]))
        if ideal > 0:
            graded += 1
            seen: set[str] = set()
            dcg = 0.0
            for i, key in enumerate(top):
                root = judged.root(key)
                if root not in seen:
                    seen.add(root)
                    dcg += max(0, judged.gain(qid, key) - 1) / math.log2(i + 2)
            ndcg += dcg / ideal
    return {"hit": hits / scored if scored else float("nan"),
            "mrr": reciprocal / scored if scored else float("nan"), "questions": scored,
            "ndcg": ndcg / graded if graded else float("nan"), "graded": graded}


# --- the run ---------------------------------------------------------------------------


def run_corpus(size: str, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    def say(message: str) -> None:
        print(f"[{size}] {message}", file=sys.stderr, flush=True)

    started = now()
    pack = corpora.make_pack(size, work)
    folder = work / f"corpus-{size}"
    folder.mkdir(parents=True, exist_ok=True)
    docs, queries_file = folder / "docs.jsonl", folder / "queries.json"
    queries = make_queries(size, args.queries)
    write_json(queries_file, queries)
    base = {"work": str(work), "pack": str(pack), "docs": str(docs),
            "queries": str(queries_file)}
    out: dict[str, Any] = {"size": size, "queries": queries}
    out["export"] = run_phase("export", base, args.inline)
    say(f"pack ready in {now() - started:.1f} s: {out['export']['docs']} documents, "
        f"{out['export']['errors']} content errors; {len(queries)} queries")
    for engine in ENGINES:
        spec = dict(base, engine=engine, index=str(folder / f"index-{engine}"))
        out[f"build-{engine}"] = run_phase(f"build-{engine}", spec, args.inline)
        say(f"{engine} built in {out[f'build-{engine}']['build_s']:.1f} s")
        out[f"query-{engine}"] = run_phase(f"query-{engine}", spec, args.inline)
        ms = out[f"query-{engine}"]["ms"]
        say(f"{engine} searched: p50 {median(ms):.1f} ms, p95 {percentile(ms, 0.95):.1f} ms")
    if size != "bundled":
        spec = dict(base, index=str(folder / "index-lantern"))
        out["update"] = run_phase("update", spec, args.inline)
        say(f"update: one file {out['update']['updates'][0]['open_s']:.2f} s")
    judged_all = size == "medquad" or (size.isdigit() and int(size) >= corpora.MEDQUAD_RECORDS)
    if judged_all:
        judged = corpora.load_judgements()
        out["relevance"] = {
            engine: {
                f"{query_set}-{grade}": relevance(out[f"query-{engine}"]["keys"], queries,
                                                  judged, query_set, grade)
                for query_set in ("paraphrase", "subject") for grade in (3, 2)
            }
            for engine in ENGINES
        }
    out["wall_s"] = now() - started
    return out


# --- the report ------------------------------------------------------------------------


def fmt(value: float, unit: str = "") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, int):
        return f"{value:,}"
    if unit == "ratio":
        return f"{value:.2f}×"
    if unit == "score":
        return f"{value:.3f}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def timing_table(data: dict[str, Any]) -> list[str]:
    q = {e: data[f"query-{e}"] for e in ENGINES}
    b = {e: data[f"build-{e}"] for e in ENGINES}
    sets = sorted({query["set"] for query in data["queries"]})
    rows: list[tuple[str, list[float], str, str]] = []  # figure, values, unit, target

    def add(figure: str, values: list[float], unit: str = "", target: str = "") -> None:
        rows.append((figure, values, unit, target))

    def by_set(engine: str, query_set: str) -> list[float]:
        return [ms for ms, query in zip(q[engine]["ms"], data["queries"], strict=True)
                if query["set"] == query_set]

    nan = float("nan")
    add("documents indexed", [b[e]["docs"] for e in ENGINES])
    add("load pack (`load_library`), s", [b["lantern"]["load_s"], nan, nan])
    add("cold build, s", [b[e]["build_s"] for e in ENGINES], target="report")
    add("… of which adding documents, s", [b[e]["adding_s"] for e in ENGINES])
    add("… of which commit (merge, write), s", [b[e]["commit_s"] for e in ENGINES])
    add("(Lantern document preparation alone, s)", [b["lantern"]["prepare_s"], nan, nan])
    add("index size, MB", [b[e]["size_mb"] for e in ENGINES])
    add("warm open, ms (median of 3)", [median(q[e]["open_ms"]) for e in ENGINES])
    add("first query after open, ms", [q[e]["first_ms"] for e in ENGINES])
    all_p95 = [percentile(q[e]["ms"], 0.95) for e in ENGINES]
    add(f"search p50, ms ({len(data['queries'])} queries, top 10 + snippets)",
        [median(q[e]["ms"]) for e in ENGINES])
    verdict = "met" if all_p95[0] <= P95_TARGET * all_p95[2] else "**not met**"
    add("search p95, ms", all_p95, target=f"≤ {P95_TARGET:g}× FTS5: {verdict}")
    add("search max, ms", [max(q[e]["ms"]) for e in ENGINES])
    if len(sets) > 1:
        for query_set in sets:
            n = len(by_set("lantern", query_set))
            add(f"… {query_set} queries ({n}): p50, ms",
                [median(by_set(e, query_set)) for e in ENGINES])
            add(f"… {query_set} queries ({n}): p95, ms",
                [percentile(by_set(e, query_set), 0.95) for e in ENGINES])
    add("queries with no result", [sum(1 for k in q[e]["keys"] if not k) for e in ENGINES])
    add("results returned (all queries)", [sum(len(k) for k in q[e]["keys"]) for e in ENGINES])
    add("… of which with a snippet", [q[e]["snippets"] for e in ENGINES])
    add("peak RSS, build process, MB", [b[e]["rss_mb"] for e in ENGINES], target="report")
    add("peak RSS after open, MB", [q[e]["rss_open_mb"] for e in ENGINES])
    add("peak RSS after the warm-up pass, MB", [q[e]["rss_warm_mb"] for e in ENGINES])
    add("peak RSS after the timed pass, MB", [q[e]["rss_mb"] for e in ENGINES], target="flat")
    if b["lantern"].get("in_memory") or q["lantern"].get("in_memory") or (
            "update" in data and not data["update"].get("on_disk", True)):
        add("**Lantern fell back to an index in memory (cache busy or unwritable)**",
            [1, nan, nan])
    if q["lantern"]["reindexed_on_open"]:
        add("items re-indexed on warm open (should be 0)",
            [q["lantern"]["reindexed_on_open"], nan, nan])
    if "update" in data:
        u = data["update"]
        first = u["updates"][0]
        nothing = u["unchanged_groups"] == 0 and u["untouched"]
        add("re-open unchanged pack: `open_index`, ms", [u["unchanged_s"] * 1000, nan, nan],
            target="nothing re-indexed: " + ("yes" if nothing else "**no**"))
        add("… `load_library` before it, s", [u["load_s"], nan, nan])
        verdict = "met" if first["open_s"] < UPDATE_TARGET_S and first["found"] else "**not met**"
        add(f"one FAQ changed: `open_index`, s ({first['groups']} item re-indexed)",
            [first["open_s"], nan, nan], target=f"< {UPDATE_TARGET_S:g} s: {verdict}")
        add("… `load_library` before it, s", [first["load_s"], nan, nan])
        add("… changed back: `open_index`, s", [u["updates"][1]["open_s"], nan, nan])
        segments = f"{u['segments_after']} segments, was {q['lantern'].get('segments', 0)}"
        after_p95 = percentile(u["ms_after"], 0.95)
        verdict = "met" if after_p95 <= P95_TARGET * all_p95[2] else "**not met**"
        add(f"search p50 after those two updates, ms ({segments})",
            [median(u["ms_after"]), nan, median(q["fts5"]["ms"])])
        add("search p95 after those two updates, ms", [after_p95, nan, all_p95[2]],
            target=f"≤ {P95_TARGET:g}× FTS5: {verdict}")
    if "relevance" in data:
        rel = data["relevance"]
        for key, label in (("paraphrase", "LiveQA paraphrases"), ("subject", "LiveQA subjects")):
            for grade in (3, 2):
                cell = {e: rel[e][f"{key}-{grade}"] for e in ENGINES}
                n = cell["lantern"]["questions"]
                for metric in ("hit", "mrr"):
                    values = [cell[e][metric] for e in ENGINES]
                    ahead = values[0] >= max(values[1:])
                    add(f"{label}: {metric.replace('hit', 'hit@10').replace('mrr', 'MRR@10')}"
                        f", grade ≥ {grade} ({n} questions)", values, "score",
                        "≥ baselines: " + ("yes" if ahead else "**no**"))
            cell = {e: rel[e][f"{key}-3"] for e in ENGINES}
            values = [cell[e]["ndcg"] for e in ENGINES]
            add(f"{label}: nDCG@10, gain = grade − 1 ({cell['lantern']['graded']} questions)",
                values, "score", "≥ baselines: " + ("yes" if values[0] >= max(values[1:])
                                                    else "**no**"))
    lines = ["| figure | Lantern | plain Whoosh | FTS5 | Lantern / FTS5 | target |",
             "|---|---:|---:|---:|---:|---|"]
    for figure, values, unit, target in rows:
        lantern, fts5 = values[0], values[2]
        ratio = lantern / fts5 if fts5 and not math.isnan(fts5) and not math.isnan(lantern) \
            else float("nan")
        cells = [fmt(v, unit) for v in values]
        lines.append(f"| {figure} | {' | '.join(cells)} | {fmt(ratio, 'ratio')} | {target} |")
    return lines


def step_table(steps: list[dict[str, float]], title: str) -> list[str]:
    """Where Lantern's search time goes, step by step."""
    names = [n for n in StepTimers.STEPS if any(n in row for row in steps)]
    total = sum(row["total"] for row in steps) or 1.0
    lines = [f"| {title} ({len(steps)} queries) | share of search time | queries using it "
             "| calls per such query | p50 ms | p95 ms | max ms |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    counted = [n for n in names if n != "highlight"]
    rest = [row["total"] - sum(row.get(n, 0.0) for n in counted) for row in steps]
    for name in [*names, "rest"]:
        if name == "rest":
            label, used, calls = ("everything else (cleaning, concept spans, grouping, "
                                  "fallbacks)"), rest, 0
        else:
            label = StepTimers.STEPS[name]
            used = [row[name] for row in steps if row.get(f"{name}#")]
            calls = sum(row.get(f"{name}#", 0) for row in steps)
        lines.append(f"| {label} | {100 * sum(used) / total:.0f} % | {len(used)} | "
                     f"{f'{calls / len(used):.1f}' if calls else '–'} | {fmt(median(used))} | "
                     f"{fmt(percentile(used, 0.95))} | {fmt(max(used) if used else 0.0)} |")
    return lines


def steps_tables(data: dict[str, Any]) -> list[str]:
    """Lantern's steps, its slowest queries, and its steps again after two updates."""
    steps = data["query-lantern"]["steps"]
    fts5 = data["query-fts5"]["ms"]
    lines = step_table(steps, "Lantern step")
    slow = sorted(range(len(steps)), key=lambda i: steps[i]["total"], reverse=True)[:8]
    limited = sum(1 for row in steps if row["longest_run"] >= 450)
    lines += ["", f"Slowest Lantern queries (diagnostic pass; {limited} of {len(steps)} "
              "queries had a matching step ≥ 450 ms, near the 0.5 s time limit):", "",
              "| query | total ms | build | match (runs) | results (highlight) | did you mean | "
              "FTS5 ms |", "|---|---:|---:|---:|---:|---:|---:|"]
    for i in slow:
        row, text = steps[i], data["queries"][i]["text"].replace("|", "/")
        text = text if len(text) <= 70 else text[:67] + "…"
        lines.append(
            f"| {text} | {fmt(row['total'])} | {fmt(row.get('_build', 0.0))} | "
            f"{fmt(row.get('_run', 0.0))} ({row.get('_run#', 0)}) | "
            f"{fmt(row.get('_result', 0.0))} "
            f"({fmt(row.get('highlight', 0.0))}) | {fmt(row.get('_did_you_mean', 0.0))} | "
            f"{fmt(fts5[i])} |")
    if "update" in data and data["update"].get("steps_after"):
        lines += ["", *step_table(data["update"]["steps_after"],
                                  "Lantern step, after the two one-file updates")]
    return lines


def machine_line() -> str:
    import whoosh

    return (f"machine: {os.cpu_count()} CPUs, {platform.machine()}, Python "
            f"{platform.python_version()}, {platform.platform()}; whoosh "
            f"{whoosh.versionstring()}, SQLite {sqlite3.sqlite_version}")


def code_state() -> dict[str, str]:
    """Which Lantern was measured: the commit, and a digest of the search package as run."""
    digest = hashlib.sha256()
    package = corpora.REPO / "app" / "lantern" / "core" / "search"
    for path in sorted(package.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    commit = ""
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        done = subprocess.run(["git", "-C", str(corpora.REPO), "log", "-1", "--format=%h %s"],
                              capture_output=True, text=True, check=False, timeout=10)
        commit = done.stdout.strip()
        dirty = subprocess.run(["git", "-C", str(corpora.REPO), "status", "--porcelain",
                                "--", "app/lantern/core"], capture_output=True, text=True,
                               check=False, timeout=10).stdout.strip()
        if dirty:
            commit += " (+ uncommitted changes in app/lantern/core)"
    return {"commit": commit, "search_digest": digest.hexdigest()[:12]}


def report(results: list[dict[str, Any]], run: dict[str, Any]) -> str:
    code = run["code_before"]
    lines = [run["machine"], f"code: {code['commit']}; search package digest "
             f"{code['search_digest']}", ""]
    if run["code_after"]["search_digest"] != code["search_digest"]:
        lines += ["**Warning: lantern/core/search changed during the run "
                  f"(digest {run['code_after']['search_digest']} at the end).**", ""]
    for data in results:
        size = data["size"]
        export = data["export"]
        lines += [f"### {corpora.size_label(size)}", "",
                  f"{export['items']:,} items → {export['docs']:,} index documents; "
                  f"{len(data['queries'])} queries; content errors: {export['errors']}; "
                  f"corpus wall time {data['wall_s']:.0f} s.", ""]
        lines += timing_table(data)
        lines += ["", *steps_tables(data), ""]
    if any(d["size"] != "bundled" for d in results):
        lines += [corpora.MEDQUAD_CREDIT, corpora.LIVEQA_CREDIT]
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="bundled,1000,10000,medquad",
                        help="comma-separated: bundled, a number of MedQuAD records, medquad")
    parser.add_argument("--queries", type=int, default=None,
                        help="use only the first N reader queries / LiveQA questions")
    parser.add_argument("--work", type=Path, default=None,
                        help="scratch folder for packs, indexes and results (default: new temp)")
    parser.add_argument("--json", type=Path, default=None, help="also write raw results here")
    parser.add_argument("--report", type=Path, default=None,
                        help="print the tables of a file written by --json, run nothing")
    parser.add_argument("--inline", action="store_true",
                        help="run every phase in this process (quicker; memory figures mixed)")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--spec", help=argparse.SUPPRESS)
    parser.add_argument("--phase-out", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.phase:
        write_json(Path(args.phase_out), PHASES[args.phase](json.loads(args.spec)))
        return 0
    if args.report:
        saved = json.loads(args.report.read_text(encoding="utf-8"))
        print(report(saved["corpora"], saved["run"]))
        return 0
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    for size in sizes:
        if size not in ("bundled", "medquad") and not size.isdigit():
            raise SystemExit(f"unknown size {size!r}: use bundled, medquad or a number")
        if size != "bundled" and not corpora.medquad_available():
            raise SystemExit(f"MedQuAD not found at {corpora.medquad_dir()} "
                             f"(set {corpora.MEDQUAD_ENV})")
    work = args.work or Path(tempfile.mkdtemp(prefix="lantern-search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"work folder: {work}", file=sys.stderr, flush=True)
    run = {"machine": machine_line(), "code_before": code_state(),
           "command": " ".join(["python bench/search.py", *(argv or sys.argv[1:])])}
    results = [run_corpus(size, args, work) for size in sizes]
    run["code_after"] = code_state()
    if args.json:
        args.json.write_text(json.dumps({"run": run, "corpora": results}), encoding="utf-8")
    print(report(results, run))
    return 0


if __name__ == "__main__":
    sys.exit(main())
