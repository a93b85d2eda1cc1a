"""Rules for words relative to the anchor: keywords, vague and relative periods,
earlier/later, early/mid/late, N units ago (anniversaries and "N years of" are
`tui.dates.rules_anniversary`)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tui.dates.explain import _anchor_text, _describe, _pick_rule
from tui.dates.grammar import (
    _MOD_NAMES,
    _MOD_RE,
    LazyPattern,
    _Context,
    _pick,
    _Result,
)
from tui.dates.lexicon import (
    _MONTH_RE,
    _NUMBER_RE,
    _SEASON_RE,
    _SEASONS,
    _UNIT_RE,
    _WEEKDAY_RE,
    MONTH_NAMES,
    PART_SAID,
    REFERENCE_UNITS,
    _month_number,
    _parse_number,
    _parse_ordinal,
    _weekday_number,
)
from tui.dates.periods import (
    _day,
    _half,
    _month,
    _narrow,
    _Period,
    _quarter,
    _rolling,
    _season,
    _stretch_back,
    _stretch_on,
    _unit,
    _unit_period,
)
from tui.dates.weekdays import nearest_weekend, weekday_beside
from tui.span import ResolveError
from tui.words import counted

# Patterns the rules match, compiled once on first use (see `LazyPattern`).
_VAGUE_UNITS_RE = LazyPattern(
    r"(?:(?:in|over|during)\s+)?(?:the\s+)?(recent|past\s+few|last\s+few|past\s+several|"
    r"coming|next\s+few|upcoming)\s+(days|weeks|months|years)"
)
_EARLIER_LATER_RE = LazyPattern(
    r"(earlier|later)\s+(?:this|in\s+the)\s+(week|month|quarter|year|decade|century)"
)
_FOUR_DIGITS_RE = LazyPattern(r"\d{4}")
_QUARTER_YEAR_RE = LazyPattern(r"(?:q([1-4])|([1-4])q)\s*(?:of\s+)?(\d{4})|(\d{4})\s*-?\s*q([1-4])")
_QUARTER_OR_HALF_RE = LazyPattern(r"q([1-4])|h([12])")
_HALF_YEAR_RE = LazyPattern(r"h([12])\s*(?:of\s+)?(\d{4})|(\d{4})\s*-?\s*h([12])")
# "winter 2013", "the winter of 2013-14" (a winter named by both its years).
_SEASON_YEAR_RE = LazyPattern(
    _SEASON_RE + r"\s+(?:of\s+)?(\d{4}|this year|last year|next year)(?:[-–/](\d\d(?:\d\d)?))?"
)
# "April last year", "March of next year": a month of the year the words name.
_MONTH_OF_A_YEAR_RE = LazyPattern(_MONTH_RE + r"\s+(?:of\s+)?(this year|last year|next year)")
# Words that count from another mention: "the following year", "the previous summer",
# "the next day" and "the next summer" ("the next month" is a stretch from the article).
_NEXT_COUNTS_FROM_A_MENTION = LazyPattern(r"day|weekend|" + _SEASON_RE)
# "the next week" in a sentence about the past: the week after another mention.
_NEXT_TOLD_OF_THE_PAST = frozenset(("week", "month", "year"))

_COUNTED_FROM_A_MENTION = LazyPattern(REFERENCE_UNITS + "|" + _WEEKDAY_RE)
_RELATIVE_RE = LazyPattern(r"(the\s+)?(this|last|next|past|coming|previous|following)\s+(.+)")
_UNIT_WORD_RE = LazyPattern(r"(day|week|fortnight|month|quarter|half|year|decade|century)")
_COUNT_UNIT_RE = LazyPattern(_NUMBER_RE + r"\s+" + _UNIT_RE)
_WEEKDAY_FULL_RE = LazyPattern(_WEEKDAY_RE)
_MONTH_FULL_RE = LazyPattern(_MONTH_RE)
_SEASON_FULL_RE = LazyPattern(_SEASON_RE)


def _rule_keywords(text: str, ctx: _Context) -> _Result | None:
    a = ctx.anchor
    offsets = {
        "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
        "earlier today": 0, "later today": 0, "yesterday": -1, "last night": -1,
        "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2,
    }  # fmt: skip
    if text in offsets:
        d = a + timedelta(days=offsets[text])
        n = offsets[text]
        side = "before" if n < 0 else "after"
        how = "the day of" if n == 0 else f"{counted(abs(n), 'day')} {side}"
        return _Result(_day(d), f"{how} {_anchor_text(a)}")
    if text in (
        "now",
        "currently",
        "at present",
        "presently",
        "at the moment",
        "right now",
        "nowadays",
    ):
        return _Result(_Period(a, a, "day", "PRESENT_REF"), f"the present, {_anchor_text(a)}")
    return None


_VAGUE_UNITS = {
    "day": ("PXD", "days"),
    "week": ("PXW", "weeks"),
    "month": ("PXM", "months"),
    "year": ("PXY", "years"),
}


def _rule_vague(text: str, ctx: _Context) -> _Result | None:
    a = ctx.anchor
    if text in (
        "recently",
        "lately",
        "of late",
        "recent times",
        "recent",
        "the recent past",
        "recent past",
    ):
        start, end = _stretch_back(a, "month", 1)
        return _Result(
            _Period(start, end, "range", "PAST_REF"),
            f"vague past (TIMEX PAST_REF), taken as the month up to {_anchor_text(a)}",
            True,
        )
    # What is to come begins the day after the anchor: the explanation says "after",
    # and an event so dated is what the article expects.
    if text in ("soon", "shortly", "the near future", "near future", "the coming period"):
        start, end = _stretch_on(a + timedelta(days=1), "month", 1)
        return _Result(
            _Period(start, end, "range", "FUTURE_REF"),
            f"vague future (TIMEX FUTURE_REF), taken as the month after {_anchor_text(a)}",
            True,
        )
    m = _VAGUE_UNITS_RE.fullmatch(text)
    if not m:
        return None
    unit = m.group(2).rstrip("s")
    value, plural = _VAGUE_UNITS[unit]
    if m.group(1) in ("coming", "next few", "upcoming"):
        start, end = _stretch_on(a + timedelta(days=1), unit, 3)
        return _Result(
            _Period(start, end, "range", value),
            f"vague future {plural} (TIMEX {value}), "
            f"taken as the 3 {plural} after {_anchor_text(a)}",
            True,
        )
    start, end = _stretch_back(a, unit, 3)
    return _Result(
        _Period(start, end, "range", value),
        f"vague recent {plural} (TIMEX {value}), taken as the 3 {plural} up to {_anchor_text(a)}",
        True,
    )


_WEEK_OF = {
    "this": "of",
    "last": "before that of",
    "past": "before that of",
    "next": "after that of",
}


def _rule_earlier_later(text: str, ctx: _Context) -> _Result | None:
    m = _EARLIER_LATER_RE.fullmatch(text)
    if not m:
        return None
    a = ctx.anchor
    which, unit = m.groups()
    whole = _unit_period(unit, a)
    if which == "earlier":
        start, end = whole.start, a - timedelta(days=1)
        where = "before"
    else:
        start, end = a + timedelta(days=1), whole.end
        where = "after"
    if end < start:
        raise ResolveError(
            f"{text!r}: no day of this {unit} lies {where} {_anchor_text(ctx.anchor)}"
        )
    return _Result(
        _Period(start, end, whole.precision, whole.timex),
        f"the days of the {unit} {whole.timex} {where} {_anchor_text(a)}",
    )


def _rule_modifier(text: str, ctx: _Context) -> _Result | None:
    m = _MOD_RE.match(text)
    if not m:
        return None
    word = m.group(1) or {"beginning": "early", "start": "early", "middle": "mid"}.get(
        m.group(2), "late"
    )
    body = m.group(3)
    if body in ("week", "month", "quarter", "year", "decade", "century"):
        body = f"this {body}"  # "the end of the year": of this year
    inner = ctx.resolve(body)
    p = inner.period
    if p.precision == "range":
        return None  # "late 2019 - early 2020" is a range: the range rule reads it
    if p.precision == "day":
        # "late Saturday" is a time of day: the date is the same day.
        return _Result(p, f"{inner.rule}; time of day ignored", inner.approximate)
    start, end = _narrow(p, word)
    mod, name = _MOD_NAMES[word]
    return _Result(
        _Period(start, end, p.precision, p.timex),
        f"{inner.rule} → {_describe(p)}; {name} {PART_SAID}{mod})",
        True,
    )


def _year_ref(text: str, anchor: date) -> int | None:
    """A year named as digits or as this/last/next year."""
    if _FOUR_DIGITS_RE.fullmatch(text):
        return int(text)
    return {
        "this year": anchor.year,
        "last year": anchor.year - 1,
        "next year": anchor.year + 1,
    }.get(text)


_PART_RE = re.compile(
    r"^(?:the\s+)?(first|second|third|fourth|fifth|sixth|\d(?:st|nd|rd|th)|final|last)"
    r"\s+(quarter|half)"
    r"(?:\s+of\s+(?:the\s+)?(.+))?$"
)


def _rule_parts(text: str, ctx: _Context) -> _Result | None:
    """Quarters, halves and seasons named with a year ("Q2 2023", "the spring of 2023")."""
    a = ctx.anchor
    m = _QUARTER_YEAR_RE.fullmatch(text)
    if m:
        q = int(m.group(1) or m.group(2) or m.group(5))
        year = int(m.group(3) or m.group(4))
        return _Result(_quarter(year, q), "quarter named with its year")
    m = _QUARTER_OR_HALF_RE.fullmatch(text)
    if m:  # "Q3", "H1" alone: the year is left open, as for "the third quarter"
        make, n, label = (
            (_quarter, int(m.group(1)), f"Q{m.group(1)}")
            if m.group(1)
            else (_half, int(m.group(2)), f"H{m.group(2)}")
        )
        candidates = [make(y, n) for y in range(a.year - 1, a.year + 2)]
        chosen = _pick(candidates, a, ctx.tense)
        return _Result(chosen, f"{ctx.tense_text} → {_pick_rule(label, a, ctx.tense)}")
    m = _HALF_YEAR_RE.fullmatch(text)
    if m:
        h = int(m.group(1) or m.group(4))
        year = int(m.group(2) or m.group(3))
        return _Result(_half(year, h), "half-year named with its year")
    m = _PART_RE.match(text)
    if m:
        ordinal, unit, rest = m.groups()
        count = 4 if unit == "quarter" else 2
        # "the last/final quarter of 2023" is its fourth (or second half).
        n = count if ordinal in ("last", "final") else _parse_ordinal(ordinal)
        if n > count:
            units = "halves" if unit == "half" else f"{unit}s"
            raise ResolveError(f"a year has only {count} {units}, so there is no {ordinal} {unit}")
        make = _quarter if unit == "quarter" else _half
        if rest is None:
            if ordinal == "last":
                return None  # "last quarter" is the previous quarter: the relative rule
            candidates = [make(y, n) for y in range(a.year - 1, a.year + 2)]
            chosen = _pick(candidates, a, ctx.tense)
            return _Result(
                chosen, f"{ctx.tense_text} → {_pick_rule(f'{ordinal} {unit}', a, ctx.tense)}"
            )
        if rest == "year":  # "the first half of the year": as "the end of the year"
            part, said = make(a.year, n), f'"the year" as the year of {_anchor_text(a)}'
            # On the side of the article the tense says: a year before told in the past.
            if part.start > a and ctx.tense == "past" and not ctx.said_in_the_past:
                part, said = make(a.year - 1, n), f"{said}, but its {ordinal} {unit} is after "\
                    f"it and the sentence is in the past tense: the year before"
            elif part.end < a and ctx.tense == "future":
                part, said = make(a.year + 1, n), f"{said}, but its {ordinal} {unit} is before "\
                    f"it and the sentence looks ahead: the year after"
            return _Result(part, f"{said} → {ordinal} {unit} of {part.start.year}")
        named = _year_ref(rest, a)
        if named is None:
            raise ResolveError(
                f"cannot read the year in {text!r} (hint: '2023', 'this year', 'last year')"
            )
        year = named
        return _Result(make(year, n), f"{ordinal} {unit} of {year} (from {_anchor_text(a)})")
    m = _MONTH_OF_A_YEAR_RE.fullmatch(text)
    if m:  # "April last year", "March of next year": the month of the year the words say
        month_year = _year_ref(m.group(2), a)
        assert month_year is not None
        return _Result(
            _month(month_year, _month_number(m.group(1))),
            f'"{m.group(2)}" from {_anchor_text(a)} is {month_year}',
        )
    m = _SEASON_YEAR_RE.fullmatch(text)
    if m:
        season_year = _year_ref(m.group(2), a)
        assert season_year is not None
        if m.group(3) is not None:
            second = int(m.group(3))
            if m.group(1) != "winter":
                raise ResolveError(f'"{text}" names two years, but a {m.group(1)} lies in one',
                                   f'write date_text "{m.group(1)} {season_year}"')
            if second not in (season_year + 1, (season_year + 1) % 100):
                raise ResolveError(
                    f'"{text}" names two years that do not follow one another: a winter runs '
                    "from December of one year to February of the next"
                )
        return _Result(
            _season(season_year, _SEASONS[m.group(1)]),
            f"{m.group(1)} of {season_year} (meteorological"
            + ("; a winter belongs to the year of its December)" if m.group(1) == "winter"
               else ")"),
        )
    return None


def _rule_relative(text: str, ctx: _Context) -> _Result | None:
    """this/last/next/past/coming with a unit, weekday, month or season."""
    a = ctx.anchor
    m = _RELATIVE_RE.fullmatch(text)
    if not m:
        return None
    has_the, which, what = m.groups()
    if which == "this" and what.startswith(("coming ", "past ")):  # "this coming Thursday"
        which, what = what.split(" ", 1)
        if what == "weekend":  # "this coming weekend" on a Thursday: the one in two days
            return nearest_weekend(a, which)
    if has_the and ((which == "next" and _NEXT_COUNTS_FROM_A_MENTION.fullmatch(what)) or (
        which in ("following", "previous") and _COUNTED_FROM_A_MENTION.fullmatch(what)
    )):  # "the next day", "the following year" count from another mention: references
        return None
    if (has_the and which == "next" and what in _NEXT_TOLD_OF_THE_PAST and ctx.tense == "past"
            and not ctx.said_in_the_past):  # "said the next month would be decisive": ahead
        # "The next week, they signed a deal": told of the past, the week after another
        # mention; "will meet over the next week" is the week from the article on.
        return None
    said = which  # "this coming Thursday" and "this past Monday" are the nearest ones
    which = {"previous": "last", "following": "next", "coming": "next"}.get(which, which)
    # "over the last decade" is the rolling ten years; "built in the last century" the
    # calendar century before the anchor's, as "last century" is.
    rolling = which == "past" or (
        has_the and which in ("last", "next") and not (which == "last" and what == "century")
    )
    unit_m = _UNIT_WORD_RE.fullmatch(what)
    if (
        unit_m
        and rolling
        and what in ("day", "week", "fortnight", "month", "year", "decade", "century")
    ):
        # "the past week", "the last year": the rolling stretch ending (or starting) at the anchor.
        if which == "next":
            return _Result(
                _rolling(*_stretch_on(a, what, 1)), f"the {what} from {_anchor_text(a)} on"
            )
        return _Result(_rolling(*_stretch_back(a, what, 1)), f"the {what} up to {_anchor_text(a)}")
    if unit_m:
        unit = what
        if unit in ("day", "fortnight"):
            return None
        step = {"this": 0, "last": -1, "past": -1, "next": 1}[which]
        current = _unit_period(unit, a)
        probe = current.start - timedelta(days=1) if step < 0 else current.end + timedelta(days=1)
        p = current if step == 0 else _unit_period(unit, probe)
        where = "of" if step == 0 else ("before the one of" if step < 0 else "after the one of")
        return _Result(
            p,
            f"the {unit} {where} {_anchor_text(a)}",
        )
    m_n = _COUNT_UNIT_RE.fullmatch(what)
    if m_n and which in ("past", "last", "next"):
        n, vague = _parse_number(m_n.group(1))
        unit = _unit(m_n.group(2))
        if which == "next":
            return _Result(
                _rolling(*_stretch_on(a, unit, n)),
                f"the {counted(n, unit)} from {_anchor_text(a)} on",
                vague,
            )
        return _Result(
            _rolling(*_stretch_back(a, unit, n)),
            f"the {counted(n, unit)} up to {_anchor_text(a)}",
            vague,
        )
    if what == "weekend":
        monday = a - timedelta(days=a.weekday())
        shift = {"this": 0, "last": -7, "past": -7, "next": 7}[which]
        sat = monday + timedelta(days=5 + shift)
        rule = f"the Saturday and Sunday of the ISO week {_WEEK_OF[which]} {_anchor_text(a)}"
        if which == "this" and sat > a and ctx.tense == "past":
            # "Protesters marched this weekend", written on a Monday: the one just gone.
            sat -= timedelta(days=7)
            rule = f"{ctx.tense_text} → the weekend just before {_anchor_text(a)}"
        iso_year, iso_week, _ = sat.isocalendar()
        return _Result(
            _Period(sat, sat + timedelta(days=1), "range", f"{iso_year}-W{iso_week:02d}-WE"),
            rule,
        )
    wd = _WEEKDAY_FULL_RE.fullmatch(what)
    if wd:
        return weekday_beside(
            a, _weekday_number(wd.group(1)), which, either=said in ("last", "next", "previous")
        )
    mo = _MONTH_FULL_RE.fullmatch(what)
    season = _SEASON_FULL_RE.fullmatch(what)
    if mo or season:
        if mo:
            month = _month_number(mo.group(1))
            candidates = [_month(y, month) for y in range(a.year - 2, a.year + 3)]
            label = MONTH_NAMES[month]
        else:
            code = _SEASONS[what]
            candidates = [_season(y, code) for y in range(a.year - 2, a.year + 3)]
            label = what
        if which == "this":
            containing = [c for c in candidates if c.start <= a <= c.end]
            if containing:
                return _Result(containing[0], f"the {label} containing {_anchor_text(a)}")
            same_year = [c for c in candidates if c.start.year == a.year]
            ended = [c for c in candidates if c.end < a and c.end.year == a.year]
            if season and ended and same_year[0].start > a and ctx.tense == "past":
                # "Heating bills soared this winter", written in March: the winter that
                # ended this year, not the one to begin in December.
                return _Result(ended[-1], f"{ctx.tense_text} → the {label} that ended in the "
                               f"year of {_anchor_text(a)}")
            return _Result(same_year[0], f"the {label} of the year of {_anchor_text(a)}")
        if which in ("last", "past"):
            p = max((c for c in candidates if c.end < a), key=lambda c: c.start)
            return _Result(p, f"the latest {label} ended before {_anchor_text(a)}")
        p = min((c for c in candidates if c.start > a), key=lambda c: c.start)
        return _Result(p, f"the first {label} starting after {_anchor_text(a)}")
    return None
