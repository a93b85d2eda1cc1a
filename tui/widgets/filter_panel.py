"""The filter sidebar: text search, actors, kinds, years (or decades) and the article.

`FilterPanel` holds the facet controls. It never changes the timeline itself:
each change posts `FilterPanel.Changed` with the new `Filter`, and the screen
answers by calling `show` with that filter and the fresh facet counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import AwaitMount, Widget
from textual.widgets import Input, Label, Select
from textual.worker import get_current_worker

from tui.filters import Filter, TimelineIndex
from tui.model import Timeline
from tui.present import actor_sort_key, published_compact
from tui.safetext import visible
from tui.widgets.article_select import ArticleSelect
from tui.widgets.facet_list import FacetList
from tui.widgets.search_box import SearchBox

DECADE_THRESHOLD = 30  # more distinct years than this: the year facet lists decades
# Counting the years and kinds costs about `TimelineIndex.counting_cost` flags
# gathered (bitsets and one gather, tui/bitsets.py): up to this much (about 10 ms)
# they are counted with the keystroke, in the same frame as the timeline; beyond,
# in a worker thread, after the timeline. Actors are counted as they are drawn
# (a dozen in view of 2,000: `FacetList.set_counter`).
INLINE_COUNT_COST = 400_000


def year_facets(years: tuple[int, ...]) -> list[tuple[str, tuple[int, ...]]]:
    """Facet values for `years`: one per year, or one per decade when there are many."""
    if len(years) <= DECADE_THRESHOLD:
        return [(str(y), (y,)) for y in years]
    decades: dict[int, list[int]] = {}
    for y in years:
        decades.setdefault(y // 10 * 10, []).append(y)
    return [(f"{d}s", tuple(ys)) for d, ys in sorted(decades.items())]


@dataclass(eq=False)  # each message is distinct: compared and hashed by identity
class FilterMessage(Message):
    """A message from a `FilterPanel` about `filter`."""

    filter_panel: FilterPanel
    """The panel that sent the message."""
    filter: Filter
    """The filter the message is about."""

    @property
    def control(self) -> FilterPanel:
        """The widget that sent the message (an alias of `filter_panel`)."""
        return self.filter_panel


def _article_options(timeline: Timeline) -> list[tuple[Text, str]]:
    """The article choice's options, by id, oldest first: each article's publication
    date (two pieces with one title, or by one outlet, differ by it) and title."""
    return [
        (Text(visible(f"{published_compact(a)} · {a.shown_title}")), a.id)
        for a in sorted(timeline.articles, key=lambda a: (a.published, a.id))
    ]


def actors_heading(all_actors: bool) -> str:
    """The actor facet's heading, saying how several chosen actors combine."""
    # Short enough for the drawer's 28 columns: "all of them (A: any)" was cut.
    return "Actors  a  · all (A: any)" if all_actors else "Actors  a  · any (A: all)"


