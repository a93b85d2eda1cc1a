"""The mention a reference counts from, for an event made in the explorer (`relative_to`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from tests.app_helpers import ARTICLES, _event, notices, settle, wait_for, write_data
from tests.conftest import run_cli
from tui.app import TimelineApp, make_app
from tui.dates import ResolveError
from tui.dates.tagger import Tag, tag_text
from tui.drafts_file import drafts_yaml
from tui.load import load_timeline
from tui.loading.sourcecheck import article_anchor
from tui.new_event import NewEvent, append_event, new_event_from_tag
from tui.referring import as_the_timeline_reads, date_against, mentions_in, words_span
from tui.screens.article import ArticleScreen
from tui.screens.event_form import EventFormScreen
from tui.widgets.article_text import ArticleText
from tui.workbench import draft_events

GAMMA = (
    "Talks opened in Beijing on Monday.\n"
    "Trade officials met on June 3.\n"
    "The same day, a deal was signed.\n"
    "A week later, the envoys left.\n"
)
GAMMA_ARTICLE = """\
  - id: gamma
    file: gamma.txt
    title: Talks
    outlet: Gamma
    author: null
    published: "2021-06-24"
    published_basis: stated
    published_note: The page gives its date.
"""
TALKS = ("gamma", "Talks opened in Beijing on Monday.", "on Monday")
OFFICIALS = ("gamma", "Trade officials met on June 3.", "June 3")
EVENTS = (
    "events:\n"
    + _event("talks", "Talks open", "china", TALKS)
    + _event("officials", "Officials meet", "china", OFFICIALS)
)


def _data(tmp_path: Path) -> Path:
    return write_data(
        tmp_path,
        articles=ARTICLES + GAMMA_ARTICLE,
        actors="actors:\n  - id: china\n    name: China\n    kind: country\n",
        events=EVENTS,
        seeds={"alpha.txt": "A.\n", "beta.txt": "B.\n", "gamma.txt": GAMMA},
    )


def test_the_nearest_mention_before_the_words_comes_first_then_the_later_ones(
    tmp_path: Path,
) -> None:
    timeline = load_timeline(_data(tmp_path))
    cases = [  # (where the referring words stand, the events in the order offered)
        (GAMMA.index("The same day"), ["officials", "talks"]),
        # At or within an event's own date words: they are the referring words, and cannot
        # count from themselves (a new user's trial: "then" of "Since then" was offered
        # the event quoting "Since then" first).
        (GAMMA.index("June 3"), ["talks"]),
        (GAMMA.index("June 3") + 1, ["talks"]),
        (GAMMA.index("June 3") + 6, ["officials", "talks"]),  # just after them
        (0, ["talks", "officials"]),  # nothing before: text order
    ]
    for at, expected in cases:
        assert [m.event_id for m in mentions_in(timeline, "gamma", at)] == expected, at
    assert mentions_in(timeline, "alpha", 0) == []  # no event quotes it


def test_the_words_are_dated_against_the_mention_as_the_loader_dates_relative_to(
    tmp_path: Path,
) -> None:
    data = _data(tmp_path)
    timeline = load_timeline(data)
    at = GAMMA.index("The same day")
    officials, talks = mentions_in(timeline, "gamma", at)
    table = [  # (words, mention, the date the form shows)
        ("The same day", officials, "2021-06-03"),
        ("A week later", officials, "2021-06-10"),
        ("The same day", talks, "2021-06-21"),  # "on Monday" before Thu 24 Jun 2021
        ("A week later", talks, "2021-06-28"),
        ("the day before", talks, "2021-06-20"),
    ]
    for words, mention, expected in table:
        assert date_against(words, mention).timex == expected, (words, mention.event_id)
    with pytest.raises(ResolveError, match="as a reference"):
        date_against("in 2019", officials)
    # Written with relative_to, the loader gives the very date the form showed.
    sentences = {"The same day": "The same day, a deal was signed.",
                 "A week later": "A week later, the envoys left."}  # fmt: skip
    for words, mention, expected in table[:4]:
        new = NewEvent(f"{words} from {mention.event_id}", "test", ("china",), "gamma",
                       sentences[words], words, relative_to=mention.event_id)  # fmt: skip
        event_id = append_event(data, new)
        event = load_timeline(data).event_by_id[event_id]
        assert event.sources[0].relative_to == mention.event_id
        assert event.span.timex == expected
        assert event.span == date_against(words, mention)
    text = (data / "events.yaml").read_text(encoding="utf-8")
    assert "        relative_to: officials\n" in text


async def _form_on(app: TimelineApp, pilot: Pilot[None], article: str, words: str) -> None:
    """Open `article` in the article view, choose the expression `words` and press t."""
    app.screen.open_article(article)  # type: ignore[attr-defined]
    await pilot.pause()
    text = app.screen.query_one("#article-text", ArticleText)
    for _ in range(10):
        await pilot.press("n")
        if text.selected is not None and text.selected.text == words:
            break
    assert text.selected is not None and text.selected.text == words
    await pilot.press("t")
    await pilot.pause()


async def test_the_form_asks_which_event_a_reference_counts_from_and_writes_it(
    tmp_path: Path,
) -> None:
    data = _data(tmp_path)
    app = make_app(data)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await _form_on(app, pilot, "gamma", "A week later")
        form = app.screen
        assert isinstance(form, EventFormScreen)
        refers = form.query_one("#form-refers", Input)
        assert refers.value == "officials"  # the nearest mention before the words
        said = str(form.query_one("#form-refers-date", Static).render())
        assert said == (
            "→ 2021-06-10 Thu, counting from “June 3” of 'Officials meet' (2021-06-03 Thu)"
        )
        await pilot.press(*"Envoys leave", "enter", *"visit", "enter", *"china")
        refers.focus()
        await pilot.press("ctrl+u", *"talk")  # an id no event quoting it has
        await pilot.pause()
        assert "'talk' is no event quoting this article; those that do: officials, talks" in str(
            form.query_one("#form-refers-date", Static).render()
        )
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form and refers.has_focus  # not added: the id is asked again
        assert "'talk' is no event" in str(form.query_one("#form-warning", Static).render())
        # Cleared, Enter says what the field needs; the events it may name are listed under
        # it, not said twice (a journalist's trial).
        await pilot.press("ctrl+u", "enter")
        await pilot.pause()
        assert app.screen is form and refers.has_focus
        assert str(form.query_one("#form-warning", Static).render()) == (
            "Name the event the words count from, by its id (→ completes).")
        assert str(form.query_one("#form-refers-date", Static).render()) == (
            "Name the event the words count from; those quoting this article: officials, talks.")
        await pilot.press(*"talk")
        await pilot.press("s")  # "talks": the warning about "talk" goes as it is mended
        await pilot.pause()
        assert str(form.query_one("#form-warning", Static).render()) == ""
        await pilot.press("enter")  # counted from its Monday
        await wait_for(pilot, lambda: "envoys-leave" in app.timeline.event_by_id)
        event = app.timeline.event_by_id["envoys-leave"]
        assert event.sources[0].relative_to == "talks"
        assert event.span.timex == "2021-06-28"
        assert not app.problems
    check = run_cli("check", "--data", str(data))
    assert check.returncode == 0, check.stderr


async def test_a_reference_with_no_event_to_count_from_says_so_and_opens_no_form(
    tmp_path: Path,
) -> None:
    data = _data(tmp_path)
    (tmp_path / "seeds" / "alpha.txt").write_text("They met in 2019.\n", encoding="utf-8")
    (data / "events.yaml").write_text(
        "events:\n" + _event("x", "X", "china", ("alpha", "They met in 2019.", "in 2019")),
        encoding="utf-8",
    )
    app = make_app(data)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await _form_on(app, pilot, "gamma", "The same day")
        assert isinstance(app.screen, ArticleScreen)  # no form
        assert any("“The same day” counts from another mention of this article, and no event "
                   "quotes this article with date words of its own yet" in n
                   for n in notices(app))  # fmt: skip


def test_the_article_view_reads_a_pinned_reference_as_the_timeline_does(tmp_path: Path) -> None:
    data = _data(tmp_path)
    deal = ("gamma", "The same day, a deal was signed.", "The same day")
    with (data / "events.yaml").open("a", encoding="utf-8") as events:
        events.write(_event("deal", "Deal signed", "china", deal))
        events.write("        relative_to: talks\n")  # not the nearest mention: the data says
    timeline = load_timeline(data)
    article = timeline.article_by_id["gamma"]
    tags = tag_text(article.text, article.published)

    def same_day(read: list[Tag]) -> Tag:
        return next(t for t in read if t.text == "The same day")

    guess = same_day(tags)  # the tagger alone: the nearest date before, "June 3"
    assert guess.timex == "2021-06-03" and guess.span is not None and guess.span.approximate
    read = as_the_timeline_reads(tags, timeline, "gamma")
    pinned = same_day(read)
    assert pinned.span == timeline.event_by_id["deal"].span
    assert pinned.timex == "2021-06-21" and pinned.reason.startswith(
        '"The same day": the same date as "on Monday" (event talks)'
    )
    week = next(t for t in read if t.text == "A week later")
    assert week == next(t for t in tags if t.text == "A week later")  # not pinned: the guess
    # Two events counting the same words from mentions of one date: that date.
    with (data / "events.yaml").open("a", encoding="utf-8") as events:
        events.write(_event("opening", "Talks open (again)", "china", TALKS))
        events.write(_event("deal-1", "Deal signed (again)", "china", deal))
        events.write("        relative_to: opening\n")
    timeline = load_timeline(data)
    assert same_day(as_the_timeline_reads(tags, timeline, "gamma")).timex == "2021-06-21"
    # Two events counting the same words from mentions of two dates: the guess stays.
    with (data / "events.yaml").open("a", encoding="utf-8") as events:
        events.write(_event("deal-2", "Deal signed again", "china", deal))
        events.write("        relative_to: officials\n")
    timeline = load_timeline(data)
    assert same_day(as_the_timeline_reads(tags, timeline, "gamma")) == guess


def test_a_pinned_reference_is_shown_with_the_data_s_words(tmp_path: Path) -> None:
    """A new user's trial: the article view showed the expression "then" while its
    explanation quoted the data's "Since then"."""
    data = _data(tmp_path)
    (data.parent / "seeds" / "gamma.txt").write_text(GAMMA + "Since then, trade has grown.\n")
    since = ("gamma", "Since then, trade has grown.", "Since then")
    with (data / "events.yaml").open("a", encoding="utf-8") as events:
        events.write(_event("trade", "Trade grows", "china", since))
        events.write("        relative_to: talks\n")
    timeline = load_timeline(data)
    article = timeline.article_by_id["gamma"]
    tags = tag_text(article.text, article.published)
    assert "Since then" not in [t.text for t in tags]  # the tagger's own: "then"
    read = as_the_timeline_reads(tags, timeline, "gamma")
    pinned = next(t for t in read if t.span == timeline.event_by_id["trade"].span)
    assert pinned.text == "Since then"
    assert article.text[pinned.start : pinned.end] == pinned.text
    assert pinned.reason.startswith('"Since then"')


