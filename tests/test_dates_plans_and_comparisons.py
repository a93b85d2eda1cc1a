"""Date words a journalist's trial (a regional election delayed by an outbreak) misread.

A plan told as changed ("originally scheduled for 3 May") is no future of its own; a
participle set off by commas takes the sentence's time; "election day" in lower case is
no US holiday; "seven weeks later than planned" and "the highest total since 2019" are
comparisons; "since" what the quote says ended is "from".
"""

from __future__ import annotations

from datetime import date as D

import pytest

from tui.dates import ResolveError, resolve_span
from tui.dates.relations import from_words_before
from tui.dates.tagger import tag_text

PAST_PLANS = [
    # (publication, words, sentence, first day). A plan told as changed ("originally
    # scheduled for") is no future of its own: the sentence's other words say when.
    (D(2026, 5, 20), "3 May", "The commission voted on April 23 to postpone the vote, "
     "originally scheduled for 3 May, because of the measles outbreak.", D(2026, 5, 3)),
    (D(2026, 5, 20), "3 May", "The vote, originally scheduled for 3 May, was postponed "
     "until 21 June.", D(2026, 5, 3)),
    (D(2026, 5, 20), "21 June", "The vote, originally scheduled for 3 May, was postponed "
     "until 21 June.", D(2026, 6, 21)),
    (D(2026, 4, 16), "January", "The plant, initially planned for January, opened on "
     "Monday.", D(2026, 1, 1)),
    # A review: what the sentence says happened since dates it before.
    (D(2026, 10, 2), "12 March", "The hearing had originally been scheduled for 12 March "
     "but was adjourned twice.", D(2026, 3, 12)),
    (D(2026, 10, 1), "March", "The ruling, originally expected in March, was delivered on "
     "Tuesday.", D(2026, 3, 1)),
    (D(2026, 10, 15), "in March", "The payment, originally due in March, was made in May.",
     D(2026, 3, 1)),
    (D(2026, 5, 22), "Monday", "The hearing, originally set for Monday, was held on "
     "Wednesday.", D(2026, 5, 18)),
    (D(2026, 8, 20), "in February", "He broke the world record he had previously set in "
     "February.", D(2026, 2, 1)),
    # Nothing else to say when: the nearest.
    (D(2026, 5, 20), "30 May", "The vote, originally scheduled for 30 May.", D(2026, 5, 30)),
    (D(2026, 5, 20), "3 May", "The vote, originally scheduled for 3 May.", D(2026, 5, 3)),
    # Not a plan told as changed.
    (D(2026, 4, 16), "in June", "The vote is scheduled for June.", D(2026, 6, 1)),
    (D(2026, 5, 18), "on Thursday", "The cancellation was due to flooding on Thursday.",
     D(2026, 5, 14)),
]


@pytest.mark.parametrize(("anchor", "words", "sentence", "day"), PAST_PLANS)
def test_a_plan_told_as_changed_is_dated_by_the_rest_of_the_sentence(
    anchor: D, words: str, sentence: str, day: D
) -> None:
    assert resolve_span(words, anchor, sentence).start == day


def test_a_plan_told_as_changed_with_nothing_else_says_so() -> None:
    span = resolve_span("3 May", D(2026, 5, 20), "The vote, originally scheduled for 3 May.")
    assert 'a plan told as changed ("originally scheduled")' in span.explanation
    assert "nearest" in span.explanation


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


@pytest.mark.parametrize(
    ("before", "words", "relation"),
    [
        ("the highest weekly total since ", "2019", None),
        ("It was the first visit by a Chinese leader since ", "2019", None),
        ("the worst flooding in the region since ", "2007", None),
        ("Prices have risen since ", "2019", "since"),
        ("He has been under arrest since ", "March", "since"),
        ("The protests since ", "2019", "since"),
        # A review: quantities, titles, a superlative in the subject of a state.
        ("Most schools have been closed since ", "Monday", "since"),
        ("At least 40 people have died since ", "Monday", "since"),
        ("The First Minister has been in office since ", "May 2021", "since"),
        ("The cheapest flights have been sold out since ", "March", "since"),
        ("The world's biggest oil producer has cut output since ", "January", "since"),
    ],
)
def test_since_after_a_superlative_is_a_comparison(
    before: str, words: str, relation: str | None
) -> None:
    found = from_words_before(before, words)
    assert (found.relation if found else None) == relation


ENDED_SINCE = [
    # (words, sentence, relation): "since" claims it still held when written; not when
    # the quote says it ended, or tells it in the past perfect.
    ("since March 9", "Schools in Sable Ford, closed since March 9, reopened on Monday.", "from"),
    ("since March 9", "The schools had been closed since March 9 when the order came.", "from"),
    ("since March 9", "The road, shut since March 9, was reopened on Monday.", "from"),
    ("since March 9", "Schools in Sable Ford have been closed since March 9.", "since"),
    ("since March 9", "Schools closed since March 9 will reopen on Monday.", "since"),
    ("since 2019", "Trade has doubled since 2019, officials said.", "since"),
]


@pytest.mark.parametrize(("words", "sentence", "relation"), ENDED_SINCE)
def test_since_what_the_quote_says_ended_is_from(words: str, sentence: str, relation: str) -> None:
    from tui.dates.anchoring import Anchor, date_from_words

    span = date_from_words(words, sentence, Anchor.day(D(2026, 5, 20)))
    assert span.relation == relation
    if relation == "from":
        assert "not that it still held" in span.explanation


def test_a_participle_after_a_preposition_is_an_adjective() -> None:
    """A headline: "delayed" before the vote is no past ("…for delayed Halvard vote on June
    21", 20 May 2026, was 21 June 2025)."""
    span = resolve_span("on June 21", D(2026, 5, 20),
                        "Court clears way for delayed Halvard vote on June 21")
    assert span.start == D(2026, 6, 21)
    assert resolve_span("on June 21", D(2026, 5, 20),
                        "The court delayed the vote on June 21").start == D(2025, 6, 21)


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
