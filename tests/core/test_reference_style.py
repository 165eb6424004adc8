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


def test_rechecked_references_store_every_author_in_the_printed_order():
    from lantern.core.content import load_library

    library = load_library(BUNDLED_PACK)
    expected = {"daws2022": ("Daws", "Carhart-Harris", 9), "passie2002": ("Passie", "Emrich", 4),
                "raichle2001": ("Raichle", "Shulman", 6), "tozzi2021": ("Tozzi", "Williams", 6),
                "morey2012": ("Morey", "Mid-Atlantic MIRECC Workgroup", 10),
                "yan2019": ("Yan", "Zang", 65), "rootman2022": ("Rootman", "Walsh", 8)}
    for key, (first, last, count) in expected.items():
        ref = library.reference(key)
        assert ref is not None, key
        names = [a.literal or a.family for a in ref.authors]
        assert (names[0], names[-1], len(names)) == (first, last, count), key
    assert "et al" in library.reference("daws2022").citation()
    assert "et al" not in library.reference("raichle2001").citation()


def test_a_journal_article_with_one_stored_author_says_why_and_reads_as_et_al():
    from lantern.core.content import load_library

    library = load_library(BUNDLED_PACK)
    for ref in library.references:
        people = [a for a in ref.named_authors if not a.literal]
        if ref.type == "article-journal" and len(people) == 1 and len(ref.named_authors) == 1:
            assert "author" in ref.note.lower(), ref.id
            if ref.more_authors:
                assert "et al" in ref.citation() and "et al" in reference_html(ref), ref.id
                assert ref.in_text_names().endswith("et al."), ref.id
    assert library.reference("gamma2000").more_authors


def test_others_closes_a_list_that_goes_on():
    ref = Reference(id="x2020", type="article-journal", title="A title", issued=2020,
                    authors=(Author(family="Gamma", given="A."), Author(literal="others")),
                    container_title="Journal", volume="1", page="1-2", doi="10.1000/x")
    assert ref.citation().startswith("Gamma A, et al (2020)")
    assert "Gamma A, et al." in reference_html(ref) and "others" not in reference_html(ref)
    assert ref.in_text_names() == "Gamma et al."
    assert "others" not in ref.citation()
