"""Warnings about valid data that may surprise a reader of an export.

`check` prints them on standard error; they never fail a load. Two kinds: a
title that begins with `=`, `+`, `-` or `@` (see `tui.safetext.formula_start`),
which a spreadsheet would run as a formula (the CSV export defuses it unless
`--csv-formulas` is given); an event dated after its article was written by
words its quote reports as done (`tui.dates.doneguard`); and an event whose sources
give it dates that do not overlap (one of them misread, or quoting another event).
"""

from __future__ import annotations

import re
from datetime import date
from heapq import nsmallest
from itertools import compress, repeat
from operator import and_, attrgetter, contains, eq, gt, itemgetter, not_, or_
from pathlib import Path
from typing import TYPE_CHECKING

from tui.datafiles import EVENTS_FILE
from tui.dates import format_span
from tui.dates.doneguard import points_ahead, source_doubt
from tui.dates.explain import FUTURE_TENSE_SAID
from tui.model import Event, Source, Timeline
from tui.problems import path_under
from tui.readfile import read_regular
from tui.safetext import FORMULA_SUSPECTS, formula_start, visible, visible_block
from tui.span import Span

if TYPE_CHECKING:  # `check` imports this module before it knows it loads anything
    from tui.loading.records import Records


def formula_warnings(timeline: Timeline, data_dir: Path, shown: str = "") -> list[str]:
    """`events.yaml:LINE: warning: ...` for each title that starts like a formula (the
    file named under `shown`, the data folder as the person named it, when given)."""
    events = timeline.events
    # Those whose first character may start one, found in C, then looked at closely.
    firsts = map(itemgetter(slice(0, 1)), map(attrgetter("title"), events))
    maybe = compress(events, map(FORMULA_SUSPECTS.__contains__, firsts))
    # As the export writes them: a control character made visible starts no formula.
    flagged = [e for e in maybe if formula_start(visible_block(e.title))]
    if not flagged:
        return []
    lines = _title_lines(data_dir / EVENTS_FILE)  # read again only when needed
    return [
        _warning(
            lines.get(event.id),
            f"the title of event '{event.id}' starts with "
            f"'{formula_start(visible_block(event.title))}', which a spreadsheet runs as a "
            "formula",
            "the CSV export writes it with a leading ' (unless --csv-formulas); reword the "
            "title if it is not meant to be one",
            shown,
        )
        for event in flagged
    ]


def _warning(line: int | None, message: str, hint: str, shown: str = "") -> str:
    """`events.yaml:LINE: warning: MESSAGE` and its hint, made visible; the file under
    the folder `shown` when given."""
    path = path_under(shown, EVENTS_FILE)  # as problems name their files
    where = f"{path}:{line}" if line else path
    return visible(f"{where}: warning: {message}") + f"\n    hint: {visible(hint)}"


FirstsAfter = tuple[list[Source], list[int]]


def firsts_after_written(timeline: Timeline) -> FirstsAfter:
    """Every event's first source (which dates it), and the places of the events whose
    first source starts after its article was written: found in C (a few, mostly what
    the articles expect). Both warnings that start from them take it (`check` works
    it out once: at 100,000 events the pass takes about 60 ms)."""
    latest = {article.id: article.latest for article in timeline.articles}
    firsts = list(map(itemgetter(0), map(attrgetter("sources"), timeline.events)))
    written = map(latest.__getitem__, map(attrgetter("article_id"), firsts))
    starts = map(attrgetter("span.start"), firsts)
    return firsts, list(compress(range(len(firsts)), map(gt, starts, written)))


