"""Find the temporal expressions of a text and resolve each one (`timeline tag`).

The tagger reads plain text, finds every expression of time — dates, weekdays,
months, years, ranges, words relative to the publication date ("earlier this
month", "75 years ago", "recently"), durations ("three years", "three-day"),
sets ("every week") and references to another expression ("the same day", "a
week later") — and resolves it with the same rules as the loader
(`tui.dates.anchoring`, `tui.dates.relative`), against the anchor — a day, or
every day of a publication window — and with the tense of its sentence.

Extents follow TimeML (TIMEX3): the expression without a leading preposition
("Saturday" in "on Saturday"), with the modifiers that belong to it ("early this
week", "nearly five years"). The patterns are built from the lexicon the
resolver uses, so the two agree on what a month, a weekday or a number is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from itertools import pairwise

from tui.dates.anchoring import Anchor, resolve_in_window
from tui.dates.lexicon import (
    _NUMBER_RE,
    _ORDINAL_RE,
    FURTHER,
    IN_GMT_BEFORE,
    MONTH_NAMES,
    THAN_PLANNED,
    TOLD_OF_AFTER,
    _parse_number,
    is_reference,
    reads_by_tense,
)
from tui.dates.relations import from_date_words, from_words_before, moved_until
from tui.dates.relative import date_relative
from tui.dates.rules_holidays import HOLIDAY_NAMES, HOLIDAY_STRETCH
from tui.dates.sentences import sentence_bounds, sentence_of
from tui.dates.tagguess import guess_target
from tui.dates.tagranges import joined_ranges
from tui.dates.yearguard import no_year_here, refuse_in_another_year
from tui.span import ResolveError, Span

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_MONTHS_NOT_MAY = _MONTHS.replace("May|", "")
_MONTHS_IN_A_ROW = "|".join(
    rf"{first}\s+and\s+{second}" for first, second in pairwise(MONTH_NAMES[1:])
)
# Beside a day's number a month may be shortened without a full stop ("Oct 1", "7 Sept
# 2023"), as agencies and British style write it; alone, "Jan" or "Mar" may be a name.
_MONTHS_BY_A_DAY = (
    _MONTHS[:-1] + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?=[ \t\n]))"
)
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_NUMBER = re.sub(r"\((?!\?)", "(?:", _NUMBER_RE)
_ORDINAL = re.sub(r"\((?!\?)", "(?:", _ORDINAL_RE)
_UNIT = r"(?:days?|weeks?|fortnights?|months?|years?|decades?|centuries|century)"
# A length of time may be shorter than a day ("nearly four hours"): never a date here.
_CLOCK_UNIT = r"(?:hours?|minutes?)"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_APPROX = r"(?:(?:nearly|almost|about|around|roughly|some|more than|less than|over|at least)\s+)"
_MOD = r"(?:(?:early|mid|late|the (?:beginning|middle|end) of)[\s-]+)"
_DASH = r"\s*[-–]\s*"
_PART_ORDINAL = r"first|second|third|fourth|final|last|1st|2nd|3rd|4th"
# A month as a part of it names it: "May", "May 2024", "March, 2024", "last month"; never
# a possessive ("May's election").
_MONTH_WORDS = (
    rf"(?:(?-i:{_MONTHS})(?:,?\s+(?:of\s+)?{_YEAR})?|(?:this|last|next)\s+month)"
    r"(?![A-Za-z'’])"
)

# Names that are common words in lower case ("a spring festival of music") are a holiday's
# only as a name, capitalised.
_AS_A_NAME = {"spring festival": r"(?-i:Spring\s+Festival)"}
_HOLIDAYS = "|".join(
    _AS_A_NAME.get(n, re.escape(n).replace("'", "['’]"))
    for n in sorted(HOLIDAY_NAMES, key=len, reverse=True)
)
_HOLIDAY_STRETCH = HOLIDAY_STRETCH.pattern
_STRETCH = "STRETCH"  # found, so that nothing inside it is, then left out (`tag_text`)
_TIME_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
# The words after which "the spring" (or a bare season) names the period: "in the
# spring", "until the spring", "by summer" (each look-behind of one width, as `re` needs).
_SEASON_AFTER = r"(?:(?<=\b(?:in|at|by)\s)|(?<=\buntil\s)|(?<=\bsince\s)|(?<=\bbefore\s))"
# Where a word stands after one of these (each look-behind of one width, as `re` needs).
_AFTER_A_PREPOSITION = "(?:" + "|".join(
    rf"(?<=\b{word}\s)" for word in ("in", "during", "over", "by", "until", "since", "through",
                                     "throughout")
) + ")"
_RELATIVE_UNIT = rf"(?:week|month|year|decade|quarter|{_SEASON}|weekend)"
_DEICTIC = r"(?:recently|lately|nowadays|currently|now|today|yesterday|tomorrow|tonight|soon)"
_SAME = r"(?:that|the\s+same|the\s+next|the\s+following|the\s+previous)"
# After a bare season or "the weekend": the clause ends, or goes on with a word
# that is no noun of theirs.
_CLAUSE_GOES_ON = (
    r"(?=\s*[.,;:!?)\"”’]|\s*$|\s+(?:and|but|or|when|while|as|after|before|to|for|with|in|"
    r"on|at|by|from|that|which|because|if|so|then|they|he|she|it|we|I)\b)"
)
_SET = (
    rf"(?:every|each)\s+(?:(?:other|{_NUMBER})\s+)?(?:day|week|month|year|decade)s?\b"
    # "every Friday and Saturday": recurring days, no one of them.
    rf"|(?:every|each)\s+(?-i:{_WEEKDAYS}){_TIME_OF_DAY}"
    rf"(?:(?:\s*,\s*|\s+(?:and|or)\s+)(?-i:{_WEEKDAYS}){_TIME_OF_DAY})*\b"
    r"|\b(?-i:daily|weekly|monthly|annually|yearly)\b"
)

# (type, pattern), case-insensitive except inside (?-i:...), so "may" the modal is
# not the month. At each place the longest match wins (`find_expressions`).
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("DATE", rf"{_YEAR}(?:{_DASH}|/)(?:{_YEAR}|\d\d)\b"),  # "2024-25", "the 2019/20 budget"
    ("DATE", rf"(?-i:{_MONTHS_BY_A_DAY})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}\b"),
    ("DATE", rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?-i:{_MONTHS_BY_A_DAY}),?\s+{_YEAR}\b"),
    ("DATE", r"\d{4}-\d{2}-\d{2}\b"),
    ("DATE",
     rf"{_APPROX}?(?-i:{_MONTHS_BY_A_DAY})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:{_DASH}\d{{1,2}})?\b"),
    ("DATE", rf"{_APPROX}?\d{{1,2}}(?:st|nd|rd|th)?\s+(?-i:{_MONTHS_BY_A_DAY})(?![A-Za-z])"),
    # "February and March 2024": two months in a row, the year both months' (not
    # "January and June 2024", two dates).
    ("DATE", rf"(?-i:{_MONTHS_IN_A_ROW}),?\s+{_YEAR}\b"),
    # "April 2024", "April last year", "March of next year"; not "in April last year's
    # losses", the year's.
    ("DATE", rf"{_MOD}?(?-i:{_MONTHS})\s+(?:of\s+)?(?:{_YEAR}|(?:this|last|next)\s+year)\b"
             r"(?!['’]s)"),
    # "the winter of 2013-14": a winter named by both its years.
    ("DATE", rf"{_MOD}?(?:the\s+)?{_SEASON}\s+(?:of\s+)?{_YEAR}(?:[-–/]\d\d(?:\d\d)?)?\b"),
    ("DATE", rf"{_MOD}?(?-i:{_MONTHS_NOT_MAY})\b"),
    ("DATE", r"(?-i:May)(?=\s+(?:\d|of\b|this\b|last\b|next\b))"),
    ("DATE", rf"{_MOD}(?-i:May)\b|(?<=\bin\s)(?-i:May)\b"),  # never the modal there
    ("DATE", rf"{_MOD}(?:the|this|last|next)\s+(?:year|month|week)\b"),
    (
        "DATE",
        # "the following Monday" counts from another mention: a reference, kept whole.
        rf"(?:(?:last|next|this|coming|past|the\s+(?:following|previous|preceding|prior))\s+)?"
        rf"(?-i:{_WEEKDAYS}){_TIME_OF_DAY}"
        r"(?:\s+of\s+(?:next|last|this|the\s+following|the\s+previous)\s+week"
        r"|(?<=day)\s+week)?\b",  # "Thursday week": a week on from the coming Thursday
    ),
    # "The Friday before the vote", "the weekend after": the last such day before what it
    # names (the first after), a reference kept whole; not "over the weekend after talks
    # collapsed", the weekend just gone, "after" a conjunction.
    ("DATE", rf"the\s+(?-i:{_WEEKDAYS}){_TIME_OF_DAY}\s+(?:before|after)\b"
             r"|(?<!\bover\s)(?<!\bduring\s)(?<!\bat\s)the\s+weekend\s+(?:before|after)\b"),
    # "the Friday before last", "the week after next": a week further than last Friday,
    # next week (longer than the reference above, so it wins where both match).
    ("DATE", rf"(?:the\s+)?(?:(?-i:{_WEEKDAYS}){_TIME_OF_DAY}|week|weekend){FURTHER}"),
    # "By the Friday, the water …": a Friday the story tells of, a reference, kept whole.
    ("DATE", rf"the\s+(?-i:{_WEEKDAYS}){_TIME_OF_DAY}(?={TOLD_OF_AFTER})"),
    # "over the weekend", "in the autumn": the article names the period it means
    # (not "in the spring water", "the winter months": a noun follows there).
    ("DATE", rf"{_SEASON_AFTER}the\s+(?:weekend|{_SEASON})\b{_CLAUSE_GOES_ON}"),
    # "until spring", "in summer": a bare season after such a word ("fall" is a verb too).
    ("DATE", rf"{_SEASON_AFTER}(?:spring|summer|autumn|winter)\b{_CLAUSE_GOES_ON}"),
    # "by the end of the summer", "in late spring", "mid-winter": a part of a season, before
    # the clause goes on (not "an early spring", "the late summer sun"; "fall" is a verb
    # too), in lower case but a sentence's "The" (a title is not: "Late Summer", a film).
    ("DATE", r"(?<!\ban\s)(?<!\ba\s)(?-i:early|mid|late|[Tt]he\s+(?:beginning|start|middle|end)"
             r"\s+of)[\s-]+(?-i:(?:the\s+)?(?:spring|summer|autumn|winter))\b"
             rf"{_CLAUSE_GOES_ON}"),
    (
        "DATE",
        rf"(?:(?<=\bover\s)the\s+weekend|(?<=\bduring\s)the\s+(?:weekend|{_SEASON}))\b"
        rf"{_CLAUSE_GOES_ON}",
    ),
    ("DATE", rf"{_MOD}?(?:the\s+)?(?:1[6-9]\d0s|20\d0s|'\d0s)\b"),
    ("DATE", rf"{_MOD}?{_YEAR}\b(?![-–]\d)"),  # "the 1931 span": "the" is the noun's
    (
        "DATE",
        # "nearly three years ago": the date, not the length "nearly three years".
        rf"{_APPROX}?{_NUMBER}\s+{_UNIT}\s+"
        rf"(?:ago(?:\s+today)?|earlier|before now|from (?:now|today)|hence)\b(?!{THAN_PLANNED})",
    ),
    ("DATE", rf"(?<=\bin\s){_NUMBER}\s+{_UNIT}(?:['’]s|['’])?\s+time\b"),  # "a year's time"
    ("DATE", r"(?:earlier|later)\s+(?:this|that|the same)\s+(?:week|month|year)\b"),
    (
        "DATE",
        # "the next week": whole, read by the tense (a stretch from the article, or told
        # of the past a reference); "the next summer", "the next weekend": references.
        rf"{_MOD}?(?:this|last|next|the\s+(?:past|coming|following|previous|same|next))"
        rf"\s+{_RELATIVE_UNIT}\b",
    ),
    # "that week", "that spring": references, kept whole, but not before a year ("that
    # summer of 2019"); a season only after a preposition or opening a sentence, before a
    # clause goes on ("Shares that fall sharply", "warned that winter heating costs").
    ("DATE", r"that\s+(?:week|month|year|weekend)\b(?!\s+(?:of\s+)?\d{4})"),
    ("DATE", rf"(?:{_AFTER_A_PREPOSITION}that|(?-i:That))\s+{_SEASON}\b"
             rf"(?!\s+(?:of\s+)?\d{{4}})(?={TOLD_OF_AFTER})"),
    ("DATE", r"(?:recent|the\s+past\s+few|the\s+coming)\s+(?:days|weeks|months|years)\b"),
    ("DATE", rf"the\s+(?:past|last|next|coming)\s+{_NUMBER}\s+{_UNIT}\b"),
    ("DATE", rf"\b{_DEICTIC}\b"),
    ("DATE", rf"\b{_SAME}\s+day\b"),
    ("DATE", r"the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)\b"),  # not references
    ("DATE", r"the\s+day\s+(?:before|after)\b"),
    # Not "for two days later this month": a stretch, then the date ("later this month");
    # "signed two days later this week" still counts from another mention.
    ("DATE", rf"(?:(?<!\bfor\s)|(?!{_NUMBER}\s+{_UNIT}\s+later\s+(?:this|that|the\s+same)\s+"
             rf"(?:week|month|year)\b)){_NUMBER}\s+{_UNIT}\s+(?:later|afterwards|after|before)"
             rf"\b(?!\s+\w+ed\b|{THAN_PLANNED})"),  # "seven weeks later than planned"
    ("DATE", rf"the\s+{_ORDINAL}\s+anniversary\b"),
    # "the third quarter of 2023", "the second half of this year", "Q3 2024": with
    # their year only. Alone, "the third quarter" is a match's as often as a year's
    # (a game's, a race's), and "Q3" or "H2" a model's or a fuel's.
    (
        "DATE",
        rf"(?:the\s+)?(?:first|second|third|fourth|final)\s+quarter\s+of\s+"
        rf"(?:{_YEAR}|(?:this|last|next|the)\s+year)\b"
        rf"|(?:the\s+)?(?:first|second)\s+half\s+of\s+(?:{_YEAR}|(?:this|last|next|the)\s+year)\b"
        rf"|\b(?-i:Q[1-4]|H[12])\s+{_YEAR}\b(?!\s+model)",
    ),
    # "the first week of April", "the last week of May 2024", "the second half of March",
    # "the last Saturday in March", "the first weekend of May": a part of a month, whole
    # (not "last week" of "the last week of May", nor "last Saturday" of "the last
    # Saturday in March"); with "the" only, and no possessive after ("spoke last week
    # of May's election").
    (
        "DATE",
        rf"the\s+(?:{_PART_ORDINAL})\s+week\s+(?:of|in)\s+(?:{_MONTH_WORDS}|{_YEAR})"
        rf"|the\s+(?:first|second|1st|2nd)\s+half\s+of\s+{_MONTH_WORDS}"
        rf"|the\s+(?:{_PART_ORDINAL}|fifth|5th)\s+(?-i:{_WEEKDAYS})\s+(?:in|of)\s+{_MONTH_WORDS}"
        rf"|the\s+(?:{_PART_ORDINAL})\s+weekend\s+(?:in|of)\s+{_MONTH_WORDS}"
        # "the year to March", "the three months to June": the months up to its end.
        # Not "from the start of the year to March" (January on), nor "the year ended March
        # 31, 2023" (a day: the date is tagged).
        r"|(?<!\bof\s)(?<!\bearly\sin\s)(?<!\blate\sin\s)"
        r"the\s+(?:year|quarter|(?:twelve|12|nine|9|six|6|three|3)\s+months)\s+"
        rf"(?:to|through|ending|ended)\s+(?:(?:the\s+)?end\s+of\s+)?{_MONTH_WORDS}(?!\s+\d)",
    ),
    # Not "the Lunar New Year holiday", "the Spring Festival Gala": days of their own,
    # taken whole (`_STRETCH`) so that no shorter name ("Easter" of "Easter Monday
    # holiday") nor a weekday ("Monday") is found in them.
    (_STRETCH, rf"(?>{_HOLIDAYS})(?:\s+(?:of\s+)?{_YEAR})?{_HOLIDAY_STRETCH}"),
    ("DATE", rf"(?>{_HOLIDAYS})(?:\s+(?:of\s+)?{_YEAR})?\b"),
    ("DATE", r"(?:fiscal(?:\s+year)?\s+|FY\s*)(?:\d{4}|'?\d{2})\b"),
    ("DATE", r"'\d\d\b"),
    ("DATE", r"(?<=since\s)then\b"),
    ("SET", _SET),
    ("DURATION", rf"{_APPROX}?{_NUMBER}[-\s]+(?:{_UNIT}|{_CLOCK_UNIT})\b"),
    # A bare plural is an unspecified length: "in years", "over the years", "weeks after".
    (
        "DURATION",
        r"(?:(?<=\bin\s)|(?<=\bfor\s)|(?<=\bover\s))(?:the\s+)?(?:days|weeks|months|years|decades)\b",
    ),
    ("DURATION", r"(?<=\bwithin\s)(?:the\s+)?(?:days|weeks|months|years|decades)\b"),
    ("DURATION", r"\b(?:days|weeks|months|years)(?=\s+(?:after|later|before|earlier)\b)"),
)


@cache
def _compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The patterns, compiled on first use (not at import: the explorer starts faster)."""
    return tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _PATTERNS)

