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
that begins with `=`, `+`, `-` or `@` (or their full-width forms), perhaps after
white space, a tab, a line break or a byte-order mark, would be run as a formula
by a spreadsheet (CSV injection), so it gets a leading `'` as OWASP recommends;
`keep_formulas=True` (`--csv-formulas`) writes such cells as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import partial
from itertools import chain, islice, repeat
from operator import attrgetter, is_not, itemgetter
from typing import TypeVar, cast

# `tui.dates.explain`, not `tui.dates`: an export needs the labels, not the resolver.
from tui.dates.explain import format_span
from tui.export.common import actor_names
from tui.model import Event, Source, Timeline
from tui.quoting import OPENING_QUOTES, UNPAIRED_IF_COUNTED, quoted
from tui.safetext import FORMULA_SUSPECTS, UNSAFE, formula_start, visible_block
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
    # After every article reporting it was written: what they expect, not what happened
    # (last, so that the columns before keep their places).
    "expected",
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
        "true" if timeline.is_expected(event) else "false",
    ]


_T = TypeVar("_T")
# What `visible_block` would change (every character of it is unprintable).
_UNSAFE_IN_BLOCK = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(UNSAFE) if c != 0x0A) + "]"
)
CHUNK_CHARS = 1 << 16
"""`iter_csv` yields pieces of about this many characters."""
_FIRST_GUESS = 400  # characters of a record, before any is made


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
    if not keep_formulas and value[:1] in FORMULA_SUSPECTS and formula_start(value):
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
        and (keep_formulas or FORMULA_SUSPECTS.isdisjoint([v[:1] for v in values]))
    ):
        return joined
    return ",".join([csv_field(v, keep_formulas=keep_formulas) for v in values])


class _Names(dict[str, str]):
    """Actor names by id; an unknown id is its own name (as `Timeline.actor_names` has it)."""

    def __missing__(self, key: str) -> str:
        return key


_first_char = itemgetter(slice(0, 1))
_not_none = partial(is_not, None)
_article_id, _quote = attrgetter("article_id"), attrgetter("quote")
_date_text = attrgetter("date_text")
_sources_of, _actors_of, _span_of = attrgetter("sources"), attrgetter("actors"), attrgetter("span")
_approximate = attrgetter("approximate")
_span_key = attrgetter("start", "end", "precision", "approximate", "timex", "relation")
_OPENING_FIRST = frozenset(OPENING_QUOTES)


def _in_turn(values: list[_T], counts: list[int]) -> Iterator[Iterator[_T]]:
    """`values` cut into runs of `counts[0]`, `counts[1]`, … values, in turn.

    Each run is an iterator over the same one, so take each whole before the next.
    """
    left = iter(values)
    return map(islice, repeat(left), counts)


# The Latin-1 characters a field may hold as it is: all but `"` and those
# `visible_block` changes (C0 and C1 controls, DEL), the line break aside.
_PLAIN_LATIN1 = bytes(c for c in range(0x100) if c == 0x0A or (c not in UNSAFE and c != 0x22))


def _plain(text: str) -> bool:
    """True when `text` holds no `"` and nothing `visible_block` changes.

    Text in Latin-1 (most; ASCII is) is looked at as bytes, whose characters are
    deleted by table in C, a few times faster than `isprintable`, which looks each
    character up in the Unicode database. Other text goes by `isprintable` (false
    for every character `visible_block` changes, and for a few it keeps, which
    `csv_field` then sees to).
    """
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        return '"' not in text and (text.isprintable() or text.replace("\n", " ").isprintable())
    return not data.translate(None, _PLAIN_LATIN1)


def _quoted_where_needed(values: list[str], joined: str) -> list[str]:
    """`values` of which each holding a comma or a line break is in quotes.

    `csv_field` of each, when `joined` (the values joined) is `_plain` and none of
    them starts like a formula (or formulas are kept).
    """
    if "," in joined or "\n" in joined:
        return [f'"{v}"' if "," in v or "\n" in v else v for v in values]
    return values


