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
* The region's own: "Lunar New Year" (China's "Spring Festival" or "Chinese New
  Year", Korea's "Seollal"), the "Mid-Autumn Festival" (Korea's "Chuseok") from
  the lunar table (`tui.dates.lunar_table`, 1900–2050), where China and Korea
  can keep the same festival a day apart: "Lunar New Year" and "Mid-Autumn
  Festival" are then either day, the country's own name its country's day; and
  North Korea's "Day of the Sun" (15 April) and "Day of the Shining Star" (16
  February).
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
from tui.dates.lunar_table import FIRST_YEAR, LAST_YEAR, festival_day
from tui.dates.periods import _day, _Period, _year
from tui.span import ResolveError


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
    # North Korea's: Kim Il Sung's birthday and Kim Jong Il's.
    "day of the sun": lambda y: date(y, 4, 15),
    "day of the shining star": lambda y: date(y, 2, 16),
}
_NEW_YEAR = ("china-new-year", "korea-new-year")
_MID_AUTUMN = ("china-mid-autumn", "korea-mid-autumn")
# Lunar festivals: the lunar table's columns for each name (China's, Korea's or both).
_LUNAR: dict[str, tuple[str, ...]] = {
    "lunar new year": _NEW_YEAR,
    "lunar new year's day": _NEW_YEAR,
    "chinese new year": _NEW_YEAR[:1],
    "spring festival": _NEW_YEAR[:1],
    "chinese new year's day": _NEW_YEAR[:1],
    "korean new year": _NEW_YEAR[1:],
    "korean new year's day": _NEW_YEAR[1:],
    "seollal": _NEW_YEAR[1:],
    "mid-autumn festival": _MID_AUTUMN,
    "mid autumn festival": _MID_AUTUMN,
    "chuseok": _MID_AUTUMN[1:],
    "hangawi": _MID_AUTUMN[1:],
}
# The eve of New Year: the last day of the lunar year, the day before.
_EVES: dict[str, tuple[str, ...]] = {
    "lunar new year's eve": _NEW_YEAR,
    "chinese new year's eve": _NEW_YEAR[:1],
    "korean new year's eve": _NEW_YEAR[1:],
}
_LUNAR.update(_EVES)
_LUNAR_DAY = {
    "china-new-year": "the first day of the first lunar month",
    "korea-new-year": "the first day of the first lunar month",
    "china-mid-autumn": "the fifteenth day of the eighth lunar month",
    "korea-mid-autumn": "the fifteenth day of the eighth lunar month",
}
_HOLIDAY_RE = re.compile(
    r"(?:the\s+)?("  # "the Day of the Sun" keeps its "the" ("the day …" is kept whole)
    + "|".join(sorted(map(re.escape, [*_HOLIDAYS, *_LUNAR]), key=len, reverse=True)) + r")"
    r"(?:\s+(?:of\s+)?(\d{4}))?"
)
_FISCAL_RE = re.compile(r"(?:fiscal(?:\s+year)?|fy)\s*'?(\d{4}|\d{2})")
_TWO_DIGIT_RE = re.compile(r"'(\d{2})")
HOLIDAY_NAMES = (*_HOLIDAYS, *_LUNAR)  # for the tagger
# After a holiday's name, words that make it a stretch of days or an event of its own
# ("the Lunar New Year holiday", "the Spring Festival Gala", "the Christmas break"): not
# the holiday's day.
HOLIDAY_STRETCH = re.compile(
    r"\s+(?:holidays?|break|period|season|week|weekend|gala|travel|rush|vacation|recess)\b",
    re.IGNORECASE,
)
_SMALL_WORDS = frozenset(("of", "the"))


def is_holiday(words: str) -> bool:
    """True when `words` are a holiday's name this module reads, with a year or not."""
    text = " ".join(words.lower().replace("’", "'").split())
    for lead in ("on ", "at ", "in ", "for ", "during ", "over ", "by ", "until ", "till ",
                 "since ", "before ", "after "):
        text = text.removeprefix(lead)
    return _HOLIDAY_RE.fullmatch(text) is not None


