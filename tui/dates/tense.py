"""The tense of the sentence around date words, which settles open past or future."""

from __future__ import annotations

import re
from functools import lru_cache

from tui.dates.clauses import (
    TAKEN_OUT,
    clause_of,
    find_words,
    without_earlier_pasts,
    without_relative_clauses,
)
from tui.dates.lexicon import (
    _DAY_NAMES,
    _SEASONS,
    _TRANSLATE,
    FIXED_DAYS,
    MONTH_NAMES,
    MOVE_VERBS,
    MOVED_TO,
    PAST_PLAN,
    SHARED_PARTICIPLES,
)
from tui.dates.saying import (
    FUTURE_BE_BEFORE,
    REPORTED_IN,
    REPORTING_VERBS,
    SAID_JUST_BEFORE,
    SAID_SUBJECT_OF,
    backshifted,
    dates_the_saying,
    saying_verb,
)
from tui.dates.timetable import held_until, moved_to, timetabled

_FUTURE_RE = re.compile(
    r"\b(will|shall|won't|wo n't|would|going to|(?:is|are|was|were)?\s*expected to|"
    # "had (been) planned for Christmas Eve" is a past perfect: the plan, and its day, before.
    r"(?:is|are)\s+set to|plans? to|planning to|"
    # Not "as planned", "than scheduled": what went ahead as planned did so ("did not
    # meet on Sunday as planned" is a Sunday before).
    r"(?<!\bas )(?<!\bthan )(?:planned|scheduled)|"
    # "Sentencing is set for 13 June": just before the words (not "is set for a return
    # after an injury in March", "Oil is set for a weekly loss after a slump on Monday").
    r"(?:is|are)\s+set\s+for(?=\s*\x00)|"
    # "Councillors are to be told in November": a plan, not a past telling.
    r"(?:is|are)\s+to\s+be|"
    # "is due on Thursday", "is due to announce" (not "due to a fire", a cause); \x00 is
    # where the date words were taken out.
    r"(?:is|are) due(?=\s*\x00|\s+(?:on|at|by|for|next|this|later|back|out|tomorrow|today)\b"
    r"|\s+in\s+(?!(?:large\s+|small\s+)?part\b)|\s+to\s+(?!(?:the|a|an|its|their|his|"
    r"her|this|that|[a-z]+ing)\b)[a-z]+\b|\s*[,.;]|\s*$)|"
    r"intends? to|expecting to|aims? to|hopes? to|(?:is|are)\s+poised to|"
    # What is promised is to come ("has promised a final decision before Easter").
    # Not the date words of the promise itself ("pledged on Monday to cut taxes").
    r"(?:promis(?:es|ed)|pledg(?:es|ed)|vow(?:s|ed))(?!\s*(?:on\s+)?\x00)|"
    # "expects ferries to run": what it expects, a few words before the verb; "officials
    # expect a deal in two weeks", what they expect to come.
    r"expects?(?:\s+[a-z][\w'-]*){0,3}\s+to|"
    # "officials expect a deal in two weeks" (an object, not "expect March exports rose").
    r"(?<!not )(?<!n't )expects?(?=\s+(?:a|an|the|some|more|further|new|another|no)\s)|"
    # "a second round is expected in two weeks", "rain is expected on Friday", "a decision
    # is not expected until the autumn".
    r"(?:is|are)(?:\s+not|n't)?\s+expected(?=\s*\x00|\s+(?:on|at|by|in|within|for|next|"
    r"this|later|soon|around|before|after|early|late|until|till|tomorrow|today)\b"
    r"|\s*[,.;]|\s*$)|"
    # "a consultation due to start in the autumn": "due to" before a verb of a plan that
    # is rarely a noun ("due to travel restrictions" is a cause); not a plan of the past
    # ("were due to start").
    r"(?<!was )(?<!were )(?<!been )due to (?:start|begin|resume|expire|testify|reopen|"
    r"arrive|commence|conclude|take place|be held|be published|be released)(?![\w-])|"
    r"slated (?:to|for)|anticipat\w*|upcoming|forthcoming|next|coming|soon|later this)\b"
    r"|'ll\b",
    re.IGNORECASE,
)

