"""The model cache's pickle: a timeline's events, sources and spans go as columns.

Whatever the events hold (no actors or many, one source or several, spans shared
between sources or not, windows with likely days or none, references to other
events), a timeline read back is equal to the one written, field for field, with
its look-ups and start years, and spans shared before are shared after.
"""

from __future__ import annotations

import pickle
from dataclasses import fields
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.loading.sourcecheck import pack_sources, unpack_sources
from tui.model import Article, Event, Source, Timeline, event_columns, events_from_columns
from tui.span import PRECISIONS, RELATIONS, Span

ARTICLE = Article("a1", "a1.txt", "Title", "Outlet", None, date(2024, 4, 15), "stated", "", "Text.")
texts = st.text(max_size=12)
days = st.dates()  # date.min to date.max


@st.composite
def spans(draw: st.DrawFn) -> Span:
    start = draw(days)
    room = (date.max - start).days  # up to the last day a date can hold
    end = start + timedelta(days=draw(st.integers(0, min(400, room))))
    likely = draw(st.one_of(st.none(), st.just(start)))
    return Span(
        start,
        end,
        draw(st.sampled_from(PRECISIONS)),
        draw(st.booleans()),
        draw(texts),
        draw(texts),
        draw(st.sampled_from(RELATIONS)),
        likely,
        None if likely is None else end,
    )


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    pool = draw(st.lists(spans(), min_size=1, max_size=4))  # spans shared between sources
    count = draw(st.integers(0, 8))
    events = []
    for order in range(count):
        sources = tuple(
            Source(
                "a1",
                draw(texts),
                draw(texts),
                draw(st.sampled_from(pool)),
                draw(st.integers(0, 10**6)),
                draw(st.integers(0, 10**6)),
                draw(st.one_of(st.none(), texts)),
            )
            for _ in range(draw(st.integers(1, 3)))
        )
        events.append(
            Event(
                f"e{order}",
                draw(texts),
                draw(texts),
                draw(st.sampled_from(["meeting", "visit", ""])),
                tuple(draw(st.lists(texts, max_size=3))),
                sources,
                order,
            )
        )
    return Timeline.build((ARTICLE,), (), tuple(events))


@settings(max_examples=150, deadline=None)
@given(timeline=timelines())
def test_a_timeline_reads_back_as_it_was_written(timeline: Timeline) -> None:
    again = pickle.loads(pickle.dumps(timeline, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == timeline
    assert again.event_by_id == timeline.event_by_id
    assert all(again.event_by_id[e.id] is e for e in again.events)
    assert again.article_by_id == timeline.article_by_id
    assert list(again.start_years) == list(timeline.start_years)
    shared = {id(s.span) for e in timeline.events for s in e.sources}
    shared_after = {id(s.span) for e in again.events for s in e.sources}
    assert len(shared_after) == len(shared)  # a span shared before is one object after


@settings(max_examples=100, deadline=None)
@given(timeline=timelines(), gaps=st.lists(st.integers(0, 30), max_size=5))
def test_sources_sent_back_by_a_second_core_arrive_as_they_were(
    timeline: Timeline, gaps: list[int]
) -> None:
    # A forked copy's results (a source, or None for a source with a problem) go
    # back as columns (`tui.loading.parallel`).
    results: list[Source | None] = [s for e in timeline.events for s in e.sources]
    for at in gaps:
        results.insert(min(at, len(results)), None)
    again = unpack_sources(pickle.loads(pickle.dumps(pack_sources(results))))
    assert again == results
    assert [s is None for s in again] == [s is None for s in results]
    shared = {id(s.span) for s in results if s is not None}
    assert len({id(s.span) for s in again if s is not None}) == len(shared)


def test_repeated_values_are_read_back_as_one_object() -> None:
    # An article's id, date words and explanations repeat in many sources: written
    # once, read back once (a smaller, faster pickle and a smaller model).
    def fresh(text: str) -> str:
        return "".join(list(text))  # equal, and a distinct object

    span = Span(date(2024, 4, 13), date(2024, 4, 13), "day", False, "2024-04-13", "why")
    events = tuple(
        Event(f"e{i}", "Title", "", fresh("meeting"), (), (
            Source(fresh("a1"), fresh("said on Saturday"), fresh("on Saturday"),
                   Span(*(fresh(v) if isinstance(v, str) else v for v in (
                       span.start, span.end, span.precision, span.approximate, span.timex,
                       span.explanation))), 0, 5, None),
        ), i)
        for i in range(3)
    )
    timeline = Timeline.build((ARTICLE,), (), events)
    again = pickle.loads(pickle.dumps(timeline, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == timeline
    sources = [e.sources[0] for e in again.events]
    for values in (
        [s.article_id for s in sources], [s.quote for s in sources],
        [s.date_text for s in sources], [s.span.explanation for s in sources],
        [e.kind for e in again.events],
    ):
        assert len(set(map(id, values))) == 1, values


def test_the_pickle_knows_every_field_of_a_timeline() -> None:
    # `Timeline.__reduce__` names them: a field added must be given a place there.
    assert [f.name for f in fields(Timeline)] == [
        "articles",
        "actors",
        "events",
        "article_by_id",
        "actor_by_id",
        "event_by_id",
        "start_years",
    ]
    empty = Timeline.build((ARTICLE,), (), ())
    assert pickle.loads(pickle.dumps(empty)) == empty


@pytest.mark.parametrize("cls", [Span, Source, Event])
def test_records_read_back_are_what_their_constructor_makes(cls: type) -> None:
    # The cache sets each field through its slot, never calling `__init__`: that is
    # the same object only while the class does nothing more when made.
    assert not hasattr(cls, "__post_init__")
    assert cls.__init__.__code__.co_filename == "<string>"  # made by @dataclass, not ours
    assert set(cls.__slots__) == {f.name for f in fields(cls)}


@settings(max_examples=100, deadline=None)
@given(timeline=timelines())
def test_start_years_are_each_events_placed_start(timeline: Timeline) -> None:
    # Worked out from the spans in C; "by" and "until" place an event at its end.
    assert list(timeline.start_years) == [e.start.year for e in timeline.events]


def test_columns_of_different_lengths_are_refused() -> None:
    # A damaged entry reads as a miss, never as records missing a field.
    span = Span(date(2000, 1, 1), date(2000, 1, 1), "day", False, "2000-01-01", "why")
    source = Source("a1", "Text.", "today", span, 0, 5)
    events = [Event(f"e{n}", f"t{n}", "", "k", ("x",), (source,), n) for n in range(3)]
    table, sources, spans = event_columns(events)
    table[1] = table[1][:-1]  # a title short
    with pytest.raises(ValueError):
        events_from_columns(table, sources, spans)
    assert events_from_columns(*event_columns(events)) == tuple(events)
