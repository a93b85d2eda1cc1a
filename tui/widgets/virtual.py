"""Changing how much a Line-API view holds without laying the whole screen out again.

Setting `virtual_size` asks Textual for a layout of the screen, since a scroll bar
may come or go and change the room left for the content. When an event or an
article of another length is shown (every `j`), it usually does not: the pane had
a scroll bar and keeps one, or had none and still needs none. Then only the view
and its scroll bar are repainted, which is most of a keystroke's cost less. A
view whose height follows its content (`height: auto`) is always laid out again.
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
    same_bars = (
        height > 0
        and not styles.auto_dimensions  # sized by its content: the screen is laid out
        and styles.overflow_y == "auto"
        and styles.overflow_x != "auto"
        and size.width == view.virtual_size.width
        and view.show_vertical_scrollbar == (size.height > height)
    )
    if not same_bars:
        view.virtual_size = size  # a scroll bar comes or goes: the screen is laid out
        return
    view.set_reactive(Widget.virtual_size, size)
    if view.show_vertical_scrollbar:
        view.vertical_scrollbar.window_virtual_size = size.height  # repaints the bar
    view.scroll_y = view.validate_scroll_y(view.scroll_y)  # within the new length
    view.refresh()
