"""The timeline pane: every event of the current filter, one line each.

`TimelineView` is a Line-API `ScrollView`: it keeps a row index (a list of ints:
an event's position in `Timeline.events`, or a year heading) and renders only
the rows in view, caching the rendered `Strip`s. A new filter builds a new row
index; no widget is ever created per event, so it scales to 100,000 events.
"""

from __future__ import annotations

import textwrap
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.dates import format_span, format_span_within
from tui.model import EXPECTED, Timeline
from tui.safetext import visible
from tui.widgets.keys import move_bindings
from tui.widgets.styles import LineStyles
from tui.widgets.timeline_rows import (
    MIN_DATE_WIDTH,
    build_rows,
    date_cell_width,
    date_column_width,
    row_of_index,
    row_text,
    year_runs,
)
from tui.widgets.virtual import set_virtual_size

SAMPLE_EVENTS = 4096  # the date column's width is measured on at most ~this many labels
CURSOR_MARK = "▶ "  # the selected row, readable without colour
NO_MARK = "  "
EMPTY_MESSAGE = ("No event matches the filters.", "Press c to clear them.")
# A timeline with no event at all (a folder just started): how to add the first.
NO_EVENTS_MESSAGE = (
    "No events yet.",
    "Open an article (Ctrl+P: Open article), select its words and press t.",
)
ROW_CHARS = 500  # characters of a title or actor list kept for a one-line row


def _wrapped(paragraphs: tuple[str, ...], width: int) -> list[str]:
    """`paragraphs` wrapped to `width` cells, a line each at least, so that a narrow
    pane shows a whole hint rather than its first words."""
    return [line for text in paragraphs for line in textwrap.wrap(text, max(width, 10)) or [""]]


@dataclass(eq=False)  # each message is distinct: compared and hashed by identity
class EventMessage(Message):
    """A message from a `TimelineView` about the event `event_id`."""

    timeline_view: TimelineView
    """The timeline that sent the message."""
    event_id: str
    """The event the message is about."""

    @property
    def control(self) -> TimelineView:
        """The widget that sent the message (an alias of `timeline_view`)."""
        return self.timeline_view


