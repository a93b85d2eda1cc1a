"""A resolved date as the model holds it: `Span`, its precisions and relations.

The smallest piece of the model layer: `tui.model` and every view use it, and the
resolver (`tui.dates`) produces it. Plain Python, no imports beyond the
standard library.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

PRECISIONS: tuple[str, ...] = (
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
    "range",
)


class ResolveError(ValueError):
    """The expression cannot be resolved, or names a date that cannot exist.

    `hint`, when given, says what to write instead, better than the general advice.
    """

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


RELATIONS: tuple[str, ...] = ("on", "by", "as of", "since", "until", "from")
"""How an event relates to its span (see `Span.relation`)."""

PLACED_AT_END = frozenset(("by", "until"))
"""The relations whose event the timeline places at its span's end (`Span.placed_start`)."""


@dataclass(frozen=True, slots=True)
class Span:
    """A resolved date: inclusive days, precision, TIMEX3 value and an explanation.

    `relation` says what the article's words claim about the span:

    * ``on`` — it happened within [start, end];
    * ``by`` — it happened on or before `end`; the article does not say when it began;
    * ``as of`` — a state that held during [start, end], and may have held before and after;
    * ``since`` — it began within [start, end] and still held at the article's date;
    * ``until`` — it held up to `end`.

    `likely_start`/`likely_end` are the span resolved against the article's most
    likely publication day when the publication date is a window (else None): the
    point shown first, inside the honest hull [start, end]. `ahead` is true when,
    against every day of such a window, the words give days after that day ("next
    Wednesday"): what the article expects, though the hull begins inside the window;
    and when the sentence tells in the future tense of days that hold one the article
    may have been written ("will meet this week"): what it expects, though the hull
    begins before the article.
    """

    start: date
    end: date
    precision: str  # day, week, month, season, quarter, half, year, decade, century, range
    approximate: bool
    timex: str
    explanation: str
    relation: str = "on"
    likely_start: date | None = None
    likely_end: date | None = None
    ahead: bool = False

    def __reduce__(self) -> tuple[type[Span], tuple[object, ...]]:
        # Rebuild from positional fields: several times faster to unpickle than the
        # per-field state a frozen, slotted dataclass pickles by default.
        return (
            Span,
            (
                self.start,
                self.end,
                self.precision,
                self.approximate,
                self.timex,
                self.explanation,
                self.relation,
                self.likely_start,
                self.likely_end,
                self.ahead,
            ),
        )

    @property
    def placed_start(self) -> date:
        """Where the timeline places the event's start: its end for "by" and "until"."""
        return self.end if self.relation in PLACED_AT_END else self.start

    @property
    def placed_end(self) -> date:
        """Where the timeline places the event's end (the span's end for every relation)."""
        return self.end
