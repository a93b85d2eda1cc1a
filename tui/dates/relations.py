"""How an event relates to its resolved span: "on", "by", "as of", "since", "until",
"from".

A span says *when*; the relation says what the article's words claim about it.
The words decide it, in this order:

* a relational preposition at the head of the date words: "since 2019" and "for
  the past six years" → ``since`` (not "over the past decade": a change within it,
  ``on``); "by 2030", "no later than Friday" and "Friday at the latest" (after the
  words) → ``by``; "until 2019", "till", "up to" → ``until``; "as of April" → ``as
  of``; "from Thursday" (not a range's "from Monday to Friday") → ``from``;
* words that name the present ("now", "currently", "at present") → ``as of``: what
  holds now held at the article's date, since a time the words do not say;
* for words dated by the publication date (a report with no date words of its own),
  the verb form: a present or present-perfect progressive ("is leading", "has been
  forging", "are only strengthening", a bare "-ing" form) or a present-tense state
  ("is significant") → ``as of``; a completed act in the present perfect ("has
  confirmed", "has reportedly begun") or in the simple past ("hosted") → ``by``;
* anything else → ``on``.

The data may state a relation where the words alone are ambiguous (a report
"On Monday" of an exhibition that was held by then); `check_stated` rejects one the
words contradict. Everything here is plain Python: no Textual, no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from tui.dates.lasttime import names_a_last_time, when_after
from tui.dates.lexicon import MOVED_TO
from tui.span import RELATIONS

_ADVERBS = (r"(?:\s+(?:\w+ly|only|still|also|now|just|already|long|again|not|never|"
            r"so\s+far|thus\s+far|since))*")
_PARTICIPLE_IRREGULAR = (
    "begun|done|made|taken|given|seen|shown|grown|known|become|come|gone|held|kept|"
    "met|sent|spent|built|brought|bought|caught|fought|found|led|left|lost|paid|put|"
    "read|run|said|set|sought|told|thought|won|written|broken|chosen|driven|spoken|"
    "stood|struck|sworn|thrown|undertaken|withdrawn|drawn|risen|fallen|hit|cut|let|shut"
)

_PERFECT_PROGRESSIVE = re.compile(r"\b(?:has|have|'s|'ve)" + _ADVERBS + r"\s+been\s+\w+ing\b")
_PROGRESSIVE = re.compile(r"\b(?:is|are|am|'s|'re)" + _ADVERBS + r"\s+\w+ing\b")
_BARE_PROGRESSIVE = re.compile(r"^\w+ing\b")
_PERFECT_STATE = re.compile(r"\b(?:has|have)" + _ADVERBS + r"\s+been\b")
# No "not" or "never" here: "has never been signed" is no completed act.
_AFFIRMATIVE = (r"(?:\s+(?:\w+ly|not\s+only|only|still|also|now|just|already|long|again|"
                r"so\s+far|thus\s+far|since))*")
_PERFECT_PASSIVE = re.compile(
    r"\b(?:has|have|'s|'ve)" + _AFFIRMATIVE + r"\s+been" + _AFFIRMATIVE
    + r"\s+(?:\w+ed|" + _PARTICIPLE_IRREGULAR + r")\b"
)
# No "not" or "never" either: "has not recovered" is no completed act.
_PERFECT = re.compile(
    r"\b(?:has|have)" + _AFFIRMATIVE + r"\s+(?:\w+ed|" + _PARTICIPLE_IRREGULAR + r")\b"
)
_PRESENT_STATE = re.compile(r"\b(?:is|are|am|remains?|stands?|seems?)\b")
_PAST_IRREGULAR = (
    "began|did|made|took|gave|saw|showed|grew|knew|became|came|went|held|kept|met|"
    "sent|spent|built|brought|bought|caught|fought|found|led|left|lost|paid|said|"
    "sought|told|thought|won|wrote|broke|chose|drove|spoke|stood|struck|swore|threw|"
    "undertook|withdrew|drew|rose|fell|was|were"
)
_SIMPLE_PAST = re.compile(
    r"^(?:\w+ly\s+)?(?:\w{2,}ed|" + _PAST_IRREGULAR + r")\b(?!\s+(?:to|by)\b)"
)

# Words for the present, which the resolver reads as the publication date itself
# (`rules_relative`): what holds "now" is a state at that date, not an act on it.
_PRESENT_WORDS = re.compile(
    r"(?:right\s+)?now|currently|at\s+present|presently|at\s+the\s+moment|nowadays"
)

RELATION_WORDS = (
    r"(?:ever\s+since|since|as\s+of|by|until|till|til|up\s+until|up\s+to|through|thru|"
    r"no\s+later\s+than|not\s+later\s+than)"
)
"""The words before date words that give their relation (`_HEAD_RELATIONS`), for a
draft's date words to keep with them ("since January 2020", "through March")."""

