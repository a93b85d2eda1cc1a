"""The explorer's terminal driver on Linux: a lone Esc arrives after the escape delay.

Textual's `LinuxDriver.run_input_thread` (Textual 8.2.8) waits for input in
`select` with a 0.1 s timeout, and its parser gives up waiting for the rest of an
escape sequence only when the loop next calls `tick()`. A lone Esc, which the
parser holds for `ESCDELAY` in case more of a sequence follows, so reached the
explorer up to 100 ms after it was pressed whatever the delay: closing the
filters or leaving a text box felt slow. `QuickEscapeDriver` is that loop with
a change: while the parser holds a pending Esc, `select` waits only until the
parser's deadline (plus a little); otherwise it waits 0.1 s as before, so an idle
explorer wakes no more often than Textual's. The rest is Textual's code as it is,
and a test pins the copied source: re-check this copy when Textual is upgraded.

The copy makes one more change. When the terminal goes away (its window closed,
`tmux kill-server`, a dropped connection), reading it gives end-of-file or an
error at once, again and again. The kernel's hang-up signal (SIGHUP) usually ends
the explorer first, but not when the explorer does not own the terminal (started
in the background, or in a session of its own). Textual's loop then spun on
the empty reads, using a core, while its output thread, which had died on its
first failed write, left the interface blocked: the explorer never ended.
`QuickEscapeDriver` reads that end-of-file as the hang-up it is and ends the
process as SIGHUP would (`terminal_gone`).

And SIGTERM (`kill`, a system shutting down) ends the explorer as its quit key
does, the terminal put back as it was (`_terminated`). Python's default ended
the process at once, which left the terminal in the explorer's screen, with the
mouse reported and keys neither echoed nor read by line: the shell after it was
unusable until `reset`. A second SIGTERM ends it at once, and so does the first
when the explorer has not ended `EXIT_GRACE` seconds later (its output stuck in
a terminal that reads nothing, say).

Last, the explorer's screen is erased before the terminal leaves it: tmux put the
shell's screen back with rows of the explorer in it when its window had grown
while the explorer ran.
"""

from __future__ import annotations

import errno
import os
import selectors
import signal
import sys
import threading
from codecs import getincrementaldecoder
from types import FrameType
from typing import Any

from textual import constants
from textual._loop import loop_last
from textual._parser import ParseError, Parser
from textual._time import get_time
from textual._xterm_parser import XTermParser
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver

IDLE_WAIT = 0.1  # Textual's own wait for input, in seconds, when no Esc is pending
EXIT_HANGUP = 128 + signal.SIGHUP  # the exit code of a process ended by SIGHUP
GONE_ERRORS = {errno.EIO, errno.ENXIO, errno.EBADF}  # reading a terminal that is gone
EXIT_TERMINATED = 128 + signal.SIGTERM  # the exit code of a process ended by SIGTERM
EXIT_GRACE = 3.0  # seconds a SIGTERM leaves the explorer to end as `q` does
CLEAR_SCREEN = "\x1b[H\x1b[2J"  # the cursor home, then the whole screen erased
# Past the parser's deadline, so that the `tick()` after the wake-up finds it expired.
DEADLINE_MARGIN = 0.002


def input_wait(parser: Parser[Any], now: float) -> float:
    """Seconds to wait for input: until `parser`'s escape deadline, else `IDLE_WAIT`."""
    # The parser sets this deadline only while it waits for the rest of an escape
    # sequence (Textual's `Parser.feed`); there is no public way to read it.
    deadline = parser._timeout_time
    if deadline is None:
        return IDLE_WAIT
    return min(IDLE_WAIT, max(0.0, deadline - now) + DEADLINE_MARGIN)


class _TerminalGone(Exception):
    """Reading the terminal gave end-of-file or an error: it is gone."""


