"""Date words a journalist's trial (a regional election delayed by an outbreak) misread.

A plan told as changed ("originally scheduled for 3 May") is not a year off when its day
has just passed; "expected" set off by commas takes the sentence's time; "election day" in
lower case is no US holiday; "seven weeks later than planned" is a comparison; "since"
what the quote says ended is "from".
"""

from __future__ import annotations

from datetime import date as D

import pytest

from tui.dates import ResolveError, resolve_span
from tui.dates.tagger import tag_text

PAST_PLANS = [
    # (publication, words, sentence, first day). A plan told as changed ("originally
    # scheduled for 3 May") is to come, as any plan, but not a year off when its day has
    # just passed (a trial: "3 May", told on 20 May, was 2027).
    (D(2026, 5, 20), "3 May", "The commission voted on April 23 to postpone the vote, "
     "originally scheduled for 3 May, because of the measles outbreak.", D(2026, 5, 3)),
    (D(2026, 5, 20), "3 May", "The vote, originally scheduled for 3 May, was postponed "
     "until 21 June.", D(2026, 5, 3)),
    (D(2026, 12, 1), "November", "The election, originally planned for November, has been "
     "postponed.", D(2026, 11, 1)),
    (D(2026, 5, 20), "21 June", "The vote, originally scheduled for 3 May, was postponed "
     "until 21 June.", D(2026, 6, 21)),
    (D(2026, 5, 20), "3 May", "The vote had originally been scheduled for 3 May.",
     D(2026, 5, 3)),
    # A fifth review: not a plan brought forward, nor one the sentence gives a year, nor a
    # holiday that moves from year to year.
    (D(2026, 4, 20), "March", "The election, originally scheduled for March, has been "
     "brought forward to December.", D(2027, 3, 1)),
    (D(2026, 5, 10), "April", "The 2027 conference, originally planned for April, has been "
     "pushed back to June 2027.", D(2027, 4, 1)),
    (D(2026, 12, 15), "Thanksgiving", "The strike, originally planned for Thanksgiving, was "
     "called off.", D(2027, 11, 25)),
    # An eighth review: nor one moved forward by other words, nor one passed more than a
    # month before ("moved to November", told on 1 February, is the December to come).
    (D(2024, 2, 15), "December", "The rollout, initially planned for December, has been "
     "accelerated to October.", D(2024, 12, 1)),
    (D(2024, 2, 1), "December", "The election, originally scheduled for December, has been "
     "moved to November.", D(2024, 12, 1)),
    # An eleventh review: a plan still on track, or moved forward in other words.
    (D(2025, 1, 10), "December", "The bridge, originally scheduled for December completion, is "
     "on schedule.", D(2025, 12, 1)),
    (D(2025, 1, 10), "December", "The vote, originally planned for December, has been preponed "
     "to October, the commission said.", D(2025, 12, 1)),
    # A ninth review: "is initially scheduled" is the first step of a plan, not a change.
    (D(2025, 1, 10), "December", "The new rail line is initially scheduled for December, with "
     "a full timetable to follow.", D(2025, 12, 1)),
    # A sixth review: nor a plan of next year.
    (D(2024, 6, 10), "May", "Next year's festival, originally scheduled for May, will move to "
     "September to avoid the heat.", D(2025, 5, 1)),
    (D(2024, 6, 20), "May", "Britain's next census, originally scheduled for May, is now in "
     "doubt.", D(2025, 5, 1)),
    # Four reviews: a plan changed before its day is to come ...
    (D(2026, 5, 20), "25 May", "The vote, originally scheduled for 25 May, was postponed "
     "after the speaker fell ill.", D(2026, 5, 25)),
    (D(2026, 5, 20), "Friday", "The vote, originally scheduled for Friday, was postponed on "
     "Tuesday.", D(2026, 5, 22)),
    (D(2026, 9, 3), "October", "The referendum, originally planned for October, was "
     "scrapped.", D(2026, 10, 1)),
    (D(2024, 6, 11), "Saturday", "The match, originally scheduled for Saturday, will now be "
     "played on Sunday.", D(2024, 6, 15)),
    (D(2024, 3, 17), "Thursday", "The launch, originally scheduled for Thursday, is likely "
     "to slip into next week.", D(2024, 3, 21)),
    (D(2024, 3, 13), "Thursday", "The vote, originally scheduled for Thursday, was held on "
     "Tuesday instead after the speaker brought it forward.", D(2024, 3, 14)),
    (D(2024, 2, 15), "June", "The summit, originally planned for June, has been moved to "
     "September.", D(2024, 6, 1)),
    (D(2024, 6, 12), "Saturday", "The concert, originally scheduled for Saturday, has been "
     "cancelled after ticket sales started slowly.", D(2024, 6, 15)),
    # ... and other words of a plan of the past keep the sentence's past.
    (D(2026, 5, 22), "Monday", "The hearing, originally set for Monday, was held on "
     "Wednesday.", D(2026, 5, 18)),
    (D(2026, 10, 1), "March", "The ruling, originally expected in March, was delivered on "
     "Tuesday.", D(2026, 3, 1)),
    (D(2026, 10, 15), "in March", "The payment, originally due in March, was made in May.",
     D(2026, 3, 1)),
    (D(2024, 9, 20), "March", "The report, originally due in March, has now been published.",
     D(2024, 3, 1)),
    (D(2026, 9, 15), "12 March", "The hearing, initially set for 12 March, was moved after "
     "the defence requested more time.", D(2026, 3, 12)),
    (D(2026, 8, 20), "in February", "He broke the world record he had previously set in "
     "February.", D(2026, 2, 1)),
    (D(2026, 4, 16), "in June", "The vote is scheduled for June.", D(2026, 6, 1)),
    (D(2026, 5, 18), "on Thursday", "The cancellation was due to flooding on Thursday.",
     D(2026, 5, 14)),
]


