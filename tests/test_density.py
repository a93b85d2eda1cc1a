"""The density strip's year buckets."""

from __future__ import annotations

import pytest

from tui.widgets.density_strip import bucket_years


@pytest.mark.parametrize(
    ("first", "last", "width", "expected"),
    [
        (2019, 2021, 10, [(2019, 2019), (2020, 2020), (2021, 2021)]),
        (1950, 1950, 5, [(1950, 1950)]),
        (2000, 2009, 5, [(2000, 2001), (2002, 2003), (2004, 2005), (2006, 2007), (2008, 2009)]),
        (2000, 2006, 3, [(2000, 2001), (2002, 2003), (2004, 2006)]),
        (2000, 2001, 0, []),
    ],
)
def test_buckets(first: int, last: int, width: int, expected: list[tuple[int, int]]) -> None:
    assert bucket_years(first, last, width) == expected


def test_buckets_use_every_column_and_cover_every_year_once() -> None:
    for width in (7, 54, 76, 77, 200):
        buckets = bucket_years(1949, 2025, width)
        assert len(buckets) == min(width, 77)
        years = [y for a, b in buckets for y in range(a, b + 1)]
        assert years == list(range(1949, 2026))
