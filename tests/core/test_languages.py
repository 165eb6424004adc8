"""Packs in two languages loaded as one library: keys, links, `translates`, look-ups."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lantern.core.address import HOME, Address, Kind
from lantern.core.compose import Composer
from lantern.core.content import load_library
from lantern.core.library_cache import load_library_cached
from lantern.core.model import Library, Severity
from lantern.core.paths import translation_roots
from lantern.core.search.documents import iter_documents
from lantern.core.session import HELP_NOW

from tests.conftest import FIXTURES, VALID_PACK

ES_PACK = FIXTURES / "es-pack"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([VALID_PACK, ES_PACK])


@pytest.fixture
def es_copy(tmp_path: Path) -> Path:
    target = tmp_path / "es"
    shutil.copytree(ES_PACK, target)
    return target


def _messages(library: Library) -> list[str]:
    return [p.format() for p in library.problems]


def test_the_two_packs_load_clean_as_one_library(library: Library):
    assert library.problems == ()
    assert library.languages == ("en", "es")
    assert library.base_language == "en"
    assert library.packs[1].translation_of == "en"


def test_english_addresses_are_as_they_were(library: Library):
    english = load_library(VALID_PACK)
    for kind, items in ((Kind.ARTICLE, english.articles), (Kind.FAQ, english.faqs)):
        for item in items:
            assert library.find(Address(kind, item.slug)) == item
    for term in english.terms:
        assert library.term(term.id) == term  # `term:psilocybin` stays English
    assert library.page("home") == english.page("home")
    assert library.find(Address.parse(HELP_NOW)).language == "en"  # type: ignore[arg-type, union-attr]
    assert Address.parse("lantern:term/psilocybin").language == ""  # type: ignore[union-attr]
    for item in english.faqs:
        assert f"faq:{item.slug}" in library.doc_hashes


def test_spanish_items_have_addresses_of_their_own(library: Library):
    term = library.term("es/psilocybin")
    assert term is not None and term.term == "Psilocibina" and term.language == "es"
    where = Address.parse("lantern:term/es/psilocybin")
    assert where is not None and where.language == "es" and where.local_key == "psilocybin"
    assert library.page_in("home", "es").title == "Bienvenida"  # type: ignore[union-attr]
    assert library.page_in("help-now", "en") == library.page("help-now")
    assert library.language_of("lantern:faq/es/es-segura") == "es"
    assert library.language_of("lantern:faq/is-it-safe") == "en"
    assert library.language_of("lantern:home/es") == "es"
    assert library.exists("lantern:home/es") and not library.exists("lantern:home/fr")
    assert Address.parse("lantern:list/es/faq/2").local_key == "faq/2"  # type: ignore[union-attr]
    assert Address.parse("lantern:list/faq/2").language == ""  # type: ignore[union-attr]


def test_each_item_carries_its_language(library: Library):
    for item in (*library.articles, *library.faqs, *library.terms, *library.pages):
        key = getattr(item, "slug", None) or getattr(item, "id", None) or item.name
        assert item.language == ("es" if key.startswith("es/") else "en"), key


def test_a_view_holds_one_language_and_reads_plain_keys_in_it(library: Library):
    es = library.in_language("es")
    assert {t.term for t in es.terms} == {"Psilocibina", "Red neuronal por defecto", "Sesión"}
    assert es.term("psilocybin") is library.term("es/psilocybin")
    assert es.page("home").title == "Bienvenida"  # type: ignore[union-attr]
    assert es.whole is library and library.in_language("es") is es
    assert {p.language for p in library.in_language("en").pages} == {"en"}


def test_translation_goes_both_ways(library: Library):
    pairs = [("lantern:faq/is-it-safe", "lantern:faq/es/es-segura"),
             ("lantern:article/brain-networks", "lantern:article/es/redes-del-cerebro"),
             ("lantern:term/default-mode-network", "lantern:term/es/red-neuronal-por-defecto"),
             ("lantern:term/psilocybin", "lantern:term/es/psilocybin"),
             ("lantern:page/help-now", "lantern:page/es/help-now"),
             (str(HOME), "lantern:home/es"), ("lantern:list/faq", "lantern:list/es/faq")]
    for english, spanish in pairs:
        assert library.translation(english, "es") == spanish
        assert library.translation(spanish, "en") == english
        assert library.translation(english, "en") == english
    assert library.translation("lantern:article/safety-basics", "es") is None  # not translated
    assert library.translation("lantern:page/es/about", "en") is None  # no English about
    assert library.translation("lantern:term/es/sesion", "en") is None
    assert library.translation("lantern:faq/is-it-safe", "fr") is None
    # A section is a place in one language: the other language's page opens at its top.
    assert library.translation("lantern:faq/is-it-safe#x", "es") == "lantern:faq/es/es-segura"


def test_links_related_and_see_also_resolve_in_the_page_language(library: Library):
    es = library.in_language("es")
    faq = library.faq("es/es-segura")
    assert faq is not None and faq.related == ("es/redes-del-cerebro",)
    assert library.term("es/red-neuronal-por-defecto").see_also == ("es/psilocybin",)  # type: ignore[union-attr]
    page = Composer(es).compose("lantern:faq/es/es-segura")
    assert page is not None and page.address == "lantern:faq/es/es-segura"
    assert 'href="lantern:term/es/red-neuronal-por-defecto"' in page.html
    assert 'href="lantern:article/es/redes-del-cerebro"' in page.html  # Read next
    home = Composer(es).home()
    assert home.address == "lantern:home/es" and "Bienvenida" in home.title
    assert 'href="lantern:page/es/help-now"' in home.html
    assert "Brain networks" not in home.html  # the Spanish home lists Spanish pages only
    # Glossary names are linked in the page's own language: "RND" is a Spanish alias.
    article = Composer(es).compose("lantern:article/es/redes-del-cerebro")
    assert article is not None and 'href="lantern:term/es/red-neuronal-por-defecto"' in article.html
    english = Composer(library.in_language("en")).compose("lantern:article/brain-networks")
    assert english is not None and "lantern:term/es/" not in english.html


def test_a_link_into_the_other_language_is_reported(es_copy: Path):
    page = es_copy / "faq" / "que-es-la-rnd.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nVea [esto](faq:is-it-safe).\n",
                    encoding="utf-8")
    library = load_library([VALID_PACK, es_copy])
    assert any("que-es-la-rnd.md:9: error: link to unknown faq 'is-it-safe'" in m
               for m in _messages(library))


def test_a_bad_translates_is_a_problem_with_its_line(es_copy: Path):
    faq = es_copy / "faq" / "es-segura.md"
    faq.write_text(faq.read_text(encoding="utf-8").replace("translates: is-it-safe",
                                                           "translates: is-it-sale"),
                   encoding="utf-8")
    glossary = es_copy / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "translates: psilocybin", "translates: what-is-dmn"), encoding="utf-8")
    library = load_library([VALID_PACK, es_copy])
    errors = [p for p in library.problems if p.severity is Severity.ERROR]
    assert [(p.file.name, p.line) for p in errors] == [("es-segura.md", 6), ("glossary.yaml", 11)]
    assert "'translates: is-it-sale' names no FAQ of the 'en' pack" in errors[0].message
    assert "names no glossary term" in errors[1].message  # an FAQ's slug is not a term
    assert library.faq("es/es-segura") is not None  # still loaded, just not paired
    assert library.translation("lantern:faq/es/es-segura", "en") is None


def test_translates_twice_and_translation_of_nothing_are_problems(es_copy: Path):
    (es_copy / "faq" / "otra.md").write_text(
        "---\nquestion: ¿Otra?\ntopics: [x]\ntranslates: is-it-safe\n---\n\nSí.\n",
        encoding="utf-8")
    messages = _messages(load_library([VALID_PACK, es_copy]))
    assert any("otra.md:4: error: 'is-it-safe' is translated twice" in m for m in messages)
    alone = _messages(load_library([es_copy]))  # no English pack under it
    assert any("pack.toml:1: error: translation_of names 'en'" in m for m in alone)


def test_aliases_are_unique_within_a_language_not_across(es_copy: Path):
    library = load_library([VALID_PACK, ES_PACK])
    assert library.problems == ()  # `DMN` names a term in both languages
    glossary = es_copy / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "aliases: [sesiones, sesion]", "aliases: [sesiones, sesion, RND]"), encoding="utf-8")
    messages = _messages(load_library([VALID_PACK, es_copy]))
    assert any("glossary.yaml:14: error: 'RND' in 'sesion' is already a name of "
               "'red-neuronal-por-defecto'" in m for m in messages), messages


def test_ids_and_pages_may_repeat_across_languages_not_within(es_copy: Path):
    glossary = es_copy / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + (
        "- id: psilocybin\n  term: Otra\n  definition: Otra vez.\n"), encoding="utf-8")
    messages = _messages(load_library([VALID_PACK, es_copy]))
    assert [m for m in messages if "error" in m] == [
        f"{glossary}:16: error: duplicate glossary id 'psilocybin' (first defined on line 7)"]
    assert not any("replaces" in m for m in messages)  # es/home is not the English home


def test_a_pack_in_another_language_needs_its_own_home_and_help_now(es_copy: Path):
    (es_copy / "pages" / "help-now.md").unlink()
    messages = _messages(load_library([VALID_PACK, es_copy]))
    assert any("es/pages/help-now.md:1: warning: the help-now page is missing" in m
               for m in messages)


def test_the_cache_keeps_languages_and_translations(tmp_path: Path):
    roots = [VALID_PACK, ES_PACK]
    load_library_cached(roots, tmp_path)
    cached = load_library_cached(roots, tmp_path)
    fresh = load_library(roots)
    assert cached.faqs == fresh.faqs and cached.terms == fresh.terms
    assert cached.pages == fresh.pages and cached.packs == fresh.packs
    assert cached.translation("lantern:faq/is-it-safe", "es") == "lantern:faq/es/es-segura"


def test_an_edit_in_the_spanish_pack_misses_the_cache(es_copy: Path, tmp_path: Path):
    roots = [VALID_PACK, es_copy]
    load_library_cached(roots, tmp_path / "cache")
    (es_copy / "faq" / "nueva.md").write_text("---\nquestion: ¿Nueva?\ntopics: [x]\n---\n\nSí.\n",
                                              encoding="utf-8")
    assert load_library_cached(roots, tmp_path / "cache").faq("es/nueva") is not None


def test_indexed_documents_carry_their_language(library: Library):
    docs = list(iter_documents(library))
    by_group = {d.group: d for d in docs}
    assert by_group["faq:is-it-safe"].language == "en"
    assert by_group["faq:es/es-segura"].language == "es"
    assert by_group["term:es/sesion"].language == "es"
    assert by_group["page:es/help-now"].language == "es"
    assert len(by_group) == len(library.doc_hashes)
    # A Spanish text is read for Spanish concepts: RND is the Spanish network's alias.
    article = next(d for d in docs if d.group == "article:es/redes-del-cerebro")
    assert "es/red-neuronal-por-defecto" in article.concepts
    english = [d for d in docs if d.language == "en"]
    assert not any(c.startswith("es/") for d in english for c in d.concepts)


def test_a_pack_folder_keeps_its_translations_in_language_folders(tmp_path: Path):
    content = tmp_path / "content"
    for name in ("es", "pt-br", "articles", "notes"):
        (content / name).mkdir(parents=True)
        (content / name / "pack.toml").write_text('name = "x"\n')
    (content / "fr").mkdir()  # no pack.toml: not a pack
    assert translation_roots(content) == [content / "es", content / "pt-br"]
    assert translation_roots(tmp_path / "missing") == []
