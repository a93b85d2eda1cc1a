"""The CSV export makes its records a batch of events at a time, column by column.

A column is looked at as a whole (`_plain`, the first characters) and only quoted
where needed when the look finds nothing to do; otherwise each field goes through
`csv_field`. These tests hold the shortcuts to `csv_field` and the batches, with
plain and hostile events side by side in one batch, to `csv.writer`'s bytes.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_export_csv_fields import HOSTILE
from tests.test_export_formats import _event, _span, make_timeline
from tests.test_export_stream import reference_csv
from tui.export.csvfmt import CHUNK_CHARS, _column, _plain, csv_field, export_csv, iter_csv
from tui.model import Event, Timeline
from tui.safetext import visible_block

PLAIN_ASCII = st.text(
    st.sampled_from([chr(c) for c in range(0x20, 0x7F) if c != 0x22] + ["\n"]), max_size=30
)


@settings(max_examples=400)
@given(HOSTILE | st.text(max_size=12))
def test_plain_text_is_text_that_csv_field_only_quotes(text: str) -> None:
    if _plain(text):
        assert '"' not in text and visible_block(text) == text


@given(PLAIN_ASCII, st.text(st.sampled_from("é≈“”日本😀 \n"), max_size=8))
def test_printable_text_with_line_breaks_is_plain(ascii_text: str, other: str) -> None:
    assert _plain(ascii_text)  # as bytes
    assert _plain(ascii_text + other)  # by `isprintable`, line breaks aside


@settings(max_examples=400)
@given(st.text(st.characters(max_codepoint=0xFF), max_size=20))
def test_latin1_text_is_plain_exactly_when_csv_field_only_quotes_it(text: str) -> None:
    # Looked at as bytes: no character is taken for another, none is missed.
    assert _plain(text) == ('"' not in text and visible_block(text) == text)
    assert _plain("soft\xadhyphen, no-break\xa0space, é\n")


def test_each_unsafe_character_makes_text_not_plain() -> None:
    for bad in ('"', "\r", "\x00", "\x1b", "\t", "\x7f", "\x85", "\x9b", "\u202e", "\u2066"):
        assert not _plain(f"plain{bad}text"), repr(bad)
        assert not _plain(f"“non-ASCII”\n{bad}"), repr(bad)


@settings(max_examples=300)
@given(st.lists(HOSTILE | PLAIN_ASCII, max_size=8), st.booleans())
def test_a_column_is_csv_field_of_each_value(values: list[str], keep_formulas: bool) -> None:
    expected = [csv_field(v, keep_formulas=keep_formulas) for v in values]
    assert _column(list(values), keep_formulas) == expected


def _mixed_timeline() -> Timeline:
    """Many plain events, and a few whose text needs care, to share batches with them."""
    base = make_timeline()
    day = _span(date(2024, 1, 2), date(2024, 1, 2), "day")
    odd: dict[int, dict[str, str]] = {
        7: {"title": "=SUM(A1)"},
        40: {"quote": "“Already in marks,” he said."},
        41: {"quote": '"Straight quotes"'},
        90: {"title": "Bidi \u202e here"},
        130: {"quote": "-starts like a formula"},
        150: {"quote": "line\r\nbreak"},
    }
    events: list[Event] = list(base.events)
    for n in range(400):
        quote = "Plain words of a quote\nover two lines" if n % 3 else "One line, one comma"
        text = odd.get(n, {})
        events.append(
            _event(
                f"plain-{n}",
                day,
                order=len(base.events) + n,
                title=text.get("title", ""),
                quote=text.get("quote", quote),
            )
        )
    return Timeline.build(base.articles, base.actors, tuple(events))


def test_hostile_events_among_plain_ones_in_one_batch() -> None:
    timeline = _mixed_timeline()
    positions = list(range(len(timeline.events)))
    for keep in (False, True):
        expected = reference_csv(timeline, positions, keep_formulas=keep)
        assert export_csv(timeline, positions, keep_formulas=keep) == expected
        pieces = list(iter_csv(timeline, positions, keep_formulas=keep, chunk_chars=5000))
        assert "".join(pieces) == expected


def test_batches_come_to_about_the_chunk_size() -> None:
    timeline = _mixed_timeline()
    positions = list(range(len(timeline.events))) * 20
    pieces = list(iter_csv(timeline, positions))
    assert "".join(pieces) == reference_csv(timeline, positions)
    # The header, the first batch (a guess) and the last aside, each batch is sized
    # by the records before it.
    middle = [len(p) for p in pieces[2:-1]]
    assert len(middle) > 10
    assert all(CHUNK_CHARS * 0.7 < size < CHUNK_CHARS * 1.3 for size in middle)
