"""Relations, publication windows and references: the words decide, tables show how."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import ARTICLES_YAML, EVENTS_YAML, SEED_TEXT, write_data_dir
from tui.dates import (
    Anchor,
    ResolveError,
    Span,
    check_stated,
    date_by_publication,
    date_from_words,
    date_relative,
    format_span,
    from_date_words,
    from_verb,
    relation_meaning,
    resolve_in_window,
    resolve_span,
    window_words,
)
from tui.dates.anchoring import clear_window_memos
from tui.dates.relations import publication_verb
from tui.dates.tagger import tag_text
from tui.event_text import describe_event
from tui.export.jsonfmt import export_json
from tui.load import load_timeline
from tui.model import Article, Event, Source, Timeline
from tui.problems import DataError

D = date
DAY = Anchor.day(D(2024, 4, 11))
WINDOW = Anchor(D(2024, 4, 11), D(2024, 4, 10), D(2024, 4, 12))


# --------------------------------------------------------------------------
# Relations from the words
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "relation"),
    [
        ("has confirmed", "by"),
        ("has kicked off", "by"),
        ("has reportedly begun", "by"),
        ("have signed", "by"),
        ("has been forging", "as of"),
        ("have long been trading", "as of"),
        ("is leading a delegation", "as of"),
        ("is conducting talks", "as of"),
        ("are only strengthening", "as of"),
        ("is seeking", "as of"),
        ("enhancing", "as of"),
        ("is showing signs", "as of"),
        ("is significant", "as of"),
        ("has been North Korea’s primary ally", "as of"),
        ("hosted", "by"),  # the simple past, with no date words: done by the article's date
        ("reportedly supplied arms", "by"),
        ("met", "by"),
    ],
)
def test_the_verb_form_of_a_report_gives_its_relation(words: str, relation: str) -> None:
    derived = from_verb(words)
    assert derived is not None and derived.relation == relation


@pytest.mark.parametrize("words", ["Saturday", "the visit", "news", "ready to talk"])
def test_words_without_a_present_form_cannot_be_dated_by_publication(words: str) -> None:
    assert from_verb(words) is None
    with pytest.raises(ResolveError, match="no present or present-perfect verb form"):
        date_by_publication(words, DAY)


@pytest.mark.parametrize(
    ("words", "relation"),
    [
        ("since 2019", "since"),
        ("ever since 2011", "since"),
        ("for the past six years", "since"),
        # When within the stretch, not how long it held: an auditor's "over the past
        # decade, the port has cut its workforce" was since, as if a state held.
        ("over the last three months", "on"),
        ("over the past decade", "on"),
        ("Over the past decade", "on"),
        ("in the past week", "on"),
        ("during the past year", "on"),
        ("by 2030", "by"),
        # A latest time is "by"; an auditor's "no later than Friday" was on.
        ("no later than Friday", "by"),
        ("not later than the end of June", "by"),
        ("Friday at the latest", "by"),
        ("until 2019", "until"),
        ("till June", "until"),
        ("as of April", "as of"),
        ("on Saturday", "on"),
        ("in September", "on"),
        ("75 years ago", "on"),
        ("byzantine", "on"),
        # The present: what holds now held at the article's date, from when it does not say.
        ("now", "as of"),
        ("Now", "as of"),
        ("currently", "as of"),
        ("at present", "as of"),
        ("right  now", "as of"),
        ("nowadays", "as of"),
        ("until now", "until"),  # the head word still decides
        ("by now", "by"),
        ("nowhere", "on"),
    ],
)
def test_a_relational_head_word_gives_the_relation(words: str, relation: str) -> None:
    assert from_date_words(words).relation == relation


@pytest.mark.parametrize(
    ("stated", "words", "publication", "refused"),
    [
        ("by", "On Monday", False, False),  # a report on Monday of what was done by then
        ("as of", "in 2024", False, False),
        ("since", "in 2024", False, True),  # "since" needs the word
        ("until", "on Saturday", False, True),
        ("on", "since 2019", False, True),  # the preposition says it outright
        ("since", "since 2019", False, False),
        ("by", "has confirmed", True, False),
        ("as of", "has confirmed", True, False),
        ("on", "has confirmed", True, True),  # no day is named: not "on" it
        ("by", "is leading", True, True),  # under way, not done
        ("whenever", "on Saturday", False, True),
        ("on", "now", False, False),  # an act under way that very day
        ("by", "currently", False, True),  # a state now is not an act done by then
        ("since", "now", False, True),
    ],
)
def test_a_stated_relation_is_refused_when_the_words_contradict_it(
    stated: str, words: str, publication: bool, refused: bool
) -> None:
    derived = from_verb(words) if publication else from_date_words(words)
    assert derived is not None
    assert (check_stated(stated, derived) is not None) is refused


def test_present_perfect_is_dated_by_the_publication_day() -> None:
    span = date_by_publication("has confirmed", DAY)
    assert (span.relation, span.start, span.end, span.precision) == (
        "by",
        D(2024, 4, 11),
        D(2024, 4, 11),
        "day",
    )
    assert format_span(span) == "by 2024-04-11 Thu"
    assert "completed act in the present perfect" in span.explanation


def test_present_perfect_against_a_window_is_by_its_latest_day() -> None:
    span = date_by_publication("has confirmed", WINDOW)
    assert (span.relation, span.start, span.end) == ("by", D(2024, 4, 12), D(2024, 4, 12))
    assert span.likely_start == D(2024, 4, 11)
    assert "latest day the article can have been published" in span.explanation
    assert "10–12 Apr 2024, most likely Thu 11 Apr 2024" in span.explanation


def test_a_state_against_a_window_holds_as_of_every_day_of_it() -> None:
    span = date_by_publication("is leading a delegation", WINDOW)
    assert (span.relation, span.start, span.end, span.approximate) == (
        "as of",
        D(2024, 4, 10),
        D(2024, 4, 12),
        True,
    )
    assert format_span(span) == "as of ≈ 2024-04-10–04-12"


@pytest.mark.parametrize(
    ("words", "start", "relation"),
    [
        # The README's own example: "for" was not read, so the words were refused.
        ("for the past six years", D(2018, 4, 12), "since"),
        ("for the last three months", D(2024, 1, 12), "since"),
        ("in the past week", D(2024, 4, 5), "on"),
        # An auditor's: "over the past …" dates a change within the stretch, not since it.
        ("over the past year", D(2023, 4, 12), "on"),
        ("over the last three months", D(2024, 1, 12), "on"),
    ],
)
def test_for_the_past_is_the_stretch_up_to_the_article(
    words: str, start: date, relation: str
) -> None:
    span = date_from_words(words, f"Ties have been strained {words}.", DAY)
    assert (span.start, span.end, span.relation) == (start, D(2024, 4, 11), relation)
    # The explanation quotes the words that are there, never "for the past" for others.
    said = words.split()[0:3]
    assert ("since" not in span.explanation) is (relation == "on")
    if relation == "since":
        assert f'"{" ".join(said)} …" names how long it has held' in span.explanation
    with pytest.raises(ResolveError):
        date_from_words("for six years", "It was shut for six years.", DAY)  # a length


@pytest.mark.parametrize(
    ("words", "sentence", "whole"),
    [
        ("Monday", "A public hearing is planned for the following Monday.", "the following Monday"),
        ("Monday", "They met on Monday of the following week.", "Monday of the following week"),
        ("year", "Elected in 2015, he resigned the previous year.", "the previous year"),
        ("Monday", "Talks resumed the following  Monday.", "the following Monday"),
        ("summer", "The port reopened the following summer.", "the following summer"),
        ("Friday", "The Friday before the vote, protesters gathered.", "The Friday before"),
        ("Friday", "They left the Friday after, police said.", "the Friday after"),
        ("Friday night", "It rained the Friday night before the vote.",
         "the Friday night before"),
        ("the weekend", "They met again the weekend before the vote.", "the weekend before"),
        ("weekend", "They met again the previous weekend.", "the previous weekend"),
        ("next summer", "It reopened the next summer.", "the next summer"),
        ("on Monday", "They met on Monday of the following week.",
         "on Monday of the following week"),
        ("Monday night", "They met on Monday night of the following week.",
         "Monday night of the following week"),
    ],
)
def test_date_words_that_are_part_of_a_reference_are_refused(
    words: str, sentence: str, whole: str
) -> None:
    """Read alone, "Monday" would be the Monday before the article: a day the article
    does not name. The words are refused, the whole reference named in the hint."""
    with pytest.raises(ResolveError) as info:
        date_from_words(words, sentence, DAY)
    assert f'is part of "{whole}" in the quote' in str(info.value)
    assert f'date_text "{whole}"' in info.value.hint and "relative_to" in info.value.hint
    assert date_from_words("Monday", "They met on Monday.", DAY).start == D(2024, 4, 8)
    # "Mondays" is another word: this "Monday" is not part of "the previous Mondays".
    unlike = "Unlike the previous Mondays, the market opened on Monday."
    assert date_from_words("Monday", unlike, DAY).start == D(2024, 4, 8)


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("Officials will meet the next week to settle it.", D(2024, 4, 11), D(2024, 4, 17)),
        ("Over the next month, they will sign a deal.", D(2024, 4, 11), D(2024, 5, 10)),
        ("The next year is critical for the port.", D(2024, 4, 11), D(2025, 4, 10)),
    ],
)
def test_the_next_week_looking_ahead_is_the_stretch_from_the_article(
    sentence: str, start: date, end: date
) -> None:
    words = re.search(r"the next \w+", sentence, re.IGNORECASE)
    assert words is not None
    span = date_from_words(words.group(0), sentence, DAY)
    assert (span.start, span.end) == (start, end)


@pytest.mark.parametrize(
    "sentence",
    [
        "They met in March. The next week, they signed a deal.",
        "Talks stalled in 2019, and the next year the border closed.",
        "He arrived in May and left the next month.",
    ],
)
def test_the_next_week_told_of_the_past_counts_from_another_mention(sentence: str) -> None:
    """Read from the publication date, "The next week, they signed a deal" was dated
    in the week after the article: a past act dated after the article reports it."""
    words = re.search(r"the next \w+", sentence, re.IGNORECASE)
    assert words is not None
    with pytest.raises(ResolveError, match="counts from another mention") as info:
        date_from_words(words.group(0), sentence, DAY)
    assert "relative_to" in str(info.value) + (info.value.hint or "")
    # Its last word alone is refused, the whole words named, whichever the tense.
    for told in (sentence, "Officials will meet the next week."):
        unit = "week" if "week" in told else words.group(0).split()[-1]
        with pytest.raises(ResolveError, match=f'(?i)part of "the next {unit}"') as part:
            date_from_words(f"next {unit}", told, DAY)
        assert f'date_text "the next {unit}"' in (part.value.hint or "").lower()


@pytest.mark.parametrize(
    ("words", "sentence", "reason"),
    [
        ("by 2023", "The plan has been criticised by 2023 graduates.", "not a deadline"),
        ("by Saturday's", "Homes were hit by Saturday's storm.", "not a deadline"),
        ("Since Monday", "Since Monday is a holiday, the talks will wait.", "means \"because\""),
    ],
)
def test_date_words_led_by_a_word_that_is_no_relation_are_refused(
    words: str, sentence: str, reason: str
) -> None:
    """Read as they stand they would date the event by 2023 or since Monday."""
    with pytest.raises(ResolveError, match=reason) as info:
        date_from_words(words, sentence, DAY)
    assert "other words of the quote" in info.value.hint
    assert date_from_words("by 2030", "It will be done by 2030.", DAY).relation == "by"
    assert date_from_words("since 2019", "It has grown since 2019, when …", DAY).relation == (
        "since"
    )


@pytest.mark.parametrize(
    ("words", "sentence", "said"),
    [
        ("Lunar New Year", "The delegation arrived after Lunar New Year.",
         '"after Lunar New Year" in the quote says only that it came after'),
        ("June", "It must be done before June.", "came before June, not when"),
        ("September", "The fair had been moved from September so as not to clash.",
         '"moved from September" in the quote names the date it was moved from'),
        ("the spring", "The vote was postponed from the spring.", "postponed from the spring"),
        # With "the" between, and the other words that say only after or before.
        ("Lunar New Year", "The delegation arrived after the Lunar New Year holiday.",
         '"after the Lunar New Year" in the quote says only that it came after'),
        ("Monday's", "They met ahead of Monday's talks.", "came before Monday's, not when"),
        ("June", "Prior to June, the plan was drafted.", "came before June, not when"),
        ("Monday's", "They met following Monday's meeting.", "came after Monday's, not when"),
        ("spring", "The vote was postponed from the spring.", "postponed from the spring"),
        # A rescheduling is two dates, not a stretch.
        ("from Oct. 1 to Oct. 7", "The event moved from Oct. 1 to Oct. 7.",
         '"moved from Oct. 1 to Oct. 7" in the quote names the date it was moved from'),
        # A journalist's trial: "not … until" is no earlier than, not "until" (a state
        # that held up to then).
        ("until late April", "The verdict is not expected until late April.",
         '"not expected until late April" in the quote says only that it comes no '
         "earlier than late April, not when"),
        ("late April", "The verdict is not expected until late April.",
         '"not expected until late April"'),
        ("June", "The bridge won't reopen till June.", '"won\'t reopen till June"'),
        ("until June", "It is not until June that the bridge reopens.",
         '"not until June"'),
        ("June", "The bridge won’t reopen till June.", '"won’t reopen till June"'),
        ("June", "The bridge cannot reopen until June.", '"cannot reopen until June"'),
    ],
)
def test_date_words_after_after_before_or_moved_from_are_refused(
    words: str, sentence: str, said: str
) -> None:
    """Dated by them, the event would claim their day, which the quote does not give."""
    with pytest.raises(ResolveError, match=re.escape(said)) as info:
        date_from_words(words, sentence, DAY)
    assert "other words of the quote" in info.value.hint
    assert date_from_words("June", "They met in June, before the vote.", DAY).start == (
        D(2023, 6, 1)
    )
    assert date_from_words("October", "It was moved from May to October.", DAY).start == (
        D(2023, 10, 1)
    )
    # The words stand a second time with no such word before them: that June is dated.
    both = "Before June, the plan was drafted; it was signed in June."
    assert date_from_words("June", both, DAY).start == D(2023, 6, 1)
    # A journalist's trial: "after last Friday's flood" dates the flood; the hint says
    # how to quote it for an event that is the flood.
    with pytest.raises(ResolveError, match='"after last Friday"') as info:
        date_from_words("last Friday", "Residents were still clearing up after last "
                        "Friday's flood.", DAY)  # fmt: skip
    assert info.value.hint.startswith("for an event that is \"last Friday's flood\" itself, "
                                      "begin the quote at \"last Friday's flood\"")
    flood = date_from_words("last Friday", "last Friday's flood reached 30 homes.", DAY)
    assert flood.timex == "2024-04-05"
    ran = "The holiday ran from Oct. 1 to Oct. 7."
    assert date_from_words("from Oct. 1 to Oct. 7", ran, DAY).end == D(2023, 10, 7)
    # A review: "not … until" is refused only when it looks ahead; told of the past, or a
    # plan told in the past, it is read as before.
    with pytest.raises(ResolveError, match="no earlier than June"):
        date_from_words("June", "Residents will not get to vote on it until June.", DAY)
    for told, words in [
        ("The body was not found until Saturday.", "until Saturday"),
        ("The road was not expected to reopen until Saturday.", "until Saturday"),
        ("Police did not say why it was closed until Saturday.", "until Saturday"),
        ("Not until Saturday did police confirm the death.", "until Saturday"),
    ]:
        assert date_from_words(words, told, DAY).relation == "until", told
    # "until" with no negation before it in its clause is a state held up to then.
    held = date_from_words("until June", "Not all roads are open, and the bridge stays shut "
                           "until June.", DAY)
    assert (held.relation, held.start) == ("until", D(2024, 6, 1))


@pytest.mark.parametrize(
    ("words", "sentence", "said"),
    [
        # An auditor's: an earliest limit was dated on it ("expected within week 12").
        ("next week", "It said talks could resume as early as next week.",
         '"as early as next week" in the quote says only how early it may come, not when'),
        ("as early as next week", "It said talks could resume as early as next week.",
         '"as early as next week" in the quote says only how early'),
        ("next week", "Talks could resume next week at the earliest.",
         '"next week at the earliest" in the quote'),
        ("next week at the earliest", "Talks could resume next week at the earliest.",
         '"next week at the earliest" in the quote'),
        ("next month", "Officials said a deal could come as soon as next month.",
         '"as soon as next month" in the quote'),
        ("the coming week", "Rates could be cut as soon as the coming week, analysts said.",
         '"as soon as the coming week" in the quote'),
        ("end of June", "Work could start as early as the end of June.",
         '"as early as the end of June" in the quote'),
        ("Friday", "The vote will be held no earlier than Friday.",
         '"no earlier than Friday" in the quote'),
        # "soon" of "as soon as" is no time at all.
        ("soon", "The union asked for a reply as soon as possible.",
         '"soon" is part of "as soon as" in the quote ("as soon as possible")'),
        ("soon", "It will act as soon as it receives the letter from the court.",
         '("as soon as it receives the letter …"): it says when something else happens'),
    ],
)
def test_an_earliest_limit_is_refused_not_dated_on_it(
    words: str, sentence: str, said: str
) -> None:
    """No relation says "not before" ("from" says it began then): refused, as "not …
    until" is, never dated "on" the earliest time the article gives."""
    with pytest.raises(ResolveError, match=re.escape(said)) as info:
        date_from_words(words, sentence, DAY)
    assert "other words of the quote that say when" in info.value.hint
    # Told of the past, "as early as" stresses when it was: dated as usual; and "soon"
    # alone is still soon.
    knew = date_from_words("2019", "The firm knew of the flaw as early as 2019.", DAY)
    assert (knew.relation, knew.timex) == ("on", "2019")
    assert date_from_words("soon", "Talks will resume soon.", DAY).timex == "FUTURE_REF"


