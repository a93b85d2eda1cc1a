"""Date a source: its words resolved against its article's publication date or window.

`tui.dates.resolution` turns date words and one anchor day into a `Span`. This module adds
what a source needs beyond that:

* **Publication windows.** An inferred publication date is a window (earliest,
  latest, most likely day). Words are resolved against every day of the window and
  the result is their hull, so the span covers every day the words could mean;
  the resolution against the most likely day is kept as the point shown first.
* **Relations** (`tui.relations`): "by", "as of", "since", "until", "from" as well as "on".
* **Dating by publication.** A report with no date words ("has confirmed the
  visit", "is leading a delegation") is dated by the publication date: *by* it for
  a completed act, *as of* it for a state or something under way.

References to another mention ("The same day") are `tui.dates.relative`.

Plain Python, no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from tui.dates.explain import describe_span, format_day, window_words
from tui.dates.inparts import (
    refuse_end_of_a_stretch,
    refuse_part_of_a_month_or_year,
    refuse_the_unit_of_a_part,
)
from tui.dates.inquote import (
    InQuote,
    begins_from,
    place_in_quote,
    refuse_a_denied_relation,
    refuse_part_of_a_reference,
    refuse_some_weekday,
    refuse_words_that_do_not_date,
    relation_in_quote,
)
from tui.dates.limits import refuse_a_last_time, refuse_an_earliest_limit
from tui.dates.quoted import refuse_words_of_a_dated_saying
from tui.dates.relations import (
    DEFAULT_RELATION,
    Relation,
    from_date_words,
    from_verb,
    moved_until,
    since_a_last_time,
    since_ended,
)
from tui.dates.resolution import anchor_free, clear_memos, resolve_span, what_was_read
from tui.dates.tense import may_be_future, sentence_tense
from tui.dates.yearguard import refuse_a_number_that_is_no_year, refuse_in_another_year
from tui.span import ResolveError, Span

WINDOW_DAYS_RESOLVED = 62
"""Windows up to this many days are resolved against every day; longer ones against
their two ends and the most likely day (the rules are monotonic in the anchor, so
the hull is the same for the windows this product meets)."""

_PUBLICATION_WORDS = ", the publication date"


@dataclass(frozen=True, slots=True)
class Anchor:
    """An article's publication date: one day, or a window with its most likely day."""

    likely: date
    earliest: date
    latest: date
    conventional: bool = False  # the likely day is a convention, not evidence

    @classmethod
    def day(cls, day: date) -> Anchor:
        """A stated publication date: a window of one day."""
        return cls(day, day, day)

    @property
    def is_window(self) -> bool:
        """True when the publication date is known only to a range of days."""
        return self.earliest != self.latest

    def days(self) -> list[date]:
        """The days words are resolved against (see `WINDOW_DAYS_RESOLVED`)."""
        length = (self.latest - self.earliest).days + 1
        if length <= WINDOW_DAYS_RESOLVED:
            return [self.earliest + timedelta(days=n) for n in range(length)]
        return sorted({self.earliest, self.likely, self.latest})

    def describe(self) -> str:
        """'Thu 11 Apr 2024', or '13–19 Apr 2024, most likely Mon 15 Apr 2024'."""
        if not self.is_window:
            return format_day(self.likely)
        return f"{window_words(self.earliest, self.latest)}, {self.likely_words()}"

    def likely_words(self) -> str:
        """'most likely Mon 15 Apr 2024', or 'shown first: Mon 15 Apr 2024 (a convention)'."""
        if self.conventional:
            return f"shown first: {format_day(self.likely)} (a convention, not evidence)"
        return f"most likely {format_day(self.likely)}"


# Windows resolved, memoised as `resolve_span` memoises days: by words and window,
# and by tense and cue word too when a day's resolution read them.
_memo_windows: dict[tuple[str, Anchor], Span] = {}
_memo_windows_by_tense: dict[tuple[str, Anchor, str | None, str | None, bool], Span] = {}
_tensed_windows: set[tuple[str, Anchor]] = set()


