"""The temporal tagger (`timeline tag`): extents, types, values, references, the CLI."""

from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tui.dates.tagger import find_expressions, tag_text

A15 = date(2024, 4, 15)  # a Monday


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("They met on Saturday in Pyongyang.", [("Saturday", "DATE", "2024-04-13")]),
        ("Kim traveled to Russia in September.", [("September", "DATE", "2023-09")]),
        ("It was founded in 1949.", [("1949", "DATE", "1949")]),
        ("During the 1950–1953 Korean War", [("1950–1953", "DATE", "1950/1953")]),
        ("ties established 75 years ago", [("75 years ago", "DATE", "1949")]),
        ("said earlier this month", [("earlier this month", "DATE", "2024-04")]),
        ("the talks will be held on June 17", [("June 17", "DATE", "2024-06-17")]),
        ("a three-day visit", [("three-day", "DURATION", "P3D")]),
        ("The meeting lasted nearly four hours.", [("nearly four hours", "DURATION", "PT4H")]),
        ("a 90-minute debate", [("90-minute", "DURATION", "PT90M")]),
        ("the first visit in nearly five years", [("nearly five years", "DURATION", "P5Y")]),
        ("They meet every week.", [("every week", "SET", None)]),
        ("North Korea has recently tested missiles", [("recently", "DATE", "PAST_REF")]),
        ("in the 1990s", [("the 1990s", "DATE", "199")]),
        ("He may visit China.", []),  # "may" the modal is not the month
        ("People's Daily reported it.", []),  # a name, not a set
        ("now that they have met", []),  # a conjunction
        ("the mid-term report", []),  # inside a compound
        (
            "On Monday they met. The same day, envoys wrote.",
            [("Monday", "DATE", "2024-04-15"), ("The same day", "DATE", "2024-04-15")],
        ),
        (
            "They met on Monday. A week later, talks followed.",
            [("Monday", "DATE", "2024-04-15"), ("A week later", "DATE", "2024-04-22")],
        ),
        # A day of a week named from the article's: not the nearest Monday (the day itself).
        ("It meets on Monday of next week.", [("Monday of next week", "DATE", "2024-04-22")]),
        ("It closed on Friday of last week.", [("Friday of last week", "DATE", "2024-04-12")]),
        ("Crews worked over the weekend.", [("the weekend", "DATE", "2024-W15-WE")]),
        ("It held the 1931 time capsule.", [("1931", "DATE", "1931")]),  # "the" is the noun's
        ("They will finish in the autumn.", [("the autumn", "DATE", "2024-FA")]),
        ("Costs were cut in the winter months.", []),  # a noun's, not a period named
        ("It rained the day before yesterday.", [("the day before yesterday", "DATE", "2024-04-13")]),  # noqa: E501
        (  # "in Beijing" is where, not what it counts from: a reference still
            "They met on Monday. Talks began the day before in Beijing.",
            [("Monday", "DATE", "2024-04-15"), ("the day before", "DATE", "2024-04-14")],
        ),
        ("They drank in the spring water.", []),
        # Not the spring nearest the article: which one, the words do not say.
        (
            "In 2019, the two leaders met in the spring.",
            [("2019", "DATE", "2019"), ("the spring", "DATE", None)],
        ),
        (  # a day of the week after another mention's: a reference, not this week's
            "Kim arrived on 3 May 2019. He left on Monday of the following week.",
            [
                ("3 May 2019", "DATE", "2019-05-03"),
                ("Monday of the following week", "DATE", "2019-05-06"),
            ],
        ),
        (
            "In 2019, the two leaders met in September.",
            [("2019", "DATE", "2019"), ("September", "DATE", None)],
        ),
        # It counts from the hearing, not from the date before it.
        (
            "It closed in 2020. The vote came a day after a public hearing.",
            [("2020", "DATE", "2020"), ("a day after", "DATE", None)],
        ),
        # Likewise from a clause ("after it closed"); "the day after that" still refers back.
        (
            "It closed in 2020. It reopened three years after it closed.",
            [("2020", "DATE", "2020"), ("three years after", "DATE", None)],
        ),
        # A weekday after another mention's, kept whole: not the Monday before the article.
        (
            "The council met on 3 May 2019. A hearing is planned for the following Monday.",
            [("3 May 2019", "DATE", "2019-05-03"), ("the following Monday", "DATE", "2019-05-06")],
        ),
        # "the next summer" whole: a reference, as "the following summer" is.
        (
            "Kim visited in March 2019 and returned the next summer.",
            [("March 2019", "DATE", "2019-03"), ("the next summer", "DATE", "2019-SU")],
        ),
        # A season after another mention's: summer 2019, not the summer after the article.
        (
            "The council was elected in March 2019. The following summer it closed the port.",
            [("March 2019", "DATE", "2019-03"), ("The following summer", "DATE", "2019-SU")],
        ),
        (
            "The strike ended on 3 May 2019. Talks had collapsed the previous Tuesday night.",
            [("3 May 2019", "DATE", "2019-05-03"),
             ("the previous Tuesday night", "DATE", "2019-04-30")],
        ),
        # Quarters and halves of a year, with their year only: alone, a match's or a
        # race's as often, and "Q3" or "H2" a model's or a fuel's.
        (
            "Profits rose in the second half of 2023, in Q3 2024 and in the third quarter "
            "of 2023. The Warriors led by ten in the third quarter. He holds an H1-B visa, "
            "the firm makes H2 fuel and Apple launched the Q3 headset.",
            [("the second half of 2023", "DATE", "2023-H2"), ("Q3 2024", "DATE", "2024-Q3"),
             ("the third quarter of 2023", "DATE", "2023-Q3")],
        ),
        # A week or a half of a month, whole: not the week before the article ("last
        # week" of "the last week of May"), nor the month alone.
        (
            "Talks stalled in the last week of May. They met in the first week of April "
            "2023 and again in the second half of March.",
            [("the last week of May", "DATE", "2023-05-25/2023-05-31"),
             ("the first week of April 2023", "DATE", "2023-04-01/2023-04-07"),
             ("the second half of March", "DATE", "2024-03-16/2024-03-31")],
        ),
        # A journalist's trial: "nearly three years ago" was the length "nearly three
        # years", never drafted.
        (
            "She started there nearly three years ago.",
            [("nearly three years ago", "DATE", "2021")],
        ),
        # A journalist's trial: "the last Saturday in March" was "last Saturday", the
        # Saturday before the article; "last week of May's" is no part of May.
        (
            "They marched on the last Saturday in March. He spoke last week of May's vote.",
            [("the last Saturday in March", "DATE", "2024-03-30"),
             ("last week", "DATE", "2024-W15")],
        ),
        # A journalist's trial: "the last weekend of May" was "last weekend", the one
        # before the article.
        (
            "Fans gathered on the last weekend of May. They return the first weekend in "
            "June 2024.",
            [("the last weekend of May", "DATE", "2023-W21-WE"),
             ("the first weekend in June 2024", "DATE", "2024-W22-WE")],
        ),
        # "the Friday before" counts from a mention, or from what it names ("the vote"),
        # kept whole: "Friday" alone was the Friday before the article. "the Friday
        # before last" is a week before last Friday.
        (
            "The vote was on 3 March. The Friday before, protesters gathered. The Friday "
            "after the vote, they left. The Friday before last, it rained. They met the "
            "weekend before the vote. It rained on Friday night before last.",
            [("3 March", "DATE", "2024-03-03"), ("The Friday before", "DATE", "2024-03-01"),
             ("The Friday after", "DATE", None), ("The Friday before last", "DATE", "2024-04-05"),
             ("the weekend before", "DATE", None),
             ("Friday night before last", "DATE", "2024-04-05")],
        ),
        # Wire copy: "(2210 GMT Tuesday)" is the local time's moment in GMT, no date of its
        # own; a GMT time outside such a bracket still names its day.
        (
            "North Korea fired a missile at 7:10 a.m. Wednesday (2210 GMT Tuesday), Seoul "
            "said. Talks began at 0900 GMT (UTC) on Monday.",
            [("Wednesday", "DATE", "2024-04-10"), ("Monday", "DATE", "2024-04-15")],
        ),
        # A second review: "over the weekend after talks collapsed" is the weekend just
        # gone ("after" a conjunction); "the Friday before last Tuesday's vote" no week
        # further than last Friday.
        (
            "Fighting flared over the weekend after talks collapsed. The Friday before last "
            "Tuesday's vote, it rained.",
            [("the weekend", "DATE", "2024-W15-WE"), ("The Friday before", "DATE", "2024-04-12"),
             ("last Tuesday", "DATE", "2024-04-09")],
        ),
        # A journalist's trial: a byline's first name is no month ("By June Okafor").
        (
            "By June Okafor\n\nBy June, the port will reopen.\nBy April Smith and Jo Doe\n",
            [("June", "DATE", "2024-06")],
        ),
        # "that", "this", "it" with no verb of theirs refer back: not a clause named.
        (
            "The council met on 3 May 2019. Two days after that he resigned.",
            [("3 May 2019", "DATE", "2019-05-03"), ("Two days after", "DATE", "2019-05-05")],
        ),
        # Recurring days: no one day of them.
        (
            "The market runs every Friday and Saturday.",
            [("every Friday and Saturday", "SET", None)],
        ),
        # A range is one expression, not its two ends (the draft dated a week's holiday
        # by its first day); "between" goes with "and", "from" with "to".
        (
            "The holiday ran from Oct. 1 to Oct. 7. The fair ran from 1 to 7 October. The "
            "show ran from Oct 1 to 7, 2022. Between 2019 and 2021 it shut.",
            [("from Oct. 1 to Oct. 7", "DATE", "2023-10-01/2023-10-07"),
             ("from 1 to 7 October", "DATE", "2023-10-01/2023-10-07"),
             ("from Oct 1 to 7, 2022", "DATE", "2022-10-01/2022-10-07"),
             ("Between 2019 and 2021", "DATE", "2019/2021")],
        ),
        (
            "It grew from 2019 and then between 2020 to 2021.",
            [("2019", "DATE", "2019"), ("2020", "DATE", "2020"), ("2021", "DATE", "2021")],
        ),
        # A month shortened without a full stop, beside a day ("Oct 1", "7 Sept 2023"); a
        # name alone is no month.
        (
            "It opened on Oct 1 and closed on 7 Sept 2023. Jan Smith met 3 friends.",
            [("Oct 1", "DATE", "2023-10-01"), ("7 Sept 2023", "DATE", "2023-09-07")],
        ),
    ],
)
def test_expressions_are_found_typed_and_resolved(
    text: str, found: list[tuple[str, str, str | None]]
) -> None:
    tags = tag_text(text, A15)
    assert [(t.text, t.type, t.timex) for t in tags] == found
    for tag in tags:
        assert text[tag.start : tag.end] == tag.text