_HEAD_RELATIONS = (
    (re.compile(r"^(?:ever\s+)?since\b"), "since", '"since" names when it began'),
    (
        # "In the past week", "during the past year" and "over the past decade" say when
        # within the stretch (a change made in it: "cut its workforce over the past
        # decade"): on. Only "for" says how long a state has held. Not "for the last
        # Saturday in March", "for the last week of May": a day or days of a month,
        # which "for" plans.
        re.compile(r"^for\s+the\s+(?P<which>past|last)\s+\w+\b"
                   r"(?!\s+(?:of|in)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
                   r"|\d{4}|(?:this|last|next)\s+(?:month|year)))"),
        "since",
        '"for the {which} …" names how long it has held up to the article',
    ),
    (re.compile(r"^as\s+of\b"), "as of", '"as of" names a time at which it held'),
    # "from Thursday", not a range's "from Monday to Friday" (on: within it).
    (
        re.compile(r"^from\b(?!.*\b(?:to|until|till|til|through|thru|and)\b)"),
        "from",
        '"from" names when it begins',
    ),
    (re.compile(r"^by\b"), "by", '"by" names the latest time for it'),
    # "no later than Friday" is "by Friday": a latest time, not a day it happened on.
    (
        re.compile(r"^(?P<limit>not?\s+later\s+than)\b"),
        "by",
        '"{limit}" names the latest time for it',
    ),
    (
        re.compile(r"^(?:until|till|til|up\s+to|up\s+until|through|thru)\b"),
        "until",
        '"until" names its end',
    ),
)

# Which stated relations each kind of cue leaves open. A cue of "words" is a
# relational preposition: the words say it outright and nothing else fits.
_ALLOWED = {
    "default": ("on", "by", "as of"),
    "present": ("as of", "on"),  # "now": a state, or an act under way that very day
    "perfect": ("by", "as of"),
    "progressive": ("as of",),
    "state": ("as of", "since"),
}


class Relation(NamedTuple):
    """A relation derived from the words, why, and what kind of cue gave it."""

    relation: str
    reason: str
    cue: str  # "words", "present", "perfect", "progressive", "state" or "default"


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


DEFAULT_RELATION = Relation("on", "the words name when it happened", "default")
"""The relation of date words that give none of their own."""

# After date words, a latest time: "on Friday at the latest" is by Friday, as "no later
# than Friday" is (an earliest one, "at the earliest", is refused: `tui.dates.limits`).
_AT_THE_LATEST = re.compile(r",?\s*\bat\s+the\s+latest[.,;:!?]*$")
_LATEST_AFTER = re.compile(r"\s*,?\s*at\s+the\s+latest\b", re.IGNORECASE)
_LATEST = Relation("by", '"at the latest" names the latest time for it', "words")


def latest_after(after: str) -> Relation | None:
    """``by`` when the text just after date words (`after`) is "at the latest" ("on
    Friday at the latest"); else None."""
    return _LATEST if _LATEST_AFTER.match(after) else None


