"""Filtering the timeline: by actors, years, a date range, text and article.

`TimelineIndex` precomputes, once per timeline, what every filter needs (posting
lists per actor, per year and per article, and the lower-cased search texts), so
that applying a `Filter` costs a few operations on bitsets (`tui.bitsets`) and
a substring search of the texts the last search left, rather than a walk over
the model. Results are tuples of positions into
`Timeline.events`, which is already in chronological order.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Sequence
from copy import copy
from dataclasses import dataclass, replace
from datetime import date
from itertools import compress, count
from operator import is_not
from typing import TypeVar

from tui.bitsets import (
    CONVERTED,
    Postings,
    drop_oldest,
    from_positions,
    positions,
)
from tui.model import Actor, Event, Timeline
from tui.perf import gc_paused
from tui.searchtext import SearchTexts

K = TypeVar("K")



@dataclass(frozen=True, slots=True)
class Filter:
    """What the user asked to see. An empty filter shows everything.

    Several actors match an event that involves *any* of them, or with
    `all_actors` one that involves *all* of them; an actor that is a country or
    body also matches the people who act for it. Several `kinds` match an event
    of any of them. Several years match an
    event that overlaps any of them. `date_from`/`date_to` keep events that overlap
    the inclusive range. `search` is a case-insensitive substring of the title,
    summary, quotes, date words or actor names.
    """

    actors: frozenset[str] = frozenset()
    years: frozenset[int] = frozenset()
    date_from: date | None = None
    date_to: date | None = None
    search: str = ""
    article: str | None = None
    kinds: frozenset[str] = frozenset()
    all_actors: bool = False

    @property
    def is_empty(self) -> bool:
        """True when nothing is filtered out."""
        return not self.is_active

    @property
    def is_active(self) -> bool:
        """True when something is filtered out."""
        return bool(
            self.actors
            or self.years
            or self.date_from
            or self.date_to
            or self.search.strip()
            or self.article
            or self.kinds
        )

    def coverage(self, first: int, last: int) -> str:
        """" (the data covers 1949–2025)" when a year this filter asks for lies outside
        `first`..`last`, the data's years; else ""."""
        asked = set(self.years)
        for day in (self.date_from, self.date_to):
            if day is not None:
                asked.add(day.year)
        if any(not first <= y <= last for y in asked):
            covers = f"{first}" if first == last else f"{first}–{last}"
            return f" (the data covers {covers})"
        return ""

    def kept_by(self, timeline: Timeline, kinds: Iterable[str]) -> Filter:
        """This filter without the actors, kinds or article `timeline` does not have."""
        known_kinds = set(kinds)
        return replace(
            self,
            actors=frozenset(a for a in self.actors if a in timeline.actor_by_id),
            kinds=frozenset(k for k in self.kinds if k in known_kinds),
            article=self.article if self.article in timeline.article_by_id else None,
        )

    def with_actor_toggled(self, actor_id: str) -> Filter:
        """The same filter with `actor_id` added, or removed if it was there."""
        return replace(self, actors=self.actors ^ {actor_id})

    def with_year_toggled(self, year: int) -> Filter:
        """The same filter with `year` added, or removed if it was there."""
        return replace(self, years=self.years ^ {year})


def _members(actors: Iterable[Actor]) -> dict[str, list[str]]:
    """For each body, the actors acting for it directly."""
    members: dict[str, list[str]] = {}
    for actor in actors:
        for body in actor.acts_for:
            members.setdefault(body, []).append(actor.id)
    return members


def _closure(start: str, step: Callable[[str], Iterable[str]]) -> frozenset[str]:
    """`start` and everything `step` reaches from it, transitively."""
    found = {start}
    todo = [start]
    while todo:
        for other in step(todo.pop()):
            if other not in found:
                found.add(other)
                todo.append(other)
    return frozenset(found)


def expand_actor(actor_id: str, actors: tuple[Actor, ...]) -> frozenset[str]:
    """`actor_id` and every actor acting for it, transitively (China → Xi Jinping)."""
    members = _members(actors)
    return _closure(actor_id, lambda a: members.get(a, ()))


def search_text(event: Event, timeline: Timeline) -> str:
    """The lower-cased text a search looks in for one event."""
    parts = [event.title, event.summary, event.id, event.kind]
    for source in event.sources:
        parts.append(source.quote)
        parts.append(source.date_text)
    for actor_id in event.actors:
        actor = timeline.actor_by_id.get(actor_id)
        if actor is not None:
            parts.append(actor.name)
            parts.extend(actor.aliases)
    return "\n".join(parts).casefold()


