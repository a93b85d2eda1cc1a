"""The explorer as started from a real (pseudo-)terminal: bad data, and a quick quit."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import termios
import time
from pathlib import Path

from tests.conftest import EVENTS_YAML, ROOT, write_data_dir


def run_in_pty(args: list[str], keys: bytes = b"", wait_for: bytes = b"") -> tuple[int, str]:
    """Run `python -m tui ARGS` on a pty; type `keys` once `wait_for` is on screen."""
    master, slave = os.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=ROOT,
        env=env,
        close_fds=True,
    )
    os.close(slave)
    output = b""
    sent = not keys
    deadline = time.monotonic() + 30
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break  # the child closed the terminal
                if not chunk:
                    break
                output += chunk
            if not sent and wait_for in output:
                os.write(master, keys)
                sent = True
            if proc.poll() is not None and not ready:
                break
        code = proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    return code, output.decode("utf-8", "replace")


def test_bad_data_prints_the_problems_and_exits_1(tmp_path: Path) -> None:
    data = write_data_dir(
        tmp_path, events=EVENTS_YAML.replace("[china, kim-jong-un]", "[china, kim-jong-nu]")
    )
    code, output = run_in_pty(["--data", str(data)])
    assert code == 1
    assert "events.yaml:6: unknown actor 'kim-jong-nu'" in output
    assert "Traceback" not in output


def test_the_explorer_opens_and_quits(data_dir: Path) -> None:
    code, output = run_in_pty(["--data", str(data_dir)], keys=b"q", wait_for=b"Talks held")
    assert code == 0, output[-2000:]
    assert "Trade pact signed" in output


def test_the_explorer_ends_when_its_terminal_goes_away(data_dir: Path) -> None:
    """The terminal closed under a running explorer that does not own it (no hang-up
    signal comes): it ends as the signal would have ended it, instead of reading
    nothing forever on a core of its own."""
    master, slave = os.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "--data", str(data_dir)],
        stdin=slave, stdout=slave, stderr=slave, cwd=ROOT, env=env, close_fds=True,
    )
    os.close(slave)
    output = b""
    try:
        deadline = time.monotonic() + 30
        while b"Talks held" not in output and time.monotonic() < deadline:
            if select.select([master], [], [], 0.1)[0]:
                output += os.read(master, 65536)
        assert b"Talks held" in output, output[-2000:]
        os.close(master)  # the terminal's window closed
        master = -1
        code = proc.wait(timeout=10)
    finally:
        if master >= 0:
            os.close(master)
        if proc.poll() is None:
            proc.kill()
    assert code == -signal.SIGHUP


def test_sigterm_ends_the_explorer_with_the_terminal_put_back(data_dir: Path) -> None:
    """`kill` ends the explorer as `q` does: out of its screen, the mouse no longer
    reported, the cursor shown, keys echoed and read by line again; exit code 143."""
    master, slave = os.openpty()
    before = termios.tcgetattr(slave)
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "--data", str(data_dir)],
        stdin=slave, stdout=slave, stderr=slave, cwd=ROOT, env=env, close_fds=True,
    )
    output = b""
    try:
        deadline = time.monotonic() + 30
        while b"Talks held" not in output and time.monotonic() < deadline:
            if select.select([master], [], [], 0.1)[0]:
                output += os.read(master, 65536)
        assert b"Talks held" in output, output[-2000:]
        assert termios.tcgetattr(slave)[3] & termios.ICANON == 0  # the explorer's raw mode
        painted = len(output)
        proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # read on: a full terminal would block its exit
            if select.select([master], [], [], 0.1)[0]:
                output += os.read(master, 65536)
            elif proc.poll() is not None:
                break
        code = proc.wait(timeout=1)
        after = termios.tcgetattr(slave)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
        os.close(slave)
    assert code == 143, output[-1500:]
    ending = output[painted:]
    for restored in (b"\x1b[?1049l", b"\x1b[?1000l", b"\x1b[?25h"):  # screen, mouse, cursor
        assert restored in ending, (restored, ending[-500:])
    assert after[3] == before[3]  # echo and line reading as they were


def test_sigterm_ends_an_explorer_whose_output_nobody_reads(data_dir: Path) -> None:
    """A terminal that stopped reading (a stalled connection): the explorer's writes
    block, so it cannot end as `q` does; SIGTERM still ends it, after its grace."""
    from tui.terminal_driver import EXIT_GRACE

    master, slave = os.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "--data", str(data_dir)],
        stdin=slave, stdout=slave, stderr=slave, cwd=ROOT, env=env, close_fds=True,
    )
    output = b""
    try:
        deadline = time.monotonic() + 30
        while b"Talks held" not in output and time.monotonic() < deadline:
            if select.select([master], [], [], 0.1)[0]:
                output += os.read(master, 65536)
        assert b"Talks held" in output, output[-2000:]
        for i in range(300):  # keys it repaints for, its output no longer read
            os.write(master, b"j" if i % 2 else b"k")
            time.sleep(0.005)
        time.sleep(1)
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=EXIT_GRACE + 5)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
        os.close(slave)
    assert code == 143
