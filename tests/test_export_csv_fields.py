"""The CSV export writes its records without `csv.writer`: it must never drift from it.

Every field is made visible (`visible_block`), defused (a leading `'` before `=`,
`+`, `-`, `@` unless formulas are kept) and quoted exactly as `csv.writer` with
minimal quoting and CRLF ends quotes it. Hypothesis feeds hostile text (commas,
both kinds of quotes, CR, LF, control, C1 and bidi characters, formula starts,
empty strings, non-ASCII and unprintable but harmless characters such as
U+2028) to the field helpers, and whole timelines of it, with spans, quotes and
articles shared between events so that what the export remembers is reused, to
the export itself; `csv.writer` over `event_row` is the reference.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_export_stream import LOOKS_LIKE_FORMULA, reference_csv
from tui.export.csvfmt import COLUMNS, csv_field, csv_fields, export_csv, iter_csv
from tui.model import Actor, Article, Event, Source, Timeline
from tui.safetext import FORMULA_LEAD, visible_block
from tui.span import PRECISIONS, RELATIONS, Span

PIECES = st.sampled_from(
    [
        ",",
        '"',
        '""',
        "\r",
        "\n",
        "\r\n",
        "\t",
        "\x00",
        "\x1b[31m",
        "\x7f",
        "\x85",
        "\x9b",
        "\u202e",
        "\u2066",
        "\u2028",  # unprintable, yet nothing `visible_block` changes
        "\u00ad",
        "=",
        "+",
        "-",
        "@",
        "\uff1d",  # full-width =
        "\ufeff",
        "\u200b",
        "\u3000",
        "\xa0",
        "'",
        " | ",
        "; ",
        "“",
        "”",
        "«",
        "é",
        "≈",
        "日本",
        "😀",
        " ",
        "a",
        "Plain words",
        "",
    ]
)
HOSTILE = st.lists(PIECES | st.text(max_size=4), max_size=6).map("".join)


def _writer_line(values: list[str], keep_formulas: bool) -> str:
    """What `csv.writer` writes for `values` once each is made visible and defused."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    cells = []
    for value in values:
        value = visible_block(value)
        if not keep_formulas and LOOKS_LIKE_FORMULA.match(value):
            value = "'" + value
        cells.append(value)
    writer.writerow(cells)
    return buffer.getvalue()


@settings(max_examples=400)
@given(st.lists(HOSTILE, min_size=2, max_size=8), st.booleans())
def test_fields_are_what_csv_writer_writes(values: list[str], keep_formulas: bool) -> None:
    expected = _writer_line(values, keep_formulas)
    one_by_one = ",".join(csv_field(v, keep_formulas=keep_formulas) for v in values) + "\r\n"
    assert one_by_one == expected
    assert csv_fields(values, keep_formulas=keep_formulas) + "\r\n" == expected


def test_the_examples_that_matter_most() -> None:
    for values in (
        ["", ""],
        ["a,b", 'say "hi"'],
        ["line\nbreak", "cr\ronly"],
        ["=1+1", "-", "@x", "+"],
        ["\x1b[2J", "\u202eevil", "\u2028"],
        ["\n=starts after a line break", "'=already"],
    ):
        for keep in (False, True):
            assert csv_fields(values, keep_formulas=keep) + "\r\n" == _writer_line(values, keep)
    assert csv_fields(COLUMNS) == ",".join(COLUMNS)


def _span(n: int, precision: str, relation: str, timex: str, approximate: bool) -> Span:
    start = date(2000, 1, 1) + timedelta(days=37 * n)
    end = start + timedelta(days=0 if precision == "day" else 40)
    return Span(start, end, precision, approximate, timex, "why", relation)


SPANS = st.builds(
    _span,
    st.integers(0, 2),  # few days: equal spans but for their words, now and then
    st.sampled_from(PRECISIONS),
    st.sampled_from(RELATIONS),
    HOSTILE,
    st.booleans(),
)


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    """A timeline of hostile text in which events share spans, quotes and articles."""
    article_ids = draw(st.lists(HOSTILE, min_size=1, max_size=3, unique=True))
    articles = tuple(
        Article(aid, "a.txt", "title", draw(HOSTILE), None, date(2024, 1, 1), "stated", "", "")
        for aid in article_ids
    )
    actor_ids = draw(st.lists(HOSTILE, min_size=1, max_size=3, unique=True))
    actors = tuple(Actor(aid, draw(HOSTILE), "person") for aid in actor_ids)
    spans = draw(st.lists(SPANS, min_size=1, max_size=3))
    # An equal span that is another object: remembered by its values, not only itself.
    spans.append(replace(spans[0]))
    spans.append(replace(spans[0], timex=spans[0].timex + "="))  # equal but for its words
    quotes = draw(st.lists(st.tuples(HOSTILE, HOSTILE), min_size=1, max_size=3))
    events = []
    for order in range(draw(st.integers(1, 8))):
        sources = tuple(
            Source(
                # Now and then an article the timeline does not know: no outlet.
                draw(st.sampled_from(article_ids) | HOSTILE),
                *draw(st.sampled_from(quotes)),
                draw(st.sampled_from(spans)),
                0,
                0,
            )
            for _ in range(draw(st.integers(1, 3)))
        )
        events.append(
            Event(
                f"{draw(HOSTILE)}-{order}",
                draw(HOSTILE),
                draw(HOSTILE),
                draw(HOSTILE),
                tuple(draw(st.lists(st.sampled_from(actor_ids) | HOSTILE, max_size=4))),
                sources,
                order,
            )
        )
    return Timeline.build(articles, actors, tuple(events))


@settings(max_examples=150)
@given(timelines(), st.booleans(), st.integers(1, 300))
def test_the_export_is_what_csv_writer_writes_of_event_row(
    timeline: Timeline, keep_formulas: bool, chunk_chars: int
) -> None:
    positions = list(range(len(timeline.events)))
    positions += positions[::2]  # an event twice: everything it shares is remembered by then
    expected = reference_csv(timeline, positions, keep_formulas=keep_formulas)
    assert export_csv(timeline, positions, keep_formulas=keep_formulas) == expected
    pieces = iter_csv(timeline, positions, keep_formulas=keep_formulas, chunk_chars=chunk_chars)
    assert "".join(pieces) == expected


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ("=1+1", "'=1+1"),
        (" =1+1", "' =1+1"),
        ("\t=cmd", "' =cmd"),  # the tab made visible as a space, then defused
        ("\r-2", "' -2"),
        ("\ufeff@SUM(A1)", "'\ufeff@SUM(A1)"),
        ("\u200b+1", "'\u200b+1"),
        ("\u3000\uff1d1", "'\u3000\uff1d1"),  # full-width = after an ideographic space
        ("\n=1", "\"'\n=1\""),
        ("a=1", "a=1"),
        ("  plain", "  plain"),
        ("", ""),
        ("\x0b=1", "\u240b=1"),  # a vertical tab is made visible: no longer blank
    ],
)
def test_a_cell_that_a_spreadsheet_would_run_is_defused(value: str, field: str) -> None:
    assert csv_field(value) == field
    assert csv_fields([value, "x"]) == f"{field},x"
    assert not csv_field(value, keep_formulas=True).lstrip('"').startswith("'")


def test_the_blanks_before_a_formula_are_every_white_space() -> None:
    blanks = {chr(c) for c in range(0x110000) if chr(c).isspace()} | {"\u200b", "\ufeff"}
    assert set(FORMULA_LEAD) == blanks
    assert len(FORMULA_LEAD) == len(blanks)
