"""The explorer as started from a real (pseudo-)terminal: bad data, and a quick quit."""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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


def test_data_with_a_problem_opens_on_what_loads_and_says_the_problem_again_on_quit(
    tmp_path: Path,
) -> None:
    """The explorer opens on the entries that load and lists the problem under the
    panes; quit with it still there, it is written out as `check` writes it, exit 1."""
    data = write_data_dir(
        tmp_path, events=EVENTS_YAML.replace("[china, kim-jong-un]", "[china, kim-jong-nu]")
    )
    code, output = run_in_pty(
        ["--data", str(data)], keys=b"q", wait_for=b"showing the entries that load"
    )
    assert code == 1, output[-2000:]
    assert "Talks held" in output  # an event that loads is shown
    on_quit = output[output.rindex("showing the entries that load") :]
    assert "events.yaml:6: unknown actor 'kim-jong-nu'" in on_quit
    assert "1 problem in the data" in on_quit
    assert "Traceback" not in output


def test_data_that_does_not_parse_prints_the_problem_and_exits_1(tmp_path: Path) -> None:
    """Nothing loads from a file that is not YAML: no explorer, the problem, exit 1."""
    data = write_data_dir(tmp_path, events=EVENTS_YAML + "  - id: [unclosed\n")
    code, output = run_in_pty(["--data", str(data)])
    assert code == 1
    assert "events.yaml:" in output and "1 problem in the data" in output
    assert "showing" not in output  # the explorer never opened
    assert "Traceback" not in output


def test_the_explorer_opens_and_quits(data_dir: Path) -> None:
    code, output = run_in_pty(["--data", str(data_dir)], keys=b"q", wait_for=b"Talks held")
    assert code == 0, output[-2000:]
    assert "Trade pact signed" in output


def test_the_explorer_erases_its_screen_before_leaving_it(data_dir: Path) -> None:
    """tmux put the shell's screen back with the explorer's rows in it when its window
    had grown meanwhile: the screen is erased, and nothing drawn after, before the
    terminal leaves it."""
    code, output = run_in_pty(["--data", str(data_dir)], keys=b"q", wait_for=b"Talks held")
    assert code == 0, output[-2000:]
    left = output.rindex("\x1b[?1049l")
    erased = output.rindex("\x1b[H\x1b[2J", 0, left)
    between = re.sub(r"\x1b\[[<>?=]?[0-9;]*[a-zA-Z]", "", output[erased:left])
    assert between == "", repr(between)


@dataclass
class Painted:
    """An explorer on a pty (not its controlling terminal), painted: its process, the
    pty's two ends (`master` -1 once closed here) and what it wrote so far."""

    proc: subprocess.Popen[bytes]
    master: int
    slave: int
    output: bytes


@contextmanager
def painted_explorer(data_dir: Path) -> Iterator[Painted]:
    """Start the explorer on `data_dir` on a pty and wait for its first paint; on the
    way out, kill it if it still runs and close the pty."""
    master, slave = os.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "--data", str(data_dir)],
        stdin=slave, stdout=slave, stderr=slave, cwd=ROOT, env=env, close_fds=True,
    )
    run = Painted(proc, master, slave, b"")
    try:
        deadline = time.monotonic() + 30
        while b"Talks held" not in run.output and time.monotonic() < deadline:
            if select.select([master], [], [], 0.1)[0]:
                run.output += os.read(master, 65536)
        assert b"Talks held" in run.output, run.output[-2000:]
        yield run
    finally:
        if proc.poll() is None:
            proc.kill()
        if run.master >= 0:
            os.close(run.master)
        os.close(slave)


def test_the_explorer_ends_when_its_terminal_goes_away(data_dir: Path) -> None:
    """The terminal closed under a running explorer that does not own it (no hang-up
    signal comes): it ends as the signal would have ended it, instead of reading
    nothing forever on a core of its own."""
    with painted_explorer(data_dir) as run:
        os.close(run.slave)  # only the explorer holds the terminal's own end
        run.slave = os.open(os.devnull, os.O_RDONLY)  # (closed on the way out)
        os.close(run.master)  # the terminal's window closed
        run.master = -1
        code = run.proc.wait(timeout=10)
    # Under `nohup` (SIGHUP ignored, and so in the explorer) it ends with the code the
    # signal would give, as `terminal_gone` says.
    ignored = signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
    assert code == (128 + signal.SIGHUP if ignored else -signal.SIGHUP)


def test_sigterm_ends_the_explorer_with_the_terminal_put_back(data_dir: Path) -> None:
    """`kill` ends the explorer as `q` does: out of its screen, the mouse no longer
    reported, the cursor shown, keys echoed and read by line again; exit code 143."""
    with painted_explorer(data_dir) as run:
        attrs = termios.tcgetattr(run.slave)
        assert attrs[3] & termios.ICANON == 0  # the explorer's raw mode
        painted = len(run.output)
        run.proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # read on: a full terminal would block its exit
            if select.select([run.master], [], [], 0.1)[0]:
                run.output += os.read(run.master, 65536)
            elif run.proc.poll() is not None:
                break
        code = run.proc.wait(timeout=1)
        after = termios.tcgetattr(run.slave)
    assert code == 143, run.output[-1500:]
    ending = run.output[painted:]
    for restored in (b"\x1b[?1049l", b"\x1b[?1000l", b"\x1b[?25h"):  # screen, mouse, cursor
        assert restored in ending, (restored, ending[-500:])
    assert after[3] & (termios.ICANON | termios.ECHO) == termios.ICANON | termios.ECHO


def test_sigterm_ends_an_explorer_whose_output_nobody_reads(data_dir: Path) -> None:
    """A terminal that stopped reading (a stalled connection): the explorer's writes
    block, so it cannot end as `q` does; SIGTERM still ends it, after its grace."""
    from tui.terminal_driver import EXIT_GRACE

    with painted_explorer(data_dir) as run:
        for i in range(300):  # keys it repaints for, its output no longer read
            os.write(run.master, b"j" if i % 2 else b"k")
            time.sleep(0.005)
        time.sleep(1)
        run.proc.send_signal(signal.SIGTERM)
        code = run.proc.wait(timeout=EXIT_GRACE + 5)
    assert code == 143


def test_asked_for_an_event_that_did_not_load_the_problems_say_why(tmp_path: Path) -> None:
    """A review: `--event` of an event with a problem said "unknown event" (exit 2)."""
    data = write_data_dir(
        tmp_path, events=EVENTS_YAML.replace("[china, kim-jong-un]", "[china, kim-jong-nu]")
    )
    code, output = run_in_pty(["--data", str(data), "--event", "pact-signed"])
    assert code == 1
    assert "events.yaml:6: unknown actor 'kim-jong-nu'" in output
    assert "unknown event" not in output and "Traceback" not in output
