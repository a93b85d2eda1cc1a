"""The timeline's model: immutable records for articles, actors, sources and events.

Everything here is plain data. `tui.load.load_timeline` builds a `Timeline` from
the data folder (`tui.opening.open_timeline` puts the model cache in front of it);
the explorer and the command line only read it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date
from operator import attrgetter

from tui.span import Span


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

    def actor_names(self, actor_ids: Iterable[str]) -> list[str]:
        """Display names of `actor_ids`, in order (the id itself for an unknown one)."""
        by_id = self.actor_by_id
        return [by_id[a].name if a in by_id else a for a in actor_ids]

    @classmethod
    def build(
        cls,
        articles: tuple[Article, ...],
        actors: tuple[Actor, ...],
        events: tuple[Event, ...],
        *,
        in_order: bool = False,
    ) -> Timeline:
        """Make a timeline with events sorted and the id look-ups filled in.

        `in_order`: the events are known to be in date order already (not sorted again).
        """
        ordered = events if in_order else tuple(sorted(events, key=Event.sort_key))
        return cls(
            articles=articles,
            actors=actors,
            events=ordered,
            article_by_id={a.id: a for a in articles},
            actor_by_id={a.id: a for a in actors},
            event_by_id={e.id: e for e in ordered},
            start_years=array("i", (e.start.year for e in ordered)),
        )
