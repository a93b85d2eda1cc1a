"""Which earlier mention the tagger guesses a reference counts from.

The tagger has no `relative_to` to follow: "three weeks later" is read against a
date before it in the article, a guess it marks as one. Not any date: one no
longer than the reference's unit could count from ("the same day" is no day of
"2026", nor of "earlier this month"), and not a state's ("as of June", "since
March" mark a stretch, not an act on a day). When a nearer mention is passed over,
the explanation names it and says why.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Protocol, TypeVar

from tui.dates.lexicon import REFERENCE_UNITS
from tui.span import Span

# Of the date before a reference, the longest span (in days) the tagger guesses it
# counts from, by the reference's unit: a day of a week ("the next day" after "last
# week") is fair; of a month or a year, a guess says more than the words. A week
# counts from a season or a quarter too ("as early as the spring of 2018 … three
# weeks later"), not from a year.
_LONGEST_TARGET = {"day": 7, "week": 93, "weekend": 93, "month": 366, "quarter": 366,
                   "half": 366, "spring": 366, "summer": 366, "autumn": 366, "fall": 366,
                   "winter": 366}  # fmt: skip
_REFERENCE_UNIT = re.compile(rf"\b({REFERENCE_UNITS})s?\b|\b(?:mon|tues|wednes|thurs|fri|"
                             r"satur|sun)day\b", re.IGNORECASE)
_DATES_AN_ACT = frozenset(("on", "by", "until", "from"))  # "until", "from": an act ends, begins


class Mention(Protocol):
    """A tagged expression, as the tagger's `Tag` is."""

    @property
    def text(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def span(self) -> Span | None: ...


_M = TypeVar("_M", bound=Mention)


def guess_target(
    words: str, before: Sequence[_M], past_by: date | None = None
) -> tuple[_M | None, str]:
    """The mention of `before` (in text order) that the reference `words` is guessed
    to count from, or None; and how the explanation names it. `past_by`, when the
    reference's sentence tells of the past, is the last day the article may have been
    written: a mention that begins after it ("next week") is no past's ("The previous
    day, the authority had warned …" counted from next week was after the article)."""
    unit = unit_of_reference(words)
    longest = None if unit is None else _LONGEST_TARGET.get(unit)
    dates = [t for t in reversed(before) if t.span is not None and t.type == "DATE"]
    target = next(
        (t for t in dates if t.span is not None and t.span.relation in _DATES_AN_ACT
         and (longest is None or (t.span.end - t.span.start).days < longest)
         and (past_by is None or t.span.start <= past_by)),
        None,
    )  # fmt: skip
    nearer = dates[0] if dates else None
    if target is None or nearer is None or nearer is target or nearer.span is None:
        return target, "the nearest date before it in the article"
    if nearer.span.relation not in _DATES_AN_ACT:
        why = "marks a state"
    elif longest is not None and (nearer.span.end - nearer.span.start).days >= longest:
        why = f"is longer than {unit}s count from"
    else:
        why = "is after the article, and the words tell of the past"
    return target, (f'the nearest date before it in the article that it can count from '
                    f'("{nearer.text}", nearer, {why})')  # fmt: skip


def unit_of_reference(words: str) -> str | None:
    """The unit a reference counts in ("a week later": week); None for "then"."""
    found = _REFERENCE_UNIT.search(words)
    if found is None:
        return None
    return (found.group(1) or "day").lower()