def clear_window_memos() -> None:
    """Forget every memoised window and day (for tests and benchmarks)."""
    _memo_windows.clear()
    _memo_windows_by_tense.clear()
    _tensed_windows.clear()
    clear_memos()


def resolve_in_window(expression: str, anchor: Anchor, sentence: str | None = None) -> Span:
    """Resolve `expression` against every day `anchor` allows; the hull of the results.

    A day against which the words name no date is ruled out by them and left out
    of the hull. Raises ResolveError as `resolve_span` does against the most
    likely day: words that contradict it are a problem in the data.
    """
    if not anchor.is_window:
        return resolve_span(expression, anchor.likely, sentence)
    key = (expression, anchor)
    span = _memo_windows.get(key)
    if span is not None:
        return span
    has_sentence = bool(sentence and sentence.strip())
    if key in _tensed_windows:
        tense, cue = sentence_tense(sentence, expression)
        span = _memo_windows_by_tense.get((expression, anchor, tense, cue, has_sentence))
        if span is not None:
            return span
    span, days = _resolve_window(expression, anchor, sentence)
    reads = {what_was_read(expression, day) for day in days}
    if len(_memo_windows) + len(_memo_windows_by_tense) > 100_000:
        clear_window_memos()
    if reads == {None}:
        _memo_windows[key] = span
    elif "text" not in reads:
        tense, cue = sentence_tense(sentence, expression)
        _tensed_windows.add(key)
        _memo_windows_by_tense[(expression, anchor, tense, cue, has_sentence)] = span
    return span


def _resolve_window(
    expression: str, anchor: Anchor, sentence: str | None
) -> tuple[Span, list[date]]:
    """`resolve_in_window` unmemoised; also the days whose resolution it used."""
    likely = resolve_span(expression, anchor.likely, sentence)
    window = window_words(anchor.earliest, anchor.latest)
    if anchor_free(expression, anchor.likely):  # "in 2011": the same on every day
        where = f"every day of the publication window, {window}"
        return _everywhere(likely, likely.explanation, where), [anchor.likely]
    likely_text = likely.explanation.replace(
        _PUBLICATION_WORDS,
        ", the day of the window shown first (a convention, not evidence)"
        if anchor.conventional
        else ", the most likely publication date",
    )
    # The window's first and last days are `days()`'s ends: the whole list (up to
    # 62 days) is built only when the ends disagree.
    ends = [anchor.earliest, anchor.latest]
    if _same_at_both_ends(expression, sentence, ends, likely):
        where = f"every day of the publication window, {window}"
        return _everywhere(likely, likely_text, where), [anchor.likely, *ends]
    days = anchor.days()
    resolved: list[tuple[date, Span]] = []
    ruled_out: list[date] = []
    for day in days:
        try:
            resolved.append((day, resolve_span(expression, day, sentence)))
        except ResolveError:
            # Words such as "earlier this week" name no day against a Monday: the
            # article cannot have been published on a day its own words rule out.
            ruled_out.append(day)
    spans = [span for _, span in resolved]
    start = min(s.start for s in spans)
    end = max(s.end for s in spans)
    # After whichever day it was written: what the article expects ("next Wednesday").
    ahead = all(span.start > day for day, span in resolved)
    excluded = ""
    if ruled_out:
        named = ", ".join(format_day(d) for d in ruled_out)
        excluded = f" (the words name no day against {named}, which they rule out)"
    if (start, end) == (likely.start, likely.end):
        if all((s.start, s.end) == (start, end) for s in spans):
            every = "every day" if not ruled_out else "every other day"
            where = f"{every} of the publication window, {window}{excluded}"
            return _everywhere(likely, likely_text, where), [anchor.likely, *days]
        # "later this month" against the window's first day holds what every other day
        # gives: that span, as a range, but not "the same" against each.
        (other_day, other), *_ = [(d, s) for d, s in resolved if (s.start, s.end) != (start, end)]
        explanation = (
            f"{likely_text}; against the other days of the publication window, "
            f"{window}{excluded}, the words give days within it (against "
            f"{format_day(other_day)} they give {describe_span(other)}), so the date is "
            f"{describe_span(likely)} (approximate)"
        )
        hull = Span(start, end, "range", True, f"{start.isoformat()}/{end.isoformat()}", "")
        span = replace(hull, relation=likely.relation, explanation=explanation,
                       likely_start=likely.start, likely_end=likely.end, ahead=ahead)  # fmt: skip
        return span, [anchor.likely, *days]
    (first_day, first), (last_day, last) = resolved[0], resolved[-1]
    hull = Span(start, end, "range", True, f"{start.isoformat()}/{end.isoformat()}", "")
    explanation = (
        f"{likely_text}; but the article was published some day in {window}{excluded}: "
        f"against {format_day(first_day)} the words give {describe_span(first)}, against "
        f"{format_day(last_day)} they give {describe_span(last)}, so the date is "
        f"{describe_span(hull)} (approximate)"
    )
    span = replace(hull, explanation=explanation, likely_start=likely.start,
                   likely_end=likely.end, ahead=ahead)  # fmt: skip
    return span, [anchor.likely, *days]


