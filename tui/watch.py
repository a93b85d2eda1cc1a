"""What the explorer watches for live reload: the data folder's files and the seeds.

`folder_state` is a cheap fingerprint of everything the loader reads (the three
YAML files, the drafts and the seed articles): each file's modification time and
size. The explorer looks at it when `FolderWatch` says something changed (and
now and then regardless), and reloads the timeline when it changed.
"""

from __future__ import annotations

import ctypes
import os
import select
import struct
import sys
import time
from pathlib import Path

from tui.datafiles import DEFAULT_SEEDS_DIR, DRAFTS_DIR

FolderState = frozenset[tuple[str, int, int]]


def _files(folder: Path) -> list[Path]:
    """The entries of `folder` but hidden ones: files, and anything else standing where a
    file is read (a folder made where `events.yaml` was is a change to report)."""
    try:
        return [p for p in folder.iterdir() if not p.name.startswith(".")]
    except OSError:
        return []


def folder_state(data_dir: Path) -> FolderState:
    """(path, mtime in ns, size) of every file the loader reads under `data_dir` (and of
    whatever else stands in those folders)."""
    state: set[tuple[str, int, int]] = set()
    folders = (data_dir, data_dir / DRAFTS_DIR, data_dir / DEFAULT_SEEDS_DIR)
    for folder in folders:
        for path in _files(folder):
            try:
                stat = path.stat()
            except OSError:  # removed between the listing and now
                continue
            state.add((str(path), stat.st_mtime_ns, stat.st_size))
    return frozenset(state)


# inotify(7) flags: a file written, closed after writing, renamed in or out, created,
# removed, its times or mode changed; the folder itself removed or moved.
_IN_CHANGES = 0x2 | 0x4 | 0x8 | 0x40 | 0x80 | 0x100 | 0x200 | 0x400 | 0x800
# A file written (IN_MODIFY) may be written further; one closed after writing,
# renamed in or out, or removed is done with. (A file only made, a link say, is
# not being written: its first write is an IN_MODIFY of its own.)
_IN_WRITING = 0x2
_IN_DONE = 0x8 | 0x40 | 0x80 | 0x200
_IN_ISDIR = 0x40000000  # about a folder (made, say): never written as a file is
_IN_Q_OVERFLOW = 0x4000  # the kernel dropped events: what was open is unknown
_IN_IGNORED = 0x8000  # a watch removed (its folder gone)
_IN_NONBLOCK = 0o4000
_IN_CLOEXEC = 0o2000000
_EVENT = struct.Struct("iIII")  # struct inotify_event: wd, mask, cookie, len; then the name


class FolderWatch:
    """Wakes as soon as a file the loader reads may have changed (Linux inotify).

    Looking at every file (`folder_state`) takes milliseconds for a thousand seeds,
    so a poller must choose between reacting late and spending a share of a core
    while nothing happens. Where the kernel can tell us (`active`), `wait` returns
    when something changed under the watched folders, except files whose name
    starts with a dot, which the loader never reads (an editor's swap file);
    elsewhere, or when the kernel refuses (no inotify, its limit of watches
    reached), it only sleeps, and the caller's regular look finds the change.
    Either way a change is confirmed by `folder_state`: a wake-up is a hint,
    never the verdict.
    """

    def __init__(self, data_dir: Path) -> None:
        self.folders = (data_dir, data_dir / DRAFTS_DIR, data_dir / DEFAULT_SEEDS_DIR)
        self._fd: int | None = None
        self._libc: ctypes.CDLL | None = None
        # (watch, name) of each file written and not yet closed, renamed or removed:
        # a write to it may still be going on.
        self._open: set[tuple[int, bytes]] = set()
        self._poll = select.poll()
        if sys.platform.startswith("linux"):
            try:
                libc = ctypes.CDLL(None, use_errno=True)
                fd = libc.inotify_init1(_IN_NONBLOCK | _IN_CLOEXEC)
            except (OSError, AttributeError):  # no C library to be had, or no inotify
                fd = -1
            if fd >= 0:
                self._fd, self._libc = fd, libc
                self._poll.register(fd, select.POLLIN)
                self.add_watches()

    @property
    def active(self) -> bool:
        """True when changes wake `wait` (else it only sleeps)."""
        return self._fd is not None

    @property
    def writing(self) -> bool:
        """True when a file seen written has not been seen closed since (nor renamed
        or removed): more of the same write may follow. A program that writes a
        file whole and closes it (an editor, a script, a checkout) leaves it False."""
        return bool(self._open)

    def add_watches(self) -> None:
        """Watch each folder that exists now: again after a wake-up or a regular look,
        for a folder made later (drafts/) or made anew (the data folder replaced).

        When the kernel refuses to watch the data folder itself, the watch stops
        being active: the caller then looks at the files as often as a poller.
        """
        if self._fd is None or self._libc is None:
            return
        for folder in self.folders:
            if folder.is_dir():
                # Watching a folder twice gives the same watch: nothing is added.
                added = self._libc.inotify_add_watch(self._fd, os.fsencode(folder), _IN_CHANGES)
                if added < 0 and folder is self.folders[0]:
                    self.close()
                    return

    def wait(self, timeout: float) -> bool:
        """Sleep up to `timeout` seconds; True as soon as something changed (woken early)."""
        if self._fd is None:
            time.sleep(timeout)
            return False
        deadline = time.monotonic() + timeout
        while True:
            left = max(0.0, deadline - time.monotonic())
            if not self._poll.poll(left * 1000) or self._fd is None:
                return False
            if self._read_changes():
                self.add_watches()
                return True
            if left == 0:
                return False

    def _read_changes(self) -> bool:
        """Drain the kernel's events (one wake-up for a burst); True if one is not
        about a dot file."""
        changed = False
        assert self._fd is not None
        try:
            while data := os.read(self._fd, 65536):
                at = 0
                while at + _EVENT.size <= len(data):
                    watch, mask, _, length = _EVENT.unpack_from(data, at)
                    name = data[at + _EVENT.size : at + _EVENT.size + length].rstrip(b"\0")
                    changed = changed or not name.startswith(b".")  # no name: the folder
                    if mask & _IN_Q_OVERFLOW:
                        self._open.clear()  # a close may be among the dropped events
                    elif mask & _IN_IGNORED:
                        self._open = {entry for entry in self._open if entry[0] != watch}
                    elif not name or name.startswith(b".") or mask & _IN_ISDIR:
                        pass  # the folder itself, a file the loader never reads, a folder
                    elif mask & _IN_DONE:
                        self._open.discard((watch, name))
                    elif mask & _IN_WRITING:
                        self._open.add((watch, name))
                    at += _EVENT.size + length
        except BlockingIOError:
            pass
        return changed

    def close(self) -> None:
        """Stop watching."""
        if self._fd is not None:
            self._poll.unregister(self._fd)
            os.close(self._fd)
            self._fd = None
