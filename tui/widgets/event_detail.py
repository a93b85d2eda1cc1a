"""The detail pane: everything known about the selected event and its date."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.dating import likely_words, relation_meaning
from tui.model import Event, Timeline
from tui.safetext import visible
from tui.widgets.text import span_label


def article_conventional(timeline: Timeline, event: Event) -> bool:
    """True when the event's article has no likeliest publication day, only a convention."""
    article = timeline.article_by_id.get(event.sources[0].article_id)
    return article is not None and article.published_likely_basis == "convention"


def describe_event(timeline: Timeline, event: Event, source_index: int = 0) -> Text:
    """The detail text for `event`, built from plain strings (never markup)."""
    out = Text()
    muted = "dim"

    def field(name: str, value: str | Text, style: str = "") -> None:
        out.append(f"{name}: ", muted)
        if isinstance(value, Text):
            out.append_text(value)
        else:
            out.append(visible(value), style)
        out.append("\n")

    out.append(visible(event.title) + "\n", "bold")
    span = event.span
    when = Text(span_label(span), "bold")
    details = [span.precision]
    if span.approximate:
        details.append("approximate")
    details.append(f"TIMEX {span.timex}")
    when.append("  (" + ", ".join(visible(d) for d in details) + ")", muted)
    field("Date", when)
    if span.relation != "on":
        field("Means", relation_meaning(span))
    likely = likely_words(span)
    if likely is not None:
        said = "" if span.relation == "on" else f"{span.relation} "
        if article_conventional(timeline, event):
            field("Shown first", f"{said}{likely}, against the day of the window shown first")
        else:
            field("Most likely", f"{said}{likely}, if published on its most likely day")
    primary = event.sources[0]
    article = timeline.article_by_id.get(primary.article_id)
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
            anchor.append(" (inferred)", "italic yellow")
        else:
            anchor.append(" (stated)", muted)
        field("Anchor", anchor)
        if article.published_note:
            field("Anchor note", article.published_note)
    field("Actors", ", ".join(timeline.actor_names(event.actors)))
    field("Kind", event.kind)
    if event.summary:
        out.append("\n" + visible(event.summary) + "\n")
    count = len(event.sources)
    out.append(f"\nSources ({count}):\n", "bold")
    for i, source in enumerate(event.sources):
        src_article = timeline.article_by_id.get(source.article_id)
        marker = "▶ " if i == source_index else "  "
        out.append(marker, "bold")
        name = src_article.outlet if src_article else source.article_id
        out.append(f"{i + 1}. {visible(name)}", "bold" if i == source_index else "")
        out.append(" — " + visible(span_label(source.span)), muted)
        out.append("\n     “" + visible(source.quote) + "”\n", "italic")
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
