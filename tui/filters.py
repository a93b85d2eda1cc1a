"""Filtering the timeline: by actors, years, a date range, text and article.

`TimelineIndex` precomputes, once per timeline, what every filter needs (posting
lists per actor, per year and per article, and the lower-cased search texts), so
that applying a `Filter` costs set intersections and one substring scan rather
than a walk over the model. Results are tuples of positions into
`Timeline.events`, which is already in chronological order.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import chain
from typing import TypeVar

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


def _postings(lists: dict[K, list[int]]) -> dict[K, array[int]]:
    """Posting lists as compact arrays of event positions (ascending)."""
    return {key: array("i", positions) for key, positions in lists.items()}


def _union(postings: Iterable[Sequence[int]]) -> set[int]:
    hits: set[int] = set()
    for positions in postings:
        hits.update(positions)
    return hits


class TimelineIndex:
    """Posting lists over one timeline, built once; search texts built on first use.

    Everything is kept compact, for 100,000 events: a posting list per actor,
    year, article and kind is an `array` of event positions; the actors each
    event counts for (its own and every body they act for, so "China" counts an
    event of Xi Jinping's once) are one array of actor numbers with an array of
    offsets per event; the search texts are one joined buffer (`SearchTexts`).

    The explorer reads an index from its UI thread and from worker threads (facet
    counts, warm-up). The posting lists never change after construction; the
    lazily built fields (`texts`, the cached counts, the last search) are each
    computed whole and then bound with one assignment, so a reader sees either
    nothing or the finished value, and two threads at worst compute one twice.
    """

    def __init__(self, timeline: Timeline) -> None:
        with gc_paused():
            self._build(timeline)

    def _build(self, timeline: Timeline) -> None:
        self.timeline = timeline
        by_actor: dict[str, list[int]] = {}
        by_year: dict[int, list[int]] = {}
        by_article: dict[str, list[int]] = {}
        by_kind: dict[str, list[int]] = {}
        self.actor_ids: tuple[str, ...] = tuple(a.id for a in timeline.actors)
        number = {actor_id: n for n, actor_id in enumerate(self.actor_ids)}
        bodies = {
            a.id: tuple(number[b] for b in bodies_of(a.id, timeline.actor_by_id) if b in number)
            for a in timeline.actors
        }
        counted_at = array("i", [0])
        counted = array("i")
        for i, event in enumerate(timeline.events):
            mine: set[int] = set()
            for actor_id in event.actors:
                own = by_actor.setdefault(actor_id, [])
                if not own or own[-1] != i:
                    own.append(i)
                mine.update(bodies.get(actor_id, ()))
            counted.extend(sorted(mine))
            counted_at.append(len(counted))
            for year in range(event.start.year, event.end.year + 1):
                by_year.setdefault(year, []).append(i)
            for source in event.sources:
                articles = by_article.setdefault(source.article_id, [])
                if not articles or articles[-1] != i:
                    articles.append(i)
            by_kind.setdefault(event.kind, []).append(i)
        self.by_actor = _postings(by_actor)
        self.by_kind = _postings(by_kind)
        self.by_year = _postings(by_year)
        self.by_article = _postings(by_article)
        self._counted = counted  # actor numbers each event counts for, event after event
        self._counted_at = counted_at  # where each event's numbers start (and the end)
        members = _members(timeline.actors)
        self.expanded = {
            a.id: _closure(a.id, lambda b: members.get(b, ())) for a in timeline.actors
        }
        self._texts: SearchTexts | None = None
        self._all_actor_counts: dict[str, int] | None = None
        self._last_search: tuple[tuple[object, ...], str, list[int]] | None = None
        # Under no filter, a year's count is the size of its posting list.
        self._all_year_counts: dict[int, int] | None = {y: len(s) for y, s in by_year.items()}

    @classmethod
    def build(cls, timeline: Timeline) -> TimelineIndex:
        """Index `timeline` for filtering."""
        return cls(timeline)

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
    def years(self) -> tuple[int, ...]:
        """Every year some event overlaps, ascending."""
        return tuple(sorted(self.by_year))

    @property
    def kinds(self) -> tuple[str, ...]:
        """Every kind of event, alphabetically."""
        return tuple(sorted(self.by_kind))

    def _one_actor_set(self, actor_id: str) -> set[int]:
        members = self.expanded.get(actor_id, frozenset({actor_id}))
        return _union(self.by_actor.get(m, ()) for m in members)

    def _actor_set(self, actor_ids: frozenset[str], *, every: bool = False) -> set[int]:
        """Events involving any of `actor_ids` (with `every`: each of them)."""
        sets = [self._one_actor_set(a) for a in sorted(actor_ids)]
        if not sets:
            return set()
        return set.intersection(*sets) if every else set.union(*sets)

    def _candidates(self, filt: Filter, *, skip: str = "") -> set[int] | None:
        """Positions allowed by the set-based parts of `filt`; None means all.

        `skip` names a facet ("actors" or "years") to leave out, for facet counts
        that show what choosing another value of that facet would give.
        """
        parts: list[set[int]] = []
        if filt.actors and (skip != "actors" or filt.all_actors):
            # Under "all", another actor's count is that of adding it: the chosen stay.
            parts.append(self._actor_set(filt.actors, every=filt.all_actors))
        if filt.years and skip != "years":
            parts.append(_union(self.by_year.get(y, ()) for y in filt.years))
        if filt.article:
            parts.append(set(self.by_article.get(filt.article, ())))
        if filt.kinds and skip != "kinds":
            parts.append(_union(self.by_kind.get(k, ()) for k in filt.kinds))
        if not parts:
            return None
        parts.sort(key=len)
        return parts[0].intersection(*parts[1:])

    def select(self, filt: Filter, *, skip: str = "") -> range | tuple[int, ...]:
        """Positions of the events `filt` keeps, in chronological order."""
        candidates = self._candidates(filt, skip=skip)
        needle = filt.search.strip().casefold()
        events = self.timeline.events
        pool: range | list[int] = range(len(events)) if candidates is None else sorted(candidates)
        if filt.date_from or filt.date_to:
            low, high = filt.date_from, filt.date_to
            pool = [
                i
                for i in pool
                if not (low and events[i].end < low) and not (high and events[i].start > high)
            ]
        if needle:
            texts = self.texts
            last = self._last_search
            key = (filt.actors, filt.all_actors, filt.years, filt.date_from, filt.date_to,
                   filt.article, filt.kinds, skip)
            if last is not None and last[0] == key:
                last_needle, last_result = last[1], last[2]
                if needle.startswith(last_needle):
                    # Typing on: only what matched the shorter text can match now.
                    pool = last_result
            pool = texts.matching(pool, needle)
            self._last_search = (key, needle, pool)
        return pool if isinstance(pool, range) else tuple(pool)

    def actor_counts(self, filt: Filter) -> dict[str, int]:
        """For each actor, how many events the filter would keep with it chosen.

        The count ignores the actor facet itself (so choosing an actor can be
        judged before choosing it) but honours every other active filter, and
        counts a country's people with the country (each event once).
        """
        unfiltered = not replace(filt, actors=frozenset()).is_active and not (
            filt.all_actors and filt.actors
        )
        if unfiltered and self._all_actor_counts is not None:
            return self._all_actor_counts
        selected = self.select(filt, skip="actors")
        counted, at = self._counted, self._counted_at
        if isinstance(selected, range) and selected == range(len(self.timeline.events)):
            numbers: Iterable[int] = counted
        else:
            numbers = chain.from_iterable(counted[at[i]:at[i + 1]] for i in selected)
        tally = Counter(numbers)
        result = {actor_id: tally.get(n, 0) for n, actor_id in enumerate(self.actor_ids)}
        if unfiltered:
            self._all_actor_counts = result
        return result

    def kind_counts(self, filt: Filter) -> dict[str, int]:
        """For each kind, how many events the filter would keep with it chosen."""
        counts: Counter[str] = Counter()
        events = self.timeline.events
        for i in self.select(filt, skip="kinds"):
            counts[events[i].kind] += 1
        return {kind: counts.get(kind, 0) for kind in self.by_kind}

    def year_counts(self, filt: Filter) -> dict[int, int]:
        """For each year, how many events overlap it under the other filters."""
        unfiltered = not replace(filt, years=frozenset()).is_active
        if unfiltered and self._all_year_counts is not None:
            return self._all_year_counts
        counts: Counter[int] = Counter()
        events = self.timeline.events
        for i in self.select(filt, skip="years"):
            event = events[i]
            counts.update(range(event.start.year, event.end.year + 1))
        result = dict(counts)
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
        parts.append(f"article “{article.title if article else filt.article}”")
    return "; ".join(parts)
