"""Open a data folder: the model cache in front of the loader.

`open_timeline` is what the command line and the explorer call. It is the one
place that combines the cache (`tui.cache`) and validation (`tui.load`), so that
neither of those imports the other.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tui.cache import ModelCache
from tui.datafiles import default_data_dir
from tui.headstore import ensure_head, write_head
from tui.load import load_reusing
from tui.model import Timeline
from tui.perf import gc_paused


def open_timeline(
    data_dir: Path | str | None = None,
    *,
    use_cache: bool = True,
    on_parse: Callable[[Path], None] | None = None,
) -> Timeline:
    """The validated timeline of `data_dir` (the shipped data by default), cached.

    A valid folder's model is cached under the content hash of every data and
    seed file (and of the model's code), so an unchanged folder loads without
    parsing. After an edit, the events that did not change are taken from the
    folder's latest entry and only the others are checked (`tui.loading.reuse`).
    `on_parse`, if given, is called with the folder just before it is parsed
    (nothing cached for it at all). A large timeline's entry gets a head beside
    it, the explorer's first screen (`tui.headstore`). Raises `DataError` listing
    every problem.
    """
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    with gc_paused():
        cache = ModelCache.for_folder(folder) if use_cache and folder.is_dir() else None
        if cache is not None:
            cached = cache.read()
            if cached is not None:
                ensure_head(cache, cached)
                return cached
        previous = cache.read_reuse() if cache is not None else None
        if on_parse is not None and previous is None:
            on_parse(folder)
        timeline, reuse = load_reusing(folder, previous)
        if cache is not None:
            cache.write(timeline, reuse)
            write_head(cache, timeline)
        return timeline
