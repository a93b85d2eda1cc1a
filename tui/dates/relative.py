"""Date words that refer to another dated mention of the same article.

"The same day", "that week", "the following year", "the previous summer", "the
day before", "a week later", "Since then": resolved against the span of the
mention they point at, with an explanation that chains both steps.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from tui.dates.anchoring import with_relation
from tui.dates.explain import describe_span
from tui.dates.lexicon import _SEASON_NAMES, _SEASONS
from tui.dates.periods import _day, _Period, _season, _season_of, _step, _unit_period
from tui.dates.relations import from_date_words
from tui.dates.weekdays import weekend_beside
from tui.span import ResolveError, Span

_SAME = re.compile(r"^(?:on\s+)?(?:the\s+same|that(?:\s+same)?)\s+(day|week|month|year)$")
_NEXT = re.compile(
    r"^(?:on\s+|in\s+)?the\s+(next|following|previous|preceding|prior)\s+(day|week|month|year)$"
    # "the following quarter", "the previous decade": only these words count from a mention
    # ("the next decade" is the one after the article's, as a stretch of time).
    r"|^(?:on\s+|in\s+|over\s+|during\s+)?the\s+(following|previous|preceding|prior)\s+"
    r"(weekend|quarter|half|decade|spring|summer|autumn|fall|winter)$"
    r"|^(?:on\s+|in\s+|over\s+|during\s+)?the\s+(next)\s+(weekend|spring|summer|autumn|fall|winter)$"
)
_THAT_SEASON = re.compile(
    r"^(?:in\s+|during\s+|over\s+)?that\s+(spring|summer|autumn|fall|winter)$"
)
_DAY_AROUND = re.compile(r"^(?:on\s+|over\s+)?the\s+(day|weekend)\s+(before|after)$")
_WEEKDAY_OF = re.compile(
    r"^(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+of\s+the\s+"
    r"(following|next|previous|preceding|prior)\s+week$"
)
_NEXT_WEEKDAY = re.compile(  # "the Friday" told of: the first one after the mention
    r"^(?:on\s+)?the\s+(?:(following|next|previous|preceding|prior)\s+)?"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?"  # "Tuesday night" is Tuesday
    r"(?:\s+(before|after))?$"  # "the Friday before (the vote)": the last one before it
)
_SHIFT = re.compile(
    r"^(?:some\s+|about\s+|around\s+|nearly\s+|almost\s+)?(an?|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|\d+)\s+(days?|weeks?|months?|years?)\s+"
    r"(later|after|afterwards|earlier|before|on)$"
)
# Words that count from what they name: "the Friday before the vote", "a week after the
# hearing" (the counting words, and what they name).
_NAMES_WHAT = re.compile(r"(.+?\b(?:before|after))\s+(\S.*)$", re.IGNORECASE)
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip


def _unit_of(d: date, unit: str) -> _Period:
    """The calendar unit (day, ISO week, month, quarter, year, ...) containing `d`."""
    return _day(d) if unit == "day" else _unit_period(unit, d)


def _unit_beside(d: date, unit: str, step: int) -> _Period:
    """The calendar unit after (`step` 1) or before (-1) the one containing `d`."""
    current = _unit_of(d, unit)
    return _unit_of(current.end + timedelta(days=1) if step > 0 else current.start
                    - timedelta(days=1), unit)  # fmt: skip


def _season_beside(d: date, code: str, step: int) -> _Period:
    """The first such season starting after `d` (`step` 1), or the last ended before it."""
    year, _ = _season_of(d)
    for candidate in (year - 1, year, year + 1) if step > 0 else (year + 1, year, year - 1):
        season = _season(candidate, code)
        if (season.start > d) if step > 0 else (season.end < d):
            return season
    raise AssertionError("a season of that name starts within a year")


def _season_in(d: date, code: str) -> _Period:
    """The season `code` of `d`'s year: the one holding `d` if it is in such a season
    (a winter holds January), else the one of its calendar year."""
    year, held = _season_of(d)
    return _season(year if held == code else d.year, code)


def _period_beside(d: date, what: str, step: int) -> _Period:
    """The weekend, season or calendar unit after (`step` 1) or before (-1) `d`'s."""
    if what == "weekend":
        return weekend_beside(d, step)
    if what in _SEASONS:
        return _season_beside(d, _SEASONS[what], step)
    return _unit_beside(d, what, step)


