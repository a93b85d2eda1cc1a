"""The density strip: events per year across the whole span, as block characters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from tui.widgets.styles import LineStyles

BLOCKS = " ▁▂▃▄▅▆▇█"
MARK = "▲"  # under a chosen year (on the label line); on a one-line strip it replaces the bar


def bucket_years(first: int, last: int, width: int) -> list[tuple[int, int]]:
    """Split the years `first`..`last` into at most `width` (start, end) buckets.

    With more years than columns, every column is used: a column holds one year
    or a few, spread evenly, so the strip spans its whole width.
    """
    total = last - first + 1
    if width <= 0 or total <= 0:
        return []
    count = min(width, total)
    starts = [first + i * total // count for i in range(count)]
    ends = [s - 1 for s in starts[1:]] + [last]
    return list(zip(starts, ends, strict=True))


class DensityStrip(LineStyles, Widget, can_focus=True):
    """A two-line sparkline: bars of events per year, then the first and last year.

    Years of the active year filter are marked with `▲` under their bar (and drawn
    in the accent colour). Clicking a bar, or moving with ←/→ and pressing Enter,
    posts `YearChosen`.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # Shown in the key bar: nothing else on the strip says how to move along it.
        Binding("left,h", "move(-1)", "Earlier year", id="density.left"),
        Binding("right,l", "move(1)", "Later year", id="density.right"),
        Binding("right_square_bracket,w", "skip(1)", "Next year with events",
                id="density.next_busy"),
        Binding("left_square_bracket,b", "skip(-1)", "Previous year with events", show=False,
                id="density.previous_busy"),
        Binding("home,g", "move_to(0)", "First year", show=False, id="density.first"),
        Binding("end,G", "move_to(-1)", "Last year", show=False, id="density.last"),
        Binding("enter,space", "choose", "Filter by this year", id="density.choose"),
        # The strip is a line above the timeline: down goes into the list below it.
        Binding("down,j", "app.focus_next", "Down to the timeline", show=False,
                id="density.down"),
    ]

    COMPONENT_CLASSES = {"density--bar", "density--marked", "density--cursor", "density--label"}

    DEFAULT_CSS = """
    DensityStrip {
        height: 2;
        padding: 0 1;
        & > .density--bar { color: $primary; }
        & > .density--marked { color: $accent; text-style: bold; }
        & > .density--cursor { background: $block-cursor-blurred-background; }
        & > .density--label { color: $text-muted; }
        /* Reversed too: without colour, a background alone would not show. */
        &:focus > .density--cursor { background: $block-cursor-background; text-style: reverse; }
    }
    """

    @dataclass(eq=False)  # each message is distinct: compared and hashed by identity
    class YearChosen(Message):
        """The reader chose the years `year`..`last_year` (those of one bar)."""

        density_strip: DensityStrip
        """The strip the reader chose in."""
        year: int
        """The first year of the bar."""
        last_year: int
        """The last year of the bar (the same as `year` for a one-year bar)."""

        @property
        def control(self) -> DensityStrip:
            """The widget that sent the message (an alias of `density_strip`)."""
            return self.density_strip

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.counts: dict[int, int] = {}
        self.marked: frozenset[int] = frozenset()
        self.cursor = 0

    def show(self, counts: dict[int, int], marked: frozenset[int] = frozenset()) -> None:
        """Bars for `counts` (events per year); `marked` years are highlighted.

        The same bars are not drawn again: every filter shows the strip, and most
        (a search letter, an actor toggle) change neither the counts nor the years.
        """
        if counts == self.counts and marked == self.marked:
            return
        self.counts = dict(counts)
        self.marked = marked
        self.refresh()

    def buckets(self) -> list[tuple[int, int]]:
        """The year ranges of the bars at the current width."""
        if not self.counts:
            return []
        return bucket_years(min(self.counts), max(self.counts), self.content_region.width)

    def cell_width(self) -> int:
        """Columns per bar: bars widen to fill the strip when there are few years."""
        buckets = self.buckets()
        return max(1, self.content_region.width // len(buckets)) if buckets else 1

    def render_line(self, y: int) -> Strip:
        """Line 0: the bars; line 1: the first and last year."""
        base, _ = self.line_base()
        width = self.content_region.width
        buckets = self.buckets()
        if not buckets:
            return Strip.blank(width, base)
        cells = self.cell_width()
        if y == 0:
            sums = [sum(self.counts.get(yr, 0) for yr in range(a, b + 1)) for a, b in buckets]
            top = max(sums) or 1
            bar = self.line_style("density--bar")
            marked = self.line_style("density--marked")
            cursor = self.line_style("density--cursor")
            one_line = self.content_region.height < 2
            segments = []
            for i, ((a, b), n) in enumerate(zip(buckets, sums, strict=True)):
                level = 0 if n == 0 else max(1, round(n / top * (len(BLOCKS) - 1)))
                is_marked = self._is_marked(a, b)
                style = marked if is_marked else bar
                if i == self.cursor and self.has_focus:
                    style = style + cursor
                glyph = MARK if is_marked and one_line else BLOCKS[level] if level else "·"
                segments.append(Segment(glyph * cells, style))
            strip = Strip(segments)
            if one_line and self.has_focus and 0 <= self.cursor < len(buckets):
                strip = self._year_beside_cursor(strip, buckets, cells)
            return strip.crop_extend(0, width, base).apply_style(base)
        if y == 1:
            label_style = self.line_style("density--label")
            line = self._year_labels(buckets, cells)
            strip = Strip([Segment(line, label_style)]).crop_extend(0, width, Style())
            return strip.apply_style(base)
        return Strip.blank(width, base)

    def _year_labels(self, buckets: list[tuple[int, int]], cells: int) -> str:
        """The label line: the first and the last year at the ends, `▲` under each
        chosen year's bar, and with the focus the cursor's year (or years) under its
        bar, else beside it where that keeps the marks clear.

        A mark would cover part of an end's label under it ("2▲25"): that label gives
        way whole, and so does one the cursor's would touch. The cursor's label is
        never cut: where it must lie over a mark, the mark gives way until the cursor
        moves on.
        """
        first, last = str(buckets[0][0]), str(buckets[-1][1])
        used = cells * len(buckets)  # the last year sits under the last bar
        marks = [i * cells for i, (a, b) in enumerate(buckets) if self._is_marked(a, b)]

        def clear(start: int, length: int) -> bool:
            return not any(start < at + cells and at < start + length for at in marks)

        label, taken = "", (0, 0)
        if self.has_focus and 0 <= self.cursor < len(buckets):
            a, b = buckets[self.cursor]
            label = f"{a}" if a == b else f"{a}–{b}"
            centred = self.cursor * cells + cells // 2 - len(label) // 2
            centred = max(0, min(centred, used - len(label)))  # within the line
            after, before = (self.cursor + 1) * cells + 1, self.cursor * cells - len(label) - 1
            places = [at for at in (centred, after, before) if 0 <= at <= used - len(label)]
            # A space between the label and any mark: "2020▲" reads as one word.
            at = next((at for at in places if clear(at - 1, len(label) + 2)), centred)
            taken = (at - 1, at + len(label) + 1)  # with a space on each side

        def free(start: int, length: int) -> bool:
            return clear(start, length) and not (start < taken[1] and taken[0] < start + length)

        line = [" "] * max(used, len(first))
        if free(0, len(first)):
            line[:len(first)] = first
        if len(first) + len(last) < used and free(used - len(last), len(last)):
            line[used - len(last):] = last
        for at in marks:
            if not (at < taken[1] - 1 and taken[0] + 1 < at + cells):
                line[at:at + cells] = MARK * cells
        if label:
            line[taken[0] + 1:taken[1] - 1] = label
        return "".join(line)

    def _year_beside_cursor(
        self, bars: Strip, buckets: list[tuple[int, int]], cells: int
    ) -> Strip:
        """`bars` with the cursor's year written beside it: a one-line strip (80×24)
        has no label line, and the cursor alone did not say which year it is on."""
        a, b = buckets[self.cursor]
        label = f" {a} " if a == b else f" {a}–{b} "
        after = (self.cursor + 1) * cells
        before = max(0, self.cursor * cells - len(label))
        # After the cursor, unless it would not fit there or would hide a chosen year's
        # mark that before it would not.
        at = after
        if after + len(label) > bars.cell_length or (
            self._marks_under(buckets, cells, after, len(label))
            and not self._marks_under(buckets, cells, before, len(label))
        ):
            at = before
        style = self.line_style("density--label") + Style(bold=True)
        head, _, tail = bars.divide([at, at + len(label), bars.cell_length])
        return Strip.join([head, Strip([Segment(label, style)]), tail])

    def _marks_under(
        self, buckets: list[tuple[int, int]], cells: int, start: int, width: int
    ) -> bool:
        """True when a chosen year's bar lies in the cells `start`..`start + width`."""
        first, last = start // cells, (start + width - 1) // cells
        return any(self._is_marked(*buckets[i]) for i in range(first, min(last + 1, len(buckets))))

    def on_resize(self) -> None:
        """Keep the cursor on a bar when the strip's width changes: with more years than
        columns, it holds as many bars as it has columns (the cursor was left past the
        last, drawn nowhere, and Enter did nothing)."""
        self._clamp_cursor()

    def _clamp_cursor(self) -> None:
        count = len(self.buckets())
        if count and self.cursor >= count:
            self.cursor = count - 1

    def on_click(self, event: events.Click) -> None:
        """Choose the year under the mouse."""
        offset = event.get_content_offset(self)
        buckets = self.buckets()
        if offset is None:
            return
        index = offset.x // self.cell_width()
        if not 0 <= index < len(buckets):
            return
        self.cursor = index
        self.action_choose()

    def on_focus(self) -> None:
        """Show the cursor."""
        self.refresh()

    def on_blur(self) -> None:
        """Hide the cursor."""
        self.refresh()

    def action_move(self, step: int) -> None:
        """Move the cursor to an earlier or later bar."""
        count = len(self.buckets())
        if count:
            self.cursor = max(0, min(count - 1, self.cursor + step))
            self.refresh()

    def _is_marked(self, first: int, last: int) -> bool:
        return any(year in self.marked for year in range(first, last + 1))

    def _events_in(self, first: int, last: int) -> int:
        return sum(self.counts.get(year, 0) for year in range(first, last + 1))

    def action_move_to(self, index: int) -> None:
        """Put the cursor on the first (0) or the last (-1) bar."""
        count = len(self.buckets())
        if count:
            self.cursor = index % count
            self.refresh()

    def action_skip(self, step: int) -> None:
        """Move to the next (or previous) bar that holds events, over the empty years."""
        buckets = self.buckets()
        index = self.cursor + step
        while 0 <= index < len(buckets):
            if self._events_in(*buckets[index]):
                self.cursor = index
                self.refresh()
                return
            index += step
        self.notify("No later year has events." if step > 0 else "No earlier year has events.",
                    markup=False)

    def action_choose(self) -> None:
        """Post the year under the cursor (or say that it holds no event)."""
        buckets = self.buckets()
        if 0 <= self.cursor < len(buckets):
            a, b = buckets[self.cursor]
            if not self._events_in(a, b):
                years = str(a) if a == b else f"{a}–{b}"
                self.notify(f"No event in {years}: ] jumps to the next year with events.",
                            markup=False)
                return
            self.post_message(self.YearChosen(self, a, b))

