"""The source form: the selected words added as one more source of an existing event.

Opened from the article view with `a`, on a selected expression of time or a
selected passage, as the new-event form is: the passage is the quote and the
expression its date words. An event reported by several articles is one event
with a source from each; this form asks which event the quote reports, by its id
(completed with →, and found by the words of its title), shows that event's
title, date and sources, and says when the date the words give here does not
overlap the event's. Enter adds the source, Esc cancels.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from tui.dates import Span, format_span
from tui.model import Event
from tui.new_event import NewSource
from tui.quoting import quoted
from tui.safetext import visible
from tui.screens.form import Save, SavingForm
from tui.widgets.key_bar import KeyBar
from tui.widgets.line_input import LineInput

MATCHES_SHOWN = 4  # events listed under the field while the typed text is no id


class SourceFormScreen(SavingForm):
    """Ask which event the quote is a source of, and `save` the source; dismiss with what
    was saved, or None (cancelled). When `save` fails, the form stays open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="source_form.cancel"),
        Binding("enter", "add", "Add the source", priority=True,
                id="source_form.add"),
    ]

    def __init__(
        self,
        article_id: str,
        quote: str,
        date_text: str,
        span: Span,
        *,
        events: Sequence[Event],
        dated: str,
        date_basis: str | None = None,
        save: Save[NewSource],
    ) -> None:
        super().__init__()
        self.save = save
        self.article_id = article_id
        self.quote = quote
        self.date_text = date_text
        self.span = span  # what the words give here
        self.events = tuple(events)
        self.by_id = {e.id: e for e in self.events}
        self.dated = dated
        self.date_basis = date_basis

    def compose(self) -> ComposeResult:
        """The quote and its date, then the event's id and what is known of it."""
        yield KeyBar()  # the dialog's own keys, over the screen's below it
        with Vertical() as box:
            box.border_title = "Add as a source of an event — Enter to add, Esc to cancel"
            yield Static(visible(f"{quoted(self.quote)}  ({self.date_text})"), id="source-quote",
                         classes="-quote", markup=False)
            yield Static(visible(self.dated), id="source-date", classes="-said", markup=False)
            yield Label("Event: its id, or words of its title (→ completes an id)")
            yield LineInput(suggester=SuggestFromList(sorted(self.by_id)), id="source-event")
            yield Static("", id="source-event-info", classes="-said", markup=False)
            yield Static("", id="source-warning", classes="-warning", markup=False)

    def on_mount(self) -> None:
        """Start on the event's field."""
        self.query_one("#source-event", Input).focus()
        self._describe()

    @on(Input.Changed, "#source-event")
    def _describe(self) -> None:
        """Say what the typed id names, or which events the typed words match."""
        self.query_one("#source-warning", Static).update("")
        self.query_one("#source-event-info", Static).update(visible(self._info()))

    def _info(self) -> str:
        typed = self.query_one("#source-event", Input).value.strip()
        matches = self._matches(typed)
        if len(matches) == 1:  # Enter takes it: what is known of it, as for its id
            event = matches[0]
            named = "" if typed == event.id else f"{event.id}: "
            return named + _describe_event(event, self.article_id, self.span, self.quote)
        if not typed:
            return "Type an event's id, or words of its title."
        if not matches:
            return f"No event's id or title holds every word of “{typed}”."
        shown = "; ".join(f"{e.id} ({e.title})" for e in matches[:MATCHES_SHOWN])
        more = f"; and {len(matches) - MATCHES_SHOWN} more" if len(matches) > MATCHES_SHOWN else ""
        return f"Matching: {shown}{more}"

    def _matches(self, typed: str) -> list[Event]:
        """The event whose id is `typed`, or those whose id or title holds every word of
        it, in any order ("footbridge start": "Ridgeline Civil to start building
        footbridge"), as the command palette finds events."""
        event = self.by_id.get(typed)
        if event is not None:
            return [event]
        words = typed.lower().split()
        if not words:
            return []
        return [e for e in self.events
                if all(w in e.id for w in words) or all(w in e.title.lower() for w in words)]

    def action_add(self) -> None:
        """Add the source to the event named, or say why not."""
        typed = self.query_one("#source-event", Input).value.strip()
        matches = self._matches(typed)
        warning = self.query_one("#source-warning", Static)
        if len(matches) != 1:  # the id, or words that name one event: take it
            self.warn(warning, "Name the event by its id (→ completes one).")
            return
        event = matches[0]
        if _quotes_already(event, self.article_id, self.quote):
            self.warn(warning, visible(
                f"'{event.id}' already has these words of this article as a source: "
                "nothing to add."
            ))
            return
        source = NewSource(event.id, self.article_id, self.quote, self.date_text,
                           self.date_basis)  # fmt: skip
        self.save_or_say(self.save, source, warning)

    def action_cancel(self) -> None:
        """Close without adding a source."""
        self.dismiss(None)


def _quotes_already(event: Event, article_id: str, quote: str) -> bool:
    """True when one of `event`'s sources is `quote` of the article (white space aside)."""
    words = " ".join(quote.split())
    return any(
        s.article_id == article_id and " ".join(s.quote.split()) == words for s in event.sources
    )


def _describe_event(event: Event, article_id: str, span: Span, quote: str) -> str:
    """The event's title, date and sources, and whether this quote's date fits it."""
    articles = [s.article_id for s in event.sources]
    cited = ", ".join(dict.fromkeys(articles))
    said = (
        f"'{event.title}', {format_span(event.span)}; "
        f"{len(event.sources)} source{'s' if len(event.sources) != 1 else ''} ({cited})"
    )
    if _quotes_already(event, article_id, quote):
        said += ". It already has these words of this article as a source"
    elif article_id in articles:
        said += ". It already has a source in this article"
    if span.end < event.span.start or event.span.end < span.start:
        said += (
            f". The words here give {format_span(span)}, which does not overlap the event's "
            "date: the event keeps the date of its first source"
        )
    return said + "."