def test_a_month_in_a_sentence_naming_another_year_says_why_it_is_undated() -> None:
    """The tagger gives the loader's own refusal and hint, not a date of its own."""
    month = tag_text("In 2019, the two leaders met in September.", A15)[-1]
    assert (month.text, month.span) == ("September", None)
    assert month.reason == (
        '"September" names no year, and its sentence names 2019: which one it means, the '
        "words do not say (read against the publication date it would be 2023); date the "
        'source by words of the quote that name the year, such as "2019"'
    )


def test_a_reference_read_against_the_nearest_date_is_marked_a_guess() -> None:
    """The tagger has no `relative_to`: it reads "The same day" against the nearest
    date before it, which may not be the mention meant, and says so."""
    tags = tag_text("Talks were held last week. The same day the crews arrived.", A15)
    same = tags[-1]
    assert same.text == "The same day" and same.span is not None and same.span.approximate
    assert "a guess, since the words do not say which mention they mean" in same.reason
    # Not from a mention longer than the words' unit could mean: no day of a month.
    month = tag_text("Talks were held in September. The same day the crews arrived.", A15)[-1]
    assert month.span is None and month.reason.startswith("refers to an earlier date; none")
    year = tag_text("A raise comes in 2026. Work resumed the same day.", A15)[-1]
    assert year.span is None
    weeks = tag_text("Talks were held in September. The following year, they met.", A15)[-1]
    assert weeks.timex == "2024"  # a year counts from a month: the year after
    after = tag_text("The vote came a day after a public hearing.", A15)[-1]
    assert after.span is None and 'counts from what follows it ("a public hearing")' in after.reason
    later = tag_text("On Monday they met. The day after that, they signed.", A15)[-1]
    assert later.text == "The day after" and later.timex == "2024-04-16"  # "that" refers back
    # Not from a state's date: "as of June" marks a stretch, not an act on a day.
    state = tag_text("The fair opened on Sunday. Exports stood at a record as of June. The "
                     "previous weekend, exhibitors arrived.", A15)[-1]  # fmt: skip
    assert state.timex == "2024-W14-WE" and '"Sunday"' in state.reason
    # An end ("until Friday") dates an act: it is counted from.
    ended = tag_text("Kim arrived on Tuesday. The talks lasted until Friday. The following "
                     "day, Kim left.", A15)[-1]  # fmt: skip
    assert ended.timex == "2024-04-13" and '"Friday"' in ended.reason
    # A journalist's trial: "three weeks later" counts from a season before it (it
    # skipped "the spring of 2018" for a month four years on); a mention skipped for
    # one further back is named, not passed over as if the further one were nearest.
    weeks = tag_text("He was warned as early as the spring of 2018. An auditor raised "
                     "concerns three weeks later.", A15)[-1]  # fmt: skip
    assert (weeks.span is not None and weeks.span.start, weeks.span.end) == (
        date(2018, 3, 22), date(2018, 6, 21))
    assert "(the nearest date before it in the article: a guess" in weeks.reason
    skipped = tag_text("Talks opened on Monday under a plan for 2026. Three days later, "
                       "they signed.", A15)[-1]  # fmt: skip
    assert skipped.timex == "2024-04-18"
    assert ('the nearest date before it in the article that it can count from ("2026", '
            "nearer, is longer than days count from): a guess") in skipped.reason
    assert '("June", nearer, marks a state)' in state.reason
    # A start ("from Monday", of what is to come) dates an act, as an end does.
    # (Written on a Friday: on a Monday, "will … from Monday" may be that day or the next.)
    begun = tag_text("Buses will run a new timetable from Monday. Two days later, fares "
                     "will rise.", date(2024, 4, 12))  # fmt: skip
    assert [t.span.relation for t in begun if t.span is not None] == ["from", "on"]
    assert begun[-1].timex == "2024-04-17" and '"Monday"' in begun[-1].reason