def _everywhere(likely: Span, explanation: str, where: str) -> Span:
    """The likely day's span, said to hold against `where` (days of the window)."""
    return replace(
        likely,
        explanation=f"{explanation}; the same against {where}",
        likely_start=likely.start,
        likely_end=likely.end,
    )


def _same_at_both_ends(
    expression: str, sentence: str | None, days: list[date], likely: Span
) -> bool:
    """True when the window's first and last days give the likely day's span.

    Every rule moves its result forward (or not at all) as the anchor moves
    forward, so the days between give it too: no need to resolve each of them.
    """
    try:
        first = resolve_span(expression, days[0], sentence)
        last = resolve_span(expression, days[-1], sentence)
    except ResolveError:
        return False
    return (first.start, first.end) == (last.start, last.end) == (likely.start, likely.end)


def with_relation(span: Span, relation: Relation, *, stated: bool) -> Span:
    """`span` with `relation` applied and explained.

    The span stays the period the words name: "since 2019" is 2019, the year the
    state began; that it still held at the article's date is the relation's claim.
    """
    if relation.relation == "on" and not stated and relation.cue != "words":
        return span  # no word said otherwise: "on" needs no reason
    why = "stated in the data, which the words allow" if stated else relation.reason
    return replace(
        span,
        relation=relation.relation,
        explanation=f"{span.explanation}; {relation.relation}: {why}",
    )


def date_from_words(
    date_text: str, sentence: str | None, anchor: Anchor, stated: str | None = None
) -> Span:
    """Date words of a source, resolved against its article's anchor, with a relation.

    `stated` is a relation the data gives; the caller checks it against the words
    first (`tui.relations.check_stated`).
    """
    around = place_in_quote(date_text, sentence) if sentence else None
    if around is not None:
        refuse_part_of_a_reference(around)
        refuse_words_that_do_not_date(date_text, around)
        refuse_a_number_that_is_no_year(around)
        refuse_some_weekday(around)
        refuse_part_of_a_month_or_year(around)
        refuse_end_of_a_stretch(around)
        refuse_the_unit_of_a_part(around)
        refuse_words_of_a_dated_saying(date_text, sentence)
    refuse_an_earliest_limit(date_text, around)  # "as early as next week": not when
    refuse_a_last_time(date_text, around)  # "their lowest level since 2019": not when
    derived = from_date_words(date_text)
    if derived.relation == "from" and (around is None or not begins_from(around)):
        derived = DEFAULT_RELATION  # "Prices fell from last year": compared, not begun
    elif derived.relation == "until" and around is not None and moved_until(
        around[0][max(0, around[1] - 60) : around[1]] + date_text.split()[0] + " "
    ):
        derived = DEFAULT_RELATION  # "adjourned until Friday": the day it moved to
    if around is not None and derived.relation in ("by", "since"):
        refuse_a_denied_relation(date_text, around)
    span = resolve_in_window(date_text, anchor, sentence)
    refuse_in_another_year(date_text, sentence, span)
    span = _told_as_to_come(span, date_text, sentence, anchor, derived.relation, around)
    if stated is not None:
        return with_relation(span, derived._replace(relation=stated), stated=True)
    if derived.cue == "default" and around is not None:
        derived = relation_in_quote(around) or derived
    elif derived.relation == "since" and around is not None:
        derived = _ended(around) or derived  # "closed since March 9, reopened on Monday"
    return with_relation(span, derived, stated=False)


