"""A screen that draws no frame while the app holds back its updates.

Textual (8.2.8) starts an app inside one batch of updates (`App.batch_update`): the
explorer's screen is pushed, laid out and drawn in it. `App._display` drops a frame
drawn during a batch, so the first frame of the explorer was drawn twice: once to
be dropped, and again once the batch ended. `FrameAfterBatch` leaves the drawing
to the end of the batch instead: one full frame less at every start (about 20 ms;
in one process the first frame is written about 17 ms sooner, and through a
pseudo-terminal the first paint moved within the spread).
"""

from __future__ import annotations

from textual.screen import Screen
from textual.timer import Timer

BATCH_LOOK_INTERVAL = 0.005
"""How often a screen waiting for a batch to end looks whether it has (seconds)."""


class FrameAfterBatch(Screen[None]):
    """A screen whose frame asked for during a batch of updates is drawn after it."""

    _batch_timer: Timer | None = None  # looks for the batch's end while one is held

    def _compositor_refresh(self) -> None:
        """Draw what changed, unless the frame would be dropped: then the whole
        screen is drawn once the batch ends."""
        app = self.app
        if app._batch_count and self is app.screen and not app.is_inline:
            # The end of a batch wakes the app alone, and nothing else may come to
            # this screen to draw it: it looks for the end itself.
            if self._batch_timer is None:
                self._batch_timer = self.set_interval(
                    BATCH_LOOK_INTERVAL, self._look_for_batch_end, name="batch end"
                )
            return
        super()._compositor_refresh()

    def _look_for_batch_end(self) -> None:
        if self.app._batch_count or self._batch_timer is None:
            return
        self._batch_timer.stop()
        self._batch_timer = None
        # All of it: what changed during the batch is spread over the compositor's
        # regions and the widgets marked since, which a whole repaint covers.
        self.refresh()