_PAST_PLAN = re.compile(PAST_PLAN, re.IGNORECASE)
# Said of a plan told as changed: brought forward, still on track, or of another
# year ("next year's festival", "Britain's next census", "in 2027"; not "next month").
_EARLIER_OR_A_YEAR = re.compile(
    r"\b(?:brought\s+forward|(?:moved|pulled)\s+(?:up|forward)|advanced|accelerated|sooner|"
    r"preponed|on\s+(?:track|schedule|course)|ahead\s+of\s+schedule|earlier|early|"
    r"\d{4}|next\s+(?!(?:week|"
    r"month|weekend|day|mon|tue|wed|thu|fri|sat|sun)\w*\b)\w+)\b",
    re.IGNORECASE,
)
_PLAN_GAP = re.compile(r"\s+(?:(?:for|on|in|at|by|to|the|until|till)\s+){0,2}")
_PLANNED = frozenset({"planned", "scheduled"})
# "had", then at most two words ("been", an adverb), just before "planned".
_HAD_BEFORE = re.compile(r"\bhad(?:\s+\w+){0,2}\s+$", re.IGNORECASE)

# Lower-case only: capitalised "May" is the month. "could" before a verb is what may yet
# be ("talks could resume in March"), but not what could or could not be done then
# ("they could hear explosions on Saturday", "could have met", "could not attend").
_MODAL_RE = re.compile(
    r"\b(?:may|might)\b|\bcould\b(?!\s+(?:not|never|have|hardly|barely|only|still|"
    # "Rescuers could reach the village on Saturday" was able to; but "losses could
    # reach $50 million by Friday" is a forecast (an audit: the Friday before).
    r"reach(?!\s+(?:[$€£¥\d]|up\s+to|as\s+(?:much|many|high)|about|around|more\s+than|"
    r"(?:a\s+)?(?:new\s+)?(?:record|deal|agreement)))|"
    r"hear|see|feel|smell|taste|find|tell|get|make|understand|remember|afford|"
    r"finally|already|just)\b)"
)

_IRREGULAR_PAST = frozenset(
    "was were had did said told met held went came took made gave saw began led sent spoke "
    "wrote left brought became kept paid ran won sought stood thought found fought struck "
    "bought caught felt heard knew meant rose sat shook spent stole swore "
    "threw understood woke wore ago last earlier previously yesterday "
    # Pasts of four letters or fewer, which the "-ed" rule leaves out (a review: "A man
    # died on Saturday" was the Saturday nearest, after a Wednesday article).
    "died sued axed owed tied lied eyed vied "
    # A past's negation is a past ("Rescuers didn't reach the village until Saturday").
    "didn't wasn't weren't hadn't couldn't "
    # More irregular past forms; not those that are also the present ("cut", "shut",
    # "put", "set", "hit", "read") or mostly nouns in news ("shot", "ground", "bit").
    "arose awoke befell bent bled blew broke bred built chose clung crept dealt drank drew "
    "drove dug ate fell fled flew flung forbade forgave forgot forsook froze got grew hid "
    "hung knelt laid leapt lent lost misled mistook oversaw overcame overran overthrew "
    "overtook rang rebuilt retook rode sang sank slept slid slung sold sped sprang spun stank "
    "strode strove stuck stung swam swept swung taught tore undertook underwent upheld wept "
    "withdrew withheld withstood wove".split()
)  # a set: every word of every sentence is looked up

_NOT_PAST_ED = set(
    "need needed speed seed feed bed red shed united embed hundred indeed proceed exceed "
    "succeed breed greed creed weed deed led based armed advanced limited related "
    "unprecedented detailed concerned interested isolated sophisticated supposed".split()
)

_PRESENT_BE = frozenset({"be", "is", "are", "am", "being", "'s", "'re"})
# After "stays", "remains" … a participle of a state held "until" date words is no past:
# "The road stays closed until Monday" (not "The A9 remains closed after a crash on
# Saturday", whose Saturday is the crash's, before).
_STATE_PARTICIPLES = frozenset(
    "closed shut suspended banned blocked locked sealed cordoned restricted unchanged "
    "unresolved undecided divided flooded postponed frozen paused".split()
)
_IN_A_STATE = re.compile(
    r"\b(?:stays?|remains?|becomes?|seems?|appears?)\s+(?:"
    + "|".join(sorted(_STATE_PARTICIPLES)) + r")\b",
    re.IGNORECASE,
)
# Before a hyphen, these make the "-ed" word a verb ("co-hosted", "re-elected").
_VERB_PREFIXES = frozenset(
    "co re pre de un cross over under out mis counter inter sub super up down".split()
)