def _relative_period(text: str, target: Span) -> tuple[date, date, str, str, bool, str] | None:
    """(start, end, precision, TIMEX3, approximate, rule) of words relative to `target`."""
    approximate = target.approximate
    if text in ("the same day", "that day", "that same day", "the same time", "then"):
        rule = "the same date as"
        if text.endswith("day") and target.start != target.end:
            # One day of a longer mention ("last week"), which the words do not say.
            rule, approximate = "one of the days of", True
        return target.start, target.end, target.precision, target.timex, approximate, rule
    m = _SAME.match(text)
    if m:
        unit = m.group(1)
        first, last, precision, timex = _unit_of(target.start, unit)
        if _unit_of(target.end, unit)[0] != first:
            last = _unit_of(target.end, unit)[1]
            precision, timex = "range", f"{first.isoformat()}/{last.isoformat()}"
        return first, last, precision, timex, approximate, f"the same {unit} as"
    m = _THAT_SEASON.match(text)
    if m:  # "elected in March 2019 … that spring": the spring of the mention's year
        code = _SEASONS[m.group(1)]
        first_p, last_p = _season_in(target.start, code), _season_in(target.end, code)
        if first_p.start != last_p.start:
            first, last = first_p.start, last_p.end
            rule = f"the {m.group(1)} of one of the years of"
            return first, last, "range", f"{first.isoformat()}/{last.isoformat()}", True, rule
        rule = f"the {m.group(1)} of the year of"
        return first_p.start, first_p.end, first_p.precision, first_p.timex, approximate, rule
    m = _NEXT.match(text) or _DAY_AROUND.match(text)
    if m:
        if m.re is _DAY_AROUND:
            direction, unit = ("next" if m.group(2) == "after" else "previous"), m.group(1)
        else:
            direction = m.group(1) or m.group(3) or m.group(5)
            unit = m.group(2) or m.group(4) or m.group(6)
        step = 1 if direction in ("next", "following") else -1
        word = "after" if step > 0 else "before"
        named = _SEASON_NAMES[_SEASONS[unit]] if unit in _SEASONS else unit
        first_p = _period_beside(target.start, unit, step)
        last_p = _period_beside(target.end, unit, step)
        if first_p.start != last_p.start:
            # "The next day" after "last week": the day after one of its days, which
            # the words do not say; every day it can be, not the day after its last.
            first, last = first_p.start, last_p.end
            rule = (f"the {named} {word} one of the {unit}s of" if unit in ("day", "week",
                    "month", "quarter", "half", "year", "decade")
                    else f"the {'first' if step > 0 else 'last'} {named} {word} one of the "
                    "days of")  # fmt: skip
            return first, last, "range", f"{first.isoformat()}/{last.isoformat()}", True, rule
        p = first_p
        if unit in ("weekend", *_SEASONS):
            rule = f"the {'first' if step > 0 else 'last'} {named} {word}"
        else:
            rule = f"the {unit} {word}"
        return p.start, p.end, p.precision, p.timex, approximate, rule
    m = _WEEKDAY_OF.match(text)
    if m:  # "Monday of the following week": a day of the week after the mention's
        step = 1 if m.group(2) in ("following", "next") else -1
        word = "after" if step > 0 else "before"
        weekday = _DAYS.index(m.group(1))

        def of_week_beside(d: date) -> date:
            shifted = _step(d, "week", step)
            return shifted + timedelta(days=weekday - shifted.weekday())

        if _unit_of(target.start, "week")[0] != _unit_of(target.end, "week")[0]:
            # A mention over several weeks: that weekday of the week beside any of them.
            first, last = of_week_beside(target.start), of_week_beside(target.end)
            rule = f"the {m.group(1).title()} of the week {word} one of the weeks of"
            return first, last, "range", f"{first.isoformat()}/{last.isoformat()}", True, rule
        day = of_week_beside(target.end if step > 0 else target.start)
        rule = f"the {m.group(1).title()} of the week {word} the one of"
        return day, day, "day", day.isoformat(), approximate, rule
    m = _NEXT_WEEKDAY.match(text)
    if m:  # "the following Monday": the first Monday after the mention
        step = 1 if m.group(1) in ("following", "next", None) else -1
        if m.group(3) is not None:
            step = 1 if m.group(3) == "after" else -1
        word, nearest = ("after", "first") if step > 0 else ("before", "last")
        weekday = _DAYS.index(m.group(2))

        def beside(d: date) -> date:
            if step > 0:
                return d + timedelta(days=(weekday - d.weekday() - 1) % 7 + 1)
            return d - timedelta(days=(d.weekday() - weekday - 1) % 7 + 1)

        first, last = sorted((beside(target.start), beside(target.end)))
        name = m.group(2).title()
        if first != last:
            # After a mention of several days, the first such weekday after one of them.
            rule = f"the {nearest} {name} {word} one of the days of"
            return first, last, "range", f"{first.isoformat()}/{last.isoformat()}", True, rule
        return first, first, "day", first.isoformat(), approximate, f"the {nearest} {name} {word}"
    m = _SHIFT.match(text)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _WORD_NUMBERS[m.group(1)]
        unit = m.group(2).rstrip("s")
        step = -n if m.group(3) in ("earlier", "before") else n
        first, last = _step(target.start, unit, step), _step(target.end, unit, step)
        if target.precision == "day" and first == last:
            precision, timex = "day", first.isoformat()
        else:
            precision, timex = "range", f"{first.isoformat()}/{last.isoformat()}"
        approximate = approximate or text.split()[0] in ("some", "about", "around", "nearly")
        word = "after" if step > 0 else "before"
        plural = "s" if n != 1 else ""
        return first, last, precision, timex, approximate, f"{n} {unit}{plural} {word}"
    return None