def test_since_keeps_the_period_it_began_in() -> None:
    span = date_from_words("since 2019", "Ties have grown since 2019.", DAY)
    assert (span.relation, span.start, span.end) == ("since", D(2019, 1, 1), D(2019, 12, 31))
    assert format_span(span) == "since 2019"
    assert '"since" names when it began' in span.explanation


@pytest.mark.parametrize(
    ("words", "sentence", "relation"),
    [
        # The word before the date words in the quote gives their relation: "June" in
        # "finished by June" is by June, not on it.
        ("June", "The port will be finished by June.", "by"),
        ("2019", "Ties have grown since\n2019.", "since"),
        ("April", "Figures as of April show a rise.", "as of"),
        ("Friday", "Appeals can be lodged until Friday.", "until"),
        ("June", "The port will be finished\nby June.", "by"),  # a hard-wrapped quote
        ("friday", "Appeals can be lodged until Friday.", "until"),
        # Not a relation's: a noun follows "through", "by" is a possessive's agent.
        ("2023", "Prices went through 2023 records.", "on"),
        ("Saturday", "Homes were hit by Saturday's storm.", "on"),
        ("Saturday's", "Homes were hit by Saturday's storm.", "on"),
        ("Friday", "Bids must be in by Friday's deadline.", "by"),  # a deadline's own
        ("June", "The vote was moved up to June.", "on"),  # the verb's "up"
        # A noun after a year: "by" is the agent's ("criticised by 2023 graduates").
        ("2023", "The plan was criticised by 2023 graduates.", "on"),
        ("2030", "Output will double by 2030 compared with now.", "by"),
        ("2030", "It will be finished by 2030 at the latest.", "by"),
        ("2030", "Emissions must be cut by 2030, officials said.", "by"),
        ("2030", "The plant will be finished by 2030 despite delays.", "by"),  # no plural
        ("2019", "Trade since 2019 has doubled.", "since"),  # "since" opens no clause
        ("2030", "Reaching net zero by 2030 requires huge investment.", "by"),  # a verb
        ("Monday", "Offices were shut. Since Monday is a holiday, staff left.", "on"),
        ("Monday", "He said that since Monday is a holiday, staff left.", "on"),
        ("Friday", "Since Friday will be a public holiday, the deadline moves.", "on"),
        # The date words a verb's subject: "since" is "because".
        ("Monday", "Since Monday is a holiday, the talks will be held later.", "on"),
        ("March", "Since March was the busiest month, the port hired staff.", "on"),
        ("2019", "Exports fell, since 2019 was a drought year.", "on"),
        ("2019", "Ties have grown since 2019, when the treaty was renewed.", "since"),
        ("March 2026", "The lease runs up to March 2026.", "until"),
        # Words of their own, however spaced: not "August" in "Augusta".
        ("August", "Backed by Augusta officials, the course reopened in August.", "on"),
        ("June", "The port will be finished by  June.", "by"),
        ("June", "The port opened in June.", "on"),
        # Another clause's preposition: "since" is 2019's.
        ("a fortnight ago", "It failed inspections since 2019, a fortnight ago releasing a report.",
         "on"),
        # A journalist's trial: "from Thursday" was on Thursday, as if for that day only.
        ("Friday", "The school said it would run its own minibus from Friday.", "from"),
        ("1 May", "The ban will apply from 1 May, officials said.", "from"),
        # Told of the past or the present, as often where it comes from: not a start.
        ("Monday", "The footage is from Monday.", "on"),
        ("2019", "Recordings from 2019, released on Monday, show the attack.", "on"),
        ("last week", "The latest poll, from last week, shows Labour ahead.", "on"),
        ("Monday", "Trains will run from Monday onwards.", "from"),
        # Where it comes from, or what it is compared with: not when it begins.
        ("2019", "Figures from 2019 show a rise.", "on"),
        ("Monday", "Footage from Monday's rally was shown.", "on"),
        ("last year", "Prices fell from last year.", "on"),
        ("2023", "Sales were up 5% from 2023.", "on"),
        ("Monday", "Talks ran from Monday to Friday.", "on"),
        # An auditor's: a latest time is "by" (it was on); "at the latest" after the words.
        ("Friday", "The report must be filed no later than Friday.", "by"),
        ("Friday", "The report must be filed not later than Friday.", "by"),
        ("end of June", "It must be signed no later than the end of June.", "by"),
        ("Friday", "A second review is due on Friday at the latest.", "by"),
        ("on Friday", "A second review is due on Friday at the latest.", "by"),
        ("June", "It will open in June, at the latest.", "by"),
        # An auditor's: "over the past …" dates a change within it (it was since).
        ("the past decade", "Over the past decade, the port has cut its workforce by a fifth.",
         "on"),
        ("past year", "Prices rose 5% over the past year.", "on"),
    ],
)
def test_a_preposition_before_the_date_words_in_the_quote_gives_the_relation(
    words: str, sentence: str, relation: str
) -> None:
    span = date_from_words(words, sentence, DAY)
    assert span.relation == relation
    if relation != "on":
        assert re.search("just (?:before|after) the date words in the quote", span.explanation)
    # The explanation quotes only words that are there ("for the past" was said of "Over").
    quoted = re.findall(r'"([^"]+) …"', span.explanation)
    assert all(q.lower() in sentence.lower() for q in quoted), quoted
    # A relation the data states is taken as stated.
    assert date_from_words(words, sentence, DAY, "on").relation == "on"