@pytest.mark.parametrize(("anchor", "words", "sentence", "day"), PAST_PLANS)
def test_a_plan_told_as_changed_is_to_come_unless_just_passed(
    anchor: D, words: str, sentence: str, day: D
) -> None:
    assert resolve_span(words, anchor, sentence).start == day


def test_a_plan_told_as_changed_says_so() -> None:
    span = resolve_span("3 May", D(2026, 5, 20),
                        "The vote, originally scheduled for 3 May, was postponed.")
    assert span.explanation.startswith('"3 May": a plan ("originally scheduled"), to come unless '
                                       "just passed")
    assert "not a year off: the one just passed" in span.explanation


def test_a_plan_reads_alike_against_every_day_of_a_window() -> None:
    """A seventh review: a three-hundred-day limit fell inside a window, and "May" became
    May 2024 to May 2025 (a window across the month's limit is that hull, as it should)."""
    from tui.dates.anchoring import Anchor, resolve_in_window

    window = Anchor(D(2024, 6, 3), D(2024, 6, 1), D(2024, 6, 10))
    span = resolve_in_window("May", window, "The vote, originally scheduled for May, was "
                             "postponed.")
    assert (span.start, span.end) == (D(2024, 5, 1), D(2024, 5, 31))
    early = resolve_span("early May", D(2024, 6, 10), "The vote, originally scheduled for "
                         "early May, was postponed.")
    assert early.start.year == 2024  # "early" of the words is no plan brought forward


def test_the_memo_keeps_a_plan_apart_from_the_future() -> None:
    """A sixth review: the day just passed was kept under the future's key, and a sentence
    read as the future ("brought forward") was given it."""
    from tui.dates.resolution import clear_memos

    clear_memos()
    anchor = D(2024, 5, 20)
    plan = resolve_span("May 3", anchor, "The vote, originally scheduled for May 3, was "
                        "postponed after the clashes.")
    ahead = resolve_span("May 3", anchor, "The vote, originally scheduled for May 3, was "
                         "brought forward.")
    assert (plan.start, ahead.start) == (D(2024, 5, 3), D(2025, 5, 3))


