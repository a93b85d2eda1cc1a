"""Date words that are part of longer date words in their quote.

"last week" of "the last week of May", "March" of "the year to March", "June" of
"by the end of June": read alone, each would be another time than the one the
quote names (the week before the article, the month of March, the whole of
June, claimed as when it happened). Each is refused with the whole words in the
hint. Every source of a load passes here: each check looks first at one word
beside the date words, and goes on only where it can matter.
"""

from __future__ import annotations

import re

from tui.dates.inquote import InQuote, word_before
from tui.dates.lexicon import _MONTH_RE, MONTH_NAMES
from tui.span import ResolveError

# "week", "half" or a weekday of "the last week of May", "the second half of 2023", "the
# last Saturday in March": that month's or year's, not the one beside the publication
# date. Never before a possessive ("spoke last week of May's election").
_OF_A_MONTH_OR_YEAR = re.compile(
    r"\s+(?:of|in)\s+(?:" + _MONTH_RE + r"(?![a-z])(?:,?\s+\d{4})?|\d{4}\b"
    r"|(?:this|last|next)\s+(?:month|year)\b)(?!['’])",
    re.IGNORECASE,
)
_FULL_MONTHS = frozenset(name.lower() for name in MONTH_NAMES[1:])
_PART_ENDS = ("week", "weekend", "half", *(f"{day}day" for day in
                                 ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")))
_ORDINAL_BEFORE = re.compile(
    r"\bthe\s+(?:(?:first|second|third|fourth|fifth|final|last|1st|2nd|3rd|4th|5th)\s+)?$",
    re.IGNORECASE,
)


# "the year to", "the three months to the end of": what comes before a month that ends
# the stretch ("the year to March").
_MONTHS_TO_BEFORE = re.compile(
    r"(?<!\bof\s)\bthe\s+(?:year|quarter|(?:twelve|12|nine|9|six|6|three|3)\s+months)\s+"
    r"(?:to|through|ending|ended)\s+(?:(?:the\s+)?end\s+of\s+)?$",
    re.IGNORECASE,
)
_MONTHS_TO_LEADS = frozenset(("to", "through", "ending", "ended", "of"))
_A_MONTH = re.compile(_MONTH_RE + r"(?:,?\s+\d{4})?", re.IGNORECASE)
_DAY_AFTER = re.compile(r"\s+\d")


def refuse_end_of_a_stretch(around: InQuote) -> None:
    """Raise ResolveError when the date words are the month a stretch ends with ("March"
    of "in the year to March"): read alone they would be the month, where the words
    say the months up to its end."""
    quote, at, end = around
    if word_before(quote, at) not in _MONTHS_TO_LEADS:
        return  # nearly always
    words = quote[at:end]
    lead = _MONTHS_TO_BEFORE.search(quote, max(0, at - 48), at)
    if lead is None or not _A_MONTH.fullmatch(words.strip()) or _DAY_AFTER.match(quote, end):
        return  # "the year ended March 31, 2023": a day of its own
    whole = " ".join(f"{lead.group(0)}{words}".split())
    raise ResolveError(
        f'"{words}" is the end of "{whole}" in the quote: the stretch up to it, not the month',
        f'write date_text "{whole}"',
    )


def refuse_part_of_a_month_or_year(around: InQuote) -> None:
    """Raise ResolveError when the date words are the week, the half or a weekday of a
    month or a year the quote names after them, with "the" before ("last week" of "the
    last week of May", "the second half" of "the second half of March", "Saturday" of
    "the last Saturday in March", "last weekend" of "the last weekend of May"): read
    alone, they would be the week, the weekend or the weekday before the article, or a
    half of its year."""
    quote, at, end = around
    words = quote[at:end]
    tail = words.lower().rsplit(None, 1)[-1] if words.strip() else ""
    if tail not in _PART_ENDS:
        return  # nearly always
    of = _OF_A_MONTH_OR_YEAR.match(quote, end)
    if of is None:
        return
    lead = _ORDINAL_BEFORE.search(quote, max(0, at - 16), at)
    if lead is None and not words.lower().startswith("the "):
        return  # "spoke last week of 2024 as a turning point": no part of it
    start = lead.start() if lead is not None else at
    whole = " ".join(quote[start : of.end()].split())
    if whole.endswith(".") and whole[:-1].rsplit(None, 1)[-1].lower() in _FULL_MONTHS:
        whole = whole[:-1]  # the sentence's full stop, not an abbreviation's ("Jan.")
    of_what = whole.split(" of ", 1)[-1] if " of " in whole else whole.split(" in ", 1)[-1]
    part = "weekday" if tail.endswith("day") else tail
    raise ResolveError(
        f'"{words}" is part of "{whole}" in the quote: a {part} of {of_what}, not one '
        "counted from the publication date",
        f'write date_text "{whole}"',
    )




# "(by) the end of": before a month, a year or a unit, a part of it ("the end of June"),
# which the resolver reads whole; not before a possessive ("the end of last week's talks").
_PART_OF_BEFORE = re.compile(
    r"(?:\bthe\s+)?\b(?P<part>end|beginning|start|middle|close)\s+of\s+$",
    re.IGNORECASE,
)
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


def refuse_the_unit_of_a_part(around: InQuote) -> None:
    """Raise ResolveError when the date words are the unit whose part the quote names
    just before them ("June" of "by the end of June", "2025" of "the start of 2025"):
    read alone they would be the whole unit, and "by" before the part would be lost
    (a journalist's trial: "expected within June" where the article said "by the end
    of June")."""
    quote, at, end = around
    if word_before(quote, at) != "of":
        return  # nearly always
    lead = _PART_OF_BEFORE.search(quote, max(0, at - 32), at)
    if lead is None or _POSSESSIVE_AFTER.match(quote, end):
        return
    whole = " ".join(quote[lead.start() : end].split())
    raise ResolveError(
        f'"{quote[at:end]}" is part of "{whole}" in the quote: its {lead.group("part").lower()}, '
        "not the whole of it",
        f'write date_text "{whole}"',
    )