@lru_cache(maxsize=4096)
def from_date_words(date_text: str) -> Relation:
    """The relation a date expression's own head word gives ("since 2019" → since).

    Memoised: a large event file repeats the same date words many times.
    """
    text = _fold(date_text).strip("\"'“”()")
    for pattern, relation, reason in _HEAD_RELATIONS:
        head = pattern.match(text)
        if head:  # the reason quotes the words as they are ("for the last …")
            return Relation(relation, reason.format_map(head.groupdict()), "words")
    if _AT_THE_LATEST.search(text):  # "Friday at the latest"
        return _LATEST
    if _PRESENT_WORDS.fullmatch(text):
        return Relation(
            "as of",
            f'"{text}" names the present: it held at the article\'s date, since a time the '
            "words do not say",
            "present",
        )
    return DEFAULT_RELATION


_DEADLINE = re.compile(r"\s+(?:deadline|cut-?off|due\s+date)\b", re.IGNORECASE)
# What follows date words that makes the word before them a noun's, not a relation's:
# "went through 2023 records" (a conjunction after them does not).
_NOUN_FOLLOWS = re.compile(r"\s+(?!(?:and|or|but|when|while|as|after|before)\b)[a-z]")
# After a bare year ("criticised by 2023 graduates", "by 1990s standards"), a plural noun
# the year describes: "by" is then the agent's, not a deadline's. Only a plural: any
# other word ("by 2030 despite delays", "by 2030 amid …") leaves the deadline be.
_YEAR = re.compile(r"\d{4}s?|'\d0s")
_NEXT_WORD = re.compile(r"\s+([a-z]{3,}s)\b")
_NOT_PLURAL = frozenset(
    "says was has does this thus unless across versus perhaps besides always towards "
    "afterwards whereas its his hers ours yours theirs plus less amidst amongst "
    "nevertheless regardless sometimes".split()
)
# What follows a plural noun that is a subject or an agent ("graduates of the college",
# "graduates who …", "graduates."): not a verb's object ("requires huge investment").
_AFTER_A_NOUN = re.compile(
    r"\s*(?:[.,;:!?)\"”]|$|(?:of|who|and|or|from|at|in|on|with|were|are|have|had|said|say)\b)"
)
# "Since Monday is a holiday", "…, since 2019 was a drought year": a clause that opens
# with "since" and the date words as the subject of a verb is a reason ("because"), not
# a beginning. ("Trade since 2019 has doubled" is one: "since" opens no clause there.)
_SUBJECT_OF = re.compile(
    r"\s+(?:is|was|are|were|has|had|will|would|falls|fell|marks|marked)\b"
)
# What follows date words after "from" for it to say when something begins ("will run
# from Thursday.", "applies from 1 April, officials said", "from Monday onwards").
_FROM_BEGINS = re.compile(r"\s*(?:[.,;:!?)\"”]|$|(?:onwards?|on)\b)")
# Before "from", a change or a number it is measured from: "fell from last year", "up
# 5% from a year earlier", "compared with", "recovered from".
_COMPARED_FROM = re.compile(
    r"(?:\b(?:rose|rise|rises|risen|rising|fell|fall|falls|fallen|falling|up|down|"
    r"higher|lower|more|less|grew|grow|grows|jumped|climbed|dropped|slipped|declined|"
    r"increased|decreased|recovered|compared|changed|unchanged|away|different|apart)"
    r"|\d%?|per\s*cent|percent|points?)\s*$",
    re.IGNORECASE,
)
_OPENS_A_CLAUSE = re.compile(
    r"(?:^|[.,;:!?(\"“—–-]|\b(?:and|but|or|so|that|because|as))\s*$", re.IGNORECASE
)


