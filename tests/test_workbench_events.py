"""Appending an event made in the explorer to events.yaml: round trip, comments kept."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.app_helpers import EVENTS, write_data
from tui.dates.tagger import tag_text
from tui.load import load_timeline
from tui.model import Article
from tui.new_event import NewEvent, Proposal, append_event, new_event_from_tag
from tui.workbench import WorkbenchError

COMMENTED = "# Events: comments must survive an edit.\n" + EVENTS.replace(
    "  - id: trade", "  # ---- trade ----\n  - id: trade"
) + "# A closing note after the last event.\n"


def test_append_event_keeps_comments_and_loads(tmp_path: Path) -> None:
    data = write_data(tmp_path, events=COMMENTED)
    timeline = load_timeline(data)
    article = timeline.article_by_id["alpha"]
    tags = tag_text(article.text, article.published)
    saturday = next(t for t in tags if t.text == "Saturday")
    proposal = new_event_from_tag(article, saturday)
    quote, words = proposal.quote, proposal.date_text
    assert proposal.dated_by == "words"
    assert quote == "Xi Jinping sent a message on Saturday."
    assert words == "Saturday"
    new = NewEvent("Xi: a message", "message", ("xi-jinping",), "alpha", quote, words)
    assert append_event(data, new) == "xi-a-message"
    assert append_event(data, new) == "xi-a-message-2"  # the id is made unique
    text = (data / "events.yaml").read_text(encoding="utf-8")
    assert text.startswith(COMMENTED.rstrip("\n").rsplit("\n", 1)[0])  # all before, untouched
    assert "# ---- trade ----" in text and "# A closing note after the last event." in text
    assert "    actors: [xi-jinping]\n" in text
    reloaded = load_timeline(data)
    event = reloaded.event_by_id["xi-a-message"]
    assert event.title == "Xi: a message" and event.kind == "message"
    assert event.span.timex == "2021-06-19"


@pytest.mark.parametrize(
    ("title", "made"),
    [
        # A trial: "…-postpone-halvard-ele" and "…-in-worst-hit-distri" cut words in two.
        ("Electoral commission asks parliament to postpone Halvard election",
         "electoral-commission-asks-parliament-to-postpone-halvard"),
        ("Mass measles vaccination campaign begins in worst-hit districts",
         "mass-measles-vaccination-campaign-begins-in-worst-hit"),
        # A journalist's trial: "…-railings-and", a word that joins what was cut off.
        ("Old Mill Bridge last repaired (£400,000 railings and resurfacing work done)",
         "old-mill-bridge-last-repaired-400-000-railings"),
        ("Council says contractor lacks Environment Agency licence for footbridge",
         "council-says-contractor-lacks-environment-agency-licence"),
        ("A" * 70, "a" * 60),  # one long word is cut where the limit falls
        ("Short title", "short-title"),
    ],
)
def test_an_event_id_is_cut_between_words(tmp_path: Path, title: str, made: str) -> None:
    data = write_data(tmp_path)
    event_id = append_event(data, NewEvent(title, "x", ("china",), "alpha", "q", "w"))
    assert event_id == made and len(event_id) <= 60


@pytest.mark.parametrize(
    ("events_text", "said"),
    [
        ("", "it has no 'events:' list at the top"),  # it was a TypeError: the form lost
        ("\ufeffevents: [".encode("utf-16").decode("latin-1"), "it is not UTF-8"),
    ],
)
def test_an_event_that_cannot_be_added_leaves_every_file_as_it_was(
    tmp_path: Path, events_text: str, said: str
) -> None:
    """A review: with events.yaml unwritable, the new actor was written to actors.yaml,
    and the retry then said its id was taken; an empty or UTF-16 file crashed."""
    from tui.new_actors import NewActor

    data = write_data(tmp_path)
    (data / "events.yaml").write_bytes(events_text.encode("latin-1"))
    actors_before = (data / "actors.yaml").read_bytes()
    new = NewEvent("Park visits", "visit", ("park-won-gon",), "alpha", "q", "w",
                   (NewActor("park-won-gon", "Park Won-gon", "person"),))  # fmt: skip
    with pytest.raises(WorkbenchError, match=said):
        append_event(data, new)
    assert (data / "actors.yaml").read_bytes() == actors_before


def test_a_reference_is_proposed_for_relative_to_and_a_length_or_empty_field_refused(
    tmp_path: Path,
) -> None:
    text = "Talks were held on June 3. Since then, a deal was signed a week later.\n"
    article = Article("a", "a.txt", "T", "O", None, date(2021, 6, 24), "stated", "", text)
    tags = tag_text(text, article.published)
    for words, expected in (("then", "Since then"), ("a week later", "a week later")):
        tag = next(t for t in tags if t.text == words)
        assert new_event_from_tag(article, tag) == Proposal(
            "Since then, a deal was signed a week later.", expected, "reference", tag.start
        )
    lease = "The port signed a 30-year lease on Tuesday.\n"
    leased = Article("b", "b.txt", "T", "O", None, date(2025, 3, 6), "stated", "", lease)
    length = next(t for t in tag_text(lease, leased.published) if t.text == "30-year")
    with pytest.raises(WorkbenchError, match="gives no date on its own") as refused:
        new_event_from_tag(leased, length)
    hint = refused.value.hint or ""
    assert "relative_to" not in hint and "a length of time" in hint and "with n" in hint
    data = write_data(tmp_path)
    with pytest.raises(WorkbenchError, match="title and a kind"):
        append_event(data, NewEvent(" ", "x", ("china",), "alpha", "q", "w"))
    with pytest.raises(WorkbenchError, match="at least one actor"):
        append_event(data, NewEvent("T", "x", (), "alpha", "q", "w"))
    assert (data / "events.yaml").read_text(encoding="utf-8") == EVENTS


def test_every_event_quoting_the_same_words_is_named(tmp_path: Path) -> None:
    """Two events may quote the very same sentence: both are named, each once."""
    from tests.app_helpers import _event
    from tui.workbench import quoted_passages, restated

    sentence = "Xi Jinping visited Pyongyang on Thursday."
    events = EVENTS + _event(
        "visit-again", "Xi in Pyongyang", "xi-jinping", ("beta", sentence, "on Thursday")
    )
    timeline = load_timeline(write_data(tmp_path, events=events))
    passages = quoted_passages(timeline, "beta")
    start = timeline.article_by_id["beta"].text.index(sentence)
    assert sorted(restated(passages, start, start + len(sentence))) == ["visit", "visit-again"]
    assert restated(passages, start + len(sentence) + 1, start + len(sentence) + 5) == ["trade"]
    assert restated(passages, 0, 0) == []


def test_an_unwritable_events_file_leaves_actors_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new actor was written before events.yaml turned out not writable (the
    tests run as a user every file is writable to: `os.access` says so here)."""
    import os

    from tui import yamlappend
    from tui.new_actors import NewActor

    data = write_data(tmp_path)
    actors_before = (data / "actors.yaml").read_bytes()
    real_access = os.access

    def access(path: object, mode: int) -> bool:
        return not str(path).endswith("events.yaml") and real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(yamlappend.os, "access", access)
    new = NewEvent("Park visits", "visit", ("park-won-gon",), "alpha", "q", "w",
                   (NewActor("park-won-gon", "Park Won-gon", "person"),))  # fmt: skip
    with pytest.raises(WorkbenchError, match=r"events\.yaml cannot be written"):
        append_event(data, new)
    assert (data / "actors.yaml").read_bytes() == actors_before