def bodies_of(actor_id: str, actors_by_id: dict[str, Actor]) -> frozenset[str]:
    """`actor_id` and every body it acts for, transitively (Xi Jinping → China)."""

    def bodies(a: str) -> Iterable[str]:
        actor = actors_by_id.get(a)
        return actor.acts_for if actor is not None else ()

    return _closure(actor_id, bodies)


MAX_REINDEXED = 1000
"""Up to this many events replaced, an index's posting lists may be kept (above, the
checks would cost about what building them does)."""


def _bodies(actors: tuple[Actor, ...]) -> list[tuple[str, tuple[str, ...]]]:
    return [(actor.id, actor.acts_for) for actor in actors]


def _facets(event: Event) -> tuple[object, ...]:
    """What an event's place in the posting lists depends on."""
    articles = tuple(source.article_id for source in event.sources)
    return (event.actors, event.start.year, event.end.year, event.kind, articles)


def _postings(lists: dict[K, list[int]]) -> dict[K, array[int]]:
    """Posting lists as compact arrays of event positions (ascending)."""
    return {key: array("i", positions) for key, positions in lists.items()}


class TimelineIndex:
    """Posting lists over one timeline, built once; search texts built on first use.

    Every set of events is a bitset (a Python int, bit `i` for the event at
    position `i`: `tui.bitsets`), from the facets' posting lists to the search's
    hits, so that a filter is a few `&` and `|` over 12.5 KB at 100,000 events,
    and a facet's counts are one `(posting & selected).bit_count()` per large
    list plus one gather for all the small ones. Positions are drawn from the
    selection only at the end, for the timeline. An actor's list holds the events
    it counts for: its own and those of every actor acting for it, transitively
    (so "China" counts an event of Xi Jinping's once); the actors each event
    counts for are also kept as one array of actor numbers with offsets.

    The explorer reads an index from its UI thread and from worker threads (facet
    counts, warm-up). The posting lists never change after construction; the
    lazily built fields (`texts`, the cached counts, bitsets made from small lists,
    a search's hits) are each computed whole and then bound with one assignment,
    so a reader sees either nothing or the finished value, and two threads at
    worst compute one twice.
    """

    def __init__(self, timeline: Timeline) -> None:
        with gc_paused():
            self._build(timeline)

    def _build(self, timeline: Timeline) -> None:
        self.timeline = timeline
        size = self.size = len(timeline.events)
        by_year: dict[int, list[int]] = {}
        by_article: dict[str, list[int]] = {}
        by_kind: dict[str, list[int]] = {}
        self.actor_ids: tuple[str, ...] = tuple(a.id for a in timeline.actors)
        number = {actor_id: n for n, actor_id in enumerate(self.actor_ids)}
        bodies = {
            a.id: tuple(number[b] for b in bodies_of(a.id, timeline.actor_by_id) if b in number)
            for a in timeline.actors
        }
        by_number: list[list[int]] = [[] for _ in self.actor_ids]
        counted_at = array("i", [0])
        counted = array("i")
        for i, event in enumerate(timeline.events):
            mine: set[int] = set()
            for actor_id in event.actors:
                mine.update(bodies.get(actor_id, ()))
            for n in mine:
                by_number[n].append(i)
            counted.extend(sorted(mine))
            counted_at.append(len(counted))
            for year in range(event.start.year, event.end.year + 1):
                by_year.setdefault(year, []).append(i)
            for source in event.sources:
                articles = by_article.setdefault(source.article_id, [])
                if not articles or articles[-1] != i:
                    articles.append(i)
            by_kind.setdefault(event.kind, []).append(i)
        shared = list(range(size))  # one int object per position, shared by every gather
        self.by_actor: Postings[str] = Postings(
            dict(zip(self.actor_ids, by_number, strict=True)), size, shared
        )
        self.by_kind: Postings[str] = Postings(by_kind, size, shared)
        self.by_year: Postings[int] = Postings(by_year, size, shared)
        self.by_article = _postings(by_article)
        self._counted = counted  # actor numbers each event counts for, event after event
        self._counted_at = counted_at  # where each event's numbers start (and the end)
        members = _members(timeline.actors)
        self.expanded = {
            a.id: _closure(a.id, lambda b: members.get(b, ())) for a in timeline.actors
        }
        self._texts: SearchTexts | None = None
        self._article_bits: dict[str, int] = {}
        self._dates: tuple[date | None, date | None, int] | None = None
        # Under no filter, a year's count is the size of its posting list.
        self._all_year_counts: dict[int, int] | None = {y: len(s) for y, s in by_year.items()}

    @classmethod
    def build(cls, timeline: Timeline, previous: TimelineIndex | None = None) -> TimelineIndex:
        """Index `timeline` for filtering.

        With `previous`, the index of the timeline it replaces (a live reload), the
        posting lists are shared when they would come out the same: the same actors
        acting for the same bodies, and at every position either the very same event
        or one that counts under the same actors, years, kind and articles (an edit
        to a title or a summary), for up to `MAX_REINDEXED` events that are not the
        same. Building them takes about 0.5 s at 100,000 events.
        """
        if previous is not None and previous._postings_fit(timeline):
            index = copy(previous)
            index.timeline = timeline
            index._texts = None  # the texts and the dates are the events' own
            index._dates = None
            return index
        return cls(timeline)

    def _postings_fit(self, timeline: Timeline) -> bool:
        """True when indexing `timeline` would give this index's posting lists."""
        old, new = self.timeline, timeline
        if len(old.events) != len(new.events) or _bodies(old.actors) != _bodies(new.actors):
            return False
        changed = list(compress(count(), map(is_not, old.events, new.events)))
        return len(changed) <= MAX_REINDEXED and all(
            _facets(old.events[i]) == _facets(new.events[i]) for i in changed
        )

    @property
    def texts(self) -> SearchTexts:
        """The lower-cased search text of every event (built on the first search)."""
        if self._texts is None:
            timeline = self.timeline
            self._texts = SearchTexts(search_text(e, timeline) for e in timeline.events)
        return self._texts

    def event_actors(self, position: int) -> frozenset[str]:
        """The actors the event at `position` counts for (its own and their bodies)."""
        ids = self.actor_ids
        at = self._counted_at
        return frozenset(ids[n] for n in self._counted[at[position]:at[position + 1]])

    @property
    def counting_cost(self) -> int:
        """About what counting the years and kinds once costs, in flags gathered
        (`Postings.cost`); actors are counted one by one as they are drawn
        (`actor_counter`)."""
        return self.by_year.cost + self.by_kind.cost

    @property
    def years(self) -> tuple[int, ...]:
        """Every year some event overlaps, ascending."""
        return tuple(sorted(self.by_year))

    @property
    def kinds(self) -> tuple[str, ...]:
        """Every kind of event, alphabetically."""
        return tuple(sorted(self.by_kind))

    def _actor_bits(self, actor_ids: frozenset[str], *, every: bool = False) -> int:
        """Events involving any of `actor_ids` (with `every`: each of them)."""
        if not every:
            return self.by_actor.union(actor_ids)
        found = -1  # every bit: the intersection of no set
        for actor_id in actor_ids:
            found &= self.by_actor.bits(actor_id)
        return found

    def _one_article(self, article_id: str) -> int:
        found = self._article_bits.get(article_id)
        if found is None:
            found = from_positions(self.by_article.get(article_id, ()), self.size)
            if len(self._article_bits) >= CONVERTED:
                drop_oldest(self._article_bits)
            self._article_bits[article_id] = found
        return found

    def _in_dates(self, low: date | None, high: date | None) -> int:
        """Events overlapping the inclusive range from `low` to `high` (the last kept)."""
        if self._dates is not None and self._dates[:2] == (low, high):
            return self._dates[2]
        kept = (
            i
            for i, event in enumerate(self.timeline.events)
            if not (low and event.end < low) and not (high and event.start > high)
        )
        found = from_positions(kept, self.size)
        self._dates = (low, high, found)
        return found

    def selection(self, filt: Filter, *, skip: str = "") -> int | None:
        """The bitset of the events `filt` keeps; None means all.

        `skip` names a facet ("actors", "years" or "kinds") to leave out, for facet
        counts that show what choosing another value of that facet would give.
        """
        parts: list[int] = []
        if filt.actors and (skip != "actors" or filt.all_actors):
            # Under "all", another actor's count is that of adding it: the chosen stay.
            parts.append(self._actor_bits(filt.actors, every=filt.all_actors))
        if filt.years and skip != "years":
            parts.append(self.by_year.union(filt.years))
        if filt.article:
            parts.append(self._one_article(filt.article))
        if filt.kinds and skip != "kinds":
            parts.append(self.by_kind.union(filt.kinds))
        if filt.date_from or filt.date_to:
            parts.append(self._in_dates(filt.date_from, filt.date_to))
        needle = filt.search.strip().casefold()
        if needle:
            parts.append(self.texts.hits(needle))
        if not parts:
            return None
        found = parts[0]
        for bits in parts[1:]:
            found &= bits
        return found

    def select(self, filt: Filter, *, skip: str = "") -> range | tuple[int, ...]:
        """Positions of the events `filt` keeps, in chronological order."""
        found = self.selection(filt, skip=skip)
        return range(self.size) if found is None else positions(found, self.size)

    def actor_counts(self, filt: Filter) -> dict[str, int]:
        """For each actor, how many events the filter would keep with it chosen.

        The count ignores the actor facet itself (so choosing an actor can be
        judged before choosing it) but honours every other active filter, and
        counts a country's people with the country (each event once). Every
        actor at once; the explorer asks `actor_counter` for those it draws.
        """
        count = self.actor_counter(filt)
        return {actor_id: count(actor_id) for actor_id in self.actor_ids}

    def actor_counter(self, filt: Filter) -> Callable[[str], int]:
        """`actor_counts(filt)` one actor at a time, each count worked out when asked
        for: the actor list draws a dozen of 2,000 actors at once."""
        others = replace(filt, actors=frozenset()).is_active or (filt.all_actors and filt.actors)
        found = self.selection(filt, skip="actors") if others else None
        # Nothing else filters: each actor's count is its whole list's length.
        return self.by_actor.length if found is None else self.by_actor.counter(found)

    def kind_counts(self, filt: Filter) -> dict[str, int]:
        """For each kind, how many events the filter would keep with it chosen."""
        found = self.selection(filt, skip="kinds")
        if found is None:
            return {kind: self.by_kind.length(kind) for kind in self.by_kind}
        return self.by_kind.counts(found)

    def year_counts(self, filt: Filter) -> dict[int, int]:
        """For each year, how many events overlap it under the other filters.

        Only years with an event are listed.
        """
        unfiltered = not replace(filt, years=frozenset()).is_active
        if unfiltered and self._all_year_counts is not None:
            return self._all_year_counts
        found = self.selection(filt, skip="years")
        if found is None:
            result = {year: self.by_year.length(year) for year in self.by_year}
        else:
            result = {year: n for year, n in self.by_year.counts(found).items() if n}
        if unfiltered:
            self._all_year_counts = result
        return result


