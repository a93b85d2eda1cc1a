"""The detail pane: everything known about the selected event and its date."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.model import Event, Timeline
from tui.safetext import clipped, visible
from tui.widgets.text import span_label

FIELD_LIMIT = 2_000  # characters of one field shown: more than a pane holds


def describe_event(timeline: Timeline, event: Event, source_index: int = 0) -> Text:
    """The detail text for `event`, built from plain strings (never markup)."""
    out = Text()
    muted = "dim"

    def field(name: str, value: str | Text, style: str = "") -> None:
        out.append(f"{name}: ", muted)
        if isinstance(value, Text):
            out.append_text(value)
        else:
            out.append(visible(clipped(value, FIELD_LIMIT)), style)
        out.append("\n")

    out.append(visible(clipped(event.title, FIELD_LIMIT)) + "\n", "bold")
    span = event.span
    when = Text(span_label(span), "bold")
    details = [span.precision]
    if span.approximate:
        details.append("approximate")
    details.append(f"TIMEX {span.timex}")
    when.append("  (" + ", ".join(visible(d) for d in details) + ")", muted)
    field("Date", when)
    primary = event.sources[0]
    article = timeline.article_by_id.get(primary.article_id)
    field("Date words", f"“{primary.date_text}”")
    if span.explanation:
        field("Resolved", span.explanation)
    if article is not None:
        anchor = Text(article.published.isoformat())
        if article.published_inferred:
            anchor.append(" (inferred)", "italic yellow")
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
    out.append(f"\nSources ({count}):\n", "bold")
    for i, source in enumerate(event.sources):
        src_article = timeline.article_by_id.get(source.article_id)
        marker = "▶ " if i == source_index else "  "
        out.append(marker, "bold")
        name = src_article.outlet if src_article else source.article_id
        out.append(f"{i + 1}. {visible(name)}", "bold" if i == source_index else "")
        out.append(" — " + visible(span_label(source.span)), muted)
        quote = visible(clipped(source.quote, FIELD_LIMIT))
        out.append("\n     “" + quote + "”\n", "italic")
    return out


class EventDetail(VerticalScroll, can_focus=True):
    """A scrollable description of one event: title, date and how it was resolved."""

    DEFAULT_CSS = """
    EventDetail {
        padding: 0 1;
        & > Static { width: 1fr; }
    }
    """

    plain: str = ""

    def compose(self) -> ComposeResult:
        """A single text body."""
        yield Static(Text("No event selected."), id="detail-body")

    def show(self, timeline: Timeline, event: Event | None, source_index: int = 0) -> None:
        """Describe `event` (None: nothing selected) with source `source_index` marked."""
        text = (
            describe_event(timeline, event, source_index)
            if event is not None
            else Text("No event selected.")
        )
        self.plain = text.plain
        self.query_one("#detail-body", Static).update(text)
        self.scroll_home(animate=False)
