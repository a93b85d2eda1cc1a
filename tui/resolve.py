"""Resolve the date words of English news text against a publication date.

Every expression is resolved against an *anchor*, which in this product is always
the article's publication date; explanations say so. The result is a `Span`:
inclusive first and last day, the precision the words really have, whether the
words are vague, a TimeML TIMEX3 value and one line a person can read.

The module is plain Python on python-dateutil and the standard library; it must
stay importable without Textual.

Open past or future
-------------------
A bare weekday ("on Saturday"), a month-day without a year ("June 17"), a month
name alone ("in September") or a season alone ("in the summer") leaves open
whether the past or the future occurrence is meant. The tense of `sentence`
decides:

* past tense -> the latest occurrence that starts on or before the anchor. News
  convention: "on Monday" in a Monday article is that very day, and "in April"
  in an April article is that April.
* future tense -> the first occurrence that ends on or after the anchor (again
  the anchor's own day or month counts).
* no sentence, or no clear tense -> the occurrence nearest to the anchor (one
  containing the anchor wins; otherwise the smaller gap in days; ties -> past).

The tense heuristic (`sentence_tense`) looks first at the clause that holds the
expression (cut at commas, semicolons, parentheses and words such as "that",
"when", "while", "but"), then at the whole sentence. Of the future markers (will,
shall, 'll, would, going to, lower-case "may"/"might", expected/set/plans/scheduled
to, anticipated, upcoming, next, coming, soon) and past markers (was, were, had,
did, said, irregular past forms, "-ed" words, ago, last, earlier), the one nearest
the date words decides; on a tie the future marker wins, and a participle after
"be" ("will be held") is passive voice, not a past marker. The
expression's own words are removed first, so the month "May" or the "next" of
"next week" is never read as a tense marker. Capitalised "May" is the month.

Fixed rules (no tense needed)
-----------------------------
* "last <weekday>" = the latest such day strictly before the anchor; "next
  <weekday>" = the first strictly after; "this <weekday>" = that day of the
  anchor's ISO week (Monday to Sunday).
* "last/this/next week|month|quarter|year|decade|century" = the calendar unit
  before/containing/after the anchor's (ISO weeks). "the past/last N units" and
  "the past week" (with "the") are rolling ranges of days ending at the anchor.
* "last/next <month or season>" = the latest one ending before / the first one
  starting after the anchor; "this <month or season>" = the one containing the
  anchor, else the one in the anchor's year.
* "earlier this week|month|year" = the days of that period before the anchor
  (precision and TIMEX of the period, not approximate); "later this ..." = the
  days after the anchor. An empty result is an error.
* "N days|weeks|months|years ago" = the day / ISO week / month / year that far
  back, at the unit's precision; "a few"/"several" = 3 and "a couple" = 2, which
  make the span approximate; decades and centuries ago give an approximate year.
* "N years of/since ..." and "marking N years" = the year N years before the
  anchor's year; "the Nth anniversary ..." likewise, or that day of that year if
  the expression also names a month and day.
* early/mid/late (also "the beginning/middle/end of") narrow a period and make it
  approximate; the TIMEX keeps the period's value (TimeML would carry
  MOD="START"/"MID"/"END", which the explanation names). Months: days 1-10,
  11-20, 21-end. Years, halves, quarters and seasons: thirds of their months
  (a year: Jan-Apr, May-Aug, Sep-Dec). Weeks: Mon-Tue, Wed-Thu, Fri-Sun.
  Decades: years 0-3, 4-6, 7-9. Centuries: 0-32, 33-65, 66-99. On a single day
  the modifier is a time of day and is ignored.
* Vague: "recently"/"lately" = the month before the anchor, TIMEX "PAST_REF";
  "recent days|weeks|months|years" and "the past few ..." = the last 3 such units,
  TIMEX "PXD"/"PXW"/"PXM"/"PXY"; "soon" = the month after the anchor, TIMEX
  "FUTURE_REF"; "the coming days|weeks|..." = the next 3 units. All approximate,
  precision "range". "now"/"currently" = the anchor, TIMEX "PRESENT_REF".
* around/about/circa/approximately/roughly/nearly/almost/"some N" = the same span,
  approximate.
* Seasons are northern-hemisphere meteorological seasons: spring Mar-May, summer
  Jun-Aug, autumn/fall Sep-Nov, winter Dec-Feb. A winter is named by the year of
  its December: "winter 2023" and TIMEX "2023-WI" are Dec 2023 - Feb 2024.
* Ranges ("1950-1953", "from 1950 to 1953", "June 11-13", "11-13 June 2021",
  "between March and May") have precision "range" and the ISO 8601 interval of
  their two ends as TIMEX ("1950/1953", "2021-06-11/2021-06-13"); TimeML proper
  would use two TIMEX3 tags and a DURATION. A missing year is borrowed from the
  other end; with no year at all the first end follows the tense rule. "1950-53"
  is a range; "2020-03" is ISO March 2020; "2019-20" (second part above the
  first's last two digits) is a range; "2020-13" is an error.
* "since 2011", "by 2030", "from June" resolve to the point they name.
* Numeric dates: ISO "2020-03-03" always. Slash dates "d/m/yyyy" only when both
  the day-first and the month-first reading give the same day or only one is a
  real date; "3/4/2020" is refused as ambiguous.
* "the 1990s" and "the 90s" are decades (TIMEX "199"); a two-digit decade is the
  latest one that began on or before the anchor. "the 1900s" is a decade too.
  "the 20th century" is 1900-1999 (TIMEX "19"), the span TimeML's value names.
* "in N years" (e.g. "first visit in six years") is the last N years up to the
  anchor, approximate for months and longer units (a count of whole years is
  rounded), unless the sentence is in the future tense, when it is the year N
  years after the anchor.

Not supported: dates with trailing words ("the 1950-1953 Korean War": pass
"1950-1953"), times of day beyond ignoring them, clock times, fiscal years,
expressions relative to another event ("two days later", "the day before"), US
month-first numeric dates that are ambiguous, southern-hemisphere seasons.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import NamedTuple

from dateutil.relativedelta import relativedelta

from tui.span import PRECISIONS, RELATIONS, ResolveError, Span

__all__ = [
    "MONTH_NAMES",
    "PRECISIONS",
    "RELATIONS",
    "ResolveError",
    "Span",
    "describe_span",
    "format_day",
    "format_span",
    "resolve_span",
    "sentence_tense",
]

class _Period(NamedTuple):
    """A resolved period before the explanation is written (internal)."""

    start: date
    end: date
    precision: str
    timex: str


# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

_DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_ABBR = (
    "",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
MONTH_NAMES = (  # English month names, 1-based (index 0 is empty)
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Month words as news writes them: full, three-letter and "Sept", with or without a dot.
_MONTH_RE = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY_RE = (
    r"(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?"
    r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?"
)
_FULL_WEEKDAY_RE = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_ORD_SUFFIX = r"(?:st|nd|rd|th)?"

_SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SMALL_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}  # fmt: skip
_TENS_ORDINALS = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}  # fmt: skip

# Longest alternatives first so "twenty-five" is not read as "twenty".
_NUMBER_RE = (
    r"(\d+|a\s+few|a\s+couple(?:\s+of)?|couple\s+of|several|few|a\s+dozen|dozen"
    r"|a\s+hundred|one\s+hundred|hundred"
    r"|(?:" + "|".join(_TENS) + r")(?:[-\s](?:" + "|".join(list(_SMALL_NUMBERS)[1:10]) + r"))?"
    r"|" + "|".join(sorted(_SMALL_NUMBERS, key=len, reverse=True)) + r"|an|a)"
)
_ORDINAL_RE = (
    r"(\d+(?:st|nd|rd|th)|hundredth|one\s+hundredth"
    r"|(?:" + "|".join(_TENS) + r")[-\s](?:" + "|".join(list(_SMALL_ORDINALS)[:9]) + r")"
    r"|" + "|".join(sorted([*_SMALL_ORDINALS, *_TENS_ORDINALS], key=len, reverse=True)) + r")"
)
_UNIT_RE = r"(days?|weeks?|fortnights?|months?|years?|decades?|centuries|century)"

_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_RE = r"(spring|summer|autumn|fall|winter)"

_DECADE_WORDS = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
    "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip


# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------


def _fmt_day(d: date) -> str:
    """'Mon 15 Apr 2024', independent of the locale."""
    return f"{_DAY_ABBR[d.weekday()]} {d.day} {_MONTH_ABBR[d.month]} {d.year}"


def _anchor_text(anchor: date) -> str:
    """The anchor as explanations name it: always the publication date here."""
    return f"{_fmt_day(anchor)}, the publication date"


def _ordinal_suffix(n: int) -> str:
    """English ordinal: 1st, 2nd, 3rd, 11th, 20th, 21st."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def _month_number(word: str) -> int:
    """Month number of a month word matched by `_MONTH_RE`."""
    return [m.lower()[:3] for m in MONTH_NAMES[1:]].index(word.rstrip(".")[:3]) + 1


