"""A Line-API view's length changes without a layout of the screen unless a scroll bar
comes or goes (`tui.widgets.virtual`), and its scroll bar stays true either way."""

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
from tui.widgets.source_view import SourceView
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
    needed = view.virtual_size.height > view.container_size.height
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
