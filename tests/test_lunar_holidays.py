"""The region's holidays: the lunar festivals from their table, and North Korea's own.

The expected days are the published ones (Lunar New Year 2020–2026, the
Mid-Autumn Festival 2020–2025), not read back from the table.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from tui.dates import ResolveError, date_from_words, resolve_span
from tui.dates.anchoring import Anchor
from tui.dates.lunar_table import COLUMNS, FIRST_YEAR, LAST_YEAR, festival_day
from tui.dates.tagger import tag_text

D = date
APRIL = D(2024, 4, 18)  # Thu

PUBLISHED = [
    ("Lunar New Year 2020", D(2020, 1, 25)),
    ("Lunar New Year 2021", D(2021, 2, 12)),
    ("Chinese New Year 2022", D(2022, 2, 1)),
    ("Spring Festival 2023", D(2023, 1, 22)),
    ("Lunar New Year 2024", D(2024, 2, 10)),
    ("Seollal 2025", D(2025, 1, 29)),
    ("Lunar New Year 2026", D(2026, 2, 17)),
    ("Mid-Autumn Festival 2020", D(2020, 10, 1)),
    ("Chuseok 2021", D(2021, 9, 21)),
    ("Mid-Autumn Festival of 2022", D(2022, 9, 10)),
    ("Chuseok 2023", D(2023, 9, 29)),
    ("Mid-Autumn Festival 2024", D(2024, 9, 17)),
    ("Chuseok 2025", D(2025, 10, 6)),
    ("Day of the Sun 2022", D(2022, 4, 15)),
    ("Day of the Shining Star 2023", D(2023, 2, 16)),
]


@pytest.mark.parametrize(("words", "day"), PUBLISHED)
def test_festivals_fall_on_their_published_days(words: str, day: date) -> None:
    span = resolve_span(words, APRIL)
    assert (span.start, span.end, span.precision) == (day, day, "day")
    assert "whatever the publication date" in span.explanation


@pytest.mark.parametrize(
    ("words", "sentence", "day"),
    [
        # No year: the open past/future rule, as for Christmas.
        ("Lunar New Year", "Kim attended a Lunar New Year performance.", D(2024, 2, 10)),
        ("the Spring Festival", "Trade halted during the Spring Festival.", D(2024, 2, 10)),
        ("Chuseok", "Families will gather for Chuseok.", D(2024, 9, 17)),
        ("the Day of the Sun", "Crowds marked the Day of the Sun.", D(2024, 4, 15)),
        ("the Day of the Shining Star", "It will open on the Day of the Shining Star.",
         D(2025, 2, 16)),
    ],
)
def test_a_festival_without_a_year_is_the_one_the_tense_points_at(
    words: str, sentence: str, day: date
) -> None:
    span = resolve_span(words, APRIL, sentence)
    assert (span.start, span.end) == (day, day), span.explanation


def test_lunar_new_year_is_either_day_when_china_and_korea_keep_it_apart() -> None:
    """In 2027 China keeps Lunar New Year on 6 February and Korea on 7 February:
    "Lunar New Year" is either day, each country's own name its own day."""
    span = resolve_span("Lunar New Year 2027", APRIL)
    assert (span.start, span.end, span.precision) == (D(2027, 2, 6), D(2027, 2, 7), "range")
    assert "Sat 6 Feb 2027 in China; Sun 7 Feb 2027 in Korea; either day" in span.explanation
    assert resolve_span("Chinese New Year 2027", APRIL).start == D(2027, 2, 6)
    assert resolve_span("Korean New Year 2027", APRIL).start == D(2027, 2, 7)
    assert resolve_span("Seollal 2027", APRIL).start == D(2027, 2, 7)


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("Lunar New Year 2060", "from 1900 to 2050, not in 2060"),
        ("Chuseok 1899", "from 1900 to 2050, not in 1899"),
        # The Chinese tables disagree on the Mid-Autumn Festival of 1978.
        ("Mid-Autumn Festival 1978", "disagree on it"),
    ],
)
def test_a_festival_the_table_does_not_give_is_refused(words: str, message: str) -> None:
    with pytest.raises(ResolveError, match=message) as info:
        resolve_span(words, APRIL)
    assert "other words of the article" in info.value.hint


def test_the_table_is_whole_and_plausible() -> None:
    """Every year, every column: New Year between 21 January and 20 February, the
    Mid-Autumn Festival between 7 September and 8 October, and Korea's day the
    same as China's or the day after (Seoul reckons from a meridian further east)."""
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        days = dict(zip(COLUMNS, (festival_day(c, year) for c in COLUMNS), strict=True))
        for column, day in days.items():
            if day is None:
                assert (year, column) == (1978, "china-mid-autumn")
                continue
            low, high = ((D(year, 1, 21), D(year, 2, 20)) if "new-year" in column
                         else (D(year, 9, 7), D(year, 10, 8)))  # fmt: skip
            assert low <= day <= high, (year, column, day)
        for festival in ("new-year", "mid-autumn"):
            china, korea = days[f"china-{festival}"], days[f"korea-{festival}"]
            if china is not None and korea is not None:
                assert (korea - china).days in (0, 1), (year, festival)
    assert festival_day("china-new-year", FIRST_YEAR - 1) is None
    assert festival_day("china-new-year", LAST_YEAR + 1) is None


