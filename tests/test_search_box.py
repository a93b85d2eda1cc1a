"""The search box: its scrollable width stays the box's while the text fits, so a
letter typed does not lay the screen out; it shows and scrolls what it holds as
Textual's `Input` does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from tests.app_helpers import app_for, record_frames, settle, type_ahead
from tui.widgets.search_box import HOLD_LIMIT, SearchBox


class BoxesApp(App[None]):
    """A search box and a plain `Input` of the same size, 20 columns of text each."""

    CSS = "Input { width: 26; }"

    def compose(self) -> ComposeResult:
        yield SearchBox(id="box")
        yield Input(id="plain")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 20),  # empty: the box's own width
        ("korea", 20),  # fits: the box's own width
        ("x" * 19, 20),  # fits with the cursor after it
        ("x" * 20, 21),  # the cursor no longer fits: the text's width, as in `Input`
        ("x" * 50, 51),
    ],
)
async def test_the_scrollable_width_is_the_boxs_while_the_text_fits(
    text: str, expected: int
) -> None:
    async with BoxesApp().run_test(size=(40, 8)) as pilot:
        box = pilot.app.query_one(SearchBox)
        assert box.scrollable_content_region.width == 20
        assert box.virtual_size.width == 20  # given when it was laid out
        box.value = text
        await pilot.pause()
        assert box.content_width == expected
        assert box.virtual_size.width == expected


async def test_an_empty_box_keeps_its_width_under_a_wider_placeholder() -> None:
    # The first letter typed would otherwise change the scrollable width from the
    # placeholder's to the box's, and lay the screen out.
    async with BoxesApp().run_test(size=(40, 8)) as pilot:
        box = pilot.app.query_one(SearchBox)
        box.placeholder = "a placeholder wider than the box"
        box.value = ""
        await pilot.pause()
        assert box.content_width == 20
        box.value = "k"
        await pilot.pause()
        assert box.content_width == 20


KEYS = {
    "typed past the end": [*"abcdefghij" * 5],
    "then deleted back": [*"abcdefghij" * 5, *["backspace"] * 20],
    "deleted back until it fits": [*"abcdefghij" * 5, *["backspace"] * 35],
    "home and end": [*"abcdefghij" * 3, "home", "right", "right", "end", "left"],
    "typed in the middle": [*"abcdefghij" * 2, *["left"] * 8, *"XYZ" * 4],
}


@pytest.mark.parametrize("keys", KEYS.values(), ids=KEYS.keys())
async def test_it_shows_and_scrolls_what_input_would(keys: list[str]) -> None:
    async with BoxesApp().run_test(size=(40, 8)) as pilot:
        box, plain = pilot.app.query_one(SearchBox), pilot.app.query_one("#plain", Input)
        for widget in (box, plain):
            widget.focus()
            await pilot.press(*keys)
        assert box.value == plain.value
        assert box.cursor_position == plain.cursor_position
        assert box.scroll_offset == plain.scroll_offset
        region = box.content_region
        assert region.x <= box.cursor_screen_offset.x <= region.right  # (Input: in the padding)
        assert box.render_line(0).text.rstrip() == plain.render_line(0).text.rstrip()


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (160, 48)])
async def test_a_search_typed_ahead_of_the_layout_shows(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    # At drawer widths the box has no width until the drawer is laid out: the
    # letters typed before that must not be left scrolled out of sight.
    app = app_for(tmp_path)
    async with app.run_test(size=size) as pilot:
        await type_ahead(pilot, "/treaty")  # one burst, as a terminal delivers it
        await settle(pilot)
        box = app.screen.query_one("#search", SearchBox)
        assert box.value == "treaty"
        assert box.scroll_offset.x == 0
        assert box.render_line(0).text.strip().startswith("treaty")


async def test_letters_typed_in_the_search_lay_nothing_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layouts: list[int] = []
    refresh_layout = Screen._refresh_layout

    def counted(self: Screen[object], *args: object, **kwargs: object) -> None:
        layouts.append(1)
        refresh_layout(self, *args, **kwargs)  # type: ignore[arg-type]

    app = app_for(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await settle(pilot)
        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        await pilot.press(*"treaty")
        await settle(pilot)
        assert app.screen.query_one("#search", SearchBox).value == "treaty"
        assert layouts == []


class OwnedBoxApp(App[None]):
    """A search box whose owner paints its changes, as the filter panel does."""

    CSS = "SearchBox { width: 26; }"

    def compose(self) -> ComposeResult:
        yield SearchBox(id="box", owner_paints_typing=True)


def counting_repaints(monkeypatch: pytest.MonkeyPatch, box: SearchBox) -> list[int]:
    """One entry per repaint `box` asks Textual for (a held one is not asked)."""
    repaints: list[int] = []
    widget_refresh = Widget.refresh

    def counted(self: Widget, *args: Any, **kwargs: Any) -> Widget:
        if self is box:
            repaints.append(1)
        return widget_refresh(self, *args, **kwargs)

    monkeypatch.setattr(Widget, "refresh", counted)
    return repaints


def blinked_off(box: SearchBox) -> None:
    """The cursor hidden, as a blink leaves it, and no blink to come (the tests time it)."""
    box.cursor_blink = False
    box._cursor_visible = False


async def test_an_owned_box_draws_an_edit_when_the_owner_paints_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with OwnedBoxApp().run_test(size=(40, 8)) as pilot:
        box = pilot.app.query_one(SearchBox)
        box.focus()
        await settle(pilot)
        repaints = counting_repaints(monkeypatch, box)
        blinked_off(box)  # the key shows the cursor again, held too
        await pilot.pause()
        repaints.clear()
        await pilot.press("k")
        assert box.value == "k" and repaints == []  # held
        box.paint_typing()
        assert repaints == [1]
        box.paint_typing()  # nothing held: nothing drawn
        assert repaints == [1]
        await pilot.pause()
        repaints.clear()
        await pilot.press("home", "backspace")  # deletes nothing: not held
        assert box.value == "k" and repaints  # the cursor's move drawn at once
        assert not box._held


async def test_a_key_that_changes_nothing_still_shows_the_cursor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with OwnedBoxApp().run_test(size=(40, 8)) as pilot:
        box = pilot.app.query_one(SearchBox)
        box.focus()
        await pilot.press("k", "o")
        box.paint_typing()
        await settle(pilot)
        repaints = counting_repaints(monkeypatch, box)
        blinked_off(box)
        await pilot.pause()
        repaints.clear()
        await pilot.press("end")  # already at the end: the text and cursor stay
        await pilot.pause()
        assert box._cursor_visible and repaints  # drawn, without waiting for a blink
        assert not box._held


async def test_a_held_edit_is_drawn_after_the_limit_if_no_owner_paints_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with OwnedBoxApp().run_test(size=(40, 8)) as pilot:
        box = pilot.app.query_one(SearchBox)
        box.focus()
        box.cursor_blink = False
        await pilot.pause()
        repaints = counting_repaints(monkeypatch, box)
        await pilot.press("x")
        assert box._held and repaints == []
        await pilot.pause(HOLD_LIMIT + 0.2)
        assert not box._held and repaints


async def test_an_earlier_holds_limit_does_not_cut_a_later_one_short() -> None:
    async with OwnedBoxApp().run_test(size=(40, 8)) as pilot:
        box = pilot.app.query_one(SearchBox)
        box.focus()
        await pilot.press("a")
        box.paint_typing()  # painted by the owner: its limit must not fire later
        await pilot.pause(HOLD_LIMIT * 0.6)
        await pilot.press("b")
        await pilot.pause(HOLD_LIMIT * 0.6)  # past the first limit, within the second
        assert box._held
        box.paint_typing()
        assert not box._held


async def test_each_search_edit_is_drawn_in_one_frame_with_the_timeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The box used to be drawn in a frame of its own before the filter was worked
    # out: two frames per letter. The first letter (Input then moves the cursor to
    # the end), a deletion (Input repaints the cursor first) and a key pressed while
    # the cursor has blinked off each took a frame early.
    app = app_for(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await settle(pilot)
        box = app.screen.query_one("#search", SearchBox)
        frames = record_frames(monkeypatch)
        for key, value in [("k", "k"), ("o", "ko"), ("backspace", "k"), ("i", "ki"),
                           ("ctrl+u", "")]:
            blinked_off(box)
            await settle(pilot)
            frames.clear()
            await pilot.press(key)
            await settle(pilot)
            assert box.value == value
            drawing_box = [f for f in frames if "search" in f]
            assert len(drawing_box) == 1, (key, frames)
            assert frames[0] is drawing_box[0], (key, frames)
            assert {"timeline", "status"} <= drawing_box[0], (key, frames)
            assert app.screen.filter.search == value
