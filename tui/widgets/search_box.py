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
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input


class SearchBox(Input):
    """An `Input` whose scrollable width stays the box's while the text fits."""

    @property
    def content_width(self) -> int:
        """The box's width while the text (and the cursor after it) fits, else the
        text's width, as `Input` has it."""
        natural = super().content_width
        room = self.scrollable_content_region.width
        return room if 0 < natural <= room else natural

    def on_resize(self, event: events.Resize) -> None:
        """Laid out with a new width: the scrollable width follows it, quietly (the
        layout that resized the box is under way and places it anyway), and the
        scroll is kept within it."""
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        self.scroll_x = self.validate_scroll_x(self.scroll_x)
