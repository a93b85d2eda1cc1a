"""How resolved dates read: explanations, and the short labels of lists and exports."""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import replace
from datetime import date

from tui.dates.lexicon import (
    _DAY_ABBR,
    _MONTH_ABBR,
    _SEASON_NAMES,
    MONTH_NAMES,
    MOVE_VERBS,
    PART_SAID,
    SCHEDULE_VERBS,
)
from tui.dates.periods import _month, _Period, _season_of, part_of_its_unit
from tui.span import Span

_DAYS_SHOWN: dict[date, str] = {}  # a cold load names the same days thousands of times


def _fmt_day(d: date) -> str:
    """'Mon 15 Apr 2024', independent of the locale."""
    shown = _DAYS_SHOWN.get(d)
    if shown is None:
        if len(_DAYS_SHOWN) >= 100_000:  # bounded: a day not asked again is dropped
            _DAYS_SHOWN.clear()
        shown = _DAYS_SHOWN[d] = f"{_DAY_ABBR[d.weekday()]} {d.day} {_MONTH_ABBR[d.month]} {d.year}"
    return shown


def _anchor_text(anchor: date) -> str:
    """The anchor as explanations name it: always the publication date here."""
    return f"{_fmt_day(anchor)}, the publication date"


def _ordinal_suffix(n: int) -> str:
    """English ordinal: 1st, 2nd, 3rd, 11th, 20th, 21st."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def _describe(p: _Period) -> str:
    """The result as explanations show it."""
    if p.precision == "day":
        return _fmt_day(p.start)
    if p.precision == "week" and (p.end - p.start).days == 6:
        week = p.timex.split("-W")
        return f"week {int(week[1])} of {week[0]} ({_fmt_day(p.start)} – {_fmt_day(p.end)})"
    if (
        p.precision == "month"
        and p.start.day == 1
        and p.end == _month(p.start.year, p.start.month).end
    ):
        return f"{_MONTH_ABBR[p.start.month]} {p.start.year}"
    if p.precision == "season":
        year, code = p.timex.split("-")
        return f"{_SEASON_NAMES[code]} {year} ({_fmt_day(p.start)} – {_fmt_day(p.end)})"
    if p.precision in ("quarter", "half"):
        year, part = p.timex.split("-")
        return f"{part} {year} ({_fmt_day(p.start)} – {_fmt_day(p.end)})"
    if (
        p.precision == "year"
        and p.start.month == 1
        and p.start.day == 1
        and p.end.month == 12
        and p.end.day == 31
    ):
        return str(p.start.year)
    if p.precision == "decade" and p.end.year - p.start.year == 9:
        return f"the {p.start.year}s"
    if p.precision == "century" and p.end.year - p.start.year == 99:
        return (
            f"the {_ordinal_suffix(p.start.year // 100 + 1)} century ({p.start.year}–{p.end.year})"
        )
    if p.start == date(p.start.year, 1, 1) and p.end == date(p.end.year, 12, 31):
        return f"{p.start.year}–{p.end.year}"
    if p.start.day == 1 and p.end == _month(p.end.year, p.end.month).end:
        # Whole months ("in three months", counted back): "Jun – Sep 2025".
        first = _MONTH_ABBR[p.start.month] + (
            f" {p.start.year}" if p.start.year != p.end.year else "")
        return f"{first} – {_MONTH_ABBR[p.end.month]} {p.end.year}"
    if p.start == p.end:  # "earlier this week" on a Tuesday: Monday, not "Mon – Mon"
        return _fmt_day(p.start)
    return f"{_fmt_day(p.start)} – {_fmt_day(p.end)}"


def describe_span(span: Span) -> str:
    """The span in words, as explanations show it ("Sat 13 Apr 2024", "Sep 2023")."""
    return _describe(_Period(span.start, span.end, span.precision, span.timex))


def format_day(d: date) -> str:
    """A day as explanations show it: 'Mon 15 Apr 2024', independent of the locale."""
    return _fmt_day(d)


FUTURE_TENSE_SAID = 'future tense ("'
"""How an explanation begins to say the tense chose a date still to come (`_tense_text`):
`check` leaves out, by it, the sources whose quote reads as nothing done."""


NO_TENSE_SAID = "no clear tense in the sentence"
"""What an explanation says when the words were read by the tense and the sentence gave
none (`_tense_text`): the loader then reads a quote that goes on from a modal with its
clause in the article (`tui.loading.clause`)."""

_SCHEDULE_CUE = re.compile(SCHEDULE_VERBS, re.IGNORECASE)
_MOVE_CUE = re.compile(MOVE_VERBS, re.IGNORECASE)


def _tense_text(tense: str | None, cue: str | None, has_sentence: bool) -> str:
    if cue == "since":
        return 'begun already ("since")'  # a state the article says holds: it began before
    if cue in ("backdated", "retroactive"):  # a rise, a law, a ban: dated back from when told
        return f'dated back ("{cue}")'
    if cue in ("until", "till", "til"):
        return f'held until then, told in the present ("{cue}")'  # a state: up to what comes
    if tense == "future" and cue is not None and _SCHEDULE_CUE.fullmatch(cue):
        return f'a plan told in the present ("{cue}")'  # a timetable: what is to come
    if tense == "future" and cue is not None and _MOVE_CUE.fullmatch(cue):
        return f'a day it was moved to, still to come ("{cue}")'  # nothing else says when
    if tense == "future":
        return f'{FUTURE_TENSE_SAID}{cue}")'
    if tense == "plan":  # made before the article: to come, unless just passed
        return f'a plan ("{cue}"), to come unless just passed'
    if tense:
        return f'{tense} tense ("{cue}")'
    if cue is not None:  # a reporting verb's past, which dates the saying only
        return f'no tense but the saying\'s ("{cue}")'
    return NO_TENSE_SAID if has_sentence else "no sentence to give a tense"


def _pick_rule(label: str, anchor: date, tense: str | None) -> str:
    if tense == "past":
        return f"the latest {label} on or before {_anchor_text(anchor)}"
    if tense == "future":
        return f"the first {label} on or after {_anchor_text(anchor)}"
    return f"the {label} nearest to {_anchor_text(anchor)}"


def format_span(span: Span) -> str:
    """The span at its real precision for a list row, '≈ ' first when approximate.

    Day '2024-04-13 Sat', week '2021-06-21–06-27' (its days), month '2023-09', season '2023 summer',
    quarter '2023-Q2', half '2023-H1', year '1949', decade '1990s', century
    '20th c.'. Ranges: whole years '1950–1953', whole months '2023-03–2023-05',
    days inside one month '2021-06-01–06-23', other days '2021-06-01–2021-07-02'.
    Part of a month ("earlier this month") is shown as its days too. A
    relation other than "on" comes first: 'by 2024-04-12 Fri' (the end of a
    range of days only), 'until 2019', 'since 2019', 'since 1950–1953' (the
    period it began in), 'as of ≈ 2024-04-10–04-12'.
    """
    prefix, shown = _relation_and_period(span)
    return prefix + _format_period(shown)


def shown_approximate(span: Span) -> bool:
    """True when the date a row shows for `span` is approximate: "by 2025-09-04 Thu"
    after "recent" is not, though the span is (only its end carries the claim)."""
    return _relation_and_period(span)[1].approximate


def _relation_and_period(span: Span) -> tuple[str, Span]:
    """The relation's words before a row's date ("" for "on"), and the period shown
    after them: a range's last day for "by" and "until" (what they bound)."""
    relation = span.relation
    if relation == "on":
        return "", span
    # A week is shown as its days (`_format_period`): bounded by its last, as a range is.
    bounded = span.precision in ("range", "week") and span.start != span.end
    if bounded and relation in ("by", "until"):
        return f"{relation} ", Span(span.end, span.end, "day", False, span.end.isoformat(), "")
    return f"{relation} ", span


