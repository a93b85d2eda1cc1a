"""A one-line text box whose own keys act in the order they were typed.

Textual's `Input` inserts a letter as the key reaches the box, but runs a key bound
to one of its actions (Ctrl+U, Ctrl+W, Ctrl+K, Home, End, Backspace, …) only once
the key has gone up to the app, after the box has handled the keys behind it: a
burst of keys (a script's, fast typing, a terminal's paste of keys) lost letters,
"Ctrl+U /tmp/x" typed the path and then deleted most of it. Here the box runs its
own bindings as it handles the key, in turn. Priority bindings run as the key
arrives, as in `Input`; a key none of the box's bindings takes goes up as before.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class LineInput(Input):
    """An `Input` that runs its own key bindings in turn with the letters typed."""

    async def _on_key(self, event: events.Key) -> None:
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                self._restart_blink()
                event.stop()
                event.prevent_default()  # not run again by the app's bindings
                return
        await super()._on_key(event)
