"""What a person sees on the terminal while the command line loads a data folder.

A first (uncached) load of a large folder takes seconds: about 2 s at 10,000
events and 10 s at 100,000. On a terminal, `LoadFeedback` says so when a large
events file is parsed for the first time, then keeps one line of standard error
up to date with what the loader is doing and how far it has got ("finding quotes
and resolving dates: 45%"), from half a second in (a quick load shows nothing)
and at most ten times a second within a stage (a new stage is shown at once).
The line is cleared when the load ends, before any message or the explorer's
screen.

The line is redrawn with a carriage return and cleared with spaces: no escape
sequence, so it reads the same on any terminal, and it never holds text from
the data. Nothing is written when standard error is not a terminal.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TextIO

from tui.datafiles import EVENTS_FILE

LARGE_DATA_BYTES = 5_000_000  # above this, a first (uncached) load takes seconds
SHOW_AFTER = 0.5  # seconds into a load before its progress is shown
REDRAW_INTERVAL = 0.1  # seconds between two redraws of the line


class LoadFeedback:
    """The announcement and the progress line of one load (a context manager).

    Pass `announce` as `on_parse` and the object itself as `progress` to
    `tui.opening.open_folder`; leaving the `with` block clears the line.
    """

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        show_after: float = SHOW_AFTER,
        redraw_interval: float = REDRAW_INTERVAL,
    ) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self._clock = clock
        self._show_from = clock() + show_after
        self._redraw_interval = redraw_interval
        self._drawn_at = float("-inf")
        self._shown = 0  # characters of the line on the screen now (0: none)
        self._stage = ""  # the stage on the screen now
        self._on_terminal = _is_terminal(self._stream)

    def __enter__(self) -> LoadFeedback:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.clear()

    def announce(self, data_dir: Path) -> None:
        """Say that a large events file is read for the first time (`on_parse`)."""
        if not self._on_terminal:
            return
        events_file = data_dir / EVENTS_FILE
        try:
            size = events_file.stat().st_size
        except OSError:  # the loader reports a missing or unreadable file
            return
        if size > LARGE_DATA_BYTES:
            self._write_line(
                f"Reading {size / 1e6:.0f} MB of events for the first time "
                "(later starts use a cache)...\n"
            )

    def __call__(self, stage: str, done: int, total: int) -> None:
        """Show `stage` and how far it has got (a `tui.loading.progress.Progress`)."""
        if not self._on_terminal:
            return
        now = self._clock()
        if now < self._show_from:
            return
        # A new stage is shown at once; the same stage's count at most so often.
        if stage == self._stage and now - self._drawn_at < self._redraw_interval:
            return
        self._drawn_at, self._stage = now, stage
        text = f"{stage}: {done * 100 // total}%" if total else f"{stage}..."
        width = _columns(self._stream) - 1  # a full line would wrap on some terminals
        text = text[:width]
        self._stream.write("\r" + text.ljust(self._shown))
        self._stream.flush()
        self._shown = len(text)

    def clear(self) -> None:
        """Take the progress line off the screen, if it is shown."""
        if self._shown:
            self._stream.write("\r" + " " * self._shown + "\r")
            self._stream.flush()
            self._shown = 0

    def _write_line(self, text: str) -> None:
        self.clear()
        self._stream.write(text)
        self._stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no such method, or a closed stream
        return False


def _columns(stream: TextIO) -> int:
    """The terminal's width (80 when it cannot be asked)."""
    try:
        return os.get_terminal_size(stream.fileno()).columns or 80
    except (AttributeError, OSError, ValueError):
        return 80
