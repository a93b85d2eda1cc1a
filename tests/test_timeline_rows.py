"""The timeline's row index: year headings interleaved with events, rows found by bisection."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.widgets.timeline_rows import _walk_rows, build_rows, row_of_index, year_runs

YEARS = [1949, 1950, 1950, 1953, 2019, 2019, 2019, 2021, 2024, 2024]


@pytest.mark.parametrize(
    ("positions", "rows"),
    [
        ([], []),
        ([0], [-1949, 0]),
        ([1, 2, 3], [-1950, 1, 2, -1953, 3]),
        (range(10), [-1949, 0, -1950, 1, 2, -1953, 3, -2019, 4, 5, 6, -2021, 7, -2024, 8, 9]),
        ([0, 6, 9], [-1949, 0, -2019, 6, -2024, 9]),
    ],
)
def test_build_rows(positions: list[int], rows: list[int]) -> None:
    built, heading_at = build_rows(YEARS, positions)
    assert built == rows
    assert len(heading_at) == sum(1 for r in rows if r < 0)


def test_row_of_index_agrees_with_the_rows() -> None:
    rng = random.Random(7)
    years = sorted(rng.randrange(1900, 2030) for _ in range(2000))
    for _ in range(20):
        positions = sorted(rng.sample(range(len(years)), rng.randrange(1, 500)))
        rows, heading_at = build_rows(years, positions)
        for index, pos in enumerate(positions):
            assert rows[row_of_index(heading_at, index)] == pos


@given(
    st.lists(st.integers(1990, 1996), max_size=300).flatmap(
        lambda years: st.tuples(
            st.just(years),
            st.sets(st.integers(0, max(0, len(years) - 1))).map(
                lambda chosen: sorted(p for p in chosen if p < len(years))
            ),
            st.booleans(),
        )
    )
)
def test_rows_found_by_runs_are_the_rows_walked(case: tuple[list[int], list[int], bool]) -> None:
    """Bisecting the runs of one year gives the rows a walk over every listed event gives,
    in date order or not (a heading after each change of year among the listed events)."""
    years, positions, in_order = case
    if in_order:
        years = sorted(years)
    runs = year_runs(years)
    assert build_rows(years, positions, runs) == _walk_rows(years, positions)
    assert build_rows(years, positions) == _walk_rows(years, positions)


def test_year_runs() -> None:
    assert year_runs([]) == []
    assert year_runs([2001]) == [0]
    assert year_runs([2001, 2001, 2003, 2001, 2001]) == [0, 2, 3]


def test_many_listed_events_are_bisected_not_walked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Years in date order with far more listed events than runs take the bisecting path."""
    import tui.widgets.timeline_rows as rows_module

    def walked(*_: object) -> object:
        raise AssertionError("walked every listed event")

    years = [1990 + i // 1000 for i in range(10_000)]
    monkeypatch.setattr(rows_module, "_walk_rows", walked)
    rows, heading_at = build_rows(years, range(0, 10_000, 3), year_runs(years))
    assert [-r for r in rows if r < 0] == list(range(1990, 2000))
    assert len(heading_at) == 10


async def test_a_new_timeline_gets_its_own_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The runs of one year are worked out once per timeline: a timeline replaced
    # (a live reload, the whole read behind a head) must not keep the old runs,
    # which put the new timeline's headings in the wrong places.
    from textual.app import App, ComposeResult

    from tests.app_helpers import write_data
    from tui.model import Timeline
    from tui.opening import open_timeline
    from tui.widgets.timeline_view import TimelineView

    monkeypatch.setenv("TIMELINE_CACHE_DIR", "off")
    first = open_timeline(write_data(tmp_path))
    second = Timeline.build(first.articles, first.actors, first.events[1:], in_order=True)
    listed = range(len(second.events))
    walked = _walk_rows(second.start_years, listed)[0]
    stale = build_rows(second.start_years, listed, year_runs(first.start_years))[0]
    assert stale != walked  # the test can fail

    class ViewApp(App[None]):
        def compose(self) -> ComposeResult:
            yield TimelineView()

    async with ViewApp().run_test(size=(100, 20)) as pilot:
        view = pilot.app.query_one(TimelineView)
        view.set_timeline(first)
        view.show(range(len(first.events)))
        await pilot.pause()
        view.set_timeline(second)
        view.show(listed)
        await pilot.pause()
        assert view.rows == walked