def _weekday_number(word: str) -> int:
    """Weekday number (Monday = 0) of a weekday word."""
    return [d[:3] for d in _DAY_NAMES].index(word.rstrip(".")[:3])


def _parse_number(text: str) -> tuple[int, bool]:
    """Value of a number word or digits, and whether it is vague ("a few")."""
    t = re.sub(r"\s+", " ", text.strip())
    if t.isdigit():
        return int(t), False
    if t in ("a few", "few", "several"):
        return 3, True  # "a few" / "several": three, and approximate
    if t in ("a couple", "a couple of", "couple of"):
        return 2, True
    if t in ("a dozen", "dozen"):
        return 12, False
    if t in ("a hundred", "one hundred", "hundred"):
        return 100, False
    if t in ("a", "an"):
        return 1, False
    if t in _SMALL_NUMBERS:
        return _SMALL_NUMBERS[t], False
    parts = re.split(r"[-\s]", t)
    if parts[0] in _TENS:
        return _TENS[parts[0]] + (_SMALL_NUMBERS[parts[1]] if len(parts) > 1 else 0), False
    raise ResolveError(f"cannot read the number {text!r}")


def _parse_ordinal(text: str) -> int:
    """Value of an ordinal such as 'third', '60th' or 'seventy-fifth'."""
    t = re.sub(r"\s+", " ", text.strip())
    if t[0].isdigit():
        return int(re.sub(r"\D", "", t))
    if t in ("hundredth", "one hundredth"):
        return 100
    if t in _SMALL_ORDINALS:
        return _SMALL_ORDINALS[t]
    if t in _TENS_ORDINALS:
        return _TENS_ORDINALS[t]
    tens, unit = re.split(r"[-\s]", t)
    return _TENS[tens] + _SMALL_ORDINALS[unit]


# --------------------------------------------------------------------------
# Periods
# --------------------------------------------------------------------------


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


def _months(year: int, first: int, count: int) -> tuple[date, date]:
    """First and last day of `count` months from (year, first); may cross a year."""
    start = date(year, first, 1)
    end = start + relativedelta(months=count) - timedelta(days=1)
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
    return f"{_fmt_day(p.start)} – {_fmt_day(p.end)}"


def describe_span(span: Span) -> str:
    """The span in words, as explanations show it ("Sat 13 Apr 2024", "Sep 2023")."""
    return _describe(_Period(span.start, span.end, span.precision, span.timex))


