"""Property-based tests (Hypothesis): hostile input never crashes, never leaks a control.

* the loader on mutated copies of the shipped data: a `Timeline` or a
  `DataError` whose problems each name a file, never another exception;
* the resolver on generated expressions and anchors: a `Span` with start <= end
  whose TIMEX agrees with its precision, or a `ResolveError`;
* every export of events with generated titles and quotes full of control,
  bidi and formula characters: read back by its real parser, no control
  character in the text formats, the JSON lossless.

Profiles are registered in `tests/conftest.py` ("ci" by default, "dev" for long
local runs).
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from datetime import date
from pathlib import Path

import icalendar
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.test_export_formats import _event, _span, make_timeline
from tui.dates import PRECISIONS as SPAN_PRECISIONS
from tui.dates import ResolveError, resolve_span
from tui.export import FORMATS, render_export
from tui.export.csvfmt import COLUMNS
from tui.load import load_timeline
from tui.model import Timeline
from tui.problems import DataError
from tui.safetext import UNSAFE

# ---- the loader on mutated shipped data ------------------------------------------

SHIPPED = {
    name: (ROOT / "data" / name).read_text(encoding="utf-8")
    for name in ("articles.yaml", "actors.yaml", "events.yaml")
}
# Pieces that are significant in YAML or to the loader, and characters that are not
# allowed or that a terminal would act on.
SNIPPETS = st.sampled_from(
    [
        ":",
        "- ",
        "  ",
        "\n",
        "\t",
        "'",
        '"',
        "{",
        "[",
        "]",
        "&a",
        "*a",
        "!!python/none",
        "<<: *a",
        "#",
        "null",
        "~",
        "yes",
        "0x1F",
        "1e9999",
        "9" * 5000,
        "2024-02-30",
        "\x00",
        "\x1b[2J",
        "\u202e",
        "\x9b",
        "events:",
        "id: x",
        "\\e",
        "é",
        "\ufeff",
    ]
)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    """One shipped file with one to three edits: delete, duplicate or insert."""
    name = draw(st.sampled_from(sorted(SHIPPED)))
    text = SHIPPED[name]
    for _ in range(draw(st.integers(1, 3))):
        lines = text.split("\n")
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete-line", "duplicate-line", "insert", "replace"]))
        if action == "delete-line":
            del lines[at]
        elif action == "duplicate-line":
            lines.insert(at, lines[at])
        else:
            line = lines[at]
            col = draw(st.integers(0, len(line)))
            piece = draw(SNIPPETS | st.text(max_size=4))
            end = col + (draw(st.integers(0, 6)) if action == "replace" else 0)
            lines[at] = line[:col] + piece + line[end:]
        text = "\n".join(lines)
    return name, text


@pytest.fixture(scope="module")
def shipped_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shipped data folder and its seeds, reused by every example."""
    root = tmp_path_factory.mktemp("mutated")
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    return root / "data"


@given(change=mutated())
@example(change=("events.yaml", SHIPPED["events.yaml"] + SHIPPED["events.yaml"]))
def test_loader_on_mutated_data_reports_or_loads(
    shipped_copy: Path, change: tuple[str, str]
) -> None:
    name, text = change
    for original, content in SHIPPED.items():
        (shipped_copy / original).write_text(text if original == name else content, "utf-8")
    try:
        timeline = load_timeline(shipped_copy)
    except DataError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.file and problem.message
            assert not any(ord(c) in UNSAFE - {0x0A} for c in str(problem))
    else:
        assert isinstance(timeline, Timeline)


# ---- the resolver on generated expressions ---------------------------------------

WORDS = [
    "on",
    "in",
    "since",
    "by",
    "from",
    "to",
    "until",
    "between",
    "and",
    "the",
    "of",
    "a",
    "last",
    "next",
    "this",
    "earlier",
    "later",
    "early",
    "mid",
    "late",
    "end",
    "beginning",
    "middle",
    "around",
    "about",
    "some",
    "few",
    "several",
    "couple",
    "ago",
    "past",
    "coming",
    "recent",
    "recently",
    "now",
    "soon",
    "years",
    "year",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "decade",
    "century",
    "quarter",
    "half",
    "Saturday",
    "monday",
    "June",
    "September",
    "May",
    "spring",
    "winter",
    "summer",
    "1949",
    "2021",
    "1950s",
    "90s",
    "20th",
    "17",
    "31",
    "1",
    "0",
    "9999",
    "10000",
    "2020-03-03",
    "2020-13",
    "3/4/2020",
    "13/4/2020",
    "1950-1953",
    "1950-53",
    "2019-20",
    "June 11-13",
    "–",
    "-",
    "anniversary",
    "marking",
    "seventieth",
    "75th",
    "six",
    "two",
    "first",
    "Q2",
    "H1",
    "fall",
]
PRECISIONS = set(SPAN_PRECISIONS)
REFS = re.compile(r"^(PAST_REF|PRESENT_REF|FUTURE_REF|P[X0-9]+[DWMY])$")