def done_after_written_warnings(
    timeline: Timeline,
    data_dir: Path,
    records: Records | None = None,
    shown: str = "",
    firsts_after: FirstsAfter | None = None,
) -> list[str]:
    """`events.yaml:LINE: warning: ...` for each event dated after its article was
    written by words its quote reports as done (`tui.dates.doneguard`).

    `records` is the events file's cut into entries by the load that made
    `timeline` (`Opened.reuse`), when there was one: each event's line is then
    found in its own entry, where finding it in the file read again took 0.3 s
    at 100,000 events.
    """
    events = timeline.events
    latest = {article.id: article.latest for article in timeline.articles}
    firsts, after = firsts_after or firsts_after_written(timeline)
    # Read from the publication date in the future tense, the words say what is to
    # come: left out in C (at 100,000 events, about 20,000 sources), as those that
    # point ahead are below. (A reference's explanation holds its mention's.)
    explained = map(attrgetter("span.explanation"), map(firsts.__getitem__, after))
    unsaid = compress(after, map(not_, map(contains, explained, repeat(FUTURE_TENSE_SAID))))
    referring = [at for at in after if firsts[at].relative_to is not None]
    later = [
        (events[at], firsts[at])
        for at in sorted({*referring, *unsaid})
        if firsts[at].relative_to is not None or not points_ahead(firsts[at].date_text)
    ]
    doubts = [
        (event, doubt)
        for event, source in later
        if (doubt := source_doubt(source, latest[source.article_id])) is not None
    ]
    if not doubts:
        return []
    lines = _lines_of([event for event, _ in doubts], records, data_dir)
    return [
        _warning(
            lines.get(event.id),
            f"event '{event.id}' is dated {format_span(event.span)}: {doubt}",
            "then they do not date this event: date it by other words, or leave it out; if "
            "the article does speak of what was still to come, leave it",
            shown,
        )
        for event, doubt in doubts
    ]


def dated_by_a_forecast_warnings(
    timeline: Timeline,
    data_dir: Path,
    records: Records | None = None,
    shown: str = "",
    firsts_after: FirstsAfter | None = None,
) -> list[str]:
    """`events.yaml:LINE: warning: ...` for each event dated by a first source that
    expected it (its words look ahead, or were read in the future tense, to a date
    after its article was written, "on" it), which a later article reports
    without dating it so: no longer marked expected, the event shows as done on
    the date it was only expected (a trial: "expected to begin next Monday", then
    "began work earlier this month"). A later source "on" days within that date
    confirms it: no warning. A later article is one surely written on or after
    the date's first day (the first day of its publication window). A first source
    that reads as done has `done_after_written_warnings`'s warning instead.
    `records` as for `done_after_written_warnings`."""
    events = timeline.events
    earliest = {article.id: article.earliest for article in timeline.articles}
    _, after = firsts_after or firsts_after_written(timeline)
    ahead = (event for event in map(events.__getitem__, after) if len(event.sources) > 1)
    found: list[tuple[Event, Source]] = []
    count = 0
    for event in ahead:
        first, *others = event.sources
        span = first.span
        if span.relation != "on" or not (
            FUTURE_TENSE_SAID in span.explanation or points_ahead(first.date_text)
        ):
            continue  # not a forecast (or one the other warning tells of)
        later = [s for s in others if earliest[s.article_id] >= span.start]
        if not later:
            continue
        within = [s for s in later if s.span.relation == "on" and span.start <= s.span.start
                  and s.span.end <= span.end]
        if any((s.span.start, s.span.end) == (span.start, span.end) for s in within):
            continue  # confirmed: the same days
        count += 1
        if len(found) < DISAGREEING_LISTED:  # the first in timeline order
            found.append((event, within[0] if within else later[0]))
    if not found:
        return []
    lines = _lines_of([event for event, _ in found], records, data_dir)
    return [
        _forecast_warning(event, later, lines.get(event.id), shown) for event, later in found
    ] + _more(count, len(found), shown)


def _forecast_warning(event: Event, later: Source, line: int | None, shown: str) -> str:
    """The warning for `event`, dated by a forecast, which the `later` source reports:
    more exactly within the forecast's days, within days that hold them, or on others."""
    span, then = event.span, later.span
    said = (f"event '{event.id}' is dated {format_span(span)} by its first source "
            f"({event.sources[0].article_id}), which expected it; a later one "
            f"({later.article_id}) reports it done")  # fmt: skip
    if then.relation == "on" and span.start <= then.start and then.end <= span.end:
        return _warning(
            line, f"{said} on {format_span(then)}, within that date and more exactly",
            "put the later source first to date the event by what it reports done; to show "
            "the date expected, leave it",
            shown,
        )
    holds = span.end <= then.end and (then.relation == "by" or then.start <= span.start)
    told = "which holds that date but does not give it" if holds else "not on that date"
    return _warning(
        line, f"{said} {format_span(then)}, {told}",  # its relation in it: "by 2025-03-17"
        "shown as done on the date it was expected: if it happened on another day, put "
        "the source that dates it first; if the later source confirms the date, leave it",
        shown,
    )


