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

import re
from collections.abc import Iterator, Sequence
from datetime import date

from tui.dates import format_span
from tui.export.common import actor_names, quoted
from tui.lint import FORMULA_STARTS
from tui.model import Event, Source, Timeline
from tui.safetext import UNSAFE, visible_block
from tui.span import Span

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


def span_fields(span: Span) -> tuple[str, ...]:
    """The seven date fields of a record: `start` to `date`, in the order of `COLUMNS`."""
    return (
        span.start.isoformat(),
        span.end.isoformat(),
        span.precision,
        "true" if span.approximate else "false",
        span.timex,
        span.relation,
        format_span(span),  # the date as the explorer and `timeline list` show it
    )


def event_row(timeline: Timeline, event: Event) -> list[str]:
    """What each field of `event`'s record holds, in the order of `COLUMNS`.

    The plain statement of a record, before `csv_field` makes each field visible,
    defused and quoted; `iter_csv` makes the same record its own quicker way,
    and the tests hold the two to the same bytes.
    """
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
        *span_fields(span),
        event.title,
        event.summary,
        event.kind,
        "; ".join(actors),
        " | ".join(sources),
        "; ".join(outlets),
    ]


_FORMULA_FIRST = frozenset(FORMULA_STARTS)
# What `visible_block` would change (every character of it is unprintable).
_UNSAFE_IN_BLOCK = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(UNSAFE) if c != 0x0A) + "]"
)
CHUNK_CHARS = 1 << 16
"""`iter_csv` yields once this many characters of records are pending."""


def _made_visible(text: str) -> str:
    """`visible_block(text)`, looked for first: nearly every text holds nothing to change.

    `isprintable` (a line break aside) rules it out much more quickly than a
    search, and a translation copies the whole text.
    """
    if text.isprintable() or ("\n" in text and text.replace("\n", "").isprintable()):
        return text
    if _UNSAFE_IN_BLOCK.search(text) is None:
        return text
    return visible_block(text)


def csv_field(value: str, *, keep_formulas: bool = False) -> str:
    """`value` as one field of a record: made visible, defused, quoted if it must be.

    Control characters are made visible (`visible_block`), a formula-like start
    gets a leading `'` (unless `keep_formulas`), and the field is quoted, with `"`
    doubled, only when it holds a comma, a quote, CR or LF: in a record of two
    fields or more, exactly what `csv.writer` (minimal quoting) writes.
    """
    value = _made_visible(value)
    if not keep_formulas and value[:1] in _FORMULA_FIRST:
        value = "'" + value
    if '"' in value:
        return '"' + value.replace('"', '""') + '"'
    # No CR is left to look for: `visible_block` makes it a space.
    if "," in value or "\n" in value:
        return '"' + value + '"'
    return value


def csv_fields(values: Sequence[str], *, keep_formulas: bool = False) -> str:
    """`csv_field` of each of `values`, joined by commas.

    Most of the time none of them needs anything done, which one look at them
    joined shows: all printable, no quote, no comma but the ones put between
    them, and no formula-like start.
    """
    joined = ",".join(values)
    if (
        joined.isprintable()
        and '"' not in joined
        and joined.count(",") == len(values) - 1
        and (keep_formulas or _FORMULA_FIRST.isdisjoint([v[:1] for v in values]))
    ):
        return joined
    return ",".join([csv_field(v, keep_formulas=keep_formulas) for v in values])


class _Names(dict[str, str]):
    """Actor names by id; an unknown id is its own name (as `Timeline.actor_names` has it)."""

    def __missing__(self, key: str) -> str:
        return key