@pytest.mark.parametrize(
    ("words", "sentence", "start", "end"),
    [
        ("until 2019", "Sanctions held until 2019.", D(2019, 1, 1), D(2019, 12, 31)),
        ("till June", "Talks are paused till June.", D(2024, 6, 1), D(2024, 6, 30)),
        ("until Friday", "Appeals can be lodged until Friday.", D(2024, 4, 12), D(2024, 4, 12)),
        ("up to March 2026", "The lease runs up to March 2026.", D(2026, 3, 1), D(2026, 3, 31)),
        ("through 2025", "The lease runs through 2025.", D(2025, 1, 1), D(2025, 12, 31)),
        ("up until last week", "It stayed shut up until last week.", D(2024, 4, 1), D(2024, 4, 7)),
    ],
)
def test_until_names_its_end_and_resolves(
    words: str, sentence: str, start: date, end: date
) -> None:
    """"until", "till" and "up to" resolve (the README's relations table says so; they
    were refused as unknown words) to the period they name, as its end."""
    span = date_from_words(words, sentence, DAY)
    assert (span.relation, span.start, span.end) == ("until", start, end)
    assert '"until" names its end' in span.explanation


@pytest.mark.parametrize(
    ("words", "sentence", "meaning"),
    [
        (
            "by Friday",
            "The council will decide by Friday.",
            "expected on or before Fri 12 Apr 2024, after the article was written; "
            "whether it happened, the article cannot say",
        ),
        (
            "by last Friday",
            "The council had decided by last Friday.",
            "it happened on or before Fri 5 Apr 2024; when, the article does not say",
        ),
        (
            "till June",
            "Talks are paused till June.",
            "expected to hold up to Sun 30 Jun 2024, after the article was written; "
            "when it began, the article does not say",
        ),
        (
            "until 2019",
            "Sanctions held until 2019.",
            "it held up to Tue 31 Dec 2019; when it began, the article does not say",
        ),
        (  # its last day is after the article (11 Apr 2024): done, or expected
            "by 2024",
            "It will be done by 2024.",
            "done, or expected, on or before Tue 31 Dec 2024, a day the article had not "
            "reached; when, the article does not say",
        ),
        (
            "through 2024",
            "The lease runs through 2024.",
            "expected to hold up to Tue 31 Dec 2024, after the article was written; "
            "when it began, the article does not say",
        ),
        (
            "in the autumn",
            "They will finish in the autumn.",
            "expected within autumn 2024 (Sun 1 Sep 2024 – Sat 30 Nov 2024), after the "
            "article was written; whether it happened, the article cannot say",
        ),
    ],
)
def test_a_deadline_after_the_article_is_expected_not_done(
    words: str, sentence: str, meaning: str
) -> None:
    """A "by" or "until" after the publication day is what the article expects: it
    must not be explained as something that happened."""
    span = date_from_words(words, sentence, DAY)
    assert relation_meaning(span, DAY.latest) == meaning
    assert "expected" not in relation_meaning(span)  # without the article's day, no claim


@pytest.mark.parametrize(
    ("words", "sentence", "shown"),
    [
        ("in September", "In 2019, the leaders met in September.", None),
        ("early March", "The 2019 talks stalled in early March.", None),
        ("the spring", "In 2019 they met in the spring.", None),
        ("June 17", "The 2019 summit opened on June 17.", None),
        ("in March", "The 2024 budget passed in March.", "2024-03"),  # the year it names
        ("last September", "In 2019 plans changed last September.", "2023-09"),  # its own anchor
        ("on Monday", "On Monday, 2019 figures were released.", "2024-04-08 Mon"),
        ("in September", "Kim traveled to Russia in September.", "2023-09"),
        ("in the 1990s", "In 1995 it grew in the 1990s.", "1990s"),
        ("on June 3", "They met on June 3 and again in 2019.", "2023-06-03 Sat"),  # after
        # A journalist's trial: "since 1962" is when a state began, no year of the words.
        ("in June", "The firm, which has made bread since 1962, announced the plan will "
         "start in June.", "2024-06"),
        ("in June", "Ever since 2019 the firm has said it would move in June.", "2024-06"),
        # A review: "since 2009, when …" puts what follows in that year.
        ("in March", "Prices rose at the fastest pace since 2019, when the index jumped in "
         "March.", None),
    ],
)
def test_a_month_in_a_sentence_naming_another_year_is_refused(
    words: str, sentence: str, shown: str | None
) -> None:
    """"In 2019, the leaders met in September": read against the article, September
    would be 2023, a year the sentence contradicts. Refused, naming the year, unless
    the words say which (their own year or anchor) or the sentence names theirs."""
    if shown is not None:
        assert format_span(date_from_words(words, sentence, DAY)) == shown
        return
    with pytest.raises(ResolveError, match=r"names no year, and its sentence names 2019"):
        date_from_words(words, sentence, DAY)


@pytest.mark.parametrize(
    ("words", "sentence", "shown"),
    [
        # An adversarial audit: years counted from a saying the sentence dates earlier.
        ("next year", "In 2019, the minister said the plant would open next year.", None),
        ("three years ago", "In 2019, the minister said the plant had opened three years "
         "ago.", None),
        ("next year", "The minister said in 2019 that the plant would open next year.", None),
        ("this year", "In 2019, officials said the bridge would be finished this year.", None),
        # Not a year of another sentence, a name's year, nor a state begun then.
        ("next year", "The 2019 law takes effect next year.", "2025"),
        ("next year", "Since 2019, officials have said the plant would open next year.",
         "2025"),
        ("last year", "In 2019 sales fell. The company said sales rose last year.", "2023"),
    ],
)
def test_years_counted_from_a_saying_dated_earlier_are_refused(
    words: str, sentence: str, shown: str | None
) -> None:
    """"In 2019, the minister said the plant would open next year": "next year" counts
    from the saying (2020), not from the article; refused, naming the year."""
    if shown is not None:
        assert format_span(date_from_words(words, sentence, DAY)) == shown
        return
    with pytest.raises(ResolveError, match=r"puts the saying in 2019"):
        date_from_words(words, sentence, DAY)


@pytest.mark.parametrize(
    ("words", "sentence", "earlier"),
    [
        # A journalist's trial: "by Christmas" was Christmas 2025, in a March 2025 article.
        ("Christmas", "Two years ago they promised us a review by Christmas.", "Two years ago"),
        ("by Christmas", "Two years ago they promised us a review by Christmas.",
         "Two years ago"),
        ("by June", "In 2021 the council pledged to finish the work by June.", "In 2021"),
        ("by June", "Last year the council vowed to finish the work by June.", "Last year"),
        ("by June", "The council vowed to finish by June, it said yesterday.", None),
        ("by June", "The council vowed in 2021 to finish the work by June.", "in 2021"),
        # A review: not weeks or months before, nor a year another clause names, nor words
        # with their own year or anchor, nor the promise's own day.
        ("by June", "The council pledged a month ago to finish by June.", None),
        ("by the summer", "Three weeks ago the minister promised a decision by the summer.",
         None),
        ("by 2030", "In 2019 the government pledged to plant a million trees by 2030.", None),
        ("in 2026", "Two years ago the company pledged to go carbon neutral in 2026.", None),
        ("by next spring", "Last year the party pledged to restore spending by next spring.",
         None),
        ("on Monday", "The president, who was elected in 2019, vowed on Monday to fight on.",
         None),
        ("on Thursday", "The firm, which promised last year to cut prices, will report results "
         "on Thursday.", None),
        ("on Tuesday", "Donors who pledged money last year met on Tuesday.", None),
        ("by the end of the year", "The minister, who promised last year to fix it, said she "
         "would publish a plan by the end of the year.", None),
        ("in June", "The chancellor promised on Wednesday to cut fuel duty in June, reversing a "
         "rise she announced last year.", None),
        ("in June", "The promised review, first announced two years ago, will be published in "
         "June.", None),
        # A second review: another clause or verb between the promise and the words, or
        # a year that is the article's own.
        ("on Saturday", "Last year he vowed never to play again but returned on Saturday.", None),
        ("on Saturday", "Last year the club vowed to win the title and on Saturday it did.", None),
        ("on Tuesday", "Donors who pledged last year met again on Tuesday.", None),
        ("on Monday", "The bridge promised in 2019 finally opened on Monday.", None),
        ("by December", "In 2024 the government pledged to clear the backlog by December.",
         None),
        ("by June", "The council has promised to finish by June.", None),
        ("two years ago", "Two years ago they promised us a review by Christmas.", None),
    ],
)
def test_what_a_promise_made_before_promised_is_refused(
    words: str, sentence: str, earlier: str | None
) -> None:
    """What was promised is to come from the promise, not from the telling: when the
    sentence dates the promise earlier, which one it means the words do not say."""
    if earlier is None:
        date_from_words(words, sentence, DAY)
        return
    with pytest.raises(ResolveError, match=rf'is what was promised, .*\("{earlier}"\)'):
        date_from_words(words, sentence, DAY)


@pytest.mark.parametrize(
    ("words", "sentence", "whole"),
    [
        ("March 3", "Officials said they met on March 3, 2019, to discuss it.", "March 3, 2019"),
        ("on 3 March", "They met on 3 March 2019.", "on 3 March 2019"),
        ("September", "It opened in September 2019 and closed.", "September 2019"),
    ],
)
def test_a_month_given_with_its_year_in_the_quote_is_refused_without_it(
    words: str, sentence: str, whole: str
) -> None:
    """"March 3" of "met on March 3, 2019" was read against the article: 2024-03-03."""
    with pytest.raises(ResolveError, match=f'is part of "{whole}" in the quote') as info:
        date_from_words(words, sentence, DAY)
    assert info.value.hint == f'write date_text "{whole}"'
    assert date_from_words(whole, sentence, DAY).start.year == 2019
    # Its own year, or a number that is no year, leaves the words as they are.
    assert date_from_words("March 3", "They met on March 3, 2024.", DAY).timex == "2024-03-03"
    assert date_from_words("March 3", "On March 3, 1,500 met.", DAY).timex == "2024-03-03"


@pytest.mark.parametrize(
    ("words", "sentence", "why"),
    [
        ("2020", "The bridge, which carries Route 2020 over the river, closed.", '"Route 2020"'),
        ("2024", "The pumps moved 2024 cubic metres of water.", '"2024 cubic"'),
        ("1600", "Speaking at 1600 GMT, he said so.", '"1600 GMT"'),
        ("2270", "The council passed Resolution 2270 unanimously.", '"Resolution 2270"'),
    ],
)
def test_a_number_the_quote_makes_no_year_is_refused(words: str, sentence: str, why: str) -> None:
    """A new-user trial: "Route 2020", "2024 cubic metres" and "at 1600 GMT" were
    accepted as years, and a draft chose "2020" over the sentence's "Tuesday"."""
    with pytest.raises(ResolveError, match=f"is a number in {why}, not a year"):
        date_from_words(words, sentence, DAY)
    # A preposition of time, or an article, keeps a year a year.
    assert date_from_words("2019", "In 2019 troops withdrew.", DAY).timex == "2019"
    assert date_from_words("2019", "The 2019 vehicles were recalled.", DAY).timex == "2019"
    assert date_from_words("in 2019", "They left in 2019.", DAY).timex == "2019"


