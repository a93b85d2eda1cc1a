"""A long timeline is drawn first and indexed just after (here forced on a short one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app_helpers import ORDER, app_for, listed, settle
from tui.screens import explorer
from tui.screens.explorer import ExplorerScreen
from tui.widgets.density_strip import DensityStrip
from tui.widgets.facet_list import FacetList


@pytest.fixture(autouse=True)
def always_deferred(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(explorer, "EAGER_INDEX_EVENTS", 0)


async def test_the_index_arrives_after_the_first_paint(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExplorerScreen) and screen.index is not None
        assert listed(app) == ORDER
        years = screen.query_one("#years", FacetList)
        assert [str(years.get_option_at_index(i).prompt) for i in range(2)] == [
            "1950 1",
            "1951 1",
        ]
        assert screen.query_one("#density", DensityStrip).counts[2019] == 2
        # the source pane marks every quote of the article once the index is there
        assert len(screen.query_one("#source").quotes) > 1


async def test_a_filter_before_the_index_builds_it_on_demand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ExplorerScreen, "_warm_up", lambda self: None)  # never delivered
    app = app_for(tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.index is None
        assert listed(app) == ORDER
        assert screen.query_one("#years", FacetList).option_count == 0
        screen.query_one("#actors", FacetList).select("kim-jong-un")
        await settle(pilot)
        assert screen.index is not None
        assert listed(app) == ["visit", "dialogue"]
        assert screen.query_one("#years", FacetList).option_count == 7


async def test_the_status_line_says_the_filters_are_being_prepared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.widgets.status_line import PREPARING, StatusLine

    held: list[ExplorerScreen] = []
    monkeypatch.setattr(ExplorerScreen, "_warm_up", lambda self: held.append(self))
    app = app_for(tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        status = app.screen.query_one("#status", StatusLine)
        assert status.plain == "All 7 events" + PREPARING  # first paint: not ready yet
        assert listed(app) == ORDER
        monkeypatch.undo()
        held[0]._warm_up()  # the worker now delivers the index and the search texts
        await settle(pilot)
        assert status.plain == "All 7 events"
        await pilot.press("slash", "t", "r", "e", "a", "t", "y")
        await settle(pilot)
        assert listed(app) == ["treaty", "renewed"]
        assert status.plain == '"treaty" — 2 of 7 events'
