"""The CSV export is written as it is made: the same bytes as the whole-text
export always wrote, handed on in pieces while the records are being made.

`reference_csv` is the export as it was written before it streamed (one
`StringIO`, every cell translated); the streamed export must match it byte for
byte on the shipped data and on hostile text (controls, bidi overrides, formula
starts, line breaks).
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from tests.test_export_formats import _event, _span, make_timeline
from tui.export import (
    FORMATS,
    csvfmt,
    export_chunks,
    export_to_file,
    render_export,
    write_atomically,
)
from tui.export.csvfmt import COLUMNS, event_row, export_csv, iter_csv
from tui.load import default_data_dir, load_timeline
from tui.model import Timeline
from tui.safetext import visible_block

# A spreadsheet runs a cell as a formula when it starts with one of these, perhaps
# after white space, a zero-width space or a byte-order mark (written apart from
# the product's own rule, to hold it to this one).
LOOKS_LIKE_FORMULA = re.compile("[\\s\u200b\ufeff]*[=+\\-@\uff1d\uff0b\uff0d\uff20]")


def reference_csv(
    timeline: Timeline, positions: Sequence[int], *, keep_formulas: bool = False
) -> str:
    """The CSV export as the whole-text writer made it before it streamed."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for i in positions:
        row = []
        for value in event_row(timeline, timeline.events[i]):
            value = visible_block(value)
            if not keep_formulas and LOOKS_LIKE_FORMULA.match(value):
                value = "'" + value
            row.append(value)
        writer.writerow(row)
    return buffer.getvalue()


def hostile_timeline() -> Timeline:
    """`make_timeline` plus events whose text needs every kind of care."""
    base = make_timeline()
    day = _span(date(2024, 1, 2), date(2024, 1, 2), "day")
    titles = [
        "=SUM(A1:A9)",
        "+1 and -1",
        "@mention, then \x1b[31mred\x1b[0m",
        "Line one\nline two, \"quoted\"",
        "Right-to-left \u202eoverride\u202c here",
        "C1 \x9b control and DEL \x7f and tab\there",
        "-starts with a minus",
        "Plain title",
    ]
    extra = tuple(
        _event(f"hostile-{n}", day, order=len(base.events) + n, title=title)
        for n, title in enumerate(titles)
    )
    return Timeline.build(base.articles, base.actors, (*base.events, *extra))


@pytest.fixture(scope="module")
def shipped() -> Timeline:
    """The shipped timeline."""
    return load_timeline(default_data_dir())


@pytest.mark.parametrize("keep_formulas", [False, True])
def test_streamed_csv_matches_the_whole_text_export_on_the_shipped_data(
    shipped: Timeline, keep_formulas: bool
) -> None:
    positions = range(len(shipped.events))
    expected = reference_csv(shipped, positions, keep_formulas=keep_formulas)
    assert export_csv(shipped, positions, keep_formulas=keep_formulas) == expected
    pieces = list(iter_csv(shipped, positions, keep_formulas=keep_formulas, chunk_chars=1))
    assert "".join(pieces) == expected
    assert render_export("csv", shipped, positions, keep_formulas=keep_formulas) == expected


@pytest.mark.parametrize("keep_formulas", [False, True])
def test_streamed_csv_matches_the_whole_text_export_on_hostile_text(keep_formulas: bool) -> None:
    timeline = hostile_timeline()
    positions = range(len(timeline.events))
    expected = reference_csv(timeline, positions, keep_formulas=keep_formulas)
    assert export_csv(timeline, positions, keep_formulas=keep_formulas) == expected
    assert "\x1b" not in expected and "\u202e" not in expected
    assert ("'=SUM" in expected) is not keep_formulas