def test_a_date_earlier_in_the_same_sentence_is_the_nearest_mention(tmp_path: Path) -> None:
    """ "Talks opened on Monday, and the same day …": the event quoting that sentence is
    offered first, by where its date words stand, not where its quote starts."""
    text = (
        "Trade officials met on June 3.\n"
        "Talks opened on Monday, and the same day a deal was signed.\n"
    )
    talks = ("gamma", "Talks opened on Monday, and the same day a deal was signed.", "on Monday")
    events = (
        "events:\n"
        + _event("officials", "Officials meet", "china", OFFICIALS)
        + _event("talks", "Talks open", "china", talks)
    )
    data = _data(tmp_path)
    (tmp_path / "seeds" / "gamma.txt").write_text(text, encoding="utf-8")
    (data / "events.yaml").write_text(events, encoding="utf-8")
    timeline = load_timeline(data)
    article = timeline.article_by_id["gamma"]
    tags = tag_text(article.text, article_anchor(article))
    same_day = next(t for t in tags if t.text == "the same day")
    proposal = new_event_from_tag(article, same_day)
    assert (proposal.dated_by, proposal.words_at, proposal.unread) == (
        "reference", text.index("the same day"), ""
    )
    offered = mentions_in(timeline, "gamma", proposal.words_at)
    assert [m.event_id for m in offered] == ["talks", "officials"]
    assert date_against(proposal.date_text, offered[0]).timex == same_day.timex == "2021-06-21"


