"""Selecting a passage sentence by sentence, and an event quoting it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.app_helpers import ALPHA, BETA, write_data
from tui.dates.relations import publication_verb
from tui.dates.tagger import Tag, tag_text
from tui.load import load_timeline
from tui.loading.sourcecheck import article_anchor
from tui.model import Article
from tui.new_event import (
    NewEvent,
    Proposal,
    append_event,
    new_event_from_passage,
    proposal_date,
)
from tui.passage import Passage
from tui.workbench import WorkbenchError

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
    with pytest.raises(WorkbenchError, match="nothing in the passage dates it"):
        new_event_from_passage(ARTICLE, 0, len("Talks ended."), tags)  # not even a verb form
    # A passage dated only by a reference is proposed with it, for `relative_to`.
    at = text.index("The same")
    assert new_event_from_passage(ARTICLE, at, len(text) - 1, tags) == Proposal(
        text[at:-1], "The same day", "reference", at
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
    proposal = new_event_from_passage(article, passage.start, passage.end, tags)
    quote, words = proposal.quote, proposal.date_text
    assert proposal.dated_by == "words"
    assert quote == ("Kim Jong Un said on June 17 that the country must be ready for dialogue."
                     "\nXi Jinping sent a message on Saturday.")  # fmt: skip
    assert words == "June 17"
    event_id = append_event(
        data, NewEvent("Kim and Xi", "statement", ("kim-jong-un",), "alpha", quote, words)
    )
    source = load_timeline(data).event_by_id[event_id].sources[0]
    assert source.quote == quote
    assert (source.quote_start, source.quote_end) == (passage.start, passage.end)


REPORT = Article("r", "r.txt", "T", "O", None, date(2021, 6, 24), "stated", "",
                 "North Korea has confirmed the visit. Beijing is leading the talks, and "
                 "China's growing role was noted. Officials met on Monday.\n")  # fmt: skip


def test_a_passage_with_no_date_words_is_dated_by_its_verb_form_and_the_publication_date(
    tmp_path: Path,
) -> None:
    """As `date_basis: publication` dates a report: "has confirmed" by the article's day,
    "is leading" as of it; the form says which and why before anything is written."""
    text = REPORT.text
    tags = tag_text(text, REPORT.published)
    cases = [  # (the passage, the words proposed, how dated, what the form says)
        ("North Korea has confirmed the visit.", "has confirmed", "publication",
         "→ by 2021-06-24 Thu: no date words, so dated by the publication date; "
         "“has confirmed”: a completed act in the present perfect"),
        ("Beijing is leading the talks, and China's growing role was noted.", "is leading",
         "publication", "→ as of 2021-06-24 Thu: no date words"),
        ("Beijing is leading the talks, and China's growing role was noted. Officials met on "
         "Monday.", "Monday", "words", "→ 2021-06-21 Mon"),  # date words come first
    ]  # fmt: skip
    for passage, words, dated_by, said in cases:
        start = text.index(passage)
        proposal = new_event_from_passage(REPORT, start, start + len(passage), tags)
        assert proposal == Proposal(passage, words, dated_by), passage
        assert proposal.date_basis == ("publication" if dated_by == "publication" else None)
        assert proposal_date(REPORT, proposal).startswith(said), passage
    assert publication_verb("China's growing role was noted.") is None  # a possessive
    assert publication_verb("They have long been allies.") == "have long been"
    assert publication_verb("Pyongyang’s envoy has confirmed it.") == "has confirmed"
    # Written with date_basis, the loader dates it as the form said.
    data = write_data(tmp_path, seeds={"alpha.txt": ALPHA + text, "beta.txt": BETA})
    article = load_timeline(data).article_by_id["alpha"]
    confirmed = "North Korea has confirmed the visit."
    at = article.text.index(confirmed)
    proposal = new_event_from_passage(article, at, at + len(confirmed),
                                      tag_text(article.text, article.published))  # fmt: skip
    event_id = append_event(data, NewEvent("Visit confirmed", "statement", ("kim-jong-un",),
                                           "alpha", proposal.quote, proposal.date_text,
                                           date_basis=proposal.date_basis))  # fmt: skip
    assert "        date_basis: publication\n" in (data / "events.yaml").read_text("utf-8")
    span = load_timeline(data).event_by_id[event_id].span
    assert (span.relation, span.timex) == ("by", "2021-06-24")
    assert proposal_date(article, proposal).startswith("→ by 2021-06-24 Thu")


def test_recent_dates_a_passage_the_tagger_leaves_undated(tmp_path: Path) -> None:
    """ "The recent visit": the tagger, scored against TimeML's guidelines, marks no
    expression, but the loader reads "recent"; the passage is dated by it as
    `date_text: recent` is, before any verb form, after any expression."""
    text = ("The recent visit by a Chinese envoy shows that ties hold. Recent talks "
            "have confirmed it. Recent talks ended on Monday.\n")  # fmt: skip
    article = replace(REPORT, text=text)
    tags = tag_text(text, article.published)
    cases = [  # (the passage, the words proposed)
        ("The recent visit by a Chinese envoy shows that ties hold.", "recent"),
        ("Recent talks have confirmed it.", "Recent"),  # date words before the verb form
        ("Recent talks ended on Monday.", "Monday"),  # an expression before "recent"
    ]
    for passage, words in cases:
        start = text.index(passage)
        proposal = new_event_from_passage(article, start, start + len(passage), tags)
        assert proposal == Proposal(passage, words), passage
    first = cases[0][0]
    said = proposal_date(article, new_event_from_passage(article, 0, len(first), tags))
    assert said == "→ ≈ 2021-05-25–2021-06-24"
    # Written, the loader gives the date the form said.
    data = write_data(tmp_path, seeds={"alpha.txt": ALPHA + text, "beta.txt": BETA})
    loaded = load_timeline(data).article_by_id["alpha"]
    at = loaded.text.index(first)
    proposal = new_event_from_passage(loaded, at, at + len(first),
                                      tag_text(loaded.text, loaded.published))  # fmt: skip
    event_id = append_event(data, NewEvent("Envoy visit", "visit", ("kim-jong-un",), "alpha",
                                           proposal.quote, proposal.date_text))  # fmt: skip
    span = load_timeline(data).event_by_id[event_id].span
    assert (span.start, span.end, span.approximate) == (date(2021, 5, 25), date(2021, 6, 24),
                                                        True)  # fmt: skip


def test_a_windowed_article_s_proposals_give_the_loader_s_dates() -> None:
    """Published some day from 22 to 24 June 2021, most likely the 23rd: "has confirmed"
    is by the last day it can have been published, "on Monday" the 21st on each day."""
    article = replace(REPORT, published=date(2021, 6, 23), published_basis="inferred",
                      published_earliest=date(2021, 6, 22),
                      published_latest=date(2021, 6, 24))  # fmt: skip
    text = article.text
    tags = tag_text(text, article_anchor(article))
    cases = [  # (the passage, what the form says it gives)
        ("North Korea has confirmed the visit.", "→ by 2021-06-24 Thu: no date words"),
        ("Beijing is leading the talks, and China's growing role was noted.",
         "→ as of ≈ 2021-06-22–06-24: no date words"),
        ("Officials met on Monday.", "→ 2021-06-21 Mon"),
    ]  # fmt: skip
    for passage, said in cases:
        start = text.index(passage)
        proposal = new_event_from_passage(article, start, start + len(passage), tags)
        assert proposal_date(article, proposal).startswith(said), passage
