"""How far a load has got: its stages, and the callback that is told.

A first load of a large folder takes seconds (about 2 s at 10,000 events and 10 s
at 100,000, most of it checking quotes and dates). The loader tells a `Progress`
callback what it is doing and how far it has got; showing it is the caller's
business (the command line's `tui.loadfeedback`). Plain Python, no output here.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]
"""Called as `progress(stage, done, total)`: `done` of `total` steps of `stage`.

`total` is 0 for a stage whose steps are not counted (parsing a file is one call
into the YAML parser)."""

PARSING = "parsing the events file"
READING = "reading the events"
CHECKING = "finding quotes and resolving dates"
WAITING = "finding quotes and resolving dates on the second core"
"""Told once, when this process has checked its share of the sources and waits for
the second core's (`tui.loading.parallel`): a caller with work of its own to do
before it can show the timeline (the explorer's imports) may do it then."""
BUILDING = "building the timeline"
LOCATING = "again, for the problems' lines"  # before the stages of the second pass

EVERY = 1_000
"""Steps between two reports: often enough for a smooth display, rarely enough
to cost nothing (one call per 1,000 sources)."""


def no_progress(stage: str, done: int, total: int) -> None:
    """A `Progress` that is told everything and shows nothing."""
