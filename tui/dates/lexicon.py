"""The words of dates: month, weekday, season and number words, and their patterns."""

from __future__ import annotations

import re

from tui.span import ResolveError

_DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


_MONTH_ABBR = (
    "",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


MONTH_NAMES = (  # English month names, 1-based (index 0 is empty)
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# Month words as news writes them: full, three-letter and "Sept", with or without a dot.
_MONTH_RE = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)


_WEEKDAY_RE = (
    r"(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?"
    r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?"
)


_FULL_WEEKDAY_RE = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"


_ORD_SUFFIX = r"(?:st|nd|rd|th)?"


_SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip


_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip


_SMALL_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}  # fmt: skip


_TENS_ORDINALS = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}  # fmt: skip


# Longest alternatives first so "twenty-five" is not read as "twenty".
_NUMBER_RE = (
    r"(\d+|a\s+few|a\s+couple(?:\s+of)?|couple\s+of|several|few|a\s+dozen|dozen"
    r"|a\s+hundred|one\s+hundred|hundred"
    r"|(?:" + "|".join(_TENS) + r")(?:[-\s](?:" + "|".join(list(_SMALL_NUMBERS)[1:10]) + r"))?"
    r"|" + "|".join(sorted(_SMALL_NUMBERS, key=len, reverse=True)) + r"|an|a)"
)


_ORDINAL_RE = (
    r"(\d+(?:st|nd|rd|th)|hundredth|one\s+hundredth"
    r"|(?:" + "|".join(_TENS) + r")[-\s](?:" + "|".join(list(_SMALL_ORDINALS)[:9]) + r")"
    r"|" + "|".join(sorted([*_SMALL_ORDINALS, *_TENS_ORDINALS], key=len, reverse=True)) + r")"
)


_UNIT_RE = r"(days?|weeks?|fortnights?|months?|years?|decades?|centuries|century)"


_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}


_SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


_SEASON_RE = r"(spring|summer|autumn|fall|winter)"


_DECADE_WORDS = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
    "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip


def _month_number(word: str) -> int:
    """Month number of a month word matched by `_MONTH_RE`."""
    return [m.lower()[:3] for m in MONTH_NAMES[1:]].index(word.rstrip(".")[:3]) + 1


def _weekday_number(word: str) -> int:
    """Weekday number (Monday = 0) of a weekday word."""
    return [d[:3] for d in _DAY_NAMES].index(word.rstrip(".")[:3])


def _parse_number(text: str) -> tuple[int, bool]:
    """Value of a number word or digits, and whether it is vague ("a few")."""
    t = re.sub(r"\s+", " ", text.strip())
    if t.isdigit():
        return int(t), False
    if t in ("a few", "few", "several"):
        return 3, True  # "a few" / "several": three, and approximate
    if t in ("a couple", "a couple of", "couple of"):
        return 2, True
    if t in ("a dozen", "dozen"):
        return 12, False
    if t in ("a hundred", "one hundred", "hundred"):
        return 100, False
    if t in ("a", "an"):
        return 1, False
    if t in _SMALL_NUMBERS:
        return _SMALL_NUMBERS[t], False
    parts = re.split(r"[-\s]", t)
    if parts[0] in _TENS:
        return _TENS[parts[0]] + (_SMALL_NUMBERS[parts[1]] if len(parts) > 1 else 0), False
    raise ResolveError(f"cannot read the number {text!r}")


def _parse_ordinal(text: str) -> int:
    """Value of an ordinal such as 'third', '60th' or 'seventy-fifth'."""
    t = re.sub(r"\s+", " ", text.strip())
    if t[0].isdigit():
        return int(re.sub(r"\D", "", t))
    if t in ("hundredth", "one hundredth"):
        return 100
    if t in _SMALL_ORDINALS:
        return _SMALL_ORDINALS[t]
    if t in _TENS_ORDINALS:
        return _TENS_ORDINALS[t]
    tens, unit = re.split(r"[-\s]", t)
    return _TENS[tens] + _SMALL_ORDINALS[unit]


