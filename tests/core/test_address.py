"""Internal addresses: written and read in one place, and every one read back as written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lantern.core.address import HOME, LINKED_KINDS, SEARCHED_KINDS, Address, Kind, address

keys = st.text(st.characters(blacklist_characters="#", blacklist_categories=("Cs",)))
anchors = st.text(st.characters(blacklist_categories=("Cs",)))


@given(st.sampled_from(Kind), keys, anchors)
def test_an_address_reads_back_as_it_was_written(kind: Kind, key: str, anchor: str):
    written = Address(kind, key, anchor)
    assert Address.parse(str(written)) == written


@given(st.sampled_from(Kind), keys)
def test_a_group_key_reads_back_as_it_was_written(kind: Kind, key: str):
    item = Address(kind, key)
    assert Address.of_group(item.group) == item


@given(st.one_of(st.text(), st.text().map(lambda t: "lantern:" + t),
                 st.builds(lambda k, t: f"lantern:{k}{t}", st.sampled_from(Kind), st.text())))
def test_reading_any_text_never_raises_and_what_is_read_is_read_again_alike(text: str):
    found = Address.parse(text)
    assert found is None or Address.parse(str(found)) == found
    group = Address.of_group(text.removeprefix("lantern:"))
    assert group is None or Address.of_group(group.group) == group


@pytest.mark.parametrize(("text", "expected"), [
    ("lantern:article/microdosing#what-trials-found",
     Address(Kind.ARTICLE, "microdosing", "what-trials-found")),
    ("lantern:term/dmn", Address(Kind.TERM, "dmn")),
    ("lantern:home", HOME),
    ("lantern:ref/carhart-harris2016", Address(Kind.REF, "carhart-harris2016")),
])
def test_the_addresses_pages_use(text: str, expected: Address):
    assert Address.parse(text) == expected
    assert str(expected) == text


@pytest.mark.parametrize("text", ["", "lantern:", "lantern:nonsense/x", "article/x",
                                  "https://example.org", "search:dmn", "Lantern:home"])
def test_what_is_not_an_address(text: str):
    assert Address.parse(text) is None


def test_a_key_cannot_hold_an_anchor_and_a_kind_must_be_a_kind():
    with pytest.raises(ValueError, match="'#'"):
        Address(Kind.ARTICLE, "a#b")
    with pytest.raises(TypeError):
        Address("article", "a")  # type: ignore[arg-type]


def test_the_page_of_a_section_and_group_keys():
    section = Address(Kind.ARTICLE, "microdosing", "what-trials-found")
    assert section.page == Address(Kind.ARTICLE, "microdosing")
    assert section.group == "article:microdosing"
    assert Address.of_group("no-colon") is None and Address.of_group("bogus:x") is None
    assert address(Kind.FAQ, "x") == "lantern:faq/x"


def test_the_kinds_are_listed_once():
    assert SEARCHED_KINDS == (Kind.TERM, Kind.FAQ, Kind.ARTICLE, Kind.PAGE)
    assert set(SEARCHED_KINDS) < set(LINKED_KINDS)
    assert [k.label for k in SEARCHED_KINDS] == ["Glossary", "Question", "Article", "Page"]
    assert Kind.ARTICLE == "article" and Kind.of("faq") is Kind.FAQ and Kind.of("x") is None
