"""The timeline's model: immutable records for articles, actors, sources and events.

Everything here is plain data. `tui.load.load_timeline` builds a `Timeline` from
the data folder (`tui.opening.open_timeline` puts the model cache in front of it);
the explorer and the command line only read it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from itertools import chain, compress, islice, repeat
from operator import attrgetter, itemgetter
from typing import Any

from tui.span import PLACED_AT_END, Span

EXPECTED = "expected: "
"""Before the title of an event `Timeline.is_expected` in a one-line view (a timeline
row, `timeline list`): its date is what its article expects, not a known fact."""


class _PositionalPickle:
    """Pickle a frozen, slotted dataclass as a call with its fields in order.

    The model cache unpickles hundreds of thousands of these; rebuilding them from
    positional arguments is several times faster than the per-field state that
    frozen, slotted dataclasses pickle by default.
    """

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        cls = type(self)
        getter = _FIELD_GETTERS.get(cls)
        if getter is None:
            getter = _FIELD_GETTERS[cls] = attrgetter(*(f.name for f in fields(self)))  # type: ignore[arg-type]
        return (cls, getter(self))


_FIELD_GETTERS: dict[type, attrgetter[tuple[object, ...]]] = {}


@dataclass(frozen=True, slots=True)
class Article(_PositionalPickle):
    """One seed article and what is known about its publication."""

    id: str
    file: str
    title: str
    outlet: str
    author: str | None
    published: date
    published_basis: str  # "stated" or "inferred"
    published_note: str
    text: str  # the article's full text, exactly as in the seed file
    title_basis: str = "headline"  # "headline" (the article's own) or "descriptive" (ours)
    # The window an inferred publication date lies in; None means `published` itself.
    published_earliest: date | None = None
    published_latest: date | None = None
    published_likely_basis: str = "evidence"  # or "convention": no day of the window is likelier

    @property
    def shown_title(self) -> str:
        """The title as every view and citation shows it: a descriptive title, which we
        wrote because the article has no headline, in square brackets, as a catalogue
        marks a title it supplies, so it is never taken for the article's own."""
        if self.title_basis == "headline" or (
            self.title.startswith("[") and self.title.endswith("]")  # bracketed already
        ):
            return self.title
        return f"[{self.title}]"

    @property
    def cited_title(self) -> str:
        """The title as a citation names it: the article's own in quotation marks, one
        we wrote in square brackets (`shown_title`), never quoted as its words."""
        return f"“{self.title}”" if self.title_basis == "headline" else self.shown_title

    @property
    def published_inferred(self) -> bool:
        """True when the publication date is inferred rather than stated."""
        return self.published_basis == "inferred"

    @property
    def earliest(self) -> date:
        """The earliest day the article can have been published."""
        return self.published_earliest or self.published

    @property
    def latest(self) -> date:
        """The latest day the article can have been published."""
        return self.published_latest or self.published

    @property
    def published_window(self) -> bool:
        """True when the publication date is known only to a range of days."""
        return self.earliest != self.latest


@dataclass(frozen=True, slots=True)
class Actor(_PositionalPickle):
    """A person, country, organisation, media outlet or other party in events."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    acts_for: tuple[str, ...] = ()  # ids of the countries or bodies a person acts for


@dataclass(frozen=True, slots=True)
class Source(_PositionalPickle):
    """Where an event is reported: an article, a verbatim quote and the date words.

    `quote` is the article's own text between `quote_start` and `quote_end`
    (character offsets), byte for byte, whatever white space the data wrote.
    """

    article_id: str
    quote: str
    date_text: str
    span: Span  # date_text resolved against the article's publication date (or window)
    quote_start: int  # character offsets of the quote in the article's text
    quote_end: int
    relative_to: str | None = None  # event whose date in the same article the words refer to
    date_basis: str | None = None  # "publication": no date words, dated by the article


@dataclass(frozen=True, slots=True)
class Event(_PositionalPickle):
    """One dated event of the timeline; its date is that of its first source."""

    id: str
    title: str
    summary: str
    kind: str
    actors: tuple[str, ...]
    sources: tuple[Source, ...]
    order: int  # position in the data file, the last sort key

    @property
    def span(self) -> Span:
        """The event's resolved date: the span of its first (primary) source."""
        return self.sources[0].span

    @property
    def start(self) -> date:
        """First day the timeline places the event on (the end day for "by"/"until")."""
        return self.span.placed_start

    @property
    def end(self) -> date:
        """Last day (inclusive) the timeline places the event on."""
        return self.span.placed_end

    def sort_key(self) -> tuple[date, date, int]:
        """Chronological order: by placed start, then end, then order in the data."""
        span = self.span
        return (span.placed_start, span.placed_end, self.order)


