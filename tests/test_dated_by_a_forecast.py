"""`check` warns of an event dated by what its first source expected, which a later
article reports on other days, or more exactly.

A journalist's trial: "Construction is expected to begin next Monday" (14 March)
dated the event 17 March; a later article's "began work on the crossing earlier
this month" made it no longer expected, and every export showed it as done on
17 March, a day only a forecast gave.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app_helpers import _event, write_data
from tests.conftest import run_cli

ARTICLES = """\
articles:
  - id: early
    file: early.txt
    title: Footbridge work to start
    outlet: Falls Gazette
    author: null
    published: "2025-03-14"
    published_basis: stated
    published_note: The page gives its date.
  - id: later
    file: later.txt
    title: Footbridge deck done
    outlet: Falls Gazette
    author: null
    published: "2025-03-26"
    published_basis: stated
    published_note: The page gives its date.
"""
SEEDS = {
    "early.txt": "Construction is expected to begin next Monday. "
                 "At the end of the month, 300 families left.\n",
    "later.txt": "Ridgeline Civil began work on the crossing earlier this month. "
                 "Crews started on March 17, the firm said. "
                 "Work had started by March 17, a neighbour said.\n",
}
ACTORS = "actors:\n  - id: ridgeline\n    name: Ridgeline Civil\n    kind: company\n"
FORECAST = ("early", "Construction is expected to begin next Monday.", "next Monday")
LOOSELY = ("later", "Ridgeline Civil began work on the crossing earlier this month.",
           "earlier this month")
CONFIRMED = ("later", "Crews started on March 17, the firm said.", "on March 17")
BY_THEN = ("later", "Work had started by March 17, a neighbour said.", "by March 17")
DONE = ("early", "At the end of the month, 300 families left.", "the end of the month")


def _check(root: Path, *sources: tuple[str, str, str]) -> str:
    events = "events:\n" + _event("work-starts", "Work starts", "ridgeline", *sources)
    data = write_data(root, articles=ARTICLES, actors=ACTORS, events=events, seeds=SEEDS)
    result = run_cli("check", "--data", str(data))
    assert result.returncode == 0, result.stderr
    return result.stderr


def test_a_day_only_a_forecast_gave_is_said_when_a_later_article_reports_the_event(
    tmp_path: Path,
) -> None:
    warned = _check(tmp_path, FORECAST, LOOSELY)
    line = (tmp_path / "data" / "events.yaml").read_text().splitlines().index(
        "  - id: work-starts") + 1
    assert warned.startswith(
        f"{tmp_path / 'data' / 'events.yaml'}:{line}: warning: event 'work-starts' is dated "
        "2025-03-17 Mon by its first source (early), which expected it; a later one (later) "
        "reports it done 2025-03-01–03-25, which holds that date but does not give it\n"
    ), warned
    assert "if it happened on another day, put the source that dates it first" in warned
    assert "shown as done on the date it was expected" in warned


def test_a_later_source_on_other_days_or_more_exactly_is_said_so(tmp_path: Path) -> None:
    """A journalist's trial: "reports it without that date" was said of days that hold
    the date (above: now "which holds that date"), and a later, more exact day ("sat
    down together on Friday", within the forecast's "next week") went unsaid."""
    week = ("early", "Construction is expected to begin next week.", "next week")
    seeds = dict(SEEDS, **{"early.txt": SEEDS["early.txt"] + "Construction is expected to "
                           "begin next week.\n"})  # fmt: skip
    events = "events:\n" + _event("work-starts", "Work starts", "ridgeline", week, CONFIRMED)
    data = write_data(tmp_path / "b", articles=ARTICLES, actors=ACTORS, events=events,
                      seeds=seeds)  # fmt: skip
    warned = run_cli("check", "--data", str(data)).stderr
    assert ("is dated 2025-03-17–03-23 by its first source (early), which expected it; a "
            "later one (later) reports it done on 2025-03-17 Mon, within that date and more "
            "exactly") in warned, warned
    assert "put the later source first" in warned
    elsewhere = ("later", "Crews started on March 17, the firm said.", "on March 17")
    moved = ("early", "Construction is expected to begin next Wednesday.", "next Wednesday")
    seeds["early.txt"] += "Construction is expected to begin next Wednesday.\n"
    events = "events:\n" + _event("work-starts", "Work starts", "ridgeline", moved, elsewhere)
    data = write_data(tmp_path / "c", articles=ARTICLES, actors=ACTORS, events=events,
                      seeds=seeds)  # fmt: skip
    warned = run_cli("check", "--data", str(data)).stderr
    assert "reports it done 2025-03-17 Mon, not on that date" in warned, warned


def test_a_later_by_does_not_confirm_the_day(tmp_path: Path) -> None:
    """A review: "by March 17" lies within the day but says only that it was done by
    then (and a second review: its relation was said twice, "done by by …")."""
    warned = _check(tmp_path, FORECAST, BY_THEN)
    assert "reports it done by 2025-03-17 Mon, which holds that date but does not give it" in (
        warned), warned


def test_a_first_source_that_reads_as_done_gets_the_other_warning_only(tmp_path: Path) -> None:
    """A review: "At the end of the month, 300 families left" (read from the
    publication date, after it) was said to be both done and expected."""
    warned = _check(tmp_path, DONE, LOOSELY)
    assert "the quote reads as done" in warned and "which expected it" not in warned


@pytest.mark.parametrize(
    "sources",
    [
        (FORECAST,),  # only the forecast: the event is marked expected
        (FORECAST, CONFIRMED),  # a later article gives the day: confirmed
        (LOOSELY, FORECAST),  # dated by the later article's words
    ],
    ids=["expected", "confirmed", "first-dates-it-as-done"],
)
def test_no_warning_when_the_day_is_expected_confirmed_or_not_the_forecasts(
    tmp_path: Path, sources: tuple[tuple[str, str, str], ...]
) -> None:
    assert "which expected it" not in _check(tmp_path, *sources)