expressions = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join) | st.text(
    max_size=30
)
anchors = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
sentences = st.none() | st.sampled_from(
    ["Officials said it was held {}.", "The talks will be held {}.", "{}"]
)


def _timex_agrees(precision: str, timex: str, start: date, end: date) -> bool:
    """Does the TIMEX3 value name the period the span covers, at its precision?"""
    if REFS.match(timex) or "/" in timex:
        return True
    year = timex[:4]
    checks = {
        "day": lambda: timex == start.isoformat(),
        "week": lambda: re.fullmatch(r"\d{4}-W\d\d", timex) is not None,
        "month": lambda: timex == f"{start.year:04d}-{start.month:02d}",
        "season": lambda: re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", timex) is not None,
        "quarter": lambda: re.fullmatch(r"\d{4}-Q[1-4]", timex) is not None,
        "half": lambda: re.fullmatch(r"\d{4}-H[12]", timex) is not None,
        "year": lambda: year.isdigit() and int(timex) == start.year,
        "decade": lambda: timex.isdigit() and int(timex) == start.year // 10,
        "century": lambda: timex.isdigit() and int(timex) == start.year // 100,
    }
    return checks.get(precision, lambda: True)()


@given(expression=expressions, anchor=anchors, sentence=sentences)
@example(expression="next year", anchor=date(9999, 6, 1), sentence=None)
@example(expression="10000 years ago", anchor=date(2024, 1, 1), sentence=None)
def test_resolver_gives_a_consistent_span_or_a_resolve_error(
    expression: str, anchor: date, sentence: str | None
) -> None:
    text = sentence.format(expression) if sentence else None
    try:
        span = resolve_span(expression, anchor, text)
    except ResolveError as exc:
        assert str(exc)
        return
    assert span.start <= span.end
    assert span.precision in PRECISIONS
    assert span.timex and span.explanation
    assert _timex_agrees(span.precision, span.timex, span.start, span.end), span


# ---- every export of hostile titles and quotes --------------------------------------

HOSTILE = st.text(
    alphabet=st.sampled_from(
        [
            *"=+-@\"'“”,;\\\n\r\t<>&#*[]",
            "\x1b",
            "\x07",
            "\x00",
            "\x7f",
            "\x85",
            "\x9b",
            "\u202e",
            "\u2066",
            "a",
            "b",
            " ",
            "é",
            "北",
        ]
    )
    | st.characters(codec="utf-8", exclude_categories=["Cs"]),
    min_size=1,
    max_size=40,
)
TEXT_FORMATS = ("csv", "markdown", "ics")
RAW = {c for c in UNSAFE if c not in (0x0A, 0x0D)}


def _hostile_timeline(title: str, quote: str) -> Timeline:
    base = make_timeline()
    event = _event(
        "hostile",
        _span(date(2024, 4, 13), date(2024, 4, 13), "day"),
        order=0,
        title=title,
        quote=quote,
    )
    return Timeline.build(base.articles, base.actors, (event,))


@given(title=HOSTILE, quote=HOSTILE)
@example(title='=HYPERLINK("x")\x1b]0;PWNED\x07', quote="“quoted” \u202e")
def test_every_export_reads_back_and_passes_no_control(title: str, quote: str) -> None:
    timeline = _hostile_timeline(title, quote)
    outputs = {name: render_export(name, timeline, (0,)) for name in FORMATS}
    for name in TEXT_FORMATS:
        assert not any(ord(c) in RAW for c in outputs[name]), name
    rows = list(csv.reader(io.StringIO(outputs["csv"], newline="")))
    assert rows[0] == list(COLUMNS) and len(rows) == 2
    assert not rows[1][COLUMNS.index("title")].startswith(("=", "+", "-", "@"))
    assert len(icalendar.Calendar.from_ical(outputs["ics"]).walk("VEVENT")) == 1
    for name in ("json", "timelinejs"):
        assert not any(0x7F <= ord(c) <= 0x9F or ord(c) in (0x202E, 0x2066) for c in outputs[name])
    document = json.loads(outputs["json"])
    assert document["events"][0]["title"] == title  # lossless
    assert document["events"][0]["sources"][0]["quote"] == quote
    json.loads(outputs["timelinejs"])


# ---- the source pane's line-at-a-time wrap ------------------------------------------


@given(
    text=st.text(alphabet=st.sampled_from("ab x"), max_size=80)
    | st.lists(st.sampled_from(["word", " ", "  ", "x" * 23]), max_size=30).map("".join),
    width=st.integers(1, 24),
)
def test_ascii_wrap_gives_the_lines_of_the_word_by_word_wrap(text: str, width: int) -> None:
    from tui.widgets.source_view import _wrap_ascii, _wrap_words

    if not text:
        return
    fast: list[tuple[int, int]] = []
    slow: list[tuple[int, int]] = []
    _wrap_ascii(text, 0, len(text), width, fast)
    _wrap_words(text, 0, len(text), width, slow)
    assert fast == slow