def _more(count: int, listed: int, shown: str) -> list[str]:
    """The line that counts the forecast warnings not listed, if any."""
    if count <= listed:
        return []
    more = count - listed
    return [_warning(
        None,
        f"{more:,} more event{'s' if more != 1 else ''} dated by what a first source "
        f"expected ({count:,} in all; the first {listed} in timeline order are listed)",
        "put those right, and `check` lists the next",
        shown,
    )]


# Relations of a state, which may hold over any stretch: no date of an act to compare.
_STATE_RELATIONS = frozenset(("since", "as of", "until", "from"))


def _days_claimed(span: Span) -> tuple[date | None, date] | None:
    """The days an event may have happened on by `span`: from its start (none for
    "by", on or before its end) to its end; None for a state's relation."""
    if span.relation in _STATE_RELATIONS:
        return None
    return (None if span.relation == "by" else span.start), span.end


# At most this many events whose sources disagree are listed (each with its line), then
# how many more: a folder whose sources were matched to events wholesale may have
# thousands, and listing them all took longer than the check.
DISAGREEING_LISTED = 20


def _disagreeing_source(event: Event) -> tuple[int, Source] | None:
    """The first of `event`'s sources (its number, counted from 1) whose days do not
    overlap those of its first source, or None."""
    first, *others = event.sources
    days = _days_claimed(first.span)
    if days is None:
        return None
    for number, source in enumerate(others, start=2):
        other = _days_claimed(source.span)
        if other is None:
            continue
        starts = [d for d in (days[0], other[0]) if d is not None]
        if starts and max(starts) > min(days[1], other[1]):
            return number, source
    return None


def disagreeing_sources_warnings(
    timeline: Timeline, data_dir: Path, records: Records | None = None, shown: str = ""
) -> list[str]:
    """`events.yaml:LINE: warning: ...` for each event a later source of which dates it
    on days that do not overlap those of its first source (which gives the event its
    date): one of the two is misread, or quotes another event. The first
    `DISAGREEING_LISTED` are listed, then a count of the others. `records` as for
    `done_after_written_warnings`."""
    events = timeline.events
    # Events of two sources or more. Those of exactly two, both "on" (most), are told
    # apart in C, by whether one starts after the other ends; the others (a "by" or a
    # state's relation may reconcile them, a third source) one by one.
    several = list(compress(events, map(gt, map(len, map(attrgetter("sources"), events)),
                                        repeat(1))))
    sources = list(map(attrgetter("sources"), several))
    firsts = list(map(attrgetter("span"), map(itemgetter(0), sources)))
    seconds = list(map(attrgetter("span"), map(itemgetter(1), sources)))
    plain = list(map(and_, map(and_, map(eq, map(len, sources), repeat(2)),
                               map(eq, map(attrgetter("relation"), firsts), repeat("on"))),
                     map(eq, map(attrgetter("relation"), seconds), repeat("on"))))
    apart = map(or_, map(gt, map(attrgetter("start"), firsts), map(attrgetter("end"), seconds)),
                map(gt, map(attrgetter("start"), seconds), map(attrgetter("end"), firsts)))
    found = set(compress(range(len(several)), map(and_, plain, apart)))
    found.update(at for at in compress(range(len(several)), map(not_, plain))
                 if _disagreeing_source(several[at]) is not None)
    if not found:
        return []
    disagreeing: list[tuple[Event, int, Source]] = []
    for at in nsmallest(DISAGREEING_LISTED, found):
        which = _disagreeing_source(several[at])
        assert which is not None, "found by the same test, in C"
        disagreeing.append((several[at], *which))
    count = len(found)
    listed = [event for event, _, _ in disagreeing]
    lines = _lines_of(listed, records, data_dir)
    warnings = [
        _warning(
            lines.get(event.id),
            f"the sources of event '{event.id}' disagree: its first "
            f"({event.sources[0].article_id}) dates it {format_span(event.sources[0].span)}, "
            f"source {number} ({source.article_id}) {format_span(source.span)}",
            "the event takes its first source's date; read both sources' date words "
            f"(`timeline show {event.id}`): one may be misread, or quote another event",
            shown,
        )
        for event, number, source in disagreeing
    ]
    if count > len(disagreeing):
        more = count - len(disagreeing)
        warnings.append(
            _warning(
                None,
                f"{more:,} more event{'s' if more != 1 else ''} whose sources disagree "
                f"({count:,} in all; the first {len(disagreeing)} in timeline order are "
                "listed)",
                "put those right, and `check` lists the next",
                shown,
            )
        )
    return warnings


