"""The previous index, searched while a changed pack's index is brought up to date."""

from __future__ import annotations

import gc
import json
import shutil
from pathlib import Path

import pytest

from lantern.core.content import load_library
from lantern.core.search import open_index, open_previous_index
from lantern.core.search.whoosh_adapter import META_FILE
from lantern.core.search.whoosh_store import index_dir_for

from tests.conftest import VALID_PACK


def test_previous_index_only_when_the_pack_changed(tmp_path: Path):
    pack = Path(shutil.copytree(VALID_PACK, tmp_path / "pack"))
    cache = tmp_path / "cache"
    assert open_previous_index(load_library(pack), cache) is None  # nothing built yet
    open_index(load_library(pack), cache).close()
    assert open_previous_index(load_library(pack), cache) is None  # current: open() is quick

    faq = pack / "faq" / "is-it-safe.md"
    faq.write_text(faq.read_text(encoding="utf-8") + "\nMore words here.\n", encoding="utf-8")
    changed = load_library(pack)
    previous = open_previous_index(changed, cache)
    assert previous is not None
    assert previous.search("default mode network").results
    updated = open_index(changed, cache)  # the update runs while the previous one is open
    assert updated.search("more words").results
    assert previous.search("default mode network").results  # still readable
    previous.close()
    updated.close()


# Whoosh leaves a damaged table of contents open when it fails to read it; the GC reports it.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_no_previous_index_of_another_schema_or_damaged(tmp_path: Path):
    pack = Path(shutil.copytree(VALID_PACK, tmp_path / "pack"))
    cache = tmp_path / "cache"
    open_index(load_library(pack), cache).close()
    (pack / "faq" / "is-it-safe.md").unlink()
    changed = load_library(pack)
    location = index_dir_for(changed, cache)
    meta = json.loads((location / META_FILE).read_text(encoding="utf-8"))
    (location / META_FILE).write_text(json.dumps({**meta, "schema": -1}), encoding="utf-8")
    assert open_previous_index(changed, cache) is None
    (location / META_FILE).write_text(json.dumps(meta), encoding="utf-8")
    for segment in location.glob("*.seg"):
        segment.write_bytes(b"damaged")
    for toc in location.glob("_MAIN_*.toc"):
        toc.write_bytes(b"damaged")
    assert open_previous_index(changed, cache) is None
    gc.collect()  # let Whoosh's leaked handle be reported inside this test
