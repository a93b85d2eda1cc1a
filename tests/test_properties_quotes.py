"""Date words read inside a quote, on generated quotes: a date or a ResolveError.

The quote's words around the date words decide much (a number that is no year, a
weekday made indefinite or part of a full date, words that count from another
mention, a relation, the tense). Whatever the words, reading them gives a
consistent span or a ResolveError with a message: never another exception (a
hint made from the quote once raised an IndexError where no comma stood).
"""

from __future__ import annotations

from datetime import date

from hypothesis import example, given
from hypothesis import strategies as st

from tui.dates import Anchor, ResolveError, date_from_words
from tui.dates.tagger import tag_text

AROUND = [
    "a", "an", "one", "the", "on", "by", "since", "in", "of", "at", "to", "and", ",", ".",
    "—", "-", "/", "said", "will", "is", "due", "was", "has", "been", "had", "co-hosted",
    "flood-damaged", "that", "this", "coming", "past", "next", "following", "Route", "No.",
    "Flight", "people", "GMT", "cubic", "metres", "statement", "deadline", "week", "weekend",
    "before", "after", "later", "mid-", "around", "Sunday", "Friday", "March", "3", "3-5",
    "2019", "2019/20", "2024-25", "2019-03-18", "1600", "fall", "spring", "winter", "day",
    "month", "year", "Lunar", "New", "Year", "holiday", "ago", "two", "days",
]  # fmt: skip
DATE_WORDS = [
    "Sunday", "Friday", "the Friday", "next Thursday", "last Monday", "this coming weekend",
    "Thursday week", "March 3", "March 3-5", "2019", "2019/20", "2019/2020", "the next week",
    "the next month", "that spring", "since Sunday", "by Friday", "in 2019", "a day before",
    "the end of the month", "later this month", "1600", "2020",
]  # fmt: skip

words = st.lists(st.sampled_from(AROUND), max_size=6).map(" ".join)
anchors = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


@given(before=words, date_words=st.sampled_from(DATE_WORDS), after=words, anchor=anchors)
@example(before="They met on", date_words="Sunday", after="3 March 2019.",
         anchor=date(2025, 3, 18))  # fmt: skip
def test_date_words_in_any_quote_give_a_span_or_a_resolve_error(
    before: str, date_words: str, after: str, anchor: date
) -> None:
    quote = f"{before} {date_words} {after}".strip()
    try:
        span = date_from_words(date_words, quote, Anchor.day(anchor))
    except ResolveError as exc:
        assert str(exc)
        return
    assert span.start <= span.end and span.explanation


@given(before=words, date_words=st.sampled_from(DATE_WORDS), after=words, anchor=anchors)
def test_the_tagger_reads_any_such_text(
    before: str, date_words: str, after: str, anchor: date
) -> None:
    text = f"{before} {date_words} {after}".strip()
    for tag in tag_text(text, anchor):
        assert text[tag.start : tag.end] == tag.text
        assert tag.span is None or tag.span.start <= tag.span.end


def test_a_long_difference_is_cut_at_a_word_s_end() -> None:
    """A trial: the hint cut the article's words in the middle of one ("… of the Kest")."""
    from tui.loading.quotes import _TOKEN, _tokens_text

    text = "Mr Berg, the former chief executive of the Kestrel Steel company, denies fraud."
    shown = _tokens_text(text, list(_TOKEN.finditer(text)))
    assert shown == "Mr Berg, the former chief executive of…"
    assert _tokens_text("short words", list(_TOKEN.finditer("short words"))) == "short words"
