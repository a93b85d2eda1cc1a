"""The filter panel's search box: Textual's `Input`, without a layout per letter.

`Input` makes its scrollable width follow its text: every letter typed changes
that width, and a new width asks Textual to lay the whole screen out again
before the filtered timeline is drawn. A search of a few words fits the box,
and while it does nothing needs laying out: here the scrollable width is the
box's own width whatever is typed. A text wider than the box has its own width,
as in `Input` (a layout per letter then, and the same scrolling to the cursor).

Before the box is first laid out it has no width, and letters typed ahead of
the layout (`/` then a word, at once) are scrolled as `Input` scrolls them.
When the box is given its width (a resize, itself part of a layout), its
scrollable width follows, quietly, and the scroll is brought back within it.

With `owner_paints_typing`, a letter typed is drawn by the owner, with the
timeline it filtered: the box holds its repaints from the edit until the owner
calls `paint_typing` (the filter panel does as the screen shows the new filter).
Otherwise the box would be drawn in a frame of its own, before the filter is
worked out, and the screen drawn twice per letter. This holds while the text
fits the box: past it, `Input` lays the box out and scrolls it with each letter,
and a layout draws the whole screen, the box with it.
"""

from __future__ import annotations

from typing import Any, Self

from textual import events
from textual.geometry import Region, Size
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input

from tui.widgets.line_input import LineInput

HOLD_LIMIT = 0.5
"""Seconds a change of text waits for the owner's paint at most (a safeguard: the
owner paints every change it is told of, within the keystroke's frame)."""

CURSOR_WAIT = 0.03
"""Seconds a key that shows the cursor again waits for an edit to draw it with."""


_THROUGH_THE_BOX = "_tui_through_search_box"


def came_through(event: events.Key | events.Paste) -> bool:
    """True if `event` was given to a search box (and came up from it unhandled)."""
    return getattr(event, _THROUGH_THE_BOX, False)


class SearchBox(LineInput):
    """An `Input` whose scrollable width stays the box's while the text fits, and
    whose changes of text are drawn when its owner says (`paint_typing`)."""

    owner_paints_typing = False  # (as `Input.__init__` sets the text)
    _held = False  # the text changed; repaints wait for `paint_typing`
    _release: Timer | None = None  # paints a hold no owner painted, after `HOLD_LIMIT`
    _cursor_owed = False  # a key showed the cursor again; no repaint has drawn it yet

    def __init__(self, *args: Any, owner_paints_typing: bool = False, **kwargs: Any) -> None:
        """`Input`'s arguments; with `owner_paints_typing`, a change of text is drawn
        when the owner calls `paint_typing`, not at once."""
        super().__init__(*args, **kwargs)
        self.owner_paints_typing = owner_paints_typing

    def replace(self, text: str, start: int, end: int) -> None:
        """Edit the text (every letter typed, deleted or pasted comes here), held from
        before the edit: `Input` repaints the cursor first, as the text changes."""
        before = self.value
        self._hold()
        super().replace(text, start, end)
        if self.value == before:
            self.paint_typing()  # nothing changed: no owner will paint it

    def _hold(self) -> None:
        if self.owner_paints_typing and self.is_mounted and not self._held:
            self._held = True
            self._release = self.set_timer(HOLD_LIMIT, self.paint_typing)

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        """Repaint, unless a change of text is held (a layout is never held)."""
        if self._held and not (layout or recompose):
            return self
        self._cursor_owed = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def paint_typing(self) -> None:
        """Draw the held change of text (nothing when none is held)."""
        if self._release is not None:
            self._release.stop()  # an older hold's limit must not cut a later one short
            self._release = None
        if self._held:
            self._held = False
            self.refresh()

    @property
    def content_width(self) -> int:
        """The box's width while the text (and the cursor after it) fits, or the box is
        empty (its placeholder is cut to the box); else the text's width, as `Input`
        has it."""
        natural = super().content_width
        room = self.scrollable_content_region.width
        return room if room > 0 and (natural <= room or not self.value) else natural

    def _restart_blink(self) -> None:
        """A key shows the cursor, drawn with what the key changes (a change of text
        is held: the cursor's own repaint would draw the box a frame early), or
        shortly after when the key changes nothing else (a key the app's bindings
        take, after it has left the box: nothing here says whether one will come)."""
        if not self._cursor_visible:
            self.set_reactive(Input._cursor_visible, True)
            self._cursor_owed = True
            self.set_timer(CURSOR_WAIT, self._draw_cursor)
        super()._restart_blink()

    def _draw_cursor(self) -> None:
        if self._cursor_owed and not self._held:
            self.refresh()

    def on_key(self, event: events.Key) -> None:
        """Mark each key that reaches the box, before `Input` handles it: the app tells
        keys the box was given from keys sent to another pane (`came_through`)."""
        setattr(event, _THROUGH_THE_BOX, True)

    def on_paste(self, event: events.Paste) -> None:
        """Mark each paste that reaches the box, as `on_key` marks keys."""
        setattr(event, _THROUGH_THE_BOX, True)

    def on_resize(self, event: events.Resize) -> None:
        """Laid out with a new width: the scrollable width follows it, quietly (the
        layout that resized the box is under way and places it anyway), and the
        scroll is kept within it."""
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        self.scroll_x = self.validate_scroll_x(self.scroll_x)
