"""Plans and states told in the present around date words: a state held "until" them
("The exhibition runs until late May"), a timetable ("the hearing resumes on Friday"),
a day something was moved to ("adjourned until Friday"). Each reads the words' clause
(`tui.dates.clauses`); `tui.dates.tense` decides when they apply.
"""

from __future__ import annotations

import re

from tui.dates.clauses import clause_of, find_words
from tui.dates.lexicon import _NUMBER_RE, _TRANSLATE, _UNIT_RE, MOVE_VERBS, MOVED_TO, SCHEDULE_VERBS

_MOVED_TO = re.compile(MOVED_TO, re.I)
_MOVE_VERB = re.compile(MOVE_VERBS, re.I)
_SPACES = re.compile(r"\s+")

# "until" (or "till") just before date words, or opening them.
_UNTIL_BEFORE = re.compile(r"\b(until|till|til)\s+$", re.IGNORECASE)
_UNTIL_FIRST = re.compile(r"(until|till|til)\b", re.IGNORECASE)
# A verb of a state held in the present: "runs", "is closed", "stays shut", "have until".
_PRESENT_STATE = re.compile(
    r"\b(?:is|are|am|'s|'re|stays|remains?|runs|lasts|continues?|holds|keeps|has|have|"
    r"applies|apply|extends|goes\s+on|go\s+on)\b",  # not nouns: "on the run until"
    re.IGNORECASE,
)


def held_until(sentence: str, expression: str, *, strict: bool = False) -> str | None:
    """The word "until" (or "till") that the date words follow or open, if any, when a
    verb of a state in the present stands before it in their clause ("The exhibition
    runs until late May"; not "Jones, manager until January, joins Rivals").
    `strict`: not "'s", which is as often a possessive ("Smith's spell in charge until
    June")."""
    text = sentence.translate(_TRANSLATE)
    expr = expression.translate(_TRANSLATE).strip()
    at, end = find_words(text, expr)
    if at < 0:
        return None
    first = _UNTIL_FIRST.match(expr)
    before = None if first is not None else _UNTIL_BEFORE.search(text, max(0, at - 12), at)
    until = first or before
    if until is None or (before is not None and _MOVED_TO.search(text, max(0, at - 60), at)):
        return None  # "has been postponed until 12 May": a move, not a state held
    clause, site = clause_of(text, at, end)
    state = _PRESENT_STATE.search(clause, 0, site)
    while strict and state is not None and state.group(0) == "'s":
        state = _PRESENT_STATE.search(clause, state.end(), site)
    if state is None:
        return None
    return until.group(1).lower()


_SCHEDULE = re.compile(rf"\b{SCHEDULE_VERBS}", re.IGNORECASE)
# What may follow a verb with no object: the date words (taken out), a preposition, an
# adverb of time, the clause's end.
_NO_OBJECT = re.compile(
    r"\s*(?:\x00|$|[,.;:!?]|(?:on|in|at|from|to|for|with|after|before|until|till|by|next|"
    r"this|later|again|today|tomorrow|tonight|soon|early|late|around|about|as|when|once|"
    r"and|but|only|each|every)\b)",
    re.IGNORECASE,
)
# "in two weeks" has rules of its own for a verb of a plan beside it (`rules_ago`):
# "Her first race in two years starts in Boston" counts back, the verb the race's.
_IN_UNITS = re.compile(
    rf"in\s+(?:(?:nearly|almost|about|around|over|more\s+than)\s+)?{_NUMBER_RE}\s+{_UNIT_RE}",
    re.IGNORECASE,
)


def moved_to(sentence: str, expression: str) -> str | None:
    """The verb of a move just before the date words ("postponed to 12 May"), if any."""
    text = sentence.translate(_TRANSLATE)
    at, _ = find_words(text, expression.translate(_TRANSLATE).strip())
    move = _MOVED_TO.search(text, max(0, at - 60), at) if at >= 0 else None
    verb = _MOVE_VERB.search(move.group(0)) if move is not None else None
    return None if verb is None else _SPACES.sub(" ", verb.group(0)).lower()


def timetabled(sentence: str, expression: str) -> str | None:
    """The verb of a plan told in the present in the clause of the date words ("the
    hearing resumes on Friday"), if any: a timetable, what is to come."""
    text = sentence.translate(_TRANSLATE)
    expr = expression.translate(_TRANSLATE).strip()
    if _IN_UNITS.fullmatch(expr):
        return None
    at, end = find_words(text, expr)
    if at < 0:
        return None
    clause = clause_of(text, at, end)[0]
    for found in _SCHEDULE.finditer(clause):
        # Told of a timetable, the verb takes no object ("the hearing resumes on Friday");
        # with one, it tells of what happened ("His goal on Saturday ends a drought").
        if _NO_OBJECT.match(clause, found.end()):
            return _SPACES.sub(" ", found.group(1)).lower()
    return None