def next_match(
    positions: Sequence[int], texts: SearchTexts | Sequence[str], needle: str, at: int, step: int
) -> tuple[int, bool] | None:
    """The next (`step` 1) or previous (-1) listed position whose search text holds
    `needle`, after or before position `at`, and whether the search wrapped round.

    None when no listed event matches. `needle` is already case-folded.
    """
    if isinstance(texts, SearchTexts):
        matches = texts.matching(positions, needle)
    else:
        matches = [p for p in positions if needle in texts[p]]
    if not matches:
        return None
    ahead = [p for p in matches if p > at] if step > 0 else [p for p in matches if p < at]
    if ahead:
        return (ahead[0] if step > 0 else ahead[-1]), False
    return (matches[0] if step > 0 else matches[-1]), True


def find_actor(actors: tuple[Actor, ...], name: str) -> Actor | None:
    """The actor whose id, name or an alias is `name` (case and spacing ignored)."""
    wanted = " ".join(name.split()).casefold()
    for actor in actors:
        if wanted in {actor.id.casefold(), actor.name.casefold()} | {
            a.casefold() for a in actor.aliases
        }:
            return actor
    return None


def filter_words(timeline: Timeline, filt: Filter) -> str:
    """The filter in words for an export's title, e.g. `actor Kim Jong Un; year 2021`.

    Empty when nothing is filtered out. Text comes from the data and the command
    line as it is; each export escapes it for its format.
    """
    parts: list[str] = []
    if filt.actors:
        names = sorted(timeline.actor_names(filt.actors))
        parts.append(("actors " if len(names) > 1 else "actor ") + ", ".join(names))
    if filt.years:
        years = [str(y) for y in sorted(filt.years)]
        parts.append(("years " if len(years) > 1 else "year ") + ", ".join(years))
    if filt.date_from:
        parts.append(f"from {filt.date_from.isoformat()}")
    if filt.date_to:
        parts.append(f"to {filt.date_to.isoformat()}")
    if filt.search.strip():
        parts.append(f"search “{filt.search.strip()}”")
    if filt.article:
        article = timeline.article_by_id.get(filt.article)
        parts.append(f"article {article.cited_title if article else f'“{filt.article}”'}")
    return "; ".join(parts)
