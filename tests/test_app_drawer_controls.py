"""The filter drawer's controls are made when the panel first shows, not before the
first frame: below 140 columns the panel is a hidden drawer at start."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from tests.app_helpers import ACTORS, app_for, screen_text, settle, wait_for
from tests.test_app_reload import rewrite
from tui.filters import Filter
from tui.screens.explorer import ExplorerScreen
from tui.widgets.facet_list import FacetList
from tui.widgets.filter_panel import FilterPanel
from tui.widgets.status_line import StatusLine


def prompts(app: object, facet: str) -> list[str]:
    """The items of a facet list as shown (`label count`)."""
    facet_list = app.screen.query_one(f"#{facet}", FacetList)  # type: ignore[attr-defined]
    return [str(facet_list.get_option_at_index(i).prompt) for i in range(facet_list.option_count)]


@pytest.fixture
def made_on_opening(monkeypatch: pytest.MonkeyPatch) -> None:
    """The controls are not made once the filters are ready, only when the panel
    first shows: as a person opening the drawer at once finds them."""
    monkeypatch.setattr(ExplorerScreen, "_settle", lambda screen: None)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 48)])
async def test_the_first_frame_makes_the_filter_controls_only_where_they_show(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = app_for(tmp_path)
    first: list[tuple[bool, int, str]] = []
    display = app._display

    def shown(screen: object, update: object) -> None:
        display(screen, update)  # type: ignore[arg-type]
        if not first and isinstance(screen, ExplorerScreen):
            panel = screen.query_one("#filters", FilterPanel)
            first.append((panel.built, len(panel.children), screen_text(app)))

    app._display = shown  # type: ignore[method-assign]
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        wide = size[0] >= 140
        built, children, text = first[0]
        assert built is wide and (children > 0) is wide
        assert ("Search  /" in text) is wide
        # Made while the app waits for keys, once the filters are ready.
        panel = app.screen.query_one("#filters", FilterPanel)
        assert panel.built and panel.query_one("#actors", FacetList).option_count == 4


async def test_start_filters_show_in_controls_made_on_opening(
    tmp_path: Path, made_on_opening: None
) -> None:
    app = app_for(tmp_path, actors=["china"], years=[2019], search="trade")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExplorerScreen)
        panel = screen.query_one("#filters", FilterPanel)
        assert not panel.built
        status = screen.query_one("#status", StatusLine).plain
        assert status == 'China · 2019 · "trade" — 1 of 7 events'
        await pilot.press("a")
        await settle(pilot)
        assert panel.built and screen.focused is panel.query_one("#actors")
        assert panel.query_one("#search").value == "trade"  # type: ignore[attr-defined]
        assert panel.query_one("#actors", FacetList).selected == ["china"]
        assert panel.query_one("#years", FacetList).selected == ["2019"]
        # The counts of the filter in force, as the index gives them.
        index = screen.index
        assert index is not None
        counts = index.actor_counts(screen.filter)
        actors = panel.query_one("#actors", FacetList)
        assert actors.counts == [counts.get(a, 0) for a in actors.values]
        assert "China 1" in prompts(app, "actors")


async def test_keys_typed_right_after_the_first_opening_reach_the_search_box(
    tmp_path: Path, made_on_opening: None
) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#filters", FilterPanel).built
        await pilot.press("slash", *"treaty")
        await settle(pilot)
        assert app.screen.query_one("#search").value == "treaty"  # type: ignore[attr-defined]
        assert app.screen.filter == Filter(search="treaty")  # type: ignore[attr-defined]


async def test_a_reload_before_the_first_opening_shows_in_the_controls(
    tmp_path: Path, made_on_opening: None
) -> None:
    app = app_for(tmp_path)
    app.reload_interval = 0.05
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        panel = app.screen.query_one("#filters", FilterPanel)
        assert not panel.built
        renamed = ACTORS.replace("name: North Korea", "name: DPRK")
        rewrite(tmp_path / "data" / "actors.yaml", renamed)
        await wait_for(pilot, lambda: app.timeline.actor_by_id["north-korea"].name == "DPRK")
        assert not panel.built
        await pilot.press("a")
        await settle(pilot)
        assert "DPRK 5" in prompts(app, "actors")
        assert not any(p.startswith("North Korea") for p in prompts(app, "actors"))


async def test_a_resize_to_a_wide_screen_makes_and_shows_the_controls(
    tmp_path: Path, made_on_opening: None
) -> None:
    app = app_for(tmp_path, actors=["china"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        panel = app.screen.query_one("#filters", FilterPanel)
        assert not panel.built
        await pilot.resize_terminal(160, 48)
        await settle(pilot)
        assert panel.built and panel.region.width > 0
        assert panel.query_one("#actors", FacetList).selected == ["china"]
        text = screen_text(app)
        assert "Search  /" in text and "[x] China 6" in text


async def test_the_controls_made_once_the_filters_are_ready_are_settled_with_the_rest(
    tmp_path: Path,
) -> None:
    """Mounted whole (their own children too) before the collector is settled: left
    out, thousands of objects stayed for the collector to walk in later keystrokes."""
    from textual.widgets._select import SelectOverlay

    app = app_for(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.1)
        overlay = app.screen.query_one("#filters", FilterPanel).query_one(SelectOverlay)
        assert not any(o is overlay for o in gc.get_objects())  # frozen: out of its reach


async def test_the_article_choice_names_each_article_by_its_date_and_title(
    tmp_path: Path,
) -> None:
    """Two pieces with one title, or by one outlet, differ by their dates: each option
    gives the publication date first ("≈" for an inferred day), then the title."""
    from textual.widgets._select import SelectOverlay

    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        overlay = app.screen.query_one("#filters", FilterPanel).query_one(SelectOverlay)
        shown = [str(overlay.get_option_at_index(i).prompt) for i in range(overlay.option_count)]
        assert shown == [
            "All articles", "≈ 2019-06-21 · Xi in Pyongyang", "2021-06-24 · Kim calls for dialogue",
        ]  # oldest first (a new user's trial: they were in the file's order)