def test_the_cli_writes_the_same_bytes_to_standard_output_and_to_a_file(tmp_path: Path) -> None:
    shipped = load_timeline(default_data_dir())
    expected = reference_csv(shipped, range(len(shipped.events)))
    out = subprocess.run(
        [sys.executable, "-m", "tui", "export", "--format", "csv"],
        capture_output=True, cwd=ROOT, timeout=60, check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout == expected.encode("utf-8")
    target = tmp_path / "out.csv"
    written = run_cli("export", "--format", "csv", "--output", str(target))
    assert written.returncode == 0, written.stderr
    assert target.read_bytes() == expected.encode("utf-8")


class _CountingPositions(Sequence[int]):
    """Positions that remember which ones the export has taken so far."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.taken: list[int] = []

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, index: int) -> int:  # type: ignore[override]
        return range(self.count)[index]

    def __iter__(self) -> Iterator[int]:
        for position in range(self.count):
            self.taken.append(position)
            yield position


def test_records_are_handed_on_while_the_rest_are_still_to_be_made() -> None:
    timeline = hostile_timeline()
    positions = _CountingPositions(len(timeline.events))
    pieces = iter_csv(timeline, positions, chunk_chars=1)
    assert next(pieces) == ",".join(COLUMNS) + "\r\n"
    assert positions.taken == []  # the header goes out before any record is made
    first = next(pieces)
    assert positions.taken == [0] and first.startswith(timeline.events[0].id + ",")
    rest = list(pieces)
    assert len(rest) == len(timeline.events) - 1  # one piece per record, none held back
    assert len(positions.taken) == len(timeline.events)


def test_pieces_are_about_the_chunk_size_and_none_is_empty() -> None:
    timeline = hostile_timeline()
    positions = list(range(len(timeline.events))) * 50
    pieces = list(iter_csv(timeline, positions, chunk_chars=2000))
    assert len(pieces) > 5 and all(pieces)
    assert max(len(p) for p in pieces[1:-1]) < 2000 + 2 * max(len(p) for p in pieces)
    assert "".join(pieces) == reference_csv(timeline, positions)


def test_only_csv_streams_and_the_others_come_as_one_piece() -> None:
    timeline = make_timeline()
    positions = range(len(timeline.events))
    for name, fmt in FORMATS.items():
        pieces = list(export_chunks(name, timeline, positions, filter_words="x"))
        assert "".join(pieces) == render_export(name, timeline, positions, filter_words="x")
        assert (fmt.stream is not None) == (name == "csv")
        if fmt.stream is None:
            assert len(pieces) == 1


def test_write_atomically_writes_the_pieces_as_they_come(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    seen: list[str] = []

    def pieces() -> Iterator[str]:
        for word in ("one,", "two,", "three\r\n"):
            seen.append(word)
            yield word

    write_atomically(target, pieces())
    assert seen == ["one,", "two,", "three\r\n"]
    assert target.read_bytes() == b"one,two,three\r\n"


def test_a_failure_while_the_pieces_are_made_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"

    def pieces() -> Iterator[str]:
        yield "header\r\n"
        raise RuntimeError("the data went away")

    with pytest.raises(RuntimeError):
        write_atomically(target, pieces())
    assert list(tmp_path.iterdir()) == []


def test_the_explorer_export_streams_csv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    timeline = hostile_timeline()
    positions = range(len(timeline.events))
    monkeypatch.setattr(csvfmt, "CHUNK_CHARS", 1)
    calls: list[int] = []
    real = csvfmt.iter_csv

    def spy(*args: object, **kwargs: object) -> Iterator[str]:
        for piece in real(*args, **kwargs):  # type: ignore[arg-type]
            calls.append(len(piece))
            yield piece

    # The registry looks the function up in its module when the export starts.
    monkeypatch.setattr(csvfmt, "iter_csv", spy)
    target = tmp_path / "view.csv"
    assert export_to_file("csv", timeline, positions, target, overwrite=False) is None
    assert len(calls) == len(timeline.events) + 1
    assert target.read_bytes() == reference_csv(timeline, positions).encode("utf-8")
