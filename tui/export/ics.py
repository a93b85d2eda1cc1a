"""The iCalendar export (RFC 5545), written by hand: no runtime dependency.

One VCALENDAR (VERSION 2.0, a PRODID, CALSCALE GREGORIAN, METHOD PUBLISH) with
one all-day VEVENT per event:

* `DTSTART;VALUE=DATE` is the first day of the event's resolved span and
  `DTEND;VALUE=DATE` the day *after* its last day (DTEND is exclusive), so a
  month-precision event covers the whole month and "1950–1953" four years;
* `SUMMARY` is the title, with "≈ " in front when the date is approximate (not
  for a "by" event on a range of days, placed on its end day, which is not), and
  "(within June 2021)" after it when the date is more than a day: a calendar
  draws the days as one long event, while the words may only place it in them;
* `DESCRIPTION` holds the summary, each source's quote with its citation
  (article title, outlet, publication date, and whether that date is inferred),
  and how the date was resolved (the date words and the resolver's explanation);
* `UID` is `<event-id>@tui-timeline`, stable across exports, so re-importing
  updates events instead of duplicating them;
* `CATEGORIES` is the event's kind; `TRANSP:TRANSPARENT` keeps these historical
  entries from showing as busy time.

`DTSTAMP` is required by RFC 5545 but is not the time of the export: it is the
latest publication date among the timeline's articles at 00:00:00 UTC, so the
same data always gives byte-identical output and the stamp only moves when the
sources do.

TEXT values escape backslash, `;`, `,` and line breaks (as `\\n`); tabs become
spaces and other control characters, which TEXT may not hold, visible stand-ins
(`tui.safetext`). A filtered export names its filter in `X-WR-CALNAME` and
`X-WR-CALDESC`. Lines end with CRLF and are
folded at 75 octets of UTF-8 with CRLF and one space, never inside a multi-byte
character.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from tui.dates import date_words, shown_approximate
from tui.export.common import (
    citation_words,
    one_line,
    subject_name,
    when_words,
)
from tui.model import Event, Timeline
from tui.quoting import quoted
from tui.safetext import visible_block

PRODID = "-//tui//source-grounded timeline//EN"
UID_DOMAIN = "tui-timeline"
MAX_OCTETS = 75
CRLF = "\r\n"


def escape_text(value: str) -> str:
    """A TEXT value escaped per RFC 5545 3.3.11 (line breaks become `\\n`)."""
    value = visible_block(value.replace("\r\n", "\n").replace("\r", "\n"))
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded to at most 75 octets per physical line, CRLF-ended.

    Continuation lines start with a single space, which counts toward their 75
    octets; a multi-byte UTF-8 character is never split across lines.
    """
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > MAX_OCTETS:
            pieces.append("".join(current))
            current = [" "]
            size = 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return CRLF.join(pieces) + CRLF


def ical_date(day: date) -> str:
    """A DATE value: YYYYMMDD."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def dtstamp(timeline: Timeline) -> str:
    """The reproducible DTSTAMP: latest article publication date, 00:00:00 UTC."""
    latest = max((a.published for a in timeline.articles), default=date(1970, 1, 1))
    return f"{ical_date(latest)}T000000Z"


def event_description(timeline: Timeline, event: Event) -> str:
    """The plain-text DESCRIPTION: summary, quoted sources, and how the date was found."""
    parts: list[str] = []
    if event.summary.strip():
        parts.append(one_line(event.summary))
    for source in event.sources:
        article = timeline.article_by_id.get(source.article_id)
        cite = citation_words(article) if article is not None else source.article_id
        parts.append(f"{quoted(one_line(source.quote))}\n— {cite}")
    first = event.sources[0]
    parts.append(
        f"Date: {when_words(timeline, event)}, from “{one_line(first.date_text)}” in the first "
        f"source, resolved against its publication date: {one_line(event.span.explanation)}"
    )
    return "\n\n".join(parts)


def event_lines(timeline: Timeline, event: Event, stamp: str) -> list[str]:
    """The unfolded content lines of one VEVENT."""
    span = event.span
    title = one_line(event.title)
    summary = f"≈ {title}" if shown_approximate(span) else title
    first, last = span.placed_start, span.placed_end
    if span.relation != "on" or timeline.is_expected(event):
        # A calendar can only say "on": the relation (and a date still to come when
        # the article was written) goes into the summary, and a "by" or "until"
        # event is an all-day event on its end day.
        expected = ", expected" if timeline.is_expected(event) else ""
        summary = f"{summary} ({date_words(span)}{expected})"  # not "(… (expected))"
    elif first != last:
        # A calendar shows a block of days as an event that lasted them all; the words
        # ("earlier this month") may say only that it happened within them.
        summary = f"{summary} (within {when_words(timeline, event)})"
    return [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.id)}@{UID_DOMAIN}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{ical_date(first)}",
        # The exclusive end; a span reaching 31 Dec 9999 has none a DATE can write.
        f"DTEND;VALUE=DATE:{ical_date(last + timedelta(days=1))}"
        if last < date.max
        else f"DURATION:P{(last - first).days + 1}D",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(event_description(timeline, event))}",
        f"CATEGORIES:{escape_text(event.kind)}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def export_ics(
    timeline: Timeline,
    positions: Sequence[int],
    *,
    filter_words: str = "",
    subject: str | None = None,
) -> str:
    """The iCalendar text for the events at `positions` (chosen by `filter_words`),
    the calendar named by the timeline's own title (`subject`)."""
    stamp = dtstamp(timeline)
    calendar = subject_name(subject)
    name = f"{calendar} — {one_line(filter_words)}" if filter_words else calendar
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    if filter_words:
        lines.append(
            f"X-WR-CALDESC:{escape_text(f'{len(positions)} of {len(timeline.events)} events, ')}"
            f"{escape_text(f'filtered: {one_line(filter_words)}')}"
        )
    for i in positions:
        lines += event_lines(timeline, timeline.events[i], stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)