# Before an "-ed" word these make it an adjective ("a packed meeting", "the revised
# plan"), not a verb in the past tense.
_ARTICLES = frozenset({"a", "an", "the"})

# "last" is a past marker only as in "last week" or "last year's": a verb ("would
# last six months"), "the last talks" or "the last week of the campaign" says nothing
# of the tense.
_LAST_OF = frozenset(
    {"day", "night", "week", "weekend", "month", "year", "decade", "century"}
    | set(_DAY_NAMES)
    | {name.lower() for name in MONTH_NAMES if name}
    | set(_SEASONS)
)


_WORD = re.compile(r"[A-Za-z']+")
_MOVED_TO = re.compile(MOVED_TO, re.I)
_BACKDATED_TO = re.compile(r"\b(backdated|retroactive)\s+to\s+(?:the\s+)?$", re.I)
_OPENS_A_CLAUSE = re.compile(r"\b(?:after|before|unless|if|because(?!\s+of))\b", re.I)
_VERB_AFTER = re.compile(r"\s+(?:is|are|was|were|has|have|had|will|would|seems?)\b", re.I)
_SPACES = re.compile(r"\s+")


_MOVE_VERB = re.compile(rf"\b{MOVE_VERBS}\b", re.IGNORECASE)


def may_be_future(text: str) -> bool:
    """False when `text` holds no marker of the future (a modal, "will", "expected to")
    nor a move ("postponed to this week"), which `sentence_tense` reads as to come. A
    quick test before it; a timetable's present ("talks resume this week") is not
    looked for."""
    return (_FUTURE_RE.search(text) is not None or _MODAL_RE.search(text) is not None
            or _MOVE_VERB.search(text) is not None)