class QuickEscapeDriver(LinuxDriver):
    """Textual's Linux driver, whose input thread wakes when a lone Esc's wait ends."""

    _sigterm_before: Any = None  # the SIGTERM handler application mode replaced

    def run_input_thread(self) -> None:
        """Wait for input and dispatch events (Textual 8.2.8's loop; see the module)."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)

        fileno = self.fileno
        EVENT_READ = selectors.EVENT_READ

        parser = XTermParser(self._debug)
        feed = parser.feed
        tick = parser.tick

        utf8_decoder = getincrementaldecoder("utf-8")().decode
        decode = utf8_decoder
        read = os.read

        def process_selector_events(
            selector_events: list[tuple[selectors.SelectorKey, int]],
            final: bool = False,
        ) -> None:
            for last, (_selector_key, mask) in loop_last(selector_events):
                if mask & EVENT_READ:
                    # The second change: the terminal gone (see the module).
                    try:
                        data = read(fileno, 1024 * 4)
                    except BlockingIOError:
                        continue  # read by another first: nothing now
                    except OSError as error:
                        if error.errno not in GONE_ERRORS:
                            raise
                        data = b""
                    if not data:
                        raise _TerminalGone
                    unicode_data = decode(data, final=final and last)
                    if not unicode_data:
                        # This can occur if the stdin is piped
                        break
                    for event in feed(unicode_data):
                        self.process_message(event)
            for event in tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                # The first change: a pending Esc is given up on at its deadline.
                process_selector_events(selector.select(input_wait(parser, get_time())))
            selector.unregister(self.fileno)
            process_selector_events(selector.select(0.1), final=True)
        except _TerminalGone:
            self.terminal_gone()
        finally:
            selector.close()
            try:
                for _event in feed(""):
                    pass
            except (EOFError, ParseError):
                pass


    def start_application_mode(self) -> None:
        """Textual's, then SIGTERM ends the explorer as `q` does (see the module)."""
        super().start_application_mode()  # type: ignore[no-untyped-call]
        self._sigterm_before = signal.signal(signal.SIGTERM, self._terminated)

    def stop_application_mode(self) -> None:
        """SIGTERM as it was, the explorer's screen cleared, then Textual's."""
        if self._sigterm_before is not None:
            signal.signal(signal.SIGTERM, self._sigterm_before)
            self._sigterm_before = None
        # Cleared before Textual leaves the alternate screen: tmux, when its window
        # grew while the explorer ran, puts back the shell's screen with the
        # explorer's rows in the new lines and columns (less and vim clear it too).
        self.write(CLEAR_SCREEN)
        super().stop_application_mode()

    def _terminated(self, signum: int, frame: FrameType | None) -> None:
        """SIGTERM: ask the app to end (from the signal handler, the event loop is
        woken safely); a second SIGTERM, or this one's grace running out, ends the
        process at once."""
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        deadline = threading.Timer(EXIT_GRACE, os._exit, (EXIT_TERMINATED,))
        deadline.daemon = True
        deadline.start()
        self._loop.call_soon_threadsafe(self._app.exit, None, EXIT_TERMINATED)

    def terminal_gone(self) -> None:
        """The terminal is gone: end the process as its hang-up signal would have.

        Nothing can be shown or typed any more, and the interface may be blocked
        writing to the terminal. Ending at once is what the signal does (cache
        entries are written whole and renamed into place, so none is left half
        written). If SIGHUP is ignored (`nohup`), the process ends anyway, with
        the code SIGHUP would give.
        """
        signal.raise_signal(signal.SIGHUP)
        os._exit(EXIT_HANGUP)


def explorer_driver(default: type[Driver]) -> type[Driver]:
    """The driver for the explorer, given Textual's choice `default`.

    On Linux, where Textual would use its `LinuxDriver`, the quick-escape copy of
    it; anything else (another platform, a driver named in `TEXTUAL_DRIVER`)
    stays as Textual chose.
    """
    if sys.platform.startswith("linux") and default is LinuxDriver and constants.DRIVER is None:
        return QuickEscapeDriver
    return default
