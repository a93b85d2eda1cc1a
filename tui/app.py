"""The Textual explorer: `make_app` builds a `TimelineApp` for a timeline.

The app wires screens: the `ExplorerScreen` (which wires the widgets) and the
help modal. It imports the model; the model never imports Textual.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.widgets import Input

from tui.filters import Filter
from tui.model import Timeline
from tui.screens.explorer import ExplorerScreen
from tui.screens.export import ExportScreen
from tui.screens.help import HelpScreen
from tui.widgets.density_strip import DensityStrip
from tui.widgets.facet_list import FacetList
from tui.widgets.keys import MOVE_ACTIONS, move_bindings
from tui.widgets.source_view import SourceView
from tui.widgets.timeline_view import TimelineView


class TimelineApp(App[None]):
    """The explorer of one timeline, opened with a start filter and event."""

    TITLE = "China–North Korea timeline"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+c", "interrupt", "Quit (in a text box: copy)", show=False,
                id="app.interrupt"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.palette"),
    ]

    def __init__(
        self,
        timeline: Timeline,
        *,
        start_filter: Filter | None = None,
        start_event: str | None = None,
    ) -> None:
        super().__init__()
        self.timeline = timeline
        self.start_filter = start_filter or Filter()
        self.start_event = start_event

    def on_mount(self) -> None:
        """Open the explorer."""
        self.push_screen(
            ExplorerScreen(
                self.timeline, start_filter=self.start_filter, start_event=self.start_event
            )
        )

    def help_sections(self) -> list[tuple[str, list[BindingType]]]:
        """Every binding of the explorer, grouped by where it applies.

        The moving keys, the same in every list and pane, are listed once.
        """

        def own(bindings: list[BindingType]) -> list[BindingType]:
            return [b for b in bindings if not (isinstance(b, Binding)
                                                and b.action in MOVE_ACTIONS)]

        return [
            ("Everywhere", list(self.BINDINGS)),
            ("Explorer", list(ExplorerScreen.BINDINGS)),
            ("Moving, in every list and pane", move_bindings("help")),
            ("Timeline", own(TimelineView.BINDINGS)),
            ("Source", own(SourceView.BINDINGS)),
            ("Filter lists", own(FacetList.BINDINGS)),
            ("Density strip", list(DensityStrip.BINDINGS)),
            ("Export dialog", list(ExportScreen.BINDINGS)),
            ("Help", own(HelpScreen.BINDINGS)),
        ]

    async def action_interrupt(self) -> None:
        """ctrl+c: quit, except in a text box, where it says how to leave it first."""
        if isinstance(self.focused, Input):
            self.notify("In a text box ctrl+c copies: Esc leaves it, then ctrl+c or q quits.",
                        markup=False)
            return
        await self.action_quit()

    def action_help(self) -> None:
        """Show every key (does nothing when help is already open)."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_sections()))


def make_app(
    data_dir: Path | None = None,
    *,
    timeline: Timeline | None = None,
    actors: Sequence[str] = (),
    years: Sequence[int] = (),
    event_id: str | None = None,
    search: str = "",
) -> TimelineApp:
    """The explorer for `timeline` (or the one loaded from `data_dir`), pre-filtered.

    `actors` are actor ids and `years` years to filter by; `search` a text filter;
    `event_id` the event to select and scroll into view.
    """
    if timeline is None:
        from tui.opening import open_timeline

        timeline = open_timeline(data_dir)
    # The model lives as long as the app and holds no garbage: move it out of the
    # collector's reach, so collections during scrolling and filtering stay short.
    gc.freeze()
    start = Filter(actors=frozenset(actors), years=frozenset(years), search=search)
    return TimelineApp(timeline, start_filter=start, start_event=event_id)
