"""Words that name no year, in a sentence that names another: not read against the article.

"In 2019, the leaders met in September": "September" alone would be read against
the publication date (the September nearest it, by tense), a year the sentence
itself contradicts. Only a year named before the words counts: in "They met on
June 3 and again in 2019" it is another meeting's. Such words are refused, with
the year the sentence names, so that the source is dated by words that name its
year ("In 2019") instead. And a month and day the quote gives with its year
("met on March 3, 2024") is refused without it ("March 3" read against a 2025
article is 2025). A sentence naming the year the words resolve to ("the 2024
budget passed in March", in April 2024) agrees with them and is left alone; words
with their own anchor ("last September", "this spring") say which one they mean.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.dates.lexicon import _MONTH_RE, _NUMBER_RE, _SEASON_RE
from tui.dates.saying import REPORTING_VERBS
from tui.span import ResolveError, Span

# A month (with or without its day) or a season, with no year and no anchor word of
# its own, with the preposition and modifiers a source's date words may keep. Not a
# weekday: "On Monday, 2019 figures were released" is this week's Monday, the year
# the figures'.
_OPEN_WORDS = re.compile(
    r"(?:(?:on|in|at|during|over|by|since|until|till|through|from|around|about)\s+)?"
    r"(?:the\s+)?(?:(?:early|mid|late|the\s+(?:beginning|middle|end)\s+of)[\s-]+)?"
    rf"(?:{_MONTH_RE}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?(?:[-–]\d{{1,2}})?)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?(?:[-–]\d{{1,2}})?\s+(?:of\s+)?"
    rf"{_MONTH_RE}|{_SEASON_RE})",
    re.IGNORECASE,
)
_YEAR_NAMED = re.compile(r"(?<![\d'’-])(1[6-9]\d\d|20\d\d)(?![\d-]|s\b)")
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_WHEN_AFTER = re.compile(r",?\s+when\b", re.IGNORECASE)


def another_year(words: str, sentence: str | None, span: Span) -> str | None:
    """The year `sentence` names when `words` name none and resolved to `span`, which
    holds none of the years it names; else None."""
    if not sentence or not _open(words):
        return None
    # Only a year the sentence names before the words sets it: in "They met on June 3
    # and again in 2019" the year is another meeting's.
    at = sentence.lower().find(" ".join(words.split()).lower())
    before = sentence[: at if at >= 0 else len(sentence)]
    # "since 1962" is when a state began ("which has made bread since 1962"), not a
    # year the sentence's other words are in; but "since 2009, when the index jumped in
    # March" puts them in it.
    named = [
        int(m.group(1)) for m in _YEAR_NAMED.finditer(before)
        if _SINCE_BEFORE.search(before, max(0, m.start() - 12), m.start()) is None
        or _WHEN_AFTER.match(before, m.end()) is not None
    ]
    if not named or any(span.start.year <= y <= span.end.year for y in named):
        return None
    return str(named[0])


@lru_cache(maxsize=4096)
def _open(words: str) -> bool:
    """True when `words` are a month or season with no year or anchor word (memoised:
    a large folder repeats its date words)."""
    return _OPEN_WORDS.fullmatch(" ".join(words.split()).strip(" ,.;:")) is not None


_YEAR_AFTER = re.compile(r",?[ \t]+(1[6-9]\d\d|20\d\d)\b(?![\d-])")


def year_after(words: str, sentence: str | None, span: Span) -> str | None:
    """The year that follows `words` in `sentence` as part of one date ("March 3" of
    "March 3, 2024"), when the words name none and resolved outside it; else None."""
    if not sentence or not _open(words):
        return None
    shown = " ".join(words.split())
    at = sentence.lower().find(shown.lower())
    if at < 0:
        return None
    m = _YEAR_AFTER.match(sentence, at + len(shown))
    if m is None or span.start.year <= int(m.group(1)) <= span.end.year:
        return None
    if no_year_here(sentence, m.start(1), m.end(1)):
        return None  # "on March 3, 1600 GMT": a time, not the date's year
    return sentence[at : m.end()]


# Years before the telling, said of a promise: "Two years ago they promised a review
# by Christmas" (due by the Christmas after the promise), "Last year, the council
# pledged …", "vowed in 2021 to …". Not weeks or months ("three weeks ago the minister
# promised a decision by the summer": that summer all the same), nor a time of another
# clause ("the firm, which promised last year to cut prices, will report on Thursday").
_YEARS_BEFORE = (
    rf"(?:{_NUMBER_RE}\s+(?:years?|decades?)\s+ago|last\s+(?:year|decade)|in\s+(?:1[6-9]|20)\d\d)"
)
_PROMISE = r"(?:promised|pledged|vowed)"
_PROMISED_THEN = re.compile(
    rf"\b(?P<first>{_YEARS_BEFORE}),?\s+(?:[\w'’-]+\s+){{0,4}}?{_PROMISE}\b"
    rf"|\b{_PROMISE}\s+(?P<after>{_YEARS_BEFORE})\b",
    re.IGNORECASE,
)
_OWN_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b|^(?:\w+\s+)?(?:next|this|last)\b", re.IGNORECASE)
_PROMISE_DAY = re.compile(r"\s*(?:on|in|at|by)?\s*$", re.IGNORECASE)  # "vowed on Monday"
# Between the promise and the words, another clause or verb: "vowed never to play again
# but returned on Saturday", "Donors who pledged last year met again on Tuesday".
_ANOTHER_VERB = re.compile(
    r"[,;:]|\b(?:and|but|or|who|which|that|then|\w{3,}ed|met|went|came|did|won|lost|took|"
    r"made|ran|began|saw|held|sold|got|gave|found|fell|rose|left|kept|sent|said|told)\b",
    re.IGNORECASE,
)
_PROMISES = ("promised", "pledged", "vowed")


def promised_before(words: str, sentence: str | None, year: int) -> str | None:
    """The words of `sentence` that date a promise years before the telling, when
    `words` are what was promised, in the promise's clause ("Two years ago they
    promised us a review by Christmas"): what was promised is to come from then, not
    from the publication date. None otherwise, and for words that name their year
    or their own anchor ("by 2030", "by next spring") or the promise's own day, and
    for a year named that is not before `year` (the words' against the article)."""
    if not sentence:
        return None
    low = sentence.lower()
    if not any(word in low for word in _PROMISES):
        return None  # nearly always
    shown = " ".join(words.split())
    at = low.find(shown.lower())
    if at < 0 or _OWN_YEAR.search(shown):
        return None
    for m in _PROMISED_THEN.finditer(sentence, 0, at):
        between = sentence[m.end():at]
        if _ANOTHER_VERB.search(between) or _PROMISE_DAY.fullmatch(between):
            continue  # another clause's or verb's words, or the promise's own day
        when = m.group("first") or m.group("after")
        named = _YEAR_NAMED.search(when)
        if named is None or int(named.group(1)) < year:  # "In 2025 …", written in 2025
            return when
    return None


def refuse_in_another_year(words: str, sentence: str | None, span: Span) -> None:
    """Raise ResolveError when `year_after` or `another_year` finds one (see the module),
    or the words are what a promise made years before the telling promised."""
    shown = " ".join(words.split())
    alone = f"read against the publication date it would be {span.start.year}"
    whole = year_after(words, sentence, span)
    if whole is not None:
        raise ResolveError(
            f'"{shown}" is part of "{whole}" in the quote: read alone, against the '
            f"publication date, it would be {span.start.year}",
            f'write date_text "{whole}"',
        )
    promised = promised_before(words, sentence, span.start.year)
    if promised is not None:
        raise ResolveError(
            f'"{shown}" is what was promised, and the sentence dates the promise earlier '
            f'("{promised}"): which one it means, the words do not say ({alone})',
            f'date it by the promise\'s own date words, date_text "{promised}" (when the '
            "promise was made), or by words that name the year",
        )
    year = another_year(words, sentence, span)
    if year is not None:
        raise ResolveError(
            f'"{shown}" names no year, and its sentence names {year}: which one it means, the '
            f"words do not say ({alone})",
            f'date the source by words of the quote that name the year, such as "{year}"',
        )
    said = said_in_another_year(words, sentence, span)
    if said is not None:
        year, verb = said
        raise ResolveError(
            f'"{shown}" counts from when it was said, and its sentence puts the saying in '
            f'{year} ("{verb}"), not at the article: {alone}',
            f'date the source by words of the quote that name the year, such as "{year}"',
        )


# Years counted from when they are said: "next year", "three years ago", "this year".
_COUNTED_YEAR = re.compile(
    r"(?:(?:in|by|since|until|till|from|during|over|within)\s+)?(?:(?:next|last|this|"
    rf"the\s+coming|the\s+past|the\s+previous)\s+year|{_NUMBER_RE}\s+years?\s+(?:ago|"
    r"earlier|from\s+now|hence))",
    re.IGNORECASE,
)
_SAYING = re.compile(
    rf"\b(?:{'|'.join(sorted(REPORTING_VERBS | set(_PROMISES)))})\b", re.IGNORECASE
)


def said_in_another_year(words: str, sentence: str | None, span: Span) -> tuple[str, str] | None:
    """(the year, the verb of saying) when `words` count years from when they were said
    ("next year", "three years ago") and `sentence` puts that saying in a year named
    before it, not one the words resolved to: "In 2019, the minister said the plant
    would open next year" is 2020 as said, not the year after the article. None
    otherwise, and for a year of another clause ("The 2019 law takes effect next year"
    says nothing of when it was said)."""
    if not sentence or _COUNTED_YEAR.fullmatch(" ".join(words.split()).strip(" ,.;:")) is None:
        return None
    at = sentence.lower().find(" ".join(words.split()).lower())
    if at < 0:
        return None
    before = sentence[:at]
    for m in _YEAR_NAMED.finditer(before):
        year = int(m.group(1))
        if span.start.year <= year <= span.end.year or _SINCE_BEFORE.search(
            before, max(0, m.start() - 12), m.start()
        ):
            continue
        between = before[m.end():]
        if re.search(r"[.;!?]", between):
            continue  # another sentence's year
        # "In 2019, the minister said …", or "The minister said in 2019 that …".
        saying = _SAYING.search(between) or _SAYING.search(before, max(0, m.start() - 16),
                                                            m.start())
        if saying is not None:
            return str(year), saying.group(0)
    return None


# A four-digit number after these words is a name or a count's number, not a year:
# "Route 2020", "Resolution 2270", "Flight 1549", "No. 1965".
_NUMBERED = re.compile(
    r"(?:\b(?:route|highway|hwy|road|interstate|freeway|motorway|flight|room|gate|platform|"
    r"exit|pier|berth|terminal|block|lot|unit|suite|apartment|building|model|type|bus|train|"
    r"line|ward|station|chapter|article|section|resolution|bill|volume|vol|item|code|batch|"
    r"serial|track|channel|mile|kilometre|kilometer|number)\.?|\bnos?\.|#)[ \t]*$",
    re.IGNORECASE,
)
# ... and before these, a quantity or a time of day: "2024 cubic metres", "1600 GMT".
_COUNTED = re.compile(
    r"[ \t]*(?:gmt|utc|hours\b|hrs\b|local\s+time|cubic|square|sq\b|metres?\b|meters?\b|"
    r"km\b|kilomet(?:re|er)s?\b|miles\b|feet\b|tonnes\b|tons\b|kg\b|barrels\b|people\b|"
    r"troops\b|soldiers\b|workers\b|residents\b|families\b|households\b|vehicles\b|"
    r"cars\b|homes\b|jobs\b|yuan\b|won\b|dollars\b|euros\b|percent\b|per\s+cent\b|%)",
    re.IGNORECASE,
)
# A preposition of time before the number makes it a year whatever follows ("in 2019
# troops withdrew", "around 2010 people", "from 2015 to 2019 households", "mid-2020"),
# as an article does ("the 2019 vehicles": that year's; "no 2020 Olympics").
_TIME_PREPOSITION = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|during|before|after|through|throughout|of|early|"
    r"late|mid|around|about|circa|between|and|to|within|the|its|their|this|that|no)[ \t]*"
    r"|-)$", re.IGNORECASE)  # fmt: skip


