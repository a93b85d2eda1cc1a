"""The compact filter index gives what a plain walk over the events gives.

The reference below applies a `Filter` to each event directly, from the model
alone; the index (posting arrays, per-event actor numbers, one joined search
buffer) must keep the same events and count the same facets, for any filter
Hypothesis draws on generated data.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.benchgen import generate
from tui.filters import Filter, TimelineIndex, bodies_of, expand_actor, next_match, search_text
from tui.load import load_timeline
from tui.model import Event, Timeline
from tui.searchtext import SearchTexts


@pytest.fixture(scope="module")
def timeline(tmp_path_factory: pytest.TempPathFactory) -> Timeline:
    root = tmp_path_factory.mktemp("generated")
    return load_timeline(generate(root, 300, seed=3, articles=12, actors=40))


def keeps(timeline: Timeline, event: Event, filt: Filter, skip: str = "") -> bool:
    """Whether `filt` keeps `event`, worked out from the event alone."""
    if filt.actors and (skip != "actors" or filt.all_actors):
        involved = [
            any(a in expand_actor(chosen, timeline.actors) for a in event.actors)
            for chosen in filt.actors
        ]
        if not (all(involved) if filt.all_actors else any(involved)):
            return False
    if filt.years and skip != "years":
        if not any(event.start.year <= y <= event.end.year for y in filt.years):
            return False
    if filt.article and all(s.article_id != filt.article for s in event.sources):
        return False
    if filt.kinds and skip != "kinds" and event.kind not in filt.kinds:
        return False
    if filt.date_from and event.end < filt.date_from:
        return False
    if filt.date_to and event.start > filt.date_to:
        return False
    needle = filt.search.strip().casefold()
    return not needle or needle in search_text(event, timeline)


def reference(timeline: Timeline, filt: Filter, skip: str = "") -> list[int]:
    return [i for i, e in enumerate(timeline.events) if keeps(timeline, e, filt, skip)]


@st.composite
def filters(draw: st.DrawFn, timeline: Timeline) -> Filter:
    actor_ids = sorted(timeline.actor_by_id)
    years = sorted({e.start.year for e in timeline.events})
    kinds = sorted({e.kind for e in timeline.events})
    words = sorted({w.casefold() for e in timeline.events[:60] for w in e.title.split()})
    search = draw(st.one_of(
        st.just(""),
        st.sampled_from(words).map(lambda w: w[: max(1, len(w) // 2)]),
        st.sampled_from(words),
        st.text(alphabet="aeiknorst “”é", max_size=3),
    ))
    low = draw(st.one_of(st.none(), st.dates(date(1880, 1, 1), date(2025, 12, 31))))
    return Filter(
        actors=frozenset(draw(st.lists(st.sampled_from(actor_ids), max_size=3))),
        years=frozenset(draw(st.lists(st.sampled_from(years), max_size=3))),
        kinds=frozenset(draw(st.lists(st.sampled_from(kinds), max_size=2))),
        article=draw(st.one_of(st.none(), st.sampled_from(sorted(timeline.article_by_id)))),
        search=draw(st.sampled_from(["", " ", search.upper(), search])),
        date_from=low,
        all_actors=draw(st.booleans()),
    )


@given(data=st.data())
def test_the_index_keeps_what_a_walk_over_the_events_keeps(
    timeline: Timeline, data: st.DataObject
) -> None:
    index = TimelineIndex.build(timeline)
    filt = data.draw(filters(timeline))
    assert list(index.select(filt)) == reference(timeline, filt)
    # typing on narrows the last result: the same as searching afresh
    longer = replace(filt, search=filt.search + "e")
    assert list(index.select(longer)) == reference(timeline, longer)


@given(data=st.data())
def test_facet_counts_match_a_walk_over_the_events(
    timeline: Timeline, data: st.DataObject
) -> None:
    index = TimelineIndex.build(timeline)
    filt = data.draw(filters(timeline))
    counted: Counter[str] = Counter()
    for i in reference(timeline, filt, skip="actors"):
        counted.update(
            {b for a in timeline.events[i].actors for b in bodies_of(a, timeline.actor_by_id)}
        )
    assert index.actor_counts(filt) == {a.id: counted[a.id] for a in timeline.actors}
    kinds = Counter(timeline.events[i].kind for i in reference(timeline, filt, skip="kinds"))
    assert index.kind_counts(filt) == {k: kinds[k] for k in index.kinds}
    years: Counter[int] = Counter()
    for i in reference(timeline, filt, skip="years"):
        event = timeline.events[i]
        years.update(range(event.start.year, event.end.year + 1))
    assert index.year_counts(filt) == dict(years)


def test_each_event_counts_for_its_actors_and_their_bodies(timeline: Timeline) -> None:
    index = TimelineIndex.build(timeline)
    for i, event in enumerate(timeline.events):
        expected = {b for a in event.actors for b in bodies_of(a, timeline.actor_by_id)}
        assert index.event_actors(i) == expected


@pytest.mark.parametrize(
    ("texts", "positions", "needle", "expected"),
    [
        (["war", "treaty", "talks"], range(3), "t", [1, 2]),
        (["war", "treaty", "talks"], range(1, 3), "a", [1, 2]),
        (["war", "treaty", "talks"], [0, 2], "a", [0, 2]),
        (["war", "treaty", "talks"], range(3), "rt", []),  # never across two events
        (["“quoted” é", "plain"], range(2), "é", [0]),  # non-ASCII: UTF-8 bytes
        (["“quoted” é", "plain"], range(2), "”", [0]),
        (["a\0b", "b"], range(2), "a b", [0]),  # a NUL in the data is a space
        (["ab", "b"], range(2), "\0", []),
        ([], range(0), "a", []),
        (["x"], range(1), "x", [0]),
    ],
)
def test_search_texts_match_like_substrings(
    texts: list[str], positions: range | list[int], needle: str, expected: list[int]
) -> None:
    joined = SearchTexts(texts)
    assert joined.matching(positions, needle) == expected
    assert [joined[i] for i in range(len(joined))] == [t.replace("\0", " ") for t in texts]
    assert joined.nbytes >= sum(len(t.encode()) for t in texts)


def test_next_match_reads_the_joined_texts_too() -> None:
    texts = SearchTexts(["war", "treaty signed", "talks", "treaty hidden", "treaty renewed"])
    assert next_match([0, 1, 2, 4], texts, "treaty", 1, 1) == (4, False)
    assert next_match([0, 1, 2, 4], texts, "treaty", 4, 1) == (1, True)
