"""What the words around date words in their quote say about them.

A source's date words are part of its quote. The words just before or after
them can change what they mean: "June" in "finished by June" is *by* June
(`relation_in_quote`); "Monday" in "the following Monday" counts from another
mention, not from the publication date (`refuse_part_of_a_reference`); "by 2023"
in "criticised by 2023 graduates" is no deadline (`refuse_a_denied_relation`);
and "June" in "done before June" is no day of it, nor "September" in "moved from
September", nor "Lunar New Year" in "the Lunar New Year holiday"
(`refuse_words_that_do_not_date`). Each is looked at only where the words beside
the date words can matter, since every source of a load passes here.
"""

from __future__ import annotations

import re

from tui.dates.lexicon import (
    _TIME_OF_DAY_WORDS,
    FURTHER,
    IN_GMT_BEFORE,
    SOME_DAY_GOES_ON,
    TOLD_OF_AFTER,
    is_reference,
    reads_by_tense,
)
from tui.dates.relations import Relation, from_words_before, latest_after, moved_until
from tui.dates.rules_holidays import HOLIDAY_STRETCH, is_holiday
from tui.dates.tense import sentence_tense
from tui.span import ResolveError

InQuote = tuple[str, int, int]
"""The quote as searched, and where the date words start and end in it."""


def place_in_quote(date_text: str, quote: str) -> InQuote | None:
    """Where `date_text` first stands in `quote` as words of their own (case and white
    space aside: "August" is not in "Augusta"), or None."""
    found = _whole_words(quote, date_text)  # nearly always as they stand
    if found is None:
        quote, date_text = " ".join(quote.split()), " ".join(date_text.split())
        found = _whole_words(quote.lower(), date_text.lower())
        if found is None:
            return None
    return quote, found, found + len(date_text)


def _whole_words(text: str, words: str) -> int | None:
    """Where `words` first stand in `text` with no letter or digit against either end."""
    if not words:
        return None
    at = text.find(words)
    while at >= 0:
        end = at + len(words)
        if not (at and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
            return at
        at = text.find(words, at + 1)
    return None


def word_before(quote: str, at: int) -> str:
    """The word just before offset `at` of `quote`, in lower case ("" if none)."""
    before = quote[max(0, at - 30) : at]
    words = before.rstrip()
    if len(words) == len(before) or not words:  # no space before them: no word of its own
        return ""
    return words.rsplit(None, 1)[-1].lower().lstrip("\"“‘'(")  # 'campaign "from tomorrow"'


# The last word of each relation `from_words_before` reads ("as of", "up to").
_RELATION_ENDS = frozenset(
    ("since", "by", "of", "to", "until", "till", "til", "through", "thru", "for", "over", "from",
     "than")  # "no later than"
)


def relation_in_quote(around: InQuote) -> Relation | None:
    """The relation the word before the date words in the quote gives ("by" in "finished
    by June", the date words "June"), or else the words after them ("at the latest" of
    "on Friday at the latest"), or None. Without it, "June" would claim the work was
    done in June, which the article does not say."""
    found = _relation_before(around)
    if found is not None:
        return found
    quote, _, end = around
    after = latest_after(quote[end : end + 20])
    if after is None:
        return None
    return after._replace(reason=f"{after.reason}, just after the date words in the quote")


def _relation_before(around: InQuote) -> Relation | None:
    """The relation the word before the date words in the quote gives, or None."""
    quote, at, end = around
    if word_before(quote, at) == "the":  # "by the end of June", the date words "end of June"
        the = quote.lower().rfind("the", max(0, at - 30), at)
        at = the if the >= 0 else at
    if word_before(quote, at) not in _RELATION_ENDS:
        return None
    if moved_until(quote[max(0, at - 60) : at]):
        return None  # "was adjourned on Wednesday until Monday": the day moved to
    found = from_words_before(quote[max(0, at - 60) : at], quote[at:end], quote[end:])
    if found is None or (found.relation == "from" and not _planned(quote, quote[at:end])
                         and word_before(quote, at) != "since"):  # a "since" that ended
        return None
    return found._replace(reason=f"{found.reason}, just before the date words in the quote")


def begins_from(around: InQuote) -> bool:
    """True when date words headed by "from" ("from Thursday") say when something is to
    begin, as `relation_in_quote` reads a "from" before them; not where it comes from
    or what it is compared with ("Prices fell from last year")."""
    quote, at, end = around
    words = quote[at:end]
    inner = words.lstrip()[len("from"):].lstrip()
    found = from_words_before(f"{quote[max(0, at - 20):at]}from ", inner, quote[end : end + 40])
    return found is not None and found.relation == "from" and _planned(quote, words)


def _planned(quote: str, words: str) -> bool:
    """True when the sentence tells of what is to come ("would run its own minibus from
    Thursday"): "from" told of the past or the present is as often where something
    comes from ("The footage is from Monday", "Recordings from 2019, released …")."""
    return sentence_tense(quote, words)[0] in ("future", "plan")


# "the following Monday", "Monday of the previous week": the words beside date words
# that make them count from another mention.
_REFERENCE_LEADS = frozenset(("following", "previous", "preceding", "prior"))
_NEXT_LEADS = frozenset(("next", "following", "previous"))  # "next summer" after "the"


_WEEKDAY = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?",
    re.IGNORECASE,
)
_TOLD_OF = re.compile(TOLD_OF_AFTER, re.IGNORECASE)  # "the Friday" then a clause
# "Friday (night)" of "the Friday (night) before the vote", not of "the Friday before last".
_SIDE = re.compile(rf"(?!{_TIME_OF_DAY_WORDS}{FURTHER}){_TIME_OF_DAY_WORDS}\s+(?:before|after)\b",
                   re.IGNORECASE)