# A state of being shut or held, and the verbs that end it: "Schools, closed since March 9,
# reopened on Monday". Each state its own ending, told with at most its day, then the
# clause's end ("was reopened briefly", "reopened on Monday in the north", "released from
# hospital", "held since 1947, resumed", "released … and detained again" do not).
# Not a past perfect ("had been closed since March"): news tells it of what still holds
# as often as not ("…, his lawyers say").
_ENDINGS = {
    "closed": "reopened", "shut": "reopened", "suspended": "resumed|lifted",
    "halted": "resumed", "banned": "lifted", "blocked": "lifted|reopened",
    "detained": "released|freed", "jailed": "released|freed",
    "imprisoned": "released|freed", "missing": "found",
}  # fmt: skip
_STATE_BEFORE_SINCE = re.compile(
    rf"\b({'|'.join(_ENDINGS)})\s+(?:ever\s+)?since\s*$", re.IGNORECASE
)
_ENDED_AFTER = {
    state: re.compile(
        rf"\s*,\s*(?:(?:was|were)\s+)?(?:{ending})(?:\s+(?:on|last|this)\s+\w+|\s+yesterday"
        r"|\s+today)?\s*(?:[.;,]|$)",
        re.IGNORECASE,
    )
    for state, ending in _ENDINGS.items()
}


# Before it, words that put the ending in doubt or deny it.
_IN_DOUBT = re.compile(
    r"\b(?:whether|if|unclear|denied|deny|denies|rumou?rs?|reports?\s+that|not\s+(?:know|"
    r"confirm|clear))\b",
    re.IGNORECASE,
)
# Before the state, a phrase whose head is another thing than what is shut or held:
# "Footage of the hostages, held since October 7, was released on Sunday".
_OTHER_HEAD = re.compile(
    r"\b(?:of|for|into|on|to|about|over|around|from|at|against|with|near|by|\w+ing)\b",
    re.IGNORECASE,
)
# After the ending, that the state goes on all the same, or in part ("…, was released by
# his club but remains banned", "reopened on Monday for urgent cases only").
_GOES_ON = re.compile(
    r"[^!?]*?\b(?:remains?|still|continues?|in\s+part|partially|partly|only|re-?arrested)\b",
    re.IGNORECASE,
)


def since_ended(before: str, after: str) -> Relation | None:
    """For "since" date words (`before` ends with "since", `after` follows the words):
    "from", when the text says a state of being shut or held that began then ended just
    after (it began then, but not that it still held when written); else None."""
    state = _STATE_BEFORE_SINCE.search(before)
    if (
        state is None
        or _IN_DOUBT.search(before)  # "Officials denied that the border, closed since …"
        or not _ENDED_AFTER[state.group(1).lower()].match(after)
        or _GOES_ON.match(after)
    ):
        return None
    # Whose state it is: a short subject of its own before it ("Schools in Sable Ford, "),
    # not a longer one, whose head may be another ("Figures for the mine, closed since …").
    subject = before[: state.start()].rsplit(".", 1)[-1]
    if len(subject) > 45 or _OTHER_HEAD.search(subject):
        return None
    return Relation("from", '"since" names when it began; the quote says it ended, not that '
                    "it still held when the article was written", "words")  # fmt: skip


def since_a_last_time(before: str, after: str) -> Relation | None:
    """For "since" date words (`before` ends with "since", `after` follows the words):
    "on" when they name the last time before and a "when" clause after them tells what
    happened then ("the first since 2011, when a stoppage …"), else None (without it,
    the words say only that it had not happened since: `tui.dates.limits` refuses them)."""
    if not when_after(after) or not names_a_last_time(before):
        return None
    return Relation("on", '"…since …, when" names what happened then, the last time before',
                    "words")  # fmt: skip


# A move just before "until": what is moved happens then ("postponed until 12 May").
_MOVED_UNTIL = re.compile(MOVED_TO, re.IGNORECASE)


_EXTENDED = ("extended", "was extended", "were extended", "has been extended",
             "have been extended", "is extended", "are extended", "had been extended")


def moved_until(before: str) -> bool:
    """True when `before` (the text before date words) ends with a move and its "to" or
    "until" ("has been postponed until", "was adjourned on Wednesday until"); not an
    extension ("extended the curfew until Sunday": a state held until then)."""
    move = _MOVED_UNTIL.search(before)
    return move is not None and not move.group(0).lower().lstrip().startswith(_EXTENDED)


