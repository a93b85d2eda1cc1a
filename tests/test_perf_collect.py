"""`collect_when_idle` runs the collection the collector's thresholds make due next."""

from __future__ import annotations

from unittest import mock

import pytest

from tui import perf
from tui.perf import IDLE_COLLECT, collect_when_idle

THRESHOLDS = (50_000, 10, 10)


@pytest.mark.parametrize(
    ("counts", "enabled", "collected"),
    [
        ((IDLE_COLLECT - 1, 9, 9), True, None),  # too few young objects: nothing
        ((IDLE_COLLECT, 0, 0), True, 0),
        ((IDLE_COLLECT, 9, 9), True, 0),
        ((IDLE_COLLECT, 10, 0), True, 1),  # ten young collections since the last middle one
        ((IDLE_COLLECT, 10, 10), True, 2),
        ((IDLE_COLLECT, 0, 10), True, 2),
        ((40_000, 3, 0), True, 0),
        ((40_000, 3, 0), False, None),  # paused while a model is built: left alone
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
