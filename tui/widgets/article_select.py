"""The filter drawer's article chooser: Textual's `Select`, safe to close while it mounts.

The drawer's controls are mounted after the first paint (`ExplorerScreen._settle`).
When the explorer ends in the middle of that mount (SIGTERM, or `q` pressed at
that moment), Textual removes the `Select`'s parts before the `Select` handles its
own `Mount`, which then looks for its option list and raised `NoMatches`: the
explorer ended with a traceback and exit code 1. Textual's `Select` already
guards its watchers against this ("The widget has likely been removed"); this
guards its mount the same way.
"""

from __future__ import annotations

from textual import events
from textual.widgets._select import SelectOverlay

from tui.widgets.keyed_select import KeyedSelect


class ArticleSelect(KeyedSelect[str]):
    """A `Select` of articles whose mount does nothing once its parts are gone."""

    def _on_mount(self, event: events.Mount) -> None:
        # Textual runs the handler of each class in turn, this one first; the
        # `Select`'s own sets the options up, unless prevented here.
        if not self.query(SelectOverlay):  # removed while it was mounting
            event.prevent_default()
