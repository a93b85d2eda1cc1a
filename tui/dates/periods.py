"""Calendar arithmetic: the periods (day, ISO week, month, season, quarter, half,
year, decade, century) that date words name, and stepping between them."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from tui.dates.lexicon import _SEASON_FIRST_MONTH, MONTH_NAMES
from tui.span import ResolveError


class _Period(NamedTuple):
    """A resolved period before the explanation is written (internal)."""

    start: date
    end: date
    precision: str
    timex: str


def _day(d: date) -> _Period:
    return _Period(d, d, "day", d.isoformat())


def _week(d: date) -> _Period:
    """The ISO week (Monday to Sunday) containing `d`."""
    monday = d - timedelta(days=d.weekday())
    iso_year, iso_week, _ = d.isocalendar()
    return _Period(monday, monday + timedelta(days=6), "week", f"{iso_year}-W{iso_week:02d}")


def _month(year: int, month: int) -> _Period:
    last = calendar.monthrange(year, month)[1]
    return _Period(
        date(year, month, 1), date(year, month, last), "month", f"{year:04d}-{month:02d}"
    )


def _add_months(d: date, months: int) -> date:
    """`d` moved by `months` calendar months (negative: back), its day clamped to
    the last of the month: what `dateutil.relativedelta` does, at a fraction of the
    cost (a cold load steps thousands of dates). Out of the years 1-9999 it raises
    ValueError or OverflowError, as `relativedelta` does."""
    index = d.month - 1 + months
    year, month = d.year + index // 12, index % 12 + 1
    day = d.day
    if day > 28:
        day = min(day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def _months(year: int, first: int, count: int) -> tuple[date, date]:
    """First and last day of `count` months from (year, first); may cross a year."""
    start = date(year, first, 1)
    end = _add_months(start, count) - timedelta(days=1)
    return start, end


def _season(year: int, code: str) -> _Period:
    """A meteorological season; winters are named by the year of their December."""
    start, end = _months(year, _SEASON_FIRST_MONTH[code], 3)
    return _Period(start, end, "season", f"{year:04d}-{code}")


def _season_of(d: date) -> tuple[int, str]:
    """(season year, code) of the season containing `d`."""
    code = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP",
            6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")  # fmt: skip
    return (d.year - 1 if d.month <= 2 else d.year), code


def _quarter(year: int, q: int) -> _Period:
    start, end = _months(year, 3 * q - 2, 3)
    return _Period(start, end, "quarter", f"{year:04d}-Q{q}")


def _half(year: int, h: int) -> _Period:
    start, end = _months(year, 6 * h - 5, 6)
    return _Period(start, end, "half", f"{year:04d}-H{h}")


def _year(year: int) -> _Period:
    if not 1 <= year <= 9999:
        raise ResolveError(f"the year {year} is outside what a calendar date can hold (1-9999)")
    return _Period(date(year, 1, 1), date(year, 12, 31), "year", f"{year:04d}")


def _decade(first_year: int) -> _Period:
    return _Period(
        date(first_year, 1, 1), date(first_year + 9, 12, 31), "decade", f"{first_year // 10:03d}"
    )


def _century(first_year: int) -> _Period:
    """A century as TimeML's two-digit value names it: 1900-1999 is '19'."""
    return _Period(
        date(first_year, 1, 1), date(first_year + 99, 12, 31), "century", f"{first_year // 100:02d}"
    )


def _rolling(start: date, end: date) -> _Period:
    return _Period(start, end, "range", f"{start.isoformat()}/{end.isoformat()}")


def _stretch_back(anchor: date, unit: str, n: int) -> tuple[date, date]:
    """The first and last days of the `n` units that end on `anchor`, `anchor` included.

    "The past week" on a Wednesday is the seven days from the Thursday before:
    a week, not the eight days from the Wednesday before. No units at all ("the
    past 0 days") is the anchor's day.
    """
    if n <= 0:
        return anchor, anchor
    return _step(anchor, unit, -n) + timedelta(days=1), anchor


def _stretch_on(anchor: date, unit: str, n: int) -> tuple[date, date]:
    """The first and last days of the `n` units that begin on `anchor`, `anchor` included.

    Where the month has no such day the step lands on its last one, which is kept:
    "the next month" from 31 January runs to 29 February (2024), as from the 30th.
    """
    if n <= 0:
        return anchor, anchor
    end = _step(anchor, unit, n)
    clamped = unit not in ("day", "week", "fortnight") and end.day != anchor.day
    return anchor, end if clamped else end - timedelta(days=1)


