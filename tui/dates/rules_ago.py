"""'N units ago', 'N units from now', 'in N units': a point (or stretch) counted from the
publication date, at the unit's precision; a vague count ("a few weeks ago") is every
unit it may mean."""

from __future__ import annotations

import re
from datetime import date

from tui.dates.explain import _anchor_text
from tui.dates.grammar import _IN_NUMBER, LazyPattern, _Context, _normalise, _Result
from tui.dates.lexicon import _NUMBER_RE, _UNIT_RE, PLAN_VERBS, _parse_number
from tui.dates.periods import (
    _day,
    _month,
    _Period,
    _rolling,
    _step,
    _stretch_back,
    _unit,
    _week,
    _year,
)
from tui.words import counted

_AGO_RE = LazyPattern(
    # "in a year's time", "in two weeks' time": "in" is stripped as a leading word.
    _NUMBER_RE
    + r"\s+"
    + _UNIT_RE
    + r"(?:'s|')?\s+(ago|before now|earlier than now|from now|from today|hence|time)"
    + r"(\s+today)?"  # "a year ago today"
)
_LATER_THAN_NOW = ("from now", "from today", "hence", "time")
# Words that make "in N units" a stretch back to the last time: a first, a record, a
# gap, a change over the stretch ("the first visit in six years", "the lowest in five
# years", "its steepest fall in two weeks", "no rain in weeks", "up 5% in two weeks").
# A superlative is a word in -est after "the", "its" and the like ("the protest", "its
# interest" are none).
_A_RECORD = LazyPattern(
    r"\b(?:first|last|only|ever|record|since|no|not|never|without|most|least|fewest|best|"
    r"worst)\b|n't\b"
    # Superlatives of the words news writes them with, wherever they stand ("Japan's
    # hottest day", "Growth is slowest").
    r"|\b(?:high|low|bigg|larg|small|long|short|strong|weak|fast|slow|deadli|hott|cold|"
    r"wett|dri|warm|heavi|busi|great|clos|wid|steep|sharp|cheap|deep|tough|earli|bloodi|"
    r"costli|hard|dark|bright|quick|poor|rich|safe|wealthi|calm|mild|sever|low)est\b"
    # Any other word in -est after "the", "its", "Japan's" and the like, but nouns.
    r"|(?:\b(?:the|its|their|his|her|our|a|an)|['’]s)\s+(?:[a-z]+\s+)?"
    r"(?!(?:inter|prot|requ|arr|w|for|hon|mod|sugg|inv|harv|gu|qu|ch|n|v|unr|inqu|"
    r"manif|dig|conqu|earn|att|det|beh|z|p|cr|f|j|l|r|t|cont|b|lat|midw|budap|pri|ever|"
    r"buchar|northw|southw|tempest|ingest|dev)est\b)[a-z]+est\b"
    r"|\b(?:up|down|rose|fell|rise|fall|rises|falls|gained|lost)\s+(?:by\s+)?[\d.,]+\s*"
    r"(?:%|per\s*cent|percent|points?)"
)
# "The last ferry leaves in two weeks", "No ferry sails in two weeks": the word names
# the subject, and a verb of a plan after it ("leaves") is what "in two weeks" dates,
# so nothing counts back. At least one word stands between ("the first start in two
# weeks", "the first open day" are records); the verb stands before "in N units".
_PLAN_AFTER_RECORD = LazyPattern(r"(?:\s+[\w'’-]+){1,4}?\s+" + PLAN_VERBS)
# After a negation the verb may come at once: "The bridge does not reopen in two weeks".
_PLAN_AFTER_NOT = LazyPattern(r"(?:\s+[\w'’-]+){0,4}?\s+" + PLAN_VERBS)
_NEGATION = frozenset(("no", "not", "never", "without", "n't"))
# Where a clause begins: a record word before it is another clause's ("The plant, the
# largest in the region, reopens in six months").
_CLAUSE_OPENS = LazyPattern(r".*[,;:(—–]")
_IN_NUMBER_RE = LazyPattern(_IN_NUMBER)
_COUNT_UNIT_RE = LazyPattern(_NUMBER_RE + r"\s+" + _UNIT_RE)


