"""Reported speech: the reporting verbs ("said", "told", "announced") and whether the
date words around one date the saying or the words said.

Regular expressions only: `tui.dates.tense` asks these questions of a sentence
once its markers are read.
"""

from __future__ import annotations

import re

REPORTING_VERBS = frozenset(
    "said told added noted warned stated announced reported wrote explained insisted "
    "argued claimed predicted forecast confirmed".split()
)
"""Verbs that report what is said: their past tense is the saying's, not the words'."""

# Reporting verbs whose object is what is said ("said the next month would be…"); the
# others may report an act ("reported 300 cases", "announced a ban").
_ONLY_SAYING = frozenset(("said", "told", "added", "warned", "insisted", "argued", "explained"))
# What follows a reporting verb that reports an act, not words: "reported 300 cases".
_OBJECT_AFTER = re.compile(r"\s+(?:\d|(?:a|an|the|some|more|about|over|nearly|its|their)\b)",
                           re.IGNORECASE)
# An object that is the subject of what is said, a verb of a plan after it: "announced
# the talks resume on Thursday" (not "announced the talks on Thursday").
# A verb of a plan in the present that is no noun ("the talks resume", "the meeting goes
# ahead"; not "a sharp fall", "the annual returns").
_PLAN_NO_NOUN = (
    r"(?:resumes?|reopens?|reconvenes?|convenes?|begins?|opens|closes|expires?|"
    r"takes?\s+(?:place|effect)|go(?:es)?\s+ahead|kicks?\s+off|gets?\s+under\s+way|is|are)\b"
)
_SAID_AFTER_OBJECT = re.compile(
    r"\s+(?:the|its|their)(?:\s+[\w'’-]+){1,3}?\s+" + _PLAN_NO_NOUN, re.IGNORECASE
)
# Between a reporting verb and date words that date the saying: "said Thursday", "said
# in a statement on Thursday", "told reporters late on Thursday", "told Reuters on
# Thursday", "said in an interview with CNN on Monday" (a name: any capitalised word),
# "told reporters outside the main gate on Wednesday" (where it was said: one or two
# words after "outside the", "at the", "near the", tried first; not "after the troops
# withdraw" or "before the vote", which name another act, nor "near the river to leave").
# Possessive and atomic: no way to split the words again when the match fails (a long
# run of capitals took minutes).
_SAYING_THEN = re.compile(
    r"(?:\s*+,?\s*+(?:\b(?:outside|inside|near|at)\s++(?:the|a|an|its|his|her|their)"
    r"(?:\s++(?!(?:to|that|would|will|could|should|must|may|might|and|or|but|if|when|"
    r"before|after|on|in)\b)(?>[a-z][\w'’-]*+)){1,2}|"
    r"\b(?:on|late|early|in|at|a|an|the|its|his|her|their|with|statement|"
    r"interview|briefing|press|news|conference|to|reporters|journalists|him|them|us|me|"
    r"lawmakers|parliament|by|phone|telephone|television|radio|state|media|agency|website|"
    r"broadcaster|newspaper|earlier|later)\b|(?>(?-i:[A-Z])[\w.&-]*)))*+\s*+,?\s*+",
    re.IGNORECASE,
)
# Before date words in the phrase that opens the sentence, and so date its saying: "On
# Thursday, officials said …", "At a packed meeting on Thursday, the council told …".
_OPENING = re.compile(
    r"[\W_]*(?:(?:and|but)\s+)?(?:(?:at|on|in|during|after|before|late|early|by|earlier|"
    r"later|speaking|addressing)\b[^,;.:]*)?",
    re.IGNORECASE,
)
# Words said in the past that keep the saying's past ("said they could hear explosions
# on Saturday", "said the talks could have taken place in March"), and pasts that look
# like the present ("said the storm hit on Thursday", "said the gunman shot three").
BACKSHIFT = re.compile(
    r"\b(?:could|might|had|must have|may have|hit|cut|set|put|shut|shot|spread|quit|let|"
    r"cost|hurt|beat|burst|cast|split|upset|shed|bid|struck)\b",
    re.IGNORECASE,
)
_THAT_AFTER = re.compile(r"\s*,?\s*that\b", re.IGNORECASE)
# Before a reporting verb, a "be" to come that makes it a passive participle: "will be
# announced in November", "will be formally told on Friday", "are to be told", "is
# being announced" tell of a telling to come. Not a past's plan: "expected to be told on
# Friday, but heard nothing", "hoped the team would be announced on Friday".
FUTURE_BE_BEFORE = re.compile(
    r"(?:\b(?:will|shall|(?:is|are|am)\s+(?:(?:due|set|expected|scheduled|going|about)\s+)?"
    r"to)\s+(?:\w+ly\s+)?be|'ll\s+be|\b(?:is|are|am)\s+being)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)

# After date words that are the subject of the words said: "said the next month would
# be decisive", "said Monday's vote was rigged".
SAID_SUBJECT_OF = re.compile(
    r"(?:['’]s\s+[a-z]+)?\s+(?:(?:would|will|is|was|were|are|could|should|might|may|had|"
    r"has|have|must|can)\b|" + _PLAN_NO_NOUN + ")",
    re.IGNORECASE,
)
_REPORTING_RE = "|".join(sorted(REPORTING_VERBS))
REPORTED_IN = re.compile(rf"\b(?:{_REPORTING_RE})\b", re.IGNORECASE).search
# "told" and whom it told first ("told investors on Thursday", "told the board on Monday").
_TOLD_WHOM = r"(?:(?<=told)\s+(?:(?:the|a|an|its|his|her|their)\s+)?[a-z][\w'’-]*)?"
SAID_JUST_BEFORE = re.compile(
    rf"\b({_REPORTING_RE})\b{_TOLD_WHOM}(?:{_SAYING_THEN.pattern})$", re.IGNORECASE
)


def said_in_the_past(tense: str | None, cue: str | None) -> bool:
    """True when the only past the sentence holds is a reporting verb's, which dates the
    saying, not the words ("The course starts in two weeks, the college said"):
    `sentence_tense` then reads no tense, and names the verb as its cue."""
    return tense is None and cue in REPORTING_VERBS


def saying_verb(text: str, at: int, cue: str) -> re.Match[str] | None:
    """The reporting verb `cue` in `text` nearest to `at`."""
    verbs = list(re.finditer(rf"\b{re.escape(cue)}\b", text, re.IGNORECASE))
    return min(verbs, key=lambda m: abs(m.start() - at)) if verbs else None


def dates_the_saying(text: str, at: int, end: int, cue: str, verb: re.Match[str]) -> bool:
    """True when the reporting verb `cue` (`verb` in `text`) tells of an act ("reported
    300 cases"), or the date words at `at`–`end` date the saying ("said on Thursday",
    "On Thursday, officials said"): then its past is theirs."""
    if (cue not in _ONLY_SAYING and _OBJECT_AFTER.match(text, verb.end())
            and not _SAID_AFTER_OBJECT.match(text, verb.end(), at)):
        return True
    if verb.end() <= at:
        if SAID_SUBJECT_OF.match(text, end):
            return False  # "said Monday's vote was rigged": what is said
        # "said Thursday", "told Reuters on Thursday"; "said in a speech on Thursday that
        # he would run": the words end the saying's clause, what is said follows.
        return (_SAYING_THEN.fullmatch(text, verb.end(), at) is not None
                or _THAT_AFTER.match(text, end) is not None)
    return verb.start() >= end and _OPENING.fullmatch(text, 0, at) is not None


# A relative clause in the past perfect between commas: ", which had been expected
# this month,".
EARLIER_PAST = re.compile(r",\s*(?:which|who|whose)\s[^,;]*?\bhad\b[^,;]*,", re.IGNORECASE)


def backshifted(text: str, *, moved: bool = False) -> bool:
    """True when `text` holds a past said in the past (`BACKSHIFT`). `moved`: the date
    words are a move's new day, and a relative clause in the past perfect does not
    count: "A vote, which had been expected this month, was postponed to 12 May, the
    council said" tells of the expectation before, not of the words said."""
    if moved and "had" in text:
        text = EARLIER_PAST.sub(",", text)
    return BACKSHIFT.search(text) is not None
