"""One keyboard for every list and scrollable pane: the moving keys and their actions.

Every list (the timeline, the filter lists) and every pane that scrolls (the
event, the source, the help) takes the same keys — those of less and vim —
for the same eight actions. `move_bindings` builds them with ids per widget;
`ScrollKeys` gives a scrolling container those actions. `typed_ahead` waits for
a text box to take the keys typed into it so far (a key bound with priority, such
as Enter, is handled before them).
"""

from __future__ import annotations

import asyncio
from contextlib import suppress

from textual.binding import Binding, BindingType
from textual.widgets import Input

# (keys, action, description, id suffix): the description says what happens in a list.
MOVES: tuple[tuple[str, str, str, str], ...] = (
    ("up,k", "cursor_up", "Up one line", "up"),
    ("down,j", "cursor_down", "Down one line", "down"),
    ("home,g", "first", "To the top", "first"),
    ("end,G", "last", "To the bottom", "last"),
    ("pageup,b,ctrl+b", "page_up", "Up one page", "page_up"),
    ("pagedown,space,ctrl+f", "page_down", "Down one page", "page_down"),
    ("ctrl+u", "half_page_up", "Up half a page", "half_up"),
    ("ctrl+d", "half_page_down", "Down half a page", "half_down"),
)

MOVE_ACTIONS = frozenset(action for _keys, action, _description, _id in MOVES)


def move_bindings(scope: str, *, space: bool = True) -> list[BindingType]:
    """The moving keys with ids `scope.up`, `scope.down`, …

    Without `space`, Space is left to the widget (a filter list toggles with it).
    """
    out: list[BindingType] = []
    for keys, action, description, suffix in MOVES:
        if not space:
            keys = ",".join(k for k in keys.split(",") if k != "space")
        out.append(Binding(keys, action, description, show=False, id=f"{scope}.{suffix}"))
    return out


class ScrollKeys:
    """The moving actions for a scrolling widget (a `ScrollableContainer` or `ScrollView`)."""

    def _page_height(self) -> int:
        height: int = self.scrollable_content_region.height  # type: ignore[attr-defined]
        return max(1, height)

    def action_cursor_up(self) -> None:
        """Scroll up one line."""
        self.scroll_relative(y=-1, animate=False)  # type: ignore[attr-defined]

    def action_cursor_down(self) -> None:
        """Scroll down one line."""
        self.scroll_relative(y=1, animate=False)  # type: ignore[attr-defined]

    def action_first(self) -> None:
        """Scroll to the top."""
        self.scroll_home(animate=False)  # type: ignore[attr-defined]

    def action_last(self) -> None:
        """Scroll to the bottom."""
        self.scroll_end(animate=False)  # type: ignore[attr-defined]

    def action_page_up(self) -> None:
        """Scroll up one page."""
        self.scroll_relative(y=-self._page_height(), animate=False)  # type: ignore[attr-defined]

    def action_page_down(self) -> None:
        """Scroll down one page."""
        self.scroll_relative(y=self._page_height(), animate=False)  # type: ignore[attr-defined]

    def action_half_page_up(self) -> None:
        """Scroll up half a page."""
        self.scroll_relative(  # type: ignore[attr-defined]
            y=-max(1, self._page_height() // 2), animate=False
        )

    def action_half_page_down(self) -> None:
        """Scroll down half a page."""
        self.scroll_relative(  # type: ignore[attr-defined]
            y=max(1, self._page_height() // 2), animate=False
        )


async def typed_ahead(box: Input) -> str:
    """The box's text once the keys typed before this moment are in it.

    The box handles its keys in its own queue; this waits (briefly) for it, so
    Enter pressed right after typing commits every letter.
    """
    done = asyncio.Event()
    box.call_later(done.set)
    with suppress(TimeoutError):
        await asyncio.wait_for(done.wait(), timeout=1.0)
    return box.value
