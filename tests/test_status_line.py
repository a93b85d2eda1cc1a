"""The status line's words: what is filtered, how many are left, and how to get them back."""

from __future__ import annotations

import pytest

from tui.datafiles import default_data_dir
from tui.filters import Filter
from tui.load import load_timeline
from tui.widgets.status_line import describe_filter

TIMELINE = load_timeline(default_data_dir())
NOTHING_LEFT = [
    # (filter, the focus in the search box, the end of the line)
    (Filter(search="iraq"), True, '"iraq" — 0 of 40 events · Esc cancels the search'),
    (Filter(search="iraq"), False, '"iraq" — 0 of 40 events · press c to clear the filters'),
    (
        Filter(actors=frozenset({"kim-jong-un"}), years=frozenset({1950})),
        True,  # Esc would bring nothing back: no search to cancel
        "Kim Jong Un · 1950 — 0 of 40 events · Esc, then c, clears the filters",
    ),
    (
        Filter(actors=frozenset({"kim-jong-un"}), years=frozenset({1950})),
        False,
        "Kim Jong Un · 1950 — 0 of 40 events · press c to clear the filters",
    ),
    # A year outside the data says which years it has, as `timeline list` does.
    (
        Filter(years=frozenset({2099})),
        False,
        "2099 — 0 of 40 events (the data covers 1949–2025) · press c to clear the filters",
    ),
]


@pytest.mark.parametrize(("filt", "typing", "line"), NOTHING_LEFT)
def test_with_nothing_left_it_says_how_to_get_events_back(
    filt: Filter, typing: bool, line: str
) -> None:
    assert describe_filter(TIMELINE, filt, 0, typing=typing) == line


def test_with_events_left_it_says_nothing_more() -> None:
    assert describe_filter(TIMELINE, Filter(search="visit"), 16, typing=True) == (
        '"visit" — 16 of 40 events'
    )


def test_an_empty_or_one_event_timeline_is_not_all_of_them() -> None:
    """A timeline just started said "All 0 events"."""
    from dataclasses import replace

    assert describe_filter(TIMELINE, Filter(), 40) == "All 40 events"
    one = replace(TIMELINE, events=TIMELINE.events[:1])
    assert describe_filter(one, Filter(), 1) == "1 event"
    empty = replace(TIMELINE, events=())
    assert describe_filter(empty, Filter(), 0) == "No events yet"