_LEADING_WORD = re.compile(r"^(?:on|in|at|by)\s+", re.IGNORECASE)  # "on Monday of …"


_WITH_A_DATE = re.compile(
    r",?\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*)"
    r"(?:,?\s+\d{4})?"
)  # "Sunday, March 3, 2024", "Sunday 3 March"
_WEEK_AFTER = re.compile(r"\s+week\b")  # "on Thursday week" (British): a week on
# "over the weekend after talks collapsed": the weekend just gone, "after" a conjunction.
_SPAN_LEADS = frozenset(("over", "during", "at"))
_BEFORE_LAST = re.compile(_TIME_OF_DAY_WORDS + FURTHER, re.IGNORECASE)
_SOME = frozenset(("a", "an", "one"))  # "on a Sunday in early March": some Sunday
_SOME_GOES_ON = re.compile(SOME_DAY_GOES_ON, re.IGNORECASE)




def refuse_some_weekday(around: InQuote) -> None:
    """Raise ResolveError when the date words are a weekday the quote makes indefinite
    ("Sunday" of "on a Sunday in early March"), a week later ("Thursday" of "on
    Thursday week") or further ("Friday" of "the Friday before last"): read alone, they
    would name a day the article does not give."""
    quote, at, end = around
    words = quote[at:end]
    if not _WEEKDAY.fullmatch(words):
        return  # nearly always
    week = _WEEK_AFTER.match(quote, end)
    if week is not None:
        whole = f"{words}{week.group(0)}"
        raise ResolveError(
            f'"{words}" is part of "{whole}" in the quote: a week on from the coming '
            f"{words.split()[0]}, not that one",
            f'write date_text "{whole}"',
        )
    if IN_GMT_BEFORE.search(quote, max(0, at - 16), at):
        raise ResolveError(
            f'"{words}" is the day in GMT of the time before it in the quote '
            f'("{quote[quote.rfind("(", 0, at):end].strip()})"): the same moment as the '
            "local time the sentence gives, not a date of its own",
            "date the source by the local day, the date words before the bracket",
        )
    further = _BEFORE_LAST.match(quote, end)
    if further is not None:  # "the Friday before last": a week before last Friday
        lead = quote[max(0, at - 4) : at].lstrip() if word_before(quote, at) == "the" else ""
        whole = f"{lead}{words}{further.group(0)}"
        raise ResolveError(
            f'"{words}" is part of "{whole}" in the quote: a week further than '
            f"{'last' if 'last' in further.group(0).lower() else 'next'} {words.split()[0]}, "
            f"not that {words.split()[0]}",
            f'write date_text "{whole}"',
        )
    dated = _WITH_A_DATE.match(quote, end)
    if dated is not None:  # "Sunday, March 3, 2024", "Sunday 3 March": the date says which
        whole = f"{words}{dated.group(0)}"
        raise ResolveError(
            f'"{words}" is part of "{whole}" in the quote: its date says which {words}',
            f'write date_text "{dated.group(0).lstrip(", ").strip()}", the date',
        )
    if word_before(quote, at) in _SOME and (
        _TOLD_OF.match(quote, end) or _SOME_GOES_ON.match(quote, end)
    ):
        # ("a Sunday statement" is that Sunday's.)
        raise ResolveError(
            f'"{words}" is "{word_before(quote, at)} {words}" in the quote: some '
            f"{words.split()[0]}, not one the words date",
            "date the source by the quote's other date words, if any (\"in early March\" "
            "of \"on a Sunday in early March\")",
        )


