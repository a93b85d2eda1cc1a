"""The search box: its scrollable width changes in steps, so a letter typed does
not lay the screen out, and a text wider than the box still scrolls to the cursor."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen

from tests.app_helpers import app_for, settle
from tui.widgets.search_box import GROWTH, SearchBox


class BoxApp(App[None]):
    """A search box with room for 20 columns of text (26 with its border and padding)."""

    CSS = "SearchBox { width: 26; }"

    def compose(self) -> ComposeResult:
        yield SearchBox(id="box")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 20),  # empty: the box's own width
        ("korea", 20),  # fits: the box's own width
        ("x" * 19, 20),  # fits with the cursor after it
        ("x" * 20, 20 + GROWTH),  # the cursor no longer fits: one step more
        ("x" * (19 + GROWTH), 20 + GROWTH),
        ("x" * (20 + GROWTH), 20 + 2 * GROWTH),
    ],
)
async def test_the_scrollable_width_grows_in_steps(text: str, expected: int) -> None:
    async with BoxApp().run_test(size=(40, 5)) as pilot:
        box = pilot.app.query_one(SearchBox)
        assert box.scrollable_content_region.width == 20
        assert box.virtual_size.width == 20  # given when it was laid out
        box.value = text
        await pilot.pause()
        assert box.content_width == expected
        assert box.virtual_size.width == expected


async def test_a_long_text_scrolls_to_the_cursor() -> None:
    async with BoxApp().run_test(size=(40, 5)) as pilot:
        box = pilot.app.query_one(SearchBox)
        box.focus()
        await pilot.press(*"abcdefghij" * 3)
        assert box.value == "abcdefghij" * 3
        region = box.content_region
        assert box.scroll_offset.x > 0
        assert region.x <= box.cursor_screen_offset.x < region.right
        await pilot.press("home")
        assert box.scroll_offset.x == 0


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