def format_span_within(span: Span, width: int) -> str:
    """`format_span`, or where it is longer than `width` characters, the span at a
    coarser grain that still holds it: the day without its weekday, days across
    months of one year with the end's year left out ('≈ 2024-08-24–09-01'), then
    the months, then the years ('≈ 2019-04-10–2024-04-10' → '≈ 2019-04–2024-04' →
    '≈ 2019–2024'). A coarser date is less precise but true; a date cut short
    ('≈ 2019-04-10–2024-04-…') loses its end. Returns the coarsest when none fits.
    """
    text = format_span(span)
    if len(text) <= width:
        return text
    prefix, shown = _relation_and_period(span)
    for coarser in _coarser(shown):
        text = prefix + coarser
        if len(text) <= width:
            break
    return text


def _coarser(span: Span) -> list[str]:
    """The span's period at the day (no weekday), month and year grains."""
    s, e = span.start, span.end
    mark = "≈ " if span.approximate else ""
    texts = []
    if s == e:
        texts.append(s.isoformat())
    elif s.year == e.year and s.month != e.month and not _whole_months(s, e):
        # The days still, the end's year left out: "≈ 2024-08-24–09-01" rather than
        # "≈ 2024-08–2024-09", which reads as two months.
        texts.append(f"{s.isoformat()}–{e:%m-%d}")
    texts.append(f"{s:%Y-%m}" if (s.year, s.month) == (e.year, e.month) else f"{s:%Y-%m}–{e:%Y-%m}")
    texts.append(f"{s.year}" if s.year == e.year else f"{s.year}–{e.year}")
    return [mark + text for text in texts]


