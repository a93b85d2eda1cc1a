"""Read only regular files, up to a size limit: no hang, no unbounded read.

A data file or seed article that is a FIFO would block a plain `open()` forever;
one linked to `/dev/zero` would be read until memory runs out. `read_regular`
opens without blocking, checks the opened file is a regular file, and stops at a
limit. What it refuses is an `OSError` (`NotReadable`) whose `strerror` and
`hint` say why, so callers that already report `OSError`s report these too.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MAX_FILE_BYTES = 256 * 1024 * 1024
"""The largest data file or seed article read (far above any real timeline)."""

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotReadable(OSError):
    """A file refused before it is read: not a regular file, or too large."""

    def __init__(self, code: int, reason: str, hint: str) -> None:
        super().__init__(code, reason)
        self.hint = hint


def file_kind(mode: int) -> str:
    """What a file of this `st_mode` is, in words ("a FIFO (named pipe)", ...)."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "a regular file" if stat.S_ISREG(mode) else "a special file"


def _refuse_special(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise NotReadable(
            errno.EISDIR if stat.S_ISDIR(mode) else errno.EINVAL,
            f"not a regular file but {file_kind(mode)}",
            "point it at an ordinary text file",
        )


def read_regular(path: Path | str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file at `path` (symbolic links followed).

    Raises `NotReadable` for anything but a regular file or a file over `limit`
    bytes, and the usual `OSError`s (FileNotFoundError, a symbolic-link loop...).
    """
    _refuse_special(os.stat(path).st_mode)  # before open(): opening a FIFO blocks
    # O_NONBLOCK: should the path be swapped for a FIFO after the check, open()
    # still returns at once, and the fstat below refuses it.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with open(fd, "rb", closefd=True) as handle:
        info = os.fstat(fd)
        _refuse_special(info.st_mode)
        if info.st_size > limit:
            raise _too_large(info.st_size, limit)
        data = handle.read(limit + 1)  # the size may grow while we read
    if len(data) > limit:
        raise _too_large(len(data), limit)
    return data


_HINTS = {
    errno.ELOOP: "a symbolic link on the way points back to itself: point it at the file",
    errno.ENOTDIR: "a part of the path is a file where a folder should be",
    errno.EACCES: "you may not read it: check its permissions (ls -l)",
    errno.EPERM: "you may not read it: check its permissions (ls -l)",
    errno.ENAMETOOLONG: "a file's name is at most 255 bytes, a whole path 4,096",
}


def read_hint(exc: OSError) -> str:
    """What to do about a file that could not be read: the refusal's own hint, else
    one for the system's reason."""
    own = getattr(exc, "hint", "")
    if own:
        return str(own)
    return _HINTS.get(exc.errno or 0, "check the path, and that the file can be read")


def _too_large(size: int, limit: int) -> NotReadable:
    return NotReadable(
        errno.EFBIG,
        f"too large ({size / 2**20:.0f} MB or more; the limit is {limit / 2**20:.0f} MB)",
        "split the data, or check the path points at the file you meant",
    )


def resolved(path: Path) -> Path:
    """`path` made absolute with links resolved, or just absolute when they loop.

    `Path.resolve` raises RuntimeError (Python 3.11/3.12) or OSError on a
    symbolic-link loop; the path is then kept as it is, and reading a file under
    it reports the loop as an ordinary "cannot read" problem.
    """
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()