def test_a_mention_dated_by_the_publication_date_is_neither_offered_nor_counted_from(
    tmp_path: Path,
) -> None:
    """ "KCNA has confirmed the talks. The same day, …": the confirmation has no date
    words, so "the same day" would claim a day the article never gives."""
    text = "KCNA has confirmed the talks.\nThe same day, a deal was signed.\n"
    confirmed = ("gamma", "KCNA has confirmed the talks.", "has confirmed")
    events = "events:\n" + _event("confirmed", "Talks confirmed", "china", confirmed)
    events += "        date_basis: publication\n"
    data = _data(tmp_path)
    (tmp_path / "seeds" / "gamma.txt").write_text(text, encoding="utf-8")
    (data / "events.yaml").write_text(events, encoding="utf-8")
    timeline = load_timeline(data)
    assert timeline.event_by_id["confirmed"].sources[0].date_basis == "publication"
    assert mentions_in(timeline, "gamma", text.index("The same day")) == []
    append_event(data, NewEvent("Deal", "test", ("china",), "gamma",
                                "The same day, a deal was signed.", "The same day",
                                relative_to="confirmed"))  # fmt: skip
    check = run_cli("check", "--data", str(data))
    assert check.returncode != 0
    assert ("event 'deal' counts \"The same day\" from event 'confirmed', whose mention in "
            "article 'gamma' has no date words") in check.stderr  # fmt: skip
    assert "hint: count from an event whose quote names its time" in check.stderr


