"""Open a data folder: the model cache in front of the loader.

`open_timeline` is what the command line and the explorer call. It is the one
place that combines the cache (`tui.cache`) and validation (`tui.load`), so that
neither of those imports the other. `open_folder` is the same in two steps: the
timeline first, the cache entry written when the caller asks (`Opened.store`),
so that a person sees the result before the cache is written.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cache import ModelCache
from tui.datafiles import DEFAULT_SEEDS_DIR, default_data_dir
from tui.headstore import ensure_head, write_head
from tui.loading.kept import Reuse
from tui.loading.progress import Progress, no_progress
from tui.model import Timeline
from tui.perf import gc_paused
from tui.readfile import resolved

if TYPE_CHECKING:
    from tui.filters import TimelineIndex
    from tui.watch import FolderState

# The last timeline opened with the cache, for each data folder (by its pointer):
# the entry it was read from or written to. A caller that holds that timeline
# and opens the folder again after an edit (the explorer) then reads only what
# the entry kept for reuse, not the model it already has.
_held: dict[Path, tuple[Timeline, ModelCache]] = {}


def _hold(timeline: Timeline, cache: ModelCache) -> None:
    if cache.pointer is not None:
        _held[cache.pointer] = (timeline, cache)


@dataclass(frozen=True, slots=True)
class Opened:
    """A data folder opened: its timeline, what the next load may reuse, what to cache.

    `reuse` is None when the timeline came from the cache whole (nothing was
    checked). `store` writes the cache entry of a timeline that was loaded.
    """

    timeline: Timeline
    reuse: Reuse | None = None
    unwritten: ModelCache | None = None  # the entry to write, None when there is none

    def store(self) -> None:
        """Write the cache entry for the timeline, if it was loaded (call it once)."""
        if self.unwritten is not None:
            with gc_paused():
                self.unwritten.write(self.timeline, self.reuse)
                write_head(self.unwritten, self.timeline)
            _hold(self.timeline, self.unwritten)

    def store_unless_changed(self, data_dir: Path, seen: FolderState) -> None:
        """`store`, unless the files changed since `seen` (taken before the load).

        The entry's key is that of the files as first read: if they changed while
        they were read, it may not be what was loaded (the next look loads again).
        """
        from tui.watch import folder_state  # here: a command never needs the watcher

        if folder_state(data_dir) == seen:
            self.store()


def reuse_of(shown: Timeline) -> Reuse | None:
    """What the cache entry `shown` was read from or written to kept for the next
    load (that part of the entry alone), or None when this process holds no entry
    for it. `open_folder(previous=...)` takes it; it is the same as `shown` finds
    there once the folder's key is worked out, which needs the files as they are.
    """
    for timeline, cache in list(_held.values()):
        if timeline is shown:
            with gc_paused():
                return cache.read_own_reuse(shown)
    return None


def open_folder(
    data_dir: Path | str | None = None,
    *,
    previous: Reuse | None = None,
    shown: Timeline | None = None,
    use_cache: bool = True,
    on_parse: Callable[[Path], None] | None = None,
    progress: Progress | None = None,
    freeze: bool = True,
    cache: ModelCache | None = None,
) -> Opened:
    """`open_timeline` without writing the cache: the caller calls `Opened.store`.

    `previous` is what an earlier load of the folder left (`Opened.reuse`), kept
    in memory by a caller that loads the folder again and again (the explorer's
    live reload). Without it, what to reuse is read from the cache entry of
    `shown` (a timeline this process opened from the folder and still holds: only
    the entry's second part is read), else from the folder's latest entry.

    With `freeze` (for a process that has no interface yet: a command, or the
    explorer before it starts), everything alive is moved out of the collector's
    reach once the model is read (see below). A running explorer passes False:
    its widgets are alive too, and a frozen widget in a reference cycle would
    never be collected once removed, nor the timeline it holds.

    `on_parse` is called with the folder just before it is parsed with nothing
    cached for it at all; `progress` is then told how far the load has got
    (`tui.loading.progress`). `cache` is the folder's entry when the caller has
    just looked for it (`tui.headstore.first_look`): its key is not worked out again.
    """
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    with gc_paused():
        if cache is None:
            cache = ModelCache.for_folder(folder) if use_cache and folder.is_dir() else None
        if cache is not None:
            cached = cache.read()
            if cached is not None:
                cache.drop_read()
                ensure_head(cache, cached)  # lost, or pruned: the explorer's next start needs it
                cache.claim()
                _hold(cached, cache)
                if freeze:
                    gc.freeze()  # as a loaded model is, below
                return Opened(cached)
        if previous is None and cache is not None:
            held = _held.get(cache.pointer) if cache.pointer is not None else None
            if shown is not None and held is not None and held[0] is shown:
                previous = held[1].read_own_reuse(shown)
            if previous is None:
                previous = cache.read_reuse()
        if on_parse is not None and previous is None:
            on_parse(folder)
        # Imported here: a start that finds its model cached never needs the
        # loader, YAML or the date grammar (about 40 ms of imports).
        from tui.load import load_reusing

        # The bytes the key was made from, for the load to read; when a file changed
        # after the key was worked out, what is loaded is not written under it.
        read, as_keyed = cache.take_read() if cache is not None else ({}, False)
        timeline, reuse = load_reusing(folder, previous, progress or no_progress, read)
        if as_keyed and cache is not None:
            as_keyed = cache.loaded_as_keyed(_seeds_read(folder, timeline, previous))
        # The model lives as long as the process, or the explorer's next reload, and
        # holds no cycles: out of the collector's reach, it is never walked again
        # (at 100,000 events a full collection takes about 0.5 s, and a command's
        # exit spent about 0.8 s on it), and its memory is still freed by reference
        # counting when the last reference to it goes.
        if freeze:
            gc.freeze()
        return Opened(timeline, reuse, cache if as_keyed else None)


def _seeds_read(folder: Path, timeline: Timeline, previous: Reuse | None) -> dict[Path, str]:
    """The seed texts a load of `folder` read (not taken from `previous`), by path."""
    kept = previous.sources.articles if previous is not None else None
    taken = kept.articles if kept is not None else {}
    seeds = resolved(folder / DEFAULT_SEEDS_DIR)
    return {seeds / a.file: a.text for a in timeline.articles if taken.get(a.id) is not a}


def open_timeline(
    data_dir: Path | str | None = None,
    *,
    use_cache: bool = True,
    on_parse: Callable[[Path], None] | None = None,
    progress: Progress | None = None,
    cache: ModelCache | None = None,
) -> Timeline:
    """The validated timeline of `data_dir` (the shipped data by default), cached.

    A valid folder's model is cached under the content hash of every data and
    seed file (and of the model's code), so an unchanged folder loads without
    parsing. After an edit, the events that did not change are taken from the
    folder's latest entry and only the others are checked (`tui.loading.reuse`).
    `on_parse`, if given, is called with the folder just before it is parsed
    (nothing cached for it at all), and `progress` told how far the load has got.
    Raises `DataError` listing every problem.
    """
    opened = open_folder(data_dir, use_cache=use_cache, on_parse=on_parse, progress=progress,
                         cache=cache)
    opened.store()
    return opened.timeline


def open_indexed(
    data_dir: Path,
    previous: Reuse | None = None,
    shown: Timeline | None = None,
    texts: bool = False,
    shown_index: TimelineIndex | None = None,
) -> tuple[Opened, TimelineIndex]:
    """For a running explorer (in a worker): the folder opened, and its index built
    (with its search texts if `texts`; from `shown_index`, the shown timeline's,
    where it fits).

    Not frozen out of the collector's reach (the explorer's objects are alive:
    see `tui.perf.refreeze`).
    """
    from tui.filters import TimelineIndex  # not for the commands that only load

    with gc_paused():
        opened = open_folder(data_dir, previous=previous, shown=shown, freeze=False)
        index = TimelineIndex.build(opened.timeline, shown_index)
        if texts:
            index.texts  # noqa: B018 - built now, off the UI thread
    return opened, index
