"""What every rule shares: the resolution context, results, normalised text, and
the rule for choosing among occurrences of an open date."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, NamedTuple

from tui.dates.explain import _tense_text
from tui.dates.lexicon import _MONTH_RE, _NUMBER_RE, _TRANSLATE, _UNIT_RE
from tui.dates.periods import _Period
from tui.dates.saying import said_in_the_past
from tui.dates.tense import sentence_tense
from tui.span import ResolveError


def _pick(candidates: list[_Period], anchor: date, tense: str | None) -> _Period:
    """Choose among occurrences by the module's open past/future rule."""
    if tense == "past":
        eligible = [c for c in candidates if c.start <= anchor]
        return max(eligible, key=lambda c: c.start)
    if tense == "future":
        eligible = [c for c in candidates if c.end >= anchor]
        return min(eligible, key=lambda c: c.start)
    for c in candidates:
        if c.start <= anchor <= c.end:
            return c
    past = [c for c in candidates if c.end < anchor]
    future = [c for c in candidates if c.start > anchor]
    best_past = max(past, key=lambda c: c.end) if past else None
    best_future = min(future, key=lambda c: c.start) if future else None
    if best_future is None:
        assert best_past is not None
        return best_past
    if best_past is None or (best_future.start - anchor) < (anchor - best_past.end):
        return best_future
    return best_past  # ties go to the past: news mostly reports what happened


class LazyPattern:
    """A regular expression compiled on its first use.

    The rules match fixed patterns at every resolution, so they are compiled once
    rather than looked up in `re`'s cache (which patterns built from the text being
    read can crowd out); but only on first use, so that importing the rules, as
    every start does, compiles none of them.
    """

    __slots__ = ("_source", "finditer", "fullmatch", "match", "search")
    finditer: Callable[..., Iterator[re.Match[str]]]  # (text[, pos[, endpos]])
    fullmatch: Callable[[str], re.Match[str] | None]
    match: Callable[..., re.Match[str] | None]  # (text[, pos])
    search: Callable[[str], re.Match[str] | None]

    def __init__(self, source: str) -> None:
        self._source = source

    def __getattr__(self, name: str) -> Any:
        # Called only while a method's slot is empty: the first use.
        compiled = re.compile(self._source)
        self.finditer, self.fullmatch, self.match, self.search = (
            compiled.finditer,
            compiled.fullmatch,
            compiled.match,
            compiled.search,
        )
        return getattr(compiled, name)