def test_the_friday_of_a_story_counts_from_another_mention() -> None:
    """"By the Friday, the water was at my door" (a feature published on a Friday) was
    dated by the publication day, "on", and `relative_to` was refused for it."""
    told = "By the Friday, the water was at my door."
    friday = D(2025, 4, 11)
    with pytest.raises(ResolveError, match="counts from another mention"):
        date_from_words("By the Friday", told, Anchor.day(friday))
    with pytest.raises(ResolveError, match='part of "the Friday" in the quote') as info:
        date_from_words("Friday", told, Anchor.day(friday))
    assert 'date_text "the Friday"' in info.value.hint
    storm = resolve_span("on Tuesday", friday, "The storm hit on Tuesday.")
    span = date_relative("By the Friday", storm, "on Tuesday", "event storm")
    assert (span.start, span.relation) == (friday, "by")
    assert "the first Friday after" in span.explanation
    # A noun after it makes it this week's: "by the Friday deadline".
    deadline = date_from_words("Friday", "File by the Friday deadline.", Anchor.day(friday))
    assert deadline.start == friday


def test_that_spring_counts_from_another_mention() -> None:
    """"that spring" was refused as words the resolver does not know, and could not be
    given `relative_to`."""
    with pytest.raises(ResolveError, match="counts from another mention"):
        resolve_span("that spring", D(2025, 4, 11))
    march = resolve_span("in March 2019", D(2025, 4, 11))
    spring = date_relative("That spring", march, "in March 2019", "event elected")
    assert (spring.start, spring.end, spring.timex) == (D(2019, 3, 1), D(2019, 5, 31), "2019-SP")
    january = resolve_span("in January 2019", D(2025, 4, 11))
    assert date_relative("that winter", january, "in January 2019", "e").timex == "2018-WI"
    years = resolve_span("2018-2019", D(2025, 4, 11))
    both = date_relative("that summer", years, "2018-2019", "e")
    assert (both.start, both.end, both.approximate) == (D(2018, 6, 1), D(2019, 8, 31), True)


def test_the_first_of_two_years_is_refused_alone() -> None:
    """"the 2019/20 budget" was read as 2019 from the date words "2019"."""
    with pytest.raises(ResolveError, match='"2019" is part of "2019/20" in the quote') as info:
        date_from_words("2019", "The 2019/20 budget passed.", DAY)
    assert info.value.hint == 'write date_text "2019/20"'
    span = date_from_words("2019/20", "The 2019/20 budget passed.", DAY)
    assert (span.start, span.end) == (D(2019, 1, 1), D(2020, 12, 31))
    assert date_from_words("2019", "It was 2019 - a hard year.", DAY).timex == "2019"


@pytest.mark.parametrize(
    ("words", "sentence", "timex"),
    [
        # A review of the rules above: each of these was refused or misread.
        ("Sunday", "The ministry said in a Sunday statement that talks had failed.",
         "2024-04-07"),
        ("Monday", "At a Monday briefing, he spoke.", "2024-04-08"),
        ("2010", "Around 2010 people began leaving the valley.", "2010"),
        ("2020", "In mid-2020 workers left.", "2020"),
        ("2020", "There will be no 2020 Olympics.", "2020"),
        ("2019", "It was signed on 2019-03-18.", "2019"),
        ("2019/2020", "The 2019/2020 season was cancelled.", "2019/2020"),
        ("the next month", "The agency said the next month would be decisive.",
         "2024-04-11/2024-05-10"),
    ],
)
def test_words_a_review_found_misread(words: str, sentence: str, timex: str) -> None:
    assert date_from_words(words, sentence, DAY).timex == timex


@pytest.mark.parametrize(
    ("words", "sentence", "said"),
    [
        ("March 3-5", "They met on March 3-5, 2019.", 'is part of "March 3-5, 2019"'),
        ("Sunday", "They met on Sunday, March 3, 2019.",
         'is part of "Sunday, March 3, 2019" in the quote: its date says which Sunday'),
        ("Sunday", "They met on Sunday 3 March 2019.",  # no comma: it was an IndexError
         'is part of "Sunday 3 March 2019" in the quote'),
        ("2019", "The 2019/2020 season was cancelled.", 'is part of "2019/2020"'),
    ],
)
def test_words_a_review_found_accepted_are_refused(words: str, sentence: str, said: str) -> None:
    with pytest.raises(ResolveError, match=re.escape(said)):
        date_from_words(words, sentence, DAY)
    assert date_from_words("March 3", "Talks on March 3, 1600 GMT, ended.", DAY).timex == (
        "2024-03-03"  # a time, not the date's year
    )


def test_this_coming_weekend_is_the_nearest() -> None:
    thursday = D(2025, 3, 20)
    coming = resolve_span("this coming weekend", thursday)
    assert (coming.start, coming.end) == (D(2025, 3, 22), D(2025, 3, 23))
    past = resolve_span("this past weekend", thursday)
    assert (past.start, past.end) == (D(2025, 3, 15), D(2025, 3, 16))


def test_thursday_week_is_a_week_on_from_the_coming_thursday() -> None:
    """"A vote is due on Thursday week" (British) was dated the Thursday before."""
    told = "A vote is due on Thursday week."
    # On Thu 11 Apr: a week on from the coming Thursday (the 18th).
    assert date_from_words("on Thursday week", told, DAY).start == D(2024, 4, 25)
    with pytest.raises(ResolveError, match='"Thursday" is part of "Thursday week"') as info:
        date_from_words("Thursday", told, DAY)
    assert info.value.hint == 'write date_text "Thursday week"'


def test_the_weekend_after_a_conjunction_is_the_weekend_just_gone() -> None:
    """A review: "over the weekend after talks collapsed" was refused as part of the
    reference "the weekend after"; "after" is a conjunction there (on Thu 11 Apr: the
    weekend of 6-7 Apr)."""
    told = "Fighting flared over the weekend after talks collapsed in Doha."
    for words in ("the weekend", "over the weekend"):
        span = date_from_words(words, told, DAY)
        assert (span.start, span.end) == (D(2024, 4, 6), D(2024, 4, 7))


def test_the_friday_before_last_is_a_week_before_last_friday() -> None:
    """"Friday" of "The Friday before last" was the Friday before the article; the
    whole is read (on Thu 11 Apr: last Friday the 5th, the one before it the 29th)."""
    told = "The Friday before last, it rained."
    with pytest.raises(ResolveError, match='"Friday" is part of "The Friday before last" in '
                       "the quote: a week further than last Friday") as info:
        date_from_words("Friday", told, DAY)
    assert info.value.hint == 'write date_text "The Friday before last"'
    assert date_from_words("The Friday before last", told, DAY).start == D(2024, 3, 29)
    planned = "They meet the Monday after next."
    assert date_from_words("the Monday after next", planned, DAY).start == D(2024, 4, 22)
    # A review: "last" or "next" of a noun is no week further.
    summit = "He arrived the Friday before last year's summit."
    with pytest.raises(ResolveError, match='part of "the Friday before" in the quote, which '
                       "counts from another mention"):
        date_from_words("Friday", summit, DAY)
    assert date_from_words("Friday", "Talks on Friday before last-minute haggling.",
                           DAY).start == D(2024, 4, 12)


def test_a_weekday_in_gmt_after_a_local_time_is_refused() -> None:
    """Wire copy's "(2210 GMT Tuesday)" gives the local time's moment in GMT: read
    alone, "Tuesday" was a day the sentence does not date the act by."""
    told = "North Korea fired a missile at 7:10 a.m. Wednesday (2210 GMT Tuesday), Seoul said."
    with pytest.raises(ResolveError, match='"Tuesday" is the day in GMT of the time before '
                       r'it in the quote \("\(2210 GMT Tuesday\)"\)') as info:
        date_from_words("Tuesday", told, DAY)
    assert info.value.hint == "date the source by the local day, the date words before the bracket"
    assert date_from_words("Wednesday", told, DAY).start == D(2024, 4, 10)


def test_a_weekday_the_quote_makes_indefinite_is_refused() -> None:
    """"on a Sunday in early March" was drafted with "Sunday", the Sunday before the
    article: a day the words do not give."""
    told = "The first sign came on a Sunday in early March."
    with pytest.raises(ResolveError, match='"Sunday" is "a Sunday" in the quote') as info:
        date_from_words("Sunday", told, DAY)
    assert "other date words" in info.value.hint
    assert date_from_words("in early March", told, DAY).timex == "2024-03"
    assert date_from_words("Sunday", "They met on Sunday.", DAY).timex == "2024-04-07"
    # An adversarial audit: the sentence going on after "a Monday" left it dated.
    for told in ("Workers walked out on a Monday and were back the following week.",
                 "The plant opened on a Monday and closed on a Friday.",
                 "It happened on a Monday night."):
        with pytest.raises(ResolveError, match='is "a Monday" in the quote'):
            date_from_words("Monday", told, DAY)
    assert date_from_words("Sunday", "It issued a Sunday statement.", DAY).timex == "2024-04-07"


def test_the_week_or_half_of_a_month_the_quote_names_is_refused_alone() -> None:
    """"last week" of "in the last week of May" was the week before the article, and
    "the second half" of "the second half of March" a half of the article's year."""
    told = "Talks stalled in the last week of May, officials said."
    with pytest.raises(ResolveError, match='"last week" is part of "the last week of May"'
                       ) as info:
        date_from_words("last week", told, DAY)
    assert info.value.hint == 'write date_text "the last week of May"'
    whole = date_from_words("the last week of May", told, DAY)
    assert (whole.start, whole.end, whole.approximate) == (D(2023, 5, 25), D(2023, 5, 31), True)
    with pytest.raises(ResolveError, match='"The second half" is part of "The second half '
                       'of March 2024"') as info:
        date_from_words("The second half", "The second half of March 2024 was calm.", DAY)
    assert info.value.hint == 'write date_text "The second half of March 2024"'
    # A journalist's trial: "last Saturday" of "the last Saturday in March" was the
    # Saturday before the article, "Saturday" alone the publication day.
    marched = "On the last Saturday in March, a few hundred people marched."
    for words in ("last Saturday", "Saturday"):
        with pytest.raises(ResolveError, match='is part of "the last Saturday in March"'):
            date_from_words(words, marched, DAY)
    assert date_from_words("the last Saturday in March", marched, DAY).timex == "2024-03-30"
    # "last weekend" of "the last weekend of May" was the weekend before the article.
    gathered = "Fans gathered on the last weekend of May, the club said."
    with pytest.raises(ResolveError, match='"last weekend" is part of "the last weekend of '
                       'May" in the quote: a weekend of May') as info:
        date_from_words("last weekend", gathered, DAY)
    assert info.value.hint == 'write date_text "the last weekend of May"'
    # A second review: "for the last Saturday in March" plans a day, not "since" it.
    planned = "The match is scheduled for the last Saturday in March."
    assert date_from_words("for the last Saturday in March", planned, DAY).relation == "on"
    assert date_from_words("for the past week", "Crews have worked for the past week.",
                           DAY).relation == "since"  # fmt: skip
    # A review: no part of May where a possessive follows, nor without "the".
    assert date_from_words("last week", "He spoke last week of May's vote.", DAY).timex == (
        "2024-W14"
    )
    # "of" with no month or year after it: the week before the article, as the words say.
    assert date_from_words("last week", "They met last week of all weeks.", DAY).timex == (
        "2024-W14"
    )


