"""A Line-API view's length changes without a layout of the screen unless a scroll bar
comes or goes (`tui.widgets.virtual`; the explorer's panes keep theirs in place, so
it never does), and its scroll bar stays true either way."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tests.app_helpers import app_for, settle
from tui.widgets.event_detail import EventDetail
from tui.widgets.facet_list import FacetList
from tui.widgets.source_view import SourceView
from tui.widgets.timeline_view import TimelineView
from tui.widgets.virtual import set_virtual_size


class Lines(ScrollView):
    """Blank lines, wrapped as the explorer's reading panes are (no horizontal scrolling)."""

    DEFAULT_CSS = "Lines { overflow-x: hidden; }"

    def render_line(self, y: int) -> Strip:
        return Strip.blank(self.size.width)


class LinesApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Lines()


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per layout of a screen."""
    seen: list[int] = []
    real = Screen._refresh_layout

    def counting(self: Screen[object], *args: object, **kwargs: object) -> None:
        seen.append(1)
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Screen, "_refresh_layout", counting)
    return seen


def _bar_is_true(view: ScrollView) -> bool:
    shown = view.show_vertical_scrollbar
    always = view.styles.overflow_y == "scroll"  # in place, drawn blank when all fits
    needed = always or view.virtual_size.height > view.container_size.height
    window = view.vertical_scrollbar.window_virtual_size if shown else view.virtual_size.height
    return shown == needed and window == view.virtual_size.height


@pytest.mark.parametrize(
    ("first", "then", "laid_out"),
    [
        (100, 60, False),  # a bar before and after
        (5, 8, False),  # no bar before or after
        (5, 100, True),  # a bar comes
        (100, 5, True),  # the bar goes
    ],
)
async def test_a_layout_only_when_a_bar_comes_or_goes(
    layouts: list[int], first: int, then: int, laid_out: bool
) -> None:
    app = LinesApp()
    async with app.run_test(size=(40, 20)) as pilot:
        view = app.query_one(Lines)
        # The bar shown once, as the explorer's are on its first screen: Textual
        # lays a bar out twice the first time it shows (the new widget sizes itself).
        set_virtual_size(view, Size(0, 100))
        await pilot.pause(0.1)
        set_virtual_size(view, Size(0, first))
        await pilot.pause(0.1)
        view.scroll_to(y=first, animate=False, immediate=True)  # to the end
        await pilot.pause()
        end = view.scroll_y
        layouts.clear()
        set_virtual_size(view, Size(0, then))
        await pilot.pause(0.1)  # a second layout would come a frame or two later
        # One layout when a bar comes or goes (Textual's own finding of the bar,
        # during the layout, asked for a second one), none otherwise.
        assert len(layouts) == int(laid_out)
        assert view.virtual_size.height == then and _bar_is_true(view)
        bar = view.styles.scrollbar_size_vertical if then > view.container_size.height else 0
        assert view.scrollable_content_region.width == 40 - bar
        assert view.max_scroll_y == max(0, then - view.container_size.height)
        assert view.scroll_y == min(end, view.max_scroll_y)  # kept, unless past the end now


async def test_j_through_the_shipped_timeline_keeps_the_reading_panes_bars_true(
    tmp_path: Path, layouts: list[int]
) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        detail = app.screen.query_one(EventDetail)
        source = app.screen.query_one(SourceView)
        layouts.clear()
        for _ in range(6):
            await pilot.press("j")
            await pilot.pause()
            assert _bar_is_true(detail) and _bar_is_true(source)


class ScrollingLines(Lines):
    """`Lines` whose bar is always in place, as the explorer's panes are."""

    DEFAULT_CSS = "ScrollingLines { overflow-x: hidden; overflow-y: scroll; }"


class ScrollingLinesApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ScrollingLines()


@pytest.mark.parametrize(("first", "then"), [(100, 60), (5, 8), (5, 100), (100, 5)])
async def test_a_bar_always_in_place_never_lays_the_screen_out(
    layouts: list[int], first: int, then: int
) -> None:
    app = ScrollingLinesApp()
    async with app.run_test(size=(40, 20)) as pilot:
        view = app.query_one(ScrollingLines)
        set_virtual_size(view, Size(0, first))
        await pilot.pause(0.1)
        layouts.clear()
        set_virtual_size(view, Size(0, then))
        await pilot.pause(0.1)
        assert layouts == []
        assert view.show_vertical_scrollbar
        assert view.vertical_scrollbar.window_virtual_size == then
        assert view.scrollable_content_region.width == 40 - view.styles.scrollbar_size_vertical
        assert view.max_scroll_y == max(0, then - view.container_size.height)


async def test_filtering_the_timeline_down_to_what_fits_lays_nothing_out(
    tmp_path: Path, layouts: list[int]
) -> None:
    # The timeline's bar used to go when a filter left fewer events than its
    # height, and come back with the next: a layout of the whole screen and a
    # second frame each time.
    app = app_for(tmp_path)
    async with app.run_test(size=(120, 16)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(TimelineView)
        assert view.virtual_size.height > view.scrollable_content_region.height  # a bar
        await pilot.press("a")
        await settle(pilot)
        actors = app.screen.query_one("#actors", FacetList)
        actors.highlighted = actors.values.index("kim-jong-un")
        await settle(pilot)
        layouts.clear()
        await pilot.press("space")
        await settle(pilot)
        assert view.virtual_size.height <= view.scrollable_content_region.height  # fits
        await pilot.press("space")
        await settle(pilot)
        assert view.virtual_size.height > view.scrollable_content_region.height
        assert layouts == []
