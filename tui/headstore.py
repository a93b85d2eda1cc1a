"""The first screen of a large timeline, stored beside its cached model.

Reading a whole 100,000-event model takes about a second; the explorer's first
screen needs forty rows. Next to each model entry of the cache (`tui.cache`)
a *head* is kept: the first `HEAD_EVENTS` events of the timeline in date order,
with the articles they quote and every actor, the number of events in all, and
the per-year counts of the whole timeline (for the density strip). The explorer
paints from the head, then reads the whole model in a worker and swaps it in.

A head is written whenever its model entry is, for timelines of at least
`HEAD_MIN_EVENTS` events, under the same content key: a head is never newer or
older than the model it stands for. It is a pickle, so it is read under the
cache's rules (a private folder, files owned by the user; see `tui.cache`).
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from collections import Counter
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter, itemgetter, ne
from pathlib import Path

from tui.cache import ModelCache
from tui.cachedir import owned_by_user, unsafe_reason
from tui.model import Timeline

HEAD_MIN_EVENTS = 5_000  # smaller timelines read their whole model about as fast
HEAD_EVENTS = 500  # events in a head: the first screen, and room to scroll while loading
HEAD_SUFFIX = ".head"
_MAGIC = b"tui-timeline-head-1\n"


@dataclass(frozen=True, slots=True)
class Head:
    """The start of a timeline, and what the first screen needs to know of the rest."""

    timeline: Timeline  # the first events, their articles, every actor
    total_events: int  # events in the whole timeline
    year_counts: dict[int, int]  # events per year over the whole timeline (spans count every year)


def year_counts(timeline: Timeline) -> dict[int, int]:
    """Events per year, an event counting in every year its span touches.

    The same numbers as `TimelineIndex.year_counts(Filter())`, without the index.
    """
    events = timeline.events
    starts = timeline.start_years  # each event's first year, kept with the model
    if len(starts) != len(events):
        starts = array("i", (event.start.year for event in events))
    counts = Counter(starts)
    # An event's last day is its first source's span's end (`Event.end`), read here
    # without the properties, in C: at 100,000 events they were most of the write of
    # a head. Only the few events over more than one year are looked at in Python.
    spans = map(attrgetter("span"), map(itemgetter(0), map(attrgetter("sources"), events)))
    lasts = list(map(attrgetter("end.year"), spans))
    for first, last in compress(zip(starts, lasts, strict=True), map(ne, starts, lasts)):
        counts.update(range(first + 1, last + 1))
    return dict(counts)


def head_of(timeline: Timeline, events: int = HEAD_EVENTS) -> Head:
    """The head of `timeline`: its first `events` events and the counts of all."""
    first = timeline.events[:events]
    quoted = {source.article_id for event in first for source in event.sources}
    articles = tuple(a for a in timeline.articles if a.id in quoted)
    return Head(
        Timeline.build(articles, timeline.actors, first),
        len(timeline.events),
        year_counts(timeline),
    )


def head_path(cache: ModelCache) -> Path:
    """Where the head of `cache`'s entry is kept."""
    return cache.path.with_suffix(HEAD_SUFFIX)


def write_head(cache: ModelCache, timeline: Timeline) -> None:
    """Store the head of `timeline` beside its model entry (skipped for small ones).

    Like the model, written to a temporary file and renamed into place; a cache
    that cannot be written is skipped. Heads whose model entry is gone are removed.
    """
    if len(timeline.events) < HEAD_MIN_EVENTS:
        return
    directory = cache.path.parent
    if unsafe_reason(directory) is not None or not directory.is_dir():
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(_MAGIC)
            pickle.dump(head_of(timeline), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, head_path(cache))
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        return
    for head in directory.glob(f"*{HEAD_SUFFIX}"):
        if not head.with_suffix(".pickle").exists():
            head.unlink(missing_ok=True)


def ensure_head(cache: ModelCache, timeline: Timeline) -> None:
    """Write the head of `timeline` if it needs one and has none (lost, or pruned)."""
    if len(timeline.events) >= HEAD_MIN_EVENTS and not head_path(cache).exists():
        write_head(cache, timeline)


def read_head(cache: ModelCache) -> Head | None:
    """The head kept for `cache`'s entry, or None (none kept, or unusable)."""
    path = head_path(cache)
    try:
        handle = path.open("rb")
    except OSError:
        return None
    with handle:
        if not owned_by_user(os.fstat(handle.fileno())) or handle.read(len(_MAGIC)) != _MAGIC:
            return None
        try:
            head = pickle.load(handle)
        # As with the model: a damaged head means "read the whole model".
        except Exception:
            head = None
    if isinstance(head, Head) and isinstance(head.timeline, Timeline):
        return head
    path.unlink(missing_ok=True)
    return None


def first_screen(folder: Path) -> Head | None:
    """The head kept for `folder`'s cached model, if it has one (a long timeline)."""
    return first_look(folder)[0]


def first_look(folder: Path) -> tuple[Head | None, ModelCache | None]:
    """`first_screen`, and the folder's cache entry it looked for: a load that follows
    takes it (`open_folder(cache=...)`), with the data files its key read, rather
    than work the key out again and read them a second time."""
    if not folder.is_dir():
        return None, None
    cache = ModelCache.for_folder(folder)
    return (read_head(cache) if cache is not None else None), cache