def test_a_winter_named_by_both_its_years_is_tagged_whole() -> None:
    tags = tag_text("Prices have risen since the winter of 2013-14.", date(2024, 3, 12))
    assert [(t.text, t.timex) for t in tags] == [("the winter of 2013-14", "2013-WI")]
    # After "the coldest", the last time before: tagged whole, no date of the event.
    tags = tag_text("It was the coldest since the winter of 2013-14.", date(2024, 3, 12))
    assert [(t.text, t.timex) for t in tags] == [("the winter of 2013-14", None)]


def test_a_part_of_a_season_is_tagged() -> None:
    """A journalist's trial: "by the end of the summer" was not tagged (so not drafted),
    though the loader resolves it; not an adjective's season, nor a title's (a review)."""
    tags = tag_text("Members would be balloted again by the end of the summer. Work ends in "
                    "late spring, and resumes mid-winter.", date(2024, 4, 20))  # fmt: skip
    assert [(t.text, t.timex) for t in tags] == [
        ("the end of the summer", "2024-SU"), ("late spring", "2024-SP"),
        ("mid-winter", "2024-WI"),
    ]
    assert tags[0].span is not None and tags[0].span.relation == "by"
    none = tag_text("We had an early spring. The late summer sun shone. She starred in Late "
                    "Summer, a film. A mid-winter break helps.", date(2024, 4, 20))  # fmt: skip
    assert none == []