def format_day(d: date) -> str:
    """A day as explanations show it: 'Mon 15 Apr 2024', independent of the locale."""
    return _fmt_day(d)


# --------------------------------------------------------------------------
# Tense of the sentence
# --------------------------------------------------------------------------

_FUTURE_RE = re.compile(
    r"\b(will|shall|won't|wo n't|would|going to|(?:is|are|was|were)?\s*expected to|"
    r"(?:is|are)\s+set to|plans? to|planning to|planned|scheduled|(?:is|are) due to|"
    r"intends? to|anticipat\w*|upcoming|forthcoming|next|coming|soon|later this)\b"
    r"|'ll\b",
    re.IGNORECASE,
)
# Lower-case only: capitalised "May" is the month.
_MODAL_RE = re.compile(r"\b(may|might)\b")
_IRREGULAR_PAST = (
    "was were had did said told met held went came took made gave saw began led sent spoke "
    "wrote left brought became kept paid ran won sought stood thought found fought struck "
    "bought caught felt heard knew meant rose sat shook spent stole swore "
    "threw understood woke wore ago last earlier previously yesterday"
).split()
_NOT_PAST_ED = set(
    "need needed speed seed feed bed red shed united embed hundred indeed proceed exceed "
    "succeed breed greed creed weed deed led based armed advanced limited related "
    "unprecedented detailed concerned interested isolated sophisticated supposed".split()
)
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]\"“”]|\s[-–—]\s|\b(?:that|when|while|but|although|though|because|whereas|which|who)\b",
    re.IGNORECASE,
)
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "–",
        "\u2013": "–",
        "\u2014": "–",
        "\u2015": "–",
        "\u2212": "–",
        "\u00a0": " ",
        "\u202f": " ",
    }
)


def _markers(text: str, site: int | None = None) -> tuple[str | None, str | None]:
    """(tense, cue word) from the markers in `text`.

    With `site` (where the date expression stood), the marker nearest to it
    decides, so that "the scheduled talks were held on Saturday" is past; without
    it, a future marker wins over past ones.
    """
    found: list[tuple[int, int, str, str]] = []  # (start, end, tense, cue)
    for m in list(_FUTURE_RE.finditer(text)) + list(_MODAL_RE.finditer(text)):
        found.append((m.start(), m.end(), "future", re.sub(r"\s+", " ", m.group(0).strip())))
    previous = ""
    for m in re.finditer(r"[A-Za-z']+", text):
        low = m.group(0).lower()
        is_past = low in _IRREGULAR_PAST or (
            len(low) > 4 and low.endswith("ed") and low not in _NOT_PAST_ED
        )
        # "will be held": a participle after "be" is passive voice, not past tense.
        if is_past and previous != "be":
            found.append((m.start(), m.end(), "past", low))
        previous = low
    if not found:
        return None, None
    if site is None:
        futures = [f for f in found if f[2] == "future"]
        chosen = min(futures or found, key=lambda f: f[0])
    else:
        # Nearest first; on a tie, the future marker (a modal governs its verb).
        chosen = min(
            found,
            key=lambda f: (site - f[1] if f[1] <= site else f[0] - site, f[2] != "future"),
        )
    return chosen[2], chosen[3]


def sentence_tense(sentence: str | None, expression: str = "") -> tuple[str | None, str | None]:
    """Guess the tense around `expression` in `sentence`: ('past'|'future'|None, cue).

    The clause containing the expression is read first, then the whole sentence;
    the expression's own words are taken out so that they never count as markers.
    """
    if not sentence:
        return None, None
    text = sentence.translate(_TRANSLATE)
    expr = expression.translate(_TRANSLATE).strip()
    clause = None
    clause_site = site = 0
    found = re.search(re.escape(expr), text, re.IGNORECASE) if expr else None
    if found:
        before = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, found.start())]
        after = _CLAUSE_BREAK.search(text, found.end())
        clause_start = before[-1] if before else 0
        clause_end = after.start() if after else len(text)
        clause = text[clause_start : found.start()] + " " + text[found.end() : clause_end]
        clause_site = found.start() - clause_start
        site = found.start()
        text = text[: found.start()] + " " + text[found.end() :]
    if clause is not None:
        tense, cue = _markers(clause, clause_site)
        if tense:
            return tense, cue
        return _markers(text, site)
    return _markers(text)


def _tense_text(tense: str | None, cue: str | None, has_sentence: bool) -> str:
    if tense:
        return f'{tense} tense ("{cue}")'
    return "no clear tense in the sentence" if has_sentence else "no sentence to give a tense"


# --------------------------------------------------------------------------
# Picking among occurrences (the open past/future rule)
# --------------------------------------------------------------------------


def _pick(candidates: list[_Period], anchor: date, tense: str | None) -> _Period:
    """Choose among occurrences by the module's open past/future rule."""
    if tense == "past":
        eligible = [c for c in candidates if c.start <= anchor]
        return max(eligible, key=lambda c: c.start)
    if tense == "future":
        eligible = [c for c in candidates if c.end >= anchor]
        return min(eligible, key=lambda c: c.start)
    for c in candidates:
        if c.start <= anchor <= c.end:
            return c
    past = [c for c in candidates if c.end < anchor]
    future = [c for c in candidates if c.start > anchor]
    best_past = max(past, key=lambda c: c.end) if past else None
    best_future = min(future, key=lambda c: c.start) if future else None
    if best_future is None:
        assert best_past is not None
        return best_past
    if best_past is None or (best_future.start - anchor) < (anchor - best_past.end):
        return best_future
    return best_past  # ties go to the past: news mostly reports what happened


def _pick_rule(label: str, anchor: date, tense: str | None) -> str:
    if tense == "past":
        return f"the latest {label} on or before {_anchor_text(anchor)}"
    if tense == "future":
        return f"the first {label} on or after {_anchor_text(anchor)}"
    return f"the {label} nearest to {_anchor_text(anchor)}"