def _told_as_to_come(
    span: Span,
    date_text: str,
    sentence: str | None,
    anchor: Anchor,
    relation: str,
    around: InQuote | None,
) -> Span:
    """`span`, said to look ahead (`Span.ahead`) when it holds a day the article may
    have been written and the sentence tells of it in the future tense: "is due to
    face questions on Thursday", written on a Thursday (or in a week that holds it),
    "will meet this week" or "will begin laying off staff by the end of the month",
    written within them, are what the article expects, not what it reports done.

    Not a state's beginning ("in force since March, will be lifted"): its words
    name when the state began, not what is to come. Days that began before the
    article need the future before the words (`around`, where they stand in the
    sentence): in "The storm that struck this week will be followed by another" or
    "After talks this week, the two sides will meet", the future is another act's.
    """
    if span.ahead or relation not in ("on", "by", "until"):
        return span
    if span.end < anchor.earliest or span.start > anchor.latest:
        return span  # over before it was written, or after it: the hull says which
    told = sentence
    if span.start < anchor.earliest:
        # Up to the end of the words, with a modal or "will" in it (not a timetable's
        # present, "talks resume this week"): most sentences need no tense worked out.
        if around is None or not may_be_future(told := around[0][: around[2]]):
            return span
    if sentence_tense(told, date_text)[0] not in ("future", "plan"):
        return span
    return replace(span, ahead=True)


def _ended(around: tuple[str, int, int]) -> Relation | None:
    """"from" when the quote says that the state begun at date words headed by "since"
    ended just after them (`since_ended`); "on" when they name the last time before
    ("the first … since 2011, when …": `since_a_last_time`)."""
    quote, at, end = around
    before = f"{quote[max(0, at - 80):at]}since "
    return since_ended(before, quote[end:]) or since_a_last_time(before, quote[end:])


def publication_relation(words: str) -> Relation:
    """The relation of a report dated by publication; ResolveError if the words have none."""
    derived = from_verb(words)
    if derived is None:
        shown = " ".join(words.split())
        raise ResolveError(
            f'"{shown}" has no present or present-perfect verb form to date by the publication date'
        )
    return derived


def date_by_publication(words: str, anchor: Anchor, stated: str | None = None) -> Span:
    """A report with no date words of its own, dated by the article's publication date.

    A completed act ("has confirmed") happened *by* the latest publication day; a
    state or an act under way ("is leading", "has been forging") held *as of* the
    publication date (every day of its window). Raises ResolveError when the words
    show neither.
    """
    derived = publication_relation(words)
    relation = stated or derived.relation
    why = "stated in the data, which the words allow" if stated else derived.reason
    shown = " ".join(words.split())
    if relation == "by":
        day = anchor.latest
        where = (
            f"the latest day the article can have been published ({anchor.describe()})"
            if anchor.is_window
            else "the publication date"
        )
        return Span(
            day,
            day,
            "day",
            False,
            day.isoformat(),
            f'"{shown}": {why} → by {format_day(day)}, {where}',
            "by",
            anchor.likely if anchor.is_window else None,
            anchor.likely if anchor.is_window else None,
        )
    if not anchor.is_window:
        day = anchor.likely
        return Span(
            day,
            day,
            "day",
            False,
            day.isoformat(),
            f'"{shown}": {why} → {relation} {format_day(day)}, the publication date',
            relation,
        )
    first, last = anchor.earliest, anchor.latest
    return Span(
        first,
        last,
        "range",
        True,
        f"{first.isoformat()}/{last.isoformat()}",
        f'"{shown}": {why} → {relation} the publication date, some day in '
        f"{window_words(first, last)} ({anchor.likely_words()})",
        relation,
        anchor.likely,
        anchor.likely,
    )