def test_now_after_a_modal_is_no_time() -> None:
    """A journalist's trial: "now" of "which will now be played next Tuesday" was
    tagged (and drafted) as the publication date."""
    tags = tag_text("The match, which will now be played next Tuesday, was postponed. "
                    "Talks are now under way.", date(2024, 5, 10))  # fmt: skip
    assert [t.text for t in tags] == ["next Tuesday", "now"]
    # A review: "May" the month is no modal.
    assert [t.text for t in tag_text("The rally in May now looks premature.",
                                     date(2024, 5, 10))] == ["May", "now"]  # fmt: skip


def test_the_months_up_to_a_month_are_tagged_whole() -> None:
    """A journalist's trial: "March" of "in the year to March" was tagged (and drafted)
    as the month."""
    tags = tag_text("Profits had fallen 38% in the year to March, and sales rose in the "
                    "three months to the end of April.", date(2024, 5, 28))  # fmt: skip
    assert [t.text for t in tags] == ["the year to March", "the three months to the end of April"]
    assert [(t.span.start, t.span.end) for t in tags if t.span] == [
        (date(2023, 4, 1), date(2024, 3, 31)), (date(2024, 2, 1), date(2024, 4, 30))]
    # A review: not "the year to March" of "the start of the year to March", nor "the year
    # ended March" of "the year ended March 31, 2023".
    tags = tag_text("Sales rose from the start of the year to March. Profit fell in the year "
                    "ended March 31, 2023.", date(2024, 5, 10))  # fmt: skip
    assert "the year to March" not in [t.text for t in tags]
    early = tag_text("Exports rose from early in the year to March.", date(2024, 8, 13))
    assert "the year to March" not in [t.text for t in early]
    assert "March 31, 2023" in [t.text for t in tags]