LICENCE = "We expect the licence to be granted by the end of June, the company said."


@pytest.mark.parametrize(
    ("words", "sentence", "whole"),
    [
        ("June", LICENCE, "the end of June"),
        ("2025", "Prices will be frozen until the start of 2025.", "the start of 2025"),
        ("May", "Work resumes at the beginning of May.", "the beginning of May"),
        ("May", "Work resumes at the very beginning of May.", "beginning of May"),
        ("next month", "Talks close at the end of next month.", "the end of next month"),
    ],
)
def test_the_unit_of_a_part_the_quote_names_is_refused(
    words: str, sentence: str, whole: str
) -> None:
    """A journalist's trial: "June" of "by the end of June" was "expected within June",
    claiming the month, and losing "by"."""
    with pytest.raises(ResolveError, match=f'"{words}" is part of "{whole}" in the quote') as info:
        date_from_words(words, sentence, DAY)
    assert info.value.hint == f'write date_text "{whole}"'
    date_from_words(whole, sentence, DAY)  # the whole words read


def test_the_part_of_a_unit_keeps_the_relation_before_its_article() -> None:
    """ "end of June" of "by the end of June": "by", past "the" (it was "on")."""
    for words in ("end of June", "the end of June"):
        span = date_from_words(words, LICENCE, DAY)
        assert (span.start, span.end, span.relation) == (D(2024, 6, 21), D(2024, 6, 30), "by")
    # Not a part: a possessive after the words ("the end of last week's talks").
    assert date_from_words("last week", "Talks stalled at the end of last week's session.",
                           DAY).timex == "2024-W14"  # fmt: skip


def test_the_stretch_up_to_a_month_is_read_whole() -> None:
    """A journalist's trial: "March" of "profits had fallen 38% in the year to March"
    was the month; the words say the twelve months up to its end."""
    fell = "Profits had fallen 38% in the year to March, the accounts show."
    with pytest.raises(ResolveError, match='"March" is the end of "the year to March" in '
                       "the quote: the stretch up to it, not the month") as info:
        date_from_words("March", fell, DAY)
    assert info.value.hint == 'write date_text "the year to March"'
    whole = date_from_words("the year to March", fell, DAY)
    assert (whole.start, whole.end, whole.approximate) == (D(2023, 4, 1), D(2024, 3, 31), False)
    assert "12 months up to the end of" in whole.explanation
    for words, sentence, first, last in [
        ("the three months to June", "Sales rose 5% in the three months to June.",
         D(2023, 4, 1), D(2023, 6, 30)),
        ("the 12 months to March 2022", "Prices rose in the 12 months to March 2022.",
         D(2021, 4, 1), D(2022, 3, 31)),
        ("the year ending March", "Output will grow in the year ending March.",
         D(2024, 4, 1), D(2025, 3, 31)),
        ("the quarter to September", "Exports fell in the quarter to September.",
         D(2023, 7, 1), D(2023, 9, 30)),
    ]:
        span = date_from_words(words, sentence, DAY)
        assert (words, span.start, span.end) == (words, first, last)
    # A review: told in the past, the stretch has ended (written on 11 March 2024, the
    # year to March 2023); "of the year to March" is January on; a day after the month
    # is a date of its own.
    rose = date_from_words("the year to March", "Profits rose in the year to March.",
                           Anchor.day(D(2024, 3, 11)))  # fmt: skip
    assert (rose.start, rose.end) == (D(2022, 4, 1), D(2023, 3, 31))
    figure = date_from_words("the year to March", "Sales in the year to March: up 5%.",
                             Anchor.day(D(2024, 3, 11)))  # fmt: skip
    assert (figure.start, figure.end) == (D(2022, 4, 1), D(2023, 3, 31))
    assert date_from_words("March", "Sales rose from the start of the year to March.",
                           DAY).timex == "2024-03"  # fmt: skip
    assert date_from_words("March 31, 2023", "Profit fell in the year ended March 31, 2023.",
                           DAY).timex == "2023-03-31"  # fmt: skip
    # Not a month that is no stretch's end ("to March" of "moved to March"); a month a
    # vote is moved to is to come.
    assert date_from_words("March", "The vote was moved to March.", DAY).timex == "2025-03"


def test_since_then_refers_to_another_mention() -> None:
    war = resolve_span("1950-1953", D(2025, 9, 4))
    span = date_relative("Since then", war, "1950-1953", "event korean-war")
    assert (span.relation, span.start, span.end) == ("since", D(1950, 1, 1), D(1953, 12, 31))
    assert format_span(span) == "since 1950–1953"
    assert '"Since then": the same date as "1950-1953" (event korean-war)' in span.explanation


def test_a_stated_relation_is_said_in_the_explanation() -> None:
    span = date_from_words("On Monday", "On Monday, it reported the exhibition.", DAY, "by")
    assert span.relation == "by" and format_span(span) == "by 2024-04-08 Mon"
    assert "stated in the data" in span.explanation


# --------------------------------------------------------------------------
# Publication windows
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "sentence", "window", "expected", "precision"),
    [
        # A weekday against a 7-day window that starts on that weekday: one day.
        (
            "on Saturday",
            "They met on Saturday.",
            Anchor(D(2024, 4, 15), D(2024, 4, 13), D(2024, 4, 19)),
            (D(2024, 4, 13), D(2024, 4, 13)),
            "day",
        ),
        # The same weekday against a window it falls inside: two Saturdays are possible.
        (
            "on Saturday",
            "They met on Saturday.",
            Anchor(D(2024, 4, 15), D(2024, 4, 14), D(2024, 4, 20)),
            (D(2024, 4, 13), D(2024, 4, 20)),
            "range",
        ),
        # "in September" against a window that straddles a month end.
        (
            "in September",
            "He travelled in September.",
            Anchor(D(2025, 8, 31), D(2025, 8, 30), D(2025, 9, 2)),
            (D(2024, 9, 1), D(2025, 9, 30)),
            "range",
        ),
        # Absolute words mean the same whatever the day.
        (
            "in 2011",
            "Since assuming power in 2011, he has changed.",
            Anchor(D(2025, 9, 4), D(2025, 9, 3), D(2025, 9, 4)),
            (D(2011, 1, 1), D(2011, 12, 31)),
            "year",
        ),
    ],
)
def test_words_against_a_window_cover_every_day_it_could_mean(
    words: str,
    sentence: str,
    window: Anchor,
    expected: tuple[date, date],
    precision: str,
) -> None:
    span = resolve_in_window(words, window, sentence)
    assert (span.start, span.end) == expected
    assert span.precision == precision
    assert span.approximate is (precision == "range")
    for day in window.days():  # the hull holds what every day of the window gives
        each = resolve_span(words, day, sentence)
        assert span.start <= each.start and each.end <= span.end
    likely = resolve_span(words, window.likely, sentence)
    assert (span.likely_start, span.likely_end) == (likely.start, likely.end)


def test_a_window_explanation_names_the_window_and_the_likely_day() -> None:
    window = Anchor(D(2024, 4, 15), D(2024, 4, 13), D(2024, 4, 19))
    span = resolve_in_window("on Saturday", window, "They met on Saturday.")
    assert "Mon 15 Apr 2024, the most likely publication date" in span.explanation
    assert "the same against every day of the publication window, 13–19 Apr 2024" in (
        span.explanation
    )
    wide = resolve_in_window(
        "in September",
        Anchor(D(2025, 8, 31), D(2025, 8, 30), D(2025, 9, 2)),
        "He travelled in September.",
    )
    assert "published some day in 30 Aug – 2 Sep 2025" in wide.explanation
    assert "against Sat 30 Aug 2025 the words give Sep 2024" in wide.explanation


def test_a_window_whose_likely_day_holds_every_other_day_is_not_called_the_same() -> None:
    """"later this month" against 3 Mar is 4–31 Mar, against 5 Mar 6–31 Mar: the hull is
    the first's, but it was said to be "the same against every day" of the window."""
    clear_window_memos()
    window = Anchor(D(2025, 3, 3), D(2025, 3, 3), D(2025, 3, 5), conventional=True)
    span = resolve_in_window("later this month", window, "It will be held later this month.")
    assert (span.start, span.end, span.precision, span.approximate) == (
        D(2025, 3, 4), D(2025, 3, 31), "range", True
    )
    assert "the same against" not in span.explanation
    assert "against Wed 5 Mar 2025 the words" not in span.explanation
    assert ("the words give days within it (against Tue 4 Mar 2025 they give Wed 5 Mar 2025 "
            "– Mon 31") in span.explanation


@pytest.mark.parametrize(
    ("first", "last", "words"),
    [
        (D(2024, 4, 13), D(2024, 4, 19), "13–19 Apr 2024"),
        (D(2025, 8, 30), D(2025, 9, 2), "30 Aug – 2 Sep 2025"),
        (D(2024, 12, 30), D(2025, 1, 2), "Mon 30 Dec 2024 – Thu 2 Jan 2025"),
    ],
)
def test_window_words(first: date, last: date, words: str) -> None:
    assert window_words(first, last) == words


def test_a_long_window_is_resolved_at_its_ends_and_likely_day() -> None:
    window = Anchor(D(2024, 6, 1), D(2024, 1, 1), D(2024, 12, 31))
    assert window.days() == [D(2024, 1, 1), D(2024, 6, 1), D(2024, 12, 31)]


# --------------------------------------------------------------------------
# References to another mention
# --------------------------------------------------------------------------

MONDAY = resolve_span("On Monday", D(2021, 6, 24), "On Monday, the KCNA reported it.")


