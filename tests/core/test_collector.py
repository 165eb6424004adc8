"""The holds on Python's cycle collector (lantern.core.collector): pauses and a window's
hand-over to its GUI thread nest and overlap, and automatic collection comes back only
when the last is gone."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from lantern.core import collector


@pytest.fixture(autouse=True)
def automatic() -> Iterator[None]:
    assert gc.isenabled()  # what every test here starts from
    yield
    gc.enable()


def test_pauses_and_a_hand_over_overlap_and_the_last_one_out_turns_it_on() -> None:
    handed = collector.OneThread()
    assert not gc.isenabled() and collector.collecting()
    with collector.paused():
        assert not collector.collecting()
        assert collector.collect_due() is None  # a pause wants no collection at all
    assert collector.collecting() and not gc.isenabled()
    collector.pause_for_start()
    collector.pause_for_start()  # once is enough
    handed.end()
    assert not gc.isenabled() and not collector.collecting()
    collector.resume_after_start()
    assert gc.isenabled() and collector.collecting()
    collector.resume_after_start()  # a second call does nothing
    handed.end()
    assert gc.isenabled()


def test_a_pause_ended_elsewhere_keeps_automatic_collection_off_if_it_was() -> None:
    gc.disable()
    with collector.paused():
        pass
    assert not gc.isenabled() and not collector.collecting()


def test_the_generation_due_is_the_one_the_thresholds_name() -> None:
    handed = collector.OneThread()
    try:
        gc.collect()
        assert collector.collect_due() is None  # nothing made since
        kept = [[] for _ in range(gc.get_threshold()[0] + 10)]
        assert collector.collect_due() == 0
        assert gc.get_count()[0] < len(kept)
        for _ in range(gc.get_threshold()[1] + 1):
            gc.collect(0)
        kept += [[] for _ in range(gc.get_threshold()[0] + 10)]
        assert collector.collect_due() == 1
    finally:
        handed.end()
