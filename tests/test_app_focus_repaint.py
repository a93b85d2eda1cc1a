"""A move of the focus repaints what follows the focus: the timeline's cursor row and
the border of the pane that holds the focus, not every row inside it."""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from pathlib import Path

import pytest
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.strip import Strip
from textual.widget import Widget

from tests.app_helpers import app_for, settle
from tui.widgets.density_strip import DensityStrip
from tui.widgets.styles import styles_follow_focus
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
        for keys in (["a"], ["escape"], ["tab"], ["escape"], ["slash", "t"], ["backspace"],
                     ["escape"]):
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


async def test_a_search_draws_only_the_events_that_come_into_view(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Back to the rows shown before (a search typed, then erased), no row is drawn
    again but those the cursor left or reached: the timeline keeps each event's
    line, wherever it lies."""
    drawn: list[int] = []
    render_row = TimelineView._render_row

    def counting(view: TimelineView, row: int, width: int, selected: bool) -> Strip:
        drawn.append(view.rows[row])
        return render_row(view, row, width, selected)

    monkeypatch.setattr(TimelineView, "_render_row", counting)
    app = app_for(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.screen.query_one("#timeline", TimelineView)
        before = list(view.rows)
        assert view.cursor is not None
        first_selected = view.rows[view.cursor]  # drawn selected so far
        await pilot.press("slash", *"treaty")
        await settle(pilot)
        assert len(view.rows) < len(before)
        drawn.clear()
        await pilot.press(*["backspace"] * len("treaty"))
        await settle(pilot)
        assert view.rows == before
        assert view.cursor is not None
        assert set(drawn) <= {view.rows[view.cursor], first_selected}
        # What is shown is what a full repaint draws.
        shown = screen_strips(app)
        view._cache.clear()
        view.refresh()
        await settle(pilot)
        assert screen_strips(app) == shown


async def test_a_search_leaves_the_density_strip_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search changes neither the years' counts nor the chosen years: the strip is
    not drawn again at each letter. A year chosen is."""
    drawn: list[int] = []
    density_line = DensityStrip.render_line

    def density(strip: DensityStrip, y: int) -> Strip:
        drawn.append(y)
        return density_line(strip, y)

    monkeypatch.setattr(DensityStrip, "render_line", density)
    app = app_for(tmp_path, event_id="treaty")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        drawn.clear()
        await pilot.press("slash", *"treaty")
        await settle(pilot)
        assert drawn == []
        await pilot.press("escape", "escape")
        await settle(pilot)
        app.screen.filter_by_year(1961)  # type: ignore[attr-defined]
        await settle(pilot)
        assert drawn


async def test_a_focus_move_restyles_only_widgets_whose_rules_name_their_focus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual applies the stylesheet to a widget at each change of its focus; the
    timeline and the facet lists have no rule that names their focus, so they are
    not restyled (about a millisecond each), while the event pane's border is."""
    restyled: list[str] = []
    update_nodes = Stylesheet.update_nodes

    def recording(sheet: Stylesheet, nodes: Iterable[DOMNode], animate: bool = False) -> None:
        nodes = list(nodes)
        restyled.extend(type(node).__name__ for node in nodes)
        update_nodes(sheet, nodes, animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", recording)
    app = app_for(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in ("a", "escape", "enter", "escape"):
            await pilot.press(key)
            await settle(pilot)
        assert "EventDetail" in restyled or "SourceView" in restyled  # Enter: `#detail:focus`
        assert "TimelineView" not in restyled
        assert "FacetList" not in restyled


async def test_a_rule_that_names_the_timelines_focus_is_applied(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.screen.query_one("#timeline", TimelineView)
        assert not styles_follow_focus(view)
        app.stylesheet.add_source("TimelineView:focus { background: red; }", read_from=("t", ""))
        app.stylesheet.reparse()
        app.stylesheet.update(app)
        await settle(pilot)
        assert styles_follow_focus(view)
        await pilot.press("a")
        await settle(pilot)
        assert not view.has_focus
        unfocused = view.styles.background
        await pilot.press("escape")
        await settle(pilot)
        assert view.has_focus
        assert view.styles.background != unfocused
        assert view.styles.background.rgb == (255, 0, 0)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_after_each_focus_move_the_styles_are_those_a_full_restyle_gives(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """The widgets left unstyled on a focus change draw what a full restyle draws; the
    density strip, whose cursor's rule names its focus (`&:focus > .density--cursor`,
    keyed by the component class), is restyled."""
    app = app_for(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert styles_follow_focus(app.screen.query_one("#density", DensityStrip))
        for keys in (["a"], ["escape"], ["shift+tab"], ["tab"], ["enter"], ["escape"],
                     ["y"], ["escape"]):
            await pilot.press(*keys)
            await settle(pilot)
            shown = screen_strips(app)
            app.stylesheet.update(app.screen)
            for widget in app.screen.walk_children(with_self=True):
                widget.refresh()
            await settle(pilot)
            assert screen_strips(app) == shown, (keys, app.focused)


def test_textuals_focus_watcher_only_restyles() -> None:
    """`LineStyles.watch_has_focus` skips Textual's watcher when no rule names the
    widget's focus: re-check it when Textual's watcher does more."""
    source = inspect.getsource(Widget.watch_has_focus)
    assert source.split("\n")[2:] == ["        self.update_node_styles()", ""]


def test_without_an_app_nothing_is_styled() -> None:
    view = TimelineView()
    assert not styles_follow_focus(view)
    view.has_focus = True  # Textual's own watcher does nothing without an app either
