"""The filter panel counts the facets with the keystroke when counting is cheap.

Whether it does is decided by the index's estimate of what counting costs (its
posting lists' sizes), not by the number of events: 100,000 events with a few
large lists count in a few milliseconds.
"""

from __future__ import annotations

from pathlib import Path
from unittest import mock

from tests.benchgen import generate
from tui import bitsets
from tui.filters import TimelineIndex
from tui.load import load_timeline
from tui.widgets import filter_panel
from tui.widgets.filter_panel import FilterPanel


def test_counts_are_inline_while_the_estimated_cost_is_small(tmp_path: Path) -> None:
    index = TimelineIndex.build(load_timeline(generate(tmp_path, 200, seed=2, actors=30)))
    assert 0 < index.counting_cost <= filter_panel.INLINE_COUNT_COST
    assert FilterPanel._counts_inline(index)
    with mock.patch.object(filter_panel, "INLINE_COUNT_COST", index.counting_cost - 1):
        assert not FilterPanel._counts_inline(index)


def test_the_cost_follows_the_small_lists_and_the_number_of_large_ones(tmp_path: Path) -> None:
    timeline = load_timeline(generate(tmp_path, 200, seed=2, actors=30))
    with mock.patch.object(bitsets, "DENSE", 10**9):  # every list small: gathered
        sparse = TimelineIndex.build(timeline)
    with mock.patch.object(bitsets, "DENSE", 1):  # every list a bitset
        dense = TimelineIndex.build(timeline)
    entries = sum(sparse.by_actor.length(a) for a in sparse.actor_ids)
    assert sparse.by_actor.cost == entries + 200 // 10
    assert dense.by_actor.cost == len(dense.actor_ids)  # one step per bitset at 200 events
