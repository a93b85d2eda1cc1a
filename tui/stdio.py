"""Standard output that fails the way `cat` does: one message, never a traceback.

A closed pipe (`timeline list | head`) ends the command quietly; a full disk or
an I/O error (`> /dev/full`) is one message and exit code 1. Afterwards standard
output is pointed at the null device, so the interpreter's own flush at exit
cannot raise a second time.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO


class OutputError(Exception):
    """Standard output cannot be written (a full disk, an I/O error)."""


class GuardedOutput:
    """Standard output whose write errors are told apart from every other OSError."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        """Write `text`; a failure other than a closed pipe becomes `OutputError`."""
        try:
            return self.stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc.strerror or str(exc)) from exc

    def flush(self) -> None:
        """Flush, with the same errors as `write`."""
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc.strerror or str(exc)) from exc


def discard_stdout() -> None:
    """Point standard output at the null device, so the flush at exit cannot fail."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):  # no real file descriptor (tests, embedding)
        pass