def no_year_here(text: str, start: int, end: int) -> str | None:
    """Why the four-digit number `text[start:end]` is no year ("Route 2020", "2024 cubic
    metres", "at 1600 GMT"), as the words around it say; None when it may be one."""
    before = text[max(0, start - 16) : start]
    m = _NUMBERED.search(before)
    if m is not None:
        return f'a number in "{before[m.start():].strip()} {text[start:end]}", not a year'
    if _TIME_PREPOSITION.search(before) is None:
        counted = _COUNTED.match(text, end)
        if counted is not None:
            shown = f"{text[start:end]} {counted.group(0).strip()}"
            return f'a number in "{shown}", not a year'
    return None


_BARE_YEAR = re.compile(r"(?:(?:in|by|since|until|of)\s+)?(\d{4})", re.IGNORECASE)


_SECOND_YEAR = re.compile(r"(?:/|[-–])(\d{4}|\d\d)(?![\d/-])")  # "2019/20", "2024-25"


def _follows(first: str, second: str) -> bool:
    """True when `second` ("20", "2020") can end a span of years from `first` ("2019"):
    "2019-03" of "2019-03-18" is a month."""
    end = int(second) if len(second) == 4 else int(first[:2] + second)
    return int(first) < end <= int(first) + 99


def refuse_a_number_that_is_no_year(around: tuple[str, int, int]) -> None:
    """Raise ResolveError when the date words are a four-digit number that the quote
    makes no year ("2020" of "Route 2020"), or the first of two ("2019" of "the
    2019/20 budget"): read as a year, they date the event in it."""
    quote, at, end = around
    m = _BARE_YEAR.fullmatch(quote, at, end)
    if m is None:
        return
    second = _SECOND_YEAR.match(quote, end)
    if second is not None and _follows(m.group(1), second.group(1)):
        whole = quote[m.start(1) : second.end()]
        raise ResolveError(
            f'"{quote[at:end]}" is part of "{whole}" in the quote, which spans two years',
            f'write date_text "{whole}"',
        )
    why = no_year_here(quote, m.start(1), m.end(1))
    if why is not None:
        raise ResolveError(
            f'"{quote[at:end]}" is {why}',
            "date the source by other words of the quote that say when it happened",
        )
