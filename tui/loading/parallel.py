"""Find quotes and resolve dates on two cores when a load has many sources.

Checking a source (its quote found, its date words resolved) is most of a cold
load and depends on nothing but the source and its article, so the sources are
split in two by article (each half keeps its own memos warm): this process
checks one half while a forked copy of it checks the other and sends back what
it found. The problems of both halves are put back in the order one core finds
them, so the result is the same either way.

It falls back to one core when there are few sources, one CPU, no `fork` (not
POSIX), other threads in the process (a fork copies only the calling thread,
and locks held by the others would stay held in the copy: the explorer's live
reload runs in a thread), or when the copy cannot be started.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from typing import Any

from tui.problems import Problem

MIN_SOURCES = 10_000
"""Below this many sources, starting a second process costs more than it saves.

Measured on `check` cold (two cores, medians, alternated): at 18,000 sources
2.12 → 1.84 s, at 10,000 sources 2.08 → 1.96 s; sending half the results back
(3 MB pickled at 18,000 sources) is what keeps the gain below half."""

Check = Callable[[int], Any]  # checks job i (adding any problems), returns its result
Outcome = tuple[Any, list[Problem]]

_work: tuple[Check, list[Problem], list[int]] | None = None  # for the forked copy


def run_checks(
    count: int, groups: list[str], check: Check, problems: list[Problem]
) -> list[Any]:
    """`check(i)` for every i < count, in order, on one core or two.

    `groups[i]` names job i's group (its article): a group is never split.
    `problems` is the list every check appends its problems to; on return it
    holds them as if the checks had run one after the other.
    """
    if not _two_cores_worth_it(count):
        return [check(i) for i in range(count)]
    halves = _split(groups)
    global _work
    _work = (check, problems, halves[1])
    try:
        context = multiprocessing.get_context("fork")
        pool = context.Pool(1)
    except OSError:  # no process to be had (limits, memory): one core does it all
        _work = None
        return [check(i) for i in range(count)]
    try:
        other = pool.apply_async(_check_other_half)
        mine = {i: _checked(check, problems, i) for i in halves[0]}
        theirs = dict(zip(halves[1], other.get(), strict=True))
    finally:
        _work = None
        pool.terminate()
    results = []
    for i in range(count):
        result, found = mine[i] if i in mine else theirs[i]
        problems.extend(found)
        results.append(result)
    return results


def _two_cores_worth_it(count: int) -> bool:
    return (
        count >= MIN_SOURCES
        and (os.cpu_count() or 1) >= 2
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


def _split(groups: list[str]) -> tuple[list[int], list[int]]:
    """Job indices in two halves of about equal size, each group whole."""
    by_group: dict[str, list[int]] = {}
    for i, group in enumerate(groups):
        by_group.setdefault(group, []).append(i)
    halves: tuple[list[int], list[int]] = ([], [])
    for members in sorted(by_group.values(), key=len, reverse=True):
        smaller = halves[0] if len(halves[0]) <= len(halves[1]) else halves[1]
        smaller.extend(members)
    return sorted(halves[0]), sorted(halves[1])


def _checked(check: Check, problems: list[Problem], i: int) -> Outcome:
    """Job i's result and the problems it added (taken back out of `problems`)."""
    before = len(problems)
    result = check(i)
    found = problems[before:]
    del problems[before:]
    return result, found


def _check_other_half() -> list[Outcome]:
    """In the forked copy: check the second half (see `run_checks`)."""
    assert _work is not None
    check, problems, indices = _work
    return [_checked(check, problems, i) for i in indices]