@dataclass(frozen=True, slots=True)
class Timeline:
    """The whole validated timeline: articles, actors and events in date order."""

    articles: tuple[Article, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    article_by_id: dict[str, Article] = field(default_factory=dict, compare=False)
    actor_by_id: dict[str, Actor] = field(default_factory=dict, compare=False)
    event_by_id: dict[str, Event] = field(default_factory=dict, compare=False)
    # The start year of every event, by position: stored with the model (a few
    # hundred kilobytes at 100,000 events) because working it out again costs
    # half a second of a large timeline's first screen.
    start_years: array[int] = field(default_factory=lambda: array("i"), compare=False)

    def position_of(self, event_id: str) -> int:
        """The position of the event `event_id` in `events` (KeyError if there is none).

        Found by its sort key, which is unique, so no table by id is kept.
        """
        key = self.event_by_id[event_id].sort_key()
        return bisect_left(self.events, key, key=Event.sort_key)

    def last_written(self, event: Event) -> date | None:
        """The latest day any article reporting `event` can have been written."""
        by_id = self.article_by_id
        days = [by_id[s.article_id].latest for s in event.sources if s.article_id in by_id]
        return max(days) if days else None

    def is_expected(self, event: Event) -> bool:
        """True when the event's date falls after every article reporting it was
        written: what they expect, not what happened (a later article reporting it
        settles that). Words that look ahead from every day of their article's
        publication window (`Span.ahead`) are after it, wherever the hull begins."""
        written = self.last_written(event)
        if written is None:
            return False
        span = event.span
        if span.start > written:
            return True
        if not span.ahead:
            return False
        first = event.sources[0].article_id
        by_id = self.article_by_id
        return all(
            by_id[s.article_id].latest < span.start
            for s in event.sources
            if s.article_id != first and s.article_id in by_id
        )

    def actor_names(self, actor_ids: Iterable[str]) -> list[str]:
        """Display names of `actor_ids`, in order (the id itself for an unknown one)."""
        by_id = self.actor_by_id
        return [by_id[a].name if a in by_id else a for a in actor_ids]

    def __reduce__(self) -> tuple[Any, tuple[object, ...]]:
        # The events, their sources and their spans are pickled as columns of plain
        # values: the model cache is written about twice as fast as object by
        # object (each object a call of Python code), and read as fast.
        return (
            _timeline_from_columns,
            (self.articles, self.actors, *event_columns(self.events), self.start_years),
        )

    @classmethod
    def build(
        cls,
        articles: tuple[Article, ...],
        actors: tuple[Actor, ...],
        events: tuple[Event, ...],
        *,
        in_order: bool = False,
        start_years: array[int] | None = None,
    ) -> Timeline:
        """Make a timeline with events sorted and the id look-ups filled in.

        `in_order`: the events are known to be in date order already (not sorted
        again); `start_years`: theirs, known already (not worked out again).
        """
        ordered = events if in_order else tuple(sorted(events, key=Event.sort_key))
        if start_years is None:
            start_years = _start_years(ordered)
        return cls(
            articles=articles,
            actors=actors,
            events=ordered,
            article_by_id={a.id: a for a in articles},
            actor_by_id={a.id: a for a in actors},
            event_by_id=dict(zip(map(attrgetter("id"), ordered), ordered, strict=True)),
            start_years=start_years,
        )


_FIRST_SPAN = attrgetter("span")  # of a first source


def _start_years(events: tuple[Event, ...]) -> array[int]:
    """Each event's first year (`Event.start`), worked out in C: the properties took
    about 0.1 s at 100,000 events."""
    spans = list(map(_FIRST_SPAN, map(itemgetter(0), map(attrgetter("sources"), events))))
    years = array("i", map(attrgetter("start.year"), spans))
    # Placed at their end: the few spans whose relation is "by" or "until".
    ending = PLACED_AT_END.__contains__
    for at in compress(range(len(spans)), map(ending, map(attrgetter("relation"), spans))):
        years[at] = spans[at].end.year
    return years


_SPAN_FIELDS = tuple(f.name for f in fields(Span))
_SOURCE_FIELDS = tuple(f.name for f in fields(Source))
_EVENT_FIELDS = tuple(f.name for f in fields(Event))
_SPAN_DAYS = ("start", "end")  # never None: kept as day numbers (ints pickle faster)


# Fields whose values repeat (an article's id in each of its sources, the same date
# words, explanations shared by the sources of one article): each distinct value is
# kept once, so that a pickle writes it once and refers to it after, and a model
# read back holds it once (the 70,000 sources a second core sends back at 100,000
# events took 15 MB and about 0.3 s to pickle and read back; 10 MB and 0.15 s so).
_SHARED = frozenset({"kind", "article_id", "quote", "date_text", "relative_to", "precision",
                     "timex", "explanation", "relation"})


def _columns(objects: list[Any], names: tuple[str, ...]) -> list[Any]:
    return [
        _shared(list(map(attrgetter(name), objects))) if name in _SHARED
        else list(map(attrgetter(name), objects))
        for name in names
    ]


def _shared(values: list[Any]) -> list[Any]:
    """`values` with each distinct value given as one object (the first met)."""
    first: dict[Any, Any] = {}
    return list(map(first.setdefault, values, values))


def _made(cls: type[Any], names: tuple[str, ...], columns: list[Any]) -> list[Any]:
    """Instances of the frozen, slotted dataclass `cls`, one per row of `columns`.

    Each field is set through its slot descriptor, a column at a time, so no
    Python code runs per object: about two and a half times as fast as calling
    `cls` per row. It makes what `cls(*row)` makes because these classes have no
    `__post_init__` (a test checks). Raises ValueError when the columns are not all
    of one length (a damaged cache entry).
    """
    rows = len(columns[0]) if columns else 0
    if any(len(column) != rows for column in columns):
        # A record would be left without a field, and fail only when it is read.
        raise ValueError(f"columns of {cls.__name__} of different lengths")
    made = list(map(object.__new__, repeat(cls, rows)))
    for name, column in zip(names, columns, strict=True):
        deque(map(getattr(cls, name).__set__, made, column), maxlen=0)
    return made


def event_columns(events: Sequence[Event]) -> tuple[list[Any], list[Any], list[Any]]:
    """`events` as three tables of columns of plain values (events, their sources, the
    distinct spans), which pickle several times faster than the records; the
    inverse of `events_from_columns`."""
    source_columns, span_columns = sources_as_columns(
        list(chain.from_iterable(map(attrgetter("sources"), events)))
    )
    event_table = _columns(list(events), _EVENT_FIELDS)
    at = _EVENT_FIELDS.index("sources")
    event_table[at] = array("i", map(len, map(attrgetter("sources"), events)))
    return event_table, source_columns, span_columns


def events_from_columns(
    event_table: list[Any], source_columns: list[Any], span_columns: list[Any]
) -> tuple[Event, ...]:
    """The events `event_columns` took apart (the lists given are used up)."""
    sources = iter(sources_from_columns(source_columns, span_columns))
    at = _EVENT_FIELDS.index("sources")
    # Each event's sources, taken in turn (in C: a comprehension took 30 ms at 100,000).
    event_table[at] = list(map(tuple, map(islice, repeat(sources), event_table[at])))
    return tuple(_made(Event, _EVENT_FIELDS, event_table))


def sources_as_columns(sources: Sequence[Source]) -> tuple[list[Any], list[Any]]:
    """`sources` as two tables of columns of plain values (the sources, the distinct
    spans they share, their days as day numbers); the inverse of
    `sources_from_columns`. Pickled, a third of the time the records take."""
    every_span = list(map(attrgetter("span"), sources))
    # Spans are shared by sources: each is kept once.
    distinct = dict(zip(map(id, every_span), every_span, strict=True))
    number = dict(zip(distinct, range(len(distinct)), strict=True))
    spans = list(distinct.values())
    span_columns: list[object] = [
        array("i", map(date.toordinal, column)) if name in _SPAN_DAYS else column
        for name, column in zip(_SPAN_FIELDS, _columns(spans, _SPAN_FIELDS), strict=True)
    ]
    source_columns = _columns(list(sources), _SOURCE_FIELDS)
    at = _SOURCE_FIELDS.index("span")
    source_columns[at] = array("i", map(number.__getitem__, map(id, every_span)))
    return source_columns, span_columns


def sources_from_columns(source_columns: list[Any], span_columns: list[Any]) -> list[Source]:
    """The sources `sources_as_columns` took apart (the lists given are used up)."""
    span_columns = [
        list(map(date.fromordinal, column)) if name in _SPAN_DAYS else column
        for name, column in zip(_SPAN_FIELDS, span_columns, strict=True)
    ]
    spans = _made(Span, _SPAN_FIELDS, span_columns)
    at = _SOURCE_FIELDS.index("span")
    source_columns[at] = list(map(spans.__getitem__, source_columns[at]))
    return _made(Source, _SOURCE_FIELDS, source_columns)


def _timeline_from_columns(
    articles: tuple[Article, ...],
    actors: tuple[Actor, ...],
    event_table: list[Any],
    source_columns: list[Any],
    span_columns: list[Any],
    start_years: array[int],
) -> Timeline:
    """The timeline `Timeline.__reduce__` took apart (its events already in order)."""
    events = events_from_columns(event_table, source_columns, span_columns)
    return Timeline.build(articles, actors, events, in_order=True, start_years=start_years)
