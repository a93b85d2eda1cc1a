"""Filtering the timeline: by actors, years, a date range, text and article.

`TimelineIndex` precomputes, once per timeline, what every filter needs (posting
lists per actor, per year and per article, and a lower-cased search text per
event), so that applying a `Filter` costs set intersections and one substring scan
rather than a walk over the model. Results are tuples of positions into
`Timeline.events`, which is already in chronological order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from tui.model import Actor, Event, Timeline


@dataclass(frozen=True, slots=True)
class Filter:
    """What the user asked to see. An empty filter shows everything.

    Several actors match an event that involves *any* of them; an actor that is a
    country or body also matches the people who act for it. Several years match an
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

    @property
    def is_empty(self) -> bool:
        """True when nothing is filtered out."""
        return not (
            self.actors
            or self.years
            or self.date_from
            or self.date_to
            or self.search.strip()
            or self.article
        )

    def with_actor_toggled(self, actor_id: str) -> Filter:
        """The same filter with `actor_id` added, or removed if it was there."""
        return replace(self, actors=self.actors ^ {actor_id})

    def with_year_toggled(self, year: int) -> Filter:
        """The same filter with `year` added, or removed if it was there."""
        return replace(self, years=self.years ^ {year})


def expand_actor(actor_id: str, actors: tuple[Actor, ...]) -> frozenset[str]:
    """`actor_id` and every actor acting for it, transitively (China → Xi Jinping)."""
    members: dict[str, list[str]] = {}
    for actor in actors:
        for body in actor.acts_for:
            members.setdefault(body, []).append(actor.id)
    found = {actor_id}
    todo = [actor_id]
    while todo:
        for member in members.get(todo.pop(), ()):
            if member not in found:
                found.add(member)
                todo.append(member)
    return frozenset(found)


def search_text(event: Event, timeline: Timeline) -> str:
    """The lower-cased text a search looks in for one event."""
    parts = [event.title, event.summary, event.id]
    for source in event.sources:
        parts.append(source.quote)
        parts.append(source.date_text)
    for actor_id in event.actors:
        actor = timeline.actor_by_id.get(actor_id)
        if actor is not None:
            parts.append(actor.name)
            parts.extend(actor.aliases)
    return "\n".join(parts).casefold()


@dataclass(frozen=True)
class TimelineIndex:
    """Posting lists and search texts over one timeline, built once."""

    timeline: Timeline
    by_actor: dict[str, frozenset[int]] = field(repr=False)
    by_year: dict[int, frozenset[int]] = field(repr=False)
    by_article: dict[str, frozenset[int]] = field(repr=False)
    texts: tuple[str, ...] = field(repr=False)
    expanded: dict[str, frozenset[str]] = field(repr=False)

    @classmethod
    def build(cls, timeline: Timeline) -> TimelineIndex:
        """Index `timeline` for filtering."""
        by_actor: dict[str, set[int]] = {}
        by_year: dict[int, set[int]] = {}
        by_article: dict[str, set[int]] = {}
        for i, event in enumerate(timeline.events):
            for actor_id in event.actors:
                by_actor.setdefault(actor_id, set()).add(i)
            for year in range(event.start.year, event.end.year + 1):
                by_year.setdefault(year, set()).add(i)
            for source in event.sources:
                by_article.setdefault(source.article_id, set()).add(i)
        expanded = {a.id: expand_actor(a.id, timeline.actors) for a in timeline.actors}
        return cls(
            timeline=timeline,
            by_actor={k: frozenset(v) for k, v in by_actor.items()},
            by_year={k: frozenset(v) for k, v in by_year.items()},
            by_article={k: frozenset(v) for k, v in by_article.items()},
            texts=tuple(search_text(e, timeline) for e in timeline.events),
            expanded=expanded,
        )

    @property
    def years(self) -> tuple[int, ...]:
        """Every year some event overlaps, ascending."""
        return tuple(sorted(self.by_year))

    def _actor_set(self, actor_ids: frozenset[str]) -> set[int]:
        hits: set[int] = set()
        for actor_id in actor_ids:
            for member in self.expanded.get(actor_id, frozenset({actor_id})):
                hits |= self.by_actor.get(member, frozenset())
        return hits

    def _year_set(self, years: frozenset[int]) -> set[int]:
        hits: set[int] = set()
        for year in years:
            hits |= self.by_year.get(year, frozenset())
        return hits

    def _candidates(self, filt: Filter, *, skip: str = "") -> set[int] | None:
        """Positions allowed by the set-based parts of `filt`; None means all.

        `skip` names a facet ("actors" or "years") to leave out, for facet counts
        that show what choosing another value of that facet would give.
        """
        result: set[int] | None = None

        def narrow(hits: set[int] | frozenset[int]) -> None:
            nonlocal result
            result = set(hits) if result is None else result & hits

        if filt.actors and skip != "actors":
            narrow(self._actor_set(filt.actors))
        if filt.years and skip != "years":
            narrow(self._year_set(filt.years))
        if filt.article:
            narrow(self.by_article.get(filt.article, frozenset()))
        return result

    def _passes_rest(self, i: int, filt: Filter, needle: str) -> bool:
        event = self.timeline.events[i]
        if filt.date_from and event.end < filt.date_from:
            return False
        if filt.date_to and event.start > filt.date_to:
            return False
        return not needle or needle in self.texts[i]

    def select(self, filt: Filter, *, skip: str = "") -> tuple[int, ...]:
        """Positions of the events `filt` keeps, in chronological order."""
        candidates = self._candidates(filt, skip=skip)
        needle = filt.search.strip().casefold()
        pool = range(len(self.timeline.events)) if candidates is None else sorted(candidates)
        if not needle and not filt.date_from and not filt.date_to:
            return tuple(pool)
        return tuple(i for i in pool if self._passes_rest(i, filt, needle))

    def actor_counts(self, filt: Filter) -> dict[str, int]:
        """For each actor, how many events the filter would keep with it chosen.

        The count ignores the actor facet itself (so choosing an actor can be
        judged before choosing it) but honours every other active filter, and
        counts a country's people with the country.
        """
        base = set(self.select(filt, skip="actors"))
        return {
            actor_id: len(self._actor_set(frozenset({actor_id})) & base)
            for actor_id in self.expanded
        }

    def year_counts(self, filt: Filter) -> dict[int, int]:
        """For each year, how many events overlap it under the other filters."""
        counts: Counter[int] = Counter()
        events = self.timeline.events
        for i in self.select(filt, skip="years"):
            event = events[i]
            for year in range(event.start.year, event.end.year + 1):
                counts[year] += 1
        return dict(counts)


def find_actor(actors: tuple[Actor, ...], name: str) -> Actor | None:
    """The actor whose id, name or an alias is `name` (case and spacing ignored)."""
    wanted = " ".join(name.split()).casefold()
    for actor in actors:
        if wanted in {actor.id.casefold(), actor.name.casefold()} | {
            a.casefold() for a in actor.aliases
        }:
            return actor
    return None