def _counting_back(sentence: str, words: str) -> tuple[re.Match[str] | None, str]:
    """The word before `words` ("in two weeks") in their clause of `sentence` (both
    normalised) that makes them count back (`_A_RECORD`: "the first rain in two weeks"),
    or None; and, when there is none, why a record word there does not count
    ("\"last\" goes with the subject of \"leaves\"", `_PLAN_AFTER_RECORD`), else ""."""
    at = sentence.find(words)
    if at < 0:
        at = len(sentence)
    opens = _CLAUSE_OPENS.match(sentence, 0, at)
    skipped = ""
    for record in _A_RECORD.finditer(sentence, opens.end() if opens else 0, at):
        word = record.group(0).split()[-1]
        negation = word in _NEGATION
        verb_after = _PLAN_AFTER_NOT if negation else _PLAN_AFTER_RECORD
        plan = verb_after.match(sentence, record.end(), at)
        if plan is None:
            return record, ""
        skipped = skipped or (f'"{word}" negates "{plan.group(1)}"' if negation
                              else f'"{word}" goes with the subject of "{plan.group(1)}"')
    return None, skipped


def rule_ago(text: str, ctx: _Context) -> _Result | None:
    """'N units ago', 'N units from now', 'in N units'."""
    a = ctx.anchor
    m = _AGO_RE.fullmatch(text)
    in_m = _IN_NUMBER_RE.fullmatch(text)
    # The sentence is consulted last: a result that reads it cannot be memoised.
    if not m and not in_m and _COUNT_UNIT_RE.fullmatch(text) and ctx.sentence:
        # "six years" in "first visit to China in six years": read as "in six years".
        pattern = (
            r"\bin\s+(?:(?:nearly|almost|about|around|over|more than)\s+)?"
            + re.escape(text)
            + r"\b"
        )
        if re.search(pattern, _normalise(ctx.sentence)):
            in_m = _IN_NUMBER_RE.fullmatch("in " + text)
    if in_m:
        n, vague = _parse_number(in_m.group(2))
        unit = _unit(in_m.group(3))
        vague = vague or bool(in_m.group(1))
        ahead = "future tense: " if ctx.tense == "future" else None
        # "The course starts in two weeks, the college said": the saying's past only.
        said = ctx.said_in_the_past
        record = None
        skipped = ""
        if (ctx.tense is None or said) and ctx.has_sentence and ctx.sentence is not None:
            record, skipped = _counting_back(_normalise(ctx.sentence), _normalise(text))
        if (ctx.tense is None or said) and ctx.has_sentence and record is None:
            # "The plant reopens in six months": a present that names a time to come;
            # "the lowest in five years", "the first visit in six years" count back.
            tense = f'no tense but the saying\'s ("{ctx.cue}")' if said else "no tense"
            nothing = (f"{skipped}, not a stretch to count back" if skipped else
                       'nothing to count back to ("the first … in", "the lowest in", "up 5% in")')
            ahead = f"{tense}, and {nothing}: "
        if ahead is not None:
            stretch = _vague_stretch(a, in_m.group(2), unit, 1, ahead)
            if stretch is not None:
                return stretch
            return _ago_point(
                _step(a, unit, n),
                unit,
                vague,
                f"{ahead}{counted(n, unit)} after {_anchor_text(a)}",
            )
        start, end = _stretch_back(a, unit, n)
        rule = f'"in {counted(n, unit)}" as the last {counted(n, unit)} up to {_anchor_text(a)}'
        if record is not None:  # no tense said so: the word that counts back
            said_words = record.group(0).split()
            cue = said_words[-1] if said_words[-1].endswith("est") else " ".join(said_words)
            rule = f'"{cue}" counts back: {rule}'
        elif ctx.tense == "past" and not said:
            rule = f'past tense ("{ctx.cue}"): {rule}'
        elif not ctx.has_sentence:  # a guess: the sentence would say which way it looks
            rule = f"no sentence to read, so a guess: {rule}"
        qualifier = in_m.group(1)
        whole = unit not in ("day", "week", "fortnight")  # shown as the units it runs over
        first = f"the first of these {unit}s" if whole else "the first of these days"
        if qualifier in ("nearly", "almost"):
            later = f"later, within the {unit}s shown" if whole else f"after {first}"
            rule += f' ("{qualifier}": a little less than that, so the stretch began {later})'
        elif qualifier in ("over", "more than"):
            rule += (f' ("{qualifier}": a little more than that, so the stretch may have begun '
                     f"before {first}, which the span does not show)")
        elif qualifier:
            rule += f' ("{qualifier}": about that long)'
        period = _rolling(start, end)
        if whole:
            # "first visit in six years" counts whole years, rounded: the gap is about
            # that long, and began some time in the year six years back, not on its day
            # (Kim's visit "in six years" of September 2025 followed one of January 2019).
            period = _whole_units(start, end, unit)
            rule += (f", a count of whole {unit}s, rounded: no day of its start is known, "
                     f"only the {unit}s it runs over")
            vague = True
        if not ctx.has_sentence:
            rule += ('; in a sentence with no tense and nothing to count back to ("talks '
                     'resume in two weeks") it would look ahead')
        return _Result(period, rule, vague)
    if not m:
        return None
    n, vague = _parse_number(m.group(1))
    unit = _unit(m.group(2))
    sign = 1 if m.group(3) in _LATER_THAN_NOW else -1
    stretch = _vague_stretch(a, m.group(1), unit, sign)
    if stretch is not None:
        return stretch
    d = _step(a, unit, sign * n)
    where = "after" if sign > 0 else "before"
    if m.group(4) or m.group(3) == "from today":  # "a year ago today": that very day
        return _Result(_day(d), f"{counted(n, unit)} {where} {_anchor_text(a)}, to the day", vague)
    return _ago_point(d, unit, vague, f"{counted(n, unit)} {where} {_anchor_text(a)}")


