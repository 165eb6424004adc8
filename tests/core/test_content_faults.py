"""Mistakes the content fuzzer found, each pinned by a plain test."""

from __future__ import annotations

from pathlib import Path

import pytest

from lantern.core.compose import Composer
from lantern.core.content import load_library
from lantern.core.yamlfile import YamlProblem, parse_yaml

REFERENCE = """\
- id: r
  type: book
  title: A book
  issued: 2020
  author: [{literal: Someone}]
  URL: "{url}"
"""


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "../notes.pdf",
                                 "data:text/html,x"])
def test_a_reference_address_that_is_not_a_web_address_is_refused(tmp_path: Path, url: str):
    (tmp_path / "faq").mkdir()
    (tmp_path / "references.yaml").write_text(REFERENCE.replace("{url}", url))
    (tmp_path / "faq" / "q.md").write_text("---\nquestion: Q?\ntopics: [a]\n---\nText [@r].\n")
    library = load_library(tmp_path)
    (problem,) = [p for p in library.errors if p.file.name == "references.yaml"]
    assert (problem.line, problem.message) == (
        6, "field 'URL' must be a web address starting with https://")
    assert library.reference("r") is not None and library.reference("r").url == ""
    html = Composer(library).compose("lantern:faq/q").html
    assert url not in html


def test_a_web_address_is_kept(tmp_path: Path):
    (tmp_path / "references.yaml").write_text(REFERENCE.replace("{url}", "HTTPS://example.org/"))
    assert load_library(tmp_path).reference("r").url == "HTTPS://example.org/"


@pytest.mark.parametrize(("text", "line"), [("- id: [", 1), ("a: 1\nb: [\n\n\n", 2),
                                            ("a: 1\nb: 'open", 2)])
def test_yaml_broken_at_its_end_names_its_last_line(text: str, line: int):
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text)
    assert caught.value.line == line