# "the Friday before last", "the week after next": a week further than "last Friday",
# "next week" (not "the Friday before last year's summit", "before last-minute talks").
# Not where "last" or "next" goes with what follows: a name ("last Tuesday's vote",
# "last November", "next Christmas"), a possessive, a unit ("last year's summit").
FURTHER = (
    r"\s+(?:before\s+last|after\s+next)\b(?!['’-]|\s+(?:week|weekend|month|year|time|"
    r"season|summer|winter|spring|autumn|fall|night|minute|round|game|match)\b"
    r"|\s+(?-i:[A-Z])|\s+[\w-]+['’]s\b)"
)
# Verbs of a plan in the present, which look ahead however the sentence is told: "The
# last ferry leaves in two weeks", "officials announced the talks resume on Thursday".
PLAN_VERBS = (
    r"(leaves?|departs?|arrives?|opens|reopens?|closes|starts?|begins?|resumes?|ends|"
    r"launch(?:es)?|returns?|sails?|flies|runs|comes|expires?|finish(?:es)?|restarts?|"
    r"reconvenes?|convenes?|takes? effect|takes? place|kicks? off|goes|go|gets? under way|"
    r"is|are|falls?)\b"
)
# Of those, the ones that tell a timetable in the present tense: "the hearing resumes
# on Friday", "the new rules take effect on Friday" are what is to come. Not those a
# headline, a caption or a market report says of the past ("Wall Street closes at a
# record high on Monday", "Siege ends after 12 hours", "the store opens on Monday",
# "Trial begins on Monday"), nor a bare form that is mostly a noun.
SCHEDULE_VERBS = (
    r"(resumes?|reopens?|reconvenes?|convenes?|expires?|takes? effect|takes? place|"
    r"kicks? off|gets? under way)\b"
)
FIXED_DAYS = (
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:spring|summer|autumn|"
    r"fall|winter)\b"
)
"""Date words of days that are the same every year (a month, a day of one, a season), not
a holiday that moves ("Easter") nor a weekday: a year earlier, the same words' days."""
THAN_PLANNED = (
    r"\s+than\s+(?:\w+ly\s+)?(?:planned|expected|scheduled|usual|normal|forecast|hoped|"
    r"promised|anticipated|intended|first|before|last\s+year)\b"
)
"""After "N weeks later" or "two days earlier": a comparison with a plan ("seven weeks
later than planned"), not a date ("two weeks later than the Senate" counts from its vote)."""
PAST_PLAN = (  # not "is initially scheduled for December": the first step of a plan
    r"(?<!\bis\s)(?<!\bare\s)(?<!\bam\s)\b(?:originally|initially|previously)\s+(?:been\s+)?"
    r"(?:scheduled|planned|slated)\b"
)
"""A plan told as changed ("originally scheduled for 3 May"): its day is to come, unless
it has just passed (the one a year on is no plan told as changed)."""
_TIME_OF_DAY_WORDS = r"(?:\s+(?:morning|afternoon|evening|night))?"

REFERENCE_UNITS = (
    r"day|week|weekend|month|quarter|half|year|decade|spring|summer|autumn|fall|winter"
)
"""What "the following …" / "the previous …" count in from another mention ("the following
year", "the previous summer"): one list for the resolver, the tagger and `is_reference`."""

_REFERENCE = re.compile(
    r"^(?:that|the\s+same|the\s+next|the\s+following|the\s+previous)\s+(?:day|week|month|year)$"
    r"|^the\s+next\s+(?:weekend|spring|summer|autumn|fall|winter)$"
    r"|^that\s+(?:spring|summer|autumn|fall|winter)$"  # "elected in 2019 … that spring"
    r"|^the\s+(?:following|previous|preceding|prior)\s+"
    rf"(?:{REFERENCE_UNITS}"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"(?:\s+(?:morning|afternoon|evening|night))?)$"
    r"|^the\s+(?:day|weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"(?:\s+(?:morning|afternoon|evening|night))?)\s+(?:before|after)$|^then$"
    # "By the Friday, the water was at my door": a Friday of the story, not of the article.
    r"|^the\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?$"
    r"|^(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?"
    r"\s+of\s+the\s+(?:following|previous)\s+week$"
    r"|^\S+\s+\S+\s+(?:later|afterwards|after|before|earlier)$",
    re.IGNORECASE,
)


# "at 7:10 a.m. Wednesday (2210 GMT Tuesday)": what follows is the same moment in GMT,
# not a date of its own.
IN_GMT_BEFORE = re.compile(r"\(\s*\d{1,2}[:.]?\d{2}\s*(?:GMT|UTC)\s+(?:on\s+)?$")


