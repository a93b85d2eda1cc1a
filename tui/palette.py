"""Command palette providers: go to an event, open an article, filter by an actor, a
kind or a year.

The palette (ctrl+p) lists these commands when opened on the explorer screen, and
the other articles when opened on the article view.
Titles and names are shown as plain `Content` (never parsed as markup), with the
fuzzy match highlighted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from tui.dates import format_span
from tui.present import actor_sort_key, published_compact
from tui.safetext import visible

SMALL_TIMELINE = 2_000  # up to this many events, every event is a command
EVENT_HITS = 200  # at most this many "Go to event" commands for a long timeline

Command = tuple[str, Callable[[], Any], str, str]  # text, callback, help, also matched


def with_own_help(
    commands: Iterable[SystemCommand], show_help: Callable[[], Any]
) -> Iterator[SystemCommand]:
    """Textual's system commands, its "Keys" panel replaced by the explorer's help.

    Textual's panel is a second help beside `?`: it lists keys this explorer does
    not have (scrolling left and right), squeezes the panes beside it, and closes
    only from the palette again.
    """
    for command in commands:
        if command.title == "Keys":
            yield SystemCommand("Keys", "Every key of every pane, and what each does (?)",
                                show_help)
        else:
            yield command


class TimelineCommands(Provider):
    """"Go to event: …", "Open article: …", "Filter by actor/kind/year: …" commands."""

    def _commands(self, query: str = "") -> Iterator[Command]:
        """(text, callback, help, also matched) for the commands, in the order they are
        listed; "also matched" is another text the query may match instead (an
        event's id, as `list --ids` and `--event` name it).

        A long timeline offers its events only once something is typed, and then
        only those whose title or id holds every typed word, at most `EVENT_HITS`
        of them: fuzzy-matching 100,000 titles per keystroke would stall the palette.
        """
        screen: Any = self.screen
        timeline = screen.timeline
        events = timeline.events
        if len(events) > SMALL_TIMELINE:
            words = query.casefold().split()
            if not words:
                events = ()
            else:
                events = [e for e in events
                          if all(w in e.title.casefold() or w in e.id for w in words)]
                events = events[:EVENT_HITS]
        for event in events:
            yield (
                visible(f"Go to event: {event.title}"),
                partial(screen.go_to_event, event.id),
                visible(f"{format_span(event.span)} · {event.id}"),
                visible(f"Go to event: {event.id}"),
            )
        for article in timeline.articles:
            yield (
                # The date in the words matched too ("open 2021"): articles of one outlet
                # differ by their dates, not only their titles.
                visible(f"Open article: {article.shown_title} · {published_compact(article)}"),
                partial(screen.open_article, article.id),
                visible(article.outlet),
                "",
            )
        for actor in sorted(timeline.actors, key=actor_sort_key):
            yield (
                visible(f"Filter by actor: {actor.name}"),
                partial(screen.filter_by_actor, actor.id),
                visible(actor.kind),
                "",
            )
        for kind in screen.index.kinds if screen.index is not None else ():
            yield (
                visible(f"Filter by kind: {kind}"), partial(screen.filter_by_kind, kind), "", ""
            )
        for year in screen.index.years if screen.index is not None else ():
            yield (f"Filter by year: {year}", partial(screen.filter_by_year, year), "", "")

    def _reading_notice(self) -> str | None:
        """While only a long timeline's head is shown: what the lists below leave out."""
        head = getattr(self.screen, "head", None)
        if head is None:
            return None
        shown = len(self.screen.timeline.events)  # type: ignore[attr-defined]
        return (f"Still reading the timeline: only the first {shown} of "
                f"{head.total_events} events and their articles are listed")

    def _notify_reading(self) -> None:
        screen: Any = self.screen
        screen.notify_reading()

    async def discover(self) -> Hits:
        """Every command, before anything is typed."""
        if not hasattr(self.screen, "timeline"):
            return
        reading = self._reading_notice()
        if reading is not None:
            yield DiscoveryHit(Content(reading), self._notify_reading, text=reading)
        for text, callback, help_text, _also in self._commands():
            # Textual reads `help` as markup: escape the data's text.
            yield DiscoveryHit(Content(text), callback, text=text, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        """Commands whose text fuzzily matches `query`, best first."""
        if not hasattr(self.screen, "timeline"):
            return
        matcher = self.matcher(query)
        reading = self._reading_notice()
        if reading is not None:
            # Listed whatever is typed: an event missing below may be in the rest.
            yield Hit(1.0, Content(reading), self._notify_reading, text=reading)
        for text, callback, help_text, also in self._commands(query):
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, self._highlight(matcher, text), callback, text=text,
                          help=escape(help_text))
            elif also and (score := matcher.match(also)) > 0:  # by its id: the title as is
                yield Hit(score, Content(text), callback, text=text, help=escape(help_text))

    @staticmethod
    def _highlight(matcher: Any, text: str) -> Content:
        """`text` as plain content with the matched characters styled."""
        content = Content(text)
        _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
        return content


class ArticleCommands(TimelineCommands):
    """"Open article: …" in the article view: another article of the timeline, shown in
    place of this one (Esc still goes back to the explorer)."""

    def _commands(self, query: str = "") -> Iterator[Command]:
        screen: Any = self.screen
        for article in screen.timeline.articles:
            if article.id != screen.article.id:
                yield (
                    visible(f"Open article: {article.shown_title} · {published_compact(article)}"),
                    partial(screen.open_other_article, article.id),
                    visible(article.outlet),
                    "",
                )

    def _reading_notice(self) -> str | None:
        return None