APPOSITIVES = [
    # A participle set off by commas takes the sentence's time: "expected" was a past
    # (a trial: "A report …, expected by the end of July, will examine …" was July 2025).
    (D(2026, 6, 12), "by the end of July", "A report commissioned by the ministry, expected "
     "by the end of July, will examine why vaccination rates fell after 2019.", D(2026, 7, 21)),
    (D(2026, 6, 12), "the end of July", "A report commissioned by the ministry, expected "
     "by the end of July, will examine why vaccination rates fell after 2019.", D(2026, 7, 21)),
    # Those of a review: the sentence's past, or the participle's with nothing else.
    (D(2026, 8, 20), "by June", "The report, promised by June, has still not been "
     "published.", D(2026, 6, 1)),
    (D(2026, 5, 20), "by Friday", "The aid, pledged by Friday, was delivered within days.",
     D(2026, 5, 15)),
    (D(2026, 9, 20), "by March", "The work, completed by March, cost 2 million pounds.",
     D(2026, 3, 1)),
    (D(2025, 8, 15), "1 September", "Nurses were given a 5% rise, backdated to 1 September.",
     D(2024, 9, 1)),
    # Only "expected": another participle is a past (a review: "Smith, injured on
    # Saturday, will miss the final" became the Saturday to come).
    (D(2026, 5, 20), "on Saturday", "Smith, injured on Saturday, will miss the final.",
     D(2026, 5, 16)),
    (D(2026, 5, 20), "on Monday", "The bill, signed on Monday, will take effect in July.",
     D(2026, 5, 18)),
    (D(2026, 6, 12), "in May", "Elected in May, she will serve a five-year term.",
     D(2026, 5, 1)),
    # A deadline expected that has just passed (a sixth review: "will be published in
    # October" was read as a July a year on).
    (D(2024, 8, 5), "by the end of July", "The inquiry report, expected by the end of July, "
     "will be published in October after a legal challenge.", D(2024, 7, 21)),
    (D(2024, 6, 3), "by May", "The delivery, expected by May, will be late.", D(2024, 5, 1)),
    (D(2024, 10, 5), "by September", "The findings, originally expected by September, will be "
     "handed to ministers next month.", D(2024, 9, 1)),
    # A seventh review: not a weekday, which a week on may be the one expected.
    (D(2024, 6, 11), "by Monday", "The ruling, expected by Monday, will be delayed until later "
     "this week, the court said.", D(2024, 6, 10)),
    # A third and a fifth review: an expectation missed, or any other than "expected by".
    (D(2026, 2, 10), "in January", "The payment, expected in January, will arrive late.",
     D(2026, 1, 1)),
    (D(2026, 5, 16), "on Friday", "The verdict, expected on Friday, will be announced on "
     "Monday.", D(2026, 5, 15)),
    (D(2024, 6, 12), "in March", "The report, expected in March, will now be published in "
     "July.", D(2024, 3, 1)),
    (D(2024, 6, 12), "in May", "The deal, expected in May, will not be signed before the "
     "autumn, officials said.", D(2024, 5, 1)),
]


@pytest.mark.parametrize(("anchor", "words", "sentence", "day"), APPOSITIVES)
def test_a_participle_set_off_by_commas_takes_the_sentences_time(
    anchor: D, words: str, sentence: str, day: D
) -> None:
    assert resolve_span(words, anchor, sentence).start == day


def test_election_day_in_lower_case_is_no_date() -> None:
    with pytest.raises(ResolveError, match="any election"):
        resolve_span("election day", D(2026, 6, 12),
                     "The commission will publish results by midnight on election day.")
    span = resolve_span("Election Day", D(2026, 6, 12), "Americans vote on Election Day.")
    assert span.start == D(2026, 11, 3)
    assert "US Election Day" in span.explanation


@pytest.mark.parametrize(
    "sentence",
    [
        "The vote will be held on 21 June, seven weeks later than planned.",
        "The report came two days earlier than expected.",
        "Results arrived three hours later than originally promised.",
    ],
)
def test_a_comparison_with_a_plan_is_no_date(sentence: str) -> None:
    tags = tag_text(sentence, D(2026, 5, 20))
    assert not [t for t in tags if t.type == "DATE" and ("later" in t.text or "earlier" in t.text)]


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("The vote was postponed. Two weeks later, the court ruled.", "Two weeks later"),
        # A review: counted from the Senate's vote, a date.
        ("The bill passed the Senate in March; the House voted two weeks later than the "
         "Senate.", "two weeks later"),
    ],
)
def test_a_count_later_is_still_a_reference(text: str, reference: str) -> None:
    tags = tag_text(text, D(2026, 5, 20))
    assert reference in [t.text for t in tags if t.type == "DATE"]