def _whole_units(start: date, end: date, unit: str) -> _Period:
    """The months (years) from the one `start` falls in to the one `end` falls in: a
    stretch counted in months or longer units, at the precision of its unit."""
    if unit == "month":
        first, last = _month(start.year, start.month), _month(end.year, end.month)
        return _Period(first.start, last.end, "range", f"{first.timex}/{last.timex}")
    first, last = _year(start.year), _year(end.year)  # years, decades, centuries
    return _Period(first.start, last.end, "range", f"{first.timex}/{last.timex}")


# How many units a vague count may mean: "a few weeks ago" is two to four weeks back.
_VAGUE_COUNTS = {"a few": (2, 4), "few": (2, 4), "several": (3, 7)}


def _vague_stretch(a: date, count: str, unit: str, sign: int, how: str = "") -> _Result | None:
    """ "a few weeks ago", "in several days": every unit the count may mean, as one range.

    One unit ("the week three weeks back") would be more precise than the words.
    None when `count` is not a vague count.
    """
    bounds = _VAGUE_COUNTS.get(" ".join(count.split()))
    if bounds is None:
        return None
    low, high = bounds
    near = _ago_point(_step(a, unit, sign * low), unit, True, "").period
    far = _ago_point(_step(a, unit, sign * high), unit, True, "").period
    first, last = (far, near) if sign < 0 else (near, far)
    where = "before" if sign < 0 else "after"
    rule = f'{how}"{count}" taken as {low} to {counted(high, unit)} {where} {_anchor_text(a)}'
    return _Result(_rolling(first.start, last.end), rule, True)


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
