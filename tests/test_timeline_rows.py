"""The timeline's row index: year headings interleaved with events, rows found by bisection."""

from __future__ import annotations

import random

import pytest

from tui.widgets.timeline_view import build_rows, row_of_index

YEARS = [1949, 1950, 1950, 1953, 2019, 2019, 2019, 2021, 2024, 2024]


@pytest.mark.parametrize(
    ("positions", "rows"),
    [
        ([], []),
        ([0], [-1949, 0]),
        ([1, 2, 3], [-1950, 1, 2, -1953, 3]),
        (range(10), [-1949, 0, -1950, 1, 2, -1953, 3, -2019, 4, 5, 6, -2021, 7, -2024, 8, 9]),
        ([0, 6, 9], [-1949, 0, -2019, 6, -2024, 9]),
    ],
)
def test_build_rows(positions: list[int], rows: list[int]) -> None:
    built, heading_at = build_rows(YEARS, positions)
    assert built == rows
    assert len(heading_at) == sum(1 for r in rows if r < 0)


def test_row_of_index_agrees_with_the_rows() -> None:
    rng = random.Random(7)
    years = sorted(rng.randrange(1900, 2030) for _ in range(2000))
    for _ in range(20):
        positions = sorted(rng.sample(range(len(years)), rng.randrange(1, 500)))
        rows, heading_at = build_rows(years, positions)
        for index, pos in enumerate(positions):
            assert rows[row_of_index(heading_at, index)] == pos
