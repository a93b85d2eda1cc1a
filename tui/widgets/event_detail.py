"""The detail pane: everything known about the selected event and its date."""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.console import Group
from rich.padding import Padding
from rich.style import Style
from rich.text import Text
from textual.binding import BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.dates import format_span, likely_words, relation_meaning
from tui.dates.doneguard import source_doubt
from tui.export.common import quoted
from tui.model import Event, Timeline
from tui.safetext import clipped, visible
from tui.widgets.keys import ScrollKeys, move_bindings
from tui.widgets.styles import LineStyles, foreground_style
from tui.widgets.virtual import set_virtual_size

FIELD_LIMIT = 2_000  # characters of one field shown: more than a pane holds
QUOTE_INDENT = 5  # a source's quote sits under its outlet, wrapped lines included


class DetailStyles(NamedTuple):
    """The styles of the parts of an event's description (all plain by default).

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


def article_conventional(timeline: Timeline, event: Event) -> bool:
    """True when the event's article has no likeliest publication day, only a convention."""
    article = timeline.article_by_id.get(event.sources[0].article_id)
    return article is not None and article.published_likely_basis == "convention"


def describe_event(
    timeline: Timeline, event: Event, source_index: int = 0, styles: DetailStyles = PLAIN
) -> Text:
    """The detail text for `event`, built from plain strings (never markup)."""
    head, sources = describe_parts(timeline, event, source_index, styles)
    out = head.copy()
    for line, quote in sources:
        out.append("\n")
        out.append_text(line)
        out.append("\n" + " " * QUOTE_INDENT)
        out.append_text(quote)
    return out


def describe_parts(
    timeline: Timeline, event: Event, source_index: int = 0, styles: DetailStyles = PLAIN
) -> tuple[Text, list[tuple[Text, Text]]]:
    """The event's description up to "Sources (n):", then each source's line and quote."""
    out = Text()
    muted = styles.label

    def field(name: str, value: str | Text, style: Style | str = "") -> None:
        out.append(f"{name}: ", muted)
        if isinstance(value, Text):
            out.append_text(value)
        else:
            out.append(visible(clipped(value, FIELD_LIMIT)), style)
        out.append("\n")

    out.append(visible(clipped(event.title, FIELD_LIMIT)) + "\n", styles.title)
    span = event.span
    when = Text(format_span(span), styles.date)
    details = [span.precision]
    if span.approximate:
        details.append("approximate")
    details.append(f"TIMEX {span.timex}")
    when.append("  (" + ", ".join(visible(d) for d in details) + ")", muted)
    field("Date", when)
    primary = event.sources[0]
    article = timeline.article_by_id.get(primary.article_id)
    written = timeline.last_written(event)  # a later report settles what one expected
    if span.relation != "on" or (written is not None and span.start > written):
        # A date after the article is what it expects, whatever the relation.
        field("Means", relation_meaning(span, written))
    # Measured against the primary source's own article: a later report does not
    # make its words read as done any less.
    doubt = source_doubt(primary, None if article is None else article.latest)
    if doubt is not None:
        field("Check", doubt[0].upper() + doubt[1:])
    likely = likely_words(span)
    if likely is not None:
        said = "" if span.relation == "on" else f"{span.relation} "
        if article_conventional(timeline, event):
            field("Shown first", f"{said}{likely}, against the day of the window shown first")
        else:
            field("Most likely", f"{said}{likely}, if published on its most likely day")
    field("Date words", f"“{primary.date_text}”")
    if primary.relative_to is not None:
        target = timeline.event_by_id.get(primary.relative_to)
        title = f" ({target.title})" if target is not None else ""
        field("Refers to", f"{primary.relative_to}{title}")
    if span.explanation:
        field("Resolved", span.explanation)
    if article is not None:
        anchor = Text(article.published.isoformat())
        if article.published_window:
            anchor = Text(
                f"{article.earliest.isoformat()} to {article.latest.isoformat()}, "
                + (
                    f"shown first {article.published.isoformat()}, a convention"
                    if article.published_likely_basis == "convention"
                    else f"most likely {article.published.isoformat()}"
                )
            )
        if article.published_inferred:
            anchor.append(" (inferred)", styles.inferred)
        else:
            anchor.append(" (stated)", muted)
        field("Anchor", anchor)
        if article.published_note:
            field("Anchor note", article.published_note)
    field("Actors", ", ".join(timeline.actor_names(event.actors)))
    field("Kind", event.kind)
    if event.summary:
        out.append("\n" + visible(clipped(event.summary, FIELD_LIMIT)) + "\n")
    count = len(event.sources)
    out.append(f"\nSources ({count}):", styles.heading)
    sources: list[tuple[Text, Text]] = []
    for i, source in enumerate(event.sources):
        src_article = timeline.article_by_id.get(source.article_id)
        line = Text("▶ " if i == source_index else "  ", styles.current)
        name = src_article.outlet if src_article else source.article_id
        line.append(f"{i + 1}. {visible(name)}", styles.current if i == source_index else "")
        line.append(" — " + visible(format_span(source.span)), muted)
        # On one line, its line breaks and paragraph gaps one space each (the article
        # view shows them as they are); marked as quoted unless it has marks of its own.
        quote = visible(" ".join(clipped(source.quote, FIELD_LIMIT).split()))
        sources.append((line, Text(quoted(quote), styles.quote)))
    return out, sources


def event_renderable(
    timeline: Timeline, event: Event, source_index: int = 0, styles: DetailStyles = PLAIN
) -> Group:
    """The description as shown: each source's quote indented, wrapped lines too."""
    head, sources = describe_parts(timeline, event, source_index, styles)
    parts: list[Text | Padding] = [head]
    for line, quote in sources:
        parts.append(line)
        parts.append(Padding(quote, (0, 0, 0, QUOTE_INDENT)))
    return Group(*parts)


class EventDetail(LineStyles, ScrollKeys, ScrollView, can_focus=True):
    """A scrollable description of one event: title, date and how it was resolved.

    A Line-API view: the description is wrapped once per event and width into
    strips, and a new event only repaints the pane (never a layout of the screen).
    """

    BINDINGS: ClassVar[list[BindingType]] = move_bindings("detail")

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
            self.plain = describe_event(timeline, event, source_index).plain
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