def is_reference(words: str) -> bool:
    """True when `words` count from another mention of the article ("the same day",
    "a week later", "the day before"): they date an event only with `relative_to`."""
    return _REFERENCE.match(words.strip()) is not None


_READ_BY_TENSE = re.compile(r"^the\s+next\s+(?:week|month|year)$", re.IGNORECASE)


def reads_by_tense(words: str) -> bool:
    """True for references that the sentence's tense may make a stretch from the
    article instead: "the next week" is the week from the publication date on where
    the sentence looks ahead ("will meet over the next week"), and the week after
    another mention where it tells of the past ("The next week, they signed")."""
    return _READ_BY_TENSE.match(words.strip()) is not None


TOLD_OF_AFTER = (
    r"\s*(?:$|[,.;:!?)\"”’]|[—–]|-\s|(?:the|a|an|they|he|she|it|we|i|you|his|her|their|its|"
    r"our|when|that|there|at|in|on|of(?!\s+(?:next|last|this)\s+week))\b)"
)
"""What follows "the Friday" when it is a Friday the story tells of, a reference ("By the
Friday, the water …"): a clause going on, not a noun ("the Friday deadline": this
week's). For the tagger and the quote's check alike."""

SOME_DAY_GOES_ON = (
    r"\s+(?:and|but|or|with|after|before|to|for|as|while|so|because|if|when|last|this|next|"
    r"morning|afternoon|evening|night)\b"
)
"""After "a Monday", words that go on from it as from any day ("walked out on a Monday
and were back …", "on a Monday night"), besides `TOLD_OF_AFTER`: not a noun it names
("a Sunday statement" is that Sunday's). For the tagger and the quote's check alike."""


# Typographic marks read as their plain forms: curly quotes, dashes, non-breaking spaces.
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "–",
        "\u2013": "–",
        "\u2014": "–",
        "\u2015": "–",
        "\u2212": "–",
        "\u00a0": " ",
        "\u202f": " ",
    }
)


# Participles that are not "-ed" words, which a "be" before may share ("will be sold and
# paid"); not a finite past ("is injured and was flown to hospital").
SHARED_PARTICIPLES = frozenset(
    "paid sold held made sent kept built told brought bought found".split()
)

# How an explanation names the early/mid/late part of a period the words name ("late
# part (TimeML MOD=END)"): a label says the part only where the words said it.
PART_SAID = "part (TimeML MOD="

# A move of a date, its verb group just before the words it moves to ("has been
# postponed to", "was moved until"): the verb's past is the move's, not the new day's,
# which is almost always still to come. (What is "moved from" is refused: `inquote`.)
# Not the verbs that move prices and places as often ("pushed back to June levels").
MOVE_VERBS = (r"(?:moved|postponed|rescheduled|delayed|deferred|adjourned|brought\s+forward|"
              # "The deadline has been extended to March 31": a later day, as "moved"
              # (not "pushed back to", which moves prices as often: "to June 10 levels").
              r"extended|put\s+off)")
MOVED_THINGS = (
    r"(?:case|hearing|trial|vote|votes|meeting|match|game|race|session|talks|election|"
    r"launch|summit|sentencing|ceremony|deadline|decision|debate|inquiry|verdict|opening|"
    r"event|conference|visit|strike|curfew|lockdown|ban|closure|suspension|restrictions|"
    r"measures|programme|program|scheme)"
)
"""What a move verb may move before "to" or "until" ("adjourned the case until")."""
MOVED_TO = (
    r"\b(?:(?:was|were|is|are|has|have|had)\s+(?:(?:been|being|now|again|since)\s+)*)?"
    + MOVE_VERBS
    # "postponed again to June", "adjourned yesterday until Monday": not a day of its
    # own ("adjourned on Monday until Thursday" counts from that Monday, which the
    # publication date is not).
    + r"(?:\s+(?:again|yesterday|today))?"
    # "The judge adjourned the case until Tuesday": what is moved, an event or a state
    # (not "delayed its response to Monday's attack", "extended his condolences to …").
    + r"(?:\s+(?:it|them|(?:the|its|their|his|her)\s+" + MOVED_THINGS + r"))?"
    + r"\s+(?:to|until|till|for)\s+(?:the\s+)?$"
)
