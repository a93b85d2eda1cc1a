"""The detail pane: everything known about the selected event and its date."""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.console import Group
from rich.padding import Padding
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.event_text import QUOTE_INDENT, Piece, describe_event, describe_parts
from tui.model import Event, Timeline
from tui.widgets.keys import ScrollKeys, move_bindings
from tui.widgets.styles import LineStyles, foreground_style
from tui.widgets.virtual import set_virtual_size


class DetailStyles(NamedTuple):
    """The styles of the roles of an event's description's words (all plain by default).

    `EventDetail` fills them from its component classes, so a theme restyles them.
    """

    title: Style = Style()
    """The event's title."""
    label: Style = Style()
    """A field's name ("Date:"), and the quieter parts of a value."""
    date: Style = Style()
    """The date."""
    inferred: Style = Style()
    """"(inferred)" after a publication date the source does not state."""
    heading: Style = Style()
    """The "Sources (n):" heading."""
    current: Style = Style()
    """The marked source's outlet and its "▶"."""
    quote: Style = Style()
    """A source's quote."""


PLAIN = DetailStyles()  # no styling: the description's words alone


def styled(pieces: list[Piece], styles: DetailStyles) -> Text:
    """`pieces` as Rich text, each in its role's style (never read as markup)."""
    text = Text()
    for words, role in pieces:
        text.append(words, getattr(styles, role) if role else "")
    return text


def event_renderable(
    timeline: Timeline, event: Event, source_index: int = 0, styles: DetailStyles = PLAIN
) -> Group:
    """The description as shown: each source's quote indented, wrapped lines too."""
    head, sources = describe_parts(timeline, event, source_index)
    parts: list[Text | Padding] = [styled(head, styles)]
    for line, quote in sources:
        parts.append(styled(line, styles))
        parts.append(Padding(styled(quote, styles), (0, 0, 0, QUOTE_INDENT)))
    return Group(*parts)


class EventDetail(LineStyles, ScrollKeys, ScrollView, can_focus=True):
    """A scrollable description of one event: title, date and how it was resolved.

    A Line-API view: the description is wrapped once per event and width into
    strips, and a new event only repaints the pane (never a layout of the screen).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # As from the timeline: Enter goes on to the source, the words themselves.
        Binding("enter", "screen.show_source", "Source", id="detail.source"),
        *move_bindings("detail"),
    ]

    COMPONENT_CLASSES = {
        "detail--title",
        "detail--label",
        "detail--date",
        "detail--inferred",
        "detail--heading",
        "detail--current",
        "detail--quote",
    }

    DEFAULT_CSS = """
    EventDetail {
        padding: 0 1;
        overflow-x: hidden;
        overflow-y: scroll;  /* the bar stays in place, blank when all fits: no layout */
        & > .detail--title { text-style: bold; }
        & > .detail--label { color: $text-muted; }
        & > .detail--date { text-style: bold; }
        & > .detail--inferred { color: $warning; text-style: italic; }
        & > .detail--heading { text-style: bold; }
        & > .detail--current { text-style: bold; }
        & > .detail--quote { text-style: italic; }
    }
    """

    plain: str = "No event selected."

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._shown: tuple[Timeline, Event, int] | None = None  # redrawn on a theme change
        self._styles: DetailStyles | None = None  # those it was drawn with
        self._lines: list[Strip] = []  # the description wrapped to `_width`
        self._width = -1

    def detail_styles(self) -> DetailStyles:
        """The description's styles, from the component classes (and so the theme)."""
        return DetailStyles(
            *(foreground_style(self, f"detail--{part}") for part in DetailStyles._fields)
        )

    def show(self, timeline: Timeline, event: Event | None, source_index: int = 0) -> None:
        """Describe `event` (None: nothing selected) with source `source_index` marked."""
        if event is None:
            self._shown = None
            self.plain = "No event selected."
        else:
            self._shown = (timeline, event, source_index)
            self.plain = describe_event(timeline, event, source_index)
        self._draw()
        self.scroll_to(y=0, animate=False, immediate=True)

    def _draw(self) -> None:
        """Wrap the description to the pane's width into strips, and repaint."""
        width = self.scrollable_content_region.width
        self._width = width
        if self._shown is None:
            renderable: Text | Group = Text("No event selected.")
        else:
            if self._styles is None:  # read once: a restyle reads them again (below)
                self._styles = self.detail_styles()
            renderable = event_renderable(*self._shown, styles=self._styles)
        if width > 0:
            console = self.app.console
            options = console.options.update_width(width)
            self._lines = [
                Strip(line, width)
                for line in console.render_lines(renderable, options, style=self.rich_style)
            ]
        else:
            self._lines = []
        set_virtual_size(self, Size(width, len(self._lines)))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """The `y`-th visible line of the wrapped description."""
        row = y + round(self.scroll_offset.y)
        base, width = self.line_base()
        if 0 <= row < len(self._lines):
            return self._lines[row].crop_extend(0, width, base)
        return Strip.blank(width, base)

    def on_resize(self) -> None:
        """Wrap again at the new width."""
        if self.scrollable_content_region.width != self._width:
            self._draw()

    def notify_style_update(self) -> None:
        """The theme or CSS changed: redraw the description if its styles did.

        Checked after the refresh: the component classes are styled after this call.
        """
        super().notify_style_update()
        if self.is_mounted:
            self.call_after_refresh(self._redraw_if_restyled)

    def _redraw_if_restyled(self) -> None:
        styles = self.detail_styles()
        if styles != self._styles:
            self._styles = styles
            if self._shown is not None:
                self._draw()
