"""Recent searches keep nothing that brought up the help-now page."""

from __future__ import annotations

from lantern.core.history import RecentSearches


def test_recent_searches_keep_no_crisis_search():
    recent = RecentSearches()
    assert recent.add("ketamine")
    for query in ("I want to kill myself", "took too many pills", "SELF-HARM"):
        assert not recent.add(query)
    recent.loads('["suicide hotline", "DMN"]')
    assert recent.items == ["DMN", "ketamine"]
