"""Where an export may be written: only over a regular file, never over anything else.

`--output PATH --force` must not replace a device node, a FIFO, a folder or a
symbolic link with a regular file (as root that could be `/dev/null`). A link to
a regular file is written through (the link stays, its target is replaced). The
temporary file an export is written to is removed on any exit the process can
see: an exception, Ctrl-C, and SIGTERM or SIGHUP while it exists.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from tui.readfile import file_kind


class NotRegularTarget(OSError):
    """The output path exists and is not a regular file (or a link to one)."""

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(
            errno.EEXIST, f"it is {what}; only a regular file is replaced, even with --force"
        )
        self.filename = str(path)


def replaceable_target(path: Path) -> Path:
    """The file an export to `path` replaces: `path`, or the file a link points to.

    Raises `NotRegularTarget` when `path` exists but is neither a regular file nor
    a symbolic link to one.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return path
    if stat.S_ISREG(info.st_mode):
        return path
    if not stat.S_ISLNK(info.st_mode):
        raise NotRegularTarget(path, file_kind(info.st_mode))
    real = Path(os.path.realpath(path))
    try:
        target_mode = os.stat(real).st_mode
    except FileNotFoundError:
        raise NotRegularTarget(path, "a symbolic link to nothing") from None
    except OSError as exc:
        what = f"a symbolic link that cannot be followed ({exc.strerror})"
        raise NotRegularTarget(path, what) from None
    if not stat.S_ISREG(target_mode):
        raise NotRegularTarget(path, f"a symbolic link to {file_kind(target_mode)}")
    return real


class _Terminated(SystemExit):
    """Raised from a SIGTERM/SIGHUP handler so `finally` blocks run."""


def _raise_exit(signum: int, frame: FrameType | None) -> None:
    raise _Terminated(128 + signum)


@contextmanager
def signals_unwind() -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP unwind the stack (exit 128+N) instead of
    ending the process at once, so a temporary file can be removed."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; there the default applies
        return
    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {}
    for signum in wanted:
        if signal.getsignal(signum) is signal.SIG_DFL:  # never override a program's own
            previous[signum] = signal.signal(signum, _raise_exit)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
