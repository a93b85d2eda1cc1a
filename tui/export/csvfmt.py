"""The CSV export: one row per event, for spreadsheets and data tools.

RFC 4180: a header row, then one record per event; fields separated by commas,
records ended by CRLF; a field is quoted (with `"` doubled inside) only when it
holds a comma, a quote or a line break. Columns:

    id, start, end, precision, approximate, timex, date, title, summary, kind,
    actors, sources, outlets

`start`/`end` are ISO dates (inclusive), `approximate` is `true` or `false`,
`date` is the date as the explorer shows it, `actors` are names joined with
"; ", `sources` are `article-id: “quote” (date words)` joined with " | ", and
`outlets` the distinct outlets of the event's articles joined with "; ".

Encoding: UTF-8 **without** a byte-order mark. The text is returned as a string
that may also go to standard output and into pipes (`csvlook`, `csvstat`,
pandas, `sort`), where a BOM would end up glued to the first column name.
LibreOffice, Google Sheets, Numbers and csvkit read UTF-8 as is; in Excel, open
the file with Data → From Text/CSV and choose "65001: Unicode (UTF-8)" (a
double-click would read it as the ANSI code page and garble “ ” – ≈).

Text is made visible (`tui.safetext`): no control character but the line break
reaches the file (a field holding one is quoted, as RFC 4180 allows). A cell
that begins with `=`, `+`, `-` or `@` would be run as a formula by a spreadsheet
(CSV injection), so it gets a leading `'` as OWASP recommends;
`keep_formulas=True` (`--csv-formulas`) writes such cells as they are.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from tui.dates import format_span
from tui.export.common import actor_names, quoted
from tui.model import Event, Timeline
from tui.safetext import visible_block

COLUMNS = (
    "id",
    "start",
    "end",
    "precision",
    "approximate",
    "timex",
    "relation",
    "date",
    "title",
    "summary",
    "kind",
    "actors",
    "sources",
    "outlets",
)


def event_row(timeline: Timeline, event: Event) -> list[str]:
    """One CSV record for `event`, in the order of `COLUMNS`."""
    span = event.span
    actors = actor_names(timeline, event)
    sources = [f"{s.article_id}: {quoted(s.quote)} ({s.date_text})" for s in event.sources]
    outlets: list[str] = []
    for source in event.sources:
        article = timeline.article_by_id.get(source.article_id)
        if article is not None and article.outlet not in outlets:
            outlets.append(article.outlet)
    return [
        event.id,
        span.start.isoformat(),
        span.end.isoformat(),
        span.precision,
        "true" if span.approximate else "false",
        span.timex,
        span.relation,
        format_span(span),  # the date as the explorer and `timeline list` show it
        event.title,
        event.summary,
        event.kind,
        "; ".join(actors),
        " | ".join(sources),
        "; ".join(outlets),
    ]


FORMULA_STARTS = ("=", "+", "-", "@")


def cell(value: str, *, keep_formulas: bool = False) -> str:
    """A CSV field: control characters made visible, a formula-like start defused."""
    value = visible_block(value)
    if not keep_formulas and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export_csv(timeline: Timeline, positions: Sequence[int], *, keep_formulas: bool = False) -> str:
    """The CSV export as text: header and one CRLF-ended record per event."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for i in positions:
        row = event_row(timeline, timeline.events[i])
        writer.writerow([cell(v, keep_formulas=keep_formulas) for v in row])
    return buffer.getvalue()