def test_words_that_name_what_they_count_from_are_not_guessed(tmp_path: Path) -> None:
    """ "A day after a public hearing" counts from the hearing: the form names no event
    for it, and says why."""
    text = "Trade officials met on June 3.\nA day after a public hearing, the deal was signed.\n"
    data = _data(tmp_path)
    (tmp_path / "seeds" / "gamma.txt").write_text(text, encoding="utf-8")
    (data / "events.yaml").write_text(
        "events:\n" + _event("officials", "Officials meet", "china", OFFICIALS), encoding="utf-8"
    )
    timeline = load_timeline(data)
    article = timeline.article_by_id["gamma"]
    tag = next(t for t in tag_text(article.text, article_anchor(article))
               if t.text == "A day after")  # fmt: skip
    proposal = new_event_from_tag(article, tag)
    assert proposal.dated_by == "reference"
    assert proposal.unread.startswith('counts from what follows it ("a public hearing")')


def test_draft_lists_a_pinned_reference_with_its_event_s_reading(tmp_path: Path) -> None:
    """`draft` leaves "The same day" out as before, but where an event quotes it with
    `relative_to` it gives that event's reading, not the tagger's guess, and names it."""
    data = _data(tmp_path)
    deal = ("gamma", "The same day, a deal was signed.", "The same day")
    with (data / "events.yaml").open("a", encoding="utf-8") as events:
        events.write(_event("deal", "Deal signed", "china", deal))
        events.write("        relative_to: talks\n")
    drafts = draft_events(load_timeline(data), "gamma")
    left = {sentence: (tag.timex, quoted_by) for sentence, tag, quoted_by in drafts.left_out}
    assert left["The same day, a deal was signed."] == ("2021-06-21", "deal")  # not June 3
    assert left["A week later, the envoys left."] == ("2021-06-10", None)  # the guess
    text = drafts_yaml("gamma", drafts)
    assert '#     "The same day": the same date as "on Monday" (event talks)' in text
    assert "#     already quoted by event 'deal'" in text