@pytest.mark.parametrize(
    ("words", "start", "end", "precision"),
    [
        ("The same day", D(2021, 6, 21), D(2021, 6, 21), "day"),
        ("that day", D(2021, 6, 21), D(2021, 6, 21), "day"),
        ("the day before", D(2021, 6, 20), D(2021, 6, 20), "day"),
        ("the next day", D(2021, 6, 22), D(2021, 6, 22), "day"),
        ("a week later", D(2021, 6, 28), D(2021, 6, 28), "day"),
        ("two days earlier", D(2021, 6, 19), D(2021, 6, 19), "day"),
        ("that week", D(2021, 6, 21), D(2021, 6, 27), "week"),
        ("the same month", D(2021, 6, 1), D(2021, 6, 30), "month"),
        ("the following year", D(2022, 1, 1), D(2022, 12, 31), "year"),
        ("the previous month", D(2021, 5, 1), D(2021, 5, 31), "month"),
        # A day of the week after (before) the mention's: MONDAY is Mon 21 Jun 2021.
        ("Thursday of the following week", D(2021, 7, 1), D(2021, 7, 1), "day"),
        ("on Friday of the previous week", D(2021, 6, 18), D(2021, 6, 18), "day"),
        # The first such weekday after (before) the mention's day, never that day.
        ("the following Monday", D(2021, 6, 28), D(2021, 6, 28), "day"),
        ("the following Thursday", D(2021, 6, 24), D(2021, 6, 24), "day"),
        ("the previous Monday", D(2021, 6, 14), D(2021, 6, 14), "day"),
        ("the previous Sunday", D(2021, 6, 20), D(2021, 6, 20), "day"),
        # "the Friday before (the vote)", "the Friday after": the last before it, the
        # first after it.
        ("the Friday before", D(2021, 6, 18), D(2021, 6, 18), "day"),
        ("The Friday after", D(2021, 6, 25), D(2021, 6, 25), "day"),
        ("the Monday after", D(2021, 6, 28), D(2021, 6, 28), "day"),
        ("the Friday night before", D(2021, 6, 18), D(2021, 6, 18), "day"),
        ("the weekend before", D(2021, 6, 19), D(2021, 6, 20), "range"),
        ("over the weekend after", D(2021, 6, 26), D(2021, 6, 27), "range"),
        # Weekends: the first Saturday and Sunday after (the last before) the mention.
        ("the following weekend", D(2021, 6, 26), D(2021, 6, 27), "range"),
        ("over the following weekend", D(2021, 6, 26), D(2021, 6, 27), "range"),
        ("the previous weekend", D(2021, 6, 19), D(2021, 6, 20), "range"),
        # Seasons: the first such season begun after the mention, the last ended before it
        # (meteorological; a winter is named by its December).
        ("the following summer", D(2022, 6, 1), D(2022, 8, 31), "season"),
        ("the following autumn", D(2021, 9, 1), D(2021, 11, 30), "season"),
        ("the previous summer", D(2020, 6, 1), D(2020, 8, 31), "season"),
        ("the preceding winter", D(2020, 12, 1), D(2021, 2, 28), "season"),
        ("the following spring", D(2022, 3, 1), D(2022, 5, 31), "season"),
        ("the next summer", D(2022, 6, 1), D(2022, 8, 31), "season"),
        ("the next weekend", D(2021, 6, 26), D(2021, 6, 27), "range"),
        # Quarters, halves and decades: the one after (before) the mention's.
        ("the following quarter", D(2021, 7, 1), D(2021, 9, 30), "quarter"),
        ("the previous quarter", D(2021, 1, 1), D(2021, 3, 31), "quarter"),
        ("the following half", D(2021, 7, 1), D(2021, 12, 31), "half"),
        ("the previous decade", D(2010, 1, 1), D(2019, 12, 31), "decade"),
    ],
)
def test_words_relative_to_another_mention(
    words: str, start: date, end: date, precision: str
) -> None:
    span = date_relative(words, MONDAY, "On Monday", "event photo-exhibition")
    assert (span.start, span.end, span.precision) == (start, end, precision)
    assert '"On Monday" (event photo-exhibition), which is Mon 21 Jun 2021' in span.explanation
    assert span.explanation.endswith(f"That date: {MONDAY.explanation}")


def test_unreadable_reference_words_are_an_error() -> None:
    with pytest.raises(ResolveError, match="as a reference to another date"):
        date_relative("in due course", MONDAY, "On Monday", "event x")


def test_reference_words_that_name_what_they_count_from_say_which_words_to_keep() -> None:
    """A journalist wrote date_text "the Friday before the vote" with relative_to: the
    hint listed other references; it now says to keep "the Friday before"."""
    with pytest.raises(ResolveError, match='"the vote" is what it counts from, which '
                       "relative_to names") as info:
        date_relative("the Friday before the vote", MONDAY, "On Monday", "event x")
    assert info.value.hint == 'write date_text "the Friday before"'
    with pytest.raises(ResolveError, match="as a reference to another date"):  # no crash
        date_relative("10000 years after the vote", MONDAY, "On Monday", "event x")


REFERENCE_SEED = (
    "On Monday, the agency reported the exhibition.\n\n"
    "The same day, the ambassadors wrote op-eds.\n"
    "A week later, talks followed.\n"
)
REFERENCE_ARTICLES = ARTICLES_YAML.replace("one.txt", "ref.txt").replace(
    '"2024-04-15"', '"2021-06-24"'
)


def _events(*extra: str) -> str:
    head = """\
events:
  - id: report
    title: Report
    kind: report
    actors: [china, kim-jong-un]
    sources:
      - article: news-1
        quote: "On Monday, the agency reported the exhibition."
        date_text: On Monday
"""
    return head + "".join(extra)


OPEDS = """\
  - id: op-eds
    title: Op-eds
    kind: publication
    actors: [north-korea]
    sources:
      - article: news-1
        quote: "The same day, the ambassadors wrote op-eds."
        date_text: The same day
        relative_to: {target}
"""
TALKS = """\
  - id: talks
    title: Talks
    kind: meeting
    actors: [kim-jong-un]
    sources:
      - article: news-1
        quote: "A week later, talks followed."
        date_text: A week later
        relative_to: {target}
"""


def _load(root: Path, events: str) -> object:
    data = write_data_dir(
        root, articles=REFERENCE_ARTICLES, events=events, seeds={"ref.txt": REFERENCE_SEED}
    )
    return load_timeline(data)


def test_an_unreadable_reference_gives_its_hint_once(tmp_path: Path) -> None:
    """The examples of words a reference reads stood twice: in the message's own
    "(hint: …)" and on the problem's hint line."""
    talks = TALKS.format(target="report").replace("date_text: A week later",
                                                  "date_text: A week")  # fmt: skip
    with pytest.raises(DataError) as info:
        _load(tmp_path, _events(talks))
    (problem,) = [str(p) for p in info.value.problems]
    assert 'cannot read "A week" as a reference to another date' in problem
    assert problem.count('"the same day"') == 1 and "(hint" not in problem


def test_a_chain_of_references_resolves_in_order(tmp_path: Path) -> None:
    # "A week later" refers to "The same day", which refers to "On Monday".
    timeline = _load(
        tmp_path, _events(TALKS.format(target="op-eds"), OPEDS.format(target="report"))
    )
    by_id = timeline.event_by_id  # type: ignore[attr-defined]
    assert by_id["op-eds"].start == D(2021, 6, 21)
    assert by_id["op-eds"].sources[0].relative_to == "report"
    talks = by_id["talks"].span
    assert (talks.start, talks.end) == (D(2021, 6, 28), D(2021, 6, 28))
    assert '"The same day" (event op-eds)' in talks.explanation
    assert '"On Monday" (event report)' in talks.explanation


@pytest.mark.parametrize(
    ("events", "line", "message"),
    [
        (
            _events(OPEDS.format(target="reprot")),
            18,
            "event 'op-eds' refers to unknown event 'reprot'",
        ),
        (
            _events(OPEDS.format(target="op-eds")),
            18,
            "date references form a cycle: op-eds → op-eds",
        ),
        (
            _events(OPEDS.format(target="talks"), TALKS.format(target="op-eds")),
            18,
            "date references form a cycle: op-eds → talks → op-eds",
        ),
    ],
    ids=["missing-target", "self-reference", "cycle"],
)
def test_bad_references_are_located(tmp_path: Path, events: str, line: int, message: str) -> None:
    with pytest.raises(DataError) as info:
        _load(tmp_path, events)
    problems = [str(p) for p in info.value.problems]
    assert any(p.startswith(f"events.yaml:{line}: {message}") for p in problems), problems
    assert len(problems) == 1, problems


def test_a_reference_needs_a_mention_in_the_same_article(tmp_path: Path) -> None:
    second = REFERENCE_ARTICLES.split("articles:\n")[1]
    second = second.replace("news-1", "news-2").replace("ref.txt", "other.txt")
    events = _events(OPEDS.format(target="report")).replace(
        '      - article: news-1\n        quote: "The same day',
        '      - article: news-2\n        quote: "The same day',
    )
    data = write_data_dir(
        tmp_path,
        articles=REFERENCE_ARTICLES + second,
        events=events,
        seeds={
            "ref.txt": REFERENCE_SEED,
            "other.txt": "The same day, the ambassadors wrote op-eds.",
        },
    )
    with pytest.raises(DataError) as info:
        load_timeline(data)
    problems = [str(p) for p in info.value.problems]
    assert problems[0].startswith(
        "events.yaml:18: event 'op-eds' refers to event 'report', which has no source in "
        "article 'news-2'"
    ), problems


# --------------------------------------------------------------------------
# Byte-exact quotes
# --------------------------------------------------------------------------


def test_quotes_are_the_articles_bytes_with_offsets(tmp_path: Path) -> None:
    events = _events(OPEDS.format(target="report")).replace(
        'quote: "The same day, the ambassadors wrote op-eds."',
        'quote: "reported the exhibition. The same day, the ambassadors wrote op-eds."',
    )
    timeline = _load(tmp_path, events)
    source = timeline.event_by_id["op-eds"].sources[0]  # type: ignore[attr-defined]
    article = timeline.article_by_id["news-1"]  # type: ignore[attr-defined]
    # The data folds the paragraph break to one space; the model keeps the article's.
    assert source.quote == "reported the exhibition.\n\nThe same day, the ambassadors wrote op-eds."
    assert article.text[source.quote_start : source.quote_end] == source.quote


# --------------------------------------------------------------------------
# The loader's checks of windows and relations
# --------------------------------------------------------------------------

NO_WINDOW = ARTICLES_YAML.replace(
    '    published_earliest: "2024-04-15"\n    published_latest: "2024-04-15"\n', ""
)


@pytest.mark.parametrize(
    ("which", "text", "where", "message"),
    [
        (
            "articles",
            NO_WINDOW,
            "articles.yaml:7",
            "article 'news-1' has an inferred publication date but no 'published_earliest'",
        ),
        (
            "articles",
            ARTICLES_YAML.replace('earliest: "2024-04-15"', 'earliest: "2024-04-16"'),
            "articles.yaml:7",
            "'published' 2024-04-15 is outside its window 2024-04-16 to 2024-04-15",
        ),
        (
            "articles",
            ARTICLES_YAML.replace('latest: "2024-04-15"', 'latest: "the 19th"'),
            "articles.yaml:9",
            "'published_latest' of article 'news-1' is not a date",
        ),
        (
            "articles",
            ARTICLES_YAML.replace('latest: "2024-04-15"', 'latest: "2024-04-19"').replace(
                "basis: inferred", "basis: stated"
            ),
            "articles.yaml:8",
            "has a stated publication date but a window of several days",
        ),
        (
            "events",
            EVENTS_YAML.replace(
                "        date_text: on Saturday\n",
                "        date_text: on Saturday\n        relation: since\n",
            ),
            "events.yaml:11",
            "which 'relation: since' contradicts",
        ),
        (
            "events",
            EVENTS_YAML.replace(
                "        date_text: on Saturday\n",
                "        date_text: on Saturday\n        date_basis: publication\n"
                "        relative_to: talks-held\n",
            ),
            "events.yaml:12",
            "'relative_to' and 'date_basis: publication' cannot both date one source",
        ),
    ],
    ids=[
        "no-window",
        "outside-window",
        "bad-window-day",
        "stated-window",
        "contradicted",
        "reference-and-publication",
    ],
)
def test_windows_and_relations_are_checked_with_a_line(
    tmp_path: Path, which: str, text: str, where: str, message: str
) -> None:
    data = write_data_dir(tmp_path, **{which: text})
    with pytest.raises(DataError) as info:
        load_timeline(data)
    problems = [str(p) for p in info.value.problems]
    assert any(p.startswith(where + ":") and message in p for p in problems), problems


@pytest.mark.parametrize(("stated", "refused"), [("until", True), ("since", False)])
def test_a_stated_relation_is_checked_against_the_word_before_the_date_words(
    tmp_path: Path, stated: str, refused: bool
) -> None:
    """"last autumn" in "since last autumn": the words say `since`. The refusal of
    `relation: until` said the words said `on` and allowed `on`, `by` or `as of`,
    none of which the loader would take without the relation."""
    seed = SEED_TEXT + "Officials have discussed a new agreement since last autumn.\n"
    events = EVENTS_YAML + (
        "  - id: agreement-talks\n    title: Agreement discussed\n    kind: meeting\n"
        "    actors: [china, north-korea]\n    sources:\n      - article: news-1\n"
        '        quote: "Officials have discussed a new agreement since last autumn."\n'
        f"        date_text: last autumn\n        relation: {stated}\n"
    )
    data = write_data_dir(tmp_path, events=events, seeds={"one.txt": seed})
    if not refused:
        event = load_timeline(data).event_by_id["agreement-talks"]
        assert event.span.relation == "since"
        return
    with pytest.raises(DataError) as info:
        load_timeline(data)
    (problem,) = [str(p) for p in info.value.problems]
    assert "the words say 'since'" in problem and "the words allow 'since'" in problem


