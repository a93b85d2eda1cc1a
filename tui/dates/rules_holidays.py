"""Rules for holidays, fiscal years and two-digit years.

* Fixed holidays ("Christmas", "New Year's Day", "Independence Day", "Halloween",
  "Christmas Eve", "New Year's Eve", "Valentine's Day", "Armistice Day", "Boxing
  Day", "the Fourth of July") and movable ones: "Easter" (Western, dateutil's
  computus) with "Good Friday" and "Easter Monday", "Thanksgiving" (US: the
  fourth Thursday of November), "Memorial Day" (US: the last Monday of May),
  "Election Day" (US: the Tuesday after the first Monday of November). With a
  year ("Christmas 2023", "Easter of 2021") that year's; without one, the open
  past/future rule picks among the neighbouring years' occurrences, as for a
  month-day.
* "fiscal 2024", "fiscal year 2024", "FY2024", "FY 24": the US federal fiscal
  year, 1 October of the year before to 30 September (TIMEX "FY2024"); other
  countries' fiscal years differ, so the explanation names the convention. Two
  digits name the nearest such year to the anchor.
* Two-digit years: "'58" is the latest year ending in 58 on or before the anchor
  (1958 against 2024); "1957-58" is a range, which the range rule reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.easter import easter

from tui.dates.explain import _fmt_day, _pick_rule
from tui.dates.grammar import _Context, _pick, _Result
from tui.dates.periods import _day, _Period, _year


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The `n`-th `weekday` (Monday 0) of a month."""
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _last_weekday(year: int, month: int, weekday: int) -> date:
    """The last `weekday` (Monday 0) of a month."""
    last = date(year, month + 1, 1) - timedelta(days=1) if month < 12 else date(year, 12, 31)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _election_day(year: int) -> date:
    """US Election Day: the Tuesday after the first Monday of November."""
    return _nth_weekday(year, 11, 0, 1) + timedelta(days=1)


_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas": lambda y: date(y, 12, 25),
    "christmas day": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24),
    "new year's day": lambda y: date(y, 1, 1),
    "new year's eve": lambda y: date(y, 12, 31),
    "independence day": lambda y: date(y, 7, 4),
    "halloween": lambda y: date(y, 10, 31),
    "valentine's day": lambda y: date(y, 2, 14),
    "armistice day": lambda y: date(y, 11, 11),
    "easter": easter,
    "easter sunday": easter,
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "boxing day": lambda y: date(y, 12, 26),
    "fourth of july": lambda y: date(y, 7, 4),
    "memorial day": lambda y: _last_weekday(y, 5, 0),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "election day": _election_day,
}
_HOLIDAY_RE = re.compile(
    r"(" + "|".join(sorted(map(re.escape, _HOLIDAYS), key=len, reverse=True)) + r")"
    r"(?:\s+(?:of\s+)?(\d{4}))?"
)
_FISCAL_RE = re.compile(r"(?:fiscal(?:\s+year)?|fy)\s*'?(\d{4}|\d{2})")
_TWO_DIGIT_RE = re.compile(r"'(\d{2})")
HOLIDAY_NAMES = tuple(_HOLIDAYS)  # for the tagger


def _rule_holiday(text: str, ctx: _Context) -> _Result | None:
    m = _HOLIDAY_RE.fullmatch(text)
    if not m:
        return None
    key, year = m.group(1), m.group(2)
    name = " ".join(w if w == "of" else w[0].upper() + w[1:] for w in key.split())
    day_of = _HOLIDAYS[key]
    if year:
        day = day_of(int(year))
        return _Result(_day(day), f"{name} of {year}")
    a = ctx.anchor
    candidates = [_day(day_of(y)) for y in range(a.year - 1, a.year + 2)]
    chosen = _pick(candidates, a, ctx.tense)
    return _Result(chosen, f"{ctx.tense_text} → {_pick_rule(name, a, ctx.tense)}")


def _rule_fiscal_year(text: str, ctx: _Context) -> _Result | None:
    m = _FISCAL_RE.fullmatch(text)
    if not m:
        return None
    year = int(m.group(1))
    read = ""
    if year < 100:
        past = _two_digit_year(year, ctx.anchor)
        # A budget year is as often ahead as behind: the nearest such year.
        year = past + 100 if past + 100 - ctx.anchor.year < ctx.anchor.year - past else past
        read = f" ('{m.group(1)} read as {year}, the nearest to {_fmt_day(ctx.anchor)})"
    period = _Period(date(year - 1, 10, 1), date(year, 9, 30), "range", f"FY{year}")
    return _Result(
        period,
        f"the US federal fiscal year {year}{read}: 1 October {year - 1} to 30 September "
        f"{year} (other countries' fiscal years differ)",
    )


def _two_digit_year(yy: int, anchor: date) -> int:
    """The latest year ending in `yy` on or before the anchor's year."""
    return anchor.year - (anchor.year - yy) % 100


def _rule_two_digit_year(text: str, ctx: _Context) -> _Result | None:
    m = _TWO_DIGIT_RE.fullmatch(text)
    if not m:
        return None
    year = _two_digit_year(int(m.group(1)), ctx.anchor)
    return _Result(
        _year(year),
        f"'{m.group(1)}: the latest year ending in {m.group(1)} on or before "
        f"{_fmt_day(ctx.anchor)}, the publication date",
    )
