"""Filtering and facet counts on a small timeline (tests/app_helpers.py's data)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.app_helpers import ORDER, load
from tui.filters import Filter, TimelineIndex, bodies_of, expand_actor, find_actor


@pytest.fixture
def index(tmp_path: Path) -> TimelineIndex:
    return TimelineIndex.build(load(tmp_path))


def ids(index: TimelineIndex, positions: object) -> list[str]:
    return [index.timeline.events[p].id for p in positions]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("filt", "expected"),
    [
        (Filter(), ORDER),
        (Filter(actors=frozenset({"kim-jong-un"})), ["visit", "dialogue"]),
        # a country includes the people who act for it
        (
            Filter(actors=frozenset({"china"})),
            ["war", "treaty", "trade", "visit", "renewed", "message"],
        ),
        # several actors: any of them
        (Filter(actors=frozenset({"kim-jong-un", "xi-jinping"})), ["visit", "dialogue", "message"]),
        # a year matches every event overlapping it: the war spans 1950–1953
        (Filter(years=frozenset({1952})), ["war"]),
        (Filter(years=frozenset({2019, 1961})), ["treaty", "trade", "visit"]),
        # overlap: "trade" is all of 2019
        (Filter(date_from=date(2019, 6, 1), date_to=date(2019, 12, 31)), ["trade", "visit"]),
        (Filter(date_from=date(2019, 6, 21), date_to=date(2019, 12, 31)), ["trade"]),
        (Filter(date_from=date(2021, 1, 1)), ["renewed", "dialogue", "message"]),
        (Filter(date_to=date(1951, 1, 1)), ["war"]),
        # search: case-insensitive, over titles, summaries, quotes and actor names
        (Filter(search="TREATY"), ["treaty", "renewed"]),
        (Filter(search="customs figures"), ["trade"]),
        (Filter(search="kim jong un"), ["visit", "dialogue"]),
        (Filter(search="   "), ORDER),
        (Filter(article="beta"), ["trade", "visit"]),
        (Filter(actors=frozenset({"china"}), years=frozenset({2019}), search="xi"), ["visit"]),
        (Filter(search="nothing like this"), []),
    ],
)
def test_select(index: TimelineIndex, filt: Filter, expected: list[str]) -> None:
    assert ids(index, index.select(filt)) == expected


def test_actor_counts_ignore_the_actor_facet_and_count_each_event_once(
    index: TimelineIndex,
) -> None:
    chosen = Filter(actors=frozenset({"kim-jong-un"}), years=frozenset({2019}))
    counts = index.actor_counts(chosen)
    # Under "2019" alone: trade (China) and visit (Xi and Kim).
    assert counts == {"china": 2, "north-korea": 1, "xi-jinping": 1, "kim-jong-un": 1}
    everything = index.actor_counts(Filter())
    assert everything["china"] == 6 and everything["north-korea"] == 5


def test_year_counts_ignore_the_year_facet(index: TimelineIndex) -> None:
    counts = index.year_counts(Filter(years=frozenset({2021}), actors=frozenset({"china"})))
    assert counts == {1950: 1, 1951: 1, 1952: 1, 1953: 1, 1961: 1, 2019: 2, 2021: 2}


def test_actor_closures(index: TimelineIndex) -> None:
    actors = index.timeline.actors
    assert expand_actor("china", actors) == {"china", "xi-jinping"}
    assert bodies_of("xi-jinping", index.timeline.actor_by_id) == {"xi-jinping", "china"}
    assert find_actor(actors, "  xi   JINPING ") is not None
    assert find_actor(actors, "Xi") is None


def test_filter_toggles() -> None:
    filt = Filter().with_actor_toggled("china").with_year_toggled(2019)
    assert filt.actors == {"china"} and filt.years == {2019} and filt.is_active
    assert filt.with_actor_toggled("china").with_year_toggled(2019).is_empty


def test_typing_on_narrows_the_last_result(index: TimelineIndex) -> None:
    steps = ["t", "tr", "tre", "trea", "treat", "treaty"]
    results = [ids(index, index.select(Filter(search=s))) for s in steps]
    fresh = TimelineIndex.build(index.timeline)
    assert results == [ids(fresh, fresh.select(Filter(search=s))) for s in steps]
    assert results[-1] == ["treaty", "renewed"]
    # a shorter or different text is searched afresh, not within the last result
    assert ids(index, index.select(Filter(search="trade"))) == ["trade"]
    assert ids(index, index.select(Filter(search="t"))) == results[0]
    # other filters changing also start afresh
    china = Filter(search="treaty", actors=frozenset({"kim-jong-un"}))
    assert ids(index, index.select(china)) == []


@pytest.mark.parametrize(
    ("at", "step", "expected"),
    [
        (-1, 1, (1, False)),  # nothing selected: the first match
        (1, 1, (4, False)),
        (4, 1, (1, True)),  # past the last: wraps to the first
        (4, -1, (1, False)),
        (1, -1, (4, True)),  # before the first: wraps to the last
        (2, 1, (4, False)),  # from a non-matching event
    ],
)
def test_next_match_steps_through_listed_matches(
    at: int, step: int, expected: tuple[int, bool]
) -> None:
    from tui.filters import next_match

    texts = ["war", "treaty signed", "talks", "treaty hidden", "treaty renewed"]
    positions = [0, 1, 2, 4]  # 3 matches but is filtered out: never chosen
    assert next_match(positions, texts, "treaty", at, step) == expected
    assert next_match(positions, texts, "summit", at, step) is None
