"""Relations, publication windows and exact quotes in every export, read back by parsers.

The data is loaded through the real loader from a small folder whose article has a
publication window, so each export is checked on what the resolver really gives.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import icalendar
import pytest

from tests.conftest import ACTORS_YAML, write_data_dir
from tui.export.csvfmt import COLUMNS, export_csv
from tui.export.ics import export_ics
from tui.export.jsonfmt import export_json
from tui.export.markdown import export_markdown
from tui.export.timelinejs import export_timelinejs
from tui.load import load_timeline
from tui.model import Timeline

SEED = (
    "North Korea's news agency, KCNA, has confirmed the visit.\n\n"
    "Ties have grown since 2019, officials said.\n"
    "The talks were held on Saturday in the capital.\n"
)
ARTICLES = """\
articles:
  - id: news-1
    file: one.txt
    title: A visit confirmed
    outlet: Example News
    author: null
    published: "2024-04-11"
    published_earliest: "2024-04-10"
    published_latest: "2024-04-12"
    published_basis: inferred
    published_note: The text describes the visit as under way.
"""
EVENTS = """\
events:
  - id: confirmed
    title: KCNA confirms the visit
    kind: report
    actors: [north-korea]
    sources:
      - article: news-1
        quote: "KCNA, has confirmed the visit. Ties have grown"
        date_text: has confirmed
        date_basis: publication
  - id: ties
    title: Ties grow
    kind: policy
    actors: [china, north-korea]
    sources:
      - article: news-1
        quote: "Ties have grown since 2019, officials said."
        date_text: since 2019
  - id: talks
    title: Talks held
    kind: meeting
    actors: [kim-jong-un]
    sources:
      - article: news-1
        quote: "The talks were held on Saturday in the capital."
        date_text: on Saturday
"""


@pytest.fixture
def timeline(tmp_path: Path) -> Timeline:
    data = write_data_dir(
        tmp_path, articles=ARTICLES, actors=ACTORS_YAML, events=EVENTS, seeds={"one.txt": SEED}
    )
    return load_timeline(data)


def _all(timeline: Timeline) -> tuple[int, ...]:
    return tuple(range(len(timeline.events)))


def test_the_timeline_places_a_by_event_at_its_end(timeline: Timeline) -> None:
    ids = [e.id for e in timeline.events]
    assert ids == ["ties", "talks", "confirmed"]
    confirmed = timeline.event_by_id["confirmed"]
    assert (confirmed.start, confirmed.end) == (date(2024, 4, 12), date(2024, 4, 12))
    ties = timeline.event_by_id["ties"]
    assert (ties.start, ties.end) == (date(2019, 1, 1), date(2019, 12, 31))


def test_json_has_relations_windows_offsets_and_exact_quotes(timeline: Timeline) -> None:
    doc = json.loads(export_json(timeline, _all(timeline)))
    (article,) = doc["articles"]
    assert (article["published"], article["published_earliest"], article["published_latest"]) == (
        "2024-04-11",
        "2024-04-10",
        "2024-04-12",
    )
    events = {e["id"]: e for e in doc["events"]}
    assert events["confirmed"]["relation"] == "by"
    assert events["confirmed"]["sources"][0]["relation"] == "by"
    assert events["ties"]["relation"] == "since" and events["talks"]["relation"] == "on"
    source = events["confirmed"]["sources"][0]
    assert source["relative_to"] is None
    # The paragraph break of the article survives, although the data folded it.
    assert source["quote"] == "KCNA, has confirmed the visit.\n\nTies have grown"
    assert SEED[source["offset_start"] : source["offset_end"]] == source["quote"]


def test_csv_has_a_relation_column(timeline: Timeline) -> None:
    rows = list(csv.reader(io.StringIO(export_csv(timeline, _all(timeline)), newline="")))
    records = {r[0]: dict(zip(COLUMNS, r, strict=True)) for r in rows[1:]}
    assert records["confirmed"]["relation"] == "by"
    assert records["confirmed"]["date"] == "by 2024-04-12 Fri"
    assert records["ties"]["date"] == "since 2019"


def test_markdown_and_timelinejs_say_by_and_since(timeline: Timeline) -> None:
    text = export_markdown(timeline, _all(timeline))
    assert "### by 12 April 2024 — KCNA confirms the visit" in text
    assert "### since 2019 — Ties grow" in text
    # A window is cited as the window, its likeliest day only when evidence makes it so.
    assert (
        "between 10 and 12 April 2024, most likely 11 April 2024 (publication date inferred)"
        in text
    )
    doc = json.loads(export_timelinejs(timeline, _all(timeline)))
    slides = {s["unique_id"]: s for s in doc["events"]}
    assert slides["confirmed"]["display_date"] == "by 12 April 2024"
    assert slides["confirmed"]["start_date"] == {"year": 2024, "month": 4, "day": 12}
    assert "end_date" not in slides["confirmed"]
    assert slides["ties"]["display_date"] == "since 2019"


def test_ics_puts_a_by_event_on_its_end_day_with_the_relation_in_its_summary(
    timeline: Timeline,
) -> None:
    calendar = icalendar.Calendar.from_ical(export_ics(timeline, _all(timeline)))
    vevents = {str(v["UID"]).split("@")[0]: v for v in calendar.walk("VEVENT")}
    confirmed = vevents["confirmed"]
    assert confirmed["DTSTART"].dt == date(2024, 4, 12)
    assert confirmed["DTEND"].dt == date(2024, 4, 13)
    assert str(confirmed["SUMMARY"]) == "KCNA confirms the visit (by 12 April 2024)"
    assert str(vevents["talks"]["SUMMARY"]) == "Talks held"


def test_a_by_event_over_vague_words_is_dated_by_its_end_alone_everywhere() -> None:
    """"recent", stated `by`: a month of days, approximate, of which only the end
    carries the claim. The row, the Markdown and the calendar all say "by 4 September
    2025" with no "≈" (the calendar said "≈"), and the event's description gives no
    "Most likely: by 5 Aug – 4 Sep", the end being the most likely one too."""
    from tui.datafiles import default_data_dir
    from tui.dates import format_span
    from tui.event_text import describe_event
    from tui.export.ics import event_lines

    shipped = load_timeline(default_data_dir())
    parade = shipped.event_by_id["beijing-military-parade-2025"]
    assert parade.span.relation == "by" and parade.span.approximate
    assert format_span(parade.span) == "by 2025-09-04 Thu"
    summary = next(line for line in event_lines(shipped, parade, "20250904T000000Z")
                   if line.startswith("SUMMARY:"))
    assert summary == "SUMMARY:Military parade featuring Xi\\, Kim and Putin (by 4 September 2025)"
    described = describe_event(shipped, parade)
    assert "Most likely" not in described and "on or before Thu 4 Sep 2025" in described


PLANS_ARTICLES = """\
articles:
  - id: plans
    file: plans.txt
    title: Leaders to meet
    outlet: Example News
    author: null
    published: "2024-03-14"
    published_basis: stated
    published_note: The paper's date line.
