"""Rules for calendar words: decades and centuries, day-month-year forms, weekdays,
ranges and bare seasons."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from tui.dates.explain import _anchor_text, _describe, _fmt_day, _ordinal_suffix, _pick_rule
from tui.dates.grammar import LazyPattern, _Context, _pick, _Result
from tui.dates.lexicon import (
    _DAY_NAMES,
    _DECADE_WORDS,
    _MONTH_RE,
    _ORD_SUFFIX,
    _ORDINAL_RE,
    _SEASON_RE,
    _SEASONS,
    _WEEKDAY_RE,
    MONTH_NAMES,
    _month_number,
    _parse_ordinal,
    _weekday_number,
)
from tui.dates.periods import (
    _century,
    _day,
    _decade,
    _make_date,
    _month,
    _Period,
    _rolling,
    _season,
    _week,
    _year,
)
from tui.span import ResolveError

# Patterns the rules match, compiled once on first use (see `LazyPattern`).
_CENTURY_DIGITS_RE = LazyPattern(r"(\d{2})00'?s")
_DECADE_DIGITS_RE = LazyPattern(r"(\d{3})0'?s")
_SHORT_DECADE_RE = LazyPattern(r"'?(\d)0'?s")
_ORDINAL_CENTURY_RE = LazyPattern(_ORDINAL_RE + r"\s+(?:century|c\.?)")
_ISO_WEEK_RE = LazyPattern(r"(\d{4})-?w(\d{1,2})")
_YEAR_DASH_TWO_RE = LazyPattern(r"(\d{4})-(\d{2})")
_WEEKDAY_FULL_RE = LazyPattern(_WEEKDAY_RE)
# "Tuesday of next week", "Friday of last week": a day of a week named relative to
# the anchor's (not the nearest Tuesday, which on a Tuesday is the anchor itself).
# ("the following week" refers to another mention: the loader's `relative_to`.)
_WEEKDAY_OF_WEEK_RE = LazyPattern(
    _WEEKDAY_RE + r"(?:\s+(?:morning|afternoon|evening|night))?\s+of\s+(next|last|this)\s+week"
)
_WEEK_SHIFT = {"next": 1, "last": -1, "this": 0}
_WEEKDAY_WEEK_RE = LazyPattern(_WEEKDAY_RE + r"\s+week")  # "Thursday week", British
_YEAR_RANGE_SHORT_RE = LazyPattern(r"(\d{4})\s*[-–/]\s*(\d{2})")
_SEASON_FULL_RE = LazyPattern(_SEASON_RE)


def _rule_decade_century(text: str, ctx: _Context) -> _Result | None:
    a = ctx.anchor
    m = _CENTURY_DIGITS_RE.fullmatch(text)
    if m:
        first = int(m.group(1)) * 100
        if first <= a.year <= first + 99:
            # "the 2000s", said in them, is the decade: the hundred years are not over.
            return _Result(
                _decade(first),
                f"the decade {first}–{first + 9} (the hundred years {first}–{first + 99} "
                f"are not over by {_anchor_text(a)})",
            )
        # "the 1900s" is read as news usually means it: the hundred years 1900-1999.
        when = "over by" if first + 99 < a.year else "all after"
        return _Result(
            _century(first), f"the hundred years {first}–{first + 99}, {when} {_anchor_text(a)}"
        )
    m = _DECADE_DIGITS_RE.fullmatch(text)
    if m:
        return _Result(_decade(int(m.group(1)) * 10), "decade named in full")
    m = _SHORT_DECADE_RE.fullmatch(text)
    word = _DECADE_WORDS.get(text)
    if m or word is not None:
        tens = int(m.group(1)) * 10 if m else word
        assert tens is not None
        first = a.year // 100 * 100 + tens
        if first > a.year:
            first -= 100
        return _Result(
            _decade(first),
            f"the latest decade ending in {tens}s that began on or before {_anchor_text(a)}",
        )
    m = _ORDINAL_CENTURY_RE.fullmatch(text)
    if m:
        n = _parse_ordinal(m.group(1))
        if n < 1:
            raise ResolveError("there is no 0th century")
        return _Result(
            _century((n - 1) * 100),
            f"{_ordinal_suffix(n)} century taken as TimeML does "
            f"({(n - 1) * 100}–{(n - 1) * 100 + 99})",
        )
    return None


class _Partial(NamedTuple):
    """A calendar point with parts possibly missing: year, month, day."""

    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None


@lru_cache(maxsize=8192)
def _parse_partial(text: str, allow_bare_day: bool = False) -> _Partial | None:
    """Read a calendar point: ISO, day-month-year forms, month-year, month, year.

    Memoised: the words alone decide it, and the same words come back against
    every anchor (a failure raises, and is not memoised).
    """
    t = text.strip().strip(",").strip()
    if t.startswith("the "):
        t = t[4:]
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", t)
    if m:
        year, month, day = map(int, m.groups())
        if not 1 <= month <= 12:
            raise ResolveError(
                f"there is no month {month} in the ISO date {t!r} (months run 01–12)"
            )
        return _Partial(year, month, day)
    m = re.fullmatch(r"(\d{4})-(\d{2})", t)
    if m and 1 <= int(m.group(2)) <= 12:
        return _Partial(int(m.group(1)), int(m.group(2)), None)
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", t)
    if m:
        first, second, year = (int(g) for g in m.groups())
        return _slash_date(first, second, year, t)
    weekday = None
    wd = re.match(_WEEKDAY_RE + r",?\s+(?=\S)", t)
    if wd and not re.fullmatch(_WEEKDAY_RE, t):
        weekday = _weekday_number(wd.group(1))
        t = t[wd.end() :]
    m = re.fullmatch(_MONTH_RE + r"\s+(?:the\s+)?(\d{1,2})" + _ORD_SUFFIX + r"(?:,?\s+(\d{4}))?", t)
    if m:
        return _Partial(
            int(m.group(3)) if m.group(3) else None,
            _month_number(m.group(1)),
            int(m.group(2)),
            weekday,
        )
    m = re.fullmatch(
        r"(\d{1,2})" + _ORD_SUFFIX + r"\s+(?:of\s+)?" + _MONTH_RE + r"(?:,?\s+(\d{4}))?", t
    )
    if m:
        return _Partial(
            int(m.group(3)) if m.group(3) else None,
            _month_number(m.group(2)),
            int(m.group(1)),
            weekday,
        )
    if weekday is not None:
        return None
    m = re.fullmatch(_MONTH_RE + r"(?:,?\s+(?:of\s+)?(\d{4}))?", t)
    if m:
        return _Partial(int(m.group(2)) if m.group(2) else None, _month_number(m.group(1)), None)
    m = re.fullmatch(r"(?:year\s+)?(\d{4})", t)
    if m:
        return _Partial(int(m.group(1)), None, None)
    m = re.fullmatch(r"(\d{1,2})" + _ORD_SUFFIX + r"(?:,?\s+(\d{4}))?", t)
    if m and allow_bare_day:
        # The second end of "June 11-13, 2021": a day, perhaps with the year.
        return _Partial(int(m.group(2)) if m.group(2) else None, None, int(m.group(1)))
    return None


def _slash_date(first: int, second: int, year: int, text: str) -> _Partial:
    """d/m/yyyy or m/d/yyyy, accepted only when the reading is unambiguous."""
    readings = set()
    for day, month in ((first, second), (second, first)):
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
            readings.add((month, day))
    if not readings:
        raise ResolveError(f"{text!r} is no real date in either day/month or month/day order")
    if len(readings) > 1:
        raise ResolveError(
            f"{text!r} is ambiguous: day/month and month/day give different dates "
            "(hint: write the month as a word or use ISO yyyy-mm-dd)"
        )
    month, day = readings.pop()
    return _Partial(year, month, day)


def _resolve_partial(p: _Partial, ctx: _Context) -> _Result:
    """Turn a calendar point into a period, using the tense rule if the year is missing."""
    a = ctx.anchor
    if p.year is not None and p.month is not None and p.day is not None:
        d = _make_date(p.year, p.month, p.day)
        result = _Result(_day(d), "date named in full")
    elif p.year is not None and p.month is not None:
        result = _Result(_month(p.year, p.month), "month named with its year")
    elif p.year is not None:
        result = _Result(_year(p.year), "year named")
    elif p.month is not None and p.day is not None:
        if p.day > (29 if p.month == 2 else calendar.monthrange(2001, p.month)[1]):
            raise ResolveError(f"{MONTH_NAMES[p.month]} has no day {p.day}")
        if p.day < 1:
            raise ResolveError(f"there is no day {p.day} of a month")
        years: Iterable[int] = range(a.year - 8, a.year + 9)
        if p.month == 2 and p.day == 29:  # the one day (checked above) that some years lack
            years = [y for y in years if calendar.isleap(y)]
        candidates = [_day(date(y, p.month, p.day)) for y in years]
        label = f"{p.day} {MONTH_NAMES[p.month]}"
        chosen = _pick(candidates, a, ctx.tense)
        result = _Result(chosen, f"{ctx.tense_text} → {_pick_rule(label, a, ctx.tense)}")
    elif p.month is not None:
        candidates = [_month(y, p.month) for y in range(a.year - 2, a.year + 3)]
        chosen = _pick(candidates, a, ctx.tense)
        result = _Result(
            chosen, f"{ctx.tense_text} → {_pick_rule(MONTH_NAMES[p.month], a, ctx.tense)}"
        )
    else:
        raise ResolveError("a day number alone is not a date (hint: add a month)")
    if p.weekday is not None and result.period.start.weekday() != p.weekday:
        d = result.period.start
        raise ResolveError(
            f"{_fmt_day(d)} is a {_DAY_NAMES[d.weekday()].title()}, "
            f"not a {_DAY_NAMES[p.weekday].title()}"
        )
    return result


def _rule_calendar(text: str, ctx: _Context) -> _Result | None:
    m = _ISO_WEEK_RE.fullmatch(text)
    if m:
        year, week = int(m.group(1)), int(m.group(2))
        weeks = date(year, 12, 28).isocalendar()[1]  # 28 Dec is always in the year's last week
        if not 1 <= week <= weeks:
            raise ResolveError(f"ISO year {year} has weeks 1–{weeks}, so there is no week {week}")
        return _Result(_week(date.fromisocalendar(year, week, 1)), "ISO week named")
    m = _YEAR_DASH_TWO_RE.fullmatch(text)
    if m:
        year, part = int(m.group(1)), int(m.group(2))
        if not 1 <= part <= 12:
            if part > year % 100:
                return None  # "1950-53", "2019-20": a range of years, read by the range rule
            raise ResolveError(f"there is no month {part} in {text!r} (ISO months run 01–12)")
    p = _parse_partial(text)
    if p is None:
        return None
    return _resolve_partial(p, ctx)


def _rule_weekday(text: str, ctx: _Context) -> _Result | None:
    a = ctx.anchor
    if text == "weekend":
        saturdays = [
            a - timedelta(days=a.weekday()) + timedelta(days=5 + k) for k in (-14, -7, 0, 7)
        ]
        candidates = []
        for sat in saturdays:
            iso_year, iso_week, _ = sat.isocalendar()
            candidates.append(
                _Period(sat, sat + timedelta(days=1), "range", f"{iso_year}-W{iso_week:02d}-WE")
            )
        chosen = _pick(candidates, a, ctx.tense)
        return _Result(chosen, f"{ctx.tense_text} → {_pick_rule('weekend', a, ctx.tense)}")
    m = _WEEKDAY_OF_WEEK_RE.fullmatch(text)
    if m:
        target = _weekday_number(m.group(1))
        shift = _WEEK_SHIFT[m.group(2)]
        day = a - timedelta(days=a.weekday()) + timedelta(days=7 * shift + target)
        week = {1: "the week after the one of", -1: "the week before the one of"}.get(
            shift, "the week of"
        )
        return _Result(_day(day), f"the {_DAY_NAMES[target].title()} of {week} {_anchor_text(a)}")
    m = _WEEKDAY_WEEK_RE.fullmatch(text)
    if m:  # "Thursday week" (British): a week on from the coming Thursday
        target = _weekday_number(m.group(1))
        day = a + timedelta(days=((target - a.weekday()) % 7 or 7) + 7)
        return _Result(
            _day(day), f"a week on from the first {_DAY_NAMES[target].title()} after "
            f"{_anchor_text(a)}"
        )  # fmt: skip
    m = _WEEKDAY_FULL_RE.fullmatch(text)
    if not m:
        return None
    target = _weekday_number(m.group(1))
    candidates = [_day(d) for d in _weekdays_near(a, target)]
    chosen = _pick(candidates, a, ctx.tense)
    rule = f"{ctx.tense_text} → {_pick_rule(_DAY_NAMES[target].title(), a, ctx.tense)}"
    if ctx.tense is None and ctx.has_sentence and chosen.start != a:
        # "Voters go to the polls on Sunday": with no tense to say which way it looks,
        # the nearest is a guess, and the date says so.
        other = min((c for c in candidates if (c.start < a) != (chosen.start < a)),
                    key=lambda c: abs((c.start - a).days))
        return _Result(chosen, f"{rule} (a guess: the words could mean "
                               f"{_fmt_day(other.start)})", True)
    if ctx.tense == "future" and chosen.start == a:
        # "will meet on Monday", written on a Monday: that day, or a week on; a speaker
        # meaning the day itself would more often say "today". Both, as one stretch.
        return _Result(_rolling(a, a + timedelta(days=7)), f"{rule}, or the "
                       f"{_DAY_NAMES[target].title()} a week on: the words do not say which", True)
    return _Result(chosen, rule)


def _weekdays_near(anchor: date, weekday: int) -> list[date]:
    """The days up to a week either side of `anchor` that fall on `weekday`, in order.

    Two, or three when the anchor is one. Both ends are stepped to first, so that
    an anchor at the edge of the calendar raises OverflowError as stepping through
    each day would.
    """
    week_before, week_after = anchor - timedelta(days=7), anchor + timedelta(days=7)
    ahead = (weekday - anchor.weekday()) % 7
    days = [week_before + timedelta(days=ahead), anchor + timedelta(days=ahead)]
    if ahead == 0:
        days.append(week_after)
    return days


# "/" only between two four-digit years ("2019/2020"): "3/5" is no range.
_MOST_JOINS = 6  # "mid-2023 - early 2024" has two; "the winter of 2013-14 to March 2015" three
_RANGE_SPLIT = re.compile(
    r"\s*[-–]\s*|(?<=\d{4})/(?=\d{4}$)|\s+(?:to|until|till|through|thru|and)\s+"
)


def _rule_range(text: str, ctx: _Context) -> _Result | None:
    """Two ends joined by a dash, 'to', 'and', 'through'; years borrowed across."""
    a = ctx.anchor
    body = re.sub(r"^(?:from|between)\s+", "", text)
    if len(_RANGE_SPLIT.findall(body)) > _MOST_JOINS:
        # Two ends, each of a few words: a chain of them is no date (and split every way,
        # it ran out of time and of the interpreter's stack).
        raise ResolveError(f"{text[:60]!r}: too many ends joined for a range of two")
    m = _YEAR_RANGE_SHORT_RE.fullmatch(body)
    if m:
        first = int(m.group(1))
        second = first // 100 * 100 + int(m.group(2))
        if second <= first:
            raise ResolveError(f"{text!r}: the second year comes before the first")
        return _Result(
            _Period(date(first, 1, 1), date(second, 12, 31), "range", f"{first}/{second}"),
            "range of years",
        )
    for sep in _RANGE_SPLIT.finditer(body):
        left_text, right_text = body[: sep.start()], body[sep.end() :]
        if not left_text or not right_text:
            continue
        left = _parse_partial(left_text, allow_bare_day=True)
        right = _parse_partial(right_text, allow_bare_day=True)
        if (
            left is not None
            and right is not None
            and not (left.month is None and left.year is None and right.month is None)
        ):
            return _partial_range(left, right, text, ctx)
    # Any two ends the resolver reads on its own ("early 2023 - mid 2024").
    for sep in _RANGE_SPLIT.finditer(body):
        left_text, right_text = body[: sep.start()], body[sep.end() :]
        if not left_text or not right_text:
            continue
        try:
            left_r = ctx.resolve(left_text)
            right_r = ctx.resolve(right_text)
        except ResolveError:
            continue
        lp, rp = left_r.period, right_r.period
        if rp.end < lp.start and _WEEKDAY_FULL_RE.fullmatch(left_text.strip()) and (
            _WEEKDAY_FULL_RE.fullmatch(right_text.strip())
        ):
            # "from Monday to Friday": one stretch of days, each end picked by the tense
            # alone came apart (on a Thursday, next Monday and tomorrow's Friday). Told
            # in the past, the week before the Friday; else the Friday after the Monday.
            if ctx.tense == "past":
                lp = _day(lp.start - timedelta(days=7))
            else:
                rp = _day(rp.start + timedelta(days=7))
        if rp.end < lp.start:
            raise ResolveError(f"{text!r}: the range ends before it starts")
        return _Result(
            _Period(lp.start, rp.end, "range", f"{lp.timex}/{rp.timex}"),
            f"range from {_describe(lp)} to {_describe(rp)}, against {_anchor_text(a)}",
            left_r.approximate or right_r.approximate,
        )
    return None


def _partial_range(left: _Partial, right: _Partial, text: str, ctx: _Context) -> _Result:
    """Fill the missing parts of each end from the other, then resolve both."""
    if left.day is not None and left.month is None:
        left = left._replace(month=right.month)
    if right.day is not None and right.month is None:
        right = right._replace(month=left.month)
    if (left.day is None) != (right.day is None) or (left.month is None) != (right.month is None):
        raise ResolveError(f"{text!r}: the two ends of the range have different precisions")
    rule = "range"
    if left.year is None and right.year is not None:
        left = left._replace(year=right.year)
        if (
            left.month is not None
            and right.month is not None
            and (left.month, left.day or 0) > (right.month, right.day or 0)
        ):
            left = left._replace(year=right.year - 1)
    elif right.year is None and left.year is not None:
        right = right._replace(year=left.year)
        if (
            left.month is not None
            and right.month is not None
            and (right.month, right.day or 0) < (left.month, left.day or 0)
        ):
            right = right._replace(year=left.year + 1)  # "Dec 30, 2023 – Jan 2"
    elif left.year is None and right.year is None:
        first = _resolve_partial(left, ctx)
        left = left._replace(year=first.period.start.year)
        right = right._replace(year=left.year)
        rule = f"range; {first.rule}"
        assert left.month is not None and right.month is not None and left.year is not None
        if (right.month, right.day or 0) < (left.month, left.day or 0):
            right = right._replace(year=left.year + 1)
    lp = _resolve_partial(left, ctx).period
    rp = _resolve_partial(right, ctx).period
    if rp.end < lp.start:
        raise ResolveError(f"{text!r}: the range ends before it starts")
    if rp.end <= lp.end:
        raise ResolveError(f"{text!r}: the second end of the range is not after the first")
    return _Result(_Period(lp.start, rp.end, "range", f"{lp.timex}/{rp.timex}"), rule)


def _rule_bare_season(text: str, ctx: _Context) -> _Result | None:
    m = _SEASON_FULL_RE.fullmatch(text)
    if not m:
        return None
    a = ctx.anchor
    code = _SEASONS[m.group(1)]
    candidates = [_season(y, code) for y in range(a.year - 2, a.year + 2)]
    chosen = _pick(candidates, a, ctx.tense)
    return _Result(chosen, f"{ctx.tense_text} → {_pick_rule(m.group(1), a, ctx.tense)}")
