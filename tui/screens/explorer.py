"""The explorer screen: wires the filter sidebar, timeline, detail and source panes.

The screen owns the state (the `Filter`, the selected event and which of its
sources is shown). Widgets report with their nested messages; the screen works
out the consequences and tells each widget what to show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Input
from textual.widgets._select import SelectOverlay
from textual.worker import get_current_worker

from tui.datafiles import EVENTS_FILE
from tui.filters import Filter, TimelineIndex
from tui.headstore import Head
from tui.model import Event, Timeline
from tui.palette import TimelineCommands
from tui.perf import refreeze
from tui.present import QuoteRef, article_quotes, source_title
from tui.problems import Problem
from tui.screens.explorer_commands import CommandActions
from tui.screens.explorer_drawer import DrawerActions
from tui.screens.explorer_export import ExportActions
from tui.screens.explorer_keys import EXPLORER_BINDINGS, SearchActions
from tui.screens.frames import PromptFrames
from tui.widgets.density_strip import DensityStrip
from tui.widgets.event_detail import EventDetail
from tui.widgets.filter_panel import FilterPanel
from tui.widgets.key_bar import KeyBar
from tui.widgets.problems_panel import ProblemsPanel
from tui.widgets.source_view import SourceView
from tui.widgets.status_line import StatusLine
from tui.widgets.timeline_view import TimelineView

# The keys that work on the whole timeline: off while only its head is shown.
NEEDS_WHOLE_TIMELINE = frozenset({
    "search", "next_match", "focus_facet", "toggle_all_actors", "toggle_filters", "clear",
    "export",
})
EAGER_INDEX_EVENTS = 2_000  # up to this many events the index is built before drawing


def breakpoint_classes(breakpoints: Sequence[tuple[int, str]], width: int) -> dict[str, bool]:
    """Each breakpoint's class, on for the widest breakpoint `width` reaches, as Textual
    sets them on a screen at each resize (`Screen.HORIZONTAL_BREAKPOINTS`)."""
    reached = [(edge, name) for edge, name in breakpoints if width >= edge]
    chosen = max(reached)[1] if reached else None
    return {name: name == chosen for _, name in breakpoints}


class ExplorerScreen(
    SearchActions, ExportActions, DrawerActions, CommandActions, PromptFrames
):
    """Sidebar | timeline | detail + source, stacked on narrow terminals."""

    BINDINGS: ClassVar[list[BindingType]] = EXPLORER_BINDINGS

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (140, "-wide")]

    COMMANDS = {TimelineCommands}

    # The timeline has the focus from the start. Left to Textual, the first control
    # took it (the search box): on wide screens, where the filters are in view,
    # that scrolled them down past their "Search" heading.
    AUTO_FOCUS = "#timeline"

    # Textual repaints the whole screen when the focus moves; each widget whose look
    # follows the focus repaints itself (its `:focus` styles, its focus and blur), so
    # the rest is drawn again for nothing (the filter drawer's Esc and `a`).
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    @dataclass
    class DataEdited(Message):
        """A file of the data folder was edited from the explorer: load it again."""

    def __init__(
        self,
        timeline: Timeline,
        *,
        start_filter: Filter | None = None,
        start_event: str | None = None,
        data_dir: Path | None = None,
        head: Head | None = None,
    ) -> None:
        super().__init__()
        self.timeline = timeline
        self.data_dir = data_dir  # where the timeline was read from (None: not from files)
        # With `head`, `timeline` is only a long timeline's head: its first events,
        # shown while the app reads the whole model and hands it over (`set_timeline`).
        # Until then nothing filters, since the head knows too little to count.
        self.head = head
        self.head_failed = False  # the whole could not be read: the head stays
        start_filter = start_filter or Filter()
        # A long timeline opened unfiltered is drawn first and indexed in a worker
        # thread just after; a short one, or one opened filtered, is indexed now.
        eager = start_filter.is_active or len(timeline.events) <= EAGER_INDEX_EVENTS
        if head is not None:
            eager = False
        self.index: TimelineIndex | None = TimelineIndex.build(timeline) if eager else None
        self._quotes: dict[str, tuple[QuoteRef, ...]] = {}  # per article, on first use
        self.filter = start_filter
        self.start_event = start_event
        self.event: Event | None = None
        self.source_index = 0
        self._last_event_id: str | None = None  # kept through a filter that lists none
        # The export dialog's last format and folder, for the rest of the session.
        self.export_format = "json"
        self.export_folder: Path | None = None
        # What `/` replaced, restored by Esc in the search box: (filter, event id).
        self._before_search: tuple[Filter, str | None] | None = None
        self._total_counts = self.index.year_counts(Filter()) if self.index else {}
        if head is not None:
            self._total_counts = head.year_counts  # of the whole timeline
        # A deferred index: True until it and the search texts are built, just after
        # the first paint (the status line says so).
        self.preparing = self.index is None
        self._resumed = False  # shown once already (see `on_screen_resume`)

    def compose(self) -> ComposeResult:
        """Build the panes; the layout lives in app.tcss."""
        # The width's class (`-wide`, ...) before the panes are mounted, so that
        # each is styled once as it is mounted and first laid out for this width:
        # set by Textual at the first resize, after the mount, it restyled every
        # node of the screen again and laid the panes out a second time.
        self.update_classes(breakpoint_classes(self.HORIZONTAL_BREAKPOINTS, self.app.size.width))
        with Container(id="body"):
            yield FilterPanel(self.timeline, self.index, id="filters")
            with Vertical(id="main"):
                yield DensityStrip(id="density")
                yield TimelineView(id="timeline")
            with Vertical(id="reading"):
                yield EventDetail(id="detail")
                yield SourceView(id="source")
        yield ProblemsPanel(id="problems")
        yield StatusLine(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        """Show the start filter with the start event selected."""
        self.query_one("#detail").border_title = "Event"
        self.query_one("#source").border_title = "Source"
        self.query_one("#main").border_title = "Timeline"
        self.query_one("#filters").border_title = "Filters"
        timeline_view = self.query_one("#timeline", TimelineView)
        timeline_view.set_timeline(self.timeline)
        self.query_one("#source", SourceView).is_listed = self._is_listed
        self.apply_filter(self.filter, keep=self.start_event)
        timeline_view.focus()
        if self.head is not None:
            # The sidebar, in view on wide screens, takes no input until the whole
            # timeline is read: what was chosen in it would not be applied.
            self.query_one("#filters", FilterPanel).disabled = True
            # The whole timeline comes with its index built (`set_timeline`).
            self.query_one("#density", DensityStrip).show(self._total_counts, self.filter.years)
            return
        # After the first paint: the index if it is still to be built, then the
        # search texts, so that neither the first screen nor the first letter
        # typed waits for them.
        self.call_after_refresh(self._warm_up)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """The first time the screen is shown, its nodes are not styled all over again.

        Each was styled as it was mounted, a moment before, with the classes it
        has now (a class or focus changed since restyled its node); the full pass
        Textual makes for a screen pushed is a third of the first frame's styling.
        Later (back from another screen, say) the screen is restyled as Textual does.
        """
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    @work(thread=True, exclusive=True, group="warm-up", description="build the filter index")
    def _warm_up(self) -> None:
        """In a worker thread: build what filtering needs, then hand it to the UI."""
        index = self.index or TimelineIndex.build(self.timeline)
        if self.index is None and not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._index_ready, index)
        index.texts  # noqa: B018 - built now, on this thread, for the first search
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._filters_ready)

    def _filters_ready(self) -> None:
        """The index and the search texts are built: the status line stops saying so.

        Then, once it is drawn, the filter drawer's controls are made and the
        collector is settled (`refreeze`): the model was frozen before the interface
        existed, and a full collection over the widgets, styles and caches made
        since (about 30 ms) came in the middle of a keystroke.
        """
        self.preparing = False
        self._show_status(len(self.timeline_view.positions))
        self.call_after_refresh(self._settle)

    async def _settle(self) -> None:
        # The drawer's controls, left out of the first frame, are made while the app
        # waits for keys (so that its first opening does not make them), and mounted
        # whole before the collector is settled.
        panel = next(self.query("#filters").results(FilterPanel), None)  # none once closing
        mounted = panel.build() if panel is not None else None
        if mounted is not None:
            await mounted
        self.call_after_refresh(refreeze)

    def _show_status(self, shown: int) -> None:
        self.query_one("#status", StatusLine).show(
            self.timeline,
            self.filter,
            shown,
            preparing=self.preparing,
            loading_total=self.head.total_events if self.head is not None else None,
            unreadable=self.head_failed,
            typing=isinstance(self.focused, Input),
        )

    def _index_ready(self, index: TimelineIndex) -> None:
        """The index exists: fill the facets, the density strip and the quote marks."""
        if self.index is not None:
            return  # built on demand meanwhile (a filter was asked for)
        self.index = index
        self._total_counts = index.year_counts(Filter())
        self.query_one("#filters", FilterPanel).set_index(index)
        self.query_one("#density", DensityStrip).show(self._total_counts, self.filter.years)
        if self.event is not None:
            self._show_event(self.event, self.source_index)

    def _require_index(self) -> TimelineIndex:
        """The index, built here and now if the worker has not delivered it yet."""
        if self.index is None:
            self._index_ready(TimelineIndex.build(self.timeline))
        assert self.index is not None
        return self.index

    # --- live reload -----------------------------------------------------------------

    async def set_timeline(
        self, timeline: Timeline, index: TimelineIndex, select: str | None = None
    ) -> None:
        """Show `timeline`, reloaded from the files, keeping the filters and the event.

        With `select`, that event is selected instead (the filters are cleared if
        they hide it).

        Filters naming an actor, kind or article the new timeline lacks drop it; the
        selected event stays selected if it still exists (with the same source shown
        when it still has it), else the next one in time is.
        """
        old_event, source_index = self.event, self.source_index
        keep = old_event.id if old_event is not None else None
        if old_event is not None and keep not in timeline.event_by_id and timeline.events:
            # Gone (deleted or renamed): the next event in time takes its place.
            when = (old_event.start, old_event.end)
            later = (e for e in timeline.events if (e.start, e.end) >= when)
            keep = next(later, timeline.events[-1]).id
        self.timeline = timeline
        self.index = index
        if self.head is not None:
            # The whole timeline, after its head: the filters work from now on.
            self.head = None
            self.head_failed = False
            self.preparing = False
            self.refresh_bindings()
        self._quotes = {}
        self._total_counts = index.year_counts(Filter())
        filt = self.filter.kept_by(timeline, index.kinds)
        panel = self.query_one("#filters", FilterPanel)
        panel.set_timeline(timeline, index)
        panel.disabled = False  # taken no input while a head was shown
        self.event = None  # the old model's event: shown again from the new one below
        self.timeline_view.set_timeline(timeline)
        self.apply_filter(filt, keep=keep)
        selected = self.timeline_view.selected_event_id
        event = timeline.event_by_id.get(selected) if selected is not None else None
        if event is not None:
            same = event.id == keep and source_index < len(event.sources)
            self._show_event(event, source_index if same else 0)
        if select is not None and select in timeline.event_by_id:
            self.go_to_event(select)

    def show_problems(self, problems: Sequence[Problem], *, partial: bool = False) -> None:
        """List the data's problems under the panes (none: hide the list, and give the
        focus back to the timeline if the list had it). `partial`: the timeline shown
        is what loaded of the files with `problems`, not the last good one."""
        panel = self.query_one("#problems", ProblemsPanel)
        had_focus = panel.has_focus
        panel.show(problems, partial=partial, data_dir=self.data_dir)
        if had_focus and not problems:
            self.timeline_view.focus()

    # --- the state -------------------------------------------------------------------

    @property
    def timeline_view(self) -> TimelineView:
        """The timeline pane."""
        return self.query_one("#timeline", TimelineView)

    def apply_filter(self, filt: Filter, *, keep: str | None = None, sync: bool = True) -> None:
        """Show the events `filt` keeps and refresh counts, status and density.

        The event shown in the detail pane stays selected if `filt` keeps it (the
        screen owns the selection: a reverse jump may have moved it).
        """
        if self.head is not None and filt != self.filter:
            self.notify_reading()
            # The panel goes back to the filter in force (a toggle it made is undone).
            self.query_one("#filters", FilterPanel).show(self.filter)
            return
        if keep is None:  # the event shown, or the last one while none is listed
            keep = self.event.id if self.event is not None else self._last_event_id
        if bool(filt.search.strip()) != bool(self.filter.search.strip()):
            self.refresh_bindings()  # `n` is shown while a search is in force
        self.filter = filt
        positions = (
            self._require_index().select(filt)
            if filt.is_active or self.index is not None
            else range(len(self.timeline.events))
        )
        # Every pane that changes, changed in one frame: the timeline, the facet
        # counts, the density strip, the status line, and the event and source
        # panes when the selection moved (the timeline's message then finds the
        # event already shown).
        with self.app.batch_update():
            view = self.timeline_view
            view.show(positions, keep=keep)
            self.query_one("#filters", FilterPanel).show(filt, sync=sync)
            self.query_one("#density", DensityStrip).show(self._total_counts, filt.years)
            self._show_status(len(positions))
            selected = view.selected_event_id
            if selected is None:
                self._show_event(None)
            elif self.event is None or self.event.id != selected:
                self._show_event(self.timeline.event_by_id[selected])

    def _show_event(self, event: Event | None, source_index: int = 0) -> None:
        """Describe `event` and show its source `source_index` in the source pane."""
        self.event = event
        self.source_index = source_index
        if event is not None:
            self._last_event_id = event.id
        self.query_one("#detail", EventDetail).show(self.timeline, event, source_index)
        source_view = self.query_one("#source", SourceView)
        if event is None:
            source_view.show(None)
            source_view.border_title = "Source"
        else:
            source = event.sources[source_index]
            article = self.timeline.article_by_id.get(source.article_id)
            quotes = self._quotes.get(source.article_id)
            if quotes is None and self.index is not None:
                quotes = self._quotes[source.article_id] = article_quotes(
                    self.index, source.article_id
                )
            if quotes is None:  # until the index arrives: this quote alone
                quotes = (QuoteRef(source.quote_start, source.quote_end, event.id,
                                   source_index),)
            current = QuoteRef(source.quote_start, source.quote_end, event.id, source_index)
            source_view.show(article, quotes, current)
            source_view.border_title = Content(
                source_title(article, source_index, len(event.sources))
            )

    # --- messages from the widgets ---------------------------------------------------------

    @on(TimelineView.Selected, "#timeline")
    def _selected(self, message: TimelineView.Selected) -> None:
        if self.timeline_view.row_of_event(message.event_id) is None:
            return  # still in flight when a newer filter hid it
        if message.event_id != self.timeline_view.selected_event_id:
            return  # a later move is on its way ("jjj" in one burst): shown by its message
        event = self.timeline.event_by_id.get(message.event_id)
        if event is not None and event is not self.event:
            self._show_event(event)

    @on(TimelineView.Opened, "#timeline")
    def _opened(self, message: TimelineView.Opened) -> None:
        event = self.timeline.event_by_id.get(message.event_id)
        if event is not None and event is not self.event:
            self._show_event(event)
        self.action_show_source()

    @on(SourceView.QuoteChosen, "#source")
    def _quote_chosen(self, message: SourceView.QuoteChosen) -> None:
        event = self.timeline.event_by_id.get(message.event_id)
        if event is None:
            return
        self._show_event(event, message.source_index)
        if not self.timeline_view.select_event(event.id, notify=False):
            self.notify(
                "That event is hidden by the filters — press c to clear them.",
                severity="warning",
            )

    @on(FilterPanel.Changed, "#filters")
    def _filters_changed(self, message: FilterPanel.Changed) -> None:
        if message.filter != self.filter:
            self.apply_filter(message.filter, sync=False)
        else:  # nothing to filter anew; the controls are left as the reader set them
            self.query_one("#filters", FilterPanel).show(self.filter, sync=False)

    @on(DensityStrip.YearChosen, "#density")
    def _year_chosen(self, message: DensityStrip.YearChosen) -> None:
        if self.head is not None:
            self.notify_reading()
            return
        index = self._require_index()
        years = frozenset(
            y for y in range(message.year, message.last_year + 1) if y in index.by_year
        )
        if not years:
            return
        self.apply_filter(replace(self.filter, years=frozenset() if years == self.filter.years
                                  else years))

    # --- actions ------------------------------------------------------------------------------

    def _is_listed(self, event_id: str) -> bool:
        """True when the filters keep `event_id` (the source pane's `]`/`[` skip the rest)."""
        return self.timeline_view.row_of_event(event_id) is not None

    def notify_reading(self) -> None:
        """Say why a filter or a jump does nothing while the timeline is being read."""
        if self.head is None:
            return  # read meanwhile (a command chosen from a palette opened before)
        if self.head_failed:
            self.notify(
                f"Only the first {len(self.timeline.events)} of {self.head.total_events} events "
                "are shown: the data has problems (listed below). Filters and searches "
                "work once it reads again.",
                markup=False,
            )
            return
        self.notify(
            f"Still reading the timeline ({self.head.total_events} events): "
            "filters and searches work once it is read.",
            markup=False,
        )

    def head_unreadable(self) -> None:
        """The whole timeline behind the head could not be read: the status says so."""
        self.head_failed = True
        self._show_status(len(self.timeline_view.positions))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`/` types a slash in a text box; Enter and Esc act on the search only in its box.

        While a long timeline is being read, the keys that filter or search are off
        (shown dimmed): the first events alone would give wrong counts and matches.
        """
        if action == "next_match" and not self.filter.search.strip():
            return False  # off without a search: `n` then says how to search
        if self.head is not None and action in NEEDS_WHOLE_TIMELINE:
            return None
        if action in ("search", "open_article"):
            # In a text box "/" and "o" are letters; in an open list, what it searches.
            return not isinstance(self.focused, (Input, SelectOverlay))
        if action in ("commit_search", "cancel_search"):
            return self.focused is not None and self.focused.id == "search"
        return True

    def action_edit_event(self) -> None:
        """Open the selected event in $VISUAL or $EDITOR at its line; reload on return."""
        self.show_selected()
        if self.event is None:
            self.notify("No event is selected.", markup=False)
            return
        if self.data_dir is None:
            self.notify("This timeline was not read from a data folder.", markup=False)
            return
        from tui.screens.editor import edit_at_line  # not needed to start
        from tui.workbench import event_line

        path = self.data_dir / EVENTS_FILE
        failed = edit_at_line(self.app, path, event_line(path, self.event.id) or 1)
        if failed is not None:
            message, severity = failed
            self.notify(message, severity=severity, markup=False)
            return
        self.post_message(self.DataEdited())