@pytest.mark.parametrize(
    ("text", "tagged"),
    [
        ("Trade halted during the Spring Festival.", [("Spring Festival", D(2024, 2, 10))]),
        # In lower case it is any festival held in spring.
        ("The spring festival of music opens in May.", [("May", D(2024, 5, 1))]),
        ("Families gathered for Chuseok.", [("Chuseok", D(2023, 9, 29))]),
        ("The Mid-Autumn Festival of 2023 was quiet.",
         [("Mid-Autumn Festival of 2023", D(2023, 9, 29))]),
        ("Korean New Year’s Day was cold.", [("Korean New Year’s Day", D(2024, 2, 10))]),
    ],
)
def test_the_tagger_finds_the_region_s_holidays(text: str, tagged: list[tuple[str, date]]) -> None:
    found = [(t.text, t.span.start if t.span else None) for t in tag_text(text, APRIL)]
    assert found == tagged


def test_the_eve_is_the_day_before() -> None:
    span = resolve_span("Lunar New Year's Eve", APRIL, "They gathered on Lunar New Year's Eve.")
    assert (span.start, span.end) == (D(2024, 2, 9), D(2024, 2, 9))
    assert "the day before the first day of the first lunar month" in span.explanation
    apart = resolve_span("Lunar New Year's Eve 2027", APRIL)
    assert (apart.start, apart.end) == (D(2027, 2, 5), D(2027, 2, 6))


@pytest.mark.parametrize(
    ("words", "quote"),
    [
        ("Lunar New Year", "Trade halted over the Lunar New Year holiday."),
        ("Spring Festival", "The Spring Festival Gala aired on state television."),
        ("Christmas", "Shops shut for the Christmas break."),
    ],
)
def test_a_holiday_made_a_stretch_or_an_event_is_not_its_day(words: str, quote: str) -> None:
    """"the Lunar New Year holiday" is days, "the Spring Festival Gala" an evening of
    its own (the eve): neither is the festival's day. Refused, and not tagged."""
    with pytest.raises(ResolveError, match="names a stretch of days or an event of its own"):
        date_from_words(words, quote, Anchor.day(APRIL))
    assert [t.text for t in tag_text(quote, APRIL) if words in t.text] == []
    assert [t.text for t in tag_text("Lunar New Year 2024 holidays ran on.", APRIL)] == []
    # No shorter name, nor a weekday, is found inside one.
    assert [t.text for t in tag_text("Shops shut for the Easter Monday holiday.", APRIL)] == []


@pytest.mark.parametrize(
    ("anchor", "sentence", "day"),
    [
        # The year before (1978) is not known, and is not the one meant.
        (D(1979, 10, 20), "Families gathered for the Mid-Autumn Festival.", D(1979, 10, 5)),
        (D(2050, 12, 1), "It was held at Chinese New Year.", D(2050, 1, 23)),
    ],
)
def test_a_year_the_table_lacks_beside_the_one_meant_is_no_matter(
    anchor: date, sentence: str, day: date
) -> None:
    words = "Mid-Autumn Festival" if "Mid" in sentence else "Chinese New Year"
    assert resolve_span(words, anchor, sentence).start == day


@pytest.mark.parametrize(
    ("anchor", "sentence", "missing"),
    [
        # Before 1979's festival, in the past: 1978's, which the table lacks.
        (D(1979, 9, 1), "Families gathered for the Mid-Autumn Festival.", "in 1978"),
        (D(2050, 12, 1), "It will be held at Chinese New Year.", "not in 2051"),
    ],
)
def test_a_year_the_table_lacks_that_may_be_the_one_meant_is_refused(
    anchor: date, sentence: str, missing: str
) -> None:
    words = "Mid-Autumn Festival" if "Mid" in sentence else "Chinese New Year"
    with pytest.raises(ResolveError, match=missing):
        resolve_span(words, anchor, sentence)


@pytest.mark.parametrize(
    ("words", "quote", "said"),
    [
        # Every place the words stand is looked at: here neither dates it.
        ("Lunar New Year", "Shops reopened after Lunar New Year, when the Lunar New Year "
         "holiday ended.", '"after Lunar New Year"'),
        ("until Christmas", "The shop is open until Christmas week.",
         "not the day of Christmas"),
        ("Easter", "They travelled over the Easter weekend.", '"Easter weekend"'),
    ],
)
def test_a_holiday_the_quote_never_dates_by_is_refused(words: str, quote: str, said: str) -> None:
    with pytest.raises(ResolveError, match=re.escape(said)):
        date_from_words(words, quote, Anchor.day(APRIL))
    # Where it stands once as a day of its own, it dates the event.
    dated = date_from_words("Lunar New Year", "They met on Lunar New Year, before the Lunar "
                            "New Year holiday.", Anchor.day(APRIL))  # fmt: skip
    assert dated.start == D(2024, 2, 10)


@pytest.mark.parametrize(
    ("anchor", "day"),
    [
        (D(1979, 1, 5), None),  # 1978's (not known) may be nearer than 5 Oct 1979
        (D(1979, 6, 5), D(1979, 10, 5)),  # 1978's cannot be
    ],
)
def test_with_no_tense_a_year_the_table_lacks_is_weighed_by_its_likely_day(
    anchor: date, day: date | None
) -> None:
    sentence = "The Mid-Autumn Festival is a family holiday."
    if day is None:
        with pytest.raises(ResolveError, match="in 1978 is not known"):
            resolve_span("Mid-Autumn Festival", anchor, sentence)
    else:
        assert resolve_span("Mid-Autumn Festival", anchor, sentence).start == day