def _markers(text: str, site: int | None = None) -> tuple[str | None, str | None]:
    """(tense, cue word) from the markers in `text`.

    With `site` (where the date expression stood), the marker nearest to it
    decides, so that "the scheduled talks were held on Saturday" is past; without
    it, a future marker wins over past ones.
    """
    if site is not None and (back := _BACKDATED_TO.search(text, max(0, site - 30), site)):
        return "past", back.group(1).lower()  # "will be backdated to January 1": before
    found: list[tuple[int, int, str, str]] = []  # (start, end, tense, cue)
    plans = [] if site is None else [  # just before the words: "originally scheduled for"
        (m.start(), m.end()) for m in _PAST_PLAN.finditer(text, max(0, site - 80), site)
        if _PLAN_GAP.fullmatch(text, m.end(), site)
    ]
    for m in list(_FUTURE_RE.finditer(text)) + list(_MODAL_RE.finditer(text)):
        cue = _SPACES.sub(" ", m.group(0).strip())
        begins = m.end() - len(m.group(0).lstrip())  # the match may open with a space
        had = _HAD_BEFORE.search(text, max(0, begins - 40), begins) is not None
        if had and cue.lower() in _PLANNED:
            continue  # "had (long) been planned for": a past perfect, the plan before
        # "It had been expected to end by March 21": an expectation told as past, a plan
        # (to come, unless just passed), not the future ("expected to", written on the
        # 24th, was the next year's March 21).
        found.append((m.start(), m.end(), "plan" if had and cue.lower() == "expected to"
                      else "future", cue))
    words = list(_WORD.finditer(text))
    previous = ""
    passive = False  # a participle after "be" came before
    for at, m in enumerate(words):
        word = m.group(0)
        low = word.lower()
        # A capitalised "-ed" word is a name ("Ahmed", "Mohammed"), not a verb, unless
        # it opens a sentence ("Signed in 1961, …"), where every word is capitalised.
        is_past = low in _IRREGULAR_PAST or (
            len(low) > 4 and low.endswith("ed") and low not in _NOT_PAST_ED
            and (not word[0].isupper() or _opens_sentence(text, m.start()))
        )
        # A participle is no past tense: passive after a present "be" ("will be held",
        # "talks are paused"), or followed by its agent ("Opponents, led by Reid, have
        # until Friday"); "were held by" still has its "were".
        following = words[at + 1].group(0).lower() if at + 1 < len(words) else ""
        if low == "last":
            unit = following.removesuffix("'s")
            is_past = unit in _LAST_OF and previous not in _ARTICLES and not previous.endswith("'s")
        elif is_past and previous in _ARTICLES:
            is_past = False  # "a packed meeting", "the lost decade": an adjective
        elif is_past and low in _PLANNED and previous in ("as", "than"):
            is_past = False  # "as planned", "than scheduled": the plan's, not the act's
        elif low == "won" and text[: m.start()].rstrip()[-1:].isdigit():
            is_past = False  # "1,700 won a litre": Korea's currency, not a victory
        elif is_past and text[m.start() - 1 : m.start()] == "-" and (
            previous not in _VERB_PREFIXES
        ):
            is_past = False  # "a flood-damaged bridge": part of an adjective ("co-hosted" is not)
        shared = passive and previous in ("and", "or")  # "will be backdated … and paid"
        if is_past and previous.endswith("ly") and at > 1:
            # "will be formally announced": the adverb's "be".
            previous = words[at - 2].group(0).lower()
        if is_past and previous in _PRESENT_BE:
            passive = previous == "be"  # not "is injured and missed the game"
        elif shared and (low.endswith("ed") or low in SHARED_PARTICIPLES):
            pass  # a participle "be" governs too
        elif is_past and following != "by":
            found.append((m.start(), m.end(), "past", low))
            passive = False
        previous = low
    if site is not None and (moved := _MOVED_TO.search(text, max(0, site - 50), site)):
        # "has been postponed to April 2": the move's past, not the new day's.
        found = [f for f in found if not (f[2] == "past" and moved.start() <= f[0] < site)]
    # A plan told as changed ("originally scheduled for") just before the words: the future
    # its own word gives, but named "plan" (`grammar._Context.plan_told_as_changed`).
    for i, (start, end, tense, _) in enumerate(found if plans else ()):  # rarely any plan
        plan = next(((s, e) for s, e in plans if s <= start < e), None)
        if plan is not None and tense == "future":
            found[i] = (start, end, "plan", _SPACES.sub(" ", text[plan[0] : plan[1]]).lower())
    if not found:
        return None, None
    if site is None:
        futures = [f for f in found if f[2] == "future"]
        chosen = min(futures or found, key=lambda f: f[0])
    else:
        # Nearest first; on a tie, the future marker (a modal governs its verb). Not a
        # clause's opened after the words ("will return on Monday after it accepted").
        own = [f for f in found if f[1] <= site or not _OPENS_A_CLAUSE.search(text, site, f[0])]
        if not own and moved is not None:
            # "were postponed to Wednesday after a lawyer fell ill": the move's new day,
            # whose tense no later clause's past gives (`timetable.moved_to` reads it);
            # but "until Friday before MPs approved it": what came after it is past.
            found = [f for f in found if f[1] <= site or not _opened_after(text, site, f[0])]
            if not found:
                return None, None
        chosen = min(  # with none but those, the nearest of them ("voted" after a comma)
            own or found,
            key=lambda f: (site - f[1] if f[1] <= site else f[0] - site,
                           f[2] not in ("future", "plan")),
        )
    return chosen[2], chosen[3]


def _opens_sentence(text: str, at: int) -> bool:
    """True if the word at `at` opens a sentence: nothing before it, or the end of one
    ("… reopen. Completed on …"), or an opening quotation mark or bracket."""
    before = text[:at].rstrip()
    return not before or before[-1] in _SENTENCE_OPENS


_SENTENCE_OPENS = frozenset(".!?\"'([")


