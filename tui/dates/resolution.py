"""Resolve date words against an anchor: the rules in order, memoised.

Two memos make a large event file cheap. Finished spans are shared between
sources whose words, anchor and (when the result read it) tense and cue word are
the same. And the part of a resolution that reads only the words is done once
per wording: the normalised text, the prefixes stripped ("about", "on") and
which rule answered (a *plan*). Against another anchor only that rule runs; the
rules before it declined the words without looking at the anchor or the sentence
(a plan is kept only then), and should the planned rule decline too, every rule
is tried in order as without a plan. A test checks plans against the full scan.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tui.dates.explain import _DAYS_SHOWN, _describe, _fmt_day
from tui.dates.grammar import (
    _APPROX,
    _IN_NUMBER,
    _LEADING,
    _TIME_OF_DAY,
    AT_THE_LATEST,
    _Context,
    _normalise,
    _Result,
)
from tui.dates.lexicon import _TRANSLATE, FIXED_DAYS, REFERENCE_UNITS, is_reference
from tui.dates.periods import _Period
from tui.dates.rules_ago import rule_ago
from tui.dates.rules_anniversary import _rule_years_of
from tui.dates.rules_calendar import (
    _parse_partial,
    _rule_bare_season,
    _rule_calendar,
    _rule_decade_century,
    _rule_range,
    _rule_weekday,
)
from tui.dates.rules_holidays import _rule_fiscal_year, _rule_holiday, _rule_two_digit_year
from tui.dates.rules_month_parts import (
    _rule_months_to,
    _rule_nth_weekday,
    _rule_nth_weekend,
    _rule_part_of_month,
)
from tui.dates.rules_relative import (
    _rule_earlier_later,
    _rule_keywords,
    _rule_modifier,
    _rule_parts,
    _rule_relative,
    _rule_vague,
)
from tui.dates.tense import sentence_tense
from tui.dates.weekdays import rule_a_week_further
from tui.span import ResolveError, Span

# Memos of finished spans. A large event file repeats the same date words against
# the same publication date many times; most expressions never look at the
# sentence, and the others only at its tense, so the results can be shared.
_MEMO_LIMIT = 200_000


_memo_by_words: dict[tuple[str, date], Span] = {}


# expression → (the words as shown in explanations, the normalised words)
_memo_words: dict[str, tuple[str, str]] = {}


# normalised words → (words with prefixes stripped, approximate, index of the rule)
_memo_plans: dict[str, tuple[str, bool, int]] = {}


_memo_by_tense: dict[tuple[str, date, str | None, str | None, bool], Span] = {}


_tensed_words: set[tuple[str, date]] = set()


# (words, anchor) whose resolution never read the anchor ("in 2011", "June 17, 2021"):
# against any other anchor they mean the same, so a publication window need not
# resolve them once per day (`anchor_free`).
_anchor_free: set[tuple[str, date]] = set()


def clear_memos() -> None:
    """Forget every memoised resolution, plan, tense and day's name (for tests and benchmarks)."""
    for memo in (_memo_by_words, _memo_by_tense, _memo_words, _memo_plans, _DAYS_SHOWN):
        memo.clear()
    _tensed_words.clear()
    _anchor_free.clear()
    sentence_tense.cache_clear()
    _parse_partial.cache_clear()


def what_was_read(expression: str, anchor: date) -> str | None:
    """What of its sentence `expression` read against `anchor`, resolved just now.

    None: nothing; "tense": only its tense and cue word; "text": its words, or it
    is not known (the resolution failed or its memo was cleared since), so that
    a result built on it must not be shared.
    """
    key = (expression, anchor)
    if key in _memo_by_words:
        return None
    return "tense" if key in _tensed_words else "text"


def anchor_free(expression: str, anchor: date) -> bool:
    """True if `expression`, resolved against `anchor` just now, did not depend on it."""
    return (expression, anchor) in _anchor_free


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
    span, ctx, free = _resolve_uncached(expression, anchor, sentence)
    if len(_memo_by_words) + len(_memo_by_tense) > _MEMO_LIMIT:
        clear_memos()
    if free:
        _anchor_free.add(key)
    if ctx.used is None:
        _memo_by_words[key] = span
    elif ctx.used == "tense":
        _tensed_words.add(key)
        # The tense as read ("plan" too), as the look-up above reads it.
        _memo_by_tense[(expression, anchor, ctx.tense_read, ctx.cue, has_sentence)] = span
    return span


def _resolve_uncached(
    expression: str, anchor: date, sentence: str | None = None
) -> tuple[Span, _Context, bool]:
    """Resolve without the memo; also return the context, which says what was read,
    and whether the result is the same whatever the anchor."""
    if expression is None or not expression.strip():
        raise ResolveError("empty date expression: there is nothing to resolve")
    words = _memo_words.get(expression)
    if words is None:
        shown = _SPACES.sub(" ", expression.translate(_TRANSLATE)).strip().strip("\"'")
        words = _memo_words[expression] = (shown, _normalise(expression))
    shown, normalised = words
    ctx = _Context(anchor, sentence, expression, _resolve)
    try:
        result = _resolve(normalised, ctx)
    except (OverflowError, ValueError) as exc:
        if isinstance(exc, ResolveError):
            raise
        # date arithmetic left the calendar ("10000 years ago", "tomorrow" on 31 Dec 9999)
        raise ResolveError(
            f"{expression.strip()!r} against {anchor.isoformat()} falls outside the years 1 to 9999"
        ) from None
    period, rule, approximate = result
    if ctx.used is not None and ctx.plan_told_as_changed and _FIXED_DAYS.search(normalised):
        period, rule = _not_a_year_off(period, rule, anchor)
    free = _fmt_day(anchor) not in rule  # no rule step named the anchor
    if free:
        # Absolute dates need no anchor; say so, so every explanation names it.
        rule += f", whatever the publication date ({_fmt_day(anchor)})"
    if period.end < period.start:
        raise ResolveError(f'"{shown}" ends before it starts')
    explanation = f'"{shown}": {rule} → {_describe(period)}'
    if approximate:
        explanation += " (approximate)"
    span = Span(period.start, period.end, period.precision, approximate, period.timex, explanation)
    return span, ctx, free


