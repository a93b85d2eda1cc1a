"""The tagger's patterns (`tui.dates.tagger`): what it finds as an expression of time,
in the order tried, each with its TimeML type — a readable resource, as HeidelTime keeps
its patterns apart from the code that applies them.

The patterns are built from the lexicon the resolver uses (`tui.dates.lexicon`), so
the two agree on what a month, a weekday or a number is. Plain Python, no I/O.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from tui.dates.lexicon import (
    _NUMBER_RE,
    _ORDINAL_RE,
    FURTHER,
    MONTH_NAMES,
    THAN_PLANNED,
    TOLD_OF_AFTER,
)
from tui.dates.rules_holidays import HOLIDAY_NAMES, HOLIDAY_STRETCH

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
# A number's digits are read from the first of a run: tried from each digit of a long
# run ("a 20,000-digit line"), the patterns took time growing with the square of its
# length, for matches starting inside a number, which are never taken.
_NUMBER = re.sub(r"\((?!\?)", "(?:", _NUMBER_RE).replace(r"\d+", r"(?<!\d)\d+", 1)
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
    ("DATE", r"(?:earlier|later)\s+(?:this|that|the same|in the)\s+(?:week|month|year)\b"),
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
    # Not "soon" of "as soon as", a conjunction ("as soon as possible", "as soon as it
    # receives the letter"): no time of its own.
    ("DATE", rf"\b{_DEICTIC}\b(?!(?<=\bas\ssoon)\s+as\b)"),
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
def compiled_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The patterns, compiled on first use (not at import: the explorer starts faster)."""
    return tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _PATTERNS)

# Words that are never expressions of time however they match ("may" the modal is
# handled by case above; "now" in "now that" is a conjunction).
