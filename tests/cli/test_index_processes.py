"""`lantern index` in real processes: killed mid-build (power loss), and two at once."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lantern.core.content import load_library
from lantern.core.search import open_index
from lantern.core.search.whoosh_adapter import META_FILE
from lantern.core.search.whoosh_store import index_dir_for

from tests.conftest import VALID_PACK

WORDS = ["brain", "network", "default", "mode", "psilocybin", "ketamine", "therapy", "session",
         "memory", "trauma", "receptor", "plasticity", "dose", "safety", "research", "trial",
         "patient", "clinic"]


def _big_pack(root: Path, questions: int = 600) -> Path:
    """The valid pack plus enough generated questions that a build takes about a second."""
    shutil.copytree(VALID_PACK, root)
    rng = random.Random(8)
    for n in range(questions):
        body = " ".join(rng.choice(WORDS) for _ in range(250))
        (root / "faq" / f"generated-{n}.md").write_text(
            f"---\nquestion: Generated question {n}?\ntopics: [safety]\n---\n{body}\n")
    return root


def _lantern(*args: str) -> subprocess.Popen[str]:
    # The cache folder comes from LANTERN_CACHE_DIR, set for every test in conftest.py.
    return subprocess.Popen([sys.executable, "-m", "lantern", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=dict(os.environ))


def _first(ix, text: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    result = ix.search(text).results[0]
    return result.kind, result.id


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_index_build_killed_midway_is_rebuilt_on_the_next_open(tmp_path: Path):
    pack = _big_pack(tmp_path / "pack")
    library = load_library(pack)
    location = index_dir_for(library, Path(os.environ["LANTERN_CACHE_DIR"]))
    process = _lantern("index", str(pack))
    try:
        # The build has started once Whoosh has written its first (empty) table of contents.
        deadline = time.monotonic() + 30
        while not list(location.glob("_MAIN_*.toc")) and process.poll() is None:
            assert time.monotonic() < deadline, "the build never started"
            time.sleep(0.005)
        assert process.poll() is None, "the build finished before it could be interrupted"
        process.send_signal(signal.SIGKILL)  # the power goes off
    finally:
        process.wait(timeout=30)
        process.stdout.close()  # type: ignore[union-attr]
        process.stderr.close()  # type: ignore[union-attr]
    assert process.returncode == -signal.SIGKILL
    assert not (location / META_FILE).exists()  # the half-built index is not marked usable
    # Next start: the dead process's lock is no obstacle, the index is rebuilt on disk.
    ix = open_index(library, Path(os.environ["LANTERN_CACHE_DIR"]))
    try:
        assert ix.location == location
        assert ix.doc_count == open_index(library).doc_count
        assert _first(ix, "DMN") == ("term", "default-mode-network")
        assert _first(ix, "Generated question 123") == ("faq", "generated-123")
    finally:
        ix.close()
    meta = json.loads((location / META_FILE).read_text())
    assert meta["fingerprint"] == library.fingerprint


def test_two_index_processes_on_a_changed_pack_leave_one_good_index(tmp_path: Path):
    pack = _big_pack(tmp_path / "pack", questions=300)
    cache = Path(os.environ["LANTERN_CACHE_DIR"])
    open_index(load_library(pack), cache).close()
    # A glossary change re-annotates every document: a long update.
    glossary = pack / "glossary.yaml"
    glossary.write_text(glossary.read_text().replace("definition: ", "definition: Raichle. ", 1))
    faq = pack / "faq" / "generated-7.md"
    faq.write_text(faq.read_text() + "\nA sentence about neurogenesis.\n")
    first, second = _lantern("index", str(pack)), _lantern("index", str(pack))
    outputs = [p.communicate(timeout=60) for p in (first, second)]
    assert [p.returncode for p in (first, second)] == [0, 0], outputs
    assert all(out.startswith("index ready:") for out, _ in outputs), outputs
    changed = load_library(pack)
    location = index_dir_for(changed, cache)
    assert json.loads((location / META_FILE).read_text())["fingerprint"] == changed.fingerprint
    progress: list[tuple[int, int]] = []
    ix = open_index(changed, cache, lambda done, total: progress.append((done, total)))
    try:
        assert progress == []  # up to date: opened as is
        assert ix.location == location
        assert ix.doc_count == open_index(changed).doc_count
        assert _first(ix, "neurogenesis") == ("faq", "generated-7")
        assert _first(ix, "DMN") == ("term", "default-mode-network")
    finally:
        ix.close()