class _Context:
    """What every rule needs: the anchor, and the sentence's tense, read lazily.

    `used` records how much of the sentence a resolution looked at (None: none of
    it; "tense": only its tense and cue word; "text": its words), which decides
    how its result may be memoised (see `resolve_span`).
    """

    __slots__ = (
        "_expression",
        "_parts",
        "_resolver",
        "_sentence",
        "_tense",
        "anchor",
        "has_sentence",
        "used",
    )

    def __init__(
        self,
        anchor: date,
        sentence: str | None,
        expression: str,
        resolver: Callable[[str, _Context], _Result],
    ) -> None:
        self.anchor = anchor
        self._resolver = resolver
        self.has_sentence = bool(sentence and sentence.strip())
        self._sentence = sentence
        self._expression = expression
        self._tense: tuple[str | None, str | None] | None = None
        self.used: str | None = None
        self._parts: dict[str, _Result | ResolveError] | None = None

    @property
    def expression(self) -> str:
        """The date words being resolved, as given."""
        return self._expression

    def resolve(self, text: str) -> _Result:
        """Resolve part of the expression (a range's end, a modifier's period) alike.

        The resolver is handed in, so that the rules need not import it. Each part is
        resolved once: a range tries every split of its words into two ends, each of
        which may be split again ("a to a to a …" took exponential time).
        """
        if self._parts is None:
            self._parts = {}
        known = self._parts.get(text)
        if known is None:
            try:
                known = self._resolver(text, self)
            except ResolveError as exc:
                known = exc
            self._parts[text] = known
        if isinstance(known, ResolveError):
            raise known
        return known

    def _read_tense(self) -> tuple[str | None, str | None]:
        if self._tense is None:
            self._tense = sentence_tense(self._sentence, self._expression)
        if self.used is None:
            self.used = "tense"
        return self._tense

    @property
    def tense(self) -> str | None:
        """'past', 'future' or None, from the sentence (a plan told as changed, "plan",
        is read as the future: `plan_told_as_changed` says so)."""
        tense = self._read_tense()[0]
        return "future" if tense == "plan" else tense

    @property
    def tense_read(self) -> str | None:
        """The tense as `sentence_tense` read it, "plan" included (the memo's key)."""
        return self._read_tense()[0]

    @property
    def plan_told_as_changed(self) -> bool:
        """True when the words' future is a plan told as changed ("originally scheduled
        for 3 May") or a deadline expected ("A report, expected by the end of July, will
        …"): not a year ahead when that day has just passed (`tense.sentence_tense`'s
        "plan")."""
        return self.tense_read == "plan"

    @property
    def cue(self) -> str | None:
        """The word that gave the tense away."""
        return self._read_tense()[1]

    @property
    def sentence(self) -> str | None:
        """The sentence itself (a result that reads it is memoised by it)."""
        self.used = "text"
        return self._sentence

    @property
    def tense_text(self) -> str:
        return _tense_text(self.tense_read, self.cue, self.has_sentence)

    @property
    def said_in_the_past(self) -> bool:
        """True when the only past is a reporting verb's, which the words do not date
        (`tense.said_in_the_past`): the tense is None, and the verb the cue."""
        return said_in_the_past(self.tense, self.cue)


class _Result(NamedTuple):
    period: _Period
    rule: str
    approximate: bool = False


_LEADING = re.compile(
    r"^(?:on|in|at|since|by|from|during|over|throughout|within|as\s+of|of|"
    r"up\s+until|up\s+to|until|till|til|through|thru|not?\s+later\s+than|"
    # "for the past six years" is the stretch; "for six years" a length, not a date.
    r"for(?=\s+the\s+(?:past|last)\s))\s+"
)


_APPROX = re.compile(
    r"^(?:around|about|circa|ca\.?|c\.|approximately|approx\.?|roughly|nearly|almost|"
    r"more\s+than|less\s+than|at\s+least|just\s+over|just\s+under|some(?=\s+(?:\d|"
    + _NUMBER_RE[1:-1]
    + r")\b))\s+"
)


_IN_NUMBER = (
    r"in\s+(?:(nearly|almost|about|around|over|more than)\s+)?" + _NUMBER_RE + r"\s+" + _UNIT_RE
)


# "Friday at the latest" is Friday, by which it is done (`tui.dates.relations`).
AT_THE_LATEST = re.compile(r",?\s+at\s+the\s+latest$")


_TIME_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night|midday|noon|overnight)$")


def _normalise(expression: str) -> str:
    """Lower-case, plain quotes and dashes, no wrapping punctuation, single spaces."""
    text = expression.translate(_TRANSLATE).lower()
    text = re.sub(r"\s+", " ", text).strip()
    # Wrapping brackets and quotes, trailing sentence punctuation (but keep "sept.").
    prev = None
    while prev != text:
        prev = text
        kept = "'" if re.match(r"'\d\d\b", text) else ""  # "'58": a two-digit year
        text = kept + text.strip(" \"'()[]")
        text = re.sub(r"[,;:!?]+$", "", text).strip()
        if text.endswith(".") and not re.search(r"\b" + _MONTH_RE + r"$", text):
            text = text[:-1]
    text = re.sub(r"\s*–\s*", "–", text)
    return text


_MOD_RE = re.compile(
    r"^(?:(early|mid|late)(?:\s*[-–]\s*|\s+)(?:in\s+|of\s+)?"
    r"|(?:the\s+)?(beginning|start|middle|end|close)\s+of\s+(?:the\s+)?)(.+)$"
)


_MOD_NAMES = {"early": ("START", "early"), "mid": ("MID", "mid"), "late": ("END", "late")}
