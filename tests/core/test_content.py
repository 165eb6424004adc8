from __future__ import annotations

import datetime as dt
from pathlib import Path

from lantern.core.content import MAX_FILE_BYTES, load_library
from lantern.core.model import Severity

from tests.conftest import BROKEN_PACK, VALID_PACK


def _problems(library, name: str) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in library.problems if p.file.name == name]


def test_valid_pack_loads_everything_without_problems():
    library = load_library(VALID_PACK)
    assert library.problems == ()
    assert [a.slug for a in library.articles] == ["brain-networks", "safety-basics"]
    article = library.article("brain-networks")
    assert article is not None
    assert article.reviewed == dt.date(2026, 11, 22)
    assert article.topics == ("psilocybin", "brain")
    assert [s.anchor for s in article.sections] == ["", "the-default-mode-network",
                                                     "what-scans-cannot-tell-us"]
    assert library.faq("is-it-safe").question == "Is psilocybin therapy safe?"
    dmn = library.term("default-mode-network")
    assert dmn.aliases == ("DMN", "default network", "default-mode network")
    assert dmn.not_ == ("DMT",)
    ref = library.reference("carhartharris2012")
    assert ref.authors[0].family == "Carhart-Harris"
    assert ref.link == "https://doi.org/10.1073/pnas.1119598109"
    assert library.page("help-now").title == "Need help now?"
    assert library.packs[0].name == "Test pack"
    assert len(library.fingerprint) == 64


def test_broken_pack_names_each_mistake_with_file_and_line():
    library = load_library(BROKEN_PACK)
    # The wording comes from libyaml or from PyYAML's own parser; the line is what matters.
    [(line, message)] = _problems(library, "bad-yaml.md")
    assert line == 4 and message.startswith("YAML error:") and "']'" in message
    assert _problems(library, "no-title.md") == [
        (2, "missing required field 'title' in article front matter")
    ]
    unknown = _problems(library, "unknown-cite.md")
    assert (5, "field 'reviewed' must be a date written YYYY-MM-DD") in unknown
    assert (7, "unknown field 'colour' in article front matter") in unknown
    assert (11, "unknown citation key '@nobody1999'") in unknown
    assert (11, "link to unknown article 'missing-slug'") in unknown
    assert _problems(library, "latin1.md") == [(3, "not UTF-8 text (byte 0xe9)")]
    assert _problems(library, "no-question.md") == [
        (2, "missing required field 'question' in FAQ front matter")
    ]
    assert _problems(library, "Bad_Name.md")[0][1].startswith("file name 'Bad_Name.md'")
    glossary = _problems(library, "glossary.yaml")
    assert (5, "duplicate glossary id 'dmn' (first defined on line 1)") not in glossary
    assert (5, "duplicate glossary id 'dmn'") in glossary
    assert (10, "'DMN' in 'other' is already a name of 'dmn'") in glossary
    assert (12, "missing required field 'definition' in glossary entry") in glossary
    assert (5, "missing required field 'id' in reference") in _problems(library, "references.yaml")
    assert all(p.hint for p in library.errors)
    # What was valid still loaded.
    assert library.term("dmn") is not None and library.term("other") is not None
    assert library.reference("ref2020") is not None


def test_problem_format_is_file_line_severity_message():
    library = load_library(BROKEN_PACK)
    problem = next(p for p in library.problems if p.file.name == "latin1.md")
    text = problem.format(BROKEN_PACK)
    assert text.startswith("articles/latin1.md:3: error: not UTF-8 text")


def test_a_problem_of_the_whole_file_names_no_line_zero(tmp_path: Path):
    from lantern.core.kiosk import load_policy

    path = tmp_path / "kiosk.toml"
    path.write_text("idle_seconds = 120\n", encoding="utf-8")
    _, problems = load_policy(path)
    shown = [p.format(tmp_path) for p in problems]
    assert "kiosk.toml: warning: no 'admin_pin_hash': the kiosk cannot be left from the " \
           "screen (run `lantern kiosk --set-pin`)" in shown


def test_oversized_binary_and_unreadable_files_are_problems_not_crashes(pack_copy: Path):
    (pack_copy / "articles" / "huge.md").write_bytes(b"a" * (MAX_FILE_BYTES + 1))
    (pack_copy / "faq" / "binary.md").write_bytes(b"---\nquestion: x\x00\x01\x02\n")
    (pack_copy / "faq" / "folder.md").mkdir()
    library = load_library(pack_copy)
    messages = {p.file.name: p.message for p in library.problems}
    assert messages["huge.md"].startswith("file is too large")
    assert messages["binary.md"] == "file contains NUL bytes"
    assert messages["folder.md"].startswith("not a regular file")
    assert library.article("brain-networks") is not None


def test_duplicate_slug_across_packs_is_reported(tmp_path: Path, pack_copy: Path):
    second = tmp_path / "second"
    (second / "articles").mkdir(parents=True)
    (second / "pack.toml").write_text('name = "Clinic"\n')
    source = (pack_copy / "articles" / "safety-basics.md").read_text()
    (second / "articles" / "safety-basics.md").write_text(source)
    library = load_library([pack_copy, second])
    duplicates = [p for p in library.problems if "duplicate article slug" in p.message]
    assert len(duplicates) == 1 and duplicates[0].file.parent.parent == second
    assert [p.name for p in library.packs] == ["Test pack", "Clinic"]


def test_missing_folder_and_empty_files(tmp_path: Path):
    library = load_library(tmp_path / "nowhere")
    assert library.problems[0].message == "content folder not found"
    empty = tmp_path / "empty"
    (empty / "articles").mkdir(parents=True)
    (empty / "articles" / "blank.md").write_text("")
    (empty / "glossary.yaml").write_text("")
    (empty / "references.yaml").write_text("just: a mapping\n")
    library = load_library(empty)
    by_file = {p.file.name: p for p in library.problems}
    assert by_file["blank.md"].message.startswith("no front matter")
    assert by_file["references.yaml"].message == "references.yaml must be a list of references"
    assert by_file["pack.toml"].severity is Severity.WARNING


def test_changing_a_file_changes_the_fingerprint_and_only_its_hash(pack_copy: Path):
    before = load_library(pack_copy)
    faq = pack_copy / "faq" / "what-is-dmn.md"
    faq.write_text(faq.read_text() + "\nMore words.\n")
    after = load_library(pack_copy)
    assert before.fingerprint != after.fingerprint
    changed = {k for k in after.doc_hashes if before.doc_hashes.get(k) != after.doc_hashes[k]}
    assert changed == {"faq:what-is-dmn"}


def test_front_matter_keys_from_other_site_generators_get_a_hint(tmp_path: Path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "habits.md").write_text(
        "---\ntitle: Habits\nsummary: S.\ntopics: [safety]\nreviewed: 2026-01-01\n"
        "evidence: low\ndate: 2026-01-01\ntags: [a]\ndescription: D.\ndraft: true\n"
        "revewed: 2026-01-01\n---\n\nBody.\n", encoding="utf-8")
    hints = {p.message: p.hint for p in load_library(tmp_path).problems
             if p.file.name == "habits.md"}
    assert hints == {
        "unknown field 'date' in article front matter":
            "did you mean 'reviewed' (the day the facts were last checked)?",
        "unknown field 'tags' in article front matter": "did you mean 'topics'?",
        "unknown field 'description' in article front matter": "did you mean 'summary'?",
        "unknown field 'draft' in article front matter":
            "Lantern has no drafts: keep the file out of the pack until it is ready",
        "unknown field 'revewed' in article front matter": "did you mean 'reviewed'?",
    }
