"""The article view's search line: `/`, words, then Enter to search or Esc to cancel.

A `SearchBox`, so that keys typed in one burst with `/` reach it in order, as the
explorer's do. The screen that owns it commits or cancels it with priority keys
(Enter, Esc), after the keys typed before them are in (`typed_ahead`): keys typed
after Enter then go to the text, not into the line (`/korea⏎n` searches "korea",
then steps). Backspace on an empty line cancels it, as in less and vim; Up and Down
go through the words searched before (`remember`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message

from tui.widgets.search_box import SearchBox


class FindBar(SearchBox):
    """One line for the words to search the article for."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "recall(-1)", "Earlier search", show=False, id="article.search_earlier"),
        Binding("down", "recall(1)", "Later search", show=False, id="article.search_later"),
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
    class Emptied(Message):
        """Backspace on the empty line: the reader takes the search back."""

        find_bar: FindBar
        """The search line."""

        @property
        def control(self) -> FindBar:
            """The widget that sent the message (an alias of `find_bar`)."""
            return self.find_bar

    def __init__(self, *, id: str | None = None, what: str = "the article") -> None:
        """`what` is said in the empty line: what it searches."""
        super().__init__(placeholder=f"search {what}: words, then Enter (Esc cancels)",
                         id=id, select_on_focus=False)  # fmt: skip
        self._searched: list[str] = []  # the words searched, oldest first
        self._recalled = 0  # how far back Up has gone (0: the line as typed)

    def remember(self, words: str) -> None:
        """Keep `words` (searched) for Up to bring back, once, as the latest."""
        if words in self._searched:
            self._searched.remove(words)
        self._searched.append(words)

    def action_recall(self, step: int) -> None:
        """Up (`step` -1): the words searched before those shown; Down: the later ones,
        then the empty line."""
        at = min(max(self._recalled - step, 0), len(self._searched))
        if at == self._recalled:
            return
        self._recalled = at
        self.value = self._searched[-at] if at else ""
        self.cursor_position = len(self.value)

    def open(self) -> None:
        """Show the line, empty, and take the keys."""
        self.value = ""
        self._recalled = 0
        self.display = True
        # At once, not after a refresh: the keys typed next must reach the line.
        self.screen.set_focus(self, scroll_visible=False)

    def close(self) -> None:
        """Hide the line."""
        self.display = False

    def on_key(self, event: events.Key) -> None:
        """Backspace with nothing typed takes the search back (`Emptied`)."""
        super().on_key(event)
        if event.key == "backspace" and not self.value:
            event.stop()
            event.prevent_default()
            self.post_message(self.Emptied(self))
