"""A reloaded timeline's index: the posting lists are kept when they would come out the same.

Random edits to the shipped timeline's events (a title, a kind, an actor, a date,
a source's article, an event added) give a new timeline; its index built from
the old one's answers every filter, count and search exactly as one built
afresh, and keeps the old posting lists only when no event's place in them
changed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.filters import Filter, TimelineIndex
from tui.load import default_data_dir, load_timeline
from tui.model import Event, Timeline

SHIPPED = load_timeline(default_data_dir())
EVENTS = SHIPPED.events
ACTOR_IDS = sorted(a.id for a in SHIPPED.actors)
KINDS = sorted({e.kind for e in EVENTS})
YEARS = sorted({e.start.year for e in EVENTS})


def _edited(event: Event, how: str, n: int) -> Event:
    if how == "title":
        return replace(event, title=event.title + f" (edited {n})")
    if how == "kind":
        return replace(event, kind=KINDS[n % len(KINDS)])
    if how == "actors":
        return replace(event, actors=(ACTOR_IDS[n % len(ACTOR_IDS)],))
    if how == "date":  # another event's span: another year, most likely
        other = EVENTS[n % len(EVENTS)].sources[0]
        return replace(event, sources=(replace(event.sources[0], span=other.span),))
    other = EVENTS[n % len(EVENTS)].sources[0]  # "article": another article's source
    return replace(event, sources=(replace(other, span=event.sources[0].span),))


edits = st.lists(
    st.tuples(
        st.integers(0, len(EVENTS) - 1),
        st.sampled_from(["title", "title", "kind", "actors", "date", "article"]),
        st.integers(0, 1000),
    ),
    max_size=4,
)
DAYS = sorted({d for e in EVENTS for d in (e.start, e.end)})
ARTICLE_IDS = sorted(a.id for a in SHIPPED.articles)
filters = st.builds(
    Filter,
    actors=st.frozensets(st.sampled_from(ACTOR_IDS), max_size=2),
    years=st.frozensets(st.sampled_from(YEARS), max_size=2),
    kinds=st.frozensets(st.sampled_from(KINDS), max_size=1),
    search=st.sampled_from(["", "kim", "edited", "treaty"]),
    date_from=st.one_of(st.none(), st.sampled_from(DAYS)),
    date_to=st.one_of(st.none(), st.sampled_from(DAYS)),
    article=st.one_of(st.none(), st.sampled_from(ARTICLE_IDS)),
)


def _rebuilt(events: list[Event]) -> Timeline:
    """The timeline as a reload gives it: new objects only for the edited events."""
    return Timeline.build(SHIPPED.articles, SHIPPED.actors, tuple(events))


@settings(max_examples=80, deadline=None)
@given(changes=edits, added=st.booleans(), checks=st.lists(filters, min_size=1, max_size=4))
def test_an_index_built_from_the_last_one_answers_as_a_fresh_one(
    changes: list[tuple[int, str, int]], added: bool, checks: list[Filter]
) -> None:
    old = TimelineIndex.build(SHIPPED)
    for filt in checks:  # the old index's caches full when it is taken over
        old.select(filt)
        old.actor_counts(filt)
    events = list(EVENTS)
    for at, how, n in changes:
        events[at] = _edited(events[at], how, n)
    if added:
        events.append(replace(EVENTS[0], id="added", order=len(EVENTS)))
    timeline = _rebuilt(events)
    reused = TimelineIndex.build(timeline, old)
    fresh = TimelineIndex.build(timeline)
    assert reused.timeline is timeline
    for filt in checks:
        assert list(reused.select(filt)) == list(fresh.select(filt))
        assert reused.actor_counts(filt) == fresh.actor_counts(filt)
        assert reused.year_counts(filt) == fresh.year_counts(filt)
        assert reused.kind_counts(filt) == fresh.kind_counts(filt)
    assert [reused.event_actors(i) for i in range(fresh.size)] == [
        fresh.event_actors(i) for i in range(fresh.size)
    ]
    assert reused.years == fresh.years and reused.kinds == fresh.kinds


@pytest.mark.parametrize(
    ("how", "kept"),
    [("title", True), ("kind", False), ("actors", False), ("article", False)],
)
def test_the_posting_lists_are_kept_only_when_no_event_moved_in_them(
    how: str, kept: bool
) -> None:
    old = TimelineIndex.build(SHIPPED)
    old.texts  # noqa: B018 - the old texts must not be taken for the new events
    events = list(EVENTS)
    at = next(i for i, e in enumerate(EVENTS) if _edited(e, how, 7) != e)
    events[at] = _edited(events[at], how, 7)
    timeline = _rebuilt(events)
    index = TimelineIndex.build(timeline, old)
    assert (index.by_actor is old.by_actor) is kept
    assert index.texts is not old.texts
    if how == "title":
        assert list(index.select(Filter(search="edited 7"))) == [timeline.events.index(events[at])]


def test_a_date_moved_within_its_year_is_found_by_its_new_day() -> None:
    """The posting lists stay (same year), but not the old index's cached day range."""
    at, event = next(
        (i, e) for i, e in enumerate(EVENTS)
        if e.start == e.end and (e.start + timedelta(days=1)).year == e.start.year
        and e.span.relation == "on"
    )
    old = TimelineIndex.build(SHIPPED)
    on_its_day = Filter(date_from=event.start, date_to=event.start)
    assert at in old.select(on_its_day)  # cached by the old index
    span = event.sources[0].span
    later = replace(span, start=span.start + timedelta(days=1), end=span.end + timedelta(days=1))
    events = list(EVENTS)
    events[at] = replace(event, sources=(replace(event.sources[0], span=later), *event.sources[1:]))
    timeline = _rebuilt(events)
    reused = TimelineIndex.build(timeline, old)
    assert reused.by_year is old.by_year  # the same year: the posting lists are kept
    assert list(reused.select(on_its_day)) == list(TimelineIndex.build(timeline).select(on_its_day))
