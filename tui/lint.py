"""Warnings about valid data that may surprise a reader of an export.

`check` prints them on standard error; they never fail a load. Two kinds: a
title that begins with `=`, `+`, `-` or `@` (see `tui.safetext.formula_start`),
which a spreadsheet would run as a formula (the CSV export defuses it unless
`--csv-formulas` is given); and an event dated after its article was written by
words its quote reports as done (`tui.dates.doneguard`).
"""

from __future__ import annotations

from itertools import compress
from operator import attrgetter, gt, itemgetter
from pathlib import Path

from tui.datafiles import EVENTS_FILE
from tui.dates import format_span
from tui.dates.doneguard import done_after_written
from tui.model import Timeline
from tui.readfile import read_regular
from tui.safetext import FORMULA_SUSPECTS, formula_start, visible, visible_block


def formula_warnings(timeline: Timeline, data_dir: Path) -> list[str]:
    """`events.yaml:LINE: warning: ...` for each title that starts like a formula."""
    events = timeline.events
    # Those whose first character may start one, found in C, then looked at closely.
    firsts = map(itemgetter(slice(0, 1)), map(attrgetter("title"), events))
    maybe = compress(events, map(FORMULA_SUSPECTS.__contains__, firsts))
    # As the export writes them: a control character made visible starts no formula.
    flagged = [e for e in maybe if formula_start(visible_block(e.title))]
    if not flagged:
        return []
    lines = _title_lines(data_dir / EVENTS_FILE)  # read again only when needed
    warnings = []
    for event in flagged:
        line = lines.get(event.id)
        where = f"{EVENTS_FILE}:{line}" if line else EVENTS_FILE
        warnings.append(
            visible(
                f"{where}: warning: the title of event '{event.id}' starts with "
                f"'{formula_start(visible_block(event.title))}', which a spreadsheet runs as "
                "a formula"
            )
            + "\n    hint: the CSV export writes it with a leading ' (unless --csv-formulas); "
            "reword the title if it is not meant to be one"
        )
    return warnings


def done_after_written_warnings(timeline: Timeline, data_dir: Path) -> list[str]:
    """`events.yaml:LINE: warning: ...` for each event dated after its article was
    written by words its quote reports as done (`tui.dates.doneguard`)."""
    events = timeline.events
    latest = {article.id: article.latest for article in timeline.articles}
    # An event is dated by its first source. Those that start after their article
    # are found in C (a few at most), then their quotes are read.
    firsts = list(map(itemgetter(0), map(attrgetter("sources"), events)))
    written = map(latest.__getitem__, map(attrgetter("article_id"), firsts))
    starts = map(attrgetter("span.start"), firsts)
    later = compress(zip(events, firsts, strict=True), map(gt, starts, written))
    doubts = [
        (event, doubt)
        for event, source in later
        if (doubt := done_after_written(
            source.span, latest[source.article_id], source.quote, source.date_text
        )) is not None
    ]
    if not doubts:
        return []
    lines = _title_lines(data_dir / EVENTS_FILE, field="id")
    warnings = []
    for event, doubt in doubts:
        line = lines.get(event.id)
        where = f"{EVENTS_FILE}:{line}" if line else EVENTS_FILE
        warnings.append(
            visible(
                f"{where}: warning: event '{event.id}' is dated {format_span(event.span)}: "
                f"{doubt}"
            )
            + "\n    hint: then they do not date this event: date it by other words, or "
            "leave it out; if the article does speak of what was still to come, leave it"
        )
    return warnings


def _title_lines(path: Path, field: str = "title") -> dict[str, int]:
    """The line of each event's `field` (`title:`), by event id (empty if the file changed)."""
    import yaml  # only when a title is flagged: `check` after an edit needs no YAML otherwise

    from tui.yamllocated import load_yaml
    from tui.yamlread import line_of

    try:
        doc = load_yaml(read_regular(path).decode("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    items = doc.get("events") if isinstance(doc, dict) else None
    lines: dict[str, int] = {}
    for entry in items if isinstance(items, list) else ():
        if isinstance(entry, dict) and "id" in entry:
            line = line_of(entry, field)
            if line is not None:
                lines[str(entry["id"])] = line
    return lines
