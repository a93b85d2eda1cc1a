"""The csv, markdown, ics and timelinejs exports, each read back by a real parser.

Most tests build a `Timeline` straight from the model (so they do not depend on
the resolver) with one event of each precision and a hostile title full of
characters that are special in CSV, iCalendar, Markdown and HTML; the CLI tests
use the small data folder from `tests.conftest` and the shipped data.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
from markdown_it import MarkdownIt

from tests.conftest import run_cli
from tui.cliargs import build_parser
from tui.dates import Span, date_words
from tui.export import FORMATS
from tui.export.csvfmt import COLUMNS, export_csv
from tui.export.ics import MAX_OCTETS, export_ics, fold
from tui.export.markdown import escape_markdown, export_markdown
from tui.export.timelinejs import export_timelinejs
from tui.filters import Filter, TimelineIndex
from tui.load import default_data_dir, load_timeline
from tui.model import Actor, Article, Event, Source, Timeline

NEW_FORMATS = ("csv", "markdown", "ics", "timelinejs")
HOSTILE_TITLE = 'Pact, "signed"; back\\slash # *not bold* [link](x) <b>&amp; 1. ≈'
HOSTILE_QUOTE = 'He said: "yes, no; maybe\\" and <script>alert(1)</script>'


def _span(start: date, end: date, precision: str, approximate: bool = False) -> Span:
    return Span(start, end, precision, approximate, start.isoformat(), f"{precision} span")


def _event(
    event_id: str,
    span: Span,
    *,
    order: int,
    title: str = "",
    quote: str = "A quote, with a comma.",
    actors: tuple[str, ...] = ("china", "north-korea"),
    articles: tuple[str, ...] = ("stated-1",),
) -> Event:
    sources = tuple(
        Source(article, quote, "some words", span, quote_start=0, quote_end=len(quote))
        for article in articles
    )
    return Event(
        id=event_id,
        title=title or event_id.replace("-", " ").capitalize(),
        summary=f"Summary of {event_id}; it has a comma, too.",
        kind="meeting",
        actors=actors,
        sources=sources,
        order=order,
    )


def make_timeline() -> Timeline:
    """A timeline with one event per precision, over three years, and a hostile title."""
    articles = (
        Article(
            "stated-1",
            "one.txt",
            "First <article>, stated",
            "The Outlet",
            None,
            date(2024, 4, 15),
            "stated",
            "",
            "",
        ),
        Article(
            "inferred-2",
            "two.txt",
            "Second article",
            "Other Outlet",
            "A. Writer",
            date(2025, 9, 4),
            "inferred",
            "inferred from the text",
            "",
        ),
    )
    actors = (
        Actor("china", "China", "country"),
        Actor("north-korea", "North Korea", "country"),
        Actor("kim", "Kim Jong Un", "person", acts_for=("north-korea",)),
    )
    events = (
        _event("war", _span(date(1950, 1, 1), date(1953, 12, 31), "range"), order=0),
        _event("founding-year", _span(date(1949, 1, 1), date(1949, 12, 31), "year"), order=1),
        _event(
            "month-event",
            _span(date(2023, 9, 1), date(2023, 9, 30), "month"),
            order=2,
            actors=("kim", "china"),
        ),
        _event(
            "day-event",
            _span(date(2024, 4, 13), date(2024, 4, 13), "day"),
            order=3,
            title=HOSTILE_TITLE,
            quote=HOSTILE_QUOTE,
            articles=("stated-1", "inferred-2"),
        ),
        _event(
            "approx-day",
            _span(date(2021, 7, 11), date(2021, 7, 11), "day", approximate=True),
            order=4,
        ),
        _event("a-week", _span(date(2024, 4, 8), date(2024, 4, 14), "week"), order=5),
        _event(
            "summer",
            _span(date(2025, 6, 1), date(2025, 8, 31), "season"),
            order=6,
            articles=("inferred-2",),
        ),
    )
    return Timeline.build(articles, actors, events)


def all_positions(timeline: Timeline) -> tuple[int, ...]:
    return tuple(range(len(timeline.events)))


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


# ---- registry -------------------------------------------------------------------


def test_formats_are_registered_and_offered_by_the_cli() -> None:
    assert {name: FORMATS[name].extension for name in NEW_FORMATS} == {
        "csv": ".csv",
        "markdown": ".md",
        "ics": ".ics",
        "timelinejs": ".json",
    }
    assert FORMATS["json"].render.__name__ == "export_json"  # the existing API is kept
    for name in NEW_FORMATS:
        assert FORMATS[name].name == name and FORMATS[name].description
    export = build_parser()._subparsers._group_actions[0].choices["export"]  # type: ignore[union-attr]
    choices = next(a.choices for a in export._actions if a.dest == "format")
    assert set(NEW_FORMATS) <= set(choices)
    assert sorted(choices) == sorted(FORMATS)  # the parser's names are the registry's


# ---- words for dates --------------------------------------------------------------


@pytest.mark.parametrize(
    ("span", "words"),
    [
        (_span(date(2024, 4, 13), date(2024, 4, 13), "day"), "13 April 2024"),
        (_span(date(2021, 7, 11), date(2021, 7, 11), "day", True), "≈ 11 July 2021"),
        (_span(date(2023, 9, 1), date(2023, 9, 30), "month"), "September 2023"),
        (_span(date(2011, 1, 1), date(2011, 12, 31), "year"), "2011"),
        (_span(date(1950, 1, 1), date(1953, 12, 31), "range"), "1950–1953"),
        (_span(date(2025, 6, 1), date(2025, 8, 31), "season"), "summer 2025, June–August"),
        (_span(date(2024, 4, 11), date(2024, 4, 13), "range"), "11–13 April 2024"),
        (_span(date(2024, 4, 29), date(2024, 5, 5), "week"), "29 April–5 May 2024"),
        (_span(date(2023, 12, 1), date(2024, 1, 31), "range"), "December 2023–January 2024"),
        # A journalist's trial: "earlier this year" (written 12 March) is its days, not
        # the year, and "earlier this month" likewise; "late April" is said as the words
        # say it, not as its days (a convention's).
        (_span(date(2024, 1, 1), date(2024, 3, 11), "year"), "1 January–11 March 2024"),
        (_span(date(2024, 3, 1), date(2024, 3, 11), "month"), "1–11 March 2024"),
        (
            replace(_span(date(2024, 4, 21), date(2024, 4, 30), "month", True),
                    explanation="late part (TimeML MOD=END)"),
            "≈ late April 2024",
        ),
    ],
)
def test_date_words_never_invent_precision(span: Span, words: str) -> None:
    assert date_words(span) == words


# ---- csv ------------------------------------------------------------------------


def test_csv_round_trips_through_the_csv_module() -> None:
    timeline = make_timeline()
    text = export_csv(timeline, all_positions(timeline))
    rows = read_csv(text)
    assert tuple(rows[0]) == COLUMNS
    assert not text.startswith("\ufeff")  # no BOM, as documented
    records = [dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]]
    assert [r["id"] for r in records] == [e.id for e in timeline.events]
    hostile = next(r for r in records if r["id"] == "day-event")
    assert hostile["title"] == HOSTILE_TITLE
    assert hostile["start"] == hostile["end"] == "2024-04-13"
    assert hostile["precision"] == "day" and hostile["approximate"] == "false"
    assert hostile["actors"] == "China; North Korea"
    assert hostile["sources"] == (
        f"stated-1: “{HOSTILE_QUOTE}” (some words) | inferred-2: “{HOSTILE_QUOTE}” (some words)"
    )
    assert hostile["outlets"] == "The Outlet; Other Outlet"
    month = next(r for r in records if r["id"] == "month-event")
    assert month["actors"] == "Kim Jong Un; China" and month["date"]
    approx = next(r for r in records if r["id"] == "approx-day")
    assert approx["approximate"] == "true"


def test_csv_quotes_only_what_needs_quoting_and_ends_records_with_crlf() -> None:
    timeline = make_timeline()
    broken = Timeline.build(
        timeline.articles,
        timeline.actors,
        (
            _event(
                "multi-line",
                _span(date(2024, 1, 2), date(2024, 1, 2), "day"),
                order=0,
                title='Line one,\nline "two"',
            ),
        ),
    )
    text = export_csv(broken, (0,))
    assert text.endswith("\r\n")
    assert text.startswith(",".join(COLUMNS) + "\r\n")  # plain header: nothing quoted
    assert '"Line one,\nline ""two"""' in text  # RFC 4180 quoting, quote doubled
    assert read_csv(text)[1][COLUMNS.index("title")] == 'Line one,\nline "two"'
    assert ",multi-line," not in text and text.split("\r\n")[1].startswith("multi-line,2024-01-02,")


