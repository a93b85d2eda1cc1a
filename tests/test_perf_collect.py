"""`collect_when_idle` runs the collection the collector's thresholds make due next,
never while a model is built; `gc_paused` pauses overlap across threads."""

from __future__ import annotations

import gc
from unittest import mock

import pytest

from tui import perf
from tui.perf import IDLE_COLLECT, collect_when_idle, gc_paused

THRESHOLDS = (50_000, 10, 10)


@pytest.mark.parametrize(
    ("counts", "enabled", "collected"),
    [
        ((IDLE_COLLECT - 1, 11, 11), True, None),  # too few young objects: nothing
        ((IDLE_COLLECT, 0, 0), True, 0),
        ((IDLE_COLLECT, 10, 10), True, 0),  # as CPython: over the threshold, not at it
        ((IDLE_COLLECT, 11, 0), True, 1),  # eleven young collections since the last middle one
        ((IDLE_COLLECT, 11, 11), True, 2),
        ((IDLE_COLLECT, 0, 11), True, 2),
        ((40_000, 3, 0), True, 0),
        ((40_000, 3, 0), False, None),  # the collector is off: left alone
    ],
)
def test_the_generation_collected_is_the_one_due(
    counts: tuple[int, int, int], enabled: bool, collected: int | None
) -> None:
    with (
        mock.patch.object(perf.gc, "get_count", return_value=counts),
        mock.patch.object(perf.gc, "get_threshold", return_value=THRESHOLDS),
        mock.patch.object(perf.gc, "isenabled", return_value=enabled),
        mock.patch.object(perf.gc, "collect") as collect,
    ):
        collect_when_idle()
    if collected is None:
        collect.assert_not_called()
    else:
        collect.assert_called_once_with(collected)


def test_nothing_is_collected_while_a_model_is_built() -> None:
    with (
        mock.patch.object(perf.gc, "get_count", return_value=(40_000, 0, 0)),
        mock.patch.object(perf.gc, "collect") as collect,
        gc_paused(),
        mock.patch.object(perf.gc, "isenabled", return_value=True),  # as another thread left it
    ):
        collect_when_idle()
    collect.assert_not_called()


def test_pauses_in_two_threads_end_with_the_last() -> None:
    """A pause that ends first (another thread's) leaves the collector off for the other."""
    was = gc.isenabled()
    gc.enable()
    try:
        first, second = gc_paused(), gc_paused()
        first.__enter__()
        second.__enter__()
        assert not gc.isenabled()
        first.__exit__(None, None, None)
        assert not gc.isenabled()
        second.__exit__(None, None, None)
        assert gc.isenabled()
        gc.disable()  # off before the pause: still off after it
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
