"""A page's time budget is cooperative: it stops the render only at the renderer's own
checks, from the thread doing the work, and a render can be cancelled from another thread."""

from __future__ import annotations

import ctypes
import threading
import time

import pytest

from lantern.core.content import load_library
from lantern.core.deadline import Abandoned, Budget
from lantern.core.render import Renderer

from tests.conftest import VALID_PACK
from tests.hostile.recipes import SLOW_PAGES

PROBE = "See [the site](https://example.org) and [@siegel2024]."
#: Slow in loops of their own: a table of 100 000 rows is one block, a paragraph of 900 KB
#: one text for the glossary, 50 000 fenced blocks one preprocessor loop.
MORE_SLOW = {
    "table-rows": lambda: "| a | b |\n|---|---|\n" + "| x | y |\n" * 100_000,
    "one-paragraph": lambda: ("word " * 3_000 + "\n") * 60,
    "fenced-blocks": lambda: "```\nx\n```\n\n" * 50_000,
}


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(load_library(VALID_PACK))


def test_the_budget_raises_nothing_into_a_thread_from_outside(
        renderer: Renderer, monkeypatch: pytest.MonkeyPatch):
    from lantern.core import render

    injected: list[object] = []
    api = getattr(ctypes, "pythonapi", None)
    if api is not None:
        real = api.PyThreadState_SetAsyncExc

        def recorded(*args: object) -> object:
            injected.append(args)
            return real(*args)

        monkeypatch.setattr(api, "PyThreadState_SetAsyncExc", recorded)
    monkeypatch.setattr(render, "PAGE_TIME_LIMIT_S", 0.3)
    threads = threading.active_count()
    started = time.monotonic()
    slow = renderer.render(SLOW_PAGES["code-spans"]())
    assert slow.html.startswith('<p class="plain">`a `a')
    assert time.monotonic() - started < 5
    assert injected == []  # no asynchronous exception, no timer thread
    assert threading.active_count() == threads


@pytest.mark.parametrize("name", [*SLOW_PAGES, *MORE_SLOW])
def test_every_slow_page_stops_near_its_budget(renderer: Renderer, name: str):
    body = {**SLOW_PAGES, **MORE_SLOW}[name]()
    started = time.monotonic()
    renderer.render(body, budget=Budget(0.3))
    # Past the budget only by what runs between two ticks (generous for a loaded machine).
    assert time.monotonic() - started < 2.0, name
    assert renderer.render(PROBE).citations == ("siegel2024",)


def test_a_render_cancelled_from_another_thread_stops_and_the_renderer_recovers(
        renderer: Renderer):
    before = renderer.render(PROBE)
    budget = Budget(60)
    outcome: list[BaseException | None] = []

    def work() -> None:
        try:
            renderer.render(SLOW_PAGES["one-megabyte"](), budget=budget)
        except BaseException as error:  # what ended it is the result
            outcome.append(error)
        else:
            outcome.append(None)

    thread = threading.Thread(target=work)
    thread.start()
    time.sleep(0.2)  # well into the page (it takes seconds)
    cancelled = time.monotonic()
    budget.cancel()
    thread.join(5)
    assert not thread.is_alive() and time.monotonic() - cancelled < 2
    assert len(outcome) == 1 and isinstance(outcome[0], Abandoned)
    assert renderer.render(PROBE).html == before.html


def test_a_share_of_the_thread_used_up_abandons_the_page(renderer: Renderer):
    started = time.monotonic()
    with pytest.raises(Abandoned):
        renderer.render(SLOW_PAGES["10000-citations"](), budget=Budget(60, share_s=0.03))
    assert time.monotonic() - started < 2
    quick = renderer.render(PROBE, budget=Budget(60, share_s=0.5))
    assert quick.citations == ("siegel2024",)