# --------------------------------------------------------------------------
# The resolver
# --------------------------------------------------------------------------


class _Context:
    """What every rule needs: the anchor, and the sentence's tense, read lazily.

    `used` records how much of the sentence a resolution looked at (None: none of
    it; "tense": only its tense and cue word; "text": its words), which decides
    how its result may be memoised (see `resolve_span`).
    """

    __slots__ = ("_expression", "_sentence", "_tense", "anchor", "has_sentence", "used")

    def __init__(self, anchor: date, sentence: str | None, expression: str) -> None:
        self.anchor = anchor
        self.has_sentence = bool(sentence and sentence.strip())
        self._sentence = sentence
        self._expression = expression
        self._tense: tuple[str | None, str | None] | None = None
        self.used: str | None = None

    def _read_tense(self) -> tuple[str | None, str | None]:
        if self._tense is None:
            self._tense = sentence_tense(self._sentence, self._expression)
        if self.used is None:
            self.used = "tense"
        return self._tense

    @property
    def tense(self) -> str | None:
        """'past', 'future' or None, from the sentence."""
        return self._read_tense()[0]

    @property
    def cue(self) -> str | None:
        """The word that gave the tense away."""
        return self._read_tense()[1]

    @property
    def sentence(self) -> str | None:
        """The sentence itself (a result that reads it is memoised by it)."""
        self.used = "text"
        return self._sentence

    @property
    def tense_text(self) -> str:
        return _tense_text(self.tense, self.cue, self.has_sentence)


class _Result(NamedTuple):
    period: _Period
    rule: str
    approximate: bool = False


_LEADING = re.compile(r"^(?:on|in|at|since|by|from|during|over|throughout|within|as\s+of|of)\s+")
_APPROX = re.compile(
    r"^(?:around|about|circa|ca\.?|c\.|approximately|approx\.?|roughly|nearly|almost|"
    r"more\s+than|less\s+than|at\s+least|just\s+over|just\s+under|some(?=\s+(?:\d|"
    + _NUMBER_RE[1:-1]
    + r")\b))\s+"
)
_IN_NUMBER = (
    r"in\s+(?:(nearly|almost|about|around|over|more than)\s+)?" + _NUMBER_RE + r"\s+" + _UNIT_RE
)
_TIME_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night|midday|noon|overnight)$")


def _normalise(expression: str) -> str:
    """Lower-case, plain quotes and dashes, no wrapping punctuation, single spaces."""
    text = expression.translate(_TRANSLATE).lower()
    text = re.sub(r"\s+", " ", text).strip()
    # Wrapping brackets and quotes, trailing sentence punctuation (but keep "sept.").
    prev = None
    while prev != text:
        prev = text
        text = text.strip(" \"'()[]")
        text = re.sub(r"[,;:!?]+$", "", text).strip()
        if text.endswith(".") and not re.search(r"\b" + _MONTH_RE + r"$", text):
            text = text[:-1]
    text = re.sub(r"\s*–\s*", "–", text)
    return text


# Memos of finished spans. A large event file repeats the same date words against
# the same publication date many times; most expressions never look at the
# sentence, and the others only at its tense, so the results can be shared.
_MEMO_LIMIT = 200_000
_memo_by_words: dict[tuple[str, date], Span] = {}
_memo_by_tense: dict[tuple[str, date, str | None, str | None, bool], Span] = {}
_tensed_words: set[tuple[str, date]] = set()


def resolve_span(expression: str, anchor: date, sentence: str | None = None) -> Span:
    """Resolve `expression` against `anchor` (the publication date).

    `sentence`, when given, is the sentence the expression comes from; its tense
    settles expressions that leave past or future open (see the module
    docstring). Raises ResolveError, naming the problem, when the words hold no
    date this module can read or name a day that does not exist.
    """
    key = (expression, anchor)
    span = _memo_by_words.get(key)
    if span is not None:
        return span
    has_sentence = bool(sentence and sentence.strip())
    if key in _tensed_words:
        tense, cue = sentence_tense(sentence, expression)
        span = _memo_by_tense.get((expression, anchor, tense, cue, has_sentence))
        if span is not None:
            return span
    span, ctx = _resolve_uncached(expression, anchor, sentence)
    if len(_memo_by_words) + len(_memo_by_tense) > _MEMO_LIMIT:
        _memo_by_words.clear()
        _memo_by_tense.clear()
        _tensed_words.clear()
    if ctx.used is None:
        _memo_by_words[key] = span
    elif ctx.used == "tense":
        _tensed_words.add(key)
        _memo_by_tense[(expression, anchor, ctx.tense, ctx.cue, has_sentence)] = span
    return span


def _resolve_uncached(
    expression: str, anchor: date, sentence: str | None = None
) -> tuple[Span, _Context]:
    """Resolve without the memo; also return the context, which says what was read."""
    if expression is None or not expression.strip():
        raise ResolveError("empty date expression: there is nothing to resolve")
    shown = re.sub(r"\s+", " ", expression.translate(_TRANSLATE)).strip().strip("\"'")
    ctx = _Context(anchor, sentence, expression)
    try:
        result = _resolve(_normalise(expression), ctx)
    except (OverflowError, ValueError) as exc:
        if isinstance(exc, ResolveError):
            raise
        # date arithmetic left the calendar ("10000 years ago", "tomorrow" on 31 Dec 9999)
        raise ResolveError(
            f"{expression.strip()!r} against {anchor.isoformat()} falls outside the years "
            "1 to 9999"
        ) from None
    period, rule, approximate = result
    if _fmt_day(anchor) not in rule:
        # Absolute dates need no anchor; say so, so every explanation names it.
        rule += f", whatever the publication date ({_fmt_day(anchor)})"
    if period.end < period.start:
        raise ResolveError(f'"{shown}" ends before it starts')
    explanation = f'"{shown}": {rule} → {_describe(period)}'
    if approximate:
        explanation += " (approximate)"
    span = Span(period.start, period.end, period.precision, approximate, period.timex, explanation)
    return span, ctx


