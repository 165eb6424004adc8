"""Every check across files and on references, in one pack, with the exact problems said."""

from __future__ import annotations

from pathlib import Path

from lantern.core.content import load_library
from lantern.core.model import QR_MAX_BYTES

ARTICLE = """---
title: Set and setting
summary: What shapes a session.
topics: [preparation]
reviewed: 2026-11-22
evidence: moderate
related: [no-such-article, common-question]
---
Known [@known2020] and unknown [@ghost1999]; narrative @narrative2021 says so.

See [a term](term:no-such-term) and [a page](page:home).
"""
FAQ = """---
question: Is it common?
topics: [preparation]
related: [set-and-setting]
---
Read [the article](article:missing-article).
"""
GLOSSARY = """- id: set
  term: Set
  definition: The mindset brought to a session, see [it](faq:gone-faq).
  see_also: [setting, nowhere]
- id: setting
  term: Setting
  definition: The room and the people in it.
"""
REFERENCES = """- id: known2020
  type: article-journal
  title: Known work
  issued: 2020
  author: [{family: Known, given: K.}]
  DOI: 10.1000/known
- id: narrative2021
  type: article-journal
  title: Narrative work
  issued: 2021
  URL: https://example.org/narrative
- id: uncited2019
  type: report
  title: Nobody cites this
  issued: 2019
  author: [{literal: An Organisation}]
- id: law2018
  type: legislation
  title: A law
  issued: 2018
  URL: https://example.org/{long}
- id: known2020
  type: book
  title: The same id again
  issued: 2020
"""


def _pack(root: Path) -> Path:
    (root / "articles").mkdir(parents=True)
    (root / "faq").mkdir()
    (root / "pages").mkdir()
    (root / "pack.toml").write_text('name = "Checks"\n', encoding="utf-8")
    (root / "articles" / "set-and-setting.md").write_text(ARTICLE, encoding="utf-8")
    (root / "faq" / "common-question.md").write_text(FAQ, encoding="utf-8")
    (root / "pages" / "home.md").write_text("---\ntitle: Home\n---\nWelcome.\n",
                                            encoding="utf-8")
    (root / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    (root / "references.yaml").write_text(REFERENCES.replace("{long}", "x" * 3000),
                                          encoding="utf-8")
    return root


def test_each_check_across_files_and_on_references_says_its_problem(tmp_path):
    library = load_library(_pack(tmp_path / "pack"))
    said = [(p.file.name, p.line, p.severity.name, p.message, p.hint) for p in library.problems]
    assert said == [
        ("set-and-setting.md", 2, "WARNING",
         "related 'no-such-article' is not an article or FAQ slug", ""),
        ("set-and-setting.md", 9, "ERROR", "unknown citation key '@ghost1999'",
         "add it to references.yaml or correct the key"),
        ("set-and-setting.md", 11, "ERROR", "link to unknown term 'no-such-term'",
         "no term has that slug or id"),
        ("common-question.md", 6, "ERROR", "link to unknown article 'missing-article'",
         "no article has that slug or id"),
        ("glossary.yaml", 1, "ERROR", "link to unknown faq 'gone-faq'",
         "no faq has that slug or id"),
        ("glossary.yaml", 1, "WARNING", "see_also 'nowhere' of 'set' is not a glossary id", ""),
        ("help-now.md", 1, "WARNING", "the help-now page is missing", ""),
        ("references.yaml", 7, "WARNING", "reference 'narrative2021' has no author",
         "add author: [{family: …, given: …}] or [{literal: Organisation}]"),
        ("references.yaml", 12, "WARNING", "reference 'uncited2019' has neither DOI nor URL",
         "readers need a way to find the work"),
        ("references.yaml", 12, "WARNING", "reference 'uncited2019' is never cited",
         "cite it with [@uncited2019] or remove it"),
        ("references.yaml", 17, "WARNING", "reference 'law2018' is never cited",
         "cite it with [@law2018] or remove it"),
        ("references.yaml", 21, "WARNING", "the link of reference 'law2018' is too long for a "
         f"QR code (3,020 bytes; a QR code holds {QR_MAX_BYTES:,})",
         "give a shorter address; no QR code is shown"),
        ("references.yaml", 22, "ERROR", "duplicate reference id 'known2020'",
         "first defined on line 1"),
    ]