def _lines_of(events: list[Event], records: Records | None, data_dir: Path) -> dict[str, int]:
    """The line of each of `events` in events.yaml: found in its own entry of `records`
    when the load left them, else in the file read again."""
    if records is not None:
        return _entry_id_lines(records, events)
    return _id_lines(data_dir / EVENTS_FILE, {event.id for event in events})


def _entry_id_lines(records: Records, events: list[Event]) -> dict[str, int]:
    """The line of the `id:` of each of `events`, found in its entry of `records`."""
    lines: dict[str, int] = {}
    for event in events:
        found = _id_lines_in(records.texts[event.order], {event.id})
        if event.id in found:
            lines[event.id] = records.lines[event.order] + found[event.id] - 1
    return lines


def _id_lines(path: Path, ids: set[str]) -> dict[str, int]:
    """The line of the `id:` of each event of `ids` (empty if the file cannot be read).

    Each "id:" is found with `str.find` and read only there, lines counted as it goes,
    until every id is found: parsing a 53 MB file with its lines kept took seconds
    (and a regular expression over it a second), for a few warnings."""
    try:
        raw = read_regular(path)
        found = _written_id_lines(raw, ids)
        if len(found) < len(ids):  # written otherwise ("id:x", quoted): read every "id:"
            found.update(_id_lines_in(raw.decode("utf-8"), ids - found.keys()))
    except (OSError, UnicodeDecodeError):
        return {}
    return found


def _written_id_lines(raw: bytes, ids: set[str]) -> dict[str, int]:
    """The lines of those of `ids` written as `- id: ID` or `id: ID` alone on a line
    (as nearly every file writes them), found in one search of the bytes for all of
    them, the lines counted once, in file order. Reading every "id:" of a 53 MB file
    took 0.3 s, for the 20 lines of a warning about sources that disagree."""
    if not ids:
        return {}
    wanted = b"|".join(re.escape(ident.encode("utf-8")) for ident in sorted(ids, key=len,
                                                                          reverse=True))
    lines: dict[str, int] = {}
    line, counted_to = 1, 0
    for found in re.finditer(rb"id: (" + wanted + rb")(?![^\s#])", raw):
        ident = found.group(1).decode("utf-8")
        if ident in lines or not _alone(raw, found.start(), found.end()):
            continue
        line += raw.count(b"\n", counted_to, found.start())
        counted_to = found.start()
        lines[ident] = line
        if len(lines) == len(ids):
            break
    return lines


def _alone(raw: bytes, start: int, end: int) -> bool:
    """True when `raw[start:end]` ("id: ID") is a line's key and whole value: only
    spaces or "- " before it on its line, nothing but a comment after it."""
    line_start = raw.rfind(b"\n", 0, start) + 1
    line_end = raw.find(b"\n", end)
    rest = raw[end : line_end if line_end >= 0 else len(raw)]
    return raw[line_start:start].strip() in (b"", b"-") and (
        rest.strip() == b"" or (rest[:1] in (b" ", b"\t") and rest.strip().startswith(b"#"))
    )


def _id_lines_in(text: str, ids: set[str]) -> dict[str, int]:
    """`_id_lines` in `text`, its first line 1."""
    lines: dict[str, int] = {}
    line, counted_to, at = 1, 0, text.find("id:")
    while at >= 0 and len(lines) < len(ids):
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        # "- id: x" or "id: 'x'", alone on its line but for a comment.
        if text[start:at].strip() in ("", "-"):
            value = text[at + 3 : end].split(" #", 1)[0].strip()
            if value[:1] in "\"'" and value[-1:] == value[:1] and len(value) > 1:
                value = value[1:-1]
            if value in ids and value not in lines:
                line += text.count("\n", counted_to, at)
                counted_to = at
                lines[value] = line
        at = text.find("id:", end)
    return lines


def _title_lines(path: Path) -> dict[str, int]:
    """The line of each event's `title:`, by event id (empty if the file changed)."""
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
            line = line_of(entry, "title")
            if line is not None:
                lines[str(entry["id"])] = line
    return lines
