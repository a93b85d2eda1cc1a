"""A move of the focus repaints what follows the focus: the timeline's cursor row and
the border of the pane that holds the focus, not every row inside it."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from textual.strip import Strip
from textual.widget import Widget

from tests.app_helpers import app_for, settle
from tui.widgets.density_strip import DensityStrip
from tui.widgets.timeline_view import TimelineView


def screen_strips(app: object) -> list[Strip]:
    """The whole screen as the compositor draws it now (characters and styles)."""
    return list(app.screen._compositor.render_strips())  # type: ignore[attr-defined]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_esc_closing_the_filters_redraws_the_cursor_row_alone(
    tmp_path: Path, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[str] = []
    timeline_line = TimelineView.render_line
    density_line = DensityStrip.render_line

    def timeline(view: TimelineView, y: int) -> Strip:
        drawn.append(f"timeline {y}")
        return timeline_line(view, y)

    def density(strip: DensityStrip, y: int) -> Strip:
        drawn.append(f"density {y}")
        return density_line(strip, y)

    monkeypatch.setattr(TimelineView, "render_line", timeline)
    monkeypatch.setattr(DensityStrip, "render_line", density)
    app = app_for(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        view = app.screen.query_one("#timeline", TimelineView)
        assert view.cursor is not None
        cursor_y = view.cursor - round(view.scroll_offset.y)
        for key in ("a", "escape"):  # focus out of the timeline, then back into it
            drawn.clear()
            await pilot.press(key)
            await settle(pilot)
            assert drawn == [f"timeline {cursor_y}"], key
        assert view.has_focus
        # The cursor row shows the focus (its focused style), as a full repaint draws it.
        cursor = view.get_component_rich_style("timeline--cursor")
        assert any(s.style is not None and s.style.bgcolor == cursor.bgcolor
                   for s in view.render_line(cursor_y))


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (160, 48)])
async def test_what_a_focus_move_leaves_on_screen_is_what_a_full_repaint_draws(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for keys in (["a"], ["escape"], ["tab"], ["escape"], ["slash", "t"], ["escape"]):
            await pilot.press(*keys)
            await settle(pilot)
            shown = screen_strips(app)
            for widget in app.screen.walk_children(with_self=True):
                widget.refresh()
            await settle(pilot)
            assert screen_strips(app) == shown, keys


def test_textuals_focus_handlers_are_those_the_timeline_replaces() -> None:
    """`TimelineView.on_focus` and `on_blur` do Textual's work less its repaint: when
    Textual's handlers change, the timeline's must be checked again."""
    focus = inspect.getsource(Widget._on_focus)
    blur = inspect.getsource(Widget._on_blur)
    assert focus.split("\n")[1:] == [
        "        self.has_focus = True",
        "        self.refresh()",
        "        if self.parent is not None:",
        "            self.parent.post_message(events.DescendantFocus(self))",
        "",
    ]
    assert blur.split("\n")[1:] == [
        "        self.has_focus = False",
        "        self.refresh()",
        "        if self.parent is not None:",
        "            self.parent.post_message(events.DescendantBlur(self))",
        "",
    ]