class FilterPanel(VerticalScroll, can_focus=False):
    """Search box, actor, kind and year lists and article choice, with live counts.

    The panel itself takes no focus: Tab goes from one control to the next.
    """

    DEFAULT_CSS = """
    FilterPanel {
        padding: 0 1;
        & > Label { margin-top: 1; color: $text-muted; text-style: bold; }
        & > #years, & > #kinds { max-height: 10; }
    }
    """

    class Changed(FilterMessage):
        """The reader changed a facet; `filter` is the filter now asked for."""

    class Counted(FilterMessage):
        """The facet counts now shown are those of `filter`."""

    def __init__(
        self,
        timeline: Timeline,
        index: TimelineIndex | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.timeline = timeline
        self.index: TimelineIndex | None = None
        self.filter = Filter()
        self.actor_ids = [a.id for a in sorted(timeline.actors, key=actor_sort_key)]
        self.year_values: list[tuple[str, tuple[int, ...]]] = []
        self._years_by_value: dict[str, tuple[int, ...]] = {}
        self._wanted: Filter | None = None  # the filter whose counts should be shown
        self._counted: Filter | None = None  # the filter whose counts are shown
        self._counting: Filter | None = None  # the filter a worker is counting
        self.kinds: tuple[str, ...] = ()
        # The controls are made when the panel first shows (`compose`, `build`): below
        # 140 columns it is a drawer, hidden at start, and making them before the
        # first frame took about 25 ms of it. Until then the panel keeps the filter
        # and the lists' contents, and the controls are made from them.
        self._composed = False  # Textual asked for the panel's children
        self.built = False  # the controls exist
        if index is not None:
            self._take_index(index)

    def _take_index(self, index: TimelineIndex) -> None:
        self.index = index
        self.kinds = index.kinds
        self.year_values = year_facets(index.years)
        self._years_by_value = {label: ys for label, ys in self.year_values}

    def set_index(self, index: TimelineIndex) -> None:
        """Use `index`, built after the first paint: list the years and count."""
        if self.index is not None:
            return
        self._take_index(index)
        if not self.built:
            return  # listed and counted when the controls are made
        heading = "Decades  y" if len(self.year_values) != len(index.years) else "Years  y"
        self.query_one("#years-heading", Label).update(heading)
        years = self.query_one("#years", FacetList)
        years.add_items((label, label) for label, _ in self.year_values)
        self.query_one("#kinds", FacetList).add_items((kind, kind) for kind in self.kinds)
        if self.filter.years or self.filter.kinds:
            self._sync_controls(self.filter)
        self._refresh_counts()

    def set_timeline(self, timeline: Timeline, index: TimelineIndex) -> None:
        """List `timeline`'s actors, kinds, years and articles in place of the last one's
        (a reload), with nothing counted yet; the owner then `show`s the filter kept.

        The controls stay the same widgets: whatever has the focus keeps it.
        """
        self.timeline = timeline
        self.actor_ids = [a.id for a in sorted(timeline.actors, key=actor_sort_key)]
        self._take_index(index)
        self._wanted = self._counted = self._counting = None
        if not self.built:
            return  # made from the new timeline when first shown
        decades = len(self.year_values) != len(index.years)
        with self.prevent(FacetList.Changed, Select.Changed):
            self.query_one("#actors", FacetList).set_items(
                (a, timeline.actor_by_id[a].name) for a in self.actor_ids
            )
            self.query_one("#kinds", FacetList).set_items((k, k) for k in self.kinds)
            self.query_one("#years-heading", Label).update("Decades  y" if decades else "Years  y")
            self.query_one("#years", FacetList).set_items(
                (label, label) for label, _ in self.year_values
            )
            self.query_one("#article", Select).set_options(_article_options(timeline))

    def compose(self) -> ComposeResult:
        """The four facets, each with a heading, if the panel shows; else nothing yet."""
        self._composed = True
        if self.display:
            self.built = True
            yield from self._controls()

    def build(self) -> AwaitMount | None:
        """Make the controls now, if not made yet, set to the panel's filter.

        Mounted at once: they can be queried and focused as this returns (the keys
        typed after the one that opened the panel go to them). Returns what awaits
        the end of their mounting (their own children made), if they were made now.
        """
        if self.built or not self.is_attached:  # made, or removed: the app is closing
            return None
        controls = self._controls()
        mounted = self.mount(*controls)
        if controls[0].parent is not self:
            return None  # the app is closing: Textual mounts nothing more
        self.built = True
        self._sync_controls(self.filter)
        return mounted

    def _controls(self) -> list[Widget]:
        """The headings and controls, listing the panel's timeline and index."""
        timeline, filt = self.timeline, self.filter
        decades = self.index is not None and len(self.year_values) != len(self.index.years)
        return [
            Label("Search  /"),
            SearchBox(filt.search, placeholder="words to find", id="search",
                      owner_paints_typing=True),
            Label(actors_heading(filt.all_actors), id="actors-heading"),
            # The panel draws a reader's toggle with the filter it makes (`show`).
            FacetList(((a, timeline.actor_by_id[a].name) for a in self.actor_ids),
                      id="actors", owner_paints_choices=True),
            Label("Kinds"),
            FacetList(((k, k) for k in self.kinds), id="kinds", owner_paints_choices=True),
            Label("Decades  y" if decades else "Years  y", id="years-heading"),
            FacetList(((label, label) for label, _ in self.year_values), id="years",
                      owner_paints_choices=True),
            Label("Article"),
            ArticleSelect(
                _article_options(timeline),
                prompt="All articles",
                value=filt.article if filt.article is not None else Select.NULL,
                id="article",
            ),
        ]

    def show(self, filt: Filter, *, sync: bool = True) -> None:
        """Show `filt`; with `sync`, also set the controls to it.

        The screen passes `sync=False` when `filt` came from this panel, so that a
        reply to an earlier keystroke never overwrites what is being typed. The
        counts are worked out in a thread, and only while the panel is displayed:
        the timeline repaints first and never waits for them.
        """
        if sync:
            self.filter = filt
            self._sync_controls(filt)
        self._paint_choices()  # a toggle is drawn with the timeline it filtered
        self._wanted = filt
        laid_out = self.display and bool(self.region)  # (a drawer's classes come with layout)
        if laid_out and self.index is not None and self._counts_inline(self.index):
            self._refresh_counts()  # in this frame, with the timeline
        else:
            # After the refresh, so that the layout's classes decide whether it shows.
            self.call_after_refresh(self._refresh_counts)

    def _sync_controls(self, filt: Filter) -> None:
        if not self.built:
            return  # made with `filt` when first shown
        # Setting the controls must not echo back as a reader's change: in decade
        # mode a deselect-all would otherwise post "no years" and wipe the filter.
        with self.prevent(FacetList.Changed, Input.Changed, Select.Changed):
            self._set_controls(filt)

    def _set_controls(self, filt: Filter) -> None:
        search = self.query_one("#search", Input)
        if search.value != filt.search:
            search.value = filt.search
        self.query_one("#actors-heading", Label).update(actors_heading(filt.all_actors))
        kinds = self.query_one("#kinds", FacetList)
        if set(kinds.selected) != set(filt.kinds):
            kinds.deselect_all()
            for kind in sorted(filt.kinds):
                if kind in self.kinds:
                    kinds.select(kind)
        actors = self.query_one("#actors", FacetList)
        if set(actors.selected) != set(filt.actors):
            actors.deselect_all()
            chosen = [i for i, a in enumerate(self.actor_ids) if a in filt.actors]
            for i in chosen:
                actors.select(self.actor_ids[i])
            if chosen:
                actors.highlighted = chosen[0]  # and scrolled into view
        years = self.query_one("#years", FacetList)
        wanted = [i for i, (_, ys) in enumerate(self.year_values) if ys and set(ys) <= filt.years]
        if set(years.selected) != {self.year_values[i][0] for i in wanted}:
            years.deselect_all()
            for i in wanted:
                years.select(self.year_values[i][0])
            if wanted:
                years.highlighted = wanted[0]  # and scrolled into view
        article = self.query_one("#article", Select)
        value = filt.article if filt.article is not None else Select.NULL
        if article.value != value:
            article.value = value

    def notify_style_update(self) -> None:
        """The panel's styles changed (a drawer opened, the layout changed): count if shown.

        The counts shown follow the state: whenever the styles display the panel,
        the wanted filter's counts are worked out unless this panel already shows
        them or is counting them. Textual's Show event is not enough: it comes when
        a widget enters the layout, and a panel hidden and displayed again by its
        classes between two layouts gets none (when the first layout placed the
        panel as a sidebar before the width class hid it, a drawer opened before
        the next layout kept every count at 0).
        """
        super().notify_style_update()
        if not self.display:
            return
        if self._composed:
            self.build()  # first shown: a drawer opened, or a resize made it a sidebar
        if self._wanted is None:
            return
        if self.region:
            self._refresh_counts()  # in the frame that shows the panel
        else:
            # Not laid out yet: the first layout's width class may still hide it.
            self.call_after_refresh(self._refresh_counts)

    def _refresh_counts(self) -> None:
        """Count the facets for the wanted filter in a worker, unless already done."""
        filt = self._wanted
        if self.index is None or not self.display or not self.built or filt is None:
            return
        if filt in (self._counted, self._counting):
            return
        index = self.index
        if self._counts_inline(index):
            self._apply_counts(
                filt, index.actor_counter(filt), index.year_counts(filt), index.kind_counts(filt)
            )
            return
        self._counting = filt
        self._count(index, filt)

    @staticmethod
    def _counts_inline(index: TimelineIndex) -> bool:
        """Whether counting is cheaper than a frame, so it is done with the keystroke.

        It is at every size the benchmark measures (100,000 events): one frame
        per keystroke, no worker competing with the UI for the GIL.
        """
        return index.counting_cost <= INLINE_COUNT_COST

    @work(thread=True, exclusive=True, group="facet-counts", description="count the facets")
    def _count(self, index: TimelineIndex, filt: Filter) -> None:
        """In a worker thread: the facet counts for `filt`, handed back to the UI.

        A newer count cancels this one (the group is exclusive): its result is dropped.
        """
        actor_counts = index.actor_counter(filt)
        year_counts = index.year_counts(filt)
        kind_counts = index.kind_counts(filt)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(
                self._apply_counts, filt, actor_counts, year_counts, kind_counts, index
            )

    def _apply_counts(
        self,
        filt: Filter,
        actor_counts: Callable[[str], int],
        year_counts: dict[int, int],
        kind_counts: dict[str, int] | None = None,
        index: TimelineIndex | None = None,
    ) -> None:
        if index is not None and index is not self.index:
            return  # counted in a timeline reloaded since: the new one is counted anew
        if filt == self._counting:
            self._counting = None
        if filt != self._wanted:
            self._refresh_counts()  # the reader moved on: count what is asked now
            return
        self.query_one("#actors", FacetList).set_counter(actor_counts)
        self.query_one("#years", FacetList).set_counts(
            {label: sum(year_counts.get(y, 0) for y in ys) for label, ys in self.year_values}
        )
        self.query_one("#kinds", FacetList).set_counts(kind_counts or {})
        self._counted = filt
        self.post_message(self.Counted(self, filt))

    def focus_facet(self, facet: str) -> None:
        """Focus the control of `facet` ("search", "actors", "kinds" or "years") in view.

        The panel may only now be shown (a drawer on small terminals): it is
        scrolled once laid out, so the control is never focused out of sight.
        """
        self.build()
        control = self.query_one(f"#{facet}")
        # At once, not after a refresh: the keys typed next must reach this control.
        self.screen.set_focus(control, scroll_visible=False)
        self.call_after_refresh(self._show_control, control)

    def _show_control(self, control: Widget) -> None:
        """Scroll the panel home if `control` shows there whole (the search box above it
        stays in sight: at 160×48 `f` scrolled it off), else to put its heading at the
        top (at 80×24 the actors' heading, which says whether several chosen actors
        combine as any or all, went out of sight), or the control itself when the
        heading would push its highlighted line out of sight."""
        height = self.scrollable_content_region.height
        if control.virtual_region.bottom <= height:
            self.scroll_home(animate=False, immediate=True)
            return
        heading = self._heading_of(control)
        top: Widget = control
        if heading is not None:
            cursor = 0
            if isinstance(control, FacetList) and control.highlighted is not None:
                cursor = control.highlighted - round(control.scroll_offset.y)
            if control.virtual_region.y - heading.virtual_region.y + cursor < height:
                top = heading
        self.scroll_to_widget(top, animate=False, top=True, immediate=True)

    @staticmethod
    def _heading_of(control: Widget) -> Label | None:
        """The heading just above `control` in the panel, if there is one."""
        siblings = list(control.parent.children) if control.parent is not None else []
        at = siblings.index(control) if control in siblings else 0
        before = siblings[at - 1] if at > 0 else None
        return before if isinstance(before, Label) else None

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        # The box's text now, not the event's: a change read late (after Enter
        # committed the search) must not bring back an older, shorter text.
        event.stop()
        self._post(replace(self.filter, search=event.input.value))

    @on(FacetList.Changed, "#kinds")
    def _kinds_changed(self, event: FacetList.Changed) -> None:
        event.stop()
        self._post(replace(self.filter, kinds=frozenset(event.selected)))

    @on(FacetList.Changed, "#actors")
    def _actors_changed(self, event: FacetList.Changed) -> None:
        event.stop()
        self._post(replace(self.filter, actors=frozenset(event.selected)))

    @on(FacetList.Changed, "#years")
    def _years_changed(self, event: FacetList.Changed) -> None:
        event.stop()
        years: set[int] = set()
        for label in event.selected:
            years.update(self._years_by_value.get(label, ()))
        self._post(replace(self.filter, years=frozenset(years)))

    @on(Select.Changed, "#article")
    def _article_changed(self, event: Select.Changed) -> None:
        event.stop()
        value = event.value
        self._post(replace(self.filter, article=None if value is Select.NULL else str(value)))

    def _post(self, filt: Filter) -> None:
        if filt != self.filter:
            self.filter = filt
            self.post_message(self.Changed(self, filt))  # the screen's `show` replies
        else:
            self._paint_choices()  # nothing to filter anew: no reply will draw it

    def _paint_choices(self) -> None:
        """Draw what the reader typed or toggled, with the timeline it filtered."""
        for facet in self.query(FacetList):
            facet.paint_choices()
        for box in self.query(SearchBox):
            box.paint_typing()
