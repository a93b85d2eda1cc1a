"""Component-class styles for text drawn inside another widget's rows."""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget


def foreground_style(widget: Widget, component: str) -> Style:
    """`component`'s style without a background, its colour blended as the theme shows it.

    For text placed in rows that draw their own background (a list's highlight): the
    partial style keeps the component's own attributes, and the full style gives the
    colour as it looks on the widget (`$text-muted` is a translucent colour).
    """
    own = widget.get_component_rich_style(component, partial=True)
    shown = widget.get_component_rich_style(component)
    return own + Style(color=shown.color) if own.color is not None else own
