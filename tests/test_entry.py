"""The entry point: `tui.cli.main`, then the process ends at once when nothing else runs.

Each test runs a fresh process (the quick end would end this one).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, run_cli

SHIPPED = ROOT / "data"


def run_script(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `script` in a fresh Python in the project's folder, its output buffered
    (as usual: not unbuffered by the environment)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=ROOT,
        timeout=60, env=env,
    )


def test_a_commands_output_reaches_a_pipe_whole_before_the_quick_end() -> None:
    listed = run_cli("list", "--data", str(SHIPPED))
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert len(lines) == 40 and listed.stdout.endswith("\n")


def test_the_exit_code_is_mains(tmp_path: Path) -> None:
    """A data problem ends the process with 1, its message on standard error."""
    missing = run_cli("check", "--data", str(tmp_path / "nowhere"))
    assert missing.returncode == 1  # a data problem
    assert "nowhere" in missing.stderr


def test_with_nothing_else_running_the_process_skips_pythons_teardown(
    tmp_path: Path,
) -> None:
    """No teardown: an exit handler never runs (nor does freeing every object)."""
    marker = tmp_path / "handler-ran"
    script = (
        "import atexit, sys\n"
        "from pathlib import Path\n"
        "from tui.entry import run\n"
        "atexit.register(lambda: Path(sys.argv[1]).write_text('ran'))\n"
        "run(['check', '--data', 'data'])\n"
    )
    done = run_script(script, str(marker))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok: 40 events")
    assert not marker.exists()


def test_while_another_thread_runs_the_process_ends_the_usual_way(tmp_path: Path) -> None:
    """A thread still working (as an explorer's worker may be) is waited for."""
    marker = tmp_path / "thread-finished"
    script = (
        "import sys, threading, time\n"
        "from pathlib import Path\n"
        "from tui.entry import run\n"
        "def late():\n"
        "    time.sleep(0.5)\n"
        "    Path(sys.argv[1]).write_text('finished')\n"
        "threading.Thread(target=late).start()\n"
        "run(['check', '--data', 'data'])\n"
    )
    done = run_script(script, str(marker))
    assert done.returncode == 0, done.stderr
    assert marker.read_text() == "finished"


def test_what_is_left_in_the_streams_buffers_is_written_before_the_end() -> None:
    script = (
        "import sys\n"
        "import tui.entry as entry\n"
        "def unflushed(argv):\n"
        "    sys.stdout.write('all of the output')\n"
        "    sys.stderr.write('and a warning without its line end')\n"
        "    return 0\n"
        "entry.main = unflushed\n"
        "entry.run([])\n"
    )
    done = run_script(script)
    assert done.returncode == 0
    assert done.stdout == "all of the output"
    assert done.stderr == "and a warning without its line end"
