"""The explorer's first frame: each node styled once, with the styles a full pass gives.

Textual restyles a pushed screen's every node when it is first shown, and again
when the first resize sets the width's class (`-narrow`, `-medium`, `-wide`):
three passes over each node before anything is drawn. The explorer sets the
class before its panes are mounted and skips the first of those passes, so the
styles must still be exactly those of a full pass.
"""

from __future__ import annotations

import asyncio
import inspect
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from time import monotonic

import pytest
from textual import events
from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

from tests.app_helpers import app_for, screen_text, settle, visible_rows
from tests.conftest import ROOT
from tui.app import make_app
from tui.screens import frames as frames_module
from tui.screens.explorer import ExplorerScreen, breakpoint_classes

SIZES = [(80, 24), (120, 40), (160, 48)]


@pytest.mark.parametrize("size", SIZES, ids=["narrow", "medium", "wide"])
async def test_each_node_is_styled_once_before_the_first_frame(
    tmp_path: Path, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    styled: Counter[int] = Counter()
    apply = Stylesheet.apply

    def counting(self: Stylesheet, node: DOMNode, **kwargs: object) -> None:
        if isinstance(node, Widget):
            styled[id(node)] += 1
        apply(self, node, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Stylesheet, "apply", counting)
    app = app_for(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExplorerScreen)
        nodes = list(screen.walk_children(with_self=True))
        # Once as mounted. Again only where the focus went (the timeline) with the
        # mark on the pane around it, and the screen alone (its width's class, set
        # before its panes exist).
        focus_path = {screen, screen.timeline_view, screen.query_one("#main")}
        again = [n for n in nodes if styled[id(n)] > 1]
        assert again and set(again) <= focus_path
        assert all(styled[id(n)] >= 1 for n in nodes)


@pytest.mark.parametrize("size", [*SIZES, (99, 30), (140, 40)])
async def test_the_first_screen_has_the_styles_of_a_full_pass(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    def styles(screen: DOMNode) -> list[tuple[str, dict[str, object], list[str]]]:
        return [
            (f"{type(n).__name__}#{n.id}", dict(n.styles.base._rules), sorted(n.classes))
            for n in screen.walk_children(with_self=True)
        ]

    app = app_for(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        first = styles(app.screen)
        app.stylesheet.update(app.screen)
        assert styles(app.screen) == first
        width_class = {"narrow": "-narrow", "medium": "-medium", "wide": "-wide"}
        expected = width_class["narrow" if size[0] < 100 else "medium" if size[0] < 140 else "wide"]
        assert expected in app.screen.classes


async def test_a_screen_shown_again_is_restyled_as_textual_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Back from help after the width changed, the explorer has its new width's class,
    and Textual's full restyle is skipped only the first time the screen is shown."""
    restyled: list[tuple[bool, bool]] = []  # as Textual asked, as the screen left it
    resume = ExplorerScreen.on_screen_resume

    def noting(self: ExplorerScreen, event: events.ScreenResume) -> None:
        asked = event.refresh_styles
        resume(self, event)
        restyled.append((asked, event.refresh_styles))

    monkeypatch.setattr(ExplorerScreen, "on_screen_resume", noting)
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExplorerScreen)
        assert "-wide" in screen.classes and "-narrow" not in screen.classes
        before = [dict(n.styles.base._rules) for n in screen.walk_children(with_self=True)]
        app.stylesheet.update(screen)
        assert [dict(n.styles.base._rules) for n in screen.walk_children(with_self=True)] == before
    assert restyled[0] == (True, False)  # pushed: each node was styled as mounted
    assert all(asked == left for asked, left in restyled[1:]) and len(restyled) == 2


def test_breakpoint_classes_turn_on_the_widest_reached() -> None:
    points = ExplorerScreen.HORIZONTAL_BREAKPOINTS
    assert breakpoint_classes(points, 80) == {"-narrow": True, "-medium": False, "-wide": False}
    assert breakpoint_classes(points, 100) == {"-narrow": False, "-medium": True, "-wide": False}
    assert breakpoint_classes(points, 139) == {"-narrow": False, "-medium": True, "-wide": False}
    assert breakpoint_classes(points, 200) == {"-narrow": False, "-medium": False, "-wide": True}
    assert breakpoint_classes([(50, "-big")], 10) == {"-big": False}


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_the_timeline_has_the_focus_and_the_filters_are_not_scrolled(
    size: tuple[int, int],
) -> None:
    """No control takes the focus first: in view on wide screens, the filters (longer
    than the screen with the shipped data) would be scrolled down to it, past their
    "Search" heading."""
    app = make_app(ROOT / "data")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "timeline"
        assert app.screen.query_one("#filters").scroll_y == 0


def frames_shown(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The batch count as each frame is handed over to be shown, from now on."""
    frames: list[int] = []
    display = App._display

    def noting(self: App[object], screen: Screen[object], renderable: object) -> None:
        if renderable is not None:
            frames.append(self._batch_count)
        display(self, screen, renderable)  # type: ignore[arg-type]

    monkeypatch.setattr(App, "_display", noting)
    return frames


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_no_frame_is_drawn_to_be_dropped_during_the_start(
    tmp_path: Path, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual starts the app in a batch of updates, and drops a frame drawn in it:
    the explorer's first frame is drawn once, after the batch, and shows the timeline."""
    frames = frames_shown(monkeypatch)
    app = app_for(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert frames and all(count == 0 for count in frames)
        assert screen_text(app).count("\n") >= size[1] - 1
        assert visible_rows(app.screen.query_one("#timeline"))


def test_textual_drops_a_frame_drawn_in_a_batch() -> None:
    """What `PromptFrames` works around: re-check it when Textual is upgraded."""
    source = inspect.getsource(App._display)
    assert "if self._batch_count:\n                return" in source
    assert "app._display(" in inspect.getsource(Screen._compositor_refresh)


async def test_a_frame_asked_for_during_a_batch_is_drawn_once_it_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing else need wake the screen: the frame left to the batch's end is drawn."""
    frames = frames_shown(monkeypatch)
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        frames.clear()
        app._begin_batch()
        screen.query_one("#status").refresh()
        screen.call_later(screen._compositor_refresh)  # as Textual's layout does in a batch
        await asyncio.sleep(0.1)
        assert frames == []
        app._end_batch()
        await asyncio.sleep(0.3)  # not `pilot.pause()`, which draws a frame itself
        assert frames == [0]


def slow_update_timer(screen: Screen[object]) -> None:
    """Make `screen`'s update timer tick only after ten seconds: a frame drawn
    sooner was not drawn by it."""
    screen._update_timer.stop()
    screen._Screen__update_timer = screen.set_interval(  # type: ignore[attr-defined]
        10, screen._on_timer_update, name="screen_update", pause=True
    )


@asynccontextmanager
async def slow_timer_explorer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[Screen[object], list[int]]]:
    """A settled explorer whose update timer ticks only after ten seconds, its
    screen and the frames shown from a frame's period after it settled."""
    frames = frames_shown(monkeypatch)
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        slow_update_timer(app.screen)
        await asyncio.sleep(0.05)  # longer than a frame's period since the last
        frames.clear()
        yield app.screen, frames


async def test_a_frame_due_is_drawn_at_once_not_at_the_update_timers_next_tick(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with slow_timer_explorer(tmp_path, monkeypatch) as (screen, frames):
        screen.query_one("#status").refresh()
        await asyncio.sleep(0.1)  # not `pilot.pause()`, which draws a frame itself
        assert frames == [0]


async def test_frames_are_never_drawn_more_often_than_the_update_timer_allows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A frame wanted less than a period after the last is left to the timer."""
    async with slow_timer_explorer(tmp_path, monkeypatch) as (screen, frames):
        monkeypatch.setattr(frames_module, "UPDATE_PERIOD", 60.0)
        screen.query_one("#status").refresh()
        await asyncio.sleep(0.1)
        assert frames == []
        monkeypatch.setattr(frames_module, "UPDATE_PERIOD", 0.0)
        screen.query_one("#status").refresh()
        await asyncio.sleep(0.1)
        assert frames == [0]


async def test_a_layout_is_left_to_the_update_timer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only repaints are drawn sooner: widgets a layout shows take their sizes from
    the events it sends, in the order Textual times them."""
    async with slow_timer_explorer(tmp_path, monkeypatch) as (screen, frames):
        screen.query_one("#status").refresh(layout=True)
        await asyncio.sleep(0.1)
        assert frames == []
        assert screen._layout_required


def test_textual_leaves_a_wanted_frame_to_its_update_timer() -> None:
    """What `PromptFrames._on_idle` does sooner: re-check it when Textual is upgraded."""
    source = inspect.getsource(Screen._on_idle)
    assert "self._update_timer.resume()" in source
    for flag in ("_layout_required", "_scroll_required", "_repaint_required",
                 "_recompose_required", "_dirty_widgets"):
        assert flag in source
    assert "self._update_timer.pause()" in inspect.getsource(Screen._on_timer_update)


async def test_the_collection_due_runs_a_little_after_a_frame_not_in_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A frame drawn, then `COLLECT_DELAY` later the collection due; none while a
    frame is wanted (a key's panes not drawn yet), and none inside the frame."""
    runs: list[tuple[float, bool]] = []
    monkeypatch.setattr(frames_module, "COLLECT_DELAY", 0.2)
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExplorerScreen)
        monkeypatch.setattr(frames_module, "collect_when_idle",
                            lambda: runs.append((monotonic(), screen._frame_wanted())))
        await asyncio.sleep(0.3)  # any timer armed by the start has run
        runs.clear()
        await pilot.press("j")
        drawn = screen._last_frame
        await asyncio.sleep(0.1)
        assert runs == []  # not yet: the frame just drawn is on its way to the terminal
        await asyncio.sleep(0.3)
        assert len(runs) == 1 and runs[0][0] - drawn >= 0.15 and runs[0][1] is False
        # Frames after the one that armed the timer: the delay counts from the last. (A
        # longer delay here: on a loaded machine a key's frame can take a tenth of a
        # second, and the second key must come within the first's delay.)
        monkeypatch.setattr(frames_module, "COLLECT_DELAY", 0.6)
        runs.clear()
        await pilot.press("j")
        first = screen._last_frame
        await asyncio.sleep(0.12)
        await pilot.press("j")
        last = screen._last_frame
        assert last - first < 0.6  # the second frame came within the first's delay
        await asyncio.sleep(1.0)
        assert len(runs) == 1 and runs[0][0] - last >= 0.55
        monkeypatch.setattr(frames_module, "COLLECT_DELAY", 0.2)
        # Something to draw when the delay ends: left to the next frame's delay.
        runs.clear()
        before = screen._last_frame
        await pilot.press("j")
        await asyncio.sleep(0.05)
        assert screen._last_frame > before  # drawn, so a collection is on its way
        slow_update_timer(screen)
        monkeypatch.setattr(screen, "_only_repaint_wanted", lambda: False)  # not drawn
        screen.query_one("#status").refresh()
        await asyncio.sleep(0.4)
        assert runs == []


@pytest.mark.parametrize(("key", "control"), [("f", "actors"), ("a", "actors")])
async def test_a_filter_key_keeps_the_search_box_in_sight_where_the_list_fits(
    key: str, control: str
) -> None:
    """A trial at 160×48: `f` scrolled the panel so the actor list was at its top, the
    "Search" heading and box above it out of sight, though the list fitted below them."""
    app = make_app(ROOT / "data")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        await pilot.pause()
        panel = app.screen.query_one("#filters")
        assert app.focused is not None and app.focused.id == control
        assert panel.scroll_y == 0
