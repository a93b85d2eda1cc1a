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
  the anchor's own day or month counts); but a weekday told in the future on that
  weekday ("will meet on Monday", written on a Monday) is that day or a week on,
  approximate: a speaker meaning the day itself would more often say "today".
* no sentence, or no clear tense -> the occurrence nearest to the anchor (one
  containing the anchor wins; otherwise the smaller gap in days; ties -> past); a
  weekday in a sentence with no tense is marked approximate, a guess, and its
  explanation names the other day it could mean.

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
  <weekday>" = the first strictly after, but where that day lies in the anchor's
  own ISO week, it and the one a week on (or before), approximate: many mean the
  latter ("next Thursday" on a Tuesday); "this coming <weekday>" and "this past
  <weekday>" = the nearest; "this <weekday>" = that day of the anchor's ISO week
  (Monday to Sunday); "<weekday> week" = a week on from the coming one.
* "last/this/next week|month|quarter|year|decade|century" = the calendar unit
  before/containing/after the anchor's (ISO weeks); "last century" is the one
  before the anchor's. "the past/last N units" and "the past week" (with "the")
  are rolling ranges of days ending at the anchor, exactly N units long with the
  anchor their last day ("the next ..." begins on it). "this weekend" in a
  past-tense sentence written before it is the weekend just gone.
* "last/next <month or season>" = the latest one ending before / the first one
  starting after the anchor; "this <month or season>" = the one containing the
  anchor, else the one in the anchor's year.
* "earlier this week|month|year" = the days of that period before the anchor
  (precision and TIMEX of the period, not approximate); "later this ..." = the
  days after the anchor. An empty result is an error.
* "N days|weeks|months|years ago" (and "from now", "hence", "in N years' time"
  forward) = the day / ISO week / month / year that far, at the unit's
  precision; "a year ago today" that very day. A vague count is every unit it
  may mean, as one approximate range: "a few" 2-4, "several" 3-7; "a couple" =
  2, approximate. Decades and centuries ago give an approximate year.
* "N years of/since ..." and "marking N years" = the year N years before the
  anchor's year; "the Nth anniversary ..." likewise, or that day of that year if
  the expression also names a month and day. In a sentence about the future both
  are refused (an anniversary still to come may fall after the anchor's year), and
  in one that names a year other than the result and the anchor's (it may be the
  year the anniversary was marked).
* early/mid/late (also "the beginning/middle/end of") narrow a period and make it
  approximate; the TIMEX keeps the period's value (TimeML would carry
  MOD="START"/"MID"/"END", which the explanation names). Months: days 1-10,
  11-20, 21-end. Years, halves, quarters and seasons: thirds of their months
  (a year: Jan-Apr, May-Aug, Sep-Dec). Weeks: Mon-Tue, Wed-Thu, Fri-Sun.
  Decades: years 0-3, 4-6, 7-9. Centuries: 0-32, 33-65, 66-99. On a single day
  the modifier is a time of day and is ignored.
* "the first/second/third/fourth/last week of <month>" = days 1-7, 8-14, 15-21,
  22-28 or its last seven days (of a year: 1-7 January, 25-31 December); "the
  first/second half of <month>" = days 1-15, 16-end: a range of those days,
  approximate (the words may mean a calendar week). "the last Saturday in March",
  "the second Tuesday of May" = that day. The month is read as it would be alone,
  then, when it was read by the tense and the part falls on the other side of the
  anchor from the one the tense says, the same month a year before (or after).
  "last week", "the second half" or "Saturday" of such words in a quote are refused
  alone, the whole named in the hint.
* "the year to March", "the 12 months to March 2024", "the three months to the end
  of June", "the quarter to September", "the year ending March" = the months up to
  the end of that month (read as it would be alone): a range of their days, exact.
  "March" of such words in a quote is refused alone.
* Vague: "recently"/"lately" = the month up to the anchor, TIMEX "PAST_REF";
  "recent days|weeks|months|years" and "the past few ..." = the last 3 such units,
  TIMEX "PXD"/"PXW"/"PXM"/"PXY"; "soon" = the month after the anchor, TIMEX
  "FUTURE_REF"; "the coming days|weeks|..." = the 3 units after it (both from the
  day after: what is to come, an event the article expects). All approximate,
  precision "range". "now"/"currently" = the anchor, TIMEX "PRESENT_REF".
* around/about/circa/approximately/roughly/nearly/almost/"some N" = the same span,
  approximate.
