"""Scroll bars drawn as strips: the same cells as Textual's Rich rendering."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.styled import Styled
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.style import Style

from tests.app_helpers import app_for
from tui.widgets.scroll_bar import StripScrollBarRender, use_strip_scroll_bars

STYLES = [
    RichStyle(color="#004578", bgcolor="#1e1e1e"),
    RichStyle(color="bright_magenta"),
    RichStyle(),
]


def cells(line: list[Segment]) -> list[tuple[str, object]]:
    """A line as (character, what its style shows) per cell, however it is cut into
    segments (a colour named "bright_magenta" or "color(13)" is the same colour)."""
    def shown(style: RichStyle | None) -> object:
        if style is None:
            return None
        colours = tuple(c and c.get_truecolor() for c in (style.color, style.bgcolor))
        return colours, style.reverse, style.bold, style.meta
    return [(char, shown(segment.style)) for segment in line for char in segment.text]


@settings(max_examples=300)
@given(
    size=st.integers(1, 40),
    thickness=st.integers(1, 3),
    virtual_size=st.integers(0, 400),
    window_size=st.integers(0, 60),
    position=st.integers(0, 400).map(lambda p: p / 8),
    vertical=st.booleans(),
    style=st.sampled_from(STYLES),
    base=st.sampled_from(STYLES[::-1]),
)
def test_the_strips_are_the_cells_rich_draws(
    size: int, thickness: int, virtual_size: int, window_size: int, position: float,
    vertical: bool, style: RichStyle, base: RichStyle,
) -> None:
    # As `ScrollBar` asks: a window only while it holds less than the content (with
    # none, the bar is left blank: `test_a_bar_with_nothing_to_scroll_is_blank`).
    assume(0 < window_size < virtual_size)
    args = {"virtual_size": virtual_size, "window_size": window_size, "position": position,
            "thickness": thickness, "vertical": vertical, "style": style}
    width, height = (thickness, size) if vertical else (size, thickness)
    console = Console(width=width, height=height, color_system="truecolor", legacy_windows=False)
    options = console.options.update_dimensions(width, height)
    # Textual draws a widget's Rich renderable on the widget's own style.
    expected = console.render_lines(Styled(ScrollBarRender(**args), base), options, pad=False)
    strips = StripScrollBarRender(**args).render_strips(
        width, height, Style.from_rich_style(base), None  # type: ignore[arg-type]
    )
    assert [cells(list(strip)) for strip in strips] == [cells(line) for line in expected]
    assert all(strip.cell_length == width for strip in strips)


@pytest.mark.parametrize("vertical", [True, False])
@pytest.mark.parametrize(("virtual_size", "window_size"), [(10, 0), (0, 0), (100, 0)])
def test_a_bar_with_nothing_to_scroll_is_blank(
    vertical: bool, virtual_size: int, window_size: int
) -> None:
    # A pane's bar stays in place (no layout when it would come or go); with the
    # whole content in view, Textual passes no window, and the bar is drawn as a
    # stable gutter shows: blank, on the widget's own style, with no mouse action.
    base = RichStyle(color="#004578", bgcolor="#1e1e1e")
    width, height = (2, 7) if vertical else (7, 1)
    bar = StripScrollBarRender(virtual_size=virtual_size, window_size=window_size,
                               thickness=2 if vertical else 1, vertical=vertical,
                               style=RichStyle(color="red", bgcolor="blue"))
    strips = bar.render_strips(width, height, Style.from_rich_style(base), None)  # type: ignore[arg-type]
    assert len(strips) == height
    for strip in strips:
        assert strip.text == " " * width and strip.cell_length == width
        assert {segment.style for segment in strip} == {base}
    scrolling = StripScrollBarRender(virtual_size=100, window_size=10, vertical=vertical)
    drawn = scrolling.render_strips(width, height, Style.from_rich_style(base), None)  # type: ignore[arg-type]
    assert any(segment.style != base for strip in drawn for segment in strip)


def test_installed_as_textuals_scroll_bar_renderer() -> None:
    before = ScrollBar.renderer
    try:
        use_strip_scroll_bars()
        assert ScrollBar.renderer is StripScrollBarRender
    finally:
        ScrollBar.renderer = before


async def test_the_explorer_draws_its_bars_as_strips(tmp_path: Path) -> None:
    before = ScrollBar.renderer
    try:
        ScrollBar.renderer = ScrollBarRender
        app = app_for(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            source = app.screen.query_one("#source")
            assert source.show_vertical_scrollbar
            bar = source.vertical_scrollbar
            assert isinstance(bar._render(), StripScrollBarRender)
    finally:
        ScrollBar.renderer = before