def test_a_pinned_reference_broken_over_lines_is_still_read_as_the_timeline_does(
    tmp_path: Path,
) -> None:
    """The loader finds "The same day" in "The same\\nday" (white space folded): so does
    the article view, which then shows the event's date, not the tagger's guess."""
    text = (
        "Talks opened in Beijing on Monday.\nTrade officials met on June 3.\n"
        "The same\nday, a deal was signed.\n"
    )
    data = _data(tmp_path)
    (tmp_path / "seeds" / "gamma.txt").write_text(text, encoding="utf-8")
    deal = ("gamma", "The same day, a deal was signed.", "The same day")
    (data / "events.yaml").write_text(
        EVENTS + _event("deal", "Deal signed", "china", deal) + "        relative_to: talks\n",
        encoding="utf-8",
    )
    timeline = load_timeline(data)
    source = timeline.event_by_id["deal"].sources[0]
    assert words_span(source) == (text.index("The same"), text.index("day,") + 3)
    article = timeline.article_by_id["gamma"]
    tags = tag_text(article.text, article_anchor(article))
    read = as_the_timeline_reads(tags, timeline, "gamma")
    pinned = next(t for t in read if t.text == "The same\nday")
    assert pinned.timex == "2021-06-21" == timeline.event_by_id["deal"].span.timex


def test_of_two_events_dated_by_the_same_words_the_one_on_them_is_offered_first() -> None:
    """The shipped "On Monday, the KCNA reported …": one event is the report (on
    Monday), the other the exhibition held by then; "The same day" after it is
    offered the report first."""
    from tui.load import default_data_dir

    timeline = load_timeline(default_data_dir())
    article = timeline.article_by_id["koreatimes-2021-06-24"]
    at = article.text.index("The same day")
    first, second = mentions_in(timeline, article.id, at)[:2]
    assert (first.event_id, first.span.relation) == ("kcna-reports-photo-exhibition", "on")
    assert (second.event_id, second.span.relation) == ("photo-exhibition-xi-visit", "by")
    assert first.words_start == second.words_start  # both count from "On Monday"


def test_a_length_within_longer_date_words_shows_the_date_they_give() -> None:
    """The Firstpost piece's "75 years" is a length to the tagger (P75Y), within the
    date words "75 years of diplomatic relations" an event quotes, which the loader
    reads as 1949: the article view shows that date, the value staying the tagger's."""
    from tui.datafiles import default_data_dir

    timeline = load_timeline(default_data_dir())
    article = timeline.article_by_id["firstpost-2024-04-11"]
    tags = tag_text(article.text, article_anchor(article))
    length = next(t for t in tags if t.text == "75 years")
    assert (length.type, length.timex, length.span) == ("DURATION", "P75Y", None)
    read = as_the_timeline_reads(tags, timeline, article.id)
    shown = next(t for t in read if t.text == "75 years")
    assert (shown.type, shown.timex) == ("DURATION", "P75Y")
    assert shown.span is not None and shown.span.timex == "1949"
    assert shown.reason.startswith('"75 years of diplomatic relations": 75 years before')
    # Every other tag of the article is read as the tagger reads it.
    assert [t for t in read if t.text != "75 years"] == [t for t in tags if t.text != "75 years"]