def from_words_before(before: str, words: str, after: str = "") -> Relation | None:
    """The relation a preposition just before date words gives ("since" before "2019",
    "as of" before "April"), or None. `before` and `after` are the text either side.

    "went through 2023 records" has none (a noun follows), nor "hit by Saturday's
    storm" or "criticised by 2023 graduates" (the date words a possessive or a noun's:
    "by" there is the agent's), nor "moved up to June" (the verb's "up"), nor "Since
    Monday is a holiday" (the date words a verb's subject: "since" there is "because").
    """
    lead = before[-20:].split()
    if not lead:
        return None
    lead[-1] = lead[-1].lstrip("\"“‘'(")  # 'would campaign "from tomorrow"': the "from"
    if lead[-1].lower() in ("through", "thru") and _NOUN_FOLLOWS.match(after):
        return None
    possessive = ("'s", "\u2019s")
    if lead[-1].lower() == "by" and (
        words.rstrip().endswith(possessive) or after.startswith(possessive)
    ) and not _DEADLINE.match(after[2:] if after.startswith(possessive) else after):
        return None  # "hit by Saturday's storm"; "by Friday's deadline" is by Friday
    last = lead[-1]
    if last.lower() == "by" and _YEAR.fullmatch(words.strip()):
        following = _NEXT_WORD.match(after)
        if (
            following
            and following[1] not in _NOT_PLURAL
            and not following[1].endswith(("ss", "us", "is"))
            and _AFTER_A_NOUN.match(after, following.end())
        ):
            return None  # "criticised by 2023 graduates": the agent's "by"
    if (
        last.lower() == "since"
        and _SUBJECT_OF.match(after.lower())
        and _OPENS_A_CLAUSE.search(before.rstrip()[: -len(last)])
    ):
        return None  # "Since Monday is a holiday": causal
    if last.lower() == "from" and (
        not _FROM_BEGINS.match(after) or _COMPARED_FROM.search(before.rstrip()[: -len(last)])
    ):
        # "Figures from 2019 show", "footage from Monday's rally", "prices fell from last
        # year": where it comes from, or what it is compared with; not when it begins.
        return None
    if last.lower() in ("until", "till", "til") and moved_until(before):
        return None  # "postponed until 12 May": the day it moved to, not an end
    relation = from_date_words(f"{last} {words}")
    if relation.relation == "since":  # "Schools, closed since March 9, reopened on Monday"
        relation = since_ended(before, after) or since_a_last_time(before, after) or relation
    if relation.cue != "words" and len(lead) > 2 and last.lower() == "than":
        relation = from_date_words(f"{lead[-3]} {lead[-2]} {last} {words}")  # "no later than"
    if relation.cue != "words" and len(lead) > 1 and last.lower() in ("of", "to"):
        if len(lead) > 2 and lead[-2].lower() == "up" and lead[-3].lower().endswith("ed"):
            return None  # "moved up to June": the verb's "up", not "up to"
        relation = from_date_words(f"{lead[-2]} {last} {words}")  # "as of", "up to"
    return relation if relation.cue == "words" else None


def from_verb(words: str) -> Relation | None:
    """The relation the verb form of words dated by publication gives, or None.

    "has confirmed", "hosted" → by; "is leading", "has been forging", "enhancing" → as of;
    "is significant" → as of. None when no present or present-perfect form is
    found, so that a caller can say the words do not support publication dating.
    """
    text = _fold(words)
    if _PERFECT_PROGRESSIVE.search(text):
        return Relation(
            "as of",
            "a present-perfect progressive is an ongoing state: it held at the article's "
            "date and may have held before and after",
            "progressive",
        )
    if _PROGRESSIVE.search(text) or _BARE_PROGRESSIVE.match(text):
        return Relation(
            "as of",
            "a progressive form is something under way at the article's date, which may "
            "have begun before and gone on after",
            "progressive",
        )
    if _PERFECT_PASSIVE.search(text):
        return Relation(
            "by",
            'a completed act in the passive present perfect ("has been signed"), with no '
            "date words, happened on or before the article's date; when, the article does "
            "not say",
            "perfect",
        )
    if _PERFECT_STATE.search(text):
        return Relation(
            "as of",
            '"has been" is a state that held at the article\'s date, since a time it does not say',
            "state",
        )
    if _PERFECT.search(text):
        return Relation(
            "by",
            "a completed act in the present perfect, with no date words, happened on or "
            "before the article's date; when, the article does not say",
            "perfect",
        )
    if _SIMPLE_PAST.match(text):
        return Relation(
            "by",
            "an act the article reports in the past tense, with no date words, happened on "
            "or before the article's date; when, the article does not say",
            "perfect",
        )
    if _PRESENT_STATE.search(text):
        return Relation(
            "as of",
            "a present-tense state held at the article's date and may have held before and after",
            "state",
        )
    return None


