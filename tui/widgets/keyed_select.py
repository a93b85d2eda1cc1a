"""Textual's `Select`, whose open list also moves with `j` and `k`.

Textual's list types to search: a printable key jumps to the first option holding
what was typed, so `j` went to "json" and `k` did nothing, where every other list
of the explorer moves with them (as vim's and less's do). Here `j` and `k` move
the highlight, and the other letters still search.
"""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.app import ComposeResult
from textual.widgets import Select
from textual.widgets._select import SelectCurrent, SelectOverlay

ValueT = TypeVar("ValueT")

_MOVES = ("j", "k")


class KeyedSelectOverlay(SelectOverlay):
    """The open list of a `KeyedSelect`: `j`/`k` move, other letters search."""

    async def _on_key(self, event: events.Key) -> None:
        # Textual runs each class's own `_on_key`, this one first: a move here keeps
        # `SelectOverlay`'s from taking the letter as a search (`prevent_default`).
        if event.character in _MOVES:
            event.stop()
            event.prevent_default()
            if event.character == "j":
                self.action_cursor_down()
            else:
                self.action_cursor_up()

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        """Printable keys search, but for `j` and `k`."""
        return character not in _MOVES and super().check_consume_key(key, character)


class KeyedSelect(Select[ValueT]):
    """A `Select` whose open list moves with `j` and `k` too."""

    def compose(self) -> ComposeResult:
        """The current value and the list, as `Select` makes them."""
        yield SelectCurrent(self.prompt)
        yield KeyedSelectOverlay(type_to_search=self._type_to_search).data_bind(
            compact=Select.compact
        )
