"""Selecting a passage sentence by sentence, and an event quoting it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.app_helpers import ALPHA, write_data
from tui.dates.tagger import Tag, tag_text
from tui.load import load_timeline
from tui.model import Article
from tui.passage import Passage
from tui.workbench import (
    NewEvent,
    Proposal,
    WorkbenchError,
    append_event,
    new_event_from_passage,
)

TEXT = "First one. Second one!\n\nThird, on Monday.  Fourth?"


def test_a_passage_starts_on_a_sentence_and_its_end_moves_either_way() -> None:
    passage = Passage.at(TEXT, TEXT.index("Second"))
    assert passage is not None
    assert passage.quote(TEXT) == "Second one!" and passage.count == 1
    down = passage.moved(1)
    assert down.quote(TEXT) == "Second one!\n\nThird, on Monday."  # the bytes between kept
    assert down.moved(5).quote(TEXT) == TEXT[TEXT.index("Second") :]  # stops at the last
    up = passage.moved(-1)
    assert up.quote(TEXT) == "First one. Second one!"  # before the anchor, vim's way
    assert up.moved(-1) == up
    assert up.moved(2).quote(TEXT) == "Second one!\n\nThird, on Monday."


def test_a_passage_between_sentences_starts_on_the_next_and_none_in_an_empty_text() -> None:
    between = Passage.at(TEXT, TEXT.index("\n\n") + 1)
    assert between is not None and between.quote(TEXT) == "Third, on Monday."
    assert Passage.at("  \n", 0) is None


ARTICLE = Article("a", "a.txt", "T", "O", None, date(2021, 6, 24), "stated", "",
                  "Talks ended. They met on June 3 and again in 2019.\nThe same day, "
                  "a deal was signed.\n")  # fmt: skip


def _tags() -> list[Tag]:
    return tag_text(ARTICLE.text, ARTICLE.published)


def test_the_passage_s_date_words_are_the_chosen_expression_s_or_the_first_that_resolves() -> None:
    text = ARTICLE.text
    tags = _tags()
    start, end = 0, text.index("signed.") + len("signed.")
    assert new_event_from_passage(ARTICLE, start, end, tags) == Proposal(text[start:end], "June 3")
    in_2019 = next(t for t in tags if t.text == "2019")
    assert new_event_from_passage(ARTICLE, start, end, tags, in_2019).date_text == "2019"
    same_day = next(t for t in tags if t.text == "The same day")
    # Words that date the passage by themselves come before a reference, even one chosen.
    assert new_event_from_passage(ARTICLE, start, end, tags, same_day) == Proposal(
        text[start:end], "June 3"
    )
    with pytest.raises(WorkbenchError, match="no expression of time in the passage"):
        new_event_from_passage(ARTICLE, 0, len("Talks ended."), tags)
    # A passage dated only by a reference is proposed with it, for `relative_to`.
    at = text.index("The same")
    assert new_event_from_passage(ARTICLE, at, len(text) - 1, tags) == Proposal(
        text[at:-1], "The same day", refers_back=True
    )


def test_an_event_quoting_two_sentences_of_an_article_loads_with_its_exact_text(
    tmp_path: Path,
) -> None:
    data = write_data(tmp_path)
    article = load_timeline(data).article_by_id["alpha"]
    passage = Passage.at(ALPHA, ALPHA.index("Xi Jinping sent"))
    assert passage is not None
    passage = passage.moved(-1)
    tags = tag_text(article.text, article.published)
    quote, words, refers_back = new_event_from_passage(article, passage.start, passage.end, tags)
    assert not refers_back
    assert quote == ("Kim Jong Un said on June 17 that the country must be ready for dialogue."
                     "\nXi Jinping sent a message on Saturday.")  # fmt: skip
    assert words == "June 17"
    event_id = append_event(
        data, NewEvent("Kim and Xi", "statement", ("kim-jong-un",), "alpha", quote, words)
    )
    source = load_timeline(data).event_by_id[event_id].sources[0]
    assert source.quote == quote
    assert (source.quote_start, source.quote_end) == (passage.start, passage.end)