def refuse_part_of_a_reference(around: InQuote) -> None:
    """Raise ResolveError when the date words are part of words that count from another
    mention ("Monday" of "the following Monday"): dated from the publication date,
    they would name a day the article does not."""
    quote, at, end = around
    words = quote[at:end]
    whole = None
    before = word_before(quote, at)
    if before == "the" and words.split(None, 1)[0].lower() in _NEXT_LEADS:
        whole = f"{quote[max(0, at - 4) : at].lstrip()}{words}"  # "next summer" of "the next …"
    elif before == "the" and _WEEKDAY.fullmatch(words) and _TOLD_OF.match(quote, end):
        whole = f"{quote[max(0, at - 4) : at].lstrip()}{words}"  # "Friday" of "by the Friday,"
    elif (before == "the" and (_WEEKDAY.fullmatch(words) or (
            words.lower() == "weekend" and word_before(quote, max(0, at - 4)) not in _SPAN_LEADS))
          and (side := _SIDE.match(quote, end))):
        # "Friday" of "the Friday before the vote", "weekend" of "the weekend after"
        whole = f"{quote[max(0, at - 4) : at].lstrip()}{words}{side.group(0)}"
    elif (words.lower() == "the weekend" and before not in _SPAN_LEADS
          and (side := _SIDE.match(quote, end))):
        whole = f"{words}{side.group(0)}"
    elif before in _REFERENCE_LEADS:
        lead = quote[max(0, at - 24) : at].split()[-2:]
        if len(lead) == 2 and lead[0].lower() == "the":
            whole = f"{' '.join(lead)} {words}"
    elif " of " in quote[end : end + 16].lower():  # "Monday (night) of the following week"
        tail = quote[end : end + 48].split()
        whole = " ".join([words, *tail[: tail.index("of") + 4]]) if "of" in tail else None
    if whole is None:
        return
    whole = whole.rstrip(".,;:!?")
    if not is_reference(_LEADING_WORD.sub("", whole)):
        return
    if reads_by_tense(whole):
        raise ResolveError(
            f'"{words}" is part of "{whole}" in the quote, which the tense reads: the '
            "stretch from the publication date on where the sentence looks ahead, the one "
            "after another mention where it tells of the past",
            hint=f'write date_text "{whole}" (and, told of the past, name the event it '
            "counts from with relative_to: <event id>)",
        )
    raise ResolveError(
        f'"{words}" is part of "{whole}" in the quote, which counts from another '
        "mention in the article, not from the publication date",
        hint=f"write date_text \"{whole}\" and name the event it counts from with "
        "relative_to: <event id>",
    )


_DENIED = {
    "by": ('"by" there names who or what did it ("by 2023 graduates", "by Saturday\'s '
           'storm"), not a deadline',
           "date the event by other words of the quote, or by its verb, which dates it by "
           "the publication date"),
    "since": ('"since" there means "because": the date words are the subject of the verb '
              "after them",
              "date the event by other words of the quote that say when it happened"),
}  # fmt: skip


