"""A screen that draws its frames when they are due, not later and not in vain.

Two things Textual (8.2.8) does cost the explorer time between a key and the
screen settled; `PromptFrames` does otherwise.

- **A frame waits for the next tick of the screen's update timer.** Textual draws
  at most `TEXTUAL_FPS` (60) frames a second: a change asks the timer for a
  frame, and the timer ticks on a fixed grid from when it started. A key often
  draws twice: the control it went to at once (the search box, the facet's
  check box), then, a message later, the panes it changed. The second frame
  waited for the grid's next tick, up to 16.7 ms, with nothing else to do. When
  widgets want drawing again (and nothing laying out) and the last frame was
  drawn a whole period ago or more, they are drawn at once: never more frames a
  second than the timer allows.
- **A frame drawn during a batch of updates is dropped.** Textual starts an app
  inside one batch (`App.batch_update`): the explorer's screen is pushed, laid
  out and drawn in it, and `App._display` drops that frame, so the first frame
  was drawn twice. Such a frame is left to the end of the batch instead: one full
  frame less at every start (about 20 ms).
- **The garbage collector runs in the middle of a keystroke.** Drawing makes
  thousands of short-lived objects, and a young collection came in about every
  other search letter at 100,000 events (5-11 ms each). A little after a frame,
  when nothing is to be drawn, the collection the collector would run next is
  run (`tui.perf.collect_when_idle`), so that the next keystroke starts with
  none due.
"""

from __future__ import annotations

from time import monotonic

from textual import events
from textual.screen import UPDATE_PERIOD, Screen
from textual.timer import Timer

from tui.perf import collect_when_idle

BATCH_LOOK_INTERVAL = 0.005
"""How often a screen waiting for a batch to end looks whether it has (seconds)."""

COLLECT_DELAY = 0.05
"""Seconds after a frame at which the garbage collection due is run, if nothing is
to be drawn then (`tui.perf.collect_when_idle`)."""


class PromptFrames(Screen[None]):
    """A screen that draws a frame as soon as one is due (see the module)."""

    _batch_timer: Timer | None = None  # looks for the batch's end while one is held
    _last_frame = 0.0  # when this screen last drew a frame (`time.monotonic`)
    _collect_timer: Timer | None = None  # runs the collection due once frames pause

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
        self._last_frame = monotonic()
        super()._compositor_refresh()
        if self._collect_timer is None:
            # Not at once: a collection holds the interpreter, and the writer thread
            # needs it to send the frame just drawn to the terminal.
            self._collect_timer = self.set_timer(
                COLLECT_DELAY, self._collect_if_idle, name="collect when idle"
            )

    def _look_for_batch_end(self) -> None:
        if self.app._batch_count or self._batch_timer is None:
            return
        self._batch_timer.stop()
        self._batch_timer = None
        # All of it: what changed during the batch is spread over the compositor's
        # regions and the widgets marked since, which a whole repaint covers.
        self.refresh()

    async def _on_idle(self, event: events.Idle) -> None:
        # Runs before `Screen._on_idle`, which would leave a wanted repaint to the
        # timer's next tick: drawn here, nothing is left for it to ask for.
        if (
            self.is_current
            and not self.app._batch_count
            and self._only_repaint_wanted()
            and monotonic() - self._last_frame >= UPDATE_PERIOD
        ):
            self._on_timer_update()

    def _collect_if_idle(self) -> None:
        """`COLLECT_DELAY` after the last frame: the collection due, unless something
        is to be drawn."""
        self._collect_timer = None
        if not self.is_current or self.app._batch_count or self._frame_wanted():
            return  # the next frame arms the timer again
        since = monotonic() - self._last_frame
        if since < COLLECT_DELAY:  # frames came after the one that armed the timer
            self._collect_timer = self.set_timer(
                COLLECT_DELAY - since, self._collect_if_idle, name="collect when idle"
            )
            return
        collect_when_idle()

    def _frame_wanted(self) -> bool:
        """True when something is to be laid out, scrolled or drawn."""
        return self._layout_wanted() or self._repaint_wanted()

    def _only_repaint_wanted(self) -> bool:
        """True when widgets asked to be drawn again, and nothing to be laid out.

        A layout is left to the timer, as Textual times it: widgets shown by one
        (a drawer's controls made as it opens) take their sizes from the events
        it sends, in an order that drawing sooner would change.
        """
        return not self._layout_wanted() and self._repaint_wanted()

    def _layout_wanted(self) -> bool:
        return bool(self._layout_required or self._scroll_required or self._recompose_required)

    def _repaint_wanted(self) -> bool:
        return bool(self._repaint_required or self._dirty_widgets)