def _step(d: date, unit: str, n: int) -> date:
    """`d` moved by `n` units (negative: back); months and years clamp the day."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "fortnight":
        return d + timedelta(weeks=2 * n)
    if unit == "month":
        return _add_months(d, n)
    if unit == "year":
        return _add_months(d, 12 * n)
    if unit == "decade":
        return _add_months(d, 120 * n)
    return _add_months(d, 1200 * n)


def _unit(word: str) -> str:
    return "century" if word.startswith("centur") else word.rstrip("s")


def _unit_period(unit: str, d: date) -> _Period:
    """The calendar unit (week, month, quarter, year, ...) containing `d`."""
    if unit == "week":
        return _week(d)
    if unit == "month":
        return _month(d.year, d.month)
    if unit == "quarter":
        return _quarter(d.year, (d.month - 1) // 3 + 1)
    if unit == "half":
        return _half(d.year, 1 if d.month <= 6 else 2)
    if unit == "year":
        return _year(d.year)
    if unit == "decade":
        return _decade(d.year // 10 * 10)
    if unit == "century":
        return _century(d.year // 100 * 100)
    if unit == "season":
        return _season(*_season_of(d))
    raise ResolveError(f"unknown unit {unit!r}")


def _narrow(p: _Period, mod: str) -> tuple[date, date]:
    """The early/mid/late part of a period (see the module docstring)."""
    third = ("early", "mid", "late").index(mod)
    if p.precision == "month":
        bounds = ((1, 10), (11, 20), (21, p.end.day))[third]
        return p.start.replace(day=bounds[0]), p.start.replace(day=bounds[1])
    if p.precision == "week":
        first, last = ((0, 1), (2, 3), (4, 6))[third]
        return p.start + timedelta(days=first), p.start + timedelta(days=last)
    if p.precision == "decade":
        first, last = ((0, 3), (4, 6), (7, 9))[third]
        return date(p.start.year + first, 1, 1), date(p.start.year + last, 12, 31)
    if p.precision == "century":
        first, last = ((0, 32), (33, 65), (66, 99))[third]
        return date(p.start.year + first, 1, 1), date(p.start.year + last, 12, 31)
    if p.precision in ("season", "quarter", "half", "year"):
        months = (p.end.year - p.start.year) * 12 + p.end.month - p.start.month + 1
        size = months // 3
        start = _add_months(p.start, size * third)
        return start, _add_months(start, size) - timedelta(days=1)
    raise ResolveError(f"early/mid/late of a {p.precision} is not supported")


def _part_of(p: _Period, unit: str, n: int) -> tuple[date, date]:
    """Week `n` (1-4; 5 for the last) or half `n` (1-2) of a month or a year, as days.

    A month's weeks are its days 1-7, 8-14, 15-21 and 22-28 and its last week its last
    seven days; its halves days 1-15 and 16 to the end. A year's first week is 1-7
    January, its last 25-31 December. No calendar week is meant: "the first week of
    April" may be either, so the caller marks the result approximate.
    """
    if unit == "half":
        if p.precision != "month":
            raise ResolveError(f"the half of a {p.precision} is not read here")
        return (p.start, p.start.replace(day=15)) if n == 1 else (
            p.start.replace(day=16), p.end)
    if p.precision not in ("month", "year"):
        raise ResolveError(f"a week of a {p.precision} is not read here (only of a month "
                           "or a year)")
    if n == 5:  # the last
        return p.end - timedelta(days=6), p.end
    start = p.start + timedelta(days=7 * (n - 1))
    return start, start + timedelta(days=6)


def _make_date(year: int, month: int, day: int) -> date:
    """A real date, or a ResolveError saying why not."""
    if not 1 <= month <= 12:
        raise ResolveError(f"there is no month {month} (months run 1–12)")
    if day < 1:
        raise ResolveError(f"there is no day {day} of a month")
    last = calendar.monthrange(year, month)[1]
    if day > last:
        if month == 2 and day == 29:
            raise ResolveError(
                f"{year} is not a leap year: February {year} has 28 days, "
                f"so there is no 29 February {year}"
            )
        raise ResolveError(
            f"{MONTH_NAMES[month]} {year} has only {last} days, "
            f"so there is no {day} {MONTH_NAMES[month]} {year}"
        )
    return date(year, month, day)


_PARTED = frozenset({"month", "season", "quarter", "half", "year", "decade", "century"})


@lru_cache(maxsize=8192)
def part_of_its_unit(start: date, end: date, precision: str) -> str | None:
    """"early", "mid" or "late" when `start`–`end` is that part (`_narrow`) of the period
    of `precision` that holds `start` ("the end of the year": September to December);
    None when it is the whole period or no such part.

    Memoised: a list's or an export's labels ask it of every approximate span, and
    spans of the same days repeat (it doubled the time of a label at 10,000 events)."""
    if precision not in _PARTED:
        return None
    whole = _unit_period(precision, start)
    if (start, end) == (whole.start, whole.end):
        return None
    for mod in ("early", "mid", "late"):
        if _narrow(whole, mod) == (start, end):
            return mod
    return None