# ---- iCalendar ------------------------------------------------------------------


def test_ics_parses_with_icalendar_and_spans_every_event() -> None:
    timeline = make_timeline()
    text = export_ics(timeline, all_positions(timeline))
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["CALSCALE"]) == "GREGORIAN"
    assert calendar["PRODID"]
    vevents = calendar.walk("VEVENT")
    assert len(vevents) == len(timeline.events)
    for vevent, event in zip(vevents, timeline.events, strict=True):
        start, end = vevent["DTSTART"].dt, vevent["DTEND"].dt
        assert type(start) is date and type(end) is date  # all-day: VALUE=DATE
        assert start == event.start
        assert end == event.end + timedelta(days=1)  # exclusive end
        assert str(vevent["UID"]) == f"{event.id}@tui-timeline"
        assert vevent["DTSTAMP"].dt.isoformat() == "2025-09-04T00:00:00+00:00"
        assert vevent["CATEGORIES"].cats == ["meeting"]
    approx = next(v for v in vevents if str(v["UID"]).startswith("approx-day@"))
    assert str(approx["SUMMARY"]).startswith("≈ ")


def test_ics_lines_are_crlf_and_folded_at_75_octets() -> None:
    timeline = make_timeline()
    long_title = "中朝关系" * 30 + " ≈ é" * 20
    events = (
        _event("long", _span(date(2024, 1, 2), date(2024, 1, 2), "day"), order=0, title=long_title),
    )
    text = export_ics(Timeline.build(timeline.articles, timeline.actors, events), (0,))
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"") and b"\r" not in raw.replace(b"\r\n", b"")
    physical = raw[:-2].split(b"\r\n")
    assert any(line.startswith(b" ") for line in physical)  # something was folded
    for line in physical:
        assert len(line) <= MAX_OCTETS, line
        line.decode("utf-8")  # never split inside a multi-byte character
    summary = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]["SUMMARY"]
    assert str(summary) == long_title


