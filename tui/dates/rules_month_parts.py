"""Rules for a part of a month the words name: "the first week of April", "the second
half of March", "the last Saturday in March", "the second Tuesday of May 2024", "the
first weekend of May"; and the months up to one ("the year to March", "the three
months to June").

The month is read as the words name it ("April" by the tense, "May 2024" as
given, "next month" from the publication date); then the part is taken. A month
read by the tense whose part falls on the wrong side of the publication date ("Talks
stalled in the last week of May" written on 3 May) is the same month a year before
(or after, looking ahead): the tense says which side the part lies on, not only
the month.
"""

from __future__ import annotations

from datetime import date, timedelta

from tui.dates.explain import _anchor_text, _describe
from tui.dates.grammar import LazyPattern, _Context, _Result
from tui.dates.lexicon import (
    _DAY_NAMES,
    _FULL_WEEKDAY_RE,
    _MONTH_ABBR,
    _MONTH_RE,
    _parse_ordinal,
    _weekday_number,
)
from tui.dates.periods import _month, _part_of, _Period
from tui.span import ResolveError

# "the first week of April", "the last week of May 2024", "the second half of March".
_PART_OF_MONTH_RE = LazyPattern(
    r"(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|last|final)\s+(week|half)"
    r"\s+(?:of|in)\s+(.+)"
)
# "the last Saturday in March", "the second Tuesday of May 2024".
_NTH_WEEKDAY_RE = LazyPattern(
    r"(?:the\s+)?(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last|final)\s+"
    + _FULL_WEEKDAY_RE
    + r"\s+(?:in|of)\s+(.+)"
)
# "the first weekend of May", "the last weekend in June 2024".
_NTH_WEEKEND_RE = LazyPattern(
    r"(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|last|final)\s+weekend"
    r"\s+(?:in|of)\s+(.+)"
)
_MONTH_WORDS_RE = LazyPattern(_MONTH_RE + r"(?:,?\s+(?:of\s+)?\d{4})?|(?:this|last|next)\s+month")
_YEAR_WORDS_RE = LazyPattern(r"\d{4}|(?:this|last|next)\s+year")
_NAMED_YEAR_RE = LazyPattern(r".*\d{4}|(?:this|last|next)\s+(?:month|year)")


# "the year to March", "the 12 months to March 2024", "the three months to the end of
# June", "the quarter to September", "the year ending March": the months up to the
# end of that month (a company's or a statistic's year, not the calendar's).
_MONTHS_TO_RE = LazyPattern(
    r"(?:the\s+)?(year|quarter|(?:twelve|12|nine|9|six|6|three|3)\s+months)\s+"
    r"(?:to|through|ending|ended)\s+(?:(?:the\s+)?end\s+of\s+)?(.+)"
)
_MONTHS_IN = {"year": 12, "quarter": 3, "twelve": 12, "12": 12, "nine": 9, "9": 9,
              "six": 6, "6": 6, "three": 3, "3": 3}  # fmt: skip


