"""The explorer's filter drawer: below 140 columns the filters open over the
reading column (`f`, `/`, `a`, `y`) and close with Esc or when a reading pane
takes the focus; on wide screens the same panel is a sidebar that stays."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events, on
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from tui.filters import Filter
from tui.widgets.filter_panel import FilterPanel

if TYPE_CHECKING:
    from tui.widgets.timeline_view import TimelineView


FOCUS_PANES = "#filters, #main"
"""The panes whose border shows that a control inside them has the focus."""


def restyle_alone(node: Widget, *, repaint_children: bool = True) -> None:
    """Apply the stylesheet to `node` after a change of its classes, not to its children.

    Only for classes that no rule of a descendant depends on: `add_class` would
    restyle every control in the pane (tens of widgets, most of a keystroke).
    Without `repaint_children`, only `node` is repainted, for classes that change
    nothing its children draw either: Textual repaints every widget inside a node
    whose border title's colour or style changes (as it does for inherited styles).
    """
    if repaint_children:
        node.app.stylesheet.update_nodes([node], animate=False)
        return
    styles = node.styles.base  # the styles the stylesheet sets, which repaint on a change
    refresh = styles.refresh

    def refresh_alone(*, layout: bool = False, children: bool = False, parent: bool = False,
                      repaint: bool = True) -> None:
        refresh(layout=layout, parent=parent, repaint=repaint)

    styles.refresh = refresh_alone  # type: ignore[method-assign]
    try:
        node.app.stylesheet.update_nodes([node], animate=False)
    finally:
        del styles.refresh


class DrawerActions(Screen[None]):
    """Opening and closing the filters, moving the focus once each time, and the
    `-focus-within` mark on the pane that holds the focus."""

    if TYPE_CHECKING:  # what the explorer screen provides
        _before_search: tuple[Filter, str | None] | None

        @property
        def timeline_view(self) -> TimelineView: ...

        def _show_status(self, shown: int) -> None: ...

    _focus_before_drawer: Widget | None = None  # a reading pane the drawer was opened from

    def action_focus_facet(self, facet: str) -> None:
        """Open the filters (on narrow screens) and focus one facet."""
        panel = self.query_one("#filters", FilterPanel)
        if panel.has_class("-open"):
            panel.focus_facet(facet)
        else:
            # Closing the drawer gives the focus back to the pane it was opened from
            # (a new user's trial: `f` from the source pane, then Esc, left `j` moving
            # the timeline instead of scrolling the source).
            focused = self.focused
            reading = self.query_one("#reading")
            self._focus_before_drawer = (
                focused if focused is not None and reading in focused.ancestors_with_self
                else None
            )
            self._drawer_moves(panel, True, lambda: panel.focus_facet(facet))

    def _drawer_moves(self, panel: FilterPanel, opening: bool, move_focus: Callable[[], None]
                      ) -> None:
        """Open or close the drawer as `move_focus` moves the focus into or out of it.

        The panel alone is restyled (`-open` only sets where it lies and whether
        it shows), not the controls in it. The screen is laid out now, in the
        frame that shows the focus moved, not a frame later.
        """
        panel.set_class(opening, "-open", update=False)
        move_focus()
        restyle_alone(panel)
        self.refresh(layout=True, repaint=False)  # the layout repaints what moved

    def watch_focused(self, focused: Widget | None) -> None:
        """Mark the pane that holds the focus (its border shows it), restyling and
        repainting it alone (the mark is its border and title: the timeline inside is
        not drawn again)."""
        for pane in self.query(FOCUS_PANES):  # none before the screen is composed
            inside = focused is not None and pane in focused.ancestors_with_self
            if pane.has_class("-focus-within") != inside:
                pane.set_class(inside, "-focus-within", update=False)
                restyle_alone(pane, repaint_children=False)

    def action_toggle_filters(self) -> None:
        """Show or hide the filter sidebar."""
        if self.filters_open:
            self._close_filters()
        else:
            self.action_focus_facet("actors")

    def action_back(self) -> None:
        """Escape: from the source back to the timeline; from the filter drawer back to
        the pane it was opened from."""
        self._before_search = None
        self._close_filters()

    def _close_filters(self) -> None:
        """Focus the timeline and hide the filter drawer (where it is a drawer): the pane
        the drawer was opened from, if it was a reading pane, takes the focus back.

        The focus moves once: hiding the focused control first would send focus
        elsewhere, and each move redraws the key bar.
        """
        panel = self.query_one("#filters", FilterPanel)
        if panel.has_class("-open"):
            back, self._focus_before_drawer = self._focus_before_drawer, None
            focused = self.focused
            in_drawer = focused is not None and panel in focused.ancestors_with_self
            if not in_drawer or back is None or not back.is_attached or not back.focusable:
                back = self.timeline_view  # the focus left the drawer since: not back there
            self._drawer_moves(panel, False, lambda: self.set_focus(back))
        else:
            self.set_focus(self.timeline_view)

    @on(events.DescendantFocus)
    def _focus_moved(self, event: events.DescendantFocus) -> None:
        """A reading pane took the focus (Enter, Tab, a click): close the drawer over it."""
        panel = self.query_one("#filters", FilterPanel)
        reading = self.query_one("#reading")
        if panel.has_class("-open") and reading in event.widget.ancestors_with_self:
            panel.remove_class("-open")

    @on(events.DescendantFocus)
    @on(events.DescendantBlur)
    def _search_box_focus(self, event: events.DescendantFocus | events.DescendantBlur) -> None:
        """The status line says how to get events back when none is left, which
        depends on where the keys go (`c` is a letter in the search box): it is
        told again as the box gains or loses the focus."""
        if isinstance(event.widget, Input):
            self._show_status(len(self.timeline_view.positions))

    @property
    def filters_open(self) -> bool:
        """Whether the filters were opened (a drawer below 140 columns)."""
        return self.query_one("#filters", FilterPanel).has_class("-open")

