"""Search in one process: Lantern and SQLite FTS5 interleaved query by query.

    python bench/paired.py [--sizes bundled,1000,10000,medquad] [--passes 3] [--work DIR]

Both engines are opened once on prebuilt indexes of the same documents (FTS5 gets what
Lantern indexes, as in bench/search.py: `porter unicode61`, `bm25()` with title weight 2,
`snippet()` of the body). Each query is asked of both, one right after the other (which
goes first alternates), so both see the same machine at the same moment; the ratio of
p95s is taken within each pass, and the table gives the median over the passes.

FTS5 is given the content words Lantern searches: the query's words without stop words
and, when other words remain, without the question words Lantern drops ("what", "how",
"does"…), every word required and, when that finds nothing, any of them. Lantern is
asked the query as typed, `SearchIndex.search(q, limit=10)` with snippets. On MedQuAD
packs the passes are repeated after one FAQ file was changed and the index brought up to
date (the state a pack is in after an edit; the table says how many segments the index
had: a scratch folder used again keeps the edits of the runs before). Each question is
asked of Lantern cold: what it keeps decoded from one search to the next (the posting
lists of the words searched last, which typing a query searches again at every key) is
dropped before each question, since the passes repeat the questions and a reader does
not. Relevance (LiveQA judgements,
full MedQuAD pack) is computed from the first pass. Prints the machine, its load, and one
table.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpora
from search import LIMIT, TITLE_BOOST, make_queries, percentile, relevance

WORD = re.compile(r"\w+(?:[-.]\w+)*")
TARGET = 2.0


def question_words() -> frozenset[str]:
    """The question words Lantern drops, wherever its search code keeps them."""
    from lantern.core import search

    for name in ("policy", "query", "engine"):
        module = getattr(search, name, None)
        if module is None:
            try:
                module = __import__(f"lantern.core.search.{name}", fromlist=["_"])
            except ImportError:
                continue
        words = getattr(module, "QUESTION_WORDS", None)
        if words:
            return frozenset(words)
    return frozenset()


def content_words(text: str, dropped: frozenset[str], stop: frozenset[str]) -> list[str]:
    words = [w.lower() for w in WORD.findall(text)]
    words = [w for w in words if w not in stop]
    content = [w for w in words if w not in dropped]
    return list(dict.fromkeys(content or words))


class Fts5:
    SQL = ("SELECT key, snippet(docs, 2, '<mark>', '</mark>', '…', 24) FROM docs "
           f"WHERE docs MATCH ? ORDER BY bm25(docs, 0.0, {TITLE_BOOST}, 1.0) LIMIT {LIMIT}")

    def __init__(self, path: Path, library: Any) -> None:
        from lantern.core.search.documents import iter_documents

        fresh = not path.exists()
        self.con = sqlite3.connect(path)
        if fresh:
            self.con.execute("CREATE VIRTUAL TABLE docs USING fts5(key UNINDEXED, title, "
                             "body, tokenize='porter unicode61')")
            with self.con:
                self.con.executemany(
                    "INSERT INTO docs(key, title, body) VALUES (?, ?, ?)",
                    ((d.group, d.title,
                      "\n".join(p for p in (d.heading, d.aliases, d.body) if p))
                     for d in iter_documents(library)))
                self.con.execute("INSERT INTO docs(docs) VALUES ('optimize')")

    def search(self, words: list[str]) -> list[str]:
        quoted = [f'"{w}"' for w in words]
        if not quoted:
            return []
        rows = self.con.execute(self.SQL, (" ".join(quoted),)).fetchall()
        if not rows:
            rows = self.con.execute(self.SQL, (" OR ".join(quoted),)).fetchall()
        return [str(key) for key, _snippet in rows]


def one_pass(index: Any, fts: Fts5, queries: list[dict[str, Any]]) -> dict[str, Any]:
    lantern_ms, fts_ms, keys = [], [], []
    for n, query in enumerate(queries):
        order = ("lantern", "fts") if n % 2 == 0 else ("fts", "lantern")
        for engine in order:
            started = time.perf_counter()
            if engine == "lantern":
                index.forget_kept()  # cold: the passes repeat the questions, readers do not
                started = time.perf_counter()
                response = index.search(query["text"], limit=LIMIT)
                lantern_ms.append((time.perf_counter() - started) * 1000)
                keys.append([f"{r.kind}:{r.id}" for r in response.results])
            else:
                fts.search(query["words"])
                fts_ms.append((time.perf_counter() - started) * 1000)
    return {"lantern": lantern_ms, "fts": fts_ms, "keys": keys}


def change_one_faq(pack: Path) -> None:
    faq = sorted((pack / "faq").glob("*.md"))[0]
    faq.write_text(faq.read_text(encoding="utf-8") + "\nChanged for the benchmark.\n",
                   encoding="utf-8")


def run_size(size: str, passes: int, work: Path) -> dict[str, Any]:
    from whoosh.analysis import STOP_WORDS

    from lantern.core.library_cache import load_library_cached
    from lantern.core.search import open_index

    pack = corpora.make_pack(size, work / "packs")
    if size != "bundled":  # a private copy, so changing one file leaves the pack as made
        import shutil

        copy = work / "edited" / pack.name
        if not copy.exists():
            shutil.copytree(pack, copy)
        pack = copy
    cache = work / "cache" / size
    library = load_library_cached([pack], cache)
    index = open_index(library, cache)
    fts = Fts5(cache / "fts5.db", library)
    dropped, stop = question_words(), frozenset(STOP_WORDS)
    queries = [dict(q, words=content_words(q["text"], dropped, stop))
               for q in make_queries(size, None)]
    one_pass(index, fts, queries)  # warm-up
    segments = {"as built": index.segment_count}
    states = {"as built": [one_pass(index, fts, queries) for _ in range(passes)]}
    if size != "bundled":
        change_one_faq(pack)
        index.close()
        library = load_library_cached([pack], cache)
        index = open_index(library, cache)
        one_pass(index, fts, queries)
        segments["after one FAQ changed"] = index.segment_count
        states["after one FAQ changed"] = [one_pass(index, fts, queries) for _ in range(passes)]
    index.close()
    result: dict[str, Any] = {"size": size, "queries": len(queries), "states": {}}
    for state, runs in states.items():
        ratios = sorted(percentile(r["lantern"], 0.95) / percentile(r["fts"], 0.95)
                        for r in runs)
        result["states"][state] = {
            "segments": segments[state],
            "lantern_p50": percentile([percentile(r["lantern"], 0.5) for r in runs], 0.5),
            "lantern_p95": percentile([percentile(r["lantern"], 0.95) for r in runs], 0.5),
            "fts_p50": percentile([percentile(r["fts"], 0.5) for r in runs], 0.5),
            "fts_p95": percentile([percentile(r["fts"], 0.95) for r in runs], 0.5),
            "ratio": percentile(ratios, 0.5), "ratio_min": ratios[0], "ratio_max": ratios[-1],
        }
    if size == "medquad":
        judged = corpora.load_judgements()
        keys = states["as built"][0]["keys"]
        result["relevance"] = {
            (query_set, grade): relevance(keys, queries, judged, query_set, grade)
            for query_set in ("paraphrase", "subject") for grade in (3, 2)}
    return result


def report(results: list[dict[str, Any]], passes: int, before: str) -> str:
    lines = [f"{corpora.machine_line(before)}; {passes} timed passes after one "
             "warm-up pass, medians over the passes", "",
             "| pack | state | index segments | queries | Lantern p50 / p95 ms | "
             f"FTS5 p50 / p95 ms | p95 ratio (range over passes) | target ≤ {TARGET} |",
             "|---|---|---:|---:|---:|---:|---:|---|"]
    for r in results:
        for state, s in r["states"].items():
            met = "met" if s["ratio"] <= TARGET else "not met"
            lines.append(
                f"| {corpora.size_label(r['size'])} | {state} | {s['segments']} | "
                f"{r['queries']} | "
                f"{s['lantern_p50']:.1f} / {s['lantern_p95']:.1f} | {s['fts_p50']:.1f} / "
                f"{s['fts_p95']:.1f} | {s['ratio']:.2f} ({s['ratio_min']:.2f}–"
                f"{s['ratio_max']:.2f}) | {met} |")
    for r in results:
        if "relevance" in r:
            lines += ["", "| LiveQA (Lantern, first pass) | grade | questions | hit@10 | "
                      "MRR@10 | nDCG@10 |", "|---|---:|---:|---:|---:|---:|"]
            for (query_set, grade), rel in r["relevance"].items():
                lines.append(f"| {query_set} | ≥ {grade} | {rel['questions']} | "
                             f"{rel['hit']:.3f} | {rel['mrr']:.3f} | {rel['ndcg']:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="bundled,1000,10000,medquad")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--work", type=Path, help="scratch folder (default: a new one)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="lantern-paired-"))
    before = corpora.load_average()
    results = [run_size(size, args.passes, work) for size in args.sizes.split(",") if size]
    print(report(results, args.passes, before))
    if any(r["size"] != "bundled" for r in results):
        print()
        print(corpora.MEDQUAD_CREDIT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