ENDED_SINCE = [
    # (words, sentence, relation): "since" claims it still held when written; not when
    # the quote says it ended just after, or tells it in the past perfect.
    ("since March 9", "Schools in Sable Ford, closed since March 9, reopened on Monday.", "from"),
    # Not a past perfect, which news tells of what still holds as often as not (a fifth
    # review: "…, his lawyers say", "Documents seen by Reuters show …").
    ("since March 9", "The schools had been closed since March 9 when the order came.",
     "since"),
    ("since March 9", "The road, shut since March 9, was reopened on Monday.", "from"),
    ("2018", "He had been held since 2018 in solitary confinement, his lawyers say, and is "
     "now seriously ill.", "since"),
    ("since March 9", "Schools in Sable Ford have been closed since March 9.", "since"),
    ("since March 9", "Schools closed since March 9 will reopen on Monday.", "since"),
    ("since 2019", "Trade has doubled since 2019, officials said.", "since"),
    # Those of a review: still held, or another thing ended.
    ("March", "The museum had been closed since March, and remains shut.", "since"),
    ("2015", "He had lived in Paris since 2015 and still does.", "since"),
    ("since March 3", "He has been in custody since March 3, when talks ended in deadlock.",
     "since"),
    ("since 2022", "Exports have grown since 2022, when sanctions were lifted.", "since"),
    ("since Friday", "The warning, in force since Friday, will be lifted on Thursday.", "since"),
    ("January", "Since January, the government has released 300 prisoners.", "since"),
    # A third review: the saying's backshift, a state that still holds, a participle.
    ("since Friday", "Police said the woman had been missing since Friday.", "since"),
    ("March", "The factory had been idle since March; it still is.", "since"),
    ("March", "Since March, released prisoners have described torture.", "since"),
    ("since Monday", "The man, held since Monday, released a statement through his lawyers.",
     "since"),
    ("2020", "The curfew has been in force since 2020, lifted only briefly during the "
     "holidays.", "since"),
    # A fourth review: a saying after it, a role that is no state shut, a comparison.
    ("since May", "He had been held since May, his lawyer said.", "since"),
    ("May", "The journalist had been detained since May, according to his family.", "since"),
    ("2010", "The mayor, in office since 2010, was released from hospital on Monday.",
     "since"),
    ("2015", "It was the first time the team had won the title since 2015.", "since"),
    # A sixth review: an ending of something else.
    ("2022", "The miner, idle since 2022, ended last year with a loss of $40m.", "since"),
    ("October", "The activist, held since October, released, through his lawyers, a "
     "statement.", "since"),
    # A seventh review: the ending verb is another head's.
    ("October 7", "Footage of the hostages, held since October 7, was released on Sunday.",
     "since"),
    ("2020", "Negotiations over the border, closed since 2020, resumed on Monday.", "since"),
    ("2019", "Figures for the mine, closed since 2019, were released on Tuesday.", "since"),
    # An eighth review: another head, and a state that goes on all the same.
    ("since March", "Staff at the plant, closed since March, were released from their "
     "contracts on Friday.", "since"),
    ("since March", "Rivera, suspended since March, was released by his club but remains "
     "banned.", "since"),
    # A ninth review: a subject too long to tell whose state it is, and a reopening in part.
    ("since October 7", "A new video of Edan Alexander, the 21-year-old American-Israeli "
     "soldier held since October 7, was released on Saturday.", "since"),
    ("since January", "A letter written by the British aid worker, detained since January, was "
     "released by his family on Tuesday.", "since"),
    ("since October", "The Rafah crossing, closed since October, reopened on Monday for medical "
     "evacuations, though it remains closed to goods.", "since"),
    # A tenth review: each state its own ending, with its day or the clause's end.
    ("1947", "The festival, held since 1947, resumed in July after a four-year pause.", "since"),
    ("since October", "The border, closed since October, was reopened briefly on Sunday.",
     "since"),
    ("since 2021", "The opposition leader, jailed since 2021, was released from solitary "
     "confinement on Monday.", "since"),
    ("since March", "The striker, suspended since March, was released by his club on Friday.",
     "since"),
    ("since January", "The ally, detained since January, was released on Thursday and "
     "immediately re-arrested.", "since"),
    ("since October", "The activist, detained since October, was released on Friday.", "from"),
    # An eleventh review: an ending denied, one in part, "found … to have".
    ("since March 9", "Officials denied that the border, closed since March 9, reopened on "
     "Monday.", "since"),
    ("since March 9", "Schools, closed since March 9, reopened on Monday in the north.", "since"),
    ("since March 9", "The girl, missing since March 9, was found yesterday to have left the "
     "country.", "since"),
    ("since 2019", "Saleh, jailed since 2019, was released on Monday and detained again hours "
     "later.", "since"),
    ("since March 9", "Schools, closed since March 9, reopened on Monday, officials said.",
     "from"),
]