def test_that_spring_is_a_reference_unless_a_year_follows() -> None:
    tags = tag_text("He was elected in March 2019. That spring, he toured. That summer of "
                    "2019 was hot.", A15)  # fmt: skip
    assert [(t.text, t.reference, t.timex) for t in tags] == [
        ("March 2019", False, "2019-03"), ("That spring", True, "2019-SP"),
        ("summer of 2019", False, "2019-SU"),
    ]


def test_two_years_with_a_slash_are_one_expression() -> None:
    tags = tag_text("The 2019/20 budget passed. In the 2024-25 season, it won.", A15)
    assert [(t.text, t.timex) for t in tags] == [("2019/20", "2019/2020"), ("2024-25", "2024/2025")]


def test_what_a_review_found_tagged_wrongly() -> None:
    text = ("He was elected in March 2019. Shares that fall sharply are sold. He said that "
            "winter would be harsh. On March 14 he arrived a day before the talks. They will "
            "meet on the Friday of next week. The ministry said in a Sunday statement that it "
            "failed. From 2015 to 2019 households grew.")  # fmt: skip
    assert [t.text for t in tag_text(text, A15)] == [
        "March 2019", "March 14", "a day before", "Friday of next week", "Sunday",
        "From 2015 to 2019",
    ]


def test_a_rate_is_no_reference() -> None:
    """"about 90,000 vehicles a day before it was closed" was tagged "a day before"."""
    tags = tag_text("It carried about 90,000 vehicles a day before it was closed. Talks "
                    "ended on Monday. A day before, they met.", A15)  # fmt: skip
    assert [t.text for t in tags] == ["Monday", "A day before"]


def test_a_weekday_made_indefinite_is_not_tagged() -> None:
    tags = tag_text("It came on a Sunday in early March. One Monday night they left. "
                    "They met on Sunday.", A15)  # fmt: skip
    assert [t.text for t in tags] == ["early March", "Sunday"]
    # An adversarial audit: "on a Monday and …" was drafted as the Monday before.
    tags = tag_text("Workers walked out on a Monday and were back. It issued a Sunday "
                    "statement.", A15)  # fmt: skip
    assert [t.text for t in tags] == ["Sunday"]


def test_a_number_that_is_no_year_is_not_tagged() -> None:
    text = ("The bridge, which carries Route 2020 over the river, closed on Tuesday. It "
            "pumped 2024 cubic metres in 2023. At 1600 GMT he said 2019 was hard.")  # fmt: skip
    assert [t.text for t in tag_text(text, A15)] == ["Tuesday", "2023", "2019"]


