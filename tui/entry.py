"""The `timeline` console script and `python -m tui`: `tui.cli.main`, then a quick end.

Once `main` returns, a command's work is done: its output is written, and its
files and cache entry are in place. Python would then free every object one by
one before the process ends: about 0.1 s once a 100,000-event timeline is
loaded, in a `check` after an edit that takes about 1.7 s in all. When no
other thread is left, nothing more can happen in this process, so the
standard streams are flushed and the process ends at once, skipping that.
While another thread runs (a worker of the explorer still finishing), the
process ends the usual way, which waits for it.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Sequence
from typing import NoReturn

from tui.cli import main


def run(argv: Sequence[str] | None = None) -> NoReturn:
    """Run the command line (`tui.cli.main`) and end the process with its exit code."""
    code = main(argv)
    if threading.active_count() > 1:
        raise SystemExit(code)
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        # Python's own exit tries again and reports the failure as it always has.
        raise SystemExit(code) from None
    os._exit(code)
