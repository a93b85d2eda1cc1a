"""A large model written as a patch of another entry's: its new events, the rest by place.

After an edit, nearly every event of the new model is an event of the model the
load started from (the very object: `tui.loading.reuse` keeps them). Writing the
whole model again took about 0.6 s at 100,000 events (0.1 s at 10,000), on every
`check` after an edit and after every live reload. A patch names its base entry
and gives, for each event in timeline order, its place among the base's events
or among the few events written out with it (those the base does not have).

A base is always a whole entry, never a patch: a patch of a patch is written
against the first one's base, so reading an entry never reads more than two
files. When a patch would hold more than `MAX_NEW_SHARE` of the events, a whole
entry is written instead, which becomes the next base.

Plain Python over the model's types; the files themselves are `tui.cache`'s.
"""

from __future__ import annotations

from array import array
from itertools import compress, repeat
from operator import is_
from typing import Any

from tui.model import Actor, Article, Event, Timeline

PATCH_FROM = 5_000
"""Events from which a model is written as a patch of its base (below, whole)."""

MAX_NEW_SHARE = 0.1
"""The largest share of a model's events a patch writes out; beyond it, the whole."""

# (the write of the base's name the patch was made for, articles or None when the base's, actors
# or None when the base's, how many events the base has, each event's place in
# base + new events as int32 bytes, the new events, each event's first year as
# int32 bytes)
ModelPatch = tuple[
    bytes,
    tuple[Article, ...] | None,
    tuple[Actor, ...] | None,
    int,
    bytes,
    tuple[Event, ...],
    bytes,
]


class Base:
    """A whole entry's model, held in memory while later loads may patch it.

    `name` is the entry's file name and `write` the random bytes its header holds,
    new at each write: a patch names both, so that it is never read against an
    entry written again under that name since (by another run, from files that
    changed while it read them). `places` maps each of its events (by `id()`) to
    its place.
    """

    __slots__ = ("_places", "name", "timeline", "write")

    def __init__(self, name: str, write: bytes, timeline: Timeline) -> None:
        self.name = name
        self.write = write
        self.timeline = timeline
        self._places: dict[int, int] | None = None

    @property
    def places(self) -> dict[int, int]:
        """Each base event's place, by the event's `id()` (the base holds them alive)."""
        if self._places is None:
            events = self.timeline.events
            self._places = dict(zip(map(id, events), range(len(events)), strict=True))
        return self._places


def patch_of(timeline: Timeline, base: Base) -> ModelPatch | None:
    """`timeline` as a patch of `base`, or None when it is better written whole."""
    events = timeline.events
    if len(events) < PATCH_FROM:
        return None
    base_events = base.timeline.events
    found: list[Any] = list(map(base.places.get, map(id, events)))
    new_at = list(compress(range(len(found)), map(is_, found, repeat(None))))
    if len(new_at) > MAX_NEW_SHARE * len(events):
        return None
    for number, at in enumerate(new_at, start=len(base_events)):
        found[at] = number
    articles = None if timeline.articles == base.timeline.articles else timeline.articles
    actors = None if timeline.actors == base.timeline.actors else timeline.actors
    return (
        base.write,
        articles,
        actors,
        len(base_events),
        array("i", found).tobytes(),
        tuple(map(events.__getitem__, new_at)),
        timeline.start_years.tobytes(),
    )


def patched(base: Base, patch: ModelPatch) -> Timeline | None:
    """The model `patch` describes over `base`; None when it was not written for it."""
    write, articles, actors, base_count, place_bytes, new_events, year_bytes = patch
    if write != base.write or base_count != len(base.timeline.events):
        return None
    base_model = base.timeline
    places = array("i")
    places.frombytes(place_bytes)
    years = array("i")
    years.frombytes(year_bytes)
    pool = base_model.events + new_events
    if len(years) != len(places) or (places and not 0 <= min(places) <= max(places) < len(pool)):
        return None
    return Timeline.build(
        base_model.articles if articles is None else articles,
        base_model.actors if actors is None else actors,
        tuple(map(pool.__getitem__, places)),
        in_order=True,
        start_years=years,
    )