def test_the_friday_of_a_story_is_tagged_whole_as_a_reference() -> None:
    text = "The storm hit on April 1. By the Friday, the water was at my door."
    friday = tag_text(text, A15)[-1]
    assert (friday.text, friday.reference, friday.timex) == ("the Friday", True, "2024-04-05")
    deadline = tag_text("They must file by the Friday deadline.", A15)[-1]
    assert (deadline.text, deadline.reference) == ("Friday", False)


def test_the_next_week_is_tagged_whole_and_read_by_the_tense() -> None:
    """"The next week, they signed" was tagged "next week" and dated the week after the
    article: a past act dated after the article. Told of the past it counts from
    another mention (a guess); looking ahead it is the week from the article on."""
    past, ahead = tag_text(
        "Officials met in March 2019. The next week, they signed a deal. "
        "Officials will meet over the next week.", A15
    )[1:]
    assert (past.text, past.reference, past.span is not None and past.span.approximate) == (
        "The next week", True, True
    )
    assert past.span is not None and past.span.start < date(2019, 4, 15)
    assert (ahead.text, ahead.reference, ahead.timex) == (
        "the next week", False, "2024-04-15/2024-04-21"
    )


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Ties have grown since 2019.", "since"),
        ("The lease runs through 2019.", "until"),
        ("Officials went through 2019 records.", "on"),  # the records', not a relation
        ("Talks go on through 2019 and beyond.", "until"),
    ],
)
def test_a_leading_preposition_is_outside_the_extent_but_gives_the_relation(
    text: str, relation: str
) -> None:
    (tag,) = tag_text(text, A15)
    assert (tag.text, tag.span is not None and tag.span.relation) == ("2019", relation)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # An auditor's: "soon" of "as soon as" was tagged, and drafted as a date.
        ("The union asked for a reply as soon as possible.", []),
        ("It will act as soon as it receives the letter.", []),
        ("As soon as possible, the port will reopen.", []),
        # An earliest limit: the date words found, the loader's refusal given, no date.
        ("Officials said a deal could come as soon as next month.", [("next month", None)]),
        ("It said talks could resume as early as next week.", [("next week", None)]),
        ("Talks could resume next week at the earliest.", [("next week", None)]),
        # A latest time is "by", before the words or after them.
        ("The report must be filed no later than Friday.", [("Friday", "by")]),
        ("A second review is due on Friday at the latest.", [("Friday", "by")]),
        # "over the past …" dates a change within the stretch: on, not since.
        ("Over the past decade, the port has cut its workforce by a fifth.",
         [("the past decade", "on")]),
        ("Prices rose 5% over the past year.", [("the past year", "on")]),
    ],
)
def test_limits_and_as_soon_as_are_tagged_as_the_loader_reads_them(
    text: str, found: list[tuple[str, str | None]]
) -> None:
    tags = tag_text(text, A15)
    assert [(t.text, t.span.relation if t.span else None) for t in tags] == found
    for tag in tags:
        if tag.span is None:  # the loader's own reason, not silence
            assert "says only how early it may come, not when" in tag.reason


def test_an_unresolvable_expression_is_kept_with_its_reason() -> None:
    (tag,) = tag_text("It happened on February 30.", A15)
    assert tag.timex is None and tag.span is None and "February has no day 30" in tag.reason


def test_expressions_never_overlap() -> None:
    text = Path("seeds/002_d237273cbb6b4ad7.txt").read_text(encoding="utf-8")
    found = find_expressions(text)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(found))


def test_cli_json_offsets_index_the_text_as_read(tmp_path: Path) -> None:
    text = "Présidents met «on Saturday» — and will meet again next week.\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    result = run_cli("tag", "--anchor", "2024-04-15", str(path))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in rows] == ["Saturday", "next week"]
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    assert rows[0]["span_start"] == "2024-04-13" and rows[0]["relation"] == "on"
    assert rows[1]["timex"] == "2024-W17"


