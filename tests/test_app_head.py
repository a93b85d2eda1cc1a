"""A long timeline opened unfiltered: its head is shown first, the whole is read
behind it, and the keys that need the whole wait for it."""

from __future__ import annotations

import os
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.app_helpers import (
    EVENTS,
    ORDER,
    listed,
    record_reuse_reads,
    settle,
    wait_for,
    write_data,
)
from tui import app as app_module
from tui import headstore
from tui.app import make_app
from tui.filters import TimelineIndex
from tui.headstore import head_of, year_counts
from tui.model import Timeline
from tui.opening import open_timeline
from tui.widgets.density_strip import DensityStrip
from tui.widgets.filter_panel import FilterPanel
from tui.widgets.status_line import StatusLine
from tui.widgets.timeline_view import TimelineView


@pytest.fixture
def small_heads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Heads for the 7-event test data: kept from 3 events, 2 events long."""
    monkeypatch.setattr(headstore, "HEAD_MIN_EVENTS", 3)
    monkeypatch.setattr(headstore, "head_of", lambda t, events=2: head_of(t, events))


@pytest.fixture
def held_read(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The explorer's read of the whole timeline waits until the event is set."""
    release = threading.Event()
    real = app_module.open_indexed

    def held(folder: Path, *args: object, **options: object) -> object:
        assert release.wait(10), "the test never released the read"
        return real(folder, *args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(app_module, "open_indexed", held)
    return release


async def test_the_head_first_then_the_whole(
    tmp_path: Path, small_heads: None, held_read: threading.Event
) -> None:
    data = write_data(tmp_path)
    whole = open_timeline(data)  # as an earlier run leaves the cache: model and head
    app = make_app(data)
    assert app.head is not None
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        status = app.screen.query_one("#status", StatusLine)
        assert status.plain == "The first 2 of 7 events · reading the rest…"
        assert listed(app) == ORDER[:2]
        # The density strip counts the whole timeline from the start.
        assert app.screen.query_one("#density", DensityStrip).counts == year_counts(whole)
        await pilot.press("j")
        view = app.screen.query_one("#timeline", TimelineView)
        assert view.selected_event_id == ORDER[1]
        # Search and filters wait for the whole: the keys do nothing yet.
        await pilot.press("slash")
        assert not isinstance(app.focused, Input)
        await pilot.press("f")
        assert not app.screen.query_one("#filters", FilterPanel).has_class("-open")
        assert view.has_focus
        # Without a search, `n` is not offered, not even dimmed (a review: it was).
        from tui.widgets.key_bar import KeyBar

        shown = [item[2] for item in app.screen.query_one(KeyBar).items]
        assert "Next match" not in shown and "Search" in shown

        held_read.set()
        await settle(pilot)
        assert status.plain == "All 7 events"
        assert listed(app) == ORDER
        assert app.screen.query_one("#timeline", TimelineView).selected_event_id == ORDER[1]
        await pilot.press("slash")
        assert isinstance(app.focused, Input) and app.focused.id == "search"


async def test_a_reload_first_wins_over_a_late_read(
    tmp_path: Path, small_heads: None, held_read: threading.Event
) -> None:
    """If the files change while the whole is read, the newer timeline stays."""
    data = write_data(tmp_path)
    whole = open_timeline(data)
    app = make_app(data)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        renamed = replace(whole.events[0], title="Renamed meanwhile")
        newer = Timeline.build(whole.articles, whole.actors, (renamed, *whole.events[1:]))
        app._data_loaded(newer, TimelineIndex.build(newer))  # what the watcher delivers
        await pilot.pause()
        held_read.set()
        await settle(pilot)
        assert app.timeline.events[0].title == "Renamed meanwhile"
        assert app.screen.query_one("#status", StatusLine).plain == "All 7 events"


async def test_a_filtered_start_reads_the_whole_first(tmp_path: Path, small_heads: None) -> None:
    data = write_data(tmp_path)
    open_timeline(data)
    app = make_app(data, actors=["china"])
    assert app.head is None
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "of 7 events" in app.screen.query_one("#status", StatusLine).plain


async def test_the_sidebar_shows_no_counts_until_it_can_count(
    tmp_path: Path, small_heads: None, held_read: threading.Event
) -> None:
    """At 160 columns the filters are in view while the head is shown: no number is
    shown for an actor rather than a wrong 0, and the counts come with the whole."""
    from tui.widgets.facet_list import FacetList

    data = write_data(tmp_path)
    open_timeline(data)
    app = make_app(data)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        actors = app.screen.query_one("#actors", FacetList)
        assert actors.display
        prompts = [str(actors.get_option_at_index(i).prompt) for i in range(2)]
        assert prompts == ["China", "North Korea"]
        held_read.set()
        await settle(pilot)
        actors = app.screen.query_one("#actors", FacetList)
        prompts = [str(actors.get_option_at_index(i).prompt) for i in range(2)]
        assert prompts == ["China 6", "North Korea 5"]


async def test_the_sidebar_takes_no_input_while_the_head_is_shown(
    tmp_path: Path, small_heads: None, held_read: threading.Event
) -> None:
    """A choice made in the sidebar now would be refused and lost: it is disabled."""
    data = write_data(tmp_path)
    open_timeline(data)
    app = make_app(data)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one("#filters", FilterPanel)
        assert panel.display and panel.disabled
        for _ in range(4):
            await pilot.press("tab")
            assert app.focused is not None and panel not in app.focused.ancestors_with_self
        held_read.set()
        await settle(pilot)
        panel = app.screen.query_one("#filters", FilterPanel)
        assert not panel.disabled
        await pilot.press("a")
        assert app.focused is not None and panel in app.focused.ancestors_with_self


async def test_a_whole_that_cannot_be_read_leaves_the_head_saying_so(
    tmp_path: Path, small_heads: None, held_read: threading.Event
) -> None:
    from tui.widgets.problems_panel import ProblemsPanel

    data = write_data(tmp_path)
    open_timeline(data)
    app = make_app(data)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        events = data / "events.yaml"
        events.write_text(events.read_text().replace("date_text: 'in 1961'",
                                                     "date_text: 'in 1962'"))
        held_read.set()
        await settle(pilot)
        status = app.screen.query_one("#status", StatusLine)
        assert status.plain == "The first 2 of 7 events · the rest cannot be read: see the problems"
        assert app.screen.query_one("#problems", ProblemsPanel).display
        await pilot.press("slash")
        assert not isinstance(app.focused, Input)


async def test_the_palette_says_what_it_leaves_out_while_the_head_is_shown(
    tmp_path: Path, small_heads: None, held_read: threading.Event
) -> None:
    """An event missing from "Go to event" may be in the part not read yet: the
    palette says so first, whatever is typed."""
    from tui.palette import TimelineCommands

    data = write_data(tmp_path)
    open_timeline(data)
    app = make_app(data)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        hits = [hit async for hit in TimelineCommands(app.screen).search("renewed")]
        assert hits and str(hits[0].text).startswith(
            "Still reading the timeline: only the first 2 of 7 events"
        )
        assert not any("Treaty renewed" in str(hit.text) for hit in hits)  # not in the head
        held_read.set()
        await settle(pilot)
        hits = [hit async for hit in TimelineCommands(app.screen).search("renewed")]
        assert not any("Still reading" in str(hit.text) for hit in hits)
        assert any("Treaty renewed" in str(hit.text) for hit in hits)


async def test_the_whole_comes_with_its_search_texts_built_off_the_ui_thread(
    tmp_path: Path, small_heads: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the filters are ready, a first search does not build the texts itself."""
    data = write_data(tmp_path)
    open_timeline(data)
    built_on: list[str] = []
    real = TimelineIndex.texts.fget
    assert real is not None

    def noting(index: TimelineIndex) -> object:
        if index._texts is None:
            built_on.append(threading.current_thread().name)
        return real(index)

    monkeypatch.setattr(TimelineIndex, "texts", property(noting))
    app = make_app(data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.head is None and app.screen.query_one("#status", StatusLine).plain == (
            "All 7 events"
        )
        await pilot.press("slash", "t")
        await settle(pilot)
    assert built_on and threading.main_thread().name not in built_on


async def test_what_an_edit_reuses_is_read_with_the_whole_not_after_the_edit(
    tmp_path: Path, small_heads: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reuse part of the whole's cache entry (0.2 s at 100,000 events) is read
    behind the head with the whole; the first reload after an edit reads nothing
    of the cache, and shows the edit."""
    data = write_data(tmp_path)
    open_timeline(data)
    reads = record_reuse_reads(monkeypatch)
    app = make_app(data)
    app.reload_interval = 0.05
    assert app.head is not None
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.head is None and reads == ["own"]  # with the whole, behind the head
        events = data / "events.yaml"
        before = events.stat().st_mtime_ns
        events.write_text(
            EVENTS.replace("title: Treaty signed", "title: Treaty of peace"), encoding="utf-8"
        )
        os.utime(events, ns=(before + 10**9, before + 10**9))
        await wait_for(pilot, lambda: app.timeline.event_by_id["treaty"].title == "Treaty of peace")
    assert reads == ["own"]
