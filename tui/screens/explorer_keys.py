"""The explorer's own keys (the panes' moving keys are `tui.widgets.keys`), and waiting
for keys typed ahead into the search box."""

from __future__ import annotations

import asyncio
from contextlib import suppress

from textual.binding import Binding, BindingType
from textual.widgets import Input

EXPLORER_BINDINGS: list[BindingType] = [
    # Priority: handled in key order, before the keys typed after them reach a pane.
    Binding("slash", "search", "Search", priority=True, id="explorer.search"),
    Binding(
        "enter",
        "commit_search",
        "In the search box: to the first match",
        show=False,
        priority=True,
        id="explorer.commit_search",
    ),
    Binding(
        "escape",
        "cancel_search",
        "In the search box: cancel the search",
        show=False,
        priority=True,
        id="explorer.cancel_search",
    ),
    Binding("n", "next_match(1)", "Next match", show=False, id="explorer.next_match"),
    Binding("N", "next_match(-1)", "Previous match", show=False, id="explorer.previous_match"),
    Binding("a", "focus_facet('actors')", "Actors", show=False, id="explorer.actors"),
    Binding("A", "toggle_all_actors", "Actors: any / all", show=False, id="explorer.all_actors"),
    Binding("y", "focus_facet('years')", "Years", show=False, id="explorer.years"),
    Binding("c", "clear", "Clear", tooltip="Clear every filter", id="explorer.clear"),
    Binding("s", "cycle_source(1)", "Next source", id="explorer.next_source"),
    Binding("S", "cycle_source(-1)", "Previous source", show=False, id="explorer.prev_source"),
    Binding("f", "toggle_filters", "Filters", id="explorer.filters"),
    Binding("e", "export", "Export the filtered view", show=False, id="explorer.export"),
    Binding("E", "edit_event", "Edit the event in $EDITOR", show=False, id="explorer.edit_event"),
    Binding("escape", "back", "Back to the timeline", show=False, id="explorer.back"),
    Binding("tab", "app.focus_next", "Next pane", show=False, id="explorer.next_pane"),
    Binding(
        "shift+tab",
        "app.focus_previous",
        "Previous pane",
        show=False,
        id="explorer.previous_pane",
    ),
]


async def typed_ahead(box: Input) -> str:
    """The box's text once the keys typed before this moment are in it.

    The box handles its keys in its own queue; this waits (briefly) for it, so
    Enter pressed right after typing commits every letter.
    """
    done = asyncio.Event()
    box.call_later(done.set)
    with suppress(TimeoutError):
        await asyncio.wait_for(done.wait(), timeout=1.0)
    return box.value
