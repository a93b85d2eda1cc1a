"""Start options, the help screen and the command palette provider."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import Hit

from tests.app_helpers import app_for, settle
from tui.palette import TimelineCommands
from tui.screens.help import HelpScreen, as_bindings, key_label
from tui.widgets.facet_list import FacetList
from tui.widgets.status_line import StatusLine
from tui.widgets.timeline_view import TimelineView


async def test_start_options_filter_and_select(tmp_path: Path) -> None:
    app = app_for(tmp_path, actors=["china"], years=[2019, 2021], search="xi",
                  event_id="message")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        assert [app.timeline.events[p].id for p in view.positions] == ["visit", "message"]
        assert view.selected_event_id == "message"
        row = view.row_of_event("message")
        top = round(view.scroll_offset.y)
        assert row is not None and top <= row < top + view.scrollable_content_region.height
        status = app.screen.query_one("#status", StatusLine).plain
        assert status == 'China · 2019 · 2021 · "xi" — 2 of 7 events'
        # The filter drawer's controls, made when it first opens, show the start filter.
        await pilot.press("f")
        await pilot.pause()
        assert app.screen.query_one("#search").value == "xi"
        assert app.screen.query_one("#actors", FacetList).selected == ["china"]
        assert app.screen.query_one("#years", FacetList).selected == ["2019", "2021"]


async def test_the_article_start_option_shows_its_events_only(tmp_path: Path) -> None:
    """`timeline --article ID`: the events that article reports, as the filter panel's
    article list chooses them."""
    app = app_for(tmp_path, article="beta")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.filter.article == "beta"
        view = app.screen.query_one("#timeline", TimelineView)
        reported = {e.id for e in app.timeline.events if any(
            s.article_id == "beta" for s in e.sources)}  # fmt: skip
        assert {app.timeline.events[p].id for p in view.positions} == reported
        assert 0 < len(reported) < len(app.timeline.events)
        status = app.screen.query_one("#status", StatusLine).plain
        assert status.startswith("article: Xi in Pyongyang — ")


async def test_help_lists_every_binding(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.text.plain
        count = 0
        for _title, bindings in app.help_sections():
            for binding in as_bindings(bindings):
                if not binding.description:  # a fallback for a key listed with its first
                    continue
                assert binding.description in text
                assert key_label(binding.key) in text
                count += 1
        assert count >= 25
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_commands(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        provider = TimelineCommands(screen)
        found = [hit async for hit in provider.discover()]
        texts = [hit.text for hit in found]
        assert "Go to event: Treaty renewed" in texts
        assert "Filter by actor: Kim Jong Un" in texts
        assert "Filter by year: 2019" in texts
        hits = [hit async for hit in provider.search("actor kim")]
        assert hits and isinstance(hits[0], Hit)
        best = max(hits, key=lambda h: h.score)
        assert best.text == "Filter by actor: Kim Jong Un"
        best.command()
        await pilot.pause()
        assert screen.filter.actors == frozenset({"kim-jong-un"})
        year = [h async for h in provider.search("year 2021")]
        max(year, key=lambda h: h.score).command()
        await pilot.pause()
        assert screen.filter.years == frozenset({2021})
        go = [h async for h in provider.search("go to event trade falls")]
        max(go, key=lambda h: h.score).command()  # hidden by the filters: they are cleared
        await pilot.pause()
        view = screen.query_one("#timeline", TimelineView)
        assert view.selected_event_id == "trade"
        assert screen.filter.is_empty


async def test_palette_on_a_long_timeline_offers_only_matching_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui import palette

    monkeypatch.setattr(palette, "SMALL_TIMELINE", 3)  # the 7 test events count as long
    monkeypatch.setattr(palette, "EVENT_HITS", 1)
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        provider = TimelineCommands(app.screen)
        discovered = [hit.text async for hit in provider.discover()]
        assert not any(text.startswith("Go to event") for text in discovered)
        assert "Filter by actor: Kim Jong Un" in discovered
        events = [h.text async for h in provider.search("treaty") if h.text.startswith("Go")]
        assert events == ["Go to event: Treaty signed"]  # the first match, capped at one
        words = [h.text async for h in provider.search("xi visits") if h.text.startswith("Go")]
        assert words == ["Go to event: Xi visits Pyongyang"]


async def test_the_collector_is_settled_once_the_filters_are_ready(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The model is frozen before the interface exists; the widgets, styles and
    # caches made since are frozen too once the first screen and the filters are
    # ready, or a full collection over them comes in the middle of a keystroke.
    from tui.screens import explorer as explorer_module

    settled: list[bool] = []
    monkeypatch.setattr(
        explorer_module, "refreeze",
        lambda: settled.append(app.explorer.preparing is False),
    )
    app = app_for(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(settled) == 1
        await pilot.press("j", "a", "space", "escape")
        await settle(pilot)
        assert len(settled) == 1  # once, not at every key


async def test_the_explorer_collects_young_objects_less_often(tmp_path: Path) -> None:
    import gc

    from tui.perf import INTERACTIVE_THRESHOLDS

    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        app = app_for(tmp_path)
        assert gc.get_threshold() == INTERACTIVE_THRESHOLDS
        assert INTERACTIVE_THRESHOLDS[0] > 700
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("j")
    finally:
        gc.set_threshold(*before)