def _whole_months(s: date, e: date) -> bool:
    """True when `s`–`e` are whole months (the first of one to the last of another)."""
    return s.day == 1 and e == _month(e.year, e.month).end


def _whole_unit(span: Span) -> bool:
    """True when a week, month or year span covers its whole week, month or year."""
    if span.precision == "week":
        return (span.end - span.start).days == 6 and span.start.weekday() == 0
    if span.precision == "year":
        return (span.start, span.end) == (date(span.start.year, 1, 1), date(span.end.year, 12, 31))
    return span.start.day == 1 and span.end == _month(span.end.year, span.end.month).end


def _part_of_unit(span: Span) -> bool:
    """True for a month or year span bounded by the words inside its unit ("earlier
    this month", "earlier this year"): its days are the words', not a convention's
    ("early September", approximate, keeps its month)."""
    return span.precision in ("month", "year") and not span.approximate and not _whole_unit(span)


def _format_period(span: Span) -> str:
    """`format_span` without the relation."""
    s, e = span.start, span.end
    p = span.precision
    if p == "week" or _part_of_unit(span):
        # A week is shown as its days: "2021-06-21–06-27" says what "2021-W25" (its
        # TIMEX) makes a reader work out. "earlier this month" ("earlier this year"):
        # the days of the month (year) before the anchor, not the month ("early
        # September" stays "≈ 2023-09": its days are a convention, not the words).
        p = "range"
    if p == "day" or (p == "range" and s == e):  # "earlier this week" on a Tuesday: Monday
        text = f"{s.isoformat()} {_DAY_ABBR[s.weekday()]}"
    elif p == "month":
        text = f"{s.year:04d}-{s.month:02d}"
    elif p == "season":
        text = f"{s.year} {_part_word(span)}{_season_name(span)}"
    elif p == "quarter":
        text = f"{s.year}-Q{(s.month - 1) // 3 + 1}"
    elif p == "half":
        text = f"{s.year}-H{1 if s.month <= 6 else 2}"
    elif p == "year":
        text = f"{s.year}"
    elif p == "decade":
        text = f"{s.year // 10 * 10}s"
    elif p == "century":
        text = f"{_ordinal_suffix(s.year // 100 + 1)} c."
    elif s == date(s.year, 1, 1) and e == date(e.year, 12, 31):
        text = f"{s.year}" if s.year == e.year else f"{s.year}–{e.year}"
    elif s.day == 1 and e == _month(e.year, e.month).end and (s.year, s.month) != (e.year, e.month):
        text = f"{s.year:04d}-{s.month:02d}–{e.year:04d}-{e.month:02d}"
    elif (s.year, s.month) == (e.year, e.month):
        # Short form only inside one month: across months the full end date reads better.
        text = f"{s.isoformat()}–{e:%m-%d}"
    else:
        text = f"{s.isoformat()}–{e.isoformat()}"
    if p in ("month", "quarter", "half", "year", "decade", "century"):
        text = _part_word(span) + text  # "≈ late 2024": "the end of the year"
    return f"≈ {text}" if span.approximate else text