@pytest.mark.parametrize("text", ["a" * 75, "a" * 76, "é" * 40, "x" + "€" * 30, ""])
def test_fold_keeps_every_character(text: str) -> None:
    folded = fold(text)
    lines = folded.encode("utf-8")[:-2].split(b"\r\n")
    assert all(len(line) <= MAX_OCTETS for line in lines)
    assert len(lines) == (1 if len(text.encode("utf-8")) <= MAX_OCTETS else len(lines))
    assert folded[:-2].replace("\r\n ", "") == text


def test_ics_escaping_round_trips() -> None:
    timeline = make_timeline()
    text = export_ics(timeline, all_positions(timeline))
    assert 'SUMMARY:Pact\\, "signed"\\; back\\\\slash' in text.replace("\r\n ", "")
    vevent = next(
        v
        for v in icalendar.Calendar.from_ical(text).walk("VEVENT")
        if str(v["UID"]) == "day-event@tui-timeline"
    )
    assert str(vevent["SUMMARY"]) == HOSTILE_TITLE
    description = str(vevent["DESCRIPTION"])
    assert description.splitlines()[0] == "Summary of day-event; it has a comma, too."
    assert f"“{HOSTILE_QUOTE}”\n— “First <article>, stated”, The Outlet, 15 April 2024" in (
        description
    )
    assert "“Second article”, Other Outlet, 4 September 2025 (publication date inferred)" in (
        description
    )
    assert "Date: 13 April 2024, from “some words”" in description


def test_ics_is_reproducible() -> None:
    timeline = make_timeline()
    assert export_ics(timeline, (0, 1)) == export_ics(make_timeline(), (0, 1))


# ---- TimelineJS -----------------------------------------------------------------