def resolve_publication(words: str, anchor: date) -> Span:
    """A report in the present tense ("is leading a delegation"): the publication day."""
    shown = re.sub(r"\s+", " ", words.translate(_TRANSLATE)).strip()
    return Span(
        anchor,
        anchor,
        "day",
        False,
        anchor.isoformat(),
        f'present tense ("{shown}") → the publication date, {_fmt_day(anchor)}',
    )


def _resolve(text: str, ctx: _Context) -> _Result:
    """Strip prefixes, then try each rule in turn."""
    if not text:
        raise ResolveError("empty date expression: there is nothing to resolve")
    approximate = False
    in_number = re.fullmatch(_IN_NUMBER, text)
    # "from 1950 to 1953" / "between March and May": ranges keep their first word.
    if not in_number and not re.match(
        r"^(?:from|between)\s.+\s(?:to|and|until|till|through|thru)\s", text
    ):
        for _ in range(3):
            stripped = _LEADING.sub("", text)
            approx = _APPROX.sub("", stripped)
            if approx != stripped:
                approximate = True
            if approx == text:
                break
            text = approx
    if not re.fullmatch(r"(?:this|last)\s+\w+", text):
        text = _TIME_OF_DAY.sub("", text)  # "Saturday night" is Saturday
    if text.startswith("the ") and not re.match(r"the\s+(?:day|past|last|coming|next)\b", text):
        # "the 1990s", "the third anniversary": the article adds nothing.
        # Kept for "the past week", "the last week" (rolling) and "the day before".
        text = text[4:]
    for rule in _RULES:
        found = rule(text, ctx)
        if found is not None:
            return _Result(found.period, found.rule, found.approximate or approximate)
    raise ResolveError(
        f"cannot resolve {text!r}: no date this resolver knows was found "
        "(hint: use a weekday, a month and day, a year, or 'N days ago')"
    )


# Each rule takes the normalised text and the context; returns None when it does
# not apply, a _Result when it does, and raises ResolveError for impossible dates.


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
        how = "the day of" if n == 0 else f"{abs(n)} day(s) {'before' if n < 0 else 'after'}"
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


