"""The key bar and closing the filter drawer: the focus moves once, the keys follow it."""

from __future__ import annotations

from pathlib import Path

from tests.app_helpers import app_for, settle
from tui.screens.explorer import ExplorerScreen
from tui.widgets.facet_list import FacetList
from tui.widgets.filter_panel import FilterPanel
from tui.widgets.key_bar import KeyBar
from tui.widgets.timeline_view import TimelineView


def shown(app: object) -> list[str]:
    """The descriptions the key bar shows."""
    bar = app.screen.query_one(KeyBar)  # type: ignore[attr-defined]
    return [description for _key, _shown, description, _enabled in bar.items]


async def test_esc_closes_the_drawer_with_the_focus_moved_once(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:  # the filters are a drawer here
        await settle(pilot)
        assert "Source" in shown(app)  # Enter opens the source from the timeline
        await pilot.press("f")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExplorerScreen)
        assert isinstance(app.focused, FacetList) and app.focused.id == "actors"
        panel = screen.query_one(FilterPanel)
        assert panel.display and panel.has_class("-open") and screen.filters_open
        assert "Source" not in shown(app)
        moves: list[object] = []

        def moved(widget: object) -> None:
            moves.append(widget)

        screen.watch(screen, "focused", moved, init=False)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.focused, TimelineView)
        assert not panel.display and not screen.filters_open
        assert moves == [app.focused]  # straight to the timeline, nowhere in between
        assert "Source" in shown(app)


async def test_the_key_bar_draws_one_line_and_presses_a_clicked_key(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        line = bar.render().plain
        assert line.startswith("⏎ Source / Search c Clear")
        assert line.rstrip().endswith("▏^p Commands")
        assert bar.region.height == 1 and bar.region.bottom == 40
        filters = next(start for start, _end, key in bar._spans if key == "f")
        await pilot.click(KeyBar, offset=(filters, 0))
        await settle(pilot)
        assert isinstance(app.focused, FacetList)


async def test_a_narrow_key_bar_shows_whole_keys_and_the_palettes(tmp_path: Path) -> None:
    """In the article view at 80 columns, with a selection, the keys do not all fit: those drawn are
    whole (no "? H"), in their order, help among them, the palette's key at the right
    end, and nothing of a longer line before is left behind it."""
    from tui.screens.article import ArticleScreen

    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.open_article("alpha")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        bar = app.screen.query_one(KeyBar)
        for keys in ("", "v"):
            if keys:
                await pilot.press(keys)
                await pilot.pause()
            line = bar.render().plain
            assert len(line) <= 80 and line.rstrip().endswith("▏^p Commands")
            keys_part = line.split("▏")[0]
            pairs = [f"{shown_key} {d}" for _k, shown_key, d, _e in bar.items]
            drawn = [p for p in pairs if p in keys_part]
            assert "? Help" in drawn
            if keys == "v":  # the selection's keys do not all fit: some left out, help kept
                assert len(drawn) < len(pairs)
            assert " ".join(drawn) == " ".join(keys_part.split())  # whole, in order, no more
        strip = app.screen._compositor.render_strips()[-1].text
        assert strip.rstrip().endswith("▏^p Commands")


async def test_the_search_box_shows_that_enter_keeps_and_esc_cancels(tmp_path: Path) -> None:
    """Typing a search, the key bar says what Enter and Esc do there, and only there."""
    app = app_for(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Keep the search" not in shown(app)
        await pilot.press("slash", "k", "i")
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "search"
        assert shown(app)[:2] == ["Keep the search", "Cancel the search"]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.focused, TimelineView)
        assert "Keep the search" not in shown(app) and "Cancel the search" not in shown(app)


async def test_a_dialog_shows_its_own_keys_not_the_explorers(tmp_path: Path) -> None:
    """The export dialog and the forms draw their own key bar over the explorer's: it
    showed "/ Search … q Quit", none of which work in a dialog."""
    from tui.screens.export import ExportScreen
    from tui.screens.source_form import SourceFormScreen

    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert shown(app) == ["Export", "Cancel export"]  # on the file, where Enter exports
        await pilot.press("shift+tab")
        await settle(pilot)
        assert shown(app) == ["Cancel export"]  # on the format, Enter opens its list
        await pilot.press("escape")
        await settle(pilot)
        app.screen.open_article("alpha")  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("n", "a")
        await settle(pilot)
        assert isinstance(app.screen, SourceFormScreen)
        assert shown(app) == ["Add the source", "Cancel"]


async def test_the_density_strip_shows_its_keys(tmp_path: Path) -> None:
    """A trial: on the strip, the key bar named none of its keys."""
    app = app_for(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Earlier year" not in shown(app)
        await pilot.press("shift+tab")
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "density"
        assert shown(app)[:4] == [
            "Earlier year", "Later year", "Next year with events", "Filter by this year"
        ]


async def test_the_command_palette_shows_its_own_keys(tmp_path: Path) -> None:
    """A trial: with the palette open, the key bar still named the explorer's keys."""
    app = app_for(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = shown(app)
        await pilot.press("ctrl+p")
        await settle(pilot)
        bar = app.screen_stack[-2].query_one(KeyBar)
        assert [description for _k, _s, description, _e in bar.items] == ["Choose", "Run", "Close"]
        await pilot.press("escape")
        await settle(pilot)
        assert shown(app) == before


async def test_n_is_shown_while_a_search_is_in_force(tmp_path: Path) -> None:
    """A trial: with a search kept, the bar at 160 columns named neither `n` nor `o`.
    `n` is shown while a search is in force; without one it says how to search."""
    app = app_for(tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert "Next match" not in shown(app) and "Open article" in shown(app)
        await pilot.press("n")
        await settle(pilot)
        assert any("No search in force" in str(n.message) for n in app._notifications)
        await pilot.press("slash", *"kim", "enter")
        await settle(pilot)
        assert "Next match" in shown(app)
        selected = app.screen.query_one(TimelineView).selected_event_id
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.query_one(TimelineView).selected_event_id != selected
        await pilot.press("c")  # the search cleared with the other filters
        await settle(pilot)
        assert "Next match" not in shown(app)


async def test_an_open_list_offers_no_search_key(tmp_path: Path) -> None:
    """A trial: the article list open in the filters, the bar offered `/ Search`,
    which the list takes as a letter to look for."""
    from textual.widgets._select import SelectOverlay

    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("y", "tab", "enter")
        await settle(pilot)
        assert isinstance(app.focused, SelectOverlay)
        assert "Search" not in shown(app) and "Open article" not in shown(app)


async def test_the_actors_heading_stays_in_view_at_80_by_24(tmp_path: Path) -> None:
    """A trial: at 80×24 `a` scrolled the drawer to the list, and the heading that says
    whether chosen actors combine as any or all went out of sight."""
    from tests.app_helpers import screen_text
    from tui.app import make_app

    app = make_app()  # the shipped data: its 29 actors do not fit the drawer whole
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.focused, FacetList) and app.focused.id == "actors"
        assert "Actors  a  · any (A: all)" in screen_text(app)
