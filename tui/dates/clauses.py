"""Clauses of a sentence around date words: where the words are, their clause, and the
clauses whose tense is not theirs (a relative clause between commas, a past perfect
before a move, the plan before "but").

Shared by the tense (`tui.dates.tense`) and the plans and states it reads
(`tui.dates.timetable`). Plain Python, no I/O.
"""

from __future__ import annotations

import re

from tui.dates.lexicon import MOVED_TO
from tui.dates.saying import EARLIER_PAST

_MOVED_TO = re.compile(MOVED_TO, re.IGNORECASE)

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


# A relative clause between commas: ", the auditor who raised the alarm,".
_RELATIVE_CLAUSE = re.compile(r",[^,;:]*?\b(?:who|whom|whose|which)\b[^,;:]*,", re.IGNORECASE)


def without_relative_clauses(text: str, site: int) -> str:
    """`text` with each relative clause between commas that does not hold `site` blanked
    out, at the same length: "is expected to call its first witness, the auditor who
    raised the alarm, on Thursday" is told in the future, not in the clause's past
    (used where the rest has a tense of its own: "The storm, which had been forecast
    for days, hit the coast on Friday" has no other past to read)."""
    if "," not in text:
        return text
    return _RELATIVE_CLAUSE.sub(
        lambda m: m.group(0) if m.start() <= site < m.end() else
        "," + " " * (len(m.group(0)) - 2) + ",", text
    )


_BUT_BEFORE = re.compile(r"\bbut\s+(?:then\s+)?", re.IGNORECASE)


def without_earlier_pasts(text: str, site: int) -> str:
    """`text` with each relative clause in the past perfect (`EARLIER_PAST`) that does
    not hold `site` blanked out, at the same length, when the date words at `site` are
    a move's new day: "A vote, which had been expected this month, was postponed to 12
    May" has no tense for "12 May" (the move's own past is left out by `_markers`), not
    the expectation's. Elsewhere such a clause stays: "The storm, which had been
    forecast for days, hit the coast on Friday" has no other past to read."""
    move = _MOVED_TO.search(text, max(0, site - 60), site)
    if move is None:
        return text
    # "Closing arguments were due to begin on Monday but were postponed to Wednesday":
    # the plan before "but" has the plan's tense, not the new day's.
    but = _BUT_BEFORE.search(text, max(0, move.start() - 12), move.start() + 1)
    if but is not None:
        text = " " * but.start() + text[but.start() :]
    if "had" not in text:
        return text
    return EARLIER_PAST.sub(
        lambda m: m.group(0) if m.start() <= site < m.end() else " " * len(m.group(0)), text
    )
