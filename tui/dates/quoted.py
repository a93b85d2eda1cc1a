"""Date words inside a quotation whose saying the sentence dates: they count from the saying.

'"We signed yesterday," the minister said on Friday': "yesterday" is the day before
that Friday, not the day before the article. Read against the publication date it
would be a day the words never meant, so such words are refused, naming the words
that date the saying, which date the source instead. Only words that count from
when they are said ("today", "yesterday", "on Monday", "last week", "three days
ago"); words with a year of their own ("in March 2024") mean the same whoever says
them. A quotation whose saying the sentence does not date ('"We signed yesterday,"
the minister said') is taken as said when the article was written, as news reports
are.
"""

from __future__ import annotations

import re

from tui.dates.saying import REPORTING_VERBS
from tui.span import ResolveError

# Words that count from when they are said.
_DEICTIC = re.compile(
    r"(?:(?:on|by|since|until|from|at)\s+)?(?:today|tonight|yesterday|tomorrow|"
    r"(?:(?:this|last|next|earlier\s+this|later\s+this)\s+)?(?:week|weekend|month|year|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?:\s+(?:morning|afternoon|evening|night))?|"
    r"(?:this|last|next)\s+(?:week|weekend|month|year)|"
    r"(?:\w+|\d+)\s+(?:days?|weeks?|months?|years?)\s+ago)",
    re.IGNORECASE,
)
# The reporting verbs (`tui.dates.saying`), "told" with its object ("told reporters on
# Friday"), and a few more a quotation is introduced with.
_SAYING = (rf"(?:told\s+(?:\w+\s+){{0,2}}?|"
           rf"{'|'.join(sorted(REPORTING_VERBS | {'says', 'declared', 'recalled'}))})")
_WHEN = (r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|last\s+(?:week|month|"
         r"night|year)|earlier\s+this\s+(?:week|month)|(?:\w+|\d+)\s+(?:days?|weeks?)\s+ago)")
# "the minister said on Friday", "told reporters on Friday"; "On Friday, the minister said".
_DATED_SAYING = re.compile(
    rf"\b{_SAYING}\s*(?P<after>(?:on\s+)?{_WHEN})\b|\b(?P<before>(?:on\s+)?{_WHEN}),?\s+"
    rf"(?:[\w'’-]+\s+){{0,4}}?{_SAYING}\b",
    re.IGNORECASE,
)
_QUOTATION = re.compile(r"“[^”]*”?|\"[^\"]*\"?")


def dated_saying(words: str, sentence: str | None) -> tuple[str, str] | None:
    """The words of `sentence` that date the saying of a quotation `words` stand in
    ("said on Friday"), and its date words ("on Friday"), when `words` count from when
    they are said; else None."""
    if not sentence or _DEICTIC.fullmatch(" ".join(words.split()).strip(" ,.;:")) is None:
        return None
    at = sentence.lower().find(words.lower())  # as `place_in_quote` finds them, case aside
    if at < 0:
        return None
    outside = list(sentence)
    inside = False
    for quotation in _QUOTATION.finditer(sentence):
        if quotation.start() <= at and at + len(words) <= quotation.end():
            inside = True
        outside[quotation.start():quotation.end()] = " " * (quotation.end() - quotation.start())
    if not inside:
        return None
    saying = _DATED_SAYING.search("".join(outside))
    if saying is None:
        return None
    when = saying.group("after") or saying.group("before")
    return " ".join(saying.group(0).split()), " ".join(when.split())


def refuse_words_of_a_dated_saying(words: str, sentence: str | None) -> None:
    """Raise ResolveError when `dated_saying` finds the words that date the saying."""
    dated = dated_saying(words, sentence)
    if dated is not None:
        saying, when = dated
        shown = " ".join(words.split())
        raise ResolveError(
            f'"{shown}" is in the words quoted, and the sentence dates their saying '
            f'("{saying}"): they count from that day, not from the publication date',
            f'date the source by the words that date the saying, date_text "{when}", or by '
            "words of the quote that name the day",
        )
