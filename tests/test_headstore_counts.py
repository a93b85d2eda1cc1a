"""The head's year counts: from the start years kept with the model, or worked out."""

from __future__ import annotations

from tui.filters import Filter, TimelineIndex
from tui.headstore import year_counts
from tui.load import load_timeline
from tui.model import Timeline


def test_year_counts_with_and_without_the_kept_start_years() -> None:
    timeline = load_timeline()
    assert any(event.start.year != event.end.year for event in timeline.events)
    expected = TimelineIndex.build(timeline).year_counts(Filter())
    assert year_counts(timeline) == expected
    bare = Timeline(timeline.articles, timeline.actors, timeline.events)  # no start years
    assert len(bare.start_years) == 0
    assert year_counts(bare) == expected
