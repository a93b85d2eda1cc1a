"""Earliest limits: date words that say only how early something may come.

"Talks could resume as early as next week", "as soon as next month", "in June at the
earliest", "no earlier than Friday": the words set the earliest time it may come, not
when it comes. Dated *on* them, the event would claim a time the article does not give,
and no relation says "not before" (``from`` says it began within them, ``by`` the
opposite), so they are refused, as "not … until" is (`tui.dates.inquote`). A latest
limit ("no later than Friday", "Friday at the latest") is ``by``
(`tui.dates.relations`).

"as early as" told of the past is no limit but stress: "The firm knew of the flaw as
early as 2019" says when (in 2019, and that it was early), so it is dated as usual.

"soon" in "as soon as" is no time at all: the conjunction ("as soon as it receives the
letter", "as soon as possible") says when something else happens.

"The first … since 2019", "their lowest level since 2019" say only that it had not
happened again since then (`tui.dates.lasttime`): the event is not dated by them, unless
a "when" clause after them tells what happened then.

Plain Python, no I/O.
"""

from __future__ import annotations

import re

from tui.dates.inquote import InQuote
from tui.dates.lasttime import LAST_TIME_BEFORE_SINCE, SINCE_ABOUT, when_after
from tui.dates.tense import sentence_tense
from tui.span import ResolveError

_LIMIT = r"(?P<limit>as\s+(?P<kind>early|soon)\s+as|not?\s+earlier\s+than)"
# Before date words in the quote ("as early as (the) …"), or heading the date words.
_BEFORE = re.compile(rf"\b{_LIMIT}\s+(?:the\s+)?$", re.IGNORECASE)
_HEAD = re.compile(rf"^{_LIMIT}\s+", re.IGNORECASE)
# After date words in the quote ("next month at the earliest"), or ending them.
_AFTER = re.compile(r"\s*,?\s*at\s+the\s+earliest\b", re.IGNORECASE)
_TAIL = re.compile(r",?\s+at\s+the\s+earliest[.,;:!?]*$", re.IGNORECASE)
_LOOK_BACK = 24  # "not earlier than the " and a little
# "soon" of "as soon as": "as" on either side.
_AS_BEFORE = re.compile(r"\bas\s+$", re.IGNORECASE)
_AS_AFTER = re.compile(r"\s+as\b", re.IGNORECASE)
_SOME_WORDS = re.compile(r"\s*((?:[\w'’-]+\s*){1,4})")

_HINT = (
    'no relation says "not before" ("from" would claim it began then): date the event '
    "by other words of the quote that say when; if the article reports it as done, by "
    "its verb, which dates it by the publication date"
)


def refuse_an_earliest_limit(date_text: str, around: InQuote | None) -> None:
    """Raise ResolveError when the date words are an earliest limit ("as early as next
    week", "June at the earliest"), headed or ended by one or, in their quote
    (`around`, None without one), just after or before one; or "soon" of "as soon as"
    in the quote. Read as they stand, they would date the event on a time the article
    gives only as the earliest it may come."""
    words = " ".join(date_text.split())
    quote, at, end = around if around is not None else (words, 0, len(words))
    if around is not None and words.lower() == "soon":
        _refuse_soon_of_as_soon_as(quote, at, end)
    head = _HEAD.match(words)
    if head is not None:
        limit, said = head, words
    elif (tail := _TAIL.search(words)) is not None:
        limit, said = tail, words
    elif around is None:
        return
    elif (before := _BEFORE.search(quote, max(0, at - _LOOK_BACK), at)) is not None:
        limit, said = before, f"{before.group(0)}{quote[at:end]}"
    elif (after := _AFTER.match(quote, end)) is not None:
        limit, said = after, f"{quote[at:end]}{after.group(0)}"
    else:
        return  # nearly always
    if (limit.groupdict().get("kind") or "").lower() == "early" and (
        around is not None and sentence_tense(quote, quote[at:end])[0] == "past"
    ):
        return  # "knew of the flaw as early as 2019": when it was, stressed as early
    where = " in the quote" if around is not None else ""
    raise ResolveError(
        f'"{" ".join(said.split())}"{where} says only how early it may come, not when',
        hint=_HINT,
    )


_SINCE_JUST_BEFORE = re.compile(rf"\bsince{SINCE_ABOUT}\s*$", re.IGNORECASE)
_HEADED_BY_SINCE = re.compile(r"(?:ever\s+)?since\s+", re.IGNORECASE)  # matched at the words


def refuse_a_last_time(date_text: str, around: InQuote | None) -> None:
    """Raise ResolveError when the date words, in their quote (`around`), are the last
    time before a first or a superlative ("the first … since 2011", "their lowest level
    since 2019"), with no "when" clause after them to say what happened then."""
    if around is None:
        return
    quote, at, end = around
    start = max(0, at - 80)
    before = quote[start:at]
    if _HEADED_BY_SINCE.match(quote, at):
        before += "since "
    elif "since" not in before[-24:].lower() or not _SINCE_JUST_BEFORE.search(before):
        return  # nearly always: no "since" just before the words
    found = LAST_TIME_BEFORE_SINCE.search(before)
    if found is None or when_after(quote[end:]):
        return  # nearly always
    said = " ".join(quote[start + found.start() : end].split())  # "their lowest … 2019"
    raise ResolveError(
        f'"{said}" in the quote says only that it had not happened again since then, not '
        "when the event did",
        hint="date the event by other words of the quote that say when; if the article "
        "reports it as done, by its verb, which dates it by the publication date",
    )


def _refuse_soon_of_as_soon_as(quote: str, at: int, end: int) -> None:
    """Raise ResolveError when "soon" at `at`–`end` of `quote` is part of "as soon as"."""
    if _AS_BEFORE.search(quote, max(0, at - 4), at) is None:
        return
    after = _AS_AFTER.match(quote, end)
    if after is None:
        return
    following = _SOME_WORDS.match(quote, after.end())
    shown = "as soon as"
    if following is not None:  # "… " where the words go on past those shown
        more = " …" if quote[following.end() : following.end() + 1].isalnum() else ""
        shown = f"{shown} {following.group(1).strip()}{more}"
    raise ResolveError(
        f'"soon" is part of "as soon as" in the quote ("{shown}"): it says when something '
        "else happens, not a time of its own",
        hint="date the event by other words of the quote that say when; if the article "
        "reports it as done, by its verb, which dates it by the publication date",
    )