def _step(d: date, unit: str, n: int) -> date:
    """`d` moved by `n` units (negative: back); months and years clamp the day."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "fortnight":
        return d + timedelta(weeks=2 * n)
    if unit == "month":
        return d + relativedelta(months=n)
    if unit == "year":
        return d + relativedelta(years=n)
    if unit == "decade":
        return d + relativedelta(years=10 * n)
    return d + relativedelta(years=100 * n)


def _unit(word: str) -> str:
    return "century" if word.startswith("centur") else word.rstrip("s")


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
        start = a - relativedelta(months=1)
        return _Result(
            _Period(start, a, "range", "PAST_REF"),
            f"vague past (TIMEX PAST_REF), taken as the month up to {_anchor_text(a)}",
            True,
        )
    if text in ("soon", "shortly", "the near future", "near future", "the coming period"):
        end = a + relativedelta(months=1)
        return _Result(
            _Period(a, end, "range", "FUTURE_REF"),
            f"vague future (TIMEX FUTURE_REF), taken as the month after {_anchor_text(a)}",
            True,
        )
    m = re.fullmatch(
        r"(?:(?:in|over|during)\s+)?(?:the\s+)?(recent|past\s+few|last\s+few|past\s+several|"
        r"coming|next\s+few|upcoming)\s+(days|weeks|months|years)",
        text,
    )
    if not m:
        return None
    unit = m.group(2).rstrip("s")
    value, plural = _VAGUE_UNITS[unit]
    if m.group(1) in ("coming", "next few", "upcoming"):
        end = _step(a, unit, 3)
        return _Result(
            _Period(a, end, "range", value),
            f"vague future {plural} (TIMEX {value}), "
            f"taken as the 3 {plural} after {_anchor_text(a)}",
            True,
        )
    start = _step(a, unit, -3)
    return _Result(
        _Period(start, a, "range", value),
        f"vague recent {plural} (TIMEX {value}), taken as the 3 {plural} up to {_anchor_text(a)}",
        True,
    )


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


def _rule_earlier_later(text: str, ctx: _Context) -> _Result | None:
    m = re.fullmatch(
        r"(earlier|later)\s+(?:this|in\s+the)\s+(week|month|quarter|year|decade|century)", text
    )
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


_MOD_RE = re.compile(
    r"^(?:(early|mid|late)(?:\s*[-–]\s*|\s+)(?:in\s+|of\s+)?"
    r"|(?:the\s+)?(beginning|start|middle|end|close)\s+of\s+(?:the\s+)?)(.+)$"
)
_MOD_NAMES = {"early": ("START", "early"), "mid": ("MID", "mid"), "late": ("END", "late")}


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
        start = p.start + relativedelta(months=size * third)
        return start, start + relativedelta(months=size) - timedelta(days=1)
    raise ResolveError(f"early/mid/late of a {p.precision} is not supported")


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
    inner = _resolve(body, ctx)
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
        f"{inner.rule} → {_describe(p)}; {name} part (TimeML MOD={mod})",
        True,
    )


def _year_ref(text: str, anchor: date) -> int | None:
    """A year named as digits or as this/last/next year."""
    if re.fullmatch(r"\d{4}", text):
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
    m = re.fullmatch(r"(?:q([1-4])|([1-4])q)\s*(?:of\s+)?(\d{4})|(\d{4})\s*-?\s*q([1-4])", text)
    if m:
        q = int(m.group(1) or m.group(2) or m.group(5))
        year = int(m.group(3) or m.group(4))
        return _Result(_quarter(year, q), "quarter named with its year")
    m = re.fullmatch(r"q([1-4])|h([12])", text)
    if m:  # "Q3", "H1" alone: the year is left open, as for "the third quarter"
        make, n, label = (
            (_quarter, int(m.group(1)), f"Q{m.group(1)}")
            if m.group(1)
            else (_half, int(m.group(2)), f"H{m.group(2)}")
        )
        candidates = [make(y, n) for y in range(a.year - 1, a.year + 2)]
        chosen = _pick(candidates, a, ctx.tense)
        return _Result(chosen, f"{ctx.tense_text} → {_pick_rule(label, a, ctx.tense)}")
    m = re.fullmatch(r"h([12])\s*(?:of\s+)?(\d{4})|(\d{4})\s*-?\s*h([12])", text)
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
            raise ResolveError(f"a year has only {count} {unit}s, so there is no {ordinal} {unit}")
        make = _quarter if unit == "quarter" else _half
        if rest is None:
            if ordinal == "last":
                return None  # "last quarter" is the previous quarter: the relative rule
            candidates = [make(y, n) for y in range(a.year - 1, a.year + 2)]
            chosen = _pick(candidates, a, ctx.tense)
            return _Result(
                chosen, f"{ctx.tense_text} → {_pick_rule(f'{ordinal} {unit}', a, ctx.tense)}"
            )
        year = _year_ref(rest, a)
        if year is None:
            raise ResolveError(
                f"cannot read the year in {text!r} (hint: '2023', 'this year', 'last year')"
            )
        return _Result(make(year, n), f"{ordinal} {unit} of {year} (from {_anchor_text(a)})")
    m = re.fullmatch(_SEASON_RE + r"\s+(?:of\s+)?(\d{4}|this year|last year|next year)", text)
    if m:
        year = _year_ref(m.group(2), a)
        assert year is not None
        return _Result(
            _season(year, _SEASONS[m.group(1)]),
            f"{m.group(1)} of {year} "
            "(meteorological; a winter belongs to the year of its December)",
        )
    return None


def _rule_relative(text: str, ctx: _Context) -> _Result | None:
    """this/last/next/past/coming with a unit, weekday, month or season."""
    a = ctx.anchor
    m = re.fullmatch(r"(the\s+)?(this|last|next|past|coming|previous|following)\s+(.+)", text)
    if not m:
        return None
    has_the, which, what = m.groups()
    which = {"previous": "last", "following": "next", "coming": "next"}.get(which, which)
    rolling = which == "past" or (has_the and which in ("last", "next"))
    unit_m = re.fullmatch(r"(day|week|fortnight|month|quarter|half|year|decade|century)", what)
    if (
        unit_m
        and rolling
        and what in ("day", "week", "fortnight", "month", "year", "decade", "century")
    ):
        # "the past week", "the last year": the rolling stretch ending (or starting) at the anchor.
        if which == "next":
            return _Result(_rolling(a, _step(a, what, 1)), f"the {what} from {_anchor_text(a)} on")
        return _Result(_rolling(_step(a, what, -1), a), f"the {what} up to {_anchor_text(a)}")
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
    m_n = re.fullmatch(_NUMBER_RE + r"\s+" + _UNIT_RE, what)
    if m_n and which in ("past", "last", "next"):
        n, vague = _parse_number(m_n.group(1))
        unit = _unit(m_n.group(2))
        if which == "next":
            return _Result(
                _rolling(a, _step(a, unit, n)),
                f"the {n} {unit}(s) from {_anchor_text(a)} on",
                vague,
            )
        return _Result(
            _rolling(_step(a, unit, -n), a), f"the {n} {unit}(s) up to {_anchor_text(a)}", vague
        )
    if what == "weekend":
        monday = a - timedelta(days=a.weekday())
        shift = {"this": 0, "last": -7, "past": -7, "next": 7}[which]
        sat = monday + timedelta(days=5 + shift)
        iso_year, iso_week, _ = sat.isocalendar()
        return _Result(
            _Period(sat, sat + timedelta(days=1), "range", f"{iso_year}-W{iso_week:02d}-WE"),
            f"{which} weekend: the Saturday and Sunday of that ISO week from {_anchor_text(a)}",
        )
    wd = re.fullmatch(_WEEKDAY_RE, what)
    if wd:
        target = _weekday_number(wd.group(1))
        if which == "this":
            d = a - timedelta(days=a.weekday()) + timedelta(days=target)
            return _Result(_day(d), f"that weekday of the ISO week of {_anchor_text(a)}")
        if which in ("last", "past"):
            back = (a.weekday() - target) % 7 or 7
            d = a - timedelta(days=back)
            return _Result(
                _day(d), f"the latest {_DAY_NAMES[target].title()} before {_anchor_text(a)}"
            )
        ahead = (target - a.weekday()) % 7 or 7
        d = a + timedelta(days=ahead)
        return _Result(_day(d), f"the first {_DAY_NAMES[target].title()} after {_anchor_text(a)}")
    mo = re.fullmatch(_MONTH_RE, what)
    season = re.fullmatch(_SEASON_RE, what)
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
            return _Result(same_year[0], f"the {label} of the year of {_anchor_text(a)}")
        if which in ("last", "past"):
            p = max((c for c in candidates if c.end < a), key=lambda c: c.start)
            return _Result(p, f"the latest {label} ended before {_anchor_text(a)}")
        p = min((c for c in candidates if c.start > a), key=lambda c: c.start)
        return _Result(p, f"the first {label} starting after {_anchor_text(a)}")
    return None


def _rule_ago(text: str, ctx: _Context) -> _Result | None:
    """'N units ago', 'N units from now', 'in N units'."""
    a = ctx.anchor
    m = re.fullmatch(
        _NUMBER_RE + r"\s+" + _UNIT_RE + r"\s+(ago|before now|earlier than now|from now|hence)",
        text,
    )
    in_m = re.fullmatch(_IN_NUMBER, text)
    # The sentence is consulted last: a result that reads it cannot be memoised.
    if not m and not in_m and re.fullmatch(_NUMBER_RE + r"\s+" + _UNIT_RE, text) and ctx.sentence:
        # "six years" in "first visit to China in six years": read as "in six years".
        pattern = (
            r"\bin\s+(?:(?:nearly|almost|about|around|over|more than)\s+)?"
            + re.escape(text)
            + r"\b"
        )
        if re.search(pattern, _normalise(ctx.sentence)):
            in_m = re.fullmatch(_IN_NUMBER, "in " + text)
    if in_m:
        n, vague = _parse_number(in_m.group(2))
        unit = _unit(in_m.group(3))
        vague = vague or bool(in_m.group(1))
        if ctx.tense == "future":
            return _ago_point(
                _step(a, unit, n),
                unit,
                vague,
                f"future tense: {n} {unit}(s) after {_anchor_text(a)}",
            )
        start = _step(a, unit, -n)
        rule = f'"in {n} {unit}(s)" as the last {n} {unit}(s) up to {_anchor_text(a)}'
        if unit not in ("day", "week") and not vague:
            # "first visit in six years" counts whole years: the gap is about that long.
            rule += f", a count of whole {unit}s"
            vague = True
        return _Result(_rolling(start, a), rule, vague)
    if not m:
        return None
    n, vague = _parse_number(m.group(1))
    unit = _unit(m.group(2))
    sign = 1 if m.group(3) in ("from now", "hence") else -1
    d = _step(a, unit, sign * n)
    where = "after" if sign > 0 else "before"
    return _ago_point(d, unit, vague, f"{n} {unit}(s) {where} {_anchor_text(a)}")


def _ago_point(d: date, unit: str, vague: bool, rule: str) -> _Result:
    """A point N units away, at the precision of the unit."""
    if unit == "day":
        return _Result(_day(d), rule, vague)
    if unit in ("week", "fortnight"):
        return _Result(_week(d), rule, vague)
    if unit == "month":
        return _Result(_month(d.year, d.month), rule, vague)
    if unit == "year":
        return _Result(_year(d.year), rule, vague)
    # "a decade ago" is a loose round number: the year, approximate.
    return _Result(_year(d.year), rule, True)


def _rule_years_of(text: str, ctx: _Context) -> _Result | None:
    """'75 years of diplomatic relations', 'marking 75 years', 'the third anniversary'."""
    a = ctx.anchor
    m = re.fullmatch(
        r"(?:(?:to\s+)?(?:mark|marks|marked|marking|celebrate|celebrates|celebrated|celebrating|"
        r"commemorate|commemorates|commemorated|commemorating)\s+)?(?:the\s+)?"
        + _NUMBER_RE
        + r"\s+years?(?:\s+(?:of|since)\b.*)?",
        text,
    )
    if m and (
        re.search(r"\s(?:of|since)\b", text)
        or re.match(r"(?:to\s+)?(?:mark|celebrat|commemorat)", text)
    ):
        n, vague = _parse_number(m.group(1))
        return _Result(_year(a.year - n), f"{n} years before the year of {_anchor_text(a)}", vague)
    m = re.fullmatch(r"(?:the\s+)?" + _ORDINAL_RE + r"\s+anniversary\b(.*)", text)
    if not m:
        if "anniversary" in text:
            raise ResolveError(
                f"{text!r}: an anniversary needs its number to give a year "
                "(e.g. 'the third anniversary')"
            )
        return None
    n = _parse_ordinal(m.group(1))
    year = a.year - n
    rest = m.group(2)
    md = re.search(
        r"\b"
        + _MONTH_RE
        + r"\s+(\d{1,2})"
        + _ORD_SUFFIX
        + r"\b|\b(\d{1,2})"
        + _ORD_SUFFIX
        + r"\s+(?:of\s+)?"
        + _MONTH_RE,
        rest,
    )
    if md:
        month = _month_number(md.group(1) or md.group(4))
        day = int(md.group(2) or md.group(3))
        d = _make_date(year, month, day)
        return _Result(
            _day(d),
            f"{_ordinal_suffix(n)} anniversary: {n} years before {a.year} "
            f"({_anchor_text(a)}), on the day named",
        )
    return _Result(
        _year(year),
        f"{_ordinal_suffix(n)} anniversary: {n} years before the year of {_anchor_text(a)}",
    )


def _rule_decade_century(text: str, ctx: _Context) -> _Result | None:
    a = ctx.anchor
    m = re.fullmatch(r"(\d{2})00'?s", text)
    if m:
        # "the 1900s" is read as news usually means it: the hundred years 1900-1999.
        first = int(m.group(1)) * 100
        return _Result(_century(first), f"the hundred years {first}–{first + 99}")
    m = re.fullmatch(r"(\d{3})0'?s", text)
    if m:
        return _Result(_decade(int(m.group(1)) * 10), "decade named in full")
    m = re.fullmatch(r"'?(\d)0'?s", text)
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
    m = re.fullmatch(_ORDINAL_RE + r"\s+(?:century|c\.?)", text)
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


class _Partial(NamedTuple):
    """A calendar point with parts possibly missing: year, month, day."""

    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None


def _parse_partial(text: str, allow_bare_day: bool = False) -> _Partial | None:
    """Read a calendar point: ISO, day-month-year forms, month-year, month, year."""
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
        return _slash_date(*map(int, m.groups()), t)
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
        years = range(a.year - 8, a.year + 9)
        candidates = [
            _day(date(y, p.month, p.day))
            for y in years
            if p.day <= calendar.monthrange(y, p.month)[1]
        ]
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
    m = re.fullmatch(r"(\d{4})-?w(\d{1,2})", text)
    if m:
        year, week = int(m.group(1)), int(m.group(2))
        weeks = date(year, 12, 28).isocalendar()[1]  # 28 Dec is always in the year's last week
        if not 1 <= week <= weeks:
            raise ResolveError(f"ISO year {year} has weeks 1–{weeks}, so there is no week {week}")
        return _Result(_week(date.fromisocalendar(year, week, 1)), "ISO week named")
    m = re.fullmatch(r"(\d{4})-(\d{2})", text)
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
    m = re.fullmatch(_WEEKDAY_RE, text)
    if not m:
        return None
    target = _weekday_number(m.group(1))
    candidates = [
        _day(a + timedelta(days=k))
        for k in range(-7, 8)
        if (a + timedelta(days=k)).weekday() == target
    ]
    chosen = _pick(candidates, a, ctx.tense)
    return _Result(
        chosen, f"{ctx.tense_text} → {_pick_rule(_DAY_NAMES[target].title(), a, ctx.tense)}"
    )


_RANGE_SPLIT = re.compile(r"\s*[-–]\s*|\s+(?:to|until|till|through|thru|and)\s+")


def _rule_range(text: str, ctx: _Context) -> _Result | None:
    """Two ends joined by a dash, 'to', 'and', 'through'; years borrowed across."""
    a = ctx.anchor
    body = re.sub(r"^(?:from|between)\s+", "", text)
    m = re.fullmatch(r"(\d{4})\s*[-–/]\s*(\d{2})", body)
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
            left_r = _resolve(left_text, ctx)
            right_r = _resolve(right_text, ctx)
        except ResolveError:
            continue
        lp, rp = left_r.period, right_r.period
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
        assert left.month is not None and right.month is not None
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
    m = re.fullmatch(_SEASON_RE, text)
    if not m:
        return None
    a = ctx.anchor
    code = _SEASONS[m.group(1)]
    candidates = [_season(y, code) for y in range(a.year - 2, a.year + 2)]
    chosen = _pick(candidates, a, ctx.tense)
    return _Result(chosen, f"{ctx.tense_text} → {_pick_rule(m.group(1), a, ctx.tense)}")


_RULES = (
    _rule_keywords,
    _rule_vague,
    _rule_earlier_later,
    _rule_modifier,
    _rule_parts,
    _rule_relative,
    _rule_ago,
    _rule_years_of,
    _rule_decade_century,
    _rule_calendar,
    _rule_weekday,
    _rule_bare_season,
    _rule_range,
)


# --------------------------------------------------------------------------
# Display
# --------------------------------------------------------------------------


def format_span(span: Span) -> str:
    """The span at its real precision for a list row, '≈ ' first when approximate.

    Day '2024-04-13 Sat', week '2021-W25', month '2023-09', season '2023 summer',
    quarter '2023-Q2', half '2023-H1', year '1949', decade '1990s', century
    '20th c.'. Ranges: whole years '1950–1953', whole months '2023-03–2023-05',
    days inside one month '2021-06-01–06-23', other days '2021-06-01–2021-07-02'.
    Part of a week or month ("earlier this month") is shown as its days. A
    relation other than "on" comes first: 'by 2024-04-12 Fri' (the end of a
    range of days only), 'until 2019', 'since 2019', 'since 1950–1953' (the
    period it began in), 'as of ≈ 2024-04-10–04-12'.
    """
    relation = span.relation
    if relation == "on":
        return _format_period(span)
    if span.precision == "range" and relation in ("by", "until") and span.start != span.end:
        last = Span(span.end, span.end, "day", False, span.end.isoformat(), "")
        return f"{relation} {_format_period(last)}"
    return f"{relation} {_format_period(span)}"


def _whole_unit(span: Span) -> bool:
    """True when a week or month span covers its whole week or month."""
    if span.precision == "week":
        return (span.end - span.start).days == 6 and span.start.weekday() == 0
    return span.start.day == 1 and span.end == _month(span.end.year, span.end.month).end


def _format_period(span: Span) -> str:
    """`format_span` without the relation."""
    s, e = span.start, span.end
    p = span.precision
    if p in ("week", "month") and not span.approximate and not _whole_unit(span):
        # "earlier this week": the days of the week before the anchor, not the week
    # ("early September" stays "≈ 2023-09": its days are a convention, not the words).
        p = "range"
    if p == "day":
        text = f"{s.isoformat()} {_DAY_ABBR[s.weekday()]}"
    elif p == "week":
        iso_year, iso_week, _ = s.isocalendar()
        text = f"{iso_year}-W{iso_week:02d}"
    elif p == "month":
        text = f"{s.year:04d}-{s.month:02d}"
    elif p == "season":
        code = span.timex.rsplit("-", 1)[-1]
        text = f"{s.year} {_SEASON_NAMES.get(code, _SEASON_NAMES[_season_of(s)[1]])}"
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
        text = f"{s.year}–{e.year}"
    elif s.day == 1 and e == _month(e.year, e.month).end and (s.year, s.month) != (e.year, e.month):
        text = f"{s.year:04d}-{s.month:02d}–{e.year:04d}-{e.month:02d}"
    elif (s.year, s.month) == (e.year, e.month):
        # Short form only inside one month: across months the full end date reads better.
        text = f"{s.isoformat()}–{e:%m-%d}"
    else:
        text = f"{s.isoformat()}–{e.isoformat()}"
    return f"≈ {text}" if span.approximate else text