def _part_word(span: Span) -> str:
    """"early ", "mid-" or "late " when the span is that part of its month, season, year
    or other unit (the words' "the end of the year", "late summer"), else "": the part
    is what the words said, which the unit alone would not show."""
    # Only a part the words named: "around later this year", written on 31 August, is
    # September to December too, but not "late".
    if not span.approximate or PART_SAID not in span.explanation:
        return ""
    part = part_of_its_unit(span.start, span.end, span.precision)
    return "" if part is None else "mid-" if part == "mid" else f"{part} "


# Words for exports ("13 April 2024", "by 12 April 2024")


def day_words(day: date) -> str:
    """A day as words, independent of the locale: "13 April 2024"."""
    return f"{day.day} {MONTH_NAMES[day.month]} {day.year}"


def span_grain(span: Span) -> str:
    """The finest unit the span's bounds need: "day", "month" or "year".

    Day, month and year precision keep their own unit; other spans (weeks,
    seasons, ranges, decades...) use the coarsest unit both bounds fall on, so
    "1950–1953" is a range of years and 11–13 April a range of days.
    """
    if span.precision in ("day", "month", "year") and not _part_of_unit(span):
        return span.precision
    start, end = span.start, span.end
    ends_month = end.day == monthrange(end.year, end.month)[1]
    if start.day == 1 and ends_month:
        return "year" if start.month == 1 and end.month == 12 else "month"
    return "day"


def date_words(span: Span) -> str:
    """The span as words at its real precision, "≈ " first when approximate.

    "13 April 2024", "11–13 April 2024", "September 2023", "summer 2023, June–August",
    "2011", "1950–1953"; never more precise than the span itself. A relation other
    than "on" comes first: "by 12 April 2024", "as of ≈ 10–12 April 2024",
    "since 2019".
    """
    prefix = "≈ " if span.approximate else ""
    start, end = span.start, span.end
    grain = span_grain(span)
    relation = span.relation
    if relation in ("by", "until") and grain == "day" and start != end:
        return f"{relation} {day_words(end)}"  # only the end carries the claim
    if relation != "on":
        prefix = f"{relation} {prefix}"
    part = _part_word(span)
    if part:  # "late 2024", "late summer 2024": the words' part, not a convention's months
        return prefix + part + _unit_words(span)
    if span.precision == "season" and _whole_season(start, end):
        # "summer 2025, June–August": the words' season, then the convention's months
        # ("June–August 2025" alone read as if the words had named the months). Not in
        # brackets: an export puts the words in brackets of its own.
        return f"{prefix}{_unit_words(span)}, {MONTH_NAMES[start.month]}–{MONTH_NAMES[end.month]}"
    if grain == "year":
        words = str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    elif grain == "month":
        first = f"{MONTH_NAMES[start.month]} {start.year}"
        last = f"{MONTH_NAMES[end.month]} {end.year}"
        if (start.year, start.month) == (end.year, end.month):
            words = first
        elif start.year == end.year:
            words = f"{MONTH_NAMES[start.month]}–{last}"
        else:
            words = f"{first}–{last}"
    elif start == end:
        words = day_words(start)
    elif (start.year, start.month) == (end.year, end.month):
        words = f"{start.day}–{day_words(end)}"
    elif start.year == end.year:
        words = f"{start.day} {MONTH_NAMES[start.month]}–{day_words(end)}"
    else:
        words = f"{day_words(start)}–{day_words(end)}"
    return prefix + words


def _whole_season(start: date, end: date) -> bool:
    """True when `start`–`end` are the whole of three months in a row (a season's)."""
    return (start.day == 1 and end.day == monthrange(end.year, end.month)[1]
            and (end.month - start.month) % 12 == 2)


def _season_name(span: Span) -> str:
    """A season span's name: its TIMEX's season ("2023-WI": winter), else its start's."""
    code = span.timex.rsplit("-", 1)[-1]
    return _SEASON_NAMES.get(code, _SEASON_NAMES[_season_of(span.start)[1]])