class TimelineView(LineStyles, ScrollView, can_focus=True):
    """A scrolling list of events with year headings and a selection cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *move_bindings("timeline"),
        Binding("enter", "open", "Source", id="timeline.open"),
    ]

    COMPONENT_CLASSES = {
        "timeline--heading",
        "timeline--date",
        "timeline--actors",
        "timeline--cursor",
        "timeline--cursor-blurred",
        "timeline--empty",
    }

    DEFAULT_CSS = """
    TimelineView {
        overflow-x: hidden;
        overflow-y: scroll;  /* the bar stays in place, blank when all fits: no layout */
        & > .timeline--heading { color: $accent; text-style: bold; }
        & > .timeline--date { color: $text-muted; }
        & > .timeline--actors { color: $text-muted; text-style: italic; }
        & > .timeline--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
        & > .timeline--cursor-blurred { background: $block-cursor-blurred-background; }
        & > .timeline--empty { color: $warning; text-style: italic; }
    }
    """

    class Selected(EventMessage):
        """The selection moved to the event `event_id`."""

    class Opened(EventMessage):
        """Enter (or a click on the selected row) asked to open the event's source."""

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.timeline: Timeline | None = None
        self.rows: list[int] = []
        self.positions: tuple[int, ...] = ()
        self._heading_at: list[int] = []
        self._year_runs: list[int] = []  # where each run of one year starts in the timeline
        self.cursor: int | None = None  # index into rows (always an event row)
        self._center_when_laid_out = False  # centred on the cursor before the first layout
        # Drawn rows by what they show (an event's position, or a year heading's
        # negated year), not by row: a filter that keeps an event in view reuses its
        # line wherever the event now lies (typing a search draws only the events
        # that come into view).
        self._cache: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)
        self._labels: dict[int, tuple[str, str, str]] = {}
        self.date_width = MIN_DATE_WIDTH

    # --- what to show -------------------------------------------------------------

    def set_timeline(self, timeline: Timeline) -> None:
        """Use `timeline`; call `show` afterwards with the positions to list."""
        self.timeline = timeline
        self.rows, self.positions, self.cursor = [], (), None  # rows of the old timeline
        self._labels.clear()
        self._cache.clear()
        self._year_runs = year_runs(timeline.start_years)
        # The date column's width, from the labels of at most ~4,000 events spread
        # over the timeline (a rarer, longer label is shown coarser: `_render_row`).
        events = timeline.events
        step = max(1, len(events) // SAMPLE_EVENTS)
        labels = [visible(format_span(e.span)) for e in events[::step]]
        self.date_width = max(MIN_DATE_WIDTH, date_column_width(labels))

    def show(self, positions: Sequence[int], *, keep: str | None = None) -> None:
        """List the events at `positions` (ascending); keep the event `keep` selected.

        When `keep` is filtered out, the next event after it in time is selected.
        """
        assert self.timeline is not None
        was = self.selected_event_id
        previous = was if keep is None else keep
        self.positions = tuple(positions)
        had_rows = bool(self.rows)
        self.rows, self._heading_at = build_rows(
            self.timeline.start_years, self.positions, self._year_runs
        )
        if bool(self.rows) != had_rows:
            self.refresh_bindings()  # Enter appears or goes with the listed events
        set_virtual_size(self, Size(0, len(self.rows)))
        self.cursor = None
        target: int | None = None
        if self.positions:
            if previous is not None and previous in self.timeline.event_by_id:
                pos = self.position_of(previous)
                at = bisect_left(self.positions, pos)
                target = self.positions[min(at, len(self.positions) - 1)]
            else:
                target = self.positions[0]
        self.refresh()
        if target is not None:
            changed = self.timeline.events[target].id != was
            # An event asked for before any was shown (`--event`) is centred, as
            # `select_event` centres one; a kept one moves the view only as needed.
            first = was is None and keep is not None
            self._move_to(self._row_of(target), force=True, notify=changed, center=first)

    def position_of(self, event_id: str) -> int:
        """Position of `event_id` in `Timeline.events`."""
        assert self.timeline is not None
        return self.timeline.position_of(event_id)

    @property
    def selected_event_id(self) -> str | None:
        """The id of the selected event, or None when nothing is listed."""
        if self.timeline is None or self.cursor is None or not self.rows:
            return None
        return self.timeline.events[self.rows[self.cursor]].id

    def row_of_event(self, event_id: str) -> int | None:
        """The row showing `event_id`, or None when the filter hides it."""
        if self.timeline is None or event_id not in self.timeline.event_by_id:
            return None
        pos = self.position_of(event_id)
        at = bisect_left(self.positions, pos)
        if at == len(self.positions) or self.positions[at] != pos:
            return None
        return self._row_of(pos)

    def _row_of(self, pos: int) -> int:
        """The row of the listed position `pos`."""
        return row_of_index(self._heading_at, bisect_left(self.positions, pos))

    def select_event(self, event_id: str, *, notify: bool = True) -> bool:
        """Select `event_id` and scroll it into view; False when it is not listed."""
        row = self.row_of_event(event_id)
        if row is None:
            return False
        self._move_to(row, notify=notify, center=True)
        return True

    # --- cursor ---------------------------------------------------------------------

    def _event_row(self, row: int, step: int) -> int | None:
        """The nearest event row from `row` going in direction `step` (±1)."""
        rows = self.rows
        while 0 <= row < len(rows):
            if rows[row] >= 0:
                return row
            row += step
        return None

    def _move_to(
        self, row: int, *, notify: bool = True, force: bool = False, center: bool = False
    ) -> None:
        if not self.rows:
            return
        row = max(0, min(row, len(self.rows) - 1))
        found = self._event_row(row, 1)
        if found is None:
            found = self._event_row(row, -1)
        if found is None or (found == self.cursor and not force):
            return
        old = self.cursor
        self.cursor = found
        if old is not None:
            self.refresh_line(old)
        self.refresh_line(found)
        self._scroll_to_row(found, center=center)
        if notify:
            event_id = self.selected_event_id
            assert event_id is not None
            self.post_message(self.Selected(self, event_id))

    def _scroll_to_row(self, row: int, *, center: bool = False) -> None:
        if center and self.scrollable_content_region.height <= 1:
            # Not laid out yet (`--event` at start): centred again once it is, or
            # the row would stand on the first line, its year heading out of view.
            self._center_when_laid_out = True
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_offset.y)
        # keep the year heading above the first event of a year in view too
        upper = row - 1 if row > 0 and self.rows[row - 1] < 0 else row
        if center and not (top <= upper and row < top + height):
            self.scroll_to(y=max(0, row - height // 3), animate=False, immediate=True, force=True)
        elif upper < top:
            self.scroll_to(y=upper, animate=False, immediate=True, force=True)
        elif row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False, immediate=True, force=True)

    def action_cursor_up(self) -> None:
        """Select the previous event."""
        if self.cursor is not None:
            prev = self._event_row(self.cursor - 1, -1)
            if prev is not None:
                self._move_to(prev)
            elif self.cursor > 0:
                self.scroll_to(y=0, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        """Select the next event."""
        if self.cursor is not None:
            self._move_to(self.cursor + 1)

    def action_page_up(self) -> None:
        """Move the selection up by a screenful."""
        if self.cursor is not None:
            height = max(1, self.scrollable_content_region.height)
            target = max(0, self.cursor - height + 1)
            found = self._event_row(target, 1)
            self._move_to(found if found is not None else 0)

    def action_page_down(self) -> None:
        """Move the selection down by a screenful."""
        if self.cursor is not None:
            height = max(1, self.scrollable_content_region.height)
            target = min(len(self.rows) - 1, self.cursor + height - 1)
            found = self._event_row(target, -1)
            self._move_to(found if found is not None else target)

    def action_half_page_up(self) -> None:
        """Move the selection up by half a screen."""
        if self.cursor is not None:
            half = max(1, self.scrollable_content_region.height // 2)
            found = self._event_row(max(0, self.cursor - half), 1)
            self._move_to(found if found is not None else 0)

    def action_half_page_down(self) -> None:
        """Move the selection down by half a screen."""
        if self.cursor is not None:
            half = max(1, self.scrollable_content_region.height // 2)
            target = min(len(self.rows) - 1, self.cursor + half)
            found = self._event_row(target, -1)
            self._move_to(found if found is not None else target)

    def action_first(self) -> None:
        """Select the first event."""
        self._move_to(0)
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_last(self) -> None:
        """Select the last event."""
        self._move_to(len(self.rows) - 1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter (open the source) only when an event is listed."""
        if action == "open":
            return bool(self.rows)
        return True

    def action_open(self) -> None:
        """Ask to open the selected event's source."""
        event_id = self.selected_event_id
        if event_id is not None:
            self.post_message(self.Opened(self, event_id))

    def on_click(self, event: events.Click) -> None:
        """Select the clicked event; a click on the selected event opens it."""
        offset = event.get_content_offset(self)
        if offset is None or not self.rows:
            return
        row = offset.y + round(self.scroll_offset.y)
        if row >= len(self.rows):
            return
        found = self._event_row(row, 1)
        if found is not None and found == self.cursor and event.chain >= 2:
            self.action_open()
        elif found is not None:
            self._move_to(found)

    # Focus and blur redraw the cursor's row alone: the other rows do not follow the
    # focus. Textual's own handlers (`Widget._on_focus`, `_on_blur`) also repaint the
    # whole widget, every row and the scroll bar, at each move of the focus (Esc
    # closing the filters, `a` opening them); these do what they do, less that.
    # A style that follows the focus still repaints the widget (`has_focus` restyles it).

    def on_focus(self, event: events.Focus) -> None:
        """Redraw the cursor in its focused style."""
        event.prevent_default()  # not Textual's handler: its work is done here
        self.has_focus = True
        if self.parent is not None:
            self.parent.post_message(events.DescendantFocus(self))
        self._refresh_cursor()

    def on_blur(self, event: events.Blur) -> None:
        """Redraw the cursor in its unfocused style."""
        event.prevent_default()
        self.has_focus = False
        if self.parent is not None:
            self.parent.post_message(events.DescendantBlur(self))
        self._refresh_cursor()

    def _refresh_cursor(self) -> None:
        if self.cursor is not None:
            self.refresh_line(self.cursor)

    def notify_style_update(self) -> None:
        """The theme or CSS changed: cached lines hold the old colours."""
        super().notify_style_update()
        self._cache.clear()

    def on_resize(self) -> None:
        """Widths changed: drop cached lines and keep the cursor in view."""
        self._cache.clear()
        self.call_after_refresh(self._cursor_into_view)

    def _cursor_into_view(self) -> None:
        """Scroll the cursor's row into view (the rows may have changed since asked)."""
        center, self._center_when_laid_out = self._center_when_laid_out, False
        if self.cursor is None or self.cursor >= len(self.rows):
            return
        height = self.scrollable_content_region.height
        if center and height > 1:
            y = max(0, self.cursor - height // 3)
            self.scroll_to(y=y, animate=False, immediate=True, force=True)
        else:
            self._scroll_to_row(self.cursor)

    # --- rendering ------------------------------------------------------------------

    def _row_texts(self, pos: int) -> tuple[str, str, str]:
        """(date label, title, actor names) of the event at `pos`, made safe, cached."""
        texts = self._labels.get(pos)
        if texts is None:
            assert self.timeline is not None
            event = self.timeline.events[pos]
            names = ", ".join(self.timeline.actor_names(event.actors))
            # A row shows one line: a title of megabytes is cut long before it is drawn.
            title = visible(event.title[:ROW_CHARS])
            if self.timeline.is_expected(event):  # after its article: not known to have happened
                title = EXPECTED + title
            texts = (visible(format_span(event.span)), title, visible(names[:ROW_CHARS]))
            if len(self._labels) > 20_000:
                self._labels.clear()
            self._labels[pos] = texts
        return texts

    def render_line(self, y: int) -> Strip:
        """Render the `y`-th visible line (from the row index, cached)."""
        base, width = self.line_base()
        row = y + round(self.scroll_offset.y)
        if not self.rows:
            empty = self.timeline is None or not self.timeline.events
            lines = _wrapped(NO_EVENTS_MESSAGE if empty else EMPTY_MESSAGE, width - 2)
            if 1 <= y <= len(lines):
                style = self.line_style("timeline--empty")
                line = "  " + lines[y - 1]
                return Strip([Segment(line, style)]).crop_extend(0, width, base)
            return Strip.blank(width, base)
        if row >= len(self.rows):
            return Strip.blank(width, base)
        selected = row == self.cursor
        key = (self.rows[row], width, selected, selected and self.has_focus)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        strip = self._render_row(row, width, selected).crop_extend(0, width, base)
        self._cache[key] = strip
        return strip

    def _render_row(self, row: int, width: int, selected: bool) -> Strip:
        value = self.rows[row]
        if value < 0:
            style = self.line_style("timeline--heading")
            label = f"── {-value} "
            return Strip([Segment(label + "─" * max(0, width - len(label)), style)])
        date_text, title, names = self._row_texts(value)
        if selected:
            # The whole row in the cursor's style: the date and actor styles carry
            # their own background, which would break the bar.
            name = "timeline--cursor" if self.has_focus else "timeline--cursor-blurred"
            cursor = self.line_style(name)
            date_style = title_style = actors_style = cursor
        else:
            date_style = self.line_style("timeline--date")
            actors_style = self.line_style("timeline--actors")
            title_style = Style()
        date_width = date_cell_width(self.date_width, width)  # titles keep their room
        if len(date_text) > date_width:  # coarser rather than cut: a cut date loses its end
            assert self.timeline is not None
            date_text = visible(format_span_within(self.timeline.events[value].span, date_width))
        marker = CURSOR_MARK if selected else NO_MARK
        date_cell, title, names = row_text(marker, date_text, title, names, date_width, width)
        segments = [Segment(date_cell, date_style), Segment(title, title_style)]
        if names:
            segments.append(Segment(names, actors_style))
        strip = Strip(segments)
        if selected:
            strip = strip.crop_extend(0, width, cursor)
        return strip
