"""The search box: its scrollable width stays the box's while the text fits, so a
letter typed does not lay the screen out; it shows and scrolls what it holds as
Textual's `Input` does."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Input

from tests.app_helpers import app_for, settle, type_ahead
from tui.widgets.search_box import SearchBox


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