def test_cli_text_format_marks_the_text_and_lists_a_table() -> None:
    result = run_cli(
        "tag", "--anchor", "2024-04-15", "--format", "text", stdin="We met on Monday.\n"
    )
    assert result.returncode == 0, result.stderr
    assert "We met on ⟦Monday⟧¹." in result.stdout
    assert "2024-04-15 Mon" in result.stdout
    header, row = result.stdout.splitlines()[-2:]
    assert header.split() == ["#", "characters", "type", "TIMEX3", "resolved", "words"]
    for column, value in (("characters", "10-16"), ("type", "DATE"), ("TIMEX3", "2024-04-15"),
                          ("resolved", "2024-04-15 Mon"), ("words", "Monday")):
        assert row.index(value) == header.index(column)  # each under its heading


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("tag",), "x", "--anchor"),
        (("tag", "--anchor", "2024-04-15", "missing.txt"), None, "missing.txt: no such file"),
        (("tag", "--anchor", "soon"), "x", "not a date"),
    ],
)
def test_cli_bad_input_is_a_usage_error(
    args: tuple[str, ...], stdin: str | None, message: str
) -> None:
    result = run_cli(*args, stdin=stdin)
    assert result.returncode == 2 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_refuses_text_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 on Monday".encode("latin-1"))
    result = run_cli("tag", "--anchor", "2024-04-15", str(path))
    assert result.returncode == 2 and "latin.txt:1: not valid UTF-8" in result.stderr


def test_the_tagger_reproduces_the_hand_made_gold() -> None:
    """Scores against tests/gold (annotated by hand before the tagger was tuned)."""
    from tests.tag_eval import GOLD, Score, score_article

    total = Score()
    for gold_file in sorted(GOLD.glob("*.json")):
        total.add(score_article(gold_file)[0])
    measures = total.measures()
    assert total.gold == 34
    assert measures["extent (strict)"][2] >= 0.90  # 0.93 when this was written
    assert measures["value"][2] >= 0.90  # 0.93


def test_cli_text_table_keeps_its_columns_far_into_a_long_text() -> None:
    """A review: past a million characters the offsets outgrew their column, and
    every column after it stood two cells right of its heading."""
    text = "x" * 1_000_000 + " We met on Monday.\n"
    result = run_cli("tag", "--anchor", "2024-04-15", "--format", "text", stdin=text)
    assert result.returncode == 0, result.stderr
    header, row = result.stdout.splitlines()[-2:]
    for column, value in (("type", "DATE"), ("TIMEX3", "2024-04-15"), ("words", "Monday")):
        assert row.index(value) == header.index(column)


def test_cli_text_table_keeps_its_columns_with_a_long_value() -> None:
    """A TIMEX as long as "2025-02-17/2025-03-09" widens its column for every row,
    so the dates and the words still start at one column."""
    text = "Talks began a few weeks ago. They resume on Monday.\n"
    result = run_cli("tag", "--anchor", "2025-03-18", "--format", "text", stdin=text)
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line[:3].strip().isdigit()]
    assert len(rows) == 2
    assert len({row.index("a few weeks ago") for row in rows[:1]} | {
        rows[1].index("Monday")}) == 1  # fmt: skip
    assert rows[0].index("≈ 2025-02-17") == rows[1].rindex("2025-03-24")  # "resume": ahead


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A number after "to" that is no day: a rate, a time, a share.
        ("Tariffs will rise from June 1 to 25 percent.", ["June 1"]),
        ("The rate was raised from Oct. 1 to 5.5%.", ["Oct. 1"]),
        ("It is open from Oct 1 to 7 p.m. on weekdays.", ["Oct 1"]),
        # A rescheduling: the old date and the new, not a stretch.
        ("The vote was postponed from June 5 to June 12.", ["June 5", "June 12"]),
        ("The holiday ran from Oct 1 to 7.", ["from Oct 1 to 7"]),
        # A change of amount over a stretch is over that stretch.
        ("Sales rose from Jan. 1 to March 31, the company said.", ["from Jan. 1 to March 31"]),
    ],
)
def test_a_range_is_joined_only_where_it_is_one(text: str, words: list[str]) -> None:
    assert [t.text for t in tag_text(text, A15)] == words


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # A journalist's trial: a stretch, then the date; not "two days later" of another.
        ("The lock will close for two days later this month.", ["later this month"]),
        ("It will shut for three weeks later this year.", ["later this year"]),
        # A journalist's trial: "in the" for "this", which the loader resolves too.
        ("Brandt said earlier in the week that members would consider it.",
         ["earlier in the week"]),
        ("Talks resume later in the month.", ["later in the month"]),
        # A back-reference still is one, "later this week" after it too (a review).
        ("They met on Monday. Two days later, the deal was signed.", ["Monday", "Two days later"]),
        ("It was agreed on Monday and signed two days later this week.",
         ["Monday", "two days later", "this week"]),
    ],
)
def test_a_stretch_before_later_this_month_is_no_reference(text: str, dates: list[str]) -> None:
    assert [t.text for t in tag_text(text, A15) if t.type == "DATE"] == dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # A courts reporter's trial: the year said once for two months, or as words.
        ("Staff were owed pay from February and March 2024.", ["February and March 2024"]),
        ("It took over 14 depots in April last year.", ["April last year"]),
        ("The plant will close in late March next year.", ["late March next year"]),
        ("Sales in January and February rose.", ["January", "February"]),
        # A review: two months apart are two dates; a year's possessive is the year's.
        ("Elections were held in January and June 2024.", ["January", "June 2024"]),
        ("The company said in April last year's losses were halved.", ["April", "last year"]),
    ],
)
def test_a_month_takes_the_year_said_with_it(text: str, dates: list[str]) -> None:
    assert [t.text for t in tag_text(text, A15) if t.type == "DATE"] == dates