_JUST_PASSED = timedelta(days=31)  # a review: "moved to November", told on 1 February
_FIXED_DAYS = re.compile(FIXED_DAYS, re.IGNORECASE)


def _not_a_year_off(period: _Period, rule: str, anchor: date) -> tuple[_Period, str]:
    """A plan told as changed ("The vote, originally scheduled for 3 May, was postponed",
    written on 20 May), or a deadline expected ("The report, expected by the end of
    July, will …", written on 5 August), whose future is a year on from the same days
    that passed in the month before the article: those. (Against each day of a
    publication window alike: no limit on how far ahead that splits a window.)"""
    if period.start <= anchor:
        return period, rule
    try:
        start, end = (d.replace(year=d.year - 1) for d in (period.start, period.end))
    except ValueError:  # 29 February
        return period, rule
    if not (end < anchor and anchor - end <= _JUST_PASSED):
        return period, rule
    year = str(period.start.year)
    timex = str(start.year) + period.timex[4:] if period.timex.startswith(year) else period.timex
    earlier = _Period(start, end, period.precision, timex)
    return earlier, f"{rule}; a plan is not a year off: the one just passed"


def _resolve(text: str, ctx: _Context) -> _Result:
    """Strip prefixes, then try each rule in turn."""
    if not text:
        raise ResolveError("empty date expression: there is nothing to resolve")
    plan = _memo_plans.get(text)
    if plan is not None:
        body, approximate, index = plan
        found = _RULES[index](body, ctx)
        if found is not None:
            return _Result(found.period, found.rule, found.approximate or approximate)
    words = text
    approximate = False
    text = AT_THE_LATEST.sub("", text)  # "friday at the latest": the day it is done by
    in_number = _IN_NUMBER_RE.fullmatch(text)
    # "from 1950 to 1953" / "between March and May": ranges keep their first word.
    if not in_number and not _RANGE_WORDS.match(text):
        for _ in range(3):
            stripped = _LEADING.sub("", text)
            approx = _APPROX.sub("", stripped)
            if approx != stripped:
                approximate = True
            if approx == text:
                break
            text = approx
    if text.endswith("'s") and text[-3:-2].isalpha():
        # "Saturday's talks", "last week's summit": the date words' own ("the 1990's" is
        # a decade, kept).
        text = text[:-2]
    if not _THIS_LAST.fullmatch(text):
        text = _TIME_OF_DAY.sub("", text)  # "Saturday night" is Saturday
    if text.startswith("the ") and not _KEEP_THE.match(text):
        # "the 1990s", "the third anniversary": the article adds nothing.
        # Kept for "the past week", "the last week" (rolling) and "the day before".
        text = text[4:]
    read_before = ctx.used
    for index, rule in enumerate(_RULES):
        read_by_others = ctx.used != read_before  # a rule before this one read the sentence
        found = rule(text, ctx)
        if found is not None:
            if not read_by_others:
                _memo_plans[words] = (text, approximate, index)
            return _Result(found.period, found.rule, found.approximate or approximate)
    whole = " ".join(ctx.expression.split())
    if is_reference(whole) or is_reference(text):  # also "over the following weekend"
        raise ResolveError(
            f"'{whole}' counts from another mention in the article, not from the publication "
            "date: its source names the event it counts from with relative_to",
            "add 'relative_to: <event id>' to this source, the id of the event whose date "
            "the words count from (an event quoting the same article before them)",
        )
    raise ResolveError(
        f"no date this resolver knows in '{whole}' (it reads a weekday, a month and day, "
        "a year or 'N days ago', among others)"
    )


_SPACES = re.compile(r"\s+")
_IN_NUMBER_RE = re.compile(_IN_NUMBER)
_RANGE_WORDS = re.compile(r"^(?:from|between)\s.+\s(?:to|and|until|till|through|thru)\s")
_THIS_LAST = re.compile(r"(?:this|last)\s+\w+")
_KEEP_THE = re.compile(
    r"the\s+(?:day|past|last|coming|next)\b"
    # "the following year", "the previous summer" are references (`is_reference`).
    r"|the\s+(?:following|previous)\s+"
    rf"(?:{REFERENCE_UNITS}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)$"
    r"|the\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day$"  # a reference: "by the Friday"
)


_RULES = (
    _rule_holiday,
    _rule_fiscal_year,
    _rule_two_digit_year,
    _rule_keywords,
    _rule_vague,
    _rule_earlier_later,
    _rule_modifier,
    _rule_part_of_month,
    _rule_months_to,
    _rule_nth_weekday,
    _rule_nth_weekend,
    rule_a_week_further,
    _rule_parts,
    _rule_relative,
    rule_ago,
    _rule_years_of,
    _rule_decade_century,
    _rule_calendar,
    _rule_weekday,
    _rule_bare_season,
    _rule_range,
)