@lru_cache(maxsize=32768)
def sentence_tense(sentence: str | None, expression: str = "") -> tuple[str | None, str | None]:
    """Guess the tense around `expression` in `sentence`: ('past'|'future'|None, cue).

    `_reported_tense`, but a state told in the present to hold "until" the date
    words holds up to what is to come ("The exhibition runs until late May",
    "Officials said the road stays closed until Monday"): the future, its cue
    "until"; and a plan told in the present in their clause is a timetable ("the
    hearing resumes on Friday"): the future, its cue the verb.
    """
    head = _MOVE_HEAD.match(expression)
    if head is not None and sentence:
        # Date words "until Friday" of "was adjourned until Friday": the move's new day,
        # as the words "Friday" are (a journalist's trial: the past Friday).
        text = sentence.translate(_TRANSLATE)
        at, _ = find_words(text, expression.translate(_TRANSLATE).strip())
        if at >= 0 and _MOVED_TO.search(text[max(0, at - 60) : at] + head.group(0)):
            return sentence_tense(sentence, expression[head.end() :])
    tense, cue = _reported_tense(sentence, expression)
    if tense == "plan":  # "originally scheduled for 3 May": the 3 May to come, or just passed
        # Not a plan brought forward, nor one the sentence gives a year: the future.
        said = sentence.replace(expression, " ") if sentence else ""  # not "early May" itself
        return ("future" if _EARLIER_OR_A_YEAR.search(said) else tense), cue
    # "stays closed until Monday": the participle of a state held until then, no past;
    # "Residents have until 31 October to choose, six months after the old one was
    # closed": another clause's past, not the state's.
    if sentence and (tense is None or (
        tense == "past" and cue in _STATE_PARTICIPLES and _IN_A_STATE.search(sentence)
    )) and (until := held_until(sentence, expression)):
        return "future", until
    own_clause_untold = (
        sentence is not None and tense == "past" and _no_tense_in_clause(sentence, expression)
    )
    if own_clause_untold and (until := held_until(sentence or "", expression, strict=True)):
        return "future", until
    # "The trial, which had been due to start in April, opens on 12 May": the plan in
    # the words' own clause, not another clause's past.
    if (tense is None or own_clause_untold) and sentence and (
        planned := timetabled(sentence, expression)
    ):
        return "future", planned
    if tense is None and sentence and (move := moved_to(sentence, expression)):
        # "The hearing has been adjourned until Friday": nothing else says when, and
        # a day something is moved to is to come.
        return "future", move
    return tense, cue


def _no_tense_in_clause(sentence: str, expression: str) -> bool:
    """True when the clause of `expression` in `sentence` has no tense marker of its own."""
    text = sentence.translate(_TRANSLATE)
    at, end = find_words(text, expression.translate(_TRANSLATE).strip())
    return at >= 0 and _markers(*clause_of(text, at, end))[0] is None


def _reported_tense(sentence: str | None, expression: str) -> tuple[str | None, str | None]:
    """Guess the tense around `expression` in `sentence`: ('past'|'future'|None, cue).

    The clause containing the expression is read first, then the whole sentence;
    the expression's own words are taken out so that they never count as markers.
    A past that is only a reporting verb's, which the words do not date ("Officials
    said the talks resume on Thursday"), is no tense, its verb the cue
    (`said_in_the_past`). Memoised (`sentence_tense`): a source dated against a
    publication window asks once per day.
    """
    tense, cue = _tense_around(sentence, expression)
    if not sentence or (tense != "past" and not REPORTED_IN(sentence)):
        return tense, cue
    text = sentence.translate(_TRANSLATE)
    at, end = find_words(text, expression.translate(_TRANSLATE).strip())
    if at < 0:
        return tense, cue
    # "He told reporters on Monday the plan would pass": the words date the telling,
    # whatever tense is nearer.
    subject = SAID_SUBJECT_OF.match(text, end) is not None  # "said the next month would be"
    telling = None if subject else SAID_JUST_BEFORE.search(text, max(0, at - 80), at)
    if telling is not None and not FUTURE_BE_BEFORE.search(
        text, max(0, telling.start() - 40), telling.start()
    ):
        return "past", telling.group(1).lower()
    moved = _MOVED_TO.search(text, max(0, at - 60), at) is not None
    if moved and tense == "past" and cue in REPORTING_VERBS:
        # "'The hearing is adjourned until Monday,' he said, adding that …": the day
        # moved to is not what the saying's past dates.
        return None, cue
    if tense != "past" or cue not in REPORTING_VERBS or backshifted(text, moved=moved):
        return tense, cue
    verb = saying_verb(text, at, cue)
    if verb is None or dates_the_saying(text, at, end, cue, verb):
        return tense, cue
    # The words said may have a tense of their own in their clause ("said Monday's vote
    # was rigged"; not another clause's: "…, state media reported").
    masked = f"{text[:verb.start()]}{' ' * len(verb.group(0))}{text[verb.end():]}"
    said = _markers(*clause_of(masked, at, end))
    return said if said[0] is not None else (None, cue)


