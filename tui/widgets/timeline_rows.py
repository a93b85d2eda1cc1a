"""The timeline's rows: the row index (events, and a heading before each year's
first event) and the text of one row, cut to fit.

Plain functions, apart from the widget, so that tests call them directly.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import compress, islice, pairwise
from operator import ne

from rich.cells import cell_len, set_cell_size

MIN_DATE_WIDTH = 8
MIN_TITLE_ROOM = 24
"""Cells a row keeps for its title and actors before its date column gives way."""
ROW_FRAME = 4  # the cursor's marker before the date, and the gap after it


def fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells: padded, or cut with "…" when longer."""
    text = ellipsize(text, width)
    return text + " " * (width - cell_len(text))


def date_column_width(labels: Sequence[str]) -> int:
    """The date column's width: that of the longest of `labels` (at least 8 cells)."""
    return max((cell_len(label) for label in labels), default=0) if labels else MIN_DATE_WIDTH


def date_cell_width(needed: int, width: int) -> int:
    """The date column's width in rows `width` cells wide, for dates up to `needed`.

    All of it while the title keeps `MIN_TITLE_ROOM` cells: a date shown coarser
    loses what a fact-checker reads it for. Else at most 40% of the row, the dates
    too wide for it shown coarser (`tui.dates.format_span_within`).
    """
    if width - needed - ROW_FRAME >= MIN_TITLE_ROOM:
        return needed
    return min(needed, max(MIN_DATE_WIDTH, width * 2 // 5))


def row_text(
    marker: str, date_text: str, title: str, names: str, date_width: int, width: int
) -> tuple[str, str, str]:
    """The date cell, the title and the actor names of one row, cut to fit `width`.

    The date column has a fixed width, so titles line up; a title too long for the
    row is cut with "…" and its actors left out; actors that do not fit are cut.
    """
    date_cell = marker + fit(date_text, date_width) + "  "
    room = max(0, width - cell_len(date_cell))
    if cell_len(title) >= room:
        return date_cell, ellipsize(title, room), ""
    room -= cell_len(title) + 2
    return date_cell, title, ("  " + ellipsize(names, room)) if names and room >= 6 else ""


def year_runs(years: Sequence[int]) -> list[int]:
    """Where each run of equal years in `years` starts (a timeline in date order has
    one run a year), found in C."""
    if not years:
        return []
    return [0, *compress(range(1, len(years)), map(ne, islice(years, 1, None), years))]


def build_rows(
    years: Sequence[int], positions: Sequence[int], runs: Sequence[int] | None = None
) -> tuple[list[int], list[int]]:
    """The row index for `positions` (ascending), given each event's start year.

    Returns the rows — event positions (>= 0) with a year heading (-year) before
    each year's first event — and the indexes into `positions` where a heading
    is inserted, from which the row of any listed position follows.

    `runs` (`year_runs(years)`, worked out once per timeline) lets the headings be
    found by bisection, one per run, and the events copied between them in C: at
    100,000 listed events, about 1 ms instead of a loop of 12 ms per keystroke.
    """
    if runs is None:
        runs = year_runs(years)
    count = len(positions)
    if len(runs) * 4 > count + 64:
        return _walk_rows(years, positions)  # many runs for so few events: walk the events
    heading_at: list[int] = []
    year = None
    at = 0
    for start in runs:
        # The first listed event from this run on; all listed events up to the next
        # run's first share a year, so a heading can only go at one of these.
        at = bisect_left(positions, start, at)
        if at == count:
            break
        event_year = years[positions[at]]
        if event_year != year:
            heading_at.append(at)
            year = event_year
    rows: list[int] = []
    append, extend = rows.append, rows.extend
    for first, stop in pairwise([*heading_at, count]):
        append(-years[positions[first]])
        extend(positions[first:stop])
    return rows, heading_at


def _walk_rows(years: Sequence[int], positions: Sequence[int]) -> tuple[list[int], list[int]]:
    """`build_rows`, one listed event at a time."""
    rows: list[int] = []
    heading_at: list[int] = []
    append = rows.append
    year = None
    for i, pos in enumerate(positions):
        event_year = years[pos]
        if event_year != year:
            append(-event_year)
            heading_at.append(i)
            year = event_year
        append(pos)
    return rows, heading_at


def row_of_index(heading_at: Sequence[int], index: int) -> int:
    """The row of the `index`-th listed event: its index plus the headings above it."""
    return index + bisect_right(heading_at, index)


def ellipsize(text: str, width: int) -> str:
    """`text` cut to at most `width` cells, ending in "…" when something was cut."""
    if cell_len(text) <= width:
        return text
    if width <= 0:
        return ""
    return set_cell_size(text, width - 1).rstrip() + "…"
