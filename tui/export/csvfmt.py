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

Encoding: UTF-8 **without** a byte-order mark. The text (`iter_csv` yields it in
pieces of about 64 KB, so a long export is never held whole in memory; `export_csv`
joins them) may also go to standard output and into pipes (`csvlook`, `csvstat`,
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
import re
from collections.abc import Iterator, Sequence

from tui.dates import format_span
from tui.export.common import actor_names, quoted
from tui.model import Event, Timeline
from tui.safetext import UNSAFE, visible_block

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
# What `visible_block` would change: most cells hold none of it, and a search is
# much cheaper than a translation.
_UNSAFE_IN_BLOCK = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(UNSAFE) if c != 0x0A) + "]"
)
_FORMULA_FIRST = frozenset(FORMULA_STARTS)
CHUNK_CHARS = 1 << 16
"""`iter_csv` yields once this many characters of records are pending."""


def cell(value: str, *, keep_formulas: bool = False) -> str:
    """A CSV field: control characters made visible, a formula-like start defused."""
    if _UNSAFE_IN_BLOCK.search(value) is not None:
        value = visible_block(value)
    if not keep_formulas and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def row_cells(row: list[str], *, keep_formulas: bool = False) -> list[str]:
    """`cell` of every field of `row`, with one look for unsafe characters per row.

    Every unsafe character is unprintable (a control or format character), so a
    row whose text is all printable needs no translation, and `isprintable` is a
    much quicker test than a search; a row with a line break (a quote that runs
    over one) is searched once, whole.
    """
    joined = " ".join(row)
    if not joined.isprintable() and _UNSAFE_IN_BLOCK.search(joined) is not None:
        return [cell(v, keep_formulas=keep_formulas) for v in row]
    if keep_formulas:
        return row
    return [("'" + v) if v[:1] in _FORMULA_FIRST else v for v in row]


class _Pending:
    """The text `csv.writer` has written since the last piece was handed on."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        """Keep `text` (the file-like method `csv.writer` calls)."""
        self.parts.append(text)
        self.size += len(text)
        return len(text)

    def take(self) -> str:
        """Everything kept so far, which is then forgotten."""
        text = "".join(self.parts)
        self.parts.clear()
        self.size = 0
        return text


def iter_csv(
    timeline: Timeline,
    positions: Sequence[int],
    *,
    keep_formulas: bool = False,
    chunk_chars: int | None = None,
) -> Iterator[str]:
    """The CSV export in pieces: the header first, then records as they are made.

    A piece is handed on once `chunk_chars` (default `CHUNK_CHARS`) characters are
    pending, so memory stays flat however many events there are; the pieces joined
    are `export_csv`.
    """
    limit = CHUNK_CHARS if chunk_chars is None else chunk_chars
    pending = _Pending()
    writer = csv.writer(pending, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    yield pending.take()
    events = timeline.events
    for i in positions:
        writer.writerow(row_cells(event_row(timeline, events[i]), keep_formulas=keep_formulas))
        if pending.size >= limit:
            yield pending.take()
    if pending.size:
        yield pending.take()


def export_csv(timeline: Timeline, positions: Sequence[int], *, keep_formulas: bool = False) -> str:
    """The CSV export as text: header and one CRLF-ended record per event."""
    return "".join(iter_csv(timeline, positions, keep_formulas=keep_formulas))
