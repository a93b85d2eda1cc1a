"""Find the temporal expressions of a text and resolve each one (`timeline tag`).

The tagger reads plain text, finds every expression of time — dates, weekdays,
months, years, ranges, words relative to the publication date ("earlier this
month", "75 years ago", "recently"), durations ("three years", "three-day"),
sets ("every week") and references to another expression ("the same day", "a
week later"), with the patterns of `tui.dates.tagpatterns` — and resolves it with the
same rules as the loader (`tui.dates.anchoring`, `tui.dates.relative`), against the
anchor — a day, or every day of a publication window — and with the tense of its
sentence.

Extents follow TimeML (TIMEX3): the expression without a leading preposition
("Saturday" in "on Saturday"), with the modifiers that belong to it ("early this
week", "nearly five years").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from tui.dates.anchoring import Anchor, resolve_in_window
from tui.dates.doneguard import done_after_written
from tui.dates.lexicon import (
    IN_GMT_BEFORE,
    SOME_DAY_GOES_ON,
    TOLD_OF_AFTER,
    _parse_number,
    is_reference,
    reads_by_tense,
)
from tui.dates.limits import refuse_a_last_time, refuse_an_earliest_limit
from tui.dates.quoted import refuse_words_of_a_dated_saying
from tui.dates.relations import from_date_words, from_words_before, latest_after, moved_until
from tui.dates.relative import date_relative
from tui.dates.sentences import sentence_bounds, sentence_of
from tui.dates.tagguess import guess_target
from tui.dates.tagpatterns import (
    _CLOCK_UNIT,
    _NUMBER,
    _STRETCH,
    _TIME_OF_DAY,
    _UNIT,
    _WEEKDAYS,
    compiled_patterns,
)
from tui.dates.tagranges import joined_ranges
from tui.dates.tense import sentence_tense
from tui.dates.yearguard import no_year_here, refuse_in_another_year
from tui.span import ResolveError, Span

_NOT_TIME = re.compile(r"now\s+that\b", re.IGNORECASE)
# "now" after a modal is "as things stand" ("will now be played next Tuesday").
_MODAL_BEFORE = re.compile(  # "may" in lower case only: "May" is the month
    r"\b(?:(?i:will|would|shall|should|can|could|must|might)|may)\s+$|'ll\s+$"
)
# A reference ending "after"/"before" that a noun phrase follows names what it counts
# from ("a day after a public hearing"); "the day after that" still refers back.
_COUNTS_FROM = re.compile(r"\b(?:after|before)$", re.IGNORECASE)
_NAMED_ANCHOR = re.compile(
    r"\s+(?!(?:that|this|it|then|in|at|on|with|for|from|to|by|during|yesterday|tomorrow|"
    r"today|last|next|and|or|but|when|while|as)\b)([A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,3})",
    re.IGNORECASE,
)
# "three years after it closed": a clause, a pronoun and its verb, names what the
# words count from ("the day after it", "two days after that he resigned", "a week
# after this we learned more" still refer back).
_NAMED_CLAUSE = re.compile(
    r"\s+((?:it|he|she|they|we|I)\s+(?:[a-z]+ed|was|were|had|has|have|is|are|did|"
    r"closed|opened|met|left|came|went|took|began|won|lost|said|ended|fell|rose)\b"
    r"(?:\s+[\w'’-]+){0,2})"
)
_UNIT_CODES = {"day": "D", "week": "W", "fortnight": "W", "month": "M", "year": "Y",
               "decade": "DE", "century": "CE"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Tag:
    """One expression found: where, what kind, and what it resolves to (if anything)."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    timex: str | None
    span: Span | None
    reason: str  # the explanation, or why it could not be resolved
    reference: bool = False  # counts from another mention: its date (if any) a guess

    def as_json(self) -> dict[str, object]:
        """The `timeline tag --format json` object."""
        span = self.span
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "timex": self.timex,
            "type": self.type,
            "span_start": span.start.isoformat() if span else None,
            "span_end": span.end.isoformat() if span else None,
            "precision": span.precision if span else None,
            "approximate": span.approximate if span else None,
            "relation": span.relation if span else None,
            "explanation": self.reason,
        }


_RATE = re.compile(r"an?\s+(?:day|week|month|year)\b", re.IGNORECASE)  # "a day": per day
# "90,000 vehicles", "300 cars": a count of things ("On March 14 he arrived" is none).
_COUNTED_BEFORE = re.compile(r"\d[\d,.]*(?:\s+[a-z][\w-]*)?\s+[a-z][\w-]*s\s+$")
_TOLD_OF = re.compile(TOLD_OF_AFTER, re.IGNORECASE)
_SOME_WEEKDAY = re.compile(r"\b(?:a|an|one)\s+$", re.IGNORECASE)
_SOME_GOES_ON = re.compile(SOME_DAY_GOES_ON, re.IGNORECASE)
_WEEKDAY_ALONE = re.compile(rf"(?-i:{_WEEKDAYS}){_TIME_OF_DAY}")
# A byline's "By" at the start of a line, and a surname after the words ("By June Okafor").
_BYLINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*By[ \t]+$")
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+)*[ \t]*(?:\n|$|,|\band\b)")