def refuse_a_denied_relation(date_text: str, around: InQuote) -> None:
    """Raise ResolveError when date words led by "by" or "since" are no relation in their
    quote ("by 2023" in "criticised by 2023 graduates", "Since Monday" in "Since
    Monday is a holiday"): read as they stand, they would date the event by or since
    a time the article does not give it."""
    head, _, rest = date_text.strip().partition(" ")
    lead = head.lower()
    if lead not in _DENIED or not rest:
        return
    quote, at, end = around
    # What stands before the date words, with their own first word, as if it were the
    # quote's: "Since" must open a clause to be "because".
    if from_words_before(quote[max(0, at - 20) : at] + head, rest, quote[end : end + 40]):
        return
    reason, hint = _DENIED[lead]
    raise ResolveError(reason, hint=hint)


# Words before date words that say only that it came after or before them ("arrived after
# the Lunar New Year holiday", "ahead of Monday's talks"), or that they are the date it no
# longer has ("moved from September", "postponed from June 5 to June 12").
_NOT_WHEN = re.compile(
    r"\b(after|before|following|ahead\s+of|prior\s+to|in\s+the\s+run-up\s+to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_MOVED = (
    r"\b(?:moved|postponed|delayed|rescheduled|pushed\s+back|brought\s+forward|put\s+off|"
    r"shifted|switched|changed|extended)\s+"
)
_MOVED_FROM = re.compile(_MOVED + r"from\s+(?:the\s+)?$", re.IGNORECASE)
_MOVED_BEFORE = re.compile(_MOVED + r"$", re.IGNORECASE)  # date words "from June 5 to …"
# "not … until" before date words (or before "until" opening them): no earlier than
# them, not a state held up to them ("is not expected until late April", "won't reopen
# till June", "It is not until June that …").
_NOT_UNTIL = re.compile(
    r"(?:\bnot|\bcannot|\b\w*n['’]t|\bnever)\b(?:\s+[\w'’-]+){0,5}?\s+"
    r"(?P<until>(?:until|till)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_UNTIL_FIRST = re.compile(r"(?:until|till)\s", re.IGNORECASE)
# A "not … until" that looks ahead: a future's or a plan's words in it ("is not expected
# until", "won't reopen till", "will not get to vote on it until").
_AHEAD_IN = re.compile(
    r"\b(?:will|won['’]t|shall|is|are|isn['’]t|aren['’]t|cannot|can['’]t|expected|due|"
    r"scheduled|set|likely|planned|going)\b|['’]ll\b",
    re.IGNORECASE,
)
# Before "not", a past ("was not expected to reopen until"): a plan told of the past.
_PAST_BEFORE_NOT = re.compile(r"\b(?:was|were|did|had)\s+$", re.IGNORECASE)


def _not_until_ahead(quote: str, at: int, words: str) -> re.Match[str] | None:
    """The "not … until" before the date words at `at` (or before "until" opening them)
    when it looks ahead, not told of the past."""
    found = _NOT_UNTIL.search(quote, max(0, at - _LOOK_BACK), at)
    if found is None or not (_UNTIL_FIRST.match(words) or found.group("until")):
        return None
    start = found.start()
    if _AHEAD_IN.search(quote, max(0, start - 12), at) is None:
        return None
    if _PAST_BEFORE_NOT.search(quote, max(0, start - 8), start) is not None:
        return None
    return found


_POSSESSIVE_AFTER = re.compile(r"['’]s\s+[\w-]+")  # "last Friday's flood"
_LOOK_BACK = 40
# The last words of `_NOT_WHEN`, `_MOVED_FROM` and `_NOT_UNTIL` (and "the" before them):
# only after one of these is any looked for.
_TRIGGERS = frozenset(
    ("after", "before", "following", "of", "to", "the", "from", "until", "till")
)
_TRIGGER_ENDS = frozenset(word[-1] for word in _TRIGGERS)


def _after_a_trigger(quote: str, at: int) -> bool:
    """True when the word before offset `at` is one of `_TRIGGERS`. Most often told from
    its last letter alone (every source of a load passes here)."""
    if at >= 2 and quote[at - 1] == " " and quote[at - 2].lower() not in _TRIGGER_ENDS:
        return False
    return word_before(quote, at) in _TRIGGERS
_LEAD_WORD = re.compile(
    r"^(?:on|at|in|for|during|over|by|until|till|since|before|after)\s+", re.IGNORECASE
)


def refuse_words_that_do_not_date(date_text: str, around: InQuote) -> None:
    """Raise ResolveError when, wherever the date words stand in the quote, the words
    around them say they do not date it: only that it came after or before them
    ("arrived after the Lunar New Year holiday", "must be done before June", "ahead of
    Monday's talks"), the date it was moved from ("moved from September"), or a
    holiday made a stretch of days or an event of its own ("the Lunar New Year
    holiday", "the Spring Festival Gala"). Dated by them, the event would claim their
    day. One place where they do date it is enough ("Before June, it was drafted; it
    was signed in June")."""
    quote, at, end = around
    words = quote[at:end]
    first: ResolveError | None = None
    while True:
        why = _why_not_dated(quote, at, end, date_text)
        if why is None:
            return
        first = first or why
        later = _whole_words(quote[end:], words)
        if later is None:
            raise first
        at = end + later
        end = at + len(words)


def _why_not_dated(quote: str, at: int, end: int, date_text: str) -> ResolveError | None:
    """Why the date words at `at`–`end` of `quote` do not date it, or None."""
    words = quote[at:end]
    stretch = HOLIDAY_STRETCH.match(quote, end)
    starts_from = words[:1] in "fF" and words[:5].lower() == "from "
    starts_until = words[:1] in "uUtT" and _UNTIL_FIRST.match(words) is not None
    if not starts_from and not starts_until and not _after_a_trigger(quote, at):
        # Nearly every source: no word before the date words that could say so.
        if stretch is None or not is_holiday(date_text):
            return None
        return _a_stretch(words, stretch.group(0))
    moved = _MOVED_FROM.search(quote, max(0, at - _LOOK_BACK), at) or (
        starts_from and _MOVED_BEFORE.search(quote, max(0, at - 30), at)
    )
    if moved:
        return ResolveError(
            f'"{" ".join(moved.group(0).split())} {words}" in the quote names the date it '
            "was moved from, not when it was moved or when it now is",
            hint="date the event by other words of the quote (the new date, for the event "
            "moved), or by its verb, which dates it by the publication date",
        )
    not_until = _not_until_ahead(quote, at, words)
    if not_until is not None:
        said = " ".join(f"{not_until.group(0)}{words}".split())
        bare = _UNTIL_FIRST.sub("", words, count=1) if starts_until else words
        return ResolveError(
            f'"{said}" in the quote says only that it comes no earlier than {bare}, not when',
            hint="date the event by other words of the quote that say when; if the article "
            "reports it as done, by its verb, which dates it by the publication date",
        )
    lead = _NOT_WHEN.search(quote, max(0, at - _LOOK_BACK), at)
    if lead is not None:
        said = " ".join(lead.group(0).split())
        side = "after" if lead.group(1).lower() in ("after", "following") else "before"
        owned = _POSSESSIVE_AFTER.match(quote, end)
        hint = ("date the event by other words of the quote that say when; if the article "
                "reports it as done, by its verb, which dates it by the publication date")
        if owned is not None:
            # "after last Friday's flood": the words date the flood, not what came after.
            named = f"{words}{owned.group(0)}"
            hint = (f'for an event that is "{named}" itself, begin the quote at "{named}" '
                    f"(the possessive dates it); otherwise {hint}")
        return ResolveError(
            f'"{said} {words}" in the quote says only that it came {side} {words}, not when',
            hint=hint,
        )
    if stretch is not None and is_holiday(date_text):
        return _a_stretch(words, stretch.group(0))
    return None


def _a_stretch(words: str, stretch: str) -> ResolveError:
    return ResolveError(
        f'"{" ".join((words + stretch).split())}" in the quote names a stretch of days or an '
        f"event of its own, not the day of {_LEAD_WORD.sub('', words.strip())}",
        hint="date the event by other words of the quote that say when",
    )