def test_timelinejs_follows_the_documented_format() -> None:
    timeline = make_timeline()
    doc = json.loads(export_timelinejs(timeline, all_positions(timeline)))
    assert set(doc) == {"title", "events"}
    assert set(doc["title"]["text"]) == {"headline", "text"}
    slides = {s["unique_id"]: s for s in doc["events"]}
    assert list(slides) == [e.id for e in timeline.events]
    allowed = {"start_date", "end_date", "display_date", "text", "group", "unique_id"}
    for slide in doc["events"]:
        assert set(slide) <= allowed and {"start_date", "text", "unique_id"} <= set(slide)
        assert set(slide["text"]) == {"headline", "text"}
        for key in ("start_date", "end_date"):
            if key in slide:
                assert set(slide[key]) in ({"year"}, {"year", "month"}, {"year", "month", "day"})
                assert all(type(v) is int for v in slide[key].values())
    assert slides["day-event"]["start_date"] == {"year": 2024, "month": 4, "day": 13}
    assert "end_date" not in slides["day-event"] and "display_date" not in slides["day-event"]
    assert slides["month-event"]["start_date"] == {"year": 2023, "month": 9}  # no day
    assert slides["founding-year"]["start_date"] == {"year": 1949}  # no month
    assert slides["war"]["start_date"] == {"year": 1950}
    assert slides["war"]["end_date"] == {"year": 1953}
    assert slides["war"]["display_date"] == "1950–1953"
    assert slides["approx-day"]["display_date"] == "≈ 11 July 2021"
    assert slides["summer"]["start_date"] == {"year": 2025, "month": 6}
    assert slides["summer"]["end_date"] == {"year": 2025, "month": 8}
    assert slides["a-week"]["end_date"] == {"year": 2024, "month": 4, "day": 14}
    assert slides["a-week"]["display_date"] == "8–14 April 2024"
    assert slides["month-event"]["group"] == "Kim Jong Un"
    assert slides["war"]["group"] == "China"


def test_timelinejs_escapes_html_from_the_data() -> None:
    timeline = make_timeline()
    doc = json.loads(export_timelinejs(timeline, all_positions(timeline)))
    slide = next(s for s in doc["events"] if s["unique_id"] == "day-event")
    assert slide["text"]["headline"] == (
        "Pact, &quot;signed&quot;; back\\slash # *not bold* [link](x) &lt;b&gt;&amp;amp; 1. ≈"
    )
    body = slide["text"]["text"]
    assert "<script>" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<cite>First &lt;article&gt;, stated</cite>, The Outlet, 15 April 2024" in body
    assert "4 September 2025 (publication date inferred)" in body
    assert body.count("<blockquote>") == 2


# ---- Markdown -------------------------------------------------------------------


def _tokens(text: str) -> list:
    return MarkdownIt("commonmark").parse(text)


def _headings(text: str, tag: str) -> list[str]:
    tokens = _tokens(text)
    return [
        tokens[i + 1].content
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == tag
    ]


def test_markdown_structure_is_a_chronology() -> None:
    timeline = make_timeline()
    text = export_markdown(timeline, all_positions(timeline))
    assert _headings(text, "h1") == ["A source-grounded timeline"]  # the data gives no title
    titled = export_markdown(timeline, all_positions(timeline), subject="Port deals")
    assert _headings(titled, "h1") == ["Port deals: a source-grounded timeline"]
    years = [e.start.year for e in timeline.events]
    assert _headings(text, "h2") == [str(y) for y in sorted(set(years))]
    h3 = _headings(text, "h3")
    assert len(h3) == len(timeline.events)
    assert h3[0] == "1949 — Founding year"
    assert h3[timeline.events.index(timeline.event_by_id["approx-day"])].startswith(
        "≈ 11 July 2021 — "
    )
    tokens = _tokens(text)
    quotes = [t for t in tokens if t.type == "blockquote_open"]
    assert len(quotes) == sum(len(e.sources) for e in timeline.events)
    assert "> — *Second article*, Other Outlet, 4 September 2025 (publication date inferred)" in (
        text
    )
    assert "> — *First \\<article\\>, stated*, The Outlet, 15 April 2024;" in text