def date_relative(
    date_text: str,
    target: Span,
    target_words: str,
    target_label: str,
    stated: str | None = None,
) -> Span:
    """Date words that refer to another dated mention ("The same day", "a week later").

    `target` is the span of the mention they refer to, `target_words` its date
    words and `target_label` where it is ("event korean-war"), named in the
    explanation so that a reader can follow the chain. Raises ResolveError for
    words this does not read.
    """
    shown = " ".join(date_text.split()).strip("\"'“”")
    text = shown.lower().rstrip(".,;:")
    derived = from_date_words(text)
    if derived.cue == "words":  # "since then", "by that day", "until the day before"
        text = text.split(" ", 1)[1] if " " in text else ""
        text = text.removeprefix("of ").removeprefix("to ").removeprefix("until ")
    try:
        found = _relative_period(text, target)
    except (OverflowError, ValueError):  # a step past the calendar's first or last year
        raise ResolveError(
            f'"{shown}" counted from {describe_span(target)} falls outside the years 1 to 9999'
        ) from None
    if found is None:
        counting = _NAMES_WHAT.match(shown)
        try:
            counts = counting is not None and _relative_period(counting.group(1).lower(), target)
        except (OverflowError, ValueError):  # off the calendar: the hint below then
            counts = False
        if counting is not None and counts:
            # "the Friday before the vote": the vote is what relative_to names.
            raise ResolveError(
                f'cannot read "{shown}" as a reference to another date: "{counting.group(2)}"'
                " is what it counts from, which relative_to names",
                f'write date_text "{counting.group(1)}"',
            )
        raise ResolveError(
            f'cannot read "{shown}" as a reference to another date',
            'references read words such as "the same day", "that week", "the following '
            'year", "the day before", "a week later", "the following Monday"',
        )
    start, end, precision, timex, approximate, rule = found
    result = Span(start, end, precision, approximate, timex, "")
    target_shown = " ".join(target_words.split())
    explanation = (
        f'"{shown}": {rule} "{target_shown}" ({target_label}), which is '
        f"{describe_span(target)} → {describe_span(result)}"
    )
    if approximate:
        explanation += " (approximate)"
    explanation += f". That date: {target.explanation}"
    likely_start = likely_end = None
    if target.likely_start is not None and target.likely_end is not None:
        try:
            likely = _relative_period(
                text, replace(target, start=target.likely_start, end=target.likely_end)
            )
        except (OverflowError, ValueError):
            likely = None
        if likely is not None:
            likely_start, likely_end = likely[0], likely[1]
    # After a date the article expects from whichever day of its window it was written
    # ("the day after" talks "next Wednesday"), the reference is expected too.
    span = replace(
        result, explanation=explanation, likely_start=likely_start, likely_end=likely_end,
        ahead=target.ahead and start >= target.start,
    )
    if stated is not None:
        return with_relation(span, derived._replace(relation=stated), stated=True)
    return with_relation(span, derived, stated=False)