# Words that are never expressions of time however they match ("may" the modal is
# handled by case above; "now" in "now that" is a conjunction).
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
_WEEKDAY_ALONE = re.compile(rf"(?-i:{_WEEKDAYS}){_TIME_OF_DAY}")
# A byline's "By" at the start of a line, and a surname after the words ("By June Okafor").
_BYLINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*By[ \t]+$")
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+)*[ \t]*(?:\n|$|,|\band\b)")


def find_expressions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, type) of every expression, in text order, without overlaps.

    At each place the longest match wins; a leading preposition is never part of it.
    """
    found: list[tuple[int, int, str]] = []
    for kind, pattern in _compiled():
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
                    and _WEEKDAY_ALONE.fullmatch(text, start, end) and _TOLD_OF.match(text, end)):
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
            except ResolveError as exc:  # the loader's own message, as for any refusal
                reason = f"{exc}; {exc.hint}" if exc.hint else str(exc)
                tag = replace(tag, timex=None, span=None, reason=reason)
        if tag.span is not None and from_date_words(words).cue == "present":
            # "now" resolves to the article's date, as of which the state held.
            tag = replace(tag, span=replace(tag.span, relation="as of"))
        if tag.span is not None:
            # "since 2019", "by 2030": the preposition outside the extent gives the relation.
            relation = None if moved_until(text[max(s_start, start - 60) : start]) else (
                from_words_before(text[max(s_start, start - 60) : start], words, following)
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
        target, basis = guess_target(words, before)
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