@pytest.mark.parametrize(("words", "sentence", "relation"), ENDED_SINCE)
def test_since_what_the_quote_says_ended_is_from(words: str, sentence: str, relation: str) -> None:
    from tui.dates.anchoring import Anchor, date_from_words

    span = date_from_words(words, sentence, Anchor.day(D(2026, 5, 20)))
    assert span.relation == relation
    if relation == "from":
        assert "not that it still held" in span.explanation


REFUSED = "refused"


@pytest.mark.parametrize(
    ("words", "sentence", "relation"),
    [
        # A journalist's trial: "since 2011" was a state begun then and still holding.
        # With a "when" clause after it, the words name what happened then.
        ("2011", "The strike is the first at Port Halden since 2011, when a three-week "
         "stoppage led to shortages.", "on"),
        # Without one, only that it had not happened since (a review: "on 2019" put the
        # fall in 2019): no date of the event.
        ("since 2011", "The strike is the first at Port Halden since 2011.", REFUSED),
        ("2019", "Exports fell to their lowest level since 2019.", REFUSED),
        ("2008", "For the first time since 2008, the two leaders met.", REFUSED),
        ("2010", "Inflation fell to its lowest level since at least 2010.", REFUSED),
        # A review: no first or superlative after "the" (or a possessive) with no verb
        # between: a state begun then.
        ("since Monday", "At least 20 people have been detained since Monday.", "since"),
        ("since March 1", "Most of the workers have been on strike since March 1.", "since"),
        ("since 2017", "The first lady has lived in the palace since 2017.", "since"),
        ("since 2019", "The best-known dissident has been in prison since 2019.", "since"),
        ("since 2019", "It was the first thing they did, and since 2019 the plant has been "
         "shut.", "since"),
        ("since 2019", "Exports have fallen since 2019.", "since"),
    ],
)
def test_the_first_since_names_the_last_time_before(words: str, sentence: str,
                                                     relation: str) -> None:
    from tui.dates.anchoring import Anchor, date_from_words

    anchor = Anchor.day(D(2025, 3, 13))
    if relation == REFUSED:
        with pytest.raises(ResolveError, match="says only that it had not happened again"):
            date_from_words(words, sentence, anchor)
        assert [t.span for t in tag_text(sentence, anchor.likely) if t.text in words] == [None]
        return
    span = date_from_words(words, sentence, anchor)
    assert span.relation == relation
    if relation == "on":
        assert "names what happened then, the last time before" in span.explanation


def test_a_number_between_a_preposition_and_a_past_keeps_the_past() -> None:
    """"in 2019 resumed": the preposition is the year's, "resumed" a past."""
    span = resolve_span("Monday", D(2024, 4, 17),
                        "Talks first held in 2019 resumed on Monday and will end by Friday.")
    assert span.start == D(2024, 4, 15)


def test_from_inside_quotation_marks_still_begins() -> None:
    """'would campaign "from tomorrow"': the opening mark hid the "from" (a trial's event
    said "on" where its draft said "from")."""
    from tui.dates.anchoring import Anchor, date_from_words

    quote = 'Vasko said his party would campaign "from tomorrow".'
    span = date_from_words("tomorrow", quote, Anchor.day(D(2026, 5, 20)))
    assert (span.start, span.relation) == (D(2026, 5, 21), "from")