def test_markdown_escapes_titles_so_they_cannot_break_the_structure() -> None:
    timeline = make_timeline()
    text = export_markdown(timeline, all_positions(timeline))
    tokens = _tokens(text)
    inline = [child.type for t in tokens if t.type == "inline" for child in t.children or []]
    assert "link_open" not in inline and "html_inline" not in inline
    assert not any(t.type == "html_block" for t in tokens)
    heading = next(h for h in _headings(text, "h3") if h.startswith("13 April 2024"))
    rendered = MarkdownIt("commonmark").renderInline(heading)
    assert "<em>" not in rendered and "<b>" not in rendered and "<a " not in rendered
    assert "&lt;b&gt;&amp;amp;" in rendered  # the text itself, shown as written
    # a title that would start a list or a heading on its own line stays text
    assert escape_markdown("- item") == "\\- item" and escape_markdown("1. one") == "1\\. one"
    assert escape_markdown("# title\nmore") == "\\# title more"


# ---- filters and the command line ---------------------------------------------------


def test_every_format_honours_select() -> None:
    timeline = make_timeline()
    index = TimelineIndex.build(timeline)
    positions = index.select(Filter(years=frozenset({2024})))
    wanted = {"day-event", "a-week"}
    assert {timeline.events[i].id for i in positions} == wanted
    rows = read_csv(export_csv(timeline, positions))[1:]
    assert {r[0] for r in rows} == wanted
    vevents = icalendar.Calendar.from_ical(export_ics(timeline, positions)).walk("VEVENT")
    assert {str(v["UID"]).split("@")[0] for v in vevents} == wanted
    doc = json.loads(export_timelinejs(timeline, positions))
    assert {s["unique_id"] for s in doc["events"]} == wanted
    assert _headings(export_markdown(timeline, positions), "h2") == ["2024"]