def test_later_in_the_month_told_as_done_after_the_article_is_left_to_the_curator() -> None:
    """A review: "Later in the month, the party collapsed", after "3 March 2022", was
    dated to the days after a 2024 article: told as done, it is the story's month."""
    text = "The vote was held on 3 March 2022. Later in the month, the party collapsed."
    tags = tag_text(text, date(2024, 3, 13))
    later = next(t for t in tags if t.text == "Later in the month")
    assert later.span is None and "the quote reads as done (“collapsed”)" in later.reason
    ahead = tag_text("Later in the month, talks will resume.", date(2024, 3, 13))
    assert [(t.text, t.span is not None) for t in ahead] == [("Later in the month", True)]


def test_n_units_earlier_is_a_reference_as_n_units_later_is() -> None:
    """A second journalist's trial: "A day earlier, she told the court, …" was neither
    drafted nor listed as counting from another mention: it was no reference."""
    text = "The treasurer testified on Tuesday. A day earlier, she had found the files."
    earlier = next(t for t in tag_text(text, date(2025, 3, 13)) if t.text == "A day earlier")
    assert earlier.reference and earlier.span is not None
    assert earlier.span.start == date(2025, 3, 10) and earlier.span.approximate


def test_words_quoted_from_a_dated_saying_are_not_resolved() -> None:
    """An adversarial audit: '"We signed yesterday," the minister said on Friday' was
    tagged as the day before the article."""
    tags = tag_text('"We signed yesterday," the minister said on Friday.', A15)
    assert [(t.text, t.span is None) for t in tags] == [("yesterday", True), ("Friday", False)]
    assert "is in the words quoted" in tags[0].reason


def test_a_reference_told_of_the_past_is_not_guessed_from_what_is_to_come() -> None:
    """An adversarial audit: "The previous day, the authority had warned …" after
    "next week" was guessed as a day of next week, after the article."""
    anchor = date(2025, 3, 10)
    tags = tag_text("Talks were held on Friday. Talks will resume next week. The previous "
                    "day, the authority had warned of delays.", anchor)  # fmt: skip
    previous = tags[-1]
    assert previous.text == "The previous day" and previous.timex == "2025-03-06"
    assert '("next week", nearer, is after the article' in previous.reason
    alone = tag_text("Talks will resume next week. The previous day, the authority had "
                     "warned of delays.", anchor)[-1]  # fmt: skip
    assert alone.span is None and alone.reason.startswith("refers to an earlier date; none")
    # Told of what is to come, it still counts from the mention to come.
    ahead = tag_text("Talks will resume next week. The previous day, officials will meet.",
                     anchor)[-1]
    assert ahead.timex == "2025-03-16/2025-03-22"  # a day before one of next week's
