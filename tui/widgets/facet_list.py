"""A filter list whose chosen items read `[x]` and the others `[ ]`, colour or not.

The highlighted item of the focused list carries a `▶`.

`FacetList` is a Line-API `ScrollView` like the timeline: it keeps the values,
their labels and their counts in plain lists and draws only the lines in view,
from an LRU cache of strips. New counts (every filter keystroke) replace a list
of ints and repaint the visible lines; nothing is measured or built per item,
so 2,000 actors cost what 20 do. A list can be given a counter instead of the
counts (`set_counter`): only the items drawn are counted, when drawn. Textual's
`SelectionList` rebuilt and re-measured every option on each prompt change, and
showed `▐X▌` for chosen and unchosen items alike, telling them apart by colour
alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import ClassVar, NamedTuple

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.safetext import visible
from tui.widgets.keys import move_bindings
from tui.widgets.styles import LineStyles, foreground_style
from tui.widgets.timeline_rows import ellipsize
from tui.widgets.virtual import set_virtual_size

CHOSEN = "[x] "
NOT_CHOSEN = "[ ] "
CURSOR = "▶"  # the highlighted item of the focused list, readable without colour
# The count of an item not counted yet (the filters are still being made ready):
# the item is shown without a number rather than with a wrong 0.
UNCOUNTED = -1
# The count of an item its counter has not been asked for yet (`set_counter`).
UNASKED = -2


class FacetOption(NamedTuple):
    """One item as shown: its value and its text (`label count`)."""

    value: str
    prompt: Text


@dataclass(eq=False)  # each message is distinct: compared and hashed by identity
class FacetMessage(Message):
    """A message from a `FacetList`."""

    facet_list: FacetList
    """The list that sent the message."""

    @property
    def control(self) -> FacetList:
        """The widget that sent the message (an alias of `facet_list`)."""
        return self.facet_list


class FacetList(LineStyles, ScrollView, can_focus=True):
    """Facet values with counts, marked `[x]`/`[ ]`; Space or Enter toggles."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *move_bindings("facet", space=False),
        Binding("space,enter", "select", "Choose",
                tooltip="Or unchoose; Space does not page here", id="facet.toggle"),
    ]

    COMPONENT_CLASSES = {
        "facet--chosen",
        "facet--count",
        "facet--empty",
        "facet--highlight",
        "facet--highlight-blurred",
    }

    DEFAULT_CSS = """
    FacetList {
        height: auto;
        max-height: 14;
        overflow-x: hidden;
        overflow-y: auto;
        background: $surface;
        & > .facet--chosen { text-style: bold; }
        & > .facet--count { text-style: bold; }
        & > .facet--empty { color: $text-muted; }
        & > .facet--highlight {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        & > .facet--highlight-blurred { background: $block-cursor-blurred-background; }
    }
    """

    class Changed(FacetMessage):
        """The chosen values changed; `selected` lists them in the list's order."""

        @property
        def selected(self) -> list[str]:
            """The chosen values."""
            return self.facet_list.selected

    def __init__(
        self,
        items: Iterable[tuple[str, str]] = (),
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        owner_paints_choices: bool = False,
    ) -> None:
        """`items` are (value, label) pairs, in the order shown.

        With `owner_paints_choices`, a reader's toggle is drawn when the owner calls
        `paint_choices`, not at once: the owner draws it with what the choice
        changed elsewhere (the filtered timeline), in one frame instead of two.
        """
        super().__init__(name=name, id=id, classes=classes)
        self.owner_paints_choices = owner_paints_choices
        self._choice_unpainted = False
        self.values: list[str] = []
        self.labels: list[str] = []
        self._counts: list[int] = []
        self._counter: Callable[[str], int] | None = None
        self._position: dict[str, int] = {}
        self._chosen: set[str] = set()
        self._highlighted: int | None = None
        self._cache: LRUCache[tuple[object, ...], Strip] = LRUCache(256)
        self._styles: tuple[Style, ...] | None = None
        self.add_items(items)

    # --- the items -----------------------------------------------------------------

    @property
    def option_count(self) -> int:
        """How many items the list has."""
        return len(self.values)

    def add_items(self, items: Iterable[tuple[str, str]]) -> None:
        """Append (value, label) items, shown without a count until `set_counts`."""
        for value, label in items:
            self._position[value] = len(self.values)
            self.values.append(value)
            self.labels.append(visible(label))
            self._counts.append(UNCOUNTED)
        if self._highlighted is None and self.values:
            self._highlighted = 0
        self._changed_lines(layout=True)

    def set_items(self, items: Iterable[tuple[str, str]]) -> None:
        """Replace the items (a reload): the values still listed stay chosen, the
        highlight stays on its value if it is still listed, and nothing is counted.

        Posts no `Changed`: the owner says what is chosen next.
        """
        highlighted = self._highlighted
        value = self.values[highlighted] if highlighted is not None else None
        self.values, self.labels, self._counts, self._position = [], [], [], {}
        self._counter = None  # it counted for the items replaced (and holds their index)
        self._highlighted = None
        self.add_items(items)
        self._chosen &= self._position.keys()
        if value in self._position:
            self.highlighted = self._position[value]
        elif highlighted is not None:
            self.highlighted = highlighted  # clamped to the new list

    def set_counts(self, counts: Mapping[str, int]) -> None:
        """Show `counts` (by value; a value missing counts 0); repaints only if one changed."""
        new = [counts.get(value, 0) for value in self.values]
        self._counter = None
        if new != self._counts:
            self._counts = new
            self._changed_lines()

    def set_counter(self, counter: Callable[[str], int]) -> None:
        """Show the counts `counter` gives (value → count), each asked for when its item
        is drawn; repaints only if an item in view changed."""
        old = self._counts
        self._counter = counter
        self._counts = [UNASKED] * len(self.values)
        top = round(self.scroll_offset.y)
        in_view = range(top, min(len(self.values), top + self.scrollable_content_region.height))
        if any(self.count_at(index) != old[index] for index in in_view):
            self._changed_lines()

    def count_at(self, index: int) -> int:
        """The count shown for the item at `index` (`UNCOUNTED` before any count)."""
        count = self._counts[index]
        if count == UNASKED:
            assert self._counter is not None
            count = self._counts[index] = self._counter(self.values[index])
        return count

    @property
    def counts(self) -> list[int]:
        """The count of every item, in order (`UNCOUNTED` before any count)."""
        return list(map(self.count_at, range(len(self.values))))

    def label_of(self, value: str) -> str:
        """The label shown for `value`."""
        return self.labels[self._position[value]]

    def get_option_at_index(self, index: int) -> FacetOption:
        """The item at `index`, with its text as shown (`label count`)."""
        count = self.count_at(index)
        text = self.labels[index] if count == UNCOUNTED else f"{self.labels[index]} {count}"
        return FacetOption(self.values[index], Text(text))

    # --- choosing ------------------------------------------------------------------

    @property
    def selected(self) -> list[str]:
        """The chosen values, in the list's order."""
        return [v for v in self.values if v in self._chosen]

    def select(self, value: str) -> None:
        """Choose `value` (an unknown value is ignored)."""
        if value in self._position and value not in self._chosen:
            self._chosen.add(value)
            self._chosen_changed()

    def deselect(self, value: str) -> None:
        """Unchoose `value`."""
        if value in self._chosen:
            self._chosen.discard(value)
            self._chosen_changed()

    def toggle(self, value: str) -> None:
        """Choose `value`, or unchoose it if it was chosen."""
        self._toggle(value, now=True)

    def deselect_all(self) -> None:
        """Unchoose everything."""
        if self._chosen:
            self._chosen.clear()
            self._chosen_changed()

    def _toggle(self, value: str, *, now: bool) -> None:
        if value in self._chosen:
            self._chosen.discard(value)
        elif value in self._position:
            self._chosen.add(value)
        else:
            return
        self._chosen_changed(now=now)

    def _chosen_changed(self, *, now: bool = True) -> None:
        """Post `Changed`; draw the marks `now`, or leave them to `paint_choices`."""
        if now:
            self._changed_lines()
        else:
            self._choice_unpainted = True
        self.post_message(self.Changed(self))

    def action_select(self) -> None:
        """Toggle the highlighted item (drawn now, or by the owner: `paint_choices`)."""
        if self._highlighted is not None:
            self._toggle(self.values[self._highlighted], now=not self.owner_paints_choices)

    def paint_choices(self) -> None:
        """Draw a reader's toggle not drawn yet (see `owner_paints_choices`)."""
        if self._choice_unpainted:
            self._choice_unpainted = False
            self._changed_lines()

    # --- the highlight -------------------------------------------------------------

    @property
    def highlighted(self) -> int | None:
        """The index of the highlighted item (None: the list is empty)."""
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        if index is not None:
            index = max(0, min(index, len(self.values) - 1)) if self.values else None
        if index == self._highlighted:
            return
        old, self._highlighted = self._highlighted, index
        for line in (old, index):
            if line is not None:
                self.refresh_line(line)
        if index is not None:
            self._scroll_to_line(index)

    def _scroll_to_line(self, index: int) -> None:
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_offset.y)
        if index < top:
            self.scroll_to(y=index, animate=False, immediate=True, force=True)
        elif index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False, immediate=True, force=True)

    def _move_by(self, step: int) -> None:
        if self.values:
            current = self._highlighted if self._highlighted is not None else 0
            self.highlighted = current + step

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height)

    def action_cursor_up(self) -> None:
        """Highlight the item above."""
        self._move_by(-1)

    def action_cursor_down(self) -> None:
        """Highlight the item below."""
        self._move_by(1)

    def action_first(self) -> None:
        """Highlight the first item."""
        self.highlighted = 0

    def action_last(self) -> None:
        """Highlight the last item."""
        self.highlighted = len(self.values) - 1

    def action_page_up(self) -> None:
        """Move the highlight up a page."""
        self._move_by(-self._page())

    def action_page_down(self) -> None:
        """Move the highlight down a page."""
        self._move_by(self._page())

    def action_half_page_up(self) -> None:
        """Move the highlight up half a page."""
        self._move_by(-max(1, self._page() // 2))

    def action_half_page_down(self) -> None:
        """Move the highlight down half a page."""
        self._move_by(max(1, self._page() // 2))

    def on_click(self, event: events.Click) -> None:
        """Highlight the clicked item and toggle it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = offset.y + round(self.scroll_offset.y)
        if 0 <= index < len(self.values):
            self.highlighted = index
            self.toggle(self.values[index])

    def on_focus(self) -> None:
        """Draw the cursor mark."""
        self._changed_lines()

    def on_blur(self) -> None:
        """Remove the cursor mark."""
        self._changed_lines()

    # --- drawing -------------------------------------------------------------------

    def _changed_lines(self, *, layout: bool = False) -> None:
        """Forget the drawn lines and repaint (with `layout`: the number of items changed)."""
        self._choice_unpainted = False  # every line is drawn afresh, the toggle with them
        self._cache.clear()
        if layout:
            set_virtual_size(self, Size(0, len(self.values)))
        self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One line per item."""
        return len(self.values)

    def notify_style_update(self) -> None:
        """The theme or CSS changed: the drawn lines hold the old styles."""
        super().notify_style_update()
        self._styles = None
        self._cache.clear()

    def count_styles(self) -> tuple[Style, Style]:
        """The styles of a count and of an item counting 0 (from the component classes)."""
        styles = self._item_styles()
        return styles[1], styles[2]

    def _item_styles(self) -> tuple[Style, ...]:
        if self._styles is None:
            self._styles = (
                self.get_component_rich_style("facet--chosen", partial=True),
                foreground_style(self, "facet--count"),
                foreground_style(self, "facet--empty"),
                self.get_component_rich_style("facet--highlight"),
                self.get_component_rich_style("facet--highlight-blurred"),
            )
        return self._styles

    def render_line(self, y: int) -> Strip:
        """The `y`-th visible line: cursor, mark, label and count (cached)."""
        base, width = self.line_base()
        index = y + round(self.scroll_offset.y)
        if not 0 <= index < len(self.values):
            return Strip.blank(width, base)
        value = self.values[index]
        chosen = value in self._chosen
        lit = index == self._highlighted
        key = (index, width, chosen, lit, lit and self.has_focus, self.count_at(index))
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_item(index, width, chosen, lit, base)
            self._cache[key] = strip
        return strip

    def _render_item(
        self, index: int, width: int, chosen: bool, lit: bool, style: Style
    ) -> Strip:
        bold, count_style, empty_style, highlight, blurred = self._item_styles()
        if lit:
            style += highlight if self.has_focus else blurred
        count = self.count_at(index)
        mark = (CURSOR if lit and self.has_focus else " ") + (CHOSEN if chosen else NOT_CHOSEN)
        tail = "" if count == UNCOUNTED else f" {count}"
        room = max(0, width - len(mark) - len(tail))
        label = ellipsize(self.labels[index], room)
        text_style = style + bold if chosen else style
        if count == 0:
            text_style += empty_style
            count_style = empty_style
        segments = [
            Segment(mark, text_style),
            Segment(label, text_style),
            Segment(tail, text_style + count_style),
        ]
        return Strip(segments).crop_extend(0, width, style)
