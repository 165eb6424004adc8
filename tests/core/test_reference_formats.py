"""References as reference managers export them: CSL-JSON, CSL-YAML and BibTeX."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from lantern.core.compose import Composer, reference_html
from lantern.core.content import load_library
from lantern.core.references import read_bibtex, read_csl_json, title_markup

from tests.conftest import BUNDLED_PACK, FIXTURES, VALID_PACK

ZOTERO_PACK = FIXTURES / "zotero-pack"


@pytest.fixture(scope="module")
def library():  # type: ignore[no-untyped-def]
    return load_library([BUNDLED_PACK, ZOTERO_PACK])


def _own(library) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.format() for p in library.problems if ZOTERO_PACK in p.file.parents]


def test_a_zotero_csl_json_and_bibtex_export_load_without_a_problem(library):
    assert _own(library) == []
    json_ref = library.reference("riverside2021")  # Zotero's citation key, not its item id
    assert json_ref.path.name == "references.json" and json_ref.line == 2
    assert (json_ref.issued, json_ref.volume, json_ref.issue) == (2021, "12", "3")
    assert [a.family for a in json_ref.authors] == ["Okafor", "Lindqvist", "van den Berg"]
    organisation = library.reference("whoguide2024")
    assert organisation.authors[0].literal == "World Health Organization"
    bib = library.reference("muller_ketamine_2019")
    assert bib.path.name == "Exported Items.bib" and bib.line == 2
    assert bib.type == "article-journal" and bib.issued == 2019
    assert bib.title == "Ketamine and PTSD: a <i>randomised</i> trial in Zürich"
    assert bib.page == "44–52" and bib.doi == "10.5555/muller.2019.7.44"
    assert [a.short() for a in bib.authors] == ["Müller K", "O'Neil S",
                                                 "Riverside Clinic Study Group"]
    book = library.reference("nakamura_handbook_2020")
    assert book.type == "book"
    yaml_ref = library.reference("osei2022")  # Better BibTeX's `references:` and dates
    assert yaml_ref.issued == 2022 and yaml_ref.path.name == "better-bibtex.yaml"


def test_title_markup_is_rendered_not_shown_as_tags(library):
    html = reference_html(library.reference("riverside2021"))
    assert "Effects of <i>in vivo</i> 5-HT<sub>2A</sub> occupancy on mRNA expression." in html
    assert "&lt;" not in html and "nocase" not in html
    plain = library.reference("riverside2021").citation()
    assert "Effects of in vivo 5-HT2A occupancy on mRNA expression." in plain
    assert "<b>fictional</b>" in reference_html(library.reference("whoguide2024"))


@pytest.mark.parametrize(("title", "html", "text"), [
    ("Plain & simple", "Plain &amp; simple", "Plain & simple"),
    ('<span style="font-variant:small-caps;">Dsm</span>-5',
     '<span style="font-variant: small-caps">Dsm</span>-5', "Dsm-5"),
    ('<script>x</script><a href="javascript:1">y</a>', "xy", "xy"),
    ("<i>unclosed", "<i>unclosed</i>", "unclosed"),
])
def test_title_markup_keeps_only_safe_tags(title, html, text):
    assert title_markup(title) == (html, text)


def test_csl_json_mistakes_name_their_line(tmp_path: Path):
    items, problems = read_csl_json('[\n {"id": "a", "type": "book",\n  "title": "T",}\n]\n')
    assert items == [] and problems[0].line == 3 and problems[0].message.startswith("JSON error")


def test_a_bibtex_entry_that_cannot_be_read_is_reported_and_the_rest_load():
    items, problems = read_bibtex("@book{a, title={T}, year=2020}\n@misc{b,\n title = {x}\n"
                                  "@book{c, title={U}, year=2021}\n")
    assert [p.line for p in problems] == [2]
    assert [i.value["id"] for i in items] == ["a", "c"]


def test_csl_fields_from_an_export_are_accepted_and_a_misspelt_one_is_named(tmp_path: Path):
    pack = tmp_path / "pack"
    shutil.copytree(VALID_PACK, pack)
    (pack / "references.json").write_text(json.dumps([{
        "id": "extra2020", "type": "webpage", "title": "Extra", "issued": {"raw": "2020"},
        "URL": "https://example.org/", "author": [{"literal": "Example"}],
        "accessed": {"date-parts": [[2026, 1, 2]]}, "language": "en", "source": "Zotero",
        "note": "A note", "abstract": "…", "container-tittle": "Typo",
    }]), encoding="utf-8")
    problems = [(p.line, p.message, p.hint) for p in load_library(pack).problems
                if p.file.name == "references.json"]
    assert problems == [(1, "unknown field 'container-tittle' in reference",
                         "did you mean 'container-title'?")]


def test_uncited_works_in_an_export_are_not_reported_but_in_references_yaml_they_are(
        tmp_path: Path):
    pack = tmp_path / "pack"
    shutil.copytree(VALID_PACK, pack)
    (pack / "library.bib").write_text("@book{unused2020, title={Unused}, author={Doe, Jane},"
                                      " year=2020, doi={10.5555/x}}\n", encoding="utf-8")
    library = load_library(pack)
    assert library.reference("unused2020") is not None
    assert library.problems == ()


def test_the_pack_page_lists_an_exported_reference_with_its_markup(library):
    page = Composer(library).compose("lantern:article/our-clinic")
    assert "<i>in vivo</i>" in page.html
    assert page.citations[:2] == ("riverside2021", "whoguide2024")


def test_the_library_cache_key_covers_every_reference_file():
    from lantern.core.library_cache import pack_files

    keyed = {p.name for p in pack_files(ZOTERO_PACK)}
    assert {"references.json", "Exported Items.bib", "better-bibtex.yaml"} <= keyed