def _column(values: list[str], keep_formulas: bool) -> list[str]:
    """`csv_field` of each of `values` (one column of a batch of records).

    Nearly always every value is `_plain` and none starts like a formula, which a
    look at them all together shows (each a property of single characters or of
    a first one); then only quotes are put around the values that need them.
    """
    joined = "".join(values)
    if _plain(joined) and (keep_formulas or FORMULA_SUSPECTS.isdisjoint(map(_first_char, values))):
        return _quoted_where_needed(values, joined)
    return [csv_field(v, keep_formulas=keep_formulas) for v in values]


class _Records:
    """Makes the records of one export a batch of events at a time.

    A batch is made column by column, each column by `map` over the batch's
    events (so by C code, not by a Python loop per event), made into fields by
    `_column`, and the records are the columns zipped and joined. The seven date
    fields of a span are made once per export for equal spans (many events share
    one) and kept by the span's values.
    """

    def __init__(self, timeline: Timeline, keep_formulas: bool) -> None:
        self.keep_formulas = keep_formulas
        self.events = timeline.events
        self.name_of = _Names({key: actor.name for key, actor in timeline.actor_by_id.items()})
        self.outlet_of = {
            article_id: article.outlet for article_id, article in timeline.article_by_id.items()
        }
        self.dates: dict[tuple[date, date, str, bool, str, str], str] = {}
        self.timeline = timeline
        self.latest_of = {article.id: article.latest for article in timeline.articles}

    def _dates(self, spans: list[Span]) -> list[str]:
        """The date fields of each of `spans`, remembered by the span's values."""
        keys = list(map(_span_key, spans))
        known = list(map(self.dates.get, keys))
        if None in known:
            # Each new span's values once, though several events of the batch share them.
            new = {keys[i]: spans[i] for i, text in enumerate(known) if text is None}
            self.dates.update(zip(new, self._new_dates(list(new.values())), strict=True))
            known = list(map(self.dates.__getitem__, keys))
        return cast("list[str]", known)

    def _new_dates(self, spans: list[Span]) -> list[str]:
        """`csv_fields(span_fields(span))` of each of `spans`, made column by column."""
        keep = self.keep_formulas
        columns = (
            # ISO days are digits and dashes: nothing to do.
            list(map(date.isoformat, map(attrgetter("start"), spans))),
            list(map(date.isoformat, map(attrgetter("end"), spans))),
            _column(list(map(attrgetter("precision"), spans)), keep),
            ["true" if approximate else "false" for approximate in map(_approximate, spans)],
            _column(list(map(attrgetter("timex"), spans)), keep),
            _column(list(map(attrgetter("relation"), spans)), keep),
            _column(list(map(format_span, spans)), keep),
        )
        return list(map(",".join, zip(*columns, strict=True)))

    def _expected(self, events: list[Event], per_event: list[tuple[Source, ...]]) -> list[str]:
        """The `expected` field of each of `events`: `Timeline.is_expected`, the one-source
        events (nearly all) read in a line, the others asked."""
        latest = self.latest_of
        fields = []
        for event, sources in zip(events, per_event, strict=True):
            written = latest.get(sources[0].article_id) if len(sources) == 1 else None
            if written is not None and (event.span.start > written or not event.span.ahead):
                expected = event.span.start > written
            else:
                expected = self.timeline.is_expected(event)
            fields.append("true" if expected else "false")
        return fields

    def batch(self, positions: Iterable[int]) -> tuple[int, str]:
        """How many events are at `positions`, and their records, each ended by CRLF."""
        keep = self.keep_formulas
        events = list(map(self.events.__getitem__, positions))
        if not events:
            return 0, ""
        per_event = list(map(_sources_of, events))
        counts = list(map(len, per_event))
        sources = list(chain.from_iterable(per_event))
        articles = list(map(_article_id, sources))
        quotes = list(map(_quote, sources))
        date_texts = list(map(_date_text, sources))
        # `quoted` marks a quote that neither opens with a mark of its own nor closes
        # one it did not open: when no quote opens with one and none holds a closing
        # mark at all (nearly always), every quote is marked, without a call per quote.
        joined = "\x00".join(quotes)
        if _OPENING_FIRST.isdisjoint(map(_first_char, quotes)) and not any(
            mark in joined for mark in UNPAIRED_IF_COUNTED
        ):
            parts = zip(articles, quotes, date_texts, strict=True)
            cited = [f"{a}: \u201c{q}\u201d ({d})" for a, q, d in parts]
        else:
            parts = zip(articles, map(quoted, quotes), date_texts, strict=True)
            cited = [f"{a}: {q} ({d})" for a, q, d in parts]
        cited_field = list(map(" | ".join, _in_turn(cited, counts)))
        # A sources field is the article ids, quotes and date words between marks
        # that need no care (the quotation marks, ": ", " (", ")" and " | "): looked
        # at in the parts, which are most often Latin-1 (the marks are not), and by
        # the articles' first characters (a field's first character is its first
        # article's).
        joined = "".join(chain(articles, quotes, date_texts))
        if _plain(joined) and (keep or FORMULA_SUSPECTS.isdisjoint(map(_first_char, articles))):
            cited_field = _quoted_where_needed(cited_field, joined)
        else:
            cited_field = [csv_field(v, keep_formulas=keep) for v in cited_field]
        # The distinct outlets of an event's articles, in order, an unknown article none.
        outlets = list(map(self.outlet_of.get, articles))
        distinct = map(partial(filter, _not_none), map(dict.fromkeys, _in_turn(outlets, counts)))
        outlets_field = list(map("; ".join, distinct))
        names = map(partial(map, self.name_of.__getitem__), map(_actors_of, events))
        actors_field = list(map("; ".join, names))
        ident, title, summary, kind = (
            _column(list(map(attrgetter(name), events)), keep)
            for name in ("id", "title", "summary", "kind")
        )
        columns = (
            ident,
            self._dates(list(map(_span_of, map(itemgetter(0), per_event)))),
            title,
            summary,
            kind,
            _column(actors_field, keep),
            cited_field,
            _column(outlets_field, keep),
            self._expected(events, per_event),
        )
        records = map(",".join, zip(*columns, strict=True))
        # Joined with an empty record last: each ended by CRLF, without another copy.
        return len(events), "\r\n".join(chain(records, ("",)))


