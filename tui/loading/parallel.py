"""Find quotes and resolve dates on two cores when a load has many sources.

Checking a source (its quote found, its date words resolved) is most of a cold
load and depends on nothing but the source and its article, so the sources are
split in two by article (each half keeps its own memos warm): this process
checks one half while a forked copy of it checks the other and sends back what
it found. The problems of both halves are put back in the order one core finds
them, so the result is the same either way. What the copy found is sent back as
the caller packs it (`pack`, `unpack`): records as columns of plain values
pickle and unpickle in about a third of the time the records take, and the
first half waits for them.

It falls back to one core when there are few sources, one CPU, no `fork` (not
POSIX), other threads in the process (a fork copies only the calling thread,
and locks held by the others would stay held in the copy: the explorer's live
reload runs in a thread), or when the copy cannot be started.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any

from tui.loading.progress import EVERY
from tui.problems import Problem

MIN_SOURCES = 5_000
"""Below this many sources, starting a second process costs more than it saves.

Measured on `check` cold (two cores, medians, alternated): at 18,000 sources
2.12 → 1.84 s, at 10,000 sources 2.08 → 1.96 s; sending half the results back
(3 MB at 18,000 sources: about 0.13 s to pickle and read back as records, 0.065 s
as columns) is part of what keeps the gain below half. With the results sent as
columns, 6 runs each against one core: at 7,000 sources 1.39 → 1.13 s (5,000
events, narrow) and 1.28 → 1.20 s (4,000 events, wide); at 3,500 sources, within
the spread (0.75 against 0.78 s)."""

Check = Callable[[int], Any]  # checks job i (adding any problems), returns its result
Report = Callable[[int, int], None]  # told (jobs done, jobs in all) now and then
Pack = Callable[[list[Any]], Any]  # results → what the forked copy sends back
Unpack = Callable[[Any], list[Any]]  # what it sent → the results
Outcome = tuple[Any, list[Problem]]

_work: tuple[Check, list[Problem], list[int], Pack] | None = None  # for the forked copy


def _as_they_are(results: Any) -> Any:
    return results


def run_checks(
    count: int,
    groups: list[str],
    check: Check,
    problems: list[Problem],
    *,
    pack: Pack = _as_they_are,
    unpack: Unpack = _as_they_are,
    report: Report | None = None,
    waiting: Callable[[], None] | None = None,
) -> list[Any]:
    """`check(i)` for every i < count, in order, on one core or two.

    `groups[i]` names job i's group (its article): a group is never split.
    `problems` is the list every check appends its problems to; on return it
    holds them as if the checks had run one after the other. `pack` turns the
    forked copy's results into what it sends back, `unpack` turns that into the
    results again (by default, they are sent as they are).

    `report`, if given, is told how many jobs are done every `EVERY` jobs and at
    the end. On two cores, the count is this process's share of its half, scaled
    to all the jobs: the copy's is not known until it ends, and both halves go at
    about the same pace.

    `waiting`, if given, is called on two cores when this process's half is done
    and the copy's is not back yet: time the caller may use (at 10,000 events the
    copy's half came back 0.1-0.2 s after this one's was done).
    """
    if not _two_cores_worth_it(count):
        return _all_here(count, check, report)
    halves = _split(groups)
    if len(halves[1]) * 2 < MIN_SOURCES:
        # One article holds most of the sources: the second core's share is too
        # small to pay for starting it.
        return _all_here(count, check, report)
    global _work
    _work = (check, problems, halves[1], pack)
    try:
        context = multiprocessing.get_context("fork")
        pool = context.Pool(1)
    except OSError:  # no process to be had (limits, memory): one core does it all
        _work = None
        return _all_here(count, check, report)
    try:
        other = pool.apply_async(_check_other_half)
        mine: dict[int, Outcome] = {}
        for part in _parts(halves[0]):
            mine.update((i, _checked(check, problems, i)) for i in part)
            if report is not None:  # all done only once the copy's half is back
                report(min(count - 1, len(mine) * count // len(halves[0])), count)
        if waiting is not None and not other.ready():
            waiting()
        packed, found = other.get()
        if report is not None:
            report(count, count)
    finally:
        _work = None
        pool.terminate()
    theirs = dict(zip(halves[1], unpack(packed), strict=True))
    results = []
    for i in range(count):
        if i in mine:
            result, mine_found = mine[i]
            problems.extend(mine_found)
        else:
            result = theirs[i]
            problems.extend(found.get(i, ()))
        results.append(result)
    return results


def _all_here(count: int, check: Check, report: Report | None) -> list[Any]:
    """Every job checked in this process, in order."""
    if report is None:
        return [check(i) for i in range(count)]
    results: list[Any] = []
    for part in _parts(range(count)):
        results.extend(map(check, part))
        report(len(results), count)
    return results


def _parts(jobs: Sequence[int]) -> list[Sequence[int]]:
    """`jobs` in runs of `EVERY`, the last one shorter (none when `jobs` is empty)."""
    return [jobs[start:start + EVERY] for start in range(0, len(jobs), EVERY)]


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


def _check_other_half() -> tuple[Any, dict[int, list[Problem]]]:
    """In the forked copy: check the second half (see `run_checks`); its results
    packed, and the problems of the jobs that have any."""
    assert _work is not None
    check, problems, indices, pack = _work
    outcomes = [_checked(check, problems, i) for i in indices]
    found = {i: job_problems for i, (_, job_problems) in zip(indices, outcomes, strict=True)
             if job_problems}
    return pack([result for result, _ in outcomes]), found
