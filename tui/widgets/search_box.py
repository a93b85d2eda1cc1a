"""The filter panel's search box: Textual's `Input`, without a layout per letter.

`Input` makes its scrollable width follow its text: every letter typed changes
that width, and a new width asks Textual to lay the whole screen out again
before the filtered timeline is drawn. A search of a few words fits the box,
and while it does, nothing needs laying out: here the scrollable width is the
box's own width whatever is typed, and beyond it grows in steps of `GROWTH`
columns, so only one letter in `GROWTH` asks for a layout. The text is drawn
and scrolled to the cursor as `Input` does it.

Before the box is first laid out it has no width: it takes its scrollable width
when it is given one (a resize, itself part of a layout), so the first letter
typed finds it already right.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input

GROWTH = 32
"""Columns the scrollable width grows by once the text is wider than the box."""


class SearchBox(Input):
    """An `Input` whose scrollable width changes in steps, not at every letter."""

    @property
    def content_width(self) -> int:
        """The box's width while the text (and the cursor after it) fits, else the
        text's width rounded up to a step of `GROWTH` beyond the box's."""
        natural = super().content_width
        room = self.scrollable_content_region.width
        if natural <= room:
            return room
        return room + -(-(natural - room) // GROWTH) * GROWTH

    def on_resize(self, event: events.Resize) -> None:
        """Laid out with a new width: the scrollable width follows it, quietly (the
        layout that resized the box is under way and places it anyway)."""
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