def _unit_words(span: Span) -> str:
    """The unit a part of which the span is, as words: "2024", "summer 2024", "winter
    2023–24", "September
    2023", "Q2 2023", "first half of 2023", "1990s", "20th century"."""
    s = span.start
    p = span.precision
    if p == "season":
        name = _season_name(span)
        if name == "winter":  # over two years, named by both: "winter 2023–24"
            first = s.year - 1 if s.month <= 2 else s.year
            second = f"{(first + 1) % 100:02d}" if (first + 1) % 100 else str(first + 1)
            return f"winter {first}–{second}"  # "winter 1999–2000"
        return f"{name} {s.year}"
    if p == "month":
        return f"{MONTH_NAMES[s.month]} {s.year}"
    if p == "quarter":
        return f"Q{(s.month - 1) // 3 + 1} {s.year}"
    if p == "half":
        return f"{'first' if s.month <= 6 else 'second'} half of {s.year}"
    if p == "decade":
        return f"{s.year // 10 * 10}s"
    if p == "century":
        return f"{_ordinal_suffix(s.year // 100 + 1)} century"
    return str(s.year)


def window_words(first: date, last: date) -> str:
    """Two days as a short range: '13–19 Apr 2024', '29 Aug – 3 Sep 2025'."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {MONTH_NAMES[first.month][:3]} {first.year}"
    if first.year == last.year:
        return (
            f"{first.day} {MONTH_NAMES[first.month][:3]} – "
            f"{last.day} {MONTH_NAMES[last.month][:3]} {last.year}"
        )
    return f"{format_day(first)} – {format_day(last)}"


def relation_meaning(span: Span, written: date | None = None, *, expected: bool = False) -> str:
    """What the span's relation claims, in words, for the event pane and exports.

    `written` is the last day the article can have been published: a "by" or
    "until" that falls after it is what the article expects, not what happened;
    `expected` says so of a span that begins before it (`Timeline.is_expected`:
    words that look ahead from every day of a publication window).
    """
    relation = span.relation
    after = written is not None and span.start > written
    ahead = expected or after
    # Expected from a day the article may have been written (the day itself, told in
    # the future tense, or a day of its publication window): to come, not "after".
    when = ("after the article was written" if after or not expected
            else "still to come when the article was written")
    # A "by" or "until" whose last day is after the article ("by 2024" in April
    # 2024) is not wholly to come, nor wholly past: done, or expected, by then.
    beyond = written is not None and span.end > written
    if relation == "by" and ahead:
        return (
            f"expected on or before {format_day(span.end)}, {when}; "
            "whether it happened, the article cannot say"
        )
    if relation == "by" and beyond:
        return (
            f"done, or expected, on or before {format_day(span.end)}, a day the article "
            "had not reached; when, the article does not say"
        )
    if relation == "by":
        return f"it happened on or before {format_day(span.end)}; when, the article does not say"
    if relation == "until" and (ahead or beyond):
        return (
            f"expected to hold up to {format_day(span.end)}, {when}; "
            "when it began, the article does not say"
        )
    if relation == "on" and ahead:
        return (
            f"expected {_on_or_within(span)}, {when}; "
            "whether it happened, the article cannot say"
        )
    if relation == "as of":
        return f"a state that held during {describe_span(span)}, and may have held before and after"
    if relation == "since":
        return f"it began in {describe_span(span)} and still held when the article was written"
    if relation == "from" and ahead:
        return (
            f"expected to begin {_on_or_within(span)}, {when}, and go "
            "on from there; whether it did, the article cannot say"
        )
    if relation == "from":
        return (
            f"it began {_on_or_within(span)} and went on from there; for how long, the "
            "article does not say"
        )
    if relation == "until":
        return f"it held up to {format_day(span.end)}; when it began, the article does not say"
    return f"it happened within {describe_span(span)}"


def _on_or_within(span: Span) -> str:
    return f"on {format_day(span.start)}" if span.start == span.end else (
        f"within {describe_span(span)}"
    )


def likely_words(span: Span) -> str | None:
    """The span against the most likely publication day, when that narrows it; else None."""
    if span.likely_start is None or span.likely_end is None:
        return None
    if (span.likely_start, span.likely_end) == (span.start, span.end):
        return None
    likely = replace(
        span,
        start=span.likely_start,
        end=span.likely_end,
        precision="day" if span.likely_start == span.likely_end else "range",
    )
    return describe_span(likely)
