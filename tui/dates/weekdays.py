"""A weekday named with "this", "last" or "next" ("next Thursday"), against a day.

"this Thursday" is the Thursday of the day's ISO week. "next Thursday" is the first
Thursday after it, and "last Monday" the latest Monday before it, where that day
lies in another week: said on a Friday, "next Thursday" is the one six days on.
Where it lies in the same week, many readers take the words for the weekday of
the week after (or before) instead: "next Thursday" said on a Tuesday is the 20th
for some and the 27th for others. The words do not settle which, so the date is
both days and what lies between, marked approximate, and the explanation names
the two.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tui.dates.explain import _anchor_text, _describe, format_day
from tui.dates.grammar import LazyPattern, _Context, _Result
from tui.dates.lexicon import _DAY_NAMES, _TIME_OF_DAY_WORDS, FURTHER
from tui.dates.periods import _day, _Period


def weekday_beside(anchor: date, weekday: int, which: str, *, either: bool = True) -> _Result:
    """The weekday (0 Monday … 6 Sunday) that `which` ("this", "last", "past", "next")
    names against `anchor`; see the module. Without `either` ("this coming Thursday",
    "this past Monday") the nearest one, whatever its week."""
    name = _DAY_NAMES[weekday].title()
    if which == "this":
        d = anchor - timedelta(days=anchor.weekday()) + timedelta(days=weekday)
        return _Result(_day(d), f"that weekday of the ISO week of {_anchor_text(anchor)}")
    if which in ("last", "past"):
        d = anchor - timedelta(days=(anchor.weekday() - weekday) % 7 or 7)
        other, week = d - timedelta(days=7), "the week before"
        rule = f"the latest {name} before {_anchor_text(anchor)}"
    else:
        d = anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
        other, week = d + timedelta(days=7), "the week after"
        rule = f"the first {name} after {_anchor_text(anchor)}"
    if not either or d.isocalendar()[:2] != anchor.isocalendar()[:2]:
        return _Result(_day(d), rule)
    first, last = sorted((d, other))
    return _Result(
        _Period(first, last, "range", f"{first.isoformat()}/{last.isoformat()}"),
        f"{rule}, is in its own week, where many mean the {name} of {week}: one of "
        f"{format_day(d)} and {format_day(other)}, which the words do not settle",
        approximate=True,
    )


def weekend_beside(d: date, step: int) -> _Period:
    """The first Saturday and Sunday after `d` (`step` 1), or the last before it (-1)."""
    if step > 0:
        saturday = d + timedelta(days=(5 - d.weekday() - 1) % 7 + 1)
    else:
        saturday = d - timedelta(days=(d.weekday() - 6 - 1) % 7 + 1) - timedelta(days=1)
    sunday = saturday + timedelta(days=1)
    week = saturday.isocalendar()
    return _Period(saturday, sunday, "range", f"{week.year:04d}-W{week.week:02d}-WE")


def nearest_weekend(anchor: date, which: str) -> _Result:
    """"this coming weekend" (`which` "coming"): the first weekend after `anchor`;
    "this past weekend": the last before it, whatever their ISO weeks."""
    step = 1 if which == "coming" else -1
    word = "first weekend after" if step > 0 else "last weekend before"
    return _Result(weekend_beside(anchor, step), f"the {word} {_anchor_text(anchor)}")


# "the Friday before last", "the week after next", "the weekend before last".
_FURTHER_RE = LazyPattern(
    r"(?:the\s+)?((?:mon|tues|wednes|thurs|fri|satur|sun)day" + _TIME_OF_DAY_WORDS
    + r"|week|weekend)" + FURTHER
)


def rule_a_week_further(text: str, ctx: _Context) -> _Result | None:
    """"the Friday before last": a week before "last Friday"; "the week after next": a
    week after "next week" (each as those words are read)."""
    m = _FURTHER_RE.fullmatch(text)
    if not m:
        return None
    what = re.sub(r"\s+(?:morning|afternoon|evening|night)$", "", m.group(1))
    step = -7 if "before" in text[m.end(1):] else 7
    inner = ctx.resolve(f"{'last' if step < 0 else 'next'} {what}")
    p = inner.period
    start, end = p.start + timedelta(days=step), p.end + timedelta(days=step)
    week = start.isocalendar()
    if what == "weekend":
        timex = f"{week.year:04d}-W{week.week:02d}-WE"
    elif p.precision == "week":
        timex = f"{week.year:04d}-W{week.week:02d}"
    elif start == end:
        timex = start.isoformat()
    else:  # "the Thursday after next" said on a Tuesday: one of two Thursdays
        timex = f"{start.isoformat()}/{end.isoformat()}"
    word = "before" if step < 0 else "after"
    return _Result(_Period(start, end, p.precision, timex),
                   f"{inner.rule} → {_describe(p)}; a week {word} that", inner.approximate)
