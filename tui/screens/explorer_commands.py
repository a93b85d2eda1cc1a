"""The explorer's commands, which the command palette and the start options call:
go to an event, open an article, add an actor, a kind or a year to the filters."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from textual.screen import Screen

from tui.filters import Filter
from tui.model import Event, Timeline
from tui.widgets.source_view import SourceView

if TYPE_CHECKING:
    from tui.headstore import Head
    from tui.widgets.timeline_view import TimelineView


class CommandActions(Screen[None]):
    """Jumps and filters by name, for the command palette and the start options."""

    if TYPE_CHECKING:  # what the explorer screen provides
        timeline: Timeline
        filter: Filter
        head: Head | None
        event: Event | None
        data_dir: Path | None

        @property
        def timeline_view(self) -> TimelineView: ...

        def apply_filter(
            self, filt: Filter, *, keep: str | None = None, sync: bool = True
        ) -> None: ...

        def notify_reading(self) -> None: ...

        def _show_event(self, event: Event | None, source_index: int = 0) -> None: ...

        source_index: int

    def go_to_event(self, event_id: str) -> None:
        """Select `event_id`, clearing the filters first if they hide it."""
        if self.head is not None and event_id not in self.timeline.event_by_id:
            self.notify_reading()
            return
        if self.timeline_view.row_of_event(event_id) is None:
            self.apply_filter(Filter(), keep=event_id)
            self.notify("The filters hid that event, so they were cleared.", markup=False)
        if self.timeline_view.select_event(event_id):
            # Shown now, not when the timeline's message arrives: a reload queued
            # meanwhile keeps the event this one selected.
            event = self.timeline.event_by_id[event_id]
            if event is not self.event:
                self._show_event(event)
        self.timeline_view.focus()

    def open_article(
        self,
        article_id: str,
        at: tuple[int, int] | None = None,
        words: tuple[int, int] | None = None,
    ) -> None:
        """Show the article `article_id` in the article view, at the passage `at`
        (start, end offsets: the quote shown in the source pane) if given, the
        expression of the text at `words` (the source's date words) chosen."""
        # Imported when first opened: the view brings the tagger and the event form.
        from tui.screens.article import ArticleScreen

        article = self.timeline.article_by_id.get(article_id)
        if article is not None:
            self.app.push_screen(
                ArticleScreen(article, self.timeline, self.data_dir, at, words)
            )

    def show_selected(self) -> None:
        """Show the event the timeline has selected, if the message that shows it is still
        on its way: a key typed with the moves ("jjo", "jjjs") acts on the event they
        reached, not on the one the panes showed before."""
        selected = self.timeline_view.selected_event_id
        if selected is not None and (self.event is None or self.event.id != selected):
            event = self.timeline.event_by_id.get(selected)
            if event is not None:
                self._show_event(event)

    def action_cycle_source(self, step: int) -> None:
        """Show the selected event's next (or previous) source."""
        self.show_selected()
        if self.event is None or len(self.event.sources) < 2:
            self.notify("This event has a single source.", markup=False)
            return
        index = (self.source_index + step) % len(self.event.sources)
        self._show_event(self.event, index)

    def action_show_source(self) -> None:
        """Into the source pane, its quote in view (Enter in the timeline and the event
        pane)."""
        source_view = self.query_one("#source", SourceView)
        source_view.focus()
        source_view.scroll_to_quote()

    def action_open_article(self) -> None:
        """Open the article the source pane shows, at the quote highlighted in it."""
        self.show_selected()
        source = self.query_one("#source", SourceView)
        if source.article is None:
            self.notify("No article is shown.", markup=False)
            return
        quote = source.current_quote
        if quote is None:
            self.open_article(source.article.id)
            return
        # The source's own date words chosen, not the quote's first expression ("1936"
        # before "two years ago": a journalist's trial).
        event = self.timeline.event_by_id.get(quote.event_id)
        words = None
        if event is not None and quote.source_index < len(event.sources):
            date_text = event.sources[quote.source_index].date_text
            found = source.article.text.find(date_text, quote.start, quote.end)
            words = (found, found + len(date_text)) if found >= 0 else None
        self.open_article(source.article.id, (quote.start, quote.end), words)

    def action_source_pane(self, action: str) -> None:
        """A key of the source pane pressed in another pane: the source pane does it
        (`]` and `[` move between its quotes)."""
        self.show_selected()
        source = self.query_one("#source", SourceView)
        getattr(source, f"action_{action}")()

    def filter_by_actor(self, actor_id: str) -> None:
        """Add `actor_id` to the actor filter."""
        self.apply_filter(replace(self.filter, actors=self.filter.actors | {actor_id}))

    def filter_by_kind(self, kind: str) -> None:
        """Add `kind` to the kind filter."""
        self.apply_filter(replace(self.filter, kinds=self.filter.kinds | {kind}))

    def filter_by_year(self, year: int) -> None:
        """Filter to the single year `year`."""
        self.apply_filter(replace(self.filter, years=frozenset({year})))
