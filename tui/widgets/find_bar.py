"""The article view's search line: `/`, words, Enter to search, Esc to cancel (as in less).

A `SearchBox` (so that keys typed in one burst with `/` reach it in order, as the
explorer's do) that says when it is done: Enter posts `Input.Submitted` with the
words, Esc posts `FindBar.Cancelled`. It keeps its own Esc, so that cancelling a
search does not also leave the article (the screen's Esc goes back).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from tui.widgets.search_box import SearchBox


class FindBar(SearchBox):
    """One line for the words to search the article for."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel search", id="article.find_cancel"),
    ]

    DEFAULT_CSS = """
    FindBar, FindBar:focus {
        display: none;
        border: none;
        border-left: outer $accent;
        height: 1;
        padding: 0 1;
    }
    """

    @dataclass(eq=False)
    class Cancelled(Message):
        """Esc in the search line: no search made."""

        find_bar: FindBar
        """The search line."""

        @property
        def control(self) -> FindBar:
            """The widget that sent the message (an alias of `find_bar`)."""
            return self.find_bar

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search the article: words, then Enter (Esc cancels)",
                         id=id, select_on_focus=False)  # fmt: skip

    def open(self) -> None:
        """Show the line, empty, and take the keys."""
        self.value = ""
        self.display = True
        # At once, not after a refresh: the keys typed next must reach the line.
        self.screen.set_focus(self, scroll_visible=False)

    def close(self) -> None:
        """Hide the line."""
        self.display = False

    def action_cancel(self) -> None:
        """Hide the line and say no search was made."""
        self.close()
        self.post_message(self.Cancelled(self))