def _rule_months_to(text: str, ctx: _Context) -> _Result | None:
    """"the year to March": the twelve months up to the end of March (read as the words
    name it: by the tense, or as given)."""
    m = _MONTHS_TO_RE.fullmatch(text)
    if not m or not _MONTH_WORDS_RE.fullmatch(m.group(2)):
        return None
    months = _MONTHS_IN[m.group(1).split()[0]]
    inner = ctx.resolve(m.group(2))
    p = inner.period
    if p.precision != "month":
        return None
    # Told in the past, the stretch has ended ("Profits rose in the year to March",
    # written on 11 March, is the year to the March before).
    p, rule = _on_the_side_the_tense_says(p, m.group(2), (p.end, p.end),
                                          f"{inner.rule} → {_describe(p)}", ctx, "its end")
    if (ctx.tense is None and p.end > ctx.anchor and not _NAMED_YEAR_RE.fullmatch(m.group(2))):
        # "Sales in the year to March: up 5%", written on 11 March: a figure for a stretch
        # that has ended, the year to the March before.
        p = _month(p.start.year - 1, p.start.month)
        rule += ("; a stretch told with no tense has ended: the month a year before → "
                 f"{_describe(p)}")
    first = p.start.month - months + 1
    start = date(p.start.year + (first - 1) // 12, (first - 1) % 12 + 1, 1)
    return _Result(
        _Period(start, p.end, "range", f"{start.isoformat()}/{p.end.isoformat()}"),
        f"{rule}; the {months} months up to the end of it",
    )


def _rule_part_of_month(text: str, ctx: _Context) -> _Result | None:
    """A week or a half of a month, or a week of a year, approximate (no calendar week
    is meant), as the range of its days (`tui.dates.periods._part_of`). The halves of
    a year are `rules_relative._rule_parts`'."""
    m = _PART_OF_MONTH_RE.fullmatch(text)
    if not m:
        return None
    ordinal, unit, rest = m.groups()
    of_year = _YEAR_WORDS_RE.fullmatch(rest) is not None
    if not (of_year or _MONTH_WORDS_RE.fullmatch(rest)):
        return None
    if unit == "half" and of_year:
        return None  # "the first half of 2023": the year's half
    n = 5 if ordinal in ("last", "final") else _parse_ordinal(ordinal)
    if unit == "half" and n == 5:
        n = 2  # "the last half of May": its second
    if unit == "half" and n > 2:
        raise ResolveError(f"a month has only two halves, so there is no {ordinal} half")
    inner = ctx.resolve(rest)
    p = inner.period
    start, end = _part_of(p, unit, n)
    rule = f"{inner.rule} → {_describe(p)}"
    if p.precision == "month":
        p, rule = _on_the_side_the_tense_says(p, rest, (start, end), rule, ctx,
                                              f"its {ordinal} {unit}")  # fmt: skip
        start, end = _part_of(p, unit, n)
    days = (f"days {start.day}–{end.day}" if p.precision == "month"
            else f"{start.day}–{end.day} {_MONTH_ABBR[start.month]}")  # fmt: skip
    said = f" ({days}, not a calendar week)" if unit == "week" else ""
    return _Result(
        _Period(start, end, "range", f"{start.isoformat()}/{end.isoformat()}"),
        f"{rule}; its {ordinal} {unit}{said}",
        True,
    )


def _rule_nth_weekday(text: str, ctx: _Context) -> _Result | None:
    """"the last Saturday in March", "the second Tuesday of May 2024": that day of the
    month the words name."""
    m = _NTH_WEEKDAY_RE.fullmatch(text)
    if not m:
        return None
    ordinal, weekday, rest = m.groups()
    if not _MONTH_WORDS_RE.fullmatch(rest):
        return None
    n = 0 if ordinal in ("last", "final") else _parse_ordinal(ordinal)
    wanted = _weekday_number(weekday)
    inner = ctx.resolve(rest)
    p = inner.period
    if p.precision != "month":
        return None
    rule = f"{inner.rule} → {_describe(p)}"
    day = _nth_weekday(p, wanted, n)
    if day is not None:
        p, rule = _on_the_side_the_tense_says(
            p, rest, (day, day), rule, ctx, f"its {ordinal} {_DAY_NAMES[wanted].capitalize()}"
        )
        day = _nth_weekday(p, wanted, n)
    if day is None:
        raise ResolveError(
            f"{_describe(p)} has no {ordinal} {_DAY_NAMES[wanted].capitalize()}",
            hint="check the words: a month has four or five of each weekday",
        )
    return _Result(
        _Period(day, day, "day", day.isoformat()),
        f"{rule}; its {ordinal} {_DAY_NAMES[wanted].capitalize()}",
    )


def _rule_nth_weekend(text: str, ctx: _Context) -> _Result | None:
    """"the first weekend of May", "the last weekend in June": the month's first (or
    last) Saturday and the Sunday after it. Where the month begins on a Sunday (or ends
    on a Saturday), some would mean the weekend before that one, which it shares with
    the month beside it: both then, approximate, and said, but one the tense puts on
    the wrong side of the publication date."""
    m = _NTH_WEEKEND_RE.fullmatch(text)
    if not m:
        return None
    ordinal, rest = m.groups()
    if not _MONTH_WORDS_RE.fullmatch(rest):
        return None
    n = 0 if ordinal in ("last", "final") else _parse_ordinal(ordinal)
    inner = ctx.resolve(rest)
    p = inner.period
    if p.precision != "month":
        return None
    rule = f"{inner.rule} → {_describe(p)}"
    saturdays = _weekend_saturdays(p, n)
    if saturdays:  # moved a year only when every weekend meant is on the wrong side
        p, rule = _on_the_side_the_tense_says(
            p, rest, (saturdays[0], saturdays[-1] + timedelta(days=1)), rule, ctx,
            f"its {ordinal} weekend",
        )
        saturdays = _weekend_saturdays(p, n)
    if not saturdays:
        raise ResolveError(f"{_describe(p)} has no {ordinal} weekend",
                           hint="check the words: a month has four or five weekends")
    saturday = saturdays[-1]
    rule = f"{rule}; its {ordinal} weekend: its {ordinal} Saturday and the Sunday after"
    if len(saturdays) == 2:
        other = saturdays[0]
        edge = "begins on a Sunday" if n else "ends on a Saturday"
        rule += (f"; or, since {_describe(p)} {edge}, the weekend "
                 f"{_days(other, other + timedelta(days=1))}, which some would call its "
                 f"{ordinal}")
        side = _wrong_side(ctx, (saturday, other))
        if side is None:
            end = saturday + timedelta(days=1)
            if ctx.tense in ("past", "future"):  # the tense was read against the anchor
                rule += (f" (the {ctx.tense} tense rules out neither, against "
                         f"{_anchor_text(ctx.anchor)})")
            return _Result(_Period(other, end, "range", f"{other.isoformat()}/{end.isoformat()}"),
                           f"{rule}: both, and the days between", True)
        wrong, why = side
        rule += f"; {_days(wrong, wrong + timedelta(days=1))} lies {why}"
        if wrong == saturday:  # only the one some would call its first (last) is left
            return _weekend(other, f"{rule}: the weekend {_days(other, other + timedelta(days=1))}",
                            approximate=True)
    return _weekend(saturday, rule)


def _weekend(saturday: date, rule: str, *, approximate: bool = False) -> _Result:
    """The weekend of `saturday` (and the Sunday after), with its ISO week's TIMEX."""
    week = saturday.isocalendar()
    return _Result(_Period(saturday, saturday + timedelta(days=1), "range",
                           f"{week.year:04d}-W{week.week:02d}-WE"), rule, approximate)


def _weekend_saturdays(p: _Period, n: int) -> list[date]:
    """The Saturdays of the `n`th (0: last) weekend of the month `p`: its `n`th Saturday,
    after the one a week before where the month begins on a Sunday (ends on a
    Saturday), which some would count as that weekend; [] when there is none."""
    saturday = _nth_weekday(p, 5, n)
    if saturday is None:
        return []
    if (n >= 1 and p.start.weekday() == 6) or (n == 0 and p.end.weekday() == 5):
        return [saturday - timedelta(days=7), saturday]
    return [saturday]


def _wrong_side(ctx: _Context, saturdays: tuple[date, date]) -> tuple[date, str] | None:
    """Of two weekends (by their Saturdays), the one the sentence's tense puts on the
    wrong side of the publication date, and why; None when neither or both are."""
    if ctx.tense == "past":
        wrong = [s for s in saturdays if s > ctx.anchor]
        why = f"after {_anchor_text(ctx.anchor)}, and the sentence is in the past tense"
    elif ctx.tense == "future":
        wrong = [s for s in saturdays if s + timedelta(days=1) < ctx.anchor]
        why = f"before {_anchor_text(ctx.anchor)}, and the sentence looks ahead"
    else:
        return None
    return (wrong[0], why) if len(wrong) == 1 else None


def _days(first: date, last: date) -> str:
    """'31 Aug–1 Sep', '24–25 Aug'."""
    if first.month == last.month:
        return f"{first.day}–{last.day} {_MONTH_ABBR[first.month]}"
    return f"{first.day} {_MONTH_ABBR[first.month]}–{last.day} {_MONTH_ABBR[last.month]}"


def _nth_weekday(p: _Period, weekday: int, n: int) -> date | None:
    """The `n`th `weekday` (0 Monday) of the month `p` (`n` 0: the last), or None."""
    if n == 0:
        return p.end - timedelta(days=(p.end.weekday() - weekday) % 7)
    day = p.start + timedelta(days=(weekday - p.start.weekday()) % 7 + 7 * (n - 1))
    return day if day <= p.end else None


def _on_the_side_the_tense_says(
    p: _Period, words: str, part: tuple[date, date], rule: str, ctx: _Context, label: str
) -> tuple[_Period, str]:
    """The month `p`, or the same month a year before or after when it was read by the
    tense (no year in `words`) and its `part` lies on the other side of the
    publication date from the one the tense says."""
    if _NAMED_YEAR_RE.fullmatch(words):
        return p, rule
    start, end = part
    step = 0
    # A reporting verb's past is the saying's ("The marathon is on the last Saturday in
    # March, organisers said"): no side of the article for the part.
    if ctx.said_in_the_past:
        return p, rule
    if start > ctx.anchor and ctx.tense == "past":
        step, side = -1, "after the publication date, but the sentence is in the past tense"
    elif end < ctx.anchor and ctx.tense == "future":
        step, side = 1, "before the publication date, but the sentence looks ahead"
    if not step:
        return p, rule
    moved = _month(p.start.year + step, p.start.month)
    when = "before" if step < 0 else "after"
    return moved, (f"{rule}; {label} would be {side}: the month a year {when} → "
                   f"{_describe(moved)}")
