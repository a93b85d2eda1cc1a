"""Keys sent in one burst with `/` reach the search box in the order sent.

A pane handles the keys sent to it in its own turn, and a key it leaves goes up to
the app's bindings, seen from the focus as it is then. Keys that arrive together (a
script, fast typing, a paste) are all sent to the pane that has the focus as they
arrive. `/` is no priority binding (a priority key is handled as it arrives, ahead
of the keys sent before it that the pane has not handled yet: `c/` lost its `c`);
so once the pane's `/` has moved the focus to the search box, the keys and pastes
sent after it come up from the pane, where the box's letters are no key's binding,
and would be lost. `KeysInOrder` sends each of them again, so that it reaches the
box in its turn (Enter and Esc then commit or cancel the search, as typed after it),
and holds back a key that arrives meanwhile until those sent again are through.

Likewise for a key that opens another screen (`o`, the article view; `ctrl+p`, the
palette): the keys sent after it went to the pane of the screen it left, and come
up from there once that screen is no longer shown. They are sent again, to reach
the screen shown, in their turn ("o v t" selects the quote's sentence in the article
view; a priority `o` ran ahead of the keys sent before it: "/korea" opened it).
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.events import Event

from tui.widgets.search_box import SearchBox, came_through

_SENT_AGAIN = "_tui_sent_again"
_SCREEN = "_tui_sent_to_screen"


class KeysInOrder(App[None]):
    """An app whose search box gets the keys sent after `/` in the same burst."""

    _sent_again = 0  # keys and pastes sent again, not yet taken from the queue

    async def on_event(self, event: Event) -> None:
        """A key or paste that arrives while others are sent again waits behind them."""
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            if getattr(event, _SENT_AGAIN, False):
                self._sent_again -= 1
            elif self._sent_again:
                self._send_again(event)
                return
            setattr(event, _SCREEN, self.screen)  # the screen it is sent to
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        """A key that came up from another pane while the search box has the focus."""
        self._to_the_box(event)

    def on_paste(self, event: events.Paste) -> None:
        """A paste that came up from another pane while the search box has the focus."""
        self._to_the_box(event)

    def _to_the_box(self, event: events.Key | events.Paste) -> None:
        if not event.is_forwarded or came_through(event):
            return
        sent_to = getattr(event, _SCREEN, None)
        if isinstance(self.focused, SearchBox) or (
            sent_to is not None and sent_to is not self.screen
        ):  # the box it was typed for, or the screen shown since it was sent
            event.stop()
            event.prevent_default()  # not read by the bindings as it is
            self._send_again(event)

    def _send_again(self, event: events.Key | events.Paste) -> None:
        """Post a copy of `event` to the app, as if it had just arrived."""
        copy: events.Key | events.Paste = (
            events.Key(event.key, event.character)
            if isinstance(event, events.Key)
            else events.Paste(event.text)
        )
        setattr(copy, _SENT_AGAIN, True)
        self._sent_again += 1
        self.post_message(copy)