"""

PLANS_EVENTS = """\
events:
  - id: meeting
    title: Leaders to meet
    kind: meeting
    actors: [china, north-korea, kim-jong-un]
    sources:
      - article: plans
        quote: "Leaders will meet next Tuesday."
        date_text: next Tuesday
  - id: talks
    title: Talks held
    kind: meeting
    actors: [china]
    sources:
      - article: plans
        quote: "Talks were held on Monday."
        date_text: on Monday
"""


def test_csv_and_json_say_what_is_expected(tmp_path: Path) -> None:
    """A journalist's trial: the CSV and JSON gave a plan's date as if it had happened;
    the explorer, Markdown and the calendar said "expected"."""
    data = write_data_dir(
        tmp_path, articles=PLANS_ARTICLES, events=PLANS_EVENTS,
        seeds={"plans.txt": "Leaders will meet next Tuesday. Talks were held on Monday.\n"},
    )  # fmt: skip
    timeline = load_timeline(data)
    positions = list(range(len(timeline.events)))
    rows = list(csv.reader(io.StringIO(export_csv(timeline, positions), newline="")))
    assert rows[0][-1] == "expected" and COLUMNS[-1] == "expected"
    expected = {row[0]: row[-1] for row in rows[1:]}
    assert expected == {"meeting": "true", "talks": "false"}
    events = {e["id"]: e for e in json.loads(export_json(timeline, positions))["events"]}
    assert events["meeting"]["expected"] is True and events["talks"]["expected"] is False


def test_a_report_dated_by_the_publication_date_names_its_verb_form_not_date_words() -> None:
    """A new user's trial: "Date words: “is showing signs”" labelled a verb form, which
    names no time, as date words."""
    from tui.datafiles import default_data_dir
    from tui.event_text import describe_event

    shipped = load_timeline(default_data_dir())
    ties = describe_event(shipped, shipped.event_by_id["north-korea-strengthens-china-ties-2021"])
    assert "Dated by: the verb form “is showing signs” and the publication date" in ties
    assert "Date words:" not in ties
    war = describe_event(shipped, shipped.event_by_id["korean-war"])
    assert "Date words: “" in war and "Dated by:" not in war