def test_a_day_the_words_rule_out_is_left_out_of_the_window() -> None:
    # Published Mon 15 - Wed 17 Apr 2024, most likely Tue 16: "earlier this week"
    # names no day against Monday, so the article was not published then.
    window = Anchor(D(2024, 4, 16), D(2024, 4, 15), D(2024, 4, 17))
    span = resolve_in_window("earlier this week", window, "They met earlier this week.")
    assert (span.start, span.end) == (D(2024, 4, 15), D(2024, 4, 16))
    assert "name no day against Mon 15 Apr 2024, which they rule out" in span.explanation
    with pytest.raises(ResolveError):  # the most likely day itself cannot be ruled out
        resolve_in_window(
            "earlier this week", Anchor(D(2024, 4, 15), D(2024, 4, 15), D(2024, 4, 17))
        )


def test_a_reference_from_an_event_with_other_problems_is_not_a_crash(tmp_path: Path) -> None:
    # Found by the property test: the referring event is dropped for an unknown actor.
    events = _events(OPEDS.format(target="report").replace("[north-korea]", "[nobody]"))
    with pytest.raises(DataError) as info:
        _load(tmp_path, events)
    assert [str(p).split("\n")[0] for p in info.value.problems] == [
        "events.yaml:13: unknown actor 'nobody' in event 'op-eds'",
    ]


WINDOW_WORDS = [
    ("on Saturday", "They met on Saturday."),
    ("Monday", "The meeting was held Monday."),
    ("earlier this week", "They met earlier this week."),
    ("earlier this month", "He said so earlier this month."),
    ("in September", "Kim traveled to Russia in September."),
    ("in September", "Kim will travel to Russia in September."),
    ("last week", "It happened last week."),
    ("recently", "It has recently happened."),
    ("75 years ago", "It began 75 years ago."),
    ("June 17", "He spoke on June 17."),
    ("this year", "Several exchanges are expected this year."),
    ("in 2011", "Since assuming power in 2011, he has changed."),
]