# In a whole sentence, a verb form is looked for more strictly than in date words a
# curator chose: auxiliaries written out ("China's growing role" is a possessive,
# and "They've" or "They're" would leave a form `from_verb` cannot read), words in
# lower case ("the winner is Beijing"), no noun or preposition that ends in "-ing"
# ("is something", "is during"), and no "is going to" (a plan, not an act under way).
# No "not" or "never": a negated form reports no act to date.
_SENTENCE_ADVERBS = (r"(?:\s+(?:[a-z]+ly|not\s+only|only|still|also|now|just|already|long|again|"
                     r"so\s+far|thus\s+far|since))*")
_SENTENCE_ING = (
    r"(?!going\s+to\b)(?!(?:during|something|nothing|anything|everything|thing|king|ring|"
    r"spring|string|morning|evening|ceiling|wing|sibling|offspring)\b)[a-z]+ing\b"
)
_SENTENCE_PARTICIPLE = r"(?:[a-z]+ed|" + _PARTICIPLE_IRREGULAR + r")\b"
_SENTENCE_VERBS = tuple(
    re.compile(pattern)
    for pattern in (
        r"\b(?:has|have)" + _SENTENCE_ADVERBS + r"\s+been" + _SENTENCE_ADVERBS + r"\s+"
        + _SENTENCE_ING,
        r"\b(?:has|have)" + _SENTENCE_ADVERBS + r"\s+been" + _SENTENCE_ADVERBS + r"\s+"
        + _SENTENCE_PARTICIPLE,
        r"\b(?:has|have)" + _SENTENCE_ADVERBS + r"\s+been\b",
        r"\b(?:is|are|am)" + _SENTENCE_ADVERBS + r"\s+" + _SENTENCE_ING,
        r"\b(?:has|have)" + _SENTENCE_ADVERBS + r"\s+" + _SENTENCE_PARTICIPLE,
    )
)


def publication_verb(sentence: str) -> str | None:
    """The first present-perfect or progressive verb form of `sentence` ("has
    confirmed", "is leading", "has been forging", "has been signed"), as written,
    or None.

    These are forms `from_verb` dates by the publication date, found where they
    stand in a whole sentence, for a report with no date words of its own. A simple
    past ("hosted") or a bare "is" is not looked for: in a whole sentence such a
    word is too often not the verb of the report. A participle used as an adjective
    ("has limited leverage") still reads as a verb: the curator sees the words and
    the date they give before anything is written.
    """
    found = [m for pattern in _SENTENCE_VERBS for m in pattern.finditer(sentence)]
    for match in sorted(found, key=lambda m: (m.start(), -m.end())):
        if from_verb(match.group(0)) is not None:
            return match.group(0)
    return None


def check_stated(stated: str, derived: Relation) -> str | None:
    """None if `stated` is a relation the words allow; else why it is refused."""
    if stated not in RELATIONS:
        return f"'relation' must be one of {', '.join(RELATIONS)}, not '{stated}'"
    if derived.cue == "words":
        allowed: tuple[str, ...] = (derived.relation,)
    else:
        allowed = _ALLOWED[derived.cue]
    if stated in allowed:
        return None
    return (
        f"the words say '{derived.relation}' ({derived.reason}), which 'relation: {stated}' "
        f"contradicts; the words allow {' or '.join(repr(a) for a in allowed)}"
    )
