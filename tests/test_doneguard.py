"""A date after its article was written, for words the article reports as done.

"The visit came a week after the two sides signed a protocol": "a week after"
counts from the signing the words name. An event for the signing counted "a week
after" the visit would be dated after the article, read as expected; the past
tense says it was done. `check`, the event pane and the new-event form say so.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, Static

from tests.app_helpers import ARTICLES, settle, write_data
from tests.conftest import run_cli
from tests.test_referring import _form_on
from tui.app import make_app
from tui.dates.doneguard import done_after_written
from tui.load import load_timeline
from tui.screens.event_form import EventFormScreen
from tui.span import Span
from tui.widgets.event_detail import EventDetail

ENVOY = (
    "A senior envoy met the premier in Pyongyang on Monday.\n\n"
    "The visit came a week after the two sides signed a protocol.\n"
    "The two sides will meet again a week later.\n"
)
ENVOY_ARTICLE = """\
  - id: envoy
    file: envoy.txt
    title: Envoy visits
    outlet: Wire
    author: null
    published: "2024-08-13"
    published_basis: stated
    published_note: The page gives its date.
"""


def _source(quote: str, words: str, relative_to: str | None = None) -> str:
    lines = [
        "      - article: envoy",
        f"        quote: {quote!r}",
        f"        date_text: {words!r}",
    ]
    if relative_to is not None:
        lines.append(f"        relative_to: {relative_to}")
    return "\n".join(lines) + "\n"


def _event(eid: str, title: str, source: str) -> str:
    return (
        f"  - id: {eid}\n    title: {title}\n    kind: test\n    actors: [china]\n"
        f"    sources:\n{source}"
    )


EVENTS = (
    "events:\n"
    + _event("visit", "Envoy meets premier",
             _source("A senior envoy met the premier in Pyongyang on Monday.", "on Monday"))
    + _event("protocol", "Protocol signed",
             _source("The visit came a week after the two sides signed a protocol.",
                     "a week after", "visit"))
    + _event("again", "Sides to meet again",
             _source("The two sides will meet again a week later.", "a week later", "visit"))
)  # fmt: skip


def _data(tmp_path: Path, events: str = EVENTS) -> Path:
    return write_data(
        tmp_path,
        articles=ARTICLES + ENVOY_ARTICLE,
        actors="actors:\n  - id: china\n    name: China\n    kind: country\n",
        events=events,
        seeds={"alpha.txt": "A.\n", "beta.txt": "B.\n", "envoy.txt": ENVOY},
    )


def _day_span(day: date) -> Span:
    return Span(day, day, "day", False, day.isoformat(), "")


def test_only_a_date_after_the_article_in_a_sentence_read_as_done_is_doubted() -> None:
    written = date(2024, 8, 13)
    after, before = _day_span(date(2024, 8, 19)), _day_span(date(2024, 8, 5))
    done = "The visit came a week after the two sides signed a protocol."
    doubt = done_after_written(after, written, done, "a week after")
    assert doubt is not None and doubt.startswith("the quote reads as done (“came”)")
    assert done_after_written(before, written, done, "a week after") is None
    assert done_after_written(_day_span(written), written, done, "a week after") is None
    future = "The two sides will meet again a week later."
    assert done_after_written(after, written, future, "a week later") is None
    # What may yet be, reported with "said": no act done.
    could = "Passenger buses could follow the following summer, he said."
    assert done_after_written(after, written, could, "the following summer") is None
    assert done_after_written(after, None, done, "a week after") is None
    assert done_after_written(after, written, "Confirmed.", "") is None  # no date words


def test_words_that_do_not_point_ahead_are_doubted_after_the_article(tmp_path: Path) -> None:
    """A counted source is doubted as "counting from what it names"; the same words read
    from the publication date ("By the end of the month, 300 families had left",
    read as the article's month) as naming a time the story tells of; words that
    point ahead by themselves ("next month"), or name their own date, are not: what
    they date is still to come, whatever the verb that reports it."""
    from dataclasses import replace

    from tui.dates.doneguard import source_doubt

    protocol = load_timeline(_data(tmp_path)).event_by_id["protocol"].sources[0]
    written = date(2024, 8, 13)
    assert protocol.relative_to == "visit"
    counted = source_doubt(protocol, written)
    assert counted is not None and "count from what they name themselves" in counted
    read = replace(protocol, relative_to=None, date_text="the end of the month",
                   quote="By the end of the month, 300 families had left.")  # fmt: skip
    doubt = source_doubt(read, written)
    assert doubt is not None and doubt.startswith("the quote reads as done (“had”)")
    assert "a time the story tells of" in doubt
    for ahead in ("next month", "in two weeks", "in 2026"):
        assert source_doubt(replace(read, date_text=ahead), written) is None, ahead
    # "Later this month, 40 homes were flooded": a story's month too (a review).
    later = replace(read, date_text="Later this month",
                    quote="Later this month, 40 homes were flooded.")  # fmt: skip
    assert source_doubt(later, written) is not None
    assert source_doubt(protocol, None) is None


def test_check_warns_of_words_read_from_the_article_that_land_after_it(
    tmp_path: Path,
) -> None:
    """A trial: "By the end of the month, more than 300 families had left" was shown as
    expected by the end of the article's month, and nothing said so."""
    seed = ENVOY + "By the end of the month, the families had left.\n"
    events = "events:\n" + _event(
        "families", "Families leave",
        _source("By the end of the month, the families had left.", "By the end of the month"),
    )  # fmt: skip
    data = write_data(
        tmp_path,
        articles=ARTICLES + ENVOY_ARTICLE,
        actors="actors:\n  - id: china\n    name: China\n    kind: country\n",
        events=events,
        seeds={"alpha.txt": "A.\n", "beta.txt": "B.\n", "envoy.txt": seed},
    )
    result = run_cli("check", "--data", str(data))
    assert result.returncode == 0, result.stderr
    warnings = [w for w in result.stderr.splitlines() if "warning:" in w]
    assert len(warnings) == 1 and "event 'families' is dated by ≈ late 2024-08:" in warnings[0]
    assert "the quote reads as done (“had”)" in warnings[0]
    assert "a time the story tells of" in warnings[0]


def test_check_warns_and_still_passes(tmp_path: Path) -> None:
    data = _data(tmp_path)
    result = run_cli("check", "--data", str(data))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 3 events")
    line = (data / "events.yaml").read_text(encoding="utf-8").splitlines().index(
        "  - id: protocol"
    ) + 1
    warnings = [w for w in result.stderr.splitlines() if "warning:" in w]
    assert warnings == [
        f"{data}/events.yaml:{line}: warning: event 'protocol' is dated 2024-08-19 Mon: the quote "
        "reads as done (“came”), but this date is after the article was written: the words "
        "may count from what they name themselves (“a week after the talks” dates what came "
        "a week after the talks, not the talks)"
    ]
    assert "hint: then they do not date this event" in result.stderr
    # Without the doubtful event, nothing is said.
    quiet = _data(tmp_path / "quiet", EVENTS.split("  - id: protocol")[0] + "  - id: again"
                  + EVENTS.split("  - id: again")[1])
    assert load_timeline(quiet).event_by_id["again"].span.timex == "2024-08-19"
    clean = run_cli("check", "--data", str(quiet))
    assert clean.returncode == 0 and "warning" not in clean.stderr


async def test_the_event_pane_says_what_to_check(tmp_path: Path) -> None:
    app = make_app(_data(tmp_path), event_id="protocol")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        detail = app.screen.query_one("#detail", EventDetail).plain
        assert "Check" in detail and "reads as done (“came”)" in detail.replace("\n", " ")
        app.screen.timeline_view.select_event("again")  # type: ignore[attr-defined]
        await settle(pilot)
        detail = app.screen.query_one("#detail", EventDetail).plain
        assert "expected on Mon 19 Aug 2024" in detail.replace("\n", " ")
        assert "Check" not in detail


async def test_the_form_says_it_before_the_event_is_written(tmp_path: Path) -> None:
    events = EVENTS.split("  - id: protocol")[0]  # the visit alone
    app = make_app(_data(tmp_path, events))
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await _form_on(app, pilot, "envoy", "a week after")
        form = app.screen
        assert isinstance(form, EventFormScreen)
        form.query_one("#form-refers", Input).value = "visit"
        await pilot.pause()
        said = str(form.query_one("#form-refers-date", Static).render())
        assert said.startswith("→ 2024-08-19 Mon, counting from “on Monday” of 'Envoy meets")
        assert "Check: the quote reads as done (“came”)" in said


def test_event_lines_are_found_however_the_id_is_written(tmp_path: Path) -> None:
    """`check`'s warnings name the line of the event's `id:`: plain, quoted or with a
    comment; an `id:` in other words ("said: ...", a summary's text) is no event's."""
    from tui.lint import _id_lines

    path = tmp_path / "events.yaml"
    path.write_text(
        "events:\n"
        "  - id: plain\n"
        "    summary: 'He said: id: quoted'\n"
        "  - id: 'quoted'  # a comment\n"
        '  -   id: "double"\n'
        "    sources:\n"
        "      - article: x\n"
        "  - id: last\n",
        encoding="utf-8",
    )
    assert _id_lines(path, {"plain", "quoted", "double", "last", "absent"}) == {
        "plain": 2, "quoted": 4, "double": 5, "last": 8,
    }
    assert _id_lines(tmp_path / "missing.yaml", {"plain"}) == {}


def test_check_names_the_same_line_cold_cached_and_after_an_edit(tmp_path: Path) -> None:
    """The warning's line is found in the load's own entries when there was a load
    (cold, or after an edit that moved the event down) and in the file when the
    timeline came from the cache whole: the same line every way."""
    data = _data(tmp_path)
    events = data / "events.yaml"

    def warned_line() -> str:
        result = run_cli("check", "--data", str(data))
        assert result.returncode == 0, result.stderr
        (warning,) = [w for w in result.stderr.splitlines() if "warning:" in w]
        return warning.split(": warning:")[0]

    def line_of_protocol() -> str:
        lines = events.read_text(encoding="utf-8").splitlines()
        return f"{data}/events.yaml:{lines.index('  - id: protocol') + 1}"

    assert warned_line() == line_of_protocol()  # cold: the load's entries
    assert warned_line() == line_of_protocol()  # from the cache whole: the file
    # The first event gains three lines: only it is read again, the rest kept.
    events.write_text(
        events.read_text(encoding="utf-8").replace(
            "    title: Envoy meets premier\n",
            "    title: Envoy meets premier\n"
            "    summary: >-\n      The envoy met\n      the premier.\n",
        ),
        encoding="utf-8",
    )
    assert warned_line() == line_of_protocol()
