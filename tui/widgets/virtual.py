"""Changing how much a Line-API view holds without laying the whole screen out again.

Setting `virtual_size` asks Textual for a layout of the screen, since a scroll bar
may come or go and change the room left for the content. When an event or an
article of another length is shown (every `j`), it usually does not: the pane had
a scroll bar and keeps one, or had none and still needs none. Then only the view
and its scroll bar are repainted, which is most of a keystroke's cost less. A
view whose height follows its content (`height: auto`) is always laid out again.
When a bar does come or go, it is shown or hidden before the layout, so that one
layout places it (Textual's own finding, during the layout, asks for another).

The explorer's panes keep their bars in place (`overflow-y: scroll`, the bar
drawn blank while the whole content is in view: `tui.widgets.scroll_bar`), so
theirs never come or go: a filter that leaves fewer events than the timeline's
height, or a shorter event, is one frame without a layout.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.widget import Widget


def set_virtual_size(view: ScrollView, size: Size) -> None:
    """Give `view` the virtual size `size`, laying the screen out only if it must."""
    if size == view.virtual_size:
        return
    height = view.container_size.height
    styles = view.styles
    predictable = (
        height > 0
        and not styles.auto_dimensions  # sized by its content: the screen is laid out
        and styles.overflow_y in ("auto", "scroll")
        and styles.overflow_x != "auto"
    )
    # Whether the vertical scroll bar shows, once laid out (always, with "scroll").
    bar = styles.overflow_y == "scroll" or size.height > height
    if not (predictable and size.width == view.virtual_size.width
            and view.show_vertical_scrollbar == bar):
        view.virtual_size = size  # the screen is laid out
        if predictable and view.show_vertical_scrollbar != bar:
            # The bar comes or goes. Textual finds out during the layout, and what
            # it sets then asks for a second layout, a frame or two later, which
            # redraws the pane at its new width: set here, the first one is right.
            was_shown = view.show_vertical_scrollbar
            view.show_vertical_scrollbar = bar
            if bar or was_shown:
                view.vertical_scrollbar.display = bar
        return
    view.set_reactive(Widget.virtual_size, size)
    if view.show_vertical_scrollbar:
        view.vertical_scrollbar.window_virtual_size = size.height  # repaints the bar
    view.scroll_y = view.validate_scroll_y(view.scroll_y)  # within the new length
    view.refresh()
