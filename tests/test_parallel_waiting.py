"""The pause while a load waits for its second core, and what the explorer does in it.

On two cores a cold load's process checks its half of the sources, then waits for
the forked copy's half; the explorer imports its interface in that wait rather
than after the load.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from tui.loading import parallel
from tui.loading.progress import CHECKING, WAITING


def _two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_SOURCES", 0)
    if not parallel._two_cores_worth_it(1):
        pytest.skip("one core, no fork or other threads here: no second core to wait for")


def test_waiting_is_told_once_while_the_copy_is_still_at_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _two_cores(monkeypatch)
    parent = os.getpid()

    def check(i: int) -> int:
        if os.getpid() != parent:
            time.sleep(0.01)  # the copy's half takes longer than this one's
        return i * 3

    told: list[int] = []
    results = parallel.run_checks(40, [f"g{i}" for i in range(40)], check, [],
                                  waiting=lambda: told.append(1))
    assert results == [i * 3 for i in range(40)]
    assert told == [1]


def test_waiting_is_not_told_when_the_copy_is_back_first(monkeypatch: pytest.MonkeyPatch) -> None:
    _two_cores(monkeypatch)
    parent = os.getpid()

    def check(i: int) -> int:
        if os.getpid() == parent:
            time.sleep(0.05)  # this half takes longer: the copy's is back before it ends
        return -i

    told: list[int] = []
    results = parallel.run_checks(40, [f"g{i}" for i in range(40)], check, [],
                                  waiting=lambda: told.append(1))
    assert results == [-i for i in range(40)]
    assert told == []


def test_waiting_is_not_told_on_one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_SOURCES", 10**9)
    told: list[int] = []
    assert parallel.run_checks(5, ["a"] * 5, lambda i: i, [], waiting=lambda: told.append(1)) == [
        0, 1, 2, 3, 4]
    assert told == []


def test_the_explorer_imports_its_interface_in_the_wait_and_passes_every_stage_on() -> None:
    code = """
import os, sys
from tui.cli_explore import _importing_while_waiting
from tui.loading.progress import CHECKING, WAITING
seen = []
class Feedback:
    def __call__(self, stage, done, total):
        seen.append((stage, done, total))
progress = _importing_while_waiting(Feedback())
progress(CHECKING, 10, 20)
assert "tui.app" not in sys.modules and "textual" not in sys.modules
progress(WAITING, 0, 0)
assert "tui.app" in sys.modules and "tui.terminal_driver" in sys.modules
assert os.environ["TEXTUAL_FPS"] and os.environ["ESCDELAY"]
print(seen)
"""
    env = {k: v for k, v in os.environ.items() if k not in ("TEXTUAL_FPS", "ESCDELAY")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == repr([(CHECKING, 10, 20), (WAITING, 0, 0)])
