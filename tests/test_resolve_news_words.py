"""Date words common in news, resolved as a careful editor reads them.

Each expected value was worked out by hand with a calendar. Weekdays: 2024-04-15
Mon, 2024-04-17 Wed, 2024-04-13 Sat; Easter 2024 fell on 31 March, so Good Friday
on 29 March and Easter Monday on 1 April; Memorial Day 2025 is Monday 26 May.
"""

from __future__ import annotations

from datetime import date

import pytest

from tui.dates import ResolveError, resolve_span
from tui.dates.resolution import clear_memos
from tui.dates.tagger import tag_text


def date_from_words_in(words: str, sentence: str) -> object:
    """`date_from_words` against Sat 22 March 2025, a stated date."""
    from tui.dates.anchoring import Anchor, date_from_words

    return date_from_words(words, sentence, Anchor.day(D(2025, 3, 22)))

D = date
MON = D(2024, 4, 15)
WED = D(2024, 4, 17)
SAT = D(2024, 4, 13)
PAST = "Officials said it happened {}."
FUTURE = "Officials will meet {}."

# (words, anchor, sentence or None, start, end, approximate)
CASES = [
    # A stretch of N units up to (or from) the publication date is N units long, the
    # publication day included: "the past week" on a Wednesday is seven days, not eight.
    ("the past week", WED, None, D(2024, 4, 11), D(2024, 4, 17), False),
    ("the last week", WED, None, D(2024, 4, 11), D(2024, 4, 17), False),
    ("the past two weeks", WED, None, D(2024, 4, 4), D(2024, 4, 17), False),
    ("the past seven days", WED, None, D(2024, 4, 11), D(2024, 4, 17), False),
    ("the past month", MON, None, D(2024, 3, 16), D(2024, 4, 15), False),
    ("the past year", MON, None, D(2023, 4, 16), D(2024, 4, 15), False),
    ("the next week", WED, None, D(2024, 4, 17), D(2024, 4, 23), False),
    ("the next five years", MON, None, D(2024, 4, 15), D(2029, 4, 14), False),
    ("the past few days", WED, None, D(2024, 4, 15), D(2024, 4, 17), True),
    ("the coming weeks", WED, None, D(2024, 4, 18), D(2024, 5, 8), True),  # after the day
    ("recently", MON, None, D(2024, 3, 16), D(2024, 4, 15), True),
    ("soon", MON, None, D(2024, 4, 16), D(2024, 5, 15), True),
    # A vague count is every unit it may mean: "a few" two to four, "several" three
    # to seven. One unit would be more precise than the words.
    ("a few weeks ago", MON, None, D(2024, 3, 18), D(2024, 4, 7), True),
    ("several days ago", MON, None, D(2024, 4, 8), D(2024, 4, 12), True),
    ("a few years ago", MON, None, D(2020, 1, 1), D(2022, 12, 31), True),
    ("a few months from now", MON, None, D(2024, 6, 1), D(2024, 8, 31), True),
    ("in a few weeks", MON, FUTURE.format("in a few weeks"), D(2024, 4, 29), D(2024, 5, 19), True),
    ("a couple of days ago", MON, None, D(2024, 4, 13), D(2024, 4, 13), True),  # two
    ("three weeks ago", MON, None, D(2024, 3, 25), D(2024, 3, 31), False),  # a count
    # "in N units' time" and "N units from today" are always still to come.
    ("in a year's time", MON, None, D(2025, 1, 1), D(2025, 12, 31), False),
    ("in two weeks’ time", MON, None, D(2024, 4, 29), D(2024, 5, 5), False),
    ("in three months' time", MON, None, D(2024, 7, 1), D(2024, 7, 31), False),
    ("a week from today", MON, None, D(2024, 4, 22), D(2024, 4, 22), False),  # to the day
    # "the 2000s" before 2100 is the decade: the hundred years are not over. So are
    # its early, middle and late parts; "the 1900s" is still the century.
    ("the 2000s", MON, PAST.format("in the 2000s"), D(2000, 1, 1), D(2009, 12, 31), False),
    ("the mid-2000s", MON, None, D(2004, 1, 1), D(2006, 12, 31), True),
    ("the late 2000s", MON, None, D(2007, 1, 1), D(2009, 12, 31), True),
    ("the early 1900s", MON, None, D(1900, 1, 1), D(1932, 12, 31), True),
    # "this weekend" in the past tense, written before it: the weekend just gone.
    ("this weekend", MON, "Protesters marched through the capital this weekend.",
     D(2024, 4, 13), D(2024, 4, 14), False),
    ("this weekend", MON, "Protesters will march this weekend.",
     D(2024, 4, 20), D(2024, 4, 21), False),
    ("this weekend", SAT, "Protesters marched this weekend.",
     D(2024, 4, 13), D(2024, 4, 14), False),
    # Holidays named after Easter, and more fixed and US ones.
    ("Good Friday", MON, "Shops closed on Good Friday.", D(2024, 3, 29), D(2024, 3, 29), False),
    ("Easter Monday", MON, "Shops reopened on Easter Monday.", D(2024, 4, 1), D(2024, 4, 1), False),
    ("Boxing Day", MON, "Sales began on Boxing Day.", D(2023, 12, 26), D(2023, 12, 26), False),
    ("Memorial Day 2025", MON, None, D(2025, 5, 26), D(2025, 5, 26), False),
    ("the Fourth of July", MON, "Parades will be held on the Fourth of July.",
     D(2024, 7, 4), D(2024, 7, 4), False),
    # A possessive is the date words' own: "Saturday's talks".
    ("Saturday's", MON, "Saturday's talks ended without a deal.", SAT, SAT, False),
    ("last week’s", MON, None, D(2024, 4, 8), D(2024, 4, 14), False),
]