# A deadline of fixed days (`FIXED_DAYS`), not a weekday's: a week on may be the one
# expected ("The ruling, expected by Monday, will be delayed" is the Monday before).
_FIXED_DAYS = re.compile(FIXED_DAYS, re.IGNORECASE)
_CHANGED = re.compile(r"\b(?:now|instead|not|never)\b|n't\b", re.IGNORECASE)
# Only a deadline expected: "Smith, injured on Saturday, will miss the final" is before, and
# "The payment, expected in January, will arrive late" a past expectation.
_OPENING_PARTICIPLE = re.compile(r"\s*(?:\w+ly\s+)?(expected)\s+(by\b|\x00)", re.IGNORECASE)


def _appositive(
    clause: str, site: int, cue: str | None, by_words: bool
) -> tuple[int, int] | None:
    """Where "expected" is in `clause` when the clause's tense is only that participle,
    opening it before the date words: a phrase set off by commas ("A report, expected by
    the end of July, will examine …"), whose time is the sentence's; else None."""
    opening = _OPENING_PARTICIPLE.match(clause)
    if (
        opening is None or opening.start(2) > site or opening.group(1).lower() != cue
        or (opening.group(2) == TAKEN_OUT and not by_words)  # the words "by …" taken out
        or _markers(clause[opening.end(1):], site - opening.end(1))[0] is not None
    ):
        return None
    return opening.span(1)


_MOVE_HEAD = re.compile(r"(?:until|till|to|for)\s+", re.IGNORECASE)


def _opened_after(text: str, site: int, at: int) -> bool:
    """True when the marker at `at` stands in a clause opened after `site` by "after",
    "because", "if" or "unless" (not "before": what came after the day is past) that
    has not ended by then ("…, and the rocket lifted off" is a clause of its own)."""
    opener = max(_OPENS_A_CLAUSE.finditer(text, site, at), key=lambda m: m.start(),
                 default=None)  # the last one before the marker
    if opener is None or opener.group(0).lower() == "before":
        return False
    return not any(mark in text[opener.end() : at] for mark in ",;")


def _tense_around(sentence: str | None, expression: str) -> tuple[str | None, str | None]:
    """`sentence_tense` before a reporting verb's past is told apart."""
    if not sentence:
        return None, None
    text = sentence.translate(_TRANSLATE)
    expr = expression.translate(_TRANSLATE).strip()
    clause = None
    clause_site = site = 0
    at, end = find_words(text, expr)
    if at >= 0:
        if (expr[:6].lower() == "since " or text[max(0, at - 7) : at].lower().rstrip().endswith(
            "since"
        )) and not _VERB_AFTER.match(text, end):
            # A state held since then: it began before it is told of ("Since Monday is
            # a holiday" is a cause: the words are its subject, no start).
            return "past", "since"
        clause, clause_site = clause_of(text, at, end)
        site = at
        text = text[:at] + TAKEN_OUT + text[end:]
    if clause is not None:
        tense, cue = _markers(clause, clause_site)
        participle = _appositive(  # not "The report, expected by March, will now be …"
            clause, clause_site, cue, expr[:3].lower() == "by "
        ) if tense and _FIXED_DAYS.search(expr) and not _CHANGED.search(text) else None
        if tense and participle is None:
            return tense, cue
        whole = without_earlier_pasts(text, site)
        bare = without_relative_clauses(whole, site)
        if bare != whole and _markers(bare, site)[0] is not None:
            whole = bare  # the sentence's own tense, not a relative clause's
        if participle is not None:  # the sentence's tense, else the participle's past
            start, stop = (site - clause_site + p for p in participle)
            own = _markers(f"{whole[:start]}{' ' * (stop - start)}{whole[stop:]}", site)
            if own[0] == "future":  # a deadline to come, unless it has just passed
                return "plan", f"expected by … {own[1]}"
            return own if own[0] is not None else (tense, cue)
        return _markers(whole, site)
    return _markers(text)