class _Shared:
    """The fields events share in one export, each made once.

    The seven date fields of a span (by the span object, many events share one,
    and by its values), the cited text of a source (a quote cited by several
    events), the outlets field, and for an event with one source (most) its last
    two fields. Each is what `csv_field` makes of it.
    """

    def __init__(self, timeline: Timeline, keep_formulas: bool) -> None:
        self.keep_formulas = keep_formulas
        self.names = _Names({key: actor.name for key, actor in timeline.actor_by_id.items()})
        self.outlets = {
            article_id: article.outlet for article_id, article in timeline.article_by_id.items()
        }
        # By the identity of the span: the timeline keeps every span alive meanwhile.
        self.span_fields: dict[int, str] = {}
        self.span_values: dict[tuple[date, date, str, bool, str, str], str] = {}
        # By what a source's cited text is made of: the text made visible with its
        # `"` doubled, whether a field holding it must be quoted, and its outlet.
        self.cited: dict[tuple[str, str, str], tuple[str, bool, str | None]] = {}
        self.single: dict[tuple[str, str, str], str] = {}
        self.outlet_fields: dict[str, str] = {}

    def span_text(self, span: Span) -> str:
        """The seven date fields of `span`, remembered for it."""
        key = (span.start, span.end, span.precision, span.approximate, span.timex, span.relation)
        text = self.span_values.get(key)
        if text is None:
            text = self.span_values[key] = csv_fields(
                span_fields(span), keep_formulas=self.keep_formulas
            )
        self.span_fields[id(span)] = text
        return text

    def _cite(self, source: Source) -> tuple[str, bool, str | None]:
        text = _made_visible(f"{source.article_id}: {quoted(source.quote)} ({source.date_text})")
        needs_quotes = '"' in text or "," in text or "\n" in text  # a CR is made a space
        entry = self.cited[(source.article_id, source.quote, source.date_text)] = (
            text.replace('"', '""'),
            needs_quotes,
            self.outlets.get(source.article_id),
        )
        return entry

    def tail(self, sources: tuple[Source, ...]) -> str:
        """The last two fields of an event with these sources: sources and outlets.

        The sources field is `csv_field` of the cited texts joined by " | ", made
        of what is remembered for each source: the text made visible (a character
        at a time, so the same joined or apart), quotes doubled, and whether it
        needs the field quoted; a formula-like start is the first's. The outlets
        are the distinct outlets of the sources' articles, in order.
        """
        cite = self.cited.get
        texts: list[str] = []
        outlets: list[str] = []
        needs_quotes = False
        for source in sources:
            text, quotes, outlet = cite(
                (source.article_id, source.quote, source.date_text)
            ) or self._cite(source)
            texts.append(text)
            needs_quotes = needs_quotes or quotes
            if outlet is not None and outlet not in outlets:
                outlets.append(outlet)
        cited = " | ".join(texts)
        if not self.keep_formulas and cited[:1] in _FORMULA_FIRST:
            cited = "'" + cited
        joined = "; ".join(outlets)
        outlets_field = self.outlet_fields.get(joined)
        if outlets_field is None:
            outlets_field = self.outlet_fields[joined] = csv_field(
                joined, keep_formulas=self.keep_formulas
            )
        return f'"{cited}",{outlets_field}' if needs_quotes else f"{cited},{outlets_field}"

    def single_tail(self, source: Source) -> str:
        """`tail` of an event whose only source is `source`, remembered."""
        text = self.single[(source.article_id, source.quote, source.date_text)] = self.tail(
            (source,)
        )
        return text


def iter_csv(
    timeline: Timeline,
    positions: Sequence[int],
    *,
    keep_formulas: bool = False,
    chunk_chars: int | None = None,
) -> Iterator[str]:
    """The CSV export in pieces: the header first, then records as they are made.

    Each record is what `csv.writer` (minimal quoting, CRLF) writes for the
    `csv_field`s of `event_row`, made without it: its fields are searched with
    `str` methods (much quicker on long text than the writer's look at every
    character), and what events share is made once (`_Shared`). A piece is
    handed on once `chunk_chars` (default `CHUNK_CHARS`) characters are pending,
    so memory stays flat however many events there are; the pieces joined are
    `export_csv`.
    """
    limit = CHUNK_CHARS if chunk_chars is None else chunk_chars
    yield csv_fields(COLUMNS) + "\r\n"
    shared = _Shared(timeline, keep_formulas)
    # The loop runs once per event: what it uses is bound to local names.
    span_fields, span_text = shared.span_fields, shared.span_text
    single, single_tail, tail_of = shared.single, shared.single_tail, shared.tail
    name_of = shared.names.__getitem__
    formula_first: frozenset[str] = frozenset() if keep_formulas else _FORMULA_FIRST
    events = timeline.events
    pending: list[str] = []
    size = 0
    for i in positions:
        event = events[i]
        sources = event.sources
        first = sources[0]
        span = first.span  # `event.span`, without the call
        dates = span_fields.get(id(span)) or span_text(span)
        if len(sources) == 1:
            tail = single.get((first.article_id, first.quote, first.date_text)) or single_tail(
                first
            )
        else:
            tail = tail_of(sources)
        ident, title, summary, kind = event.id, event.title, event.summary, event.kind
        actors = "; ".join(map(name_of, event.actors))
        # `csv_fields` of the five, inline: the id goes before the date fields.
        text = f"{ident},{title},{summary},{kind},{actors}"
        if (
            text.isprintable()
            and '"' not in text
            and text.count(",") == 4
            and formula_first.isdisjoint(
                ident[:1] + title[:1] + summary[:1] + kind[:1] + actors[:1]
            )
        ):
            text = f"{ident},{dates},{text[len(ident) + 1 :]},{tail}\r\n"
        else:
            rest = csv_fields((title, summary, kind, actors), keep_formulas=keep_formulas)
            text = f"{csv_field(ident, keep_formulas=keep_formulas)},{dates},{rest},{tail}\r\n"
        pending.append(text)
        size += len(text)
        if size >= limit:
            yield "".join(pending)
            pending.clear()
            size = 0
    if pending:
        yield "".join(pending)


def export_csv(timeline: Timeline, positions: Sequence[int], *, keep_formulas: bool = False) -> str:
    """The CSV export as text: header and one CRLF-ended record per event."""
    return "".join(iter_csv(timeline, positions, keep_formulas=keep_formulas))
