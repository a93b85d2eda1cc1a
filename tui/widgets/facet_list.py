"""A filter list whose chosen items read `[x]` and the others `[ ]`, colour or not.

The highlighted item of the focused list carries a `▶`.

Textual's `SelectionList` shows the same `▐X▌` for chosen and unchosen items and
tells them apart by colour alone; `FacetList` draws a mark a reader sees without
colour, and takes the keys every other list takes (`j`/`k`, `g`/`G`, …).
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from textual.binding import Binding, BindingType
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.option_list import OptionDoesNotExist

from tui.widgets.keys import move_bindings

CHOSEN = "[x] "
NOT_CHOSEN = "[ ] "
CURSOR = "▶"  # the highlighted item of the focused list, readable without colour


class FacetList(SelectionList[str]):
    """A `SelectionList` of facet values, marked `[x]`/`[ ]`; Space or Enter toggles."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *move_bindings("facet", space=False),
        Binding("space,enter", "select", "Choose / unchoose (Space does not page here)",
                show=False, id="facet.toggle"),
    ]

    COMPONENT_CLASSES = {"facet--chosen"}

    DEFAULT_CSS = """
    FacetList > .facet--chosen { text-style: bold; }
    """

    def _get_left_gutter_width(self) -> int:
        return len(CURSOR + CHOSEN)

    def render_line(self, y: int) -> Strip:
        """The option's prompt after a `[x]` or `[ ]` mark."""
        line = super(SelectionList, self).render_line(y)  # the prompt, without Textual's button
        index = round(self.scroll_offset.y) + y
        try:
            option = self.get_option_at_index(index)
        except OptionDoesNotExist:
            return line
        chosen = option.value in self._selected
        base = (next(iter(line)).style if line.cell_length else None) or self.rich_style
        cursor = CURSOR if self.has_focus and self.highlighted == index else " "
        if chosen:
            base += self.get_component_rich_style("facet--chosen", partial=True)
        mark = Segment(cursor + (CHOSEN if chosen else NOT_CHOSEN), base)
        return Strip([mark, *line])

    def on_focus(self) -> None:
        """Draw the cursor mark."""
        self.refresh()

    def on_blur(self) -> None:
        """Remove the cursor mark."""
        self.refresh()

    def action_half_page_up(self) -> None:
        """Move the highlight up half a page."""
        self._move_by(-max(1, self.scrollable_content_region.height // 2))

    def action_half_page_down(self) -> None:
        """Move the highlight down half a page."""
        self._move_by(max(1, self.scrollable_content_region.height // 2))

    def _move_by(self, step: int) -> None:
        if self.option_count:
            current = self.highlighted if self.highlighted is not None else 0
            self.highlighted = max(0, min(self.option_count - 1, current + step))
