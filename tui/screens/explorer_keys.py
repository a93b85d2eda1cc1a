"""The explorer's own keys (the panes' moving keys are `tui.widgets.keys`), and its
search keys: `/`, Enter and Esc in the search box, `n`/`N`, waiting for keys typed
ahead into the box."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input

from tui.filters import Filter, TimelineIndex, next_match
from tui.model import Event, Timeline
from tui.widgets.keys import typed_ahead

if TYPE_CHECKING:
    from tui.widgets.timeline_view import TimelineView

EXPLORER_BINDINGS: list[BindingType] = [
    # Not a priority binding: a priority key is handled as it arrives, ahead of the
    # keys sent before it that a pane has not handled yet (`c/` lost its `c`). The
    # keys sent after it reach that pane, and `tui.screens.keys_in_order` gives them
    # to the box.
    Binding("slash", "search", "Search", id="explorer.search"),
    # Priority: the box would take them for itself otherwise.
    Binding(
        "enter",
        "commit_search",
        "Keep the search",
        tooltip="In the search box: keep the search and go to the first match",
        priority=True,
        id="explorer.commit_search",
    ),
    Binding(
        "escape",
        "cancel_search",
        "Cancel the search",
        tooltip="In the search box: put back the search it was opened on",
        priority=True,
        id="explorer.cancel_search",
    ),
    # Shown while a search is in force; without one, `n` and `N` say how to search
    # (the binding after them: a key whose first binding is off goes to the next).
    Binding("n", "next_match(1)", "Next match", id="explorer.next_match"),
    Binding("N", "next_match(-1)", "Previous match", show=False, id="explorer.previous_match"),
    Binding("n,N", "no_search", "", show=False, id="explorer.no_search"),
    Binding("a", "focus_facet('actors')", "Actors", show=False, id="explorer.actors"),
    Binding("A", "toggle_all_actors", "Actors: any / all", show=False, id="explorer.all_actors"),
    Binding("y", "focus_facet('years')", "Years", show=False, id="explorer.years"),
    Binding("c", "clear", "Clear", tooltip="Clear every filter", id="explorer.clear"),
    Binding("s", "cycle_source(1)", "Next source", id="explorer.next_source"),
    Binding("S", "cycle_source(-1)", "Previous source", show=False, id="explorer.prev_source"),
    # The source pane's own keys, from the other panes too: they act on the source shown.
    # The keys typed after `o` in one burst reach the article view it opens, in their
    # turn (`tui.screens.keys_in_order`): "o v t" selects the quote's sentence there.
    Binding("o", "open_article", "Open article", id="explorer.open_article"),
    Binding("f", "toggle_filters", "Filters", id="explorer.filters"),
    Binding("right_square_bracket", "source_pane('next_quote')", "Next quote", show=False,
            id="explorer.next_quote"),
    Binding("left_square_bracket", "source_pane('previous_quote')", "Previous quote",
            show=False, id="explorer.previous_quote"),
    Binding("e", "export", "Export the filtered view", show=False, id="explorer.export"),
    Binding("E", "edit_event", "Edit the event in $EDITOR", show=False, id="explorer.edit_event"),
    Binding("escape", "back", "Back to the timeline", show=False, id="explorer.back"),
    # The article view's curating keys, pressed here: say where they work.
    Binding("t,v", "article_view_key", "In the article view (o): new event, select",
            show=False, id="explorer.article_view_key"),
    # Priority: handled as they arrive, so that the keys typed after them in one burst
    # reach the pane they move to, not the one they leave.
    Binding("tab", "app.focus_next", "Next pane", show=False, priority=True,
            id="explorer.next_pane"),
    Binding(
        "shift+tab",
        "app.focus_previous",
        "Previous pane",
        show=False,
        priority=True,
        id="explorer.previous_pane",
    ),
]


WRAP_NOTICE_SECONDS = 3.0
"""How long "Search wrapped round" shows; another wrap while it shows adds no second
notice (three piled up over the source pane with `n N n`)."""


class SearchActions(Screen[None]):
    """The explorer's search: `/` opens the box, Enter commits, Esc cancels, `n`/`N` step."""

    _wrap_notice_until = 0.0  # while a "Search wrapped" notice shows (monotonic seconds)

    if TYPE_CHECKING:  # what the explorer screen provides
        timeline: Timeline
        filter: Filter
        event: Event | None
        _before_search: tuple[Filter, str | None] | None

        @property
        def timeline_view(self) -> TimelineView: ...

        def apply_filter(
            self, filt: Filter, *, keep: str | None = None, sync: bool = True
        ) -> None: ...

        def action_focus_facet(self, facet: str) -> None: ...

        def _close_filters(self) -> None: ...

        def _require_index(self) -> TimelineIndex: ...

    def action_toggle_all_actors(self) -> None:
        """Several actors: events involving any of them, or all of them."""
        self.apply_filter(replace(self.filter, all_actors=not self.filter.all_actors))
        how = "all" if self.filter.all_actors else "any"
        self.notify(f"Chosen actors now match events involving {how} of them.", markup=False)

    def action_clear(self) -> None:
        """Clear every filter, keeping the selected event."""
        self.apply_filter(Filter())

    def action_article_view_key(self) -> None:
        """`t` or `v` in the explorer: they make events in the article view."""
        self.notify(
            "t (new event) and v (select a sentence) work in the article view: "
            "o opens the selected event's article.",
            markup=False,
        )

    def action_search(self) -> None:
        """Open the search box, remembering what to restore if it is cancelled."""
        if self._before_search is None:
            self._before_search = (self.filter, self.event.id if self.event else None)
        self.action_focus_facet("search")

    async def action_commit_search(self) -> None:
        """Enter in the search box: the search stays, the timeline shows its first match."""
        value = await typed_ahead(self.query_one("#search", Input))
        if value != self.filter.search:
            self.apply_filter(replace(self.filter, search=value))
        self._before_search = None
        view = self.timeline_view
        self._close_filters()  # the next keys go to the timeline
        if view.positions:
            view.select_event(self.timeline.events[view.positions[0]].id)
        elif replace(self.filter, search="").is_active:  # `c` clears those too
            self.notify("No event matches the search and the filters — press c to clear "
                        "them all.", severity="warning", markup=False)
        else:
            self.notify("No event matches the search — press c to clear it.",
                        severity="warning", markup=False)

    async def action_cancel_search(self) -> None:
        """Esc in the search box: the filter and the event from before `/`."""
        await typed_ahead(self.query_one("#search", Input))
        before, self._before_search = self._before_search, None
        if before is not None:
            filt, event_id = before
            self.apply_filter(filt, keep=event_id)
            if event_id is not None:
                self.timeline_view.select_event(event_id)
        self._close_filters()

    def action_no_search(self) -> None:
        """`n` or `N` with no search in force: how to search."""
        self.notify("No search in force — press / to search.", markup=False)

    def action_next_match(self, step: int) -> None:
        """Select the next (`step` 1) or previous (-1) event matching the search."""
        needle = self.filter.search.strip().casefold()
        if not needle:
            self.action_no_search()
            return
        view = self.timeline_view
        selected = view.selected_event_id
        at = view.position_of(selected) if selected is not None else -1
        found = next_match(view.positions, self._require_index().texts, needle, at, step)
        if found is None:
            self.notify("No event matches the search.", severity="warning", markup=False)
            return
        target, wrapped = found
        if wrapped and time.monotonic() >= self._wrap_notice_until:
            # No direction in the words: a second wrap the other way while it shows
            # adds no notice, and "to the first match" would then be wrong.
            self.notify("Search wrapped round the timeline.", markup=False,
                        timeout=WRAP_NOTICE_SECONDS)
            self._wrap_notice_until = time.monotonic() + WRAP_NOTICE_SECONDS
        view.select_event(self.timeline.events[target].id)
        view.focus()
