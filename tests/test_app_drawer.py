"""The filter drawer (below 140 columns): its counts, and what opening it moves."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual._context import active_message_pump
from textual.geometry import Region
from textual.message import Message

from tests.app_helpers import app_for, screen_text, settle
from tui.widgets.facet_list import FacetList
from tui.widgets.filter_panel import FilterPanel
from tui.widgets.timeline_view import TimelineView


def prompts(app: object, facet: str) -> list[str]:
    """The items of a facet list as shown (`label count`)."""
    facet_list = app.screen.query_one(f"#{facet}", FacetList)  # type: ignore[attr-defined]
    return [str(facet_list.get_option_at_index(i).prompt) for i in range(facet_list.option_count)]


async def test_the_drawer_opened_before_a_layout_shows_counts(tmp_path: Path) -> None:
    """Counts follow what is shown, not Textual's Show event.

    A widget gets Show when a layout first places it. The drawer opened (`a`) as
    soon as the panel is mounted, before any layout, must count as a drawer
    opened later does: when the first layout placed the panel as a sidebar,
    before the screen's width class hid it, every count read 0 and stayed so.
    """
    app = app_for(tmp_path)
    opened: list[bool] = []

    def hook(message: Message) -> None:
        if opened or not isinstance(message, events.Mount):
            return
        panel = active_message_pump.get()
        if isinstance(panel, FilterPanel):
            # The reader presses `a` just after the panel is mounted.
            assert not panel.region, "laid out already: not before a layout"
            opened.append(True)
            panel.call_next(panel.screen.action_focus_facet, "actors")

    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await settle(pilot)
        assert opened
        panel = app.screen.query_one(FilterPanel)
        assert panel.display and panel.has_class("-open")
        assert prompts(app, "actors")[:2] == ["China 6", "North Korea 5"]
        assert prompts(app, "kinds") == ["test 7"]
        await pilot.press("j")
        await settle(pilot)
        assert prompts(app, "actors")[:2] == ["China 6", "North Korea 5"]


PANES = ("#main", "#density", "#timeline", "#reading", "#detail", "#source", "#status")


@pytest.mark.parametrize("size", [(120, 40), (100, 30), (80, 24)])
async def test_the_drawer_lies_over_the_right_and_moves_no_pane(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """Opening or closing the drawer lays out nothing else: every pane keeps its place.
    Beside the timeline, it covers the reading column whole (36 columns left a strip
    of it showing at 100 columns, its words cut off)."""
    app = app_for(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.screen

        def regions() -> list[Region]:
            return [screen.query_one(selector).region for selector in PANES]

        closed = regions()
        await pilot.press("a")
        await settle(pilot)
        panel = screen.query_one(FilterPanel)
        body = screen.query_one("#body").region
        assert regions() == closed
        if size[0] >= 100:  # beside the timeline: over the reading column, all of it
            reading = screen.query_one("#reading").region
            assert panel.region == Region(reading.x, body.y, reading.width, body.height)
        else:  # over the right of the stacked panes
            assert panel.region == Region(body.right - 36, body.y, 36, body.height)
        assert screen.query_one("#actors", FacetList).has_focus
        assert panel.styles.border_top[0] == "heavy"  # the focused pane's border
        assert screen.query_one("#main").styles.border_top[0] != "heavy"
        await pilot.press("escape")
        await settle(pilot)
        assert not panel.display and regions() == closed
        assert screen.query_one("#timeline", TimelineView).has_focus


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_clicks_reach_the_drawer_and_the_timeline_beside_it(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        actors = app.screen.query_one("#actors", FacetList)
        await pilot.click(actors, offset=(3, 0))  # over the panes: the drawer's item
        await settle(pilot)
        assert actors.selected == ["china"]
        view = app.screen.query_one("#timeline", TimelineView)
        row = view.row_of_event("trade")
        assert row is not None
        await pilot.click(view, offset=(5, row))  # the timeline's dates, left of the drawer
        assert view.selected_event_id == "trade"


@pytest.mark.parametrize("key", ["a", "escape"])
async def test_the_drawer_opens_and_closes_in_one_frame_its_controls_not_restyled(
    tmp_path: Path, key: str
) -> None:
    """The first frame drawn after the key shows the drawer as it ends up.

    The panel alone is restyled (its border says it holds the focus), not the
    controls in it, and the screen is laid out in the frame that shows the focus
    moved, not a frame later.
    """
    app = app_for(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # The controls are made when the drawer first opens (see the test below):
        # from the second opening on, they are only shown again.
        await pilot.press("a", "escape")
        await settle(pilot)
        if key == "escape":
            await pilot.press("a")
            await settle(pilot)
        kinds = app.screen.query_one("#kinds", FacetList)
        restyled: list[FacetList] = []
        original = type(kinds).notify_style_update

        def notify(facet_list: FacetList) -> None:
            restyled.append(facet_list)
            original(facet_list)

        frames: list[bool] = []
        display = app._display

        def shown(screen: object, update: object) -> None:
            frames.append("Filters" in screen_text(app).splitlines()[0])
            display(screen, update)  # type: ignore[arg-type]

        app._display = shown  # type: ignore[method-assign]
        FacetList.notify_style_update = notify  # type: ignore[method-assign]
        try:
            await pilot.press(key)
            await settle(pilot)
        finally:
            FacetList.notify_style_update = original  # type: ignore[method-assign]
        opening = key == "a"
        assert frames and frames[0] is opening and set(frames) == {opening}
        assert restyled.count(kinds) == 0
        panel = app.screen.query_one("#filters")
        main = app.screen.query_one("#main")
        assert panel.has_class("-focus-within") is opening
        assert main.has_class("-focus-within") is not opening
        if opening:  # heavy, not only coloured: it shows with NO_COLOR too
            assert panel.styles.border_top[0] == "heavy"
        assert main.styles.border_top[0] == ("round" if opening else "heavy")


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_reading_pane_taking_the_focus_closes_the_drawer_over_it(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        view = app.screen.query_one("#timeline", TimelineView)
        row = view.row_of_event("trade")
        assert row is not None
        await pilot.click(view, offset=(5, row))  # the timeline beside it: the drawer stays
        await settle(pilot)
        panel = app.screen.query_one(FilterPanel)
        assert view.has_focus and panel.display
        await pilot.press("enter")  # to the quote in the source pane, under the drawer
        await settle(pilot)
        assert app.screen.query_one("#source").has_focus
        assert not panel.display and not app.screen.filters_open  # type: ignore[attr-defined]


async def test_esc_closing_the_drawer_gives_the_focus_back_to_the_pane_it_was_opened_from(
    tmp_path: Path,
) -> None:
    """A new user's trial: at 80×24, the source pane focused, `f` then Esc left the
    focus in the timeline, so `j` moved the event instead of scrolling the source."""
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        source = app.screen.query_one("#source")
        view = app.screen.query_one("#timeline", TimelineView)
        await pilot.press("enter")  # to the quote in the source pane
        await settle(pilot)
        assert source.has_focus
        panel = app.screen.query_one(FilterPanel)
        for key in ("f", "a", "y"):
            await pilot.press(key)
            await settle(pilot)
            assert panel.display and not source.has_focus, key
            await pilot.press("escape")
            await settle(pilot)
            assert source.has_focus and not panel.display, key
        await pilot.press("escape")  # and Esc again: back to the timeline
        await settle(pilot)
        assert view.has_focus
        await pilot.press("a")  # opened from the timeline: back to it
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert view.has_focus and not panel.display
        # A review: opened from the source pane, then the timeline clicked (the drawer
        # stays): Esc keeps the focus in the timeline, where the reader now is.
        await pilot.press("enter")
        await settle(pilot)
        assert source.has_focus
        await pilot.press("f")
        await settle(pilot)
        row = view.row_of_event("trade")
        assert row is not None
        await pilot.click(view, offset=(5, row))
        await settle(pilot)
        assert view.has_focus and panel.display
        await pilot.press("escape")
        await settle(pilot)
        assert view.has_focus and not panel.display


async def test_a_focus_move_repaints_what_changes_not_the_whole_screen(tmp_path: Path) -> None:
    """Tab and Esc redraw the panes whose look follows the focus, and those alone."""
    from textual._compositor import LayoutUpdate

    app = app_for(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        updates: list[object] = []
        display = app._display

        def shown(screen: object, update: object) -> None:
            updates.append(update)
            display(screen, update)  # type: ignore[arg-type]

        app._display = shown  # type: ignore[method-assign]
        await pilot.press("tab")  # timeline → event pane
        await settle(pilot)
        assert app.screen.query_one("#detail").has_focus
        assert screen_text(app).splitlines()[0].count("┏") == 1  # its border is heavy now
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_one("#detail").has_focus  # back where the drawer opened
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_one("#timeline", TimelineView).has_focus
        assert updates and not any(isinstance(u, LayoutUpdate) for u in updates)


def test_a_notice_that_expires_over_the_open_drawer_leaves_the_terminal(tmp_path: Path) -> None:
    """Through a real terminal: "Search wrapped…" shown while the drawer opens over
    the reading column stayed drawn there after it expired (Textual did not draw
    the region again), and a piece of its border stayed after the drawer closed."""
    from tests.benchpty import PtySession
    from tests.benchrun import ROOT

    env = {"TIMELINE_CACHE_DIR": str(tmp_path / "cache")}
    with PtySession(ROOT / "data", env, cwd=ROOT, size=(100, 30)) as session:
        session.wait_for("All 40 events", 60)
        for key in ["/", *"treaty", "enter", "n", "n", "n"]:
            session.press(key, timeout=10)
        session.wait_for("Search wrapped", 10)
        session.press("c", timeout=10)
        session.press("a", expect=lambda text: "Actors" in text, timeout=10)
        assert "Search wrapped" in session.text()  # still within its time
        session.wait_until(lambda text: "Search wrapped" not in text, "the notice gone", 12)
        # No piece of its border left either, once the screen is drawn again (0.1 s after).
        session.wait_until(lambda text: "▌" not in text, "its border gone", 2)
        session.close()
