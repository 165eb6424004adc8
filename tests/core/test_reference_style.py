"""Author lists follow the Vancouver limit: up to six names, then "et al."."""

from __future__ import annotations

from lantern.core.compose import reference_html
from lantern.core.model import Author, Reference

from tests.conftest import BUNDLED_PACK


def _ref(n: int) -> Reference:
    authors = tuple(Author(family=f"Name{i}", given="A.") for i in range(1, n + 1))
    return Reference(id="x2020", type="article-journal", title="A title", issued=2020,
                     authors=authors, container_title="Journal", volume="1", page="1-2",
                     doi="10.1000/x")


def test_six_authors_are_all_shown_without_et_al():
    for text in (_ref(6).citation(), reference_html(_ref(6))):
        assert "Name6 A" in text and "et al" not in text


def test_seven_authors_show_six_then_et_al():
    for text in (_ref(7).citation(), reference_html(_ref(7))):
        assert "Name6 A" in text and "Name7" not in text and "et al" in text


def test_a_bundled_trial_with_many_authors_reads_as_a_group():
    from lantern.core.content import load_library

    library = load_library(BUNDLED_PACK)
    mitchell = library.reference("mitchell2021")
    assert mitchell is not None and len(mitchell.authors) > 6
    assert "et al" in mitchell.citation()
