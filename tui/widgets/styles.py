"""Component-class styles for text drawn inside another widget's rows."""

from __future__ import annotations

from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
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


_FOCUS_PSEUDO_CLASSES = frozenset({"focus", "blur", "focus-within"})


def styles_follow_focus(widget: Widget) -> bool:
    """Whether a rule of the stylesheet may style `widget` differently as it gains or
    loses the focus: a rule for it or for one of its component classes whose
    selector names a focus pseudo-class anywhere (`:focus`, `X:focus > .part`).

    Conservatively True for a widget with children (their rules may name its focus).
    """
    if not widget.is_attached:
        return False  # no app: nothing to style (Textual's own watcher does nothing then)
    if widget.children:
        return True
    rules_map = widget.app.stylesheet.rules_map
    names = widget._selector_names | {f".{part}" for part in widget._get_component_classes()}
    return any(
        not rule.pseudo_classes.isdisjoint(_FOCUS_PSEUDO_CLASSES)
        for name in names & rules_map.keys()
        for rule in rules_map[name]
    )


class LineStyles:
    """For a Line-API widget: its base style, width and component styles read once a frame.

    Reading `rich_style` walks the widget's ancestors (about half a millisecond),
    and `render_line` runs once per visible line: a mixin placed before the widget
    class reads them at the start of each `render_lines` pass and keeps them for
    its lines. Outside a pass (or after a style change) they are read afresh.
    """

    _line_styles: dict[str, Style] | None = None
    _line_geometry: tuple[Style, int] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        """Forget the styles of the last frame, then draw the lines."""
        self._line_styles = {}
        self._line_geometry = None
        lines: list[Strip] = super().render_lines(crop)  # type: ignore[misc]
        return lines

    def watch_has_focus(self, has_focus: bool) -> None:
        """Apply the stylesheet again on a focus change only if a rule asks for it.

        Textual applies it to the widget and its component classes at every focus
        change (about a millisecond each, twice per move of the focus), though most
        of these widgets have no rule that names their focus.
        """
        widget: Widget = self  # type: ignore[assignment]
        if styles_follow_focus(widget):
            super().watch_has_focus(has_focus)  # type: ignore[misc]

    def notify_style_update(self) -> None:
        """The theme or CSS changed: read the styles afresh."""
        super().notify_style_update()  # type: ignore[misc]
        self._line_styles = None
        self._line_geometry = None

    def line_base(self) -> tuple[Style, int]:
        """The widget's own style and the width of its lines."""
        if self._line_geometry is None or self._line_styles is None:
            widget: Widget = self  # type: ignore[assignment]
            geometry = (widget.rich_style, widget.scrollable_content_region.width)
            if self._line_styles is None:
                return geometry
            self._line_geometry = geometry
        return self._line_geometry

    def line_style(self, component: str) -> Style:
        """The full style of `component` (a component class)."""
        styles = self._line_styles
        if styles is None:
            widget: Widget = self  # type: ignore[assignment]
            return widget.get_component_rich_style(component)
        style = styles.get(component)
        if style is None:
            widget = self  # type: ignore[assignment]
            style = styles[component] = widget.get_component_rich_style(component)
        return style
