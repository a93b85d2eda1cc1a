"""The explorer through a real pseudo-terminal, as a person sees it.

`PtySession` runs `python -m tui --data DIR` on a 120x40 pseudo-terminal and
feeds everything it writes to a terminal emulator (`pyte`), so the benchmark can
ask what is on the screen and when it last changed:

* `wait_for(text)`: the time the text first appears on the emulated screen;
* `press(key, expect)`: writes the key and waits until the screen has *settled*:
  its characters have changed (and show what `expect` looks for), then the
  program has written nothing for `quiet` seconds (150 ms unless told); the
  keystroke's latency runs from the write to the last output that changed the
  screen's characters before that quiet. Output that changes no character
  (the text box's blinking cursor, a repainted but identical line) does not
  count, so a blink that falls inside the interval does not lengthen it.
* `close()`: quits with `q` (or kills) and returns the child's peak memory
  (`ru_maxrss` from `os.wait4`).

Waiting for quiet is what makes the time cover every pane that changes (the
timeline, the status line, the facet counts, the event and source panes), not
only the first repainted frame.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import queue
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pyte

SIZE = (120, 40)
QUIET = 0.15
# How long the emulator (pure Python, in the main thread) may hold the interpreter
# before the reading thread gets it back. Python's default is 5 ms: the reader,
# woken by output, waited up to that long before each read (one read takes at
# most 4 KB), so the pieces of a full-screen frame of 20 KB were stamped up to
# 20-30 ms after they came. A terminal reads its input in native code, at once.
READER_SWITCH_INTERVAL = 0.0002
RECENT_BYTES = 2048  # of output shown when the emulator cannot read it
KEYS = {"space": b" ", "escape": b"\x1b", "enter": b"\r", "backspace": b"\x7f", "tab": b"\t"}


class PtyError(RuntimeError):
    """The explorer did not show what was expected in time, or ended."""


def peak_memory_mb(pid: int) -> float | None:
    """The peak resident size of a running process (`VmHWM`), None where unknown.

    Read from `/proc` rather than taken from `ru_maxrss` at exit: on Linux a
    child's `ru_maxrss` starts from its parent's resident size at `fork`, so a
    grown parent would put a floor under every child's figure. `VmHWM` belongs
    to the memory the program itself mapped after `exec`.
    """
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


class PtySession:
    """`python -m tui --data DIR` on a pseudo-terminal, read through an emulator."""

    def __init__(
        self,
        data_dir: Path,
        env: dict[str, str],
        *,
        cwd: Path,
        size: tuple[int, int] = SIZE,
        argv: list[str] | None = None,
    ) -> None:
        """Start `python -m tui --data DATA_DIR` (or `argv`) with `env` added."""
        cols, rows = size
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        full_env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        full_env.update({"TERM": "xterm-256color", **env})
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            argv or [sys.executable, "-m", "tui", "--data", str(data_dir)],
            stdin=slave, stdout=slave, stderr=slave, env=full_env, cwd=cwd,
            start_new_session=True,
        )
        os.close(slave)
        # A thread reads the terminal as fast as the explorer writes and stamps each
        # piece with the time it came: the emulator is slow (pure Python), and
        # feeding it must not delay the reading, nor so the times measured.
        self._chunks: queue.Queue[tuple[float, bytes]] = queue.Queue()
        self._recent = b""  # the last bytes fed to the emulator, shown if it fails
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(READER_SWITCH_INTERVAL)
        self._reader = threading.Thread(target=self._read_all, daemon=True)
        self._reader.start()
        self.last_output = self.started  # time of the last byte read
        self.last_change = self.started  # time of the last read that changed the text
        self._digest = self._text_digest()
        self.closed = False

    def _text_digest(self) -> bytes:
        return hashlib.blake2b("\n".join(self.screen.display).encode(), digest_size=16).digest()

    def text(self) -> str:
        """The emulated screen's characters, line by line."""
        return "\n".join(line.rstrip() for line in self.screen.display)

    def _read_all(self) -> None:
        """Queue what the explorer writes, each piece with the time it was read."""
        while True:
            try:
                chunk = os.read(self.master, 1 << 16)
            except OSError:
                chunk = b""
            self._chunks.put((time.perf_counter(), chunk))
            if not chunk:
                return

    def pump(self, timeout: float) -> bool:
        """Feed the emulator what came within `timeout` seconds; False when nothing came.

        `last_output` and `last_change` are the times the pieces were read, not the
        times the emulator got through them.
        """
        try:
            pieces = [self._chunks.get(timeout=max(0.0, timeout))]
        except queue.Empty:
            return False
        while True:
            try:
                pieces.append(self._chunks.get_nowait())
            except queue.Empty:
                break
        for read_at, chunk in pieces:
            if not chunk:
                raise PtyError("the explorer ended; its screen:\n" + self.text()[-2000:])
            try:
                self.stream.feed(chunk)
            except Exception as exc:  # the emulator's parser on bytes it cannot take
                seen = (self._recent + chunk)[-RECENT_BYTES:]
                raise PtyError(
                    f"the emulator could not read the explorer's output ({exc}); "
                    f"its last bytes: {seen!r}"
                ) from exc
            self._recent = (self._recent + chunk)[-RECENT_BYTES:]
            self.last_output = read_at
            digest = self._text_digest()
            if digest != self._digest:
                self._digest = digest
                self.last_change = read_at
        return True

    def wait_for(self, text: str, timeout: float) -> float:
        """The time (`perf_counter`) `text` first showed on the screen."""
        deadline = time.perf_counter() + timeout
        while text not in self.text():
            if time.perf_counter() > deadline:
                raise PtyError(f"{text!r} never showed; the screen:\n{self.text()[-2000:]}")
            self.pump(min(0.2, deadline - time.perf_counter()))
        return self.last_change

    def wait_until(self, shown: Callable[[str], bool], what: str, timeout: float) -> float:
        """The time (`perf_counter`) the screen's text first satisfied `shown`."""
        deadline = time.perf_counter() + timeout
        while not shown(self.text()):
            if time.perf_counter() > deadline:
                raise PtyError(f"{what} never showed; the screen:\n{self.text()[-2000:]}")
            self.pump(min(0.2, deadline - time.perf_counter()))
        return self.last_change

    def settle(self, quiet: float = QUIET, timeout: float = 60.0) -> None:
        """Read until nothing has come for `quiet` seconds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if not self.pump(quiet):
                return
        raise PtyError(f"the screen never settled within {timeout:g} s")

    def press(
        self,
        key: str,
        expect: Callable[[str], bool] | None = None,
        *,
        quiet: float = QUIET,
        timeout: float = 30.0,
    ) -> float | None:
        """Write `key`; ms from the write to the screen settled, None if it never changed.

        Settled: the screen's characters changed (and show what `expect` looks for,
        given the screen's text), then nothing came for `quiet` seconds; the time
        is that of the last change before the quiet.
        """
        self.settle(quiet)
        before = self._digest
        sent = time.perf_counter()
        os.write(self.master, KEYS.get(key, key.encode()))
        deadline = sent + timeout

        def shown() -> bool:
            if self._digest == before:
                return False
            return expect is None or expect(self.text())

        while not shown():
            if time.perf_counter() > deadline:
                return None
            self.pump(min(0.2, max(0.0, deadline - time.perf_counter())))
        self.settle(quiet)
        return (self.last_change - sent) * 1000

    def write_file(self, path: Path, text: str, marker: str, timeout: float) -> float:
        """Write `text` to `path`; seconds until `marker` shows on the screen."""
        self.settle()
        start = time.perf_counter()
        path.write_text(text, encoding="utf-8")
        return self.wait_for(marker, timeout) - start

    def close(self) -> float:
        """Quit the explorer; its peak memory in MB."""
        if self.closed:
            return 0.0
        self.closed = True
        sys.setswitchinterval(self._switch_interval)
        peak = peak_memory_mb(self.proc.pid)  # before quitting: the explorer as used
        try:
            os.write(self.master, b"q")
        except OSError:
            pass
        usage = None
        end = time.perf_counter() + 10
        while usage is None and time.perf_counter() < end:
            pid, _, rusage = os.wait4(self.proc.pid, os.WNOHANG)
            if pid == self.proc.pid:
                usage = rusage
                break
            try:
                self.pump(0.05)
            except PtyError:
                pass
        if usage is None:
            self.proc.kill()
            _, _, usage = os.wait4(self.proc.pid, 0)
        self.proc.returncode = 0  # reaped here, so that Popen does not wait for it
        os.close(self.master)
        return peak if peak is not None else usage.ru_maxrss / 1024

    def __enter__(self) -> PtySession:
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.closed:
            self.close()