* Seasons are northern-hemisphere meteorological seasons: spring Mar-May, summer
  Jun-Aug, autumn/fall Sep-Nov, winter Dec-Feb. A winter is named by the year of
  its December: "winter 2023" and TIMEX "2023-WI" are Dec 2023 - Feb 2024, as is
  "the winter of 2023-24" (both its years; two years of any other season are refused).
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
  latest one that began on or before the anchor. "the 1900s" is the hundred years
  1900-1999 once they are over by the anchor; "the 2000s" before 2100 is the
  decade 2000-2009. "the 20th century" is 1900-1999 (TIMEX "19"), the span
  TimeML's value names.
* "in N years" (e.g. "first visit in six years") is the last N years up to the
  anchor; in months and longer units a count is rounded, so it is the months
  (years) the stretch runs over, approximate ("2019/2025"), unless the sentence is
  in the future tense, when it is the year N years after the anchor; likewise in a
  sentence with no tense of either kind and nothing to count back to: no "first",
  "last", "only", superlative, negation or change over the stretch ("The plant
  reopens in six months", but "the lowest in five years", "no rain in two weeks",
  "up 5% in two weeks" count back; not such a word that names the subject of a
  verb of a plan: "The last ferry leaves in two weeks").
* A possessive is the date words' own: "Saturday's" is Saturday.

Not supported: dates with trailing words ("the 1950-1953 Korean War": pass
"1950-1953"), times of day beyond ignoring them, clock times, fiscal years,
expressions relative to another event ("two days later", "the day before", "the
next day": refused, naming `relative_to`, which dates them from that event), US
month-first numeric dates that are ambiguous, southern-hemisphere seasons.
"""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.dates.anchoring import (
        Anchor,
        date_by_publication,
        date_from_words,
        publication_relation,
        resolve_in_window,
        with_relation,
    )
    from tui.dates.explain import (
        date_words,
        day_words,
        describe_span,
        format_day,
        format_span,
        format_span_within,
        likely_words,
        relation_meaning,
        shown_approximate,
        span_grain,
        window_words,
    )
    from tui.dates.lexicon import MONTH_NAMES
    from tui.dates.relations import Relation, check_stated, from_date_words, from_verb
    from tui.dates.relative import date_relative
    from tui.dates.resolution import resolve_span
    from tui.dates.tense import sentence_tense
    from tui.span import PRECISIONS, RELATIONS, ResolveError, Span

# Each name's module, imported when the name is first used (PEP 562): showing a
# date (`format_span`) needs neither the grammar nor the rules, whose patterns
# take about 25 ms to compile, and a warm start resolves nothing.
_SOURCES = {
    "Anchor": "tui.dates.anchoring",
    "date_by_publication": "tui.dates.anchoring",
    "date_from_words": "tui.dates.anchoring",
    "likely_words": "tui.dates.explain",
    "publication_relation": "tui.dates.anchoring",
    "relation_meaning": "tui.dates.explain",
    "resolve_in_window": "tui.dates.anchoring",
    "with_relation": "tui.dates.anchoring",
    "date_words": "tui.dates.explain",
    "day_words": "tui.dates.explain",
    "describe_span": "tui.dates.explain",
    "format_day": "tui.dates.explain",
    "format_span": "tui.dates.explain",
    "format_span_within": "tui.dates.explain",
    "shown_approximate": "tui.dates.explain",
    "span_grain": "tui.dates.explain",
    "window_words": "tui.dates.explain",
    "MONTH_NAMES": "tui.dates.lexicon",
    "Relation": "tui.dates.relations",
    "check_stated": "tui.dates.relations",
    "from_date_words": "tui.dates.relations",
    "from_verb": "tui.dates.relations",
    "date_relative": "tui.dates.relative",
    "resolve_span": "tui.dates.resolution",
    "sentence_tense": "tui.dates.tense",
    "PRECISIONS": "tui.span",
    "RELATIONS": "tui.span",
    "ResolveError": "tui.span",
    "Span": "tui.span",
}


if not TYPE_CHECKING:  # type checkers read the imports above, and flag a wrong name

    def __getattr__(name: str) -> object:
        """Import the module that defines `name` the first time it is asked for."""
        module = _SOURCES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value  # found directly from now on
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *_SOURCES})


__all__ = [
    "MONTH_NAMES",
    "PRECISIONS",
    "RELATIONS",
    "Anchor",
    "Relation",
    "ResolveError",
    "Span",
    "check_stated",
    "date_by_publication",
    "date_from_words",
    "date_relative",
    "date_words",
    "day_words",
    "describe_span",
    "format_day",
    "format_span",
    "format_span_within",
    "from_date_words",
    "from_verb",
    "likely_words",
    "publication_relation",
    "relation_meaning",
    "resolve_in_window",
    "resolve_span",
    "sentence_tense",
    "shown_approximate",
    "span_grain",
    "window_words",
    "with_relation",
]
