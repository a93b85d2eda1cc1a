"""`check` warns of an event whose sources give it dates that do not overlap.

The event takes its first source's date; a later source that dates it on other days
is misread, or quotes another event. A journalist's trial: a vote "postponed to 12
May" was dated 2024 in one source and 2025 in another, and `check` said ok.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app_helpers import _event, write_data
from tests.conftest import run_cli
from tui import lint
from tui.lint import disagreeing_sources_warnings
from tui.load import load_timeline

TREATY = ("alpha", "China and North Korea signed a treaty in 1961.", "in 1961")
RENEWED = ("alpha", "The treaty was renewed in 2021.", "in 2021")
VISITED = ("beta", "Xi Jinping visited Pyongyang on Thursday.", "on Thursday")
RECALLED = ("alpha", "Xi Jinping's visit to Pyongyang in 2019 was recalled.", "in 2019")
TRADE = ("beta", "Trade fell in 2019, customs figures showed.", "in 2019")


ACTORS = "actors:\n  - id: china\n    name: China\n    kind: country\n"


def _data(root: Path, events: str) -> Path:
    return write_data(root, actors=ACTORS, events=events)


def _events(*events: tuple[str, tuple[tuple[str, str, str], ...]]) -> str:
    return "events:\n" + "".join(
        _event(eid, f"Event {eid}", "china", *sources) for eid, sources in events
    )


def test_check_warns_of_sources_that_do_not_overlap_with_the_line_and_passes(
    tmp_path: Path,
) -> None:
    data = _data(tmp_path, _events(
        ("agreed", (VISITED, RECALLED)),  # Thursday 20 June 2019 within 2019: agree
        ("treaty", (TREATY, RENEWED)),  # 1961 against 2021
    ))
    result = run_cli("check", "--data", str(data))
    assert result.returncode == 0, result.stderr
    warnings = [w for w in result.stderr.splitlines() if "warning:" in w]
    line = (data / "events.yaml").read_text().splitlines().index("  - id: treaty") + 1
    assert warnings == [
        f"{data}/events.yaml:{line}: warning: the sources of event 'treaty' disagree: its "
        "first (alpha) dates it 1961, source 2 (alpha) 2021"
    ]
    assert "hint: the event takes its first source's date" in result.stderr
    assert "`timeline show treaty`" in result.stderr


def test_a_third_source_is_compared_with_the_first_too(tmp_path: Path) -> None:
    data = _data(tmp_path, _events(("visit", (VISITED, RECALLED, TREATY))))
    (warning,) = [w for w in disagreeing_sources_warnings(load_timeline(data), data)]
    assert "its first (beta) dates it 2019-06-20 Thu, source 3 (alpha) 1961" in warning


@pytest.mark.parametrize("relation", ["by", "as of"])
def test_by_and_a_state_are_not_disagreements(tmp_path: Path, relation: str) -> None:
    """"By 2021" leaves 1961 open; a state "as of 2021" may have held for decades."""
    words = "        date_text: 'in 2021'\n"
    events = _events(("renewed", (RENEWED, TREATY))).replace(
        words, f"{words}        relation: {relation}\n"
    )
    data = _data(tmp_path, events)
    timeline = load_timeline(data)
    assert timeline.events[0].span.relation == relation
    assert disagreeing_sources_warnings(timeline, data) == []


def test_many_are_counted_after_the_first_few(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lint, "DISAGREEING_LISTED", 1)
    data = _data(tmp_path, _events(
        ("one", (TREATY, RENEWED)), ("two", (RECALLED, TREATY)), ("three", (TREATY, TRADE)),
    ))
    warnings = disagreeing_sources_warnings(load_timeline(data), data)
    assert len(warnings) == 2
    assert "event 'one' disagree" in warnings[0] or "event 'three' disagree" in warnings[0]
    assert warnings[1].startswith(
        "events.yaml: warning: 2 more events whose sources disagree (3 in all; the first 1 "
        "in timeline order are listed)"
    )


def test_an_events_line_is_found_by_its_id_alone_on_its_line() -> None:
    """The quick search of a large file: not an id another begins with, not the words
    "id: …" inside a value; a comment after it is allowed; the rest found the slow way."""
    from tui.lint import _written_id_lines

    raw = (
        b"events:\n"
        b"  - id: treaty-2\n"  # 2
        b"    summary: 'see id: treaty'\n"  # 3
        b"  - id: treaty  # the first\n"  # 4
        b"  - id: 'quoted'\n"  # 5
        b"  - id: visit\n"  # 6
    )
    assert _written_id_lines(raw, {"treaty", "treaty-2", "visit", "quoted"}) == {
        "treaty-2": 2, "treaty": 4, "visit": 6,
    }
