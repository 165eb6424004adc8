"""Content packs for the search benchmark.

* `bundled`: Lantern's own pack (`content/`), used as it is.
* MedQuAD: the 16 423 NIH question–answer pairs of ../shared/corpora/medquad, written as a
  Lantern pack with one FAQ per record (the question as `question`, the answer as the body,
  `topics: [medquad]`, and as `aliases` the record's topic and the other names MedQuAD
  lists for it, as a careful pack author would declare them). A size is either a number
  (the first N records) or `medquad` (all).

MedQuAD is never copied into the repository: packs are written to a scratch folder given
by the caller. The corpus folder is found through `LANTERN_MEDQUAD_DIR`, else at
`../shared/corpora/medquad` next to the repository.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
BUNDLED_PACK = REPO / "content"
MEDQUAD_ENV = "LANTERN_MEDQUAD_DIR"
MEDQUAD_RECORDS = 16423
MEDQUAD_CREDIT = (
    "Contains data from MedQuAD (Asma Ben Abacha and Dina Demner-Fushman, \"A "
    "Question-Entailment Approach to Question Answering\", BMC Bioinformatics 20:511, 2019), "
    "licensed CC BY 4.0, https://github.com/abachaa/MedQuAD. Converted and reformatted."
)
LIVEQA_CREDIT = (
    "Queries: LiveQA-Med 2017 test questions (Ben Abacha, Agichtein, Pinter and "
    "Demner-Fushman, \"Overview of the Medical Question Answering Task at TREC 2017 "
    "LiveQA\", TREC 2017), used for evaluation only and never indexed."
)


def load_average() -> str:
    """The machine's load average over 1, 5 and 15 minutes."""
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


def machine_line(before: str, extra: str = "") -> str:
    """The machine, and its load before the run (`before`) and now."""
    import platform

    return (f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, {platform.system()}{extra}; load average "
            f"(1 / 5 / 15 min) before {before}, after {load_average()}")


def medquad_dir() -> Path:
    """The converted MedQuAD folder (it holds medquad_docs.jsonl.gz)."""
    configured = os.environ.get(MEDQUAD_ENV)
    if configured:
        return Path(configured).expanduser()
    return REPO.parent / "shared" / "corpora" / "medquad"


def medquad_available() -> bool:
    return (medquad_dir() / "medquad_docs.jsonl.gz").is_file()


def size_label(size: str) -> str:
    if size == "bundled":
        return "bundled pack"
    if size == "medquad":
        return f"MedQuAD, all {MEDQUAD_RECORDS:,} records"
    return f"MedQuAD, first {int(size):,} records"


def record_limit(size: str) -> int | None:
    """How many MedQuAD records a size asks for; None for every record."""
    if size == "medquad":
        return None
    count = int(size)
    if count <= 0:
        raise ValueError(f"a corpus size must be positive, not {size}")
    return None if count >= MEDQUAD_RECORDS else count


def iter_records(limit: int | None = None) -> Iterator[dict[str, object]]:
    """MedQuAD records in file order, the first `limit` of them (all when None)."""
    with gzip.open(medquad_dir() / "medquad_docs.jsonl.gz", "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if limit is not None and number >= limit:
                return
            yield json.loads(line)


def faq_slug(record_id: str) -> str:
    """`GARD_0004450_Sec3` → `gard-0004450-sec3` (pack slugs are lowercase and hyphens)."""
    return record_id.lower().replace("_", "-")


def _toml_text(value: str) -> str:
    # A JSON string is a valid TOML basic string for ordinary text.
    return json.dumps(value, ensure_ascii=False)


def record_aliases(record: dict[str, object]) -> list[str]:
    """The names a pack author would give a record: its topic and the topic's other names."""
    names = [str(record.get("focus") or "").strip()]
    names += [str(s).strip() for s in record.get("synonyms") or ()]  # type: ignore[attr-defined]
    return list(dict.fromkeys(n for n in names if n))


def write_medquad_pack(
    target: Path, limit: int | None, *, also: frozenset[str] = frozenset(),
) -> int:
    """Write a pack of the first `limit` records, and of any record whose id is in `also`,
    into `target` (emptied first)."""
    faq_dir = target / "faq"
    if target.exists():
        for old in faq_dir.glob("*.md") if faq_dir.is_dir() else ():
            old.unlink()
    faq_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    for number, record in enumerate(iter_records(None if also else limit)):
        if limit is not None and number >= limit and record["id"] not in also:
            continue
        fields: dict[str, object] = {"question": str(record["question"]), "topics": ["medquad"]}
        if aliases := record_aliases(record):
            fields["aliases"] = aliases
        front = yaml.safe_dump(
            fields,
            allow_unicode=True, sort_keys=False, width=10_000,
        )
        answer = str(record["answer"]).strip()
        slug = faq_slug(str(record["id"]))
        (faq_dir / f"{slug}.md").write_text(f"---\n{front}---\n\n{answer}\n", encoding="utf-8")
        written += 1
    name = "MedQuAD" if limit is None else f"MedQuAD, first {written} records"
    (target / "pack.toml").write_text(
        f"name = {_toml_text(name)}\n"
        'language = "en"\n'
        'license = "CC BY 4.0"\n'
        f"description = {_toml_text(MEDQUAD_CREDIT)}\n",
        encoding="utf-8",
    )
    return written


def make_pack(size: str, work: Path) -> Path:
    """The pack folder for a size: the bundled pack itself, or a MedQuAD pack under `work`."""
    if size == "bundled":
        return BUNDLED_PACK
    limit = record_limit(size)
    target = work / "packs" / f"medquad-{limit or 'all'}"
    write_medquad_pack(target, limit)
    return target


# --- evaluation data -------------------------------------------------------------------


def liveqa_questions() -> list[dict[str, str]]:
    """The LiveQA 2017 test questions: query_id, subject, paraphrase (and more)."""
    path = medquad_dir() / "liveqa_test_questions.jsonl"
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


@dataclass
class Judgements:
    """Graded judgements of in-corpus MedQuAD answers for the LiveQA questions.

    Grades: 1 Incorrect, 2 Related, 3 Incomplete, 4 Excellent. Records with identical
    answers (`dup_of`) share a judgement: a duplicate of a judged answer counts as it.
    """

    grades: dict[str, dict[str, int]] = field(default_factory=dict)  # qid → root → grade
    root_of: dict[str, str] = field(default_factory=dict)  # result key → duplicate root

    def root(self, key: str) -> str:
        return self.root_of.get(key, key)

    def relevant(self, qid: str, min_grade: int) -> set[str]:
        return {r for r, g in self.grades.get(qid, {}).items() if g >= min_grade}

    def gain(self, qid: str, key: str) -> int:
        return self.grades.get(qid, {}).get(self.root(key), 0)


def load_judgements() -> Judgements:
    """qrels rows with in_corpus = 1, keyed by the pack's result keys (`faq:<slug>`)."""
    judged = Judgements()
    for record in iter_records():
        key = f"faq:{faq_slug(str(record['id']))}"
        dup = record.get("dup_of")
        judged.root_of[key] = f"faq:{faq_slug(str(dup))}" if dup else key
    with open(medquad_dir() / "liveqa_medquad_qrels.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["in_corpus"].strip() != "1":
                continue
            key = f"faq:{faq_slug(row['doc_id'].strip())}"
            root = judged.root(key)
            per_query = judged.grades.setdefault(row["query_id"].strip(), {})
            per_query[root] = max(per_query.get(root, 0), int(row["grade"]))
    return judged
