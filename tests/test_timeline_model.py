"""The timeline's positions and start years, which the explorer reads instead of
working them out per event on its first screen."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

import pytest

from tui.load import default_data_dir, load_timeline
from tui.model import Timeline
from tui.opening import open_timeline


@pytest.fixture(scope="module")
def shipped() -> Timeline:
    return load_timeline(default_data_dir())


def test_every_event_is_found_at_its_position(shipped: Timeline) -> None:
    assert [shipped.position_of(e.id) for e in shipped.events] == list(range(len(shipped.events)))


def test_start_years_are_the_placed_start_years(shipped: Timeline) -> None:
    # (`Event.start` is where the timeline places it: a "by" event at its end.)
    assert list(shipped.start_years) == [e.start.year for e in shipped.events]


def test_an_unknown_id_is_a_key_error(shipped: Timeline) -> None:
    with pytest.raises(KeyError):
        shipped.position_of("no-such-event")


def test_the_cached_model_keeps_them(shipped: Timeline) -> None:
    again = pickle.loads(pickle.dumps(shipped, protocol=pickle.HIGHEST_PROTOCOL))
    assert list(again.start_years) == list(shipped.start_years)
    assert again.position_of(shipped.events[-1].id) == len(shipped.events) - 1


def test_a_timeline_reread_after_an_edit_keeps_them(tmp_path: Path) -> None:
    """An edit re-read keeps the events' order without sorting: the years still follow."""
    import shutil

    from tests.conftest import ROOT

    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    events = tmp_path / "data" / "events.yaml"
    open_timeline(tmp_path / "data")
    text = events.read_text(encoding="utf-8")
    first = load_timeline(tmp_path / "data").events[0]
    events.write_text(text.replace(f"title: {first.title}", f"title: {first.title}!", 1),
                      encoding="utf-8")
    again = open_timeline(tmp_path / "data")
    assert again.events[0].title == first.title + "!"
    assert list(again.start_years) == [e.start.year for e in again.events]
    assert [again.position_of(e.id) for e in again.events] == list(range(len(again.events)))


def test_an_event_is_expected_only_while_no_article_reporting_it_was_written_after(
    tmp_path: Path,
) -> None:
    """Talks "will be held in 2020" (an article of June 2019) are expected; once a
    source from an article of 2021 reports them, they are not."""
    from tests.app_helpers import ALPHA, BETA, _event, write_data

    beta = BETA + "Talks will be held in 2020.\n"
    alpha = ALPHA + "The talks of 2020 went well.\n"
    talks = ("beta", "Talks will be held in 2020.", "in 2020")
    later = ("alpha", "The talks of 2020 went well.", "2020")
    events = ("events:\n" + _event("talks", "Talks", "china", talks)
              + _event("reported", "Talks (reported)", "china", talks, later))  # fmt: skip
    actors = "actors:\n  - id: china\n    name: China\n    kind: country\n"
    data = write_data(tmp_path, actors=actors, events=events,
                      seeds={"alpha.txt": alpha, "beta.txt": beta})  # fmt: skip
    timeline = load_timeline(data)
    expected, reported = timeline.event_by_id["talks"], timeline.event_by_id["reported"]
    assert expected.span == reported.span  # dated by the same first source: 2020
    assert timeline.last_written(expected) == date(2019, 6, 21)
    assert timeline.is_expected(expected)
    assert timeline.last_written(reported) == date(2021, 6, 24)
    assert not timeline.is_expected(reported)
    # The event pane says the same: "expected" for the first, nothing for the second.
    from tui.event_text import describe_event as describe

    assert "Means: expected within 2020" in describe(timeline, expected)
    assert "Means:" not in describe(timeline, reported)
