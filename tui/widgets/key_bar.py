"""The key bar: the keys that do something where the focus is, on one line.

Textual's `Footer` builds a widget per key and rebuilds them all whenever the
bindings may have changed (every focus move), which costs a full layout. The
`KeyBar` draws the same keys as one line of text and redraws only when the list
of keys shown actually changed: moving the focus between panes with the same
keys costs nothing, and never a layout.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.command import CommandPalette
from textual.screen import Screen
from textual.widget import Widget

KeyItem = tuple[str, str, str, bool]  # (key, as displayed, description, enabled)
HELP_KEYS = frozenset({"question_mark", "?"})  # the key that lists every other
# The command palette's own keys, shown while it is open over the bar's screen.
PALETTE_KEYS: tuple[KeyItem, ...] = (
    ("up", "↑↓", "Choose", True),
    ("enter", "⏎", "Run", True),
    ("escape", "esc", "Close", True),
)


class KeyBar(Widget, can_focus=False):
    """One line of `key description` pairs for the focused widget's shown bindings.

    The command palette's key sits at the right end. A click on a key presses it.
    """

    ALLOW_SELECT = False

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--description"}

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.items: tuple[KeyItem, ...] = ()
        self.palette: KeyItem | None = None
        self._spans: list[tuple[int, int, str]] = []  # (first cell, end cell, key) drawn

    def on_mount(self) -> None:
        """Follow the screen's bindings, and the command palette opened over it."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.app.screen_change_signal.subscribe(self, self._screen_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        """Stop following them."""
        self.screen.bindings_updated_signal.unsubscribe(self)
        self.app.screen_change_signal.unsubscribe(self)

    def _screen_changed(self, screen: Screen[object]) -> None:
        """The command palette over this bar's screen: its keys, not the screen's (which
        it takes while open); back to the screen's when it closes."""
        if not self.is_attached:
            return
        if isinstance(screen, CommandPalette):
            stack = self.app.screen_stack
            if len(stack) > 1 and stack[-2] is self.screen:
                self._show(PALETTE_KEYS, None)
        elif screen is self.screen:
            self._bindings_changed(screen)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        """Read the shown bindings; redraw only if they differ from those drawn."""
        if not self.is_attached or screen is not self.screen:
            return
        if self.app.screen is not self.screen and isinstance(self.app.screen, CommandPalette):
            return  # the palette's keys stay while it is open
        self._show(*self.shown_keys())

    def _show(self, items: tuple[KeyItem, ...], palette: KeyItem | None) -> None:
        """Draw `items` and `palette`, if they are not those drawn."""
        if (items, palette) != (self.items, self.palette):
            self.items, self.palette = items, palette
            self.refresh()

    def shown_keys(self) -> tuple[tuple[KeyItem, ...], KeyItem | None]:
        """The keys to show (one per action, in binding order) and the palette's key."""
        app = self.app
        active = self.screen.active_bindings
        seen: set[str] = set()
        items: list[KeyItem] = []
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                items.append((binding.key, app.get_key_display(binding),
                              binding.description, enabled))
        palette: KeyItem | None = None
        found = active.get(app.COMMAND_PALETTE_BINDING) if app.ENABLE_COMMAND_PALETTE else None
        if found is not None:
            _node, binding, enabled, _tooltip = found
            palette = (binding.key, app.get_key_display(binding), binding.description, enabled)
        return tuple(items), palette

    def render(self) -> Text:
        """The keys, each `key description`, one cell apart; the palette's at the right."""
        key_style = self.get_component_rich_style("key-bar--key")
        text_style = self.get_component_rich_style("key-bar--description")
        dim = Style(dim=True)
        line = Text(no_wrap=True, overflow="crop")
        spans: list[tuple[int, int, str]] = []
        # Whole keys only ("? H" for "? Help" told nothing), in their order, each
        # that fits beside the palette's key and the help key (which lists every
        # other, so it stays while anything does).
        palette_width = 0
        if self.palette is not None:
            palette_width = cell_len(f"{self.palette[1]} {self.palette[2]} ") + 1
        room = self.size.width - palette_width
        room -= _width([item for item in self.items if item[0] in HELP_KEYS])
        items: list[KeyItem] = []
        for item in self.items:
            if item[0] in HELP_KEYS:
                items.append(item)
            elif _width([item]) <= room:
                items.append(item)
                room -= _width([item])
        for key, shown, description, enabled in items:
            start = line.cell_len
            line.append(shown, key_style + dim if not enabled else key_style)
            if description:
                line.append(" " + description, text_style + dim if not enabled else text_style)
            spans.append((start, line.cell_len, key))
            line.append(" ")
        if self.palette is not None:
            key, shown, description, _enabled = self.palette
            tail = f"{shown} {description} "
            room = self.size.width - line.cell_len - cell_len(tail) - 1
            if room >= 0:
                line.append(" " * room + "▏")
                start = line.cell_len
                line.append(shown, key_style)
                line.append(" " + description + " ", text_style)
                spans.append((start, line.cell_len, key))
        self._spans = spans
        return line

    def on_click(self, event: events.Click) -> None:
        """Press the key under the pointer."""
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return


def _width(items: list[KeyItem]) -> int:
    """Cells the `items` take, each `key description` and a space."""
    return sum(
        cell_len(shown) + (1 + cell_len(description) if description else 0) + 1
        for _key, shown, description, _enabled in items
    )