@pytest.mark.parametrize("name", NEW_FORMATS)
def test_cli_exports_each_format_filtered(name: str, data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / f"out{FORMATS[name].extension}"
    args = ("export", "--format", name, "--data", str(data_dir), "--year", "1949")
    result = run_cli(*args, "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert "wrote 1 event to" in result.stderr
    text = out.read_bytes().decode("utf-8")
    assert "Relations established" in text and "Talks held" not in text
    again = run_cli(*args, "--output", str(out))
    assert again.returncode == 2 and "--force" in again.stderr
    stdout = run_cli(*args)
    assert stdout.returncode == 0 and stdout.stdout.replace("\r\n", "\n") == text.replace(
        "\r\n", "\n"
    )


def test_shipped_data_exports_cleanly() -> None:
    timeline = load_timeline(default_data_dir())
    positions = all_positions(timeline)
    rows = read_csv(export_csv(timeline, positions))
    assert len(rows) == len(timeline.events) + 1
    assert all(len(row) == len(COLUMNS) for row in rows)
    vevents = icalendar.Calendar.from_ical(export_ics(timeline, positions)).walk("VEVENT")
    assert len({str(v["UID"]) for v in vevents}) == len(timeline.events)
    doc = json.loads(export_timelinejs(timeline, positions))
    for slide, event in zip(doc["events"], timeline.events, strict=True):
        # A whole month or year is no more precise than that; part of one ("earlier
        # this month") is its days.
        whole = event.span.approximate or (event.span.start.day == 1 and (
            event.span.end + timedelta(days=1)).day == 1)
        if event.span.precision == "month":
            assert ("day" in slide["start_date"]) != whole
        if event.span.precision == "year" and whole:
            assert "month" not in slide["start_date"]
        if event.span.approximate and event.span.relation not in ("by", "until"):
            assert "≈ " in slide["display_date"]  # a "by" claims only its (exact) end
        if event.span.relation != "on":
            assert slide["display_date"].startswith(event.span.relation + " ")
    text = export_markdown(timeline, positions)
    assert len(_headings(text, "h3")) == len(timeline.events)
    assert text.count("(publication date inferred") >= sum(
        1
        for e in timeline.events
        for s in e.sources
        if timeline.article_by_id[s.article_id].published_inferred
    )


def test_ics_writes_a_duration_when_the_span_ends_on_the_last_day_of_9999() -> None:
    timeline = make_timeline()
    last = _event("far-future", _span(date(9990, 1, 1), date(9999, 12, 31), "decade"), order=99)
    timeline = Timeline.build(timeline.articles, timeline.actors, (*timeline.events, last))
    calendar = icalendar.Calendar.from_ical(export_ics(timeline, all_positions(timeline)))
    far = next(c for c in calendar.walk("VEVENT") if str(c["UID"]).startswith("far-future@"))
    assert far["DTSTART"].dt == date(9990, 1, 1)
    assert far["DURATION"].dt.days == 3652 and "DTEND" not in far


def test_a_date_after_its_article_is_exported_as_expected() -> None:
    """A treaty renewal the article reports as still to come is "(expected)" in every
    format with a date in words; a visit it reports as done is not."""
    timeline = load_timeline(default_data_dir())
    at = {e.id: i for i, e in enumerate(timeline.events)}
    positions = [at["xi-jinping-state-visit-2019"], at["friendship-treaty-renewal-2021"]]
    markdown = export_markdown(timeline, positions)
    assert "### ≈ 11 July 2021 (expected) — China and North Korea due to renew" in markdown
    assert "### 2019 — Xi Jinping makes a state visit" in markdown
    calendar = icalendar.Calendar.from_ical(export_ics(timeline, positions))
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert "expected" not in summaries[0]
    assert summaries[1].endswith("(≈ 11 July 2021, expected)")  # one pair of brackets
    slides = json.loads(export_timelinejs(timeline, positions))["events"]
    assert "expected" not in slides[0].get("display_date", "")
    assert slides[1]["display_date"] == "≈ 11 July 2021 (expected)"


@pytest.mark.parametrize(
    ("name", "file", "noted"),
    [
        ("json", "notes.md", True),  # the extension of another format
        ("markdown", "notes.MD", False),
        ("timelinejs", "tl.json", False),
        ("markdown", "notes.markdown", False),  # no format's: a name of one's own
        ("csv", "events", False),
    ],
)
def test_cli_notes_a_file_name_that_says_another_format(
    data_dir: Path, tmp_path: Path, name: str, file: str, noted: bool
) -> None:
    """As the explorer's dialog asks: the file is written, and the mismatch said."""
    out = tmp_path / file
    result = run_cli("export", "--format", name, "--data", str(data_dir), "--output", str(out))
    assert result.returncode == 0 and out.exists()
    assert ("note: notes.md does not end in .json, as a json file does" in result.stderr) == noted
    assert ("note:" in result.stderr) == noted


def test_a_calendar_event_over_several_days_says_it_is_within_them() -> None:
    """ "earlier this month" is an all-day event over 1–23 June: the summary says the
    summit was within them, not that it lasted them; a dated day says nothing more."""
    timeline = load_timeline(default_data_dir())
    at = {e.id: i for i, e in enumerate(timeline.events)}
    positions = [at["g7-summit-pressure"], at["kim-jong-un-dialogue-and-confrontation"]]
    vevents = icalendar.Calendar.from_ical(export_ics(timeline, positions)).walk("VEVENT")
    summit, speech = (str(e["SUMMARY"]) for e in vevents)
    assert summit == (
        "G7 member countries exert pressure on China and North Korea, Park says"
        " (within 1–23 June 2021)"
    )
    assert (vevents[0].decoded("DTEND") - vevents[0].decoded("DTSTART")).days == 23
    assert "within" not in speech
    assert (vevents[1].decoded("DTEND") - vevents[1].decoded("DTSTART")).days == 1


@pytest.mark.parametrize(
    ("quote", "shown"),
    [
        ("Talks opened on Monday.", "“Talks opened on Monday.”"),
        ("“We are brothers,” the envoy said.", "“We are brothers,” the envoy said."),
        ('"We are ready," Ahmed said on Monday.', '"We are ready," Ahmed said on Monday.'),
        ("“Go.”", "“Go.”"),
        # A quotation inside, at its end: marked, or it reads as a paraphrase.
        ('He said the talks "went well."', '“He said the talks "went well."”'),
        ("urging them to “step back”", "“urging them to “step back””"),
        # The end of a quotation opened before the quote: as it is, not marked on one side.
        ("ready to talk,” he said.", "ready to talk,” he said."),
        ('ready to talk," he said.', 'ready to talk," he said.'),
    ],
)
def test_a_quote_is_marked_once_and_never_on_one_side_only(quote: str, shown: str) -> None:
    """A mark added on one side of a quote that has the article's own on the other
    read as a typo in the quotation; on both it doubled them; none on a quote that
    ends with a quotation of its own read as our paraphrase."""
    from tui.quoting import quoted

    assert quoted(quote) == shown