def _holiday_period(key: str, name: str, year: int) -> tuple[_Period, str]:
    """The holiday `key` (`name` as said) in `year`, and for a lunar festival which day
    of which calendar it is (a ResolveError for a year the lunar table does not give)."""
    columns = _LUNAR.get(key)
    if columns is None:
        return _day(_HOLIDAYS[key](year)), ""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ResolveError(
            f"the lunar table gives the day of {name} from {FIRST_YEAR} to {LAST_YEAR}, "
            f"not in {year}",
            hint="date the event by other words of the article that name the day",
        )
    days = [festival_day(column, year) for column in columns]
    known = [d for d in days if d is not None]
    if len(known) != len(days):
        raise ResolveError(
            f"the day of {name} in {year} is not known here: the calendar tables this "
            "one was made from disagree on it",
            hint="date the event by other words of the article that name the day",
        )
    eve = key in _EVES
    if eve:
        known = [d - timedelta(days=1) for d in known]
    first, last = min(known), max(known)
    which = "the day before " * eve + _LUNAR_DAY[columns[0]]
    if first == last:
        where = "China and Korea alike" if len(columns) > 1 else columns[0].split("-")[0].title()
        return _day(first), f"{which}, in {where}, by the lunar table"
    named = "; ".join(f"{_fmt_day(d)} in {c.split('-')[0].title()}"
                      for c, d in zip(columns, known, strict=True))  # fmt: skip
    period = _Period(first, last, "range", f"{first.isoformat()}/{last.isoformat()}")
    return period, f"China and Korea keep it a day apart that year: {named}; either day"


def _rule_holiday(text: str, ctx: _Context) -> _Result | None:
    m = _HOLIDAY_RE.fullmatch(text)
    if not m:
        return None
    key, year = m.group(1), m.group(2)
    if key == "election day" and "Election Day" not in ctx.expression:
        # US style writes the federal Election Day with capitals; "election day" is the
        # day of whichever election the article is about, which the words do not date.
        raise ResolveError(
            '"election day" in lower case is the day of any election, not a date',
            hint="date the event by the words that name the election's day, or write "
            '"Election Day" for the US federal one',
        )
    name = " ".join(w if w in _SMALL_WORDS else "-".join(p[:1].upper() + p[1:] for p in
                    w.split("-")) for w in key.split())  # fmt: skip
    if key == "election day":
        name = "US Election Day"
    if year:
        period, note = _holiday_period(key, name, int(year))
        return _Result(period, f"{name} of {year}" + (f" ({note})" if note else ""))
    a = ctx.anchor
    occurrences: dict[_Period, str] = {}
    unknown: list[tuple[int, ResolveError]] = []
    for y in range(a.year - 1, a.year + 2):
        try:
            period, note = _holiday_period(key, name, y)
        except ResolveError as error:  # a year next to the article's the table lacks
            unknown.append((y, error))
            continue
        occurrences[period] = note
    try:
        chosen: _Period | None = _pick(list(occurrences), a, ctx.tense)
    except ValueError:  # none of the known ones fits the tense
        chosen = None
    for y, lacking in unknown:
        # Only when the year the table lacks may be the one meant: the pick among the
        # others would then claim a day the words may not mean.
        if chosen is None or _may_be_meant(y, chosen, a, ctx.tense):
            raise lacking
    assert chosen is not None
    note = occurrences[chosen]
    rule = f"{ctx.tense_text} → {_pick_rule(name, a, ctx.tense)}"
    return _Result(chosen, rule + (f" ({note})" if note else ""))


def _may_be_meant(year: int, chosen: _Period, anchor: date, tense: str | None) -> bool:
    """True when the holiday of `year` (not known) could be the one the open past/future
    rule picks over `chosen`: a later year in the past, an earlier one in the future,
    one as near as `chosen` otherwise."""
    if tense == "past":
        return year > chosen.start.year and year <= anchor.year
    if tense == "future":
        return year < chosen.start.year and year >= anchor.year
    # No tense: the nearest. Its day that year is not known: about the chosen one's, a
    # lunar festival moving within a month or so from year to year.
    about = chosen.start.replace(year=year, day=min(chosen.start.day, 28))
    return abs((about - anchor).days) <= abs((chosen.start - anchor).days) + 31


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