@pytest.mark.parametrize(("words", "sentence"), WINDOW_WORDS)
def test_a_window_gives_the_hull_of_every_day_it_holds(words: str, sentence: str) -> None:
    """The shortcuts (words that ignore the anchor; equal ends) agree with brute force."""
    from datetime import timedelta

    for first in [D(2024, 3, 28) + timedelta(days=n) for n in range(0, 14, 3)]:
        for length in range(1, 8):
            last = first + timedelta(days=length - 1)
            likely = first + timedelta(days=length // 2)
            results = []
            for n in range(length):
                try:
                    results.append(resolve_span(words, first + timedelta(days=n), sentence))
                except ResolveError:
                    pass
            try:
                span = resolve_in_window(words, Anchor(likely, first, last), sentence)
            except ResolveError:
                continue  # the likely day itself is ruled out: the data is wrong
            assert span.start == min(r.start for r in results), (words, first, last)
            assert span.end == max(r.end for r in results), (words, first, last)


@pytest.mark.parametrize(
    ("words", "sentence", "start", "end", "timex"),
    [
        ("Christmas", "They met at Christmas.", D(2023, 12, 25), D(2023, 12, 25), "2023-12-25"),
        (
            "Christmas",
            "They will meet at Christmas.",
            D(2024, 12, 25),
            D(2024, 12, 25),
            "2024-12-25",
        ),
        ("Christmas 2019", None, D(2019, 12, 25), D(2019, 12, 25), "2019-12-25"),
        ("Easter", "It was held at Easter.", D(2024, 3, 31), D(2024, 3, 31), "2024-03-31"),
        ("Easter of 2021", None, D(2021, 4, 4), D(2021, 4, 4), "2021-04-04"),
        (
            "Thanksgiving",
            "They met at Thanksgiving.",
            D(2023, 11, 23),
            D(2023, 11, 23),
            "2023-11-23",
        ),
        (
            "Election Day",
            "Voters will go to the polls on Election Day.",
            D(2024, 11, 5),
            D(2024, 11, 5),
            "2024-11-05",
        ),
        (
            "New Year’s Day",
            "It opened on New Year’s Day.",
            D(2024, 1, 1),
            D(2024, 1, 1),
            "2024-01-01",
        ),
        ("fiscal 2024", None, D(2023, 10, 1), D(2024, 9, 30), "FY2024"),
        ("FY25", None, D(2024, 10, 1), D(2025, 9, 30), "FY2025"),
        ("'58", None, D(1958, 1, 1), D(1958, 12, 31), "1958"),
        ("'24", None, D(2024, 1, 1), D(2024, 12, 31), "2024"),
        ("1957-58", None, D(1957, 1, 1), D(1958, 12, 31), "1957/1958"),
        ("Friday night", "They met on Friday night.", D(2024, 4, 12), D(2024, 4, 12), "2024-04-12"),
    ],
)
def test_holidays_fiscal_and_two_digit_years(
    words: str, sentence: str | None, start: date, end: date, timex: str
) -> None:
    span = resolve_span(words, D(2024, 4, 15), sentence)
    assert (span.start, span.end, span.timex) == (start, end, timex)


def test_the_tagger_finds_holidays_and_short_years() -> None:
    tags = tag_text("Talks held at Easter in '58 resumed in fiscal 2024.", D(2024, 4, 15))
    assert [(t.text, t.timex) for t in tags] == [
        ("Easter", "2024-03-31"),
        ("'58", "1958"),
        ("fiscal 2024", "FY2024"),
    ]


@pytest.mark.parametrize(
    "words",
    ["on Saturday", "last month", "in September", "in 2011", "six years", "earlier this week"],
)
def test_a_memoised_window_never_mixes_tenses_or_sentences(words: str) -> None:
    """Each sentence gets what it gets alone, whatever was resolved before it."""
    window = Anchor(date(2024, 4, 15), date(2024, 4, 13), date(2024, 4, 19))
    sentences = [
        f"Officials met {words}.",
        f"Officials will meet {words}.",
        None,
        f"The first visit {words}.",
        f"Officials met {words}.",
    ]

    def outcome(sentence: str | None) -> Span | str:
        try:
            return resolve_in_window(words, window, sentence)
        except ResolveError as exc:
            return str(exc)

    alone = []
    for sentence in sentences:
        clear_window_memos()
        alone.append(outcome(sentence))
    clear_window_memos()
    assert [outcome(sentence) for sentence in sentences] == alone


def test_words_for_the_present_date_a_state_as_of_the_publication_date() -> None:
    """ "North Korea now has 50 warheads" says nothing of when that began: not *on* the
    article's day, which would claim it happened then."""
    span = date_from_words("now", "North Korea now has 50 warheads.", DAY)
    assert (span.relation, span.start, span.end) == ("as of", DAY.likely, DAY.likely)
    assert span.explanation.endswith(
        "; as of: \"now\" names the present: it held at the article's date, since a time "
        "the words do not say"
    )
    tags = tag_text("North Korea now has 50 warheads. Talks stalled until now.", DAY.likely)
    assert [(t.text, t.span.relation if t.span else None) for t in tags] == [
        ("now", "as of"),
        ("now", "until"),  # the tagger reads the head word outside the words too
    ]


@pytest.mark.parametrize(
    ("sentence", "words", "relation"),
    [
        ("KCNA has confirmed the visit.", "has confirmed", "by"),
        ("North Korea has reportedly begun supplying arms.", "has reportedly begun", "by"),
        ("The treaty has been signed.", "has been signed", "by"),  # a passive: an act done
        ("They have been meeting weekly.", "have been meeting", "as of"),
        ("Ties have long been close.", "have long been", "as of"),
        ("Beijing is leading the talks.", "is leading", "as of"),
        ("Talks are continuing, officials said.", "are continuing", "as of"),
        # No verb form the loader reads, or none that is a verb:
        ("China's growing role is clear.", None, None),  # a possessive
        ("They've been meeting.", None, None),  # contractions: not read in a sentence
        ("They're negotiating.", None, None),
        ("The winner is Beijing.", None, None),  # a name in "-ing"
        ("It is something new.", None, None),
        ("The bridge is closed during repairs.", None, None),
        ("Kim is going to visit Beijing.", None, None),  # a plan, not an act under way
        ("Has Kim confirmed it?", None, None),  # a question's auxiliary
        ("The treaty has never been signed.", None, None),  # a negated form: no act
        ("KCNA has not confirmed the visit.", None, None),
        ("The plan has been widely criticised.", "has been widely criticised", "by"),
        ("The talks ended.", None, None),
    ],
)
def test_a_sentence_s_verb_form_dates_a_report_by_the_publication_date(
    sentence: str, words: str | None, relation: str | None
) -> None:
    assert publication_verb(sentence) == words
    if words is not None:
        span = date_by_publication(words, DAY)
        assert (span.relation, span.start) == (relation, DAY.likely)


LAST_WEEK = resolve_span("last week", D(2026, 11, 12), "They met last week.")  # 2–8 Nov
IN_MARCH = resolve_span("in March", D(2026, 11, 12), "They met in March.")  # 1–31 Mar


@pytest.mark.parametrize(
    ("words", "target", "start", "end", "approximate"),
    [
        # A day counted from a mention of several days: one of its days, not its last.
        ("the next day", LAST_WEEK, D(2026, 11, 3), D(2026, 11, 9), True),
        ("the day after", LAST_WEEK, D(2026, 11, 3), D(2026, 11, 9), True),
        ("the day before", LAST_WEEK, D(2026, 11, 1), D(2026, 11, 7), True),
        ("the same day", LAST_WEEK, D(2026, 11, 2), D(2026, 11, 8), True),
        ("that week", LAST_WEEK, D(2026, 11, 2), D(2026, 11, 8), False),  # the whole unit
        ("the following week", LAST_WEEK, D(2026, 11, 9), D(2026, 11, 15), False),
        # A week after a month: the week after any of its weeks, 2 Mar to 12 Apr 2026.
        ("the following week", IN_MARCH, D(2026, 3, 2), D(2026, 4, 12), True),
        ("Monday of the following week", IN_MARCH, D(2026, 3, 2), D(2026, 4, 6), True),
        ("Monday of the following week", LAST_WEEK, D(2026, 11, 9), D(2026, 11, 9), False),
        ("the following year", IN_MARCH, D(2027, 1, 1), D(2027, 12, 31), False),
        # The first Tuesday after one of 2–8 Nov: 3 Nov (after the 2nd) to 10 Nov.
        ("the following Tuesday", LAST_WEEK, D(2026, 11, 3), D(2026, 11, 10), True),
        ("the previous Sunday", LAST_WEEK, D(2026, 11, 1), D(2026, 11, 1), False),
        # The first weekend after one of 2–8 Nov (a Mon to a Sun): 7–8 or 14–15 Nov.
        ("the following weekend", LAST_WEEK, D(2026, 11, 7), D(2026, 11, 15), True),
        # The first summer after one of the days of March: that summer, whichever day.
        ("the following summer", IN_MARCH, D(2026, 6, 1), D(2026, 8, 31), False),
        ("the previous winter", IN_MARCH, D(2025, 12, 1), D(2026, 2, 28), False),
        ("the following quarter", IN_MARCH, D(2026, 4, 1), D(2026, 6, 30), False),
    ],
)
def test_a_reference_to_a_longer_mention_covers_every_day_it_can_mean(
    words: str, target: Span, start: date, end: date, approximate: bool
) -> None:
    span = date_relative(words, target, "the words", "event x")
    assert (span.start, span.end, span.approximate) == (start, end, approximate)
    if approximate:
        assert "one of the" in span.explanation


@pytest.mark.parametrize("words", ["the following decade", "the following year", "a week later",
                                   "the following weekend"])
def test_a_reference_past_the_calendar_is_a_clear_refusal(words: str) -> None:
    """Counted from 9999 (or the 9990s), the step left the calendar with an
    OverflowError, which `check` would have shown as a traceback."""
    target = resolve_span("9999", D(2024, 1, 1))
    with pytest.raises(ResolveError, match="falls outside the years 1 to 9999"):
        date_relative(words, target, "9999", "event x")


# --------------------------------------------------------------------------
# What a window article expects


# The bakery article of a journalist's trial: published some day Tue 28 – Fri 31 May 2024.
BAKERY = Anchor(D(2024, 5, 28), D(2024, 5, 28), D(2024, 5, 31))
BAKERY_TALKS = "GMB said talks with management would be held next Wednesday."


def test_words_that_look_ahead_from_every_day_of_a_window_are_ahead() -> None:
    """ "next Wednesday" is after whichever day the article was written (29 May–5 Jun
    in all), though the hull starts inside the window: it is marked ahead."""
    span = resolve_in_window("next Wednesday", BAKERY, BAKERY_TALKS)
    assert (span.start, span.end, span.ahead) == (D(2024, 5, 29), D(2024, 6, 5), True)
    told = "GMB said talks with management were held on Wednesday."
    assert not resolve_in_window("on Wednesday", BAKERY, told).ahead
    # A review: a reference to it on or after it is ahead too; one before, not.
    after = date_relative("the day after", span, "next Wednesday", "event talks")
    assert (after.start, after.end, after.ahead) == (D(2024, 5, 30), D(2024, 6, 6), True)
    assert not date_relative("the day before", span, "next Wednesday", "event talks").ahead


# A journalist's trial: "is due to … on Thursday" in an article of the week of 5 May
# 2025 (its Thursday may be the day it was written) was not marked expected.
WEEK = Anchor(D(2025, 5, 5), D(2025, 5, 5), D(2025, 5, 9), True)
DUE = "Mr Ashworth is due to face questions at a full council meeting on Thursday."
FACED = "Mr Ashworth faced questions at a full council meeting on Thursday."
THURSDAY = Anchor(D(2025, 5, 8), D(2025, 5, 8), D(2025, 5, 8))


@pytest.mark.parametrize(
    ("anchor", "sentence", "ahead"),
    [
        (WEEK, DUE, True),  # from a day it may have been written, told as to come
        (THURSDAY, DUE, True),  # the day it was written, told as to come
        (THURSDAY, "The council will vote today.", True),
        (THURSDAY, FACED, False),  # told as done that day
        (THURSDAY, "The council voted today.", False),
        (WEEK, "The talks resumed on Tuesday.", False),  # a day of the window, in the past
    ],
)
def test_a_date_on_a_day_the_article_may_have_been_written_told_as_to_come_is_ahead(
    anchor: Anchor, sentence: str, ahead: bool
) -> None:
    words = "today" if "today" in sentence else ("Tuesday" if "Tuesday" in sentence
                                                 else "Thursday")  # fmt: skip
    span = date_from_words(words, sentence, anchor)
    assert span.start <= anchor.latest  # on or before the last day it may have been written
    assert span.ahead is ahead
    meaning = relation_meaning(span, anchor.latest, expected=span.ahead)
    assert meaning.startswith("expected") is ahead
    if ahead:
        assert "still to come when the article was written" in meaning


# A journalist's trial: "could begin laying off office staff by the end of the month",
# written on 22 or 23 March, was shown as done: its hull (late March) began the day
# before the article, so it was not marked ahead.
WED = Anchor(D(2025, 3, 12), D(2025, 3, 12), D(2025, 3, 12))
LATE_MARCH = Anchor(D(2025, 3, 22), D(2025, 3, 22), D(2025, 3, 23), True)


@pytest.mark.parametrize(
    ("anchor", "words", "sentence", "ahead"),
    [
        (LATE_MARCH, "by the end of the month",
         "Companies could begin laying off office staff by the end of the month.", True),
        (WED, "this month", "The union will hold a second vote this month.", True),
        (WED, "this week", "The two sides will meet this week.", True),
        (WED, "this year", "The economy is expected to grow by 3% this year.", True),
        (WED, "this week", "The two sides met this week.", False),  # told as done
        (WED, "last week", "Talks that began last week will go on.", False),  # over before
        (WED, "since March 1", "The ban, in force since March 1, will be lifted.", False),
        # A review: the future of another act, after the words, or past before them.
        (WED, "this week", "The storm that struck the coast this week will be followed by "
         "another.", False),
        (WED, "this week", "After talks this week, the two sides will meet again in May.",
         False),
        (WED, "this week", "Shares, down 5% this week, will be watched closely.", False),
        (WED, "this year", "The company, which has cut 500 jobs this year, will cut more.",
         False),
        (WED, "this year", "The ban that has been in place this year will be lifted.", False),
        # A second review: a move to days that hold the article is to come too.
        (WED, "this week", "The vote has been postponed to this week.", True),
    ],
)
def test_days_told_as_to_come_that_hold_the_article_are_ahead(
    anchor: Anchor, words: str, sentence: str, ahead: bool
) -> None:
    span = date_from_words(words, sentence, anchor)
    assert span.start < anchor.earliest or words == "since March 1"  # begun before it
    assert span.ahead is ahead
    meaning = relation_meaning(span, anchor.latest, expected=span.ahead)
    assert meaning.startswith("expected") is ahead


def _bakery_timeline(*later: date) -> Timeline:
    """The talks, reported by the bakery article and by articles written on `later`."""
    def article(ident: str, day: date, window: tuple[date, date] | None) -> Article:
        return Article(ident, f"{ident}.txt", ident, "Outlet", None, day,
                       "inferred" if window else "stated", "", BAKERY_TALKS,
                       published_earliest=window[0] if window else None,
                       published_latest=window[1] if window else None)  # fmt: skip
    articles = [article("bakery", D(2024, 5, 28), (D(2024, 5, 28), D(2024, 5, 31)))]
    articles += [article(f"later-{n}", day, None) for n, day in enumerate(later)]
    span = resolve_in_window("next Wednesday", BAKERY, BAKERY_TALKS)
    quoted = len(BAKERY_TALKS)
    sources = tuple(Source(a.id, BAKERY_TALKS, "next Wednesday", span, 0, quoted) for a in articles)
    event = Event("talks", "Talks", "", "talks", (), sources, 0)
    return Timeline.build(tuple(articles), (), (event,))


def test_an_event_the_window_article_expects_whatever_its_day_is_expected() -> None:
    """A journalist's trial: it was not marked expected, its hull starting in the window;
    a later article written after it began settles that it is not."""
    timeline = _bakery_timeline()
    assert timeline.is_expected(timeline.events[0])
    earlier = _bakery_timeline(D(2024, 5, 20))
    assert earlier.is_expected(earlier.events[0])
    settled = _bakery_timeline(D(2024, 6, 10))
    assert not settled.is_expected(settled.events[0])
    assert "Means: expected within" in describe_event(timeline, timeline.events[0])
    exported = json.loads(export_json(timeline, [0]))["events"][0]
    assert exported["ahead"] is True and exported["sources"][0]["ahead"] is True


def test_a_long_text_of_years_and_months_is_tagged_in_linear_time() -> None:
    """A review: a year after "since" was looked for from the text's start for every
    year before every month: 26 s for 7,400 characters (0.3 s before that check)."""
    import time

    text = "Output fell in 1999, " * 1000 + "and in March, " * 200
    started = time.perf_counter()
    tag_text(text, D(2024, 5, 10))
    assert time.perf_counter() - started < 5


def test_from_says_when_it_begins_and_that_it_goes_on() -> None:
    """"from Friday" begins on Friday; in a range ("from Monday to Friday") it is not."""
    from tui.dates import relation_meaning

    span = date_from_words("from Friday", "The school will run its own minibus from Friday.", DAY)
    assert (span.relation, format_span(span)) == ("from", "from 2024-04-12 Fri")
    assert relation_meaning(span, DAY.latest) == (
        "expected to begin on Fri 12 Apr 2024, after the article was written, and go on from "
        "there; whether it did, the article cannot say"
    )
    # Told of the past, "from" is as often where something comes from: not a start.
    for words, sentence in [("from Monday", "Buses ran a reduced service from Monday."),
                            ("from last year", "Prices fell from last year.")]:
        assert date_from_words(words, sentence, DAY).relation == "on"
    ranged = date_from_words("from Monday to Friday", "Talks will run from Monday to Friday.", DAY)
    assert ranged.relation == "on"
    # Against a later day (another article's, say), what was to begin has begun.
    assert relation_meaning(span, date(2024, 4, 20)) == (
        "it began on Fri 12 Apr 2024 and went on from there; for how long, the article does "
        "not say"
    )


def test_from_heading_the_date_words_is_checked_as_the_quote_s_from_is() -> None:
    """A review: "from" in the date words themselves was a start whatever the quote said."""
    for words, sentence in [("from last year", "Prices fell from last year."),
                            ("from 2019", "Figures from 2019 show a rise.")]:
        assert date_from_words(words, sentence, DAY).relation == "on"
    assert date_from_words("from Friday", "The school will run a minibus from Friday.",
                           DAY).relation == "from"


@pytest.mark.parametrize(
    ("words", "sentence", "when"),
    [
        # An adversarial audit: words in a quotation whose saying the sentence dates
        # were read against the article ("yesterday" the day before it).
        ("yesterday", '"We signed yesterday," the minister said on Friday.', "on Friday"),
        ("yesterday", "“We signed yesterday,” the minister said on Friday.", "on Friday"),
        ("on Monday", '"We will meet on Monday," the minister told reporters on Friday.',
         "on Friday"),
        ("Today", 'On Tuesday, Calloway said: "Today I am its mediator."', "On Tuesday"),
        ("today", 'On Tuesday, Calloway said: "Today I am its mediator."', "On Tuesday"),
        ("last week", 'The minister said on Friday that they "signed last week".',
         "on Friday"),
    ],
)
def test_words_quoted_from_a_dated_saying_are_refused(words: str, sentence: str,
                                                      when: str) -> None:
    with pytest.raises(ResolveError, match="is in the words quoted") as info:
        date_from_words(words, sentence, DAY)
    assert f'date_text "{when}"' in (info.value.hint or "")


@pytest.mark.parametrize(
    ("words", "sentence", "shown"),
    [
        # Not when the saying is undated, the words are outside the quotation, or they
        # name their own year.
        ("yesterday", '"We signed yesterday," the minister said.', "2024-04-10 Wed"),
        ("on Friday", '"We signed," the minister said on Friday.', "2024-04-05 Fri"),
        ("in March 2024", '"We signed in March 2024," the minister said on Friday.',
         "2024-03"),
    ],
)
def test_words_quoted_from_an_undated_saying_are_read(words: str, sentence: str,
                                                      shown: str) -> None:
    assert format_span(date_from_words(words, sentence, DAY)) == shown
