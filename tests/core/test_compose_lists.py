"""The home page stays short however big the pack: long lists are a link away, paged."""

from __future__ import annotations

import re
from pathlib import Path

from lantern.core.compose import LIST_PAGE, ON_HOME, Composer
from lantern.core.model import Faq, Library, Term


def big_library(faqs: int, terms: int = 0) -> Library:
    return Library(
        faqs=tuple(Faq(f"q{n}", f"Question {n}?", ("t",), "An answer.", Path(f"q{n}.md"))
                   for n in range(faqs)),
        terms=tuple(Term(f"t{n}", f"term {n}", "A definition.") for n in range(terms)),
    )


def links(html: str, prefix: str) -> list[str]:
    return re.findall(rf'href="({re.escape(prefix)}[^"]*)"', html)


def test_home_of_a_big_pack_lists_a_few_questions_and_links_to_all() -> None:
    home = Composer(big_library(5000, terms=400)).home().html
    assert len(links(home, "lantern:faq/")) == ON_HOME["faq"]
    assert len(links(home, "lantern:term/")) == ON_HOME["term"]
    assert "lantern:list/faq" in links(home, "lantern:list/")
    assert "All questions (5,000)" in home
    assert "lantern:list/term" in links(home, "lantern:list/")


def test_home_of_a_small_pack_lists_everything_and_no_all_link() -> None:
    home = Composer(big_library(12, terms=3)).home().html
    assert len(links(home, "lantern:faq/")) == 12
    assert not links(home, "lantern:list/")


def test_all_questions_come_a_page_at_a_time_with_previous_and_next() -> None:
    composer = Composer(big_library(5000))
    first = composer.compose("lantern:list/faq")
    assert first is not None
    assert links(first.html, "lantern:faq/")[0] == "lantern:faq/q0"
    assert len(links(first.html, "lantern:faq/")) == LIST_PAGE
    assert "lantern:list/faq/2" in links(first.html, "lantern:list/")
    pages = -(-5000 // LIST_PAGE)
    last = composer.compose(f"lantern:list/faq/{pages}")
    assert last is not None
    assert links(last.html, "lantern:faq/")[-1] == "lantern:faq/q4999"
    assert f"lantern:list/faq/{pages - 1}" in links(last.html, "lantern:list/")
    assert f"page {pages} of {pages}" in last.title
    # Every question is on exactly one page.
    seen = [link for page in range(1, pages + 1)
            for link in links(composer.compose(f"lantern:list/faq/{page}").html,  # type: ignore[union-attr]
                              "lantern:faq/")]
    assert len(seen) == len(set(seen)) == 5000


def test_list_addresses_that_do_not_exist_are_not_found() -> None:
    composer = Composer(big_library(10))
    for address in ("lantern:list/faq/2", "lantern:list/faq/0", "lantern:list/faq/x",
                    "lantern:list/article", "lantern:list/nothing"):
        assert composer.compose(address) is None, address
