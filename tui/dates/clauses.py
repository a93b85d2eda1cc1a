"""Clauses of a sentence around date words: where the words are, and their clause.

Shared by the tense (`tui.dates.tense`) and the plans and states it reads
(`tui.dates.timetable`). Plain Python, no I/O.
"""

from __future__ import annotations

import re

# Not the comma or colon inside a number or a time ("1,200 jobs", "at 9:30"): a trial's
# "would cut up to 1,200 jobs by the end of the month unless a buyer was found" lost
# its "would" at "1," and read as done.
CLAUSE_BREAK = re.compile(
    r"(?<!\d)[,:]|[,:](?!\d)|[;()\[\]\"“”]|\s[-–—]\s"
    r"|\b(?:that|when|while|but|although|though|because|whereas|which|who)\b",
    re.IGNORECASE,
)

# Put where the date words were taken out of a sentence: no word, and not white
# space, so that the word after them is not taken for the sentence's first
# ("On Friday Ahmed Wijaya will …"). One character, as the words' place is measured.
TAKEN_OUT = "\x00"


def find_words(text: str, expr: str) -> tuple[int, int]:
    """(start, end) of `expr` in `text`, ignoring case; (-1, -1) when absent.

    A plain case-folded search: a regular expression per distinct expression
    would crowd the fixed patterns out of `re`'s cache on a large file.
    """
    if not expr:
        return -1, -1
    low_text, low_expr = text.lower(), expr.lower()
    if len(low_text) == len(text) and len(low_expr) == len(expr):
        at = low_text.find(low_expr)
        return (at, at + len(expr)) if at >= 0 else (-1, -1)
    found = re.search(re.escape(expr), text, re.IGNORECASE)  # lower() changed a length
    return (found.start(), found.end()) if found else (-1, -1)


def clause_of(text: str, at: int, end: int) -> tuple[str, int]:
    """The clause of `text` around the words at `at`–`end`, the words taken out, and
    where they stood in it."""
    before = [m.end() for m in CLAUSE_BREAK.finditer(text, 0, at)]
    after = CLAUSE_BREAK.search(text, end)
    clause_start = before[-1] if before else 0
    clause_end = after.start() if after else len(text)
    return text[clause_start:at] + TAKEN_OUT + text[end:clause_end], at - clause_start