@pytest.mark.parametrize(
    ("words", "anchor", "sentence", "start", "end", "approximate"),
    CASES,
    ids=[f"{c[0]}@{c[1]}" + ("+s" if c[2] else "") for c in CASES],
)
def test_news_words(
    words: str, anchor: date, sentence: str | None, start: date, end: date, approximate: bool
) -> None:
    clear_memos()
    span = resolve_span(words, anchor, sentence)
    assert (span.start, span.end, span.approximate) == (start, end, approximate), span.explanation


def test_a_vague_count_says_how_it_was_taken() -> None:
    span = resolve_span("a few weeks ago", MON)
    assert '"a few" taken as 2 to 4 weeks before Mon 15 Apr 2024' in span.explanation


def test_the_2000s_says_why_it_is_a_decade() -> None:
    span = resolve_span("the 2000s", MON)
    assert "the decade 2000–2009" in span.explanation
    assert "not over by Mon 15 Apr 2024" in span.explanation


def test_a_reference_is_refused_with_relative_to_named() -> None:
    """Words that count from another mention name relative_to, not a list of rules."""
    for words in ("the day before", "the previous day", "Monday of the following week"):
        with pytest.raises(ResolveError) as info:
            resolve_span(words, MON)
        message = str(info.value)
        assert "counts from another mention" in message and "relative_to" in message, words
        assert "no date this resolver knows" not in message


def test_words_refused_are_named_as_given() -> None:
    """The message quotes the words as written, not lower-cased."""
    with pytest.raises(ResolveError) as info:
        resolve_span("Smarch  3", MON)
    assert "'Smarch 3'" in str(info.value)


@pytest.mark.parametrize(
    ("text", "extent"),
    [
        ("The bridge will open in a year’s time.", "a year’s time"),
        ("Tolls rise in two weeks' time.", "two weeks' time"),
        ("They meet a week from today.", "a week from today"),
        ("Shops closed on Good Friday.", "Good Friday"),
        ("Shops reopened on Easter Monday.", "Easter Monday"),
    ],
)
def test_the_tagger_finds_them_whole(text: str, extent: str) -> None:
    tags = tag_text(text, MON)
    assert [t.text for t in tags] == [extent]
    assert tags[0].span is not None


@pytest.mark.parametrize(
    ("words", "start", "end"),
    [
        ("a year ago today", D(2023, 4, 15), D(2023, 4, 15)),  # to the day
        ("the last century", D(1900, 1, 1), D(1999, 12, 31)),  # the 20th, not a rolling 100
        ("last century", D(1900, 1, 1), D(1999, 12, 31)),
        ("the past century", D(1924, 4, 16), D(2024, 4, 15)),  # rolling, as "the past week"
    ],
)
def test_more_news_words(words: str, start: date, end: date) -> None:
    span = resolve_span(words, MON)
    assert (span.start, span.end) == (start, end), span.explanation


@pytest.mark.parametrize("words", [
    "the next day", "the following year", "the previous week", "the previous day",
    "the following month", "The Following Monday", "the previous Friday", "the preceding year",
    "the prior week",
    # Weekends, seasons, quarters and decades count from the mention too ("elected in March
    # 2019 … the following summer" is summer 2019, not the summer after the article).
    "the following weekend", "the previous summer", "the following spring", "the preceding winter",
    "the following quarter", "the previous half", "the previous decade", "the following decade",
    "over the following weekend", "in the previous quarter", "the following summer's",
    # "the next summer" after "in March 2019" too; "next summer" is the article's.
    "the next summer", "the next weekend",
])
def test_words_counting_from_another_mention_are_references(words: str) -> None:
    """"The next day", "the following year" (elected in 2015 … the following year),
    "the previous week": counted from another mention, never from the publication
    date; refused with `relative_to` named."""
    with pytest.raises(ResolveError) as info:
        resolve_span(words, MON)
    assert "counts from another mention" in str(info.value) and "relative_to" in str(info.value)


@pytest.mark.parametrize(("words", "start", "end"), [
    # Stretches from the publication date, as before; and the weekends and seasons "this"
    # and "next" name.
    ("the next decade", MON, D(2034, 4, 14)),
    ("the next month", MON, D(2024, 5, 14)),
    ("next weekend", D(2024, 4, 27), D(2024, 4, 28)),  # of the ISO week after
    ("this weekend", D(2024, 4, 20), D(2024, 4, 21)),
    ("next summer", D(2024, 6, 1), D(2024, 8, 31)),
    ("following year", D(2025, 1, 1), D(2025, 12, 31)),
])
def test_words_that_still_count_from_the_publication_date(words: str, start: D, end: D) -> None:
    span = resolve_span(words, MON)
    assert (span.start, span.end) == (start, end)


