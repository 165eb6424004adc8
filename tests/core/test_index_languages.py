"""The index of a bilingual library on disk: the schema stamp, updates item by item."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import pytest
from whoosh import index as whoosh_index
from whoosh.fields import Schema

from lantern.core.model import Library
from lantern.core.search import open_index, whoosh_store
from lantern.core.search.whoosh_adapter import META_FILE, make_schema
from lantern.core.search.whoosh_store import SCHEMA_VERSION, index_dir_for

from tests.bilingual import bilingual_library
from tests.conftest import VALID_PACK

#: The fields schema 1 had (every pack analysed as English, no language).
SCHEMA_1 = ("id", "group", "kind", "key", "anchor", "title", "heading", "aliases", "body",
            "words", "topics", "concepts")
#: Schema 2's: every field of now but the glossary names written in each body.
SCHEMA_2 = tuple(name for name in make_schema().names() if name != "named")


@pytest.fixture
def library() -> Library:
    return bilingual_library(VALID_PACK)


def _first(ix, text: str, language: str = "es") -> tuple[str, str, str]:
    result = ix.search(text, language=language).results[0]
    return result.language, str(result.kind), result.id


def _found(ix, text: str) -> list[tuple[str, str, str]]:
    return [(r.language, str(r.kind), r.id.rpartition("/")[2])
            for r in ix.search(text, language="es").results]


def _rebuilds(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    calls: list[Path] = []
    real = whoosh_store._rebuild

    def counted(library, location, progress):  # type: ignore[no-untyped-def]
        calls.append(location)
        return real(library, location, progress)

    monkeypatch.setattr(whoosh_store, "_rebuild", counted)
    return calls


@pytest.mark.parametrize("fields", [SCHEMA_1, SCHEMA_2], ids=["schema 1", "schema 2"])
def test_an_earlier_schema_s_index_is_rebuilt_once_then_reused(library, tmp_path, monkeypatch,
                                                                fields):
    """An earlier Lantern's index (schema 1: no language, one analysis for every pack;
    schema 2: no names of the body) under the stamp of this schema is rebuilt on the first
    open, and opened as it is after that."""
    assert SCHEMA_VERSION == 3
    cache = tmp_path / "c"
    location = index_dir_for(library, cache)
    assert location.name.startswith("v3-")  # an earlier version's folder (v2-…) is not read
    old = make_schema()
    location.mkdir(parents=True)
    ix = whoosh_index.create_in(str(location), Schema(**{n: old[n] for n in fields}))
    ix.close()
    (location / META_FILE).write_text(json.dumps({
        "schema": SCHEMA_VERSION, "fingerprint": library.fingerprint,
        "hashes": dict(library.doc_hashes)}))
    rebuilt = _rebuilds(monkeypatch)
    ix = open_index(library, cache)
    try:
        assert rebuilt == [location]
        assert ("es", "faq", "como-se-siente-una-sesion") in _found(ix, "sesión")
    finally:
        ix.close()
    ix = open_index(library, cache)
    try:
        assert rebuilt == [location]  # once
        assert ("es", "faq", "como-se-siente-una-sesion") in _found(ix, "sesiones")
    finally:
        ix.close()


def _with_faq(library: Library, slug: str, body: str) -> Library:
    faqs = tuple(replace(f, body=body) if f.slug == slug else f for f in library.faqs)
    hashes = {**library.doc_hashes, f"faq:{slug}": "changed"}
    return replace(library, faqs=faqs, fingerprint=library.fingerprint + "+1",
                   doc_hashes=MappingProxyType(hashes))


def test_one_changed_spanish_question_is_updated_on_its_own(library, tmp_path):
    cache = tmp_path / "c"
    open_index(library, cache).close()
    changed = _with_faq(library, "es/que-es-un-mal-viaje", "Un rato de angustia y de pánico.")
    progress: list[tuple[int, int]] = []
    ix = open_index(changed, cache, lambda d, t: progress.append((d, t)))
    try:
        assert progress == [(1, 1)]
        assert _first(ix, "angustia") == ("es", "faq", "es/que-es-un-mal-viaje")
        assert _first(ix, "panico") == ("es", "faq", "es/que-es-un-mal-viaje")
        assert _first(ix, "default mode network", "en")[0] == "en"  # English as it was
        assert ix.doc_count == open_index(changed).doc_count
    finally:
        ix.close()


def test_a_changed_spanish_glossary_term_reindexes_the_concepts_everywhere(library, tmp_path):
    cache = tmp_path / "c"
    open_index(library, cache).close()
    terms = tuple(replace(t, aliases=(*t.aliases, "viaje interior"))
                  if t.id == "es/psilocibina" else t for t in library.terms)
    changed = replace(library, terms=terms, fingerprint=library.fingerprint + "+t",
                      doc_hashes=MappingProxyType({**library.doc_hashes,
                                                   "term:es/psilocibina": "changed"}))
    progress: list[tuple[int, int]] = []
    ix = open_index(changed, cache, lambda d, t: progress.append((d, t)))
    try:
        assert progress[-1] == (len(changed.doc_hashes), len(changed.doc_hashes))
        assert _first(ix, "viaje interior") == ("es", "term", "es/psilocibina")
    finally:
        ix.close()


def test_the_meta_file_stamps_schema_3(library, tmp_path):
    cache = tmp_path / "c"
    open_index(library, cache).close()
    meta = json.loads((index_dir_for(library, cache) / META_FILE).read_text())
    assert meta["schema"] == 3
    assert set(meta["hashes"]) == set(library.doc_hashes)
