"""Date words a journalist's trial (a regional election delayed by an outbreak) misread.

Plans told of the past are for a day either side of the article; "by" before date words
reads the sentence as the tagger does; "election day" in lower case is no US holiday;
"seven weeks later than planned" and "the highest total since 2019" are comparisons.
"""

from __future__ import annotations

from datetime import date as D

import pytest

from tui.dates import ResolveError, resolve_span
from tui.dates.relations import from_words_before
from tui.dates.tagger import tag_text

PAST_PLANS = [
    # (publication, words, sentence, first day): the nearest such day, not the latest
    # before the article nor the first after it.
    (D(2026, 5, 20), "3 May", "The commission voted on April 23 to postpone the vote, "
     "originally scheduled for 3 May, because of the measles outbreak.", D(2026, 5, 3)),
    (D(2026, 5, 20), "30 May", "The vote had originally been scheduled for 30 May.",
     D(2026, 5, 30)),
    (D(2026, 4, 16), "in June", "Voters will not elect a successor to Governor Olin, whose "
     "term had been due to expire in June.", D(2026, 6, 1)),
    (D(2026, 4, 16), "in June", "Olin's term was due to expire in June.", D(2026, 6, 1)),
    (D(2026, 10, 16), "in June", "Olin's term was due to expire in June.", D(2026, 6, 1)),
    (D(2026, 4, 16), "on Friday", "The president was due to visit on Friday, but the trip "
     "was called off.", D(2026, 4, 17)),
    (D(2026, 4, 16), "January", "The plant, initially planned for January, opened on "
     "Monday.", D(2026, 1, 1)),
    # Not a plan of the past: the words' own tense still decides.
    (D(2026, 5, 20), "21 June", "The vote, originally scheduled for 3 May, was postponed "
     "until 21 June.", D(2026, 6, 21)),
    (D(2026, 5, 20), "on Monday", "The trial was due to start on Monday, officials said on "
     "Tuesday.", D(2026, 5, 18)),
    (D(2026, 4, 16), "in June", "The vote is scheduled for June.", D(2026, 6, 1)),
    (D(2026, 4, 16), "in June", "The talks took place in June.", D(2025, 6, 1)),
]


@pytest.mark.parametrize(("anchor", "words", "sentence", "day"), PAST_PLANS)
def test_a_plan_told_of_the_past_is_the_nearest_day(
    anchor: D, words: str, sentence: str, day: D
) -> None:
    assert resolve_span(words, anchor, sentence).start == day


def test_a_plan_told_of_the_past_says_so() -> None:
    span = resolve_span("3 May", D(2026, 5, 20),
                        "The vote, originally scheduled for 3 May, was postponed.")
    assert 'a plan told of the past ("originally scheduled")' in span.explanation
    assert "nearest" in span.explanation


BY_SENTENCES = [
    (D(2026, 6, 12), "the end of July", "A report commissioned by the ministry, expected by "
     "the end of July, will examine why vaccination rates fell after 2019."),
    (D(2026, 6, 12), "Friday", "Applications received by Friday will be considered."),
    (D(2026, 6, 12), "the end of June", "The bridge was completed by the end of June."),
    (D(2026, 6, 12), "March", "Officials said the work had been finished by March."),
]


@pytest.mark.parametrize(("anchor", "words", "sentence"), BY_SENTENCES)
def test_by_before_the_words_reads_the_sentence_as_the_tagger_does(
    anchor: D, words: str, sentence: str
) -> None:
    with_by = resolve_span(f"by {words}", anchor, sentence)
    (tag,) = [t for t in tag_text(sentence, anchor) if t.text == words]
    assert tag.span is not None
    assert (with_by.start, with_by.end) == (tag.span.start, tag.span.end)


def test_a_report_expected_by_the_end_of_july_is_this_july() -> None:
    span = resolve_span("by the end of July", D(2026, 6, 12), BY_SENTENCES[0][2])
    assert (span.start, span.end) == (D(2026, 7, 21), D(2026, 7, 31))


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
        "Results arrived three hours later than promised.",
    ],
)
def test_a_comparison_is_no_date(sentence: str) -> None:
    tags = tag_text(sentence, D(2026, 5, 20))
    assert not [t for t in tags if t.type == "DATE" and ("later" in t.text or "earlier" in t.text)]


def test_a_count_later_is_still_a_reference() -> None:
    tags = tag_text("The vote was postponed. Two weeks later, the court ruled.", D(2026, 5, 20))
    assert [t.text for t in tags if t.type == "DATE"] == ["Two weeks later"]


@pytest.mark.parametrize(
    ("before", "words", "relation"),
    [
        ("the highest weekly total since ", "2019", None),
        ("It was the first visit by a Chinese leader since ", "2019", None),
        ("the worst flooding in the region since ", "2007", None),
        ("Prices have risen since ", "2019", "since"),
        ("He has been under arrest since ", "March", "since"),
        ("The protests since ", "2019", "since"),
    ],
)
def test_since_after_a_superlative_is_a_comparison(
    before: str, words: str, relation: str | None
) -> None:
    found = from_words_before(before, words)
    assert (found.relation if found else None) == relation