def test_a_year_ago_today_is_tagged_as_one_day() -> None:
    tags = tag_text("Sales were up a year ago today.", WED)
    assert [(t.text, t.span.start if t.span else None) for t in tags] == [
        ("a year ago today", D(2023, 4, 17))
    ]


# Edge cases a review found: each gave a wrong date or a misleading refusal.
EDGES = [
    ("the 1990's", MON, D(1990, 1, 1), D(1999, 12, 31)),  # a decade, not "the 1990" + 's
    ("the 90's", MON, D(1990, 1, 1), D(1999, 12, 31)),
    ("mid-1990's", MON, D(1994, 1, 1), D(1996, 12, 31)),
    ("the 2100s", MON, D(2100, 1, 1), D(2199, 12, 31)),  # not begun: the century
    ("the past 0 days", MON, MON, MON),  # the publication day, not "ends before it starts"
    ("the next month", D(2024, 1, 31), D(2024, 1, 31), D(2024, 2, 29)),  # 29 Feb kept
    ("the next month", D(2024, 1, 29), D(2024, 1, 29), D(2024, 2, 28)),
    ("the next year", D(2024, 2, 29), D(2024, 2, 29), D(2025, 2, 28)),
    ("a few weeks ago today", MON, D(2024, 3, 18), D(2024, 4, 7)),  # still vague
]


@pytest.mark.parametrize(("words", "anchor", "start", "end"), EDGES)
def test_edges(words: str, anchor: date, start: date, end: date) -> None:
    span = resolve_span(words, anchor)
    assert (span.start, span.end) == (start, end), span.explanation


def test_explanations_name_plurals_and_holidays_as_written() -> None:
    assert "3 to 7 centuries before" in resolve_span("several centuries ago", MON).explanation
    assert "the Fourth of July nearest" in resolve_span("the Fourth of July", MON).explanation


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("It was the second stoppage in a fortnight.", [("a fortnight", "P2W")]),
        ("Commissioning is delayed until the spring.", [("the spring", "2024-SP")]),
        ("It will be ready by summer.", [("summer", "2024-SU")]),
        ("The spring water was cold.", []),  # a noun follows: no season
    ],
)
def test_the_tagger_reads_fortnights_and_seasons_after_until_and_by(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert [(t.text, t.timex) for t in tag_text(text, MON)] == found


def test_a_stretch_of_one_day_is_described_as_its_day() -> None:
    """"earlier this week" on a Tuesday is its Monday: "Mon 26 Dec 2011", not
    "Mon 26 Dec 2011 – Mon 26 Dec 2011"."""
    span = resolve_span("earlier this week", D(2011, 12, 27))
    assert span.explanation.endswith("→ Mon 26 Dec 2011"), span.explanation


@pytest.mark.parametrize(
    ("anchor", "sentence", "start", "end"),
    [
        # Each end picked by the tense alone came apart: on a Thursday, next Monday and
        # tomorrow's Friday ("the range ends before it starts").
        (D(2025, 3, 13), "Talks will run from Monday to Friday.", D(2025, 3, 17), D(2025, 3, 21)),
        (D(2025, 3, 12), "Talks ran from Monday to Friday.", D(2025, 3, 3), D(2025, 3, 7)),
        (D(2025, 3, 15), "Talks will run from Monday to Friday.", D(2025, 3, 17), D(2025, 3, 21)),
    ],
)
def test_a_range_of_weekdays_is_one_stretch(
    anchor: date, sentence: str, start: date, end: date
) -> None:
    span = resolve_span("from Monday to Friday", anchor, sentence)
    assert (span.start, span.end) == (start, end), span.explanation
    assert span.timex == f"{start.isoformat()}/{end.isoformat()}"  # a review: the old ends


def test_a_day_moved_to_another_is_no_stretch() -> None:
    with pytest.raises(ResolveError):
        date_from_words_in("Friday", "The deadline was extended from Friday to Tuesday.")


@pytest.mark.parametrize(
    ("anchor", "words", "sentence", "day"),
    [
        # What is backdated is before it is told (a rise, a law, a suspension).
        (D(2025, 3, 20), "January 1", "The rise will be backdated to January 1 and paid in "
         "April's wages.", D(2025, 1, 1)),
        (D(2025, 3, 20), "1 September", "Nurses were given a 5% rise, backdated to "
         "1 September.", D(2024, 9, 1)),
        (D(2024, 11, 15), "April 1", "Civil servants will get a 5% pay rise backdated to "
         "April 1.", D(2024, 4, 1)),
    ],
)
def test_what_is_backdated_is_before_it_is_told(
    anchor: date, words: str, sentence: str, day: date
) -> None:
    span = resolve_span(words, anchor, sentence)
    assert (span.start, span.end) == (day, day), span.explanation
    assert 'dated back ("backdated")' in span.explanation