def find_expressions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, type) of every expression, in text order, without overlaps.

    At each place the longest match wins; a leading preposition is never part of it.
    """
    found: list[tuple[int, int, str]] = []
    for kind, pattern in compiled_patterns():
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
                continue  # inside a word or a compound ("mid-term" is not "term")
            if end < len(text) and text[end].isalnum():
                continue
            if _NOT_TIME.match(text, start) or (
                    text[start:end].lower() == "now" and _MODAL_BEFORE.search(
                        text, max(0, start - 8), start)):
                continue  # "now that", "will now be played": no time of the article's
            if end - start == 4 and no_year_here(text, start, end):
                continue  # "Route 2020", "at 1600 GMT": a number, not a year
            if (_SOME_WEEKDAY.search(text, max(0, start - 4), start)
                    and _WEEKDAY_ALONE.fullmatch(text, start, end)
                    and (_TOLD_OF.match(text, end) or _SOME_GOES_ON.match(text, end))):
                continue  # "on a Sunday in early March": some Sunday ("a Sunday statement" is one)
            if _BYLINE_BEFORE.search(text, max(0, start - 8), start) and _NAME_AFTER.match(
                    text, end):
                continue  # "By June Okafor": a byline, the month a first name
            if (IN_GMT_BEFORE.search(text, max(0, start - 16), start)
                    and _WEEKDAY_ALONE.fullmatch(text, start, end)):
                continue  # "(2210 GMT Tuesday)": the local time's moment, in GMT
            if _RATE.match(text, start) and _COUNTED_BEFORE.search(text, max(0, start - 40), start):
                continue  # "90,000 vehicles a day before it closed": a rate, no reference
            found.append((start, end, kind))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    chosen: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        if chosen and start < chosen[-1][1]:
            continue  # overlaps a longer or earlier one
        chosen.append((start, end, kind))
    return chosen


def _duration_value(words: str) -> str | None:
    """P6Y for "six years", P3D for "three-day"; None when the number cannot be read."""
    clock = re.search(rf"({_NUMBER})[-\s]+({_CLOCK_UNIT})$", words, re.IGNORECASE)
    if clock is not None:  # TIMEX3 writes times of day after a T: "PT4H", "PT11M"
        try:
            n, vague = _parse_number(clock.group(1).lower().replace("-", " "))
        except ResolveError:
            return None
        return f"PT{'X' if vague else n}{clock.group(2)[0].upper()}"
    m = re.search(rf"({_NUMBER})[-\s]+({_UNIT})", words, re.IGNORECASE)
    if not m:
        bare = re.search(rf"\b({_UNIT})$", words, re.IGNORECASE)  # "years": how many, unsaid
        if bare is None:
            return None
        unit = bare.group(1).lower()
        return f"PX{_UNIT_CODES['century' if unit.startswith('centur') else unit.rstrip('s')]}"
    try:
        n, vague = _parse_number(m.group(1).lower().replace("-", " "))
    except ResolveError:
        return None
    unit = "century" if m.group(2).lower().startswith("centur") else m.group(2).lower().rstrip("s")
    if unit == "fortnight":  # two weeks: TimeML has no unit of its own for it
        n *= 2
    return f"P{'X' if vague else n}{_UNIT_CODES[unit]}"


# "later in the month": the article's month, as the loader reads it ("said earlier in the
# week"), or the story's, as "later that month" is; told as done after the article, the
# story's, and left for the curator (`relative_to`).
_IN_THE_STORY = re.compile(r"(?:earlier|later)\s+in\s+the\s+", re.IGNORECASE)


def tag_text(text: str, anchor: date | Anchor) -> list[Tag]:
    """Every expression of `text` resolved against `anchor`, in text order.

    A publication window (an `Anchor` of several days) gives what the loader gives
    for the same words: the hull of the spans against each of its days.
    """
    if not isinstance(anchor, Anchor):
        anchor = Anchor.day(anchor)
    bounds = sentence_bounds(text)
    tags: list[Tag] = []
    for start, end, kind in find_expressions(text):
        if kind == _STRETCH:
            continue
        words = text[start:end]
        s_start, s_end = sentence_of(bounds, start)
        sentence = text[s_start:s_end]
        following = text[end:s_end]
        tag = _resolve(words, start, end, kind, sentence, anchor, tags, following)
        if tag.span is not None:
            try:  # "In 2019, they met in the spring": not the spring nearest the article
                refuse_in_another_year(words, sentence, tag.span)
                refuse_words_of_a_dated_saying(words, sentence)  # '"… yesterday," she said Friday'
                # "as early as next week": not when, only how early it may come
                refuse_an_earliest_limit(words, (sentence, start - s_start, end - s_start))
                # "their lowest level since 2019": only that it had not happened since
                refuse_a_last_time(words, (sentence, start - s_start, end - s_start))
            except ResolveError as exc:  # the loader's own message, as for any refusal
                reason = f"{exc}; {exc.hint}" if exc.hint else str(exc)
                tag = replace(tag, timex=None, span=None, reason=reason)
        if tag.span is not None and _IN_THE_STORY.match(words) and (
            doubt := done_after_written(tag.span, anchor.latest, sentence, words, counted=False)
        ):  # "Later in the month, the party split": most likely a month of the story
            tag = replace(tag, timex=None, span=None, reason=doubt)
        if tag.span is not None and from_date_words(words).cue == "present":
            # "now" resolves to the article's date, as of which the state held.
            tag = replace(tag, span=replace(tag.span, relation="as of"))
        if tag.span is not None:
            # "since 2019", "by 2030": the preposition outside the extent gives the relation.
            relation = None if moved_until(text[max(s_start, start - 60) : start]) else (
                from_words_before(text[max(s_start, start - 60) : start], words, following)
                or latest_after(following)  # "on Friday at the latest": by Friday
            )  # "postponed again until Friday": the day moved to, as the loader reads it
            if relation is not None and relation.relation != tag.span.relation:
                tag = replace(tag, span=replace(tag.span, relation=relation.relation))
        tags.append(tag)

    def resolve_range(words: str, start: int, end: int, before: list[Tag]) -> Tag:
        s_start, s_end = sentence_of(bounds, start)
        return _resolve(words, start, end, "DATE", text[s_start:s_end], anchor, before,
                        text[end:s_end])  # fmt: skip

    return joined_ranges(text, tags, bounds, resolve_range)


def _resolve(
    words: str,
    start: int,
    end: int,
    kind: str,
    sentence: str,
    anchor: Anchor,
    before: list[Tag],
    following: str = "",
) -> Tag:
    """`words` (at `start`–`end` of the text, in `sentence`, followed there by
    `following`) resolved: against the anchor, or, for a reference, against the
    nearest date `before` it."""
    if kind == "SET":
        return Tag(start, end, words, kind, None, None, "a set of times: no single span")
    if kind == "DURATION":
        value = _duration_value(words)
        try:  # "in six years" also names the span it covers
            span = resolve_in_window(words, anchor, sentence)
        except ResolveError:
            return Tag(start, end, words, kind, value, None, "a length of time: no span of its own")
        return Tag(start, end, words, kind, value, span, span.explanation)
    if reads_by_tense(words):
        try:  # "will meet the next week": the week from the article on
            span = resolve_in_window(words, anchor, sentence)
            return Tag(start, end, words, kind, span.timex, span, span.explanation)
        except ResolveError:
            pass  # told of the past: it counts from another mention, read below
    if is_reference(words):
        named = None
        if _COUNTS_FROM.search(words):
            named = _NAMED_ANCHOR.match(following) or _NAMED_CLAUSE.match(following)
        if named is not None:
            # "a day after a public hearing": it counts from the hearing, not a date.
            rest = following[named.end():].lstrip()
            more = " …" if rest[:1].isalnum() else ""  # the words go on past those shown
            return Tag(
                start, end, words, kind, None, None,
                f'counts from what follows it ("{named.group(1)}{more}"), not from a date: '
                "an event takes that with relative_to", reference=True,
            )  # fmt: skip
        past = sentence_tense(sentence, words)[0] == "past"  # not counted from what is to come
        target, basis = guess_target(words, before, anchor.latest if past else None)
        if target is None or target.span is None:
            return Tag(start, end, words, kind, None, None,
                       "refers to an earlier date; none before it is a likely one",
                       reference=True)  # fmt: skip
        try:
            # The nearest date before it: the tagger has no `relative_to` to follow,
            # so its reading is a guess, marked approximate and said to be one.
            span = date_relative(
                words,
                target.span,
                target.text,
                f"{basis}: a guess, since the words do not say which mention they mean",
            )
        except ResolveError as exc:
            return Tag(start, end, words, kind, None, None, str(exc), reference=True)
        span = replace(span, approximate=True)
        return Tag(start, end, words, kind, span.timex, span, span.explanation, reference=True)
    try:
        span = resolve_in_window(words, anchor, sentence)
    except ResolveError as exc:
        return Tag(start, end, words, kind, None, None, str(exc))
    return Tag(start, end, words, kind, span.timex, span, span.explanation)
