"""A notice's place on the terminal drawn again once the notice has gone.

Textual (8.2.8) leaves a notice that expires while the filter drawer is open on
the terminal: the drawer lies on a layer of its own, and the region the notice
covered is not drawn again when it is removed, so the notice (or a piece of its
border, after the drawer closes) stays until something else is drawn there. The
app repaints the screen shown once each notice's time is up.
"""

from __future__ import annotations

from textual import on
from textual.app import App
from textual.notifications import Notify

REPAINT_AFTER_NOTICE = 0.1
"""Seconds after a notice's timeout at which the screen is drawn again."""


class RepaintAfterNotices(App[None]):
    """An app that repaints its screen when a notice has gone (see the module)."""

    @on(Notify)
    def _repaint_when_gone(self, message: Notify) -> None:
        self.set_timer(
            message.notification.timeout + REPAINT_AFTER_NOTICE,
            self._repaint_screen,
            name="repaint after a notice",
        )

    def _repaint_screen(self) -> None:
        if self.is_running:
            self.screen.refresh()
