"""The explorer's terminal driver: a lone Esc arrives after the escape delay, not 100 ms."""

from __future__ import annotations

import hashlib
import inspect
import os
import queue
import signal
import sys
import threading
import time
from collections.abc import AsyncIterator

import pytest
from textual import constants, events
from textual._time import get_time
from textual._xterm_parser import XTermParser
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

from tui.terminal_driver import IDLE_WAIT, QuickEscapeDriver, explorer_driver, input_wait

# The wait the tests give the driver: long enough that a sequence split on purpose
# (its rest written a quarter of it later) arrives within it on a loaded machine.
ESCAPE_DELAY = 0.025

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a POSIX terminal driver")


class Recording(QuickEscapeDriver):
    """The driver, reading a pipe, with every message it would send kept and timed."""

    def __init__(self, fileno: int) -> None:
        super().__init__(None)  # type: ignore[arg-type]  # no app: nothing is sent
        self.fileno = fileno
        self.got: queue.Queue[tuple[float, Message]] = queue.Queue()

    def process_message(self, message: Message) -> None:
        self.got.put((get_time(), message))


@pytest.fixture
async def driver(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[tuple[Recording, int]]:
    """The driver's input loop running on a pipe; the pipe's write end.

    Async only because a driver is made in a running event loop.
    """
    monkeypatch.setattr(constants, "ESCAPE_DELAY", ESCAPE_DELAY)
    # Textual's driver installs handlers for Ctrl+Z; the test puts the old ones back.
    handlers = {s: signal.getsignal(s) for s in (signal.SIGTSTP, signal.SIGCONT)}
    read_end, write_end = os.pipe()
    recording = Recording(read_end)
    thread = threading.Thread(target=recording.run_input_thread, daemon=True)
    thread.start()
    time.sleep(0.05)  # waiting in its loop
    try:
        yield recording, write_end
    finally:
        recording.exit_event.set()
        thread.join(timeout=2)
        os.close(write_end)
        os.close(read_end)
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def keys_within(recording: Recording, seconds: float) -> list[tuple[float, str]]:
    """The keys the driver delivered within `seconds`, with when each came."""
    keys: list[tuple[float, str]] = []
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        try:
            when, message = recording.got.get(timeout=left)
        except queue.Empty:
            break
        if isinstance(message, events.Key):
            keys.append((when, message.key))
    return keys


async def test_a_lone_esc_arrives_soon_after_the_escape_delay(
    driver: tuple[Recording, int],
) -> None:
    recording, write_end = driver
    for _ in range(3):
        sent = get_time()
        os.write(write_end, b"\x1b")
        keys = keys_within(recording, 0.3)
        assert [key for _, key in keys] == ["escape"]
        # Textual's own loop delivers it at its next wake-up, 100 ms after the key.
        assert keys[0][0] - sent < ESCAPE_DELAY + 0.035


async def test_an_escape_sequence_is_still_one_key(driver: tuple[Recording, int]) -> None:
    recording, write_end = driver
    os.write(write_end, b"\x1b[A")
    assert [key for _, key in keys_within(recording, 0.3)] == ["up"]
    # Split, with its rest arriving within the delay: still one key, not Esc then text.
    os.write(write_end, b"\x1b")
    time.sleep(ESCAPE_DELAY / 4)
    os.write(write_end, b"[B")
    assert [key for _, key in keys_within(recording, 0.3)] == ["down"]
    os.write(write_end, b"j")
    assert [key for _, key in keys_within(recording, 0.3)] == ["j"]


def test_the_input_loop_waits_long_unless_an_esc_is_pending(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(constants, "ESCAPE_DELAY", ESCAPE_DELAY)
    parser = XTermParser()
    now = get_time()
    assert input_wait(parser, now) == IDLE_WAIT  # idle: no more wake-ups than Textual's
    list(parser.feed("\x1b"))
    now = get_time()
    assert 0 < input_wait(parser, now) <= ESCAPE_DELAY + 0.005
    assert 0 < input_wait(parser, now + 1) < 0.005  # past the deadline: look at once
    list(parser.feed("[A"))
    assert input_wait(parser, get_time()) == IDLE_WAIT


def test_the_quick_driver_replaces_textuals_linux_driver_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Other(LinuxDriver):
        pass

    monkeypatch.setattr(constants, "DRIVER", None)
    expected = QuickEscapeDriver if sys.platform.startswith("linux") else LinuxDriver
    assert explorer_driver(LinuxDriver) is expected
    assert explorer_driver(Other) is Other
    assert issubclass(expected, Driver)
    # A driver named in TEXTUAL_DRIVER stands, even Textual's own.
    monkeypatch.setattr(constants, "DRIVER", "textual.drivers.linux_driver:LinuxDriver")
    assert explorer_driver(LinuxDriver) is LinuxDriver


# The digest of Textual 8.2.8's `LinuxDriver.run_input_thread`, which the driver copies.
TEXTUAL_LOOP_SHA256 = "d796af6d69db337d6fa6bd463984f7d17188d991dbb22f60efb92a8a9619507c"


def test_the_copied_loop_is_still_textuals() -> None:
    """When Textual changes its input loop, the copy must be brought up to date."""
    source = inspect.getsource(LinuxDriver.run_input_thread)
    assert hashlib.sha256(source.encode()).hexdigest() == TEXTUAL_LOOP_SHA256


class HangingUp(Recording):
    """The recording driver, which says when it finds its terminal gone."""

    def __init__(self, fileno: int) -> None:
        super().__init__(fileno)
        self.gone = threading.Event()

    def terminal_gone(self) -> None:
        self.gone.set()


async def test_the_end_of_the_input_is_a_hang_up() -> None:
    """The terminal gone, reading it gives end-of-file at once: the driver says so
    once and its loop ends, instead of reading nothing again and again.

    Async only because a driver is made in a running event loop."""
    handlers = {s: signal.getsignal(s) for s in (signal.SIGTSTP, signal.SIGCONT)}
    read_end, write_end = os.pipe()
    driver = HangingUp(read_end)
    thread = threading.Thread(target=driver.run_input_thread, daemon=True)
    thread.start()
    try:
        os.write(write_end, b"j")
        assert [key for _, key in keys_within(driver, 0.3)] == ["j"]
        assert not driver.gone.is_set()
        os.close(write_end)
        assert driver.gone.wait(2)
    finally:
        driver.exit_event.set()
        thread.join(timeout=2)
        os.close(read_end)
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    assert not thread.is_alive()