def iter_csv(
    timeline: Timeline,
    positions: Sequence[int],
    *,
    keep_formulas: bool = False,
    chunk_chars: int | None = None,
) -> Iterator[str]:
    """The CSV export in pieces: the header first, then records as they are made.

    Each record is what `csv.writer` (minimal quoting, CRLF) writes for the
    `csv_field`s of `event_row`, made without it, a batch of events at a time
    (`_Records`). A batch holds about as many events as make `chunk_chars`
    (default `CHUNK_CHARS`) characters, going by the records so far, and is one
    piece, so memory stays flat however many events there are; the pieces joined
    are `export_csv`.
    """
    limit = CHUNK_CHARS if chunk_chars is None else chunk_chars
    yield csv_fields(COLUMNS) + "\r\n"
    records = _Records(timeline, keep_formulas)
    left = iter(positions)
    # The first batch guesses the size of a record; the next ones go by the
    # records made so far.
    size = max(1, limit // _FIRST_GUESS)
    made = chars = 0
    while True:
        count, piece = records.batch(islice(left, size))
        if not count:
            return
        yield piece
        made += count
        chars += len(piece)
        size = max(1, limit * made // chars)


def export_csv(timeline: Timeline, positions: Sequence[int], *, keep_formulas: bool = False) -> str:
    """The CSV export as text: header and one CRLF-ended record per event."""
    return "".join(iter_csv(timeline, positions, keep_formulas=keep_formulas))
