"""Resolve date words against an anchor: the rules in order, memoised."""

from __future__ import annotations

import re
from datetime import date

from tui.dates.explain import _describe, _fmt_day
from tui.dates.grammar import (
    _APPROX,
    _IN_NUMBER,
    _LEADING,
    _TIME_OF_DAY,
    _Context,
    _normalise,
    _Result,
)
from tui.dates.rules_calendar import (
    _rule_bare_season,
    _rule_calendar,
    _rule_decade_century,
    _rule_range,
    _rule_weekday,
)
from tui.dates.rules_holidays import _rule_fiscal_year, _rule_holiday, _rule_two_digit_year
from tui.dates.rules_relative import (
    _rule_ago,
    _rule_earlier_later,
    _rule_keywords,
    _rule_modifier,
    _rule_parts,
    _rule_relative,
    _rule_vague,
    _rule_years_of,
)
from tui.dates.tense import _TRANSLATE, sentence_tense
from tui.span import ResolveError, Span

# Memos of finished spans. A large event file repeats the same date words against
# the same publication date many times; most expressions never look at the
# sentence, and the others only at its tense, so the results can be shared.
_MEMO_LIMIT = 200_000


_memo_by_words: dict[tuple[str, date], Span] = {}


_memo_by_tense: dict[tuple[str, date, str | None, str | None, bool], Span] = {}


_tensed_words: set[tuple[str, date]] = set()


# (words, anchor) whose resolution never read the anchor ("in 2011", "June 17, 2021"):
# against any other anchor they mean the same, so a publication window need not
# resolve them once per day (`anchor_free`).
_anchor_free: set[tuple[str, date]] = set()


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
        _memo_by_words.clear()
        _memo_by_tense.clear()
        _tensed_words.clear()
        _anchor_free.clear()
    if free:
        _anchor_free.add(key)
    if ctx.used is None:
        _memo_by_words[key] = span
    elif ctx.used == "tense":
        _tensed_words.add(key)
        _memo_by_tense[(expression, anchor, ctx.tense, ctx.cue, has_sentence)] = span
    return span


def _resolve_uncached(
    expression: str, anchor: date, sentence: str | None = None
) -> tuple[Span, _Context, bool]:
    """Resolve without the memo; also return the context, which says what was read,
    and whether the result is the same whatever the anchor."""
    if expression is None or not expression.strip():
        raise ResolveError("empty date expression: there is nothing to resolve")
    shown = re.sub(r"\s+", " ", expression.translate(_TRANSLATE)).strip().strip("\"'")
    ctx = _Context(anchor, sentence, expression, _resolve)
    try:
        result = _resolve(_normalise(expression), ctx)
    except (OverflowError, ValueError) as exc:
        if isinstance(exc, ResolveError):
            raise
        # date arithmetic left the calendar ("10000 years ago", "tomorrow" on 31 Dec 9999)
        raise ResolveError(
            f"{expression.strip()!r} against {anchor.isoformat()} falls outside the years 1 to 9999"
        ) from None
    period, rule, approximate = result
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


_RULES = (
    _rule_holiday,
    _rule_fiscal_year,
    _rule_two_digit_year,
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
