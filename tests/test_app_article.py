"""The article view: every expression of time in an article, stepped through and explained."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from tests.app_helpers import (
    ALPHA,
    BETA,
    EVENTS,
    app_for,
    notices,
    settle,
    type_ahead,
    visible_rows,
    wait_for,
    write_data,
)
from tui.app import TimelineApp, make_app
from tui.screens.article import ArticleScreen
from tui.screens.event_form import EventFormScreen
from tui.widgets.article_text import ArticleText
from tui.widgets.find_bar import FindBar
from tui.widgets.tag_info import TagInfo
from tui.widgets.timeline_view import TimelineView


async def _opened(
    app: TimelineApp, pilot: Pilot[None]
) -> tuple[ArticleScreen, ArticleText, TagInfo]:
    """The article of the source shown, opened from the source pane (Enter, then o)."""
    await settle(pilot)
    await pilot.press("enter", "o")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    return screen, screen.query_one("#article-text", ArticleText), screen.query_one(
        "#tag-info", TagInfo
    )


async def test_o_chooses_the_sources_own_date_words_not_the_quotes_first_expression(
    tmp_path: Path,
) -> None:
    """A journalist's trial: a quote with "1936" before its date words "two years ago"
    opened with "1936" chosen, for `t` or `a` to take."""
    events = EVENTS.replace(
        "quote: 'The treaty was renewed in 2021.'",
        "quote: 'China and North Korea signed a treaty in 1961. The treaty was renewed in "
        "2021.'",
    )
    assert events != EVENTS
    app = make_app(write_data(tmp_path, events=events), event_id="renewed")
    async with app.run_test(size=(100, 30)) as pilot:
        screen, text, _ = await _opened(app, pilot)
        assert text.selected is not None and text.selected.text == "2021"
        assert screen.at is not None and text.selected.start > screen.at[0]


async def _open_from_the_palette(pilot: Pilot[None], words: str) -> None:
    """Ctrl+P, `words` typed, then Enter on the best match."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*words)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def test_o_in_the_source_pane_opens_the_article_and_n_steps_through_its_dates(
    tmp_path: Path,
) -> None:
    app = app_for(tmp_path, event_id="dialogue")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "o")  # to the source pane, then open its article
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen) and screen.article.id == "alpha"
        text = screen.query_one("#article-text", ArticleText)
        info = screen.query_one("#tag-info", TagInfo)
        assert text.has_focus
        words = [t.text for t in text.tags]
        assert words[:3] == ["June 17", "Saturday", "1961"]
        # Opened at the quote shown, its expression chosen.
        assert text.selected is not None and text.selected.text == "June 17"
        assert "Expression 1 of" in info.plain and '"June 17"' in info.plain
        assert "Date: 2021-06-17 Thu (on)" in info.plain
        assert "Type: DATE   TIMEX: 2021-06-17" in info.plain
        assert "Why: " in info.plain
        await pilot.press("n")
        assert text.selected.text == "Saturday"
        assert "TIMEX: 2021-06-19" in info.plain  # the Saturday before 24 June 2021
        await pilot.press("right_square_bracket", "N", "[")
        assert text.selected.text == "June 17"
        await pilot.press("N")  # back past the first: wraps to the last
        assert text.selected is text.tags[-1]
        assert any("Wrapped to the last expression" in n for n in notices(app))
        await pilot.press("escape")
        assert not isinstance(app.screen, ArticleScreen)


async def test_slash_searches_the_article_and_n_steps_through_the_matches(
    tmp_path: Path,
) -> None:
    """`/`, words, Enter: every place they stand is marked, the first shown; `n`/`N`
    step through those places (not the expressions) until Esc clears the search; a
    second Esc goes back. Esc in the search line cancels it and stays."""
    app = app_for(tmp_path, event_id="dialogue")
    async with app.run_test(size=(100, 30)) as pilot:
        screen, text, info = await _opened(app, pilot)
        find = screen.query_one("#article-find", FindBar)
        await pilot.press("slash")
        assert find.display and find.has_focus
        await pilot.press("escape")  # cancels the search line only
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen) and not find.display and text.has_focus
        await type_ahead(pilot, "/xi   JINPING\r")  # case and spacing aside, in one burst
        await pilot.pause()
        assert not find.display and text.has_focus
        assert [ALPHA[s:e] for s, e in text.matches] == ["Xi Jinping", "Xi Jinping"]
        assert text.match_index == 0
        assert info.border_title == "Search “xi JINPING”: 1 of 2 — n/N: next/previous; Esc: clear"
        selected = text.selected
        await pilot.press("n")
        assert text.match_index == 1 and text.selected is selected  # not the expressions
        await pilot.press("n")
        assert text.match_index == 0
        assert any("Wrapped to the first match" in n for n in notices(app))
        await pilot.press("N")
        assert text.match_index == 1
        # The current match is drawn reversed and bold, the other reversed.
        row = next(y for y in range(30) if "Xi Jinping's visit" in text.render_line(y).text)
        styles = [seg.style for seg in text.render_line(row) if "Xi Jinping" in seg.text]
        assert styles and styles[0] is not None and styles[0].reverse and styles[0].bold
        await pilot.press("slash", *"nowhere at all", "enter")
        await pilot.pause()
        assert any("“nowhere at all” is not in this article" in n for n in notices(app))
        assert len(text.matches) == 2  # the search before it stays in force
        await pilot.press("escape")  # clears the search
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen) and text.matches == ()
        assert info.border_title == "Expression"
        await pilot.press("n")  # the expressions again
        assert text.selected is not selected
        await pilot.press("escape")
        assert not isinstance(app.screen, ArticleScreen)


async def test_brackets_after_a_search_go_on_from_the_match(tmp_path: Path) -> None:
    """`]` and `[` after a search take the expression after or before the match shown,
    as vim's `]` goes on from the cursor (a trial: `]` went back to the first one)."""
    app = app_for(tmp_path, event_id="dialogue")
    async with app.run_test(size=(100, 30)) as pilot:
        _screen, text, _info = await _opened(app, pilot)
        await type_ahead(pilot, "/visit to\r")
        await pilot.pause()
        assert [ALPHA[s:e] for s, e in text.matches] == ["visit to"]
        await pilot.press("right_square_bracket")
        assert text.selected is not None and text.selected.text == "2019"
        await type_ahead(pilot, "/visit to\r")
        await pilot.pause()
        await pilot.press("left_square_bracket")
        assert text.selected is not None and text.selected.text == "2021"


async def test_the_article_search_reads_as_less_does(tmp_path: Path) -> None:
    """Keys typed after Enter step through the matches (they were typed into the line);
    a straight apostrophe finds a curly one and a hyphen a dash; a search does not run
    over a paragraph's end; an empty Enter searches again; Backspace on the empty line
    cancels it; after a move to a match, `v` selects the match's sentence and the pane's
    title says what the keys work on."""
    text_of_alpha = ALPHA + (  # the events' quotes, then more
        "\nKim’s visit to Pyongyang ended an era.\n\nDialogue ended.\n"
        "Kim’s second visit followed on Saturday, said Mr.\u00a0Park.\n"
    )
    data = write_data(tmp_path, seeds={"alpha.txt": text_of_alpha, "beta.txt": BETA})
    app = make_app(data)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.open_article("alpha")
        await pilot.pause()
        screen = app.screen
        text = screen.query_one("#article-text", ArticleText)
        info = screen.query_one("#tag-info", TagInfo)
        find = screen.query_one("#article-find", FindBar)
        await type_ahead(pilot, "/kim's\rn")  # one burst: the n after Enter steps
        await pilot.pause()
        assert text.search_words == "kim's" and len(text.matches) == 2
        assert text.match_index == 1 and not find.display
        await type_ahead(pilot, "/1950-1953\r")
        assert [text_of_alpha[s:e] for s, e in text.matches] == ["1950–1953"]
        await type_ahead(pilot, "/era. Dialogue\r")  # not over the blank line
        await pilot.pause()
        assert text.search_words == "1950-1953"
        assert any("“era. Dialogue” is not in this article" in n for n in notices(app))
        await type_ahead(pilot, "/kim's\r")
        shown = text.match_index
        await type_ahead(pilot, "/\r")  # empty: the last search again, on from the match
        assert text.search_words == "kim's" and text.match_index == (shown + 1) % 2
        await type_ahead(pilot, "/mr. park\r")  # a no-break space in the text
        assert len(text.matches) == 1
        await type_ahead(pilot, "/kim's\r")
        await pilot.press("slash", "up")  # the words searched before, latest first
        assert find.value == "kim's"
        await pilot.press("up")
        assert find.value == "mr. park"
        await pilot.press("down", "down")
        assert find.value == ""
        await pilot.press("backspace")  # on the empty line: cancelled
        await pilot.pause()
        assert not find.display and text.has_focus
        assert text.match_index is not None
        await pilot.press("n")
        second = text.matches[text.match_index][0]
        await pilot.press("v")  # the match's sentence, not the expression's
        assert text.passage is not None and text.passage.start == second
        assert info.border_title.startswith("Selected: 1 sentence")
        await pilot.press("escape")  # the selection goes; the search stays, and says so
        assert text.passage is None and text.matches
        assert info.border_title.startswith("Search “kim's”:")


async def test_the_palette_opens_any_article(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.open_article("beta")  # what "Open article: Xi in Pyongyang" calls
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen) and app.screen.article.id == "beta"
        await pilot.press("escape")
        await _open_from_the_palette(pilot, "Open article: Xi in")
        assert isinstance(app.screen, ArticleScreen) and app.screen.article.id == "beta"


async def test_the_palette_in_the_article_view_opens_another_article(tmp_path: Path) -> None:
    """Ctrl+P in the article view lists the other articles (a trial found only Textual's
    own commands there); the one chosen takes this one's place, and Esc goes back to the
    explorer."""
    from tui.palette import ArticleCommands

    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.open_article("alpha")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        hits = [str(hit.text) async for hit in ArticleCommands(screen).search("Open article")]
        assert hits and all("Open article" in h for h in hits)
        assert not [h for h in hits if screen.article.title in h]  # not the one shown
        await _open_from_the_palette(pilot, "Open article: Xi in")
        assert isinstance(app.screen, ArticleScreen) and app.screen.article.id == "beta"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleScreen)


async def test_the_palette_gives_each_article_its_date(tmp_path: Path) -> None:
    """Three articles of one outlet differed only by their titles."""
    from tui.palette import TimelineCommands
    from tui.present import published_compact

    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        hits = [hit async for hit in TimelineCommands(app.screen).search("Open article")]
        articles = app.screen.timeline.articles
        assert len(hits) == len(articles)
        texts = {str(hit.text) for hit in hits}
        assert texts == {f"Open article: {a.title} · {published_compact(a)}" for a in articles}
        dated = [hit async for hit in TimelineCommands(app.screen).search("open 2019")]
        assert [str(hit.text) for hit in dated] == [
            f"Open article: {a.title} · {published_compact(a)}" for a in articles
            if a.published.year == 2019
        ]


async def test_text_from_the_article_is_never_markup(tmp_path: Path) -> None:
    hostile = ALPHA + "Officials met [bold red]on Monday[/] \x1b[31min March 2020.\n"
    data = write_data(tmp_path, seeds={"alpha.txt": hostile, "beta.txt": BETA})
    app = make_app(data)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.open_article("alpha")
        await pilot.pause()
        text = app.screen.query_one("#article-text", ArticleText)
        await pilot.press("N")  # the last expression: "March 2020"
        await pilot.pause()
        assert text.selected is not None and text.selected.text == "March 2020"
        rows = "\n".join(visible_rows(text))
        assert "[bold red]on Monday[/] ␛[31min March 2020." in rows


async def test_t_turns_an_expression_into_an_event_that_appears_selected(
    tmp_path: Path,
) -> None:
    app = app_for(tmp_path, event_id="war", actors=["china"])
    app.reload_interval = 0.05
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.open_article("beta")
        await pilot.pause()
        article_screen = app.screen
        await pilot.press("t")  # nothing chosen yet: says so
        await pilot.pause()
        assert any("Choose an expression first" in n for n in notices(app))
        await pilot.press("n")  # "Thursday"
        await pilot.press("t")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EventFormScreen)
        assert form.quote == "Xi Jinping visited Pyongyang on Thursday."
        assert form.date_text == "Thursday"
        actors = form.query_one("#form-actors", Input)
        assert actors.value == "xi-jinping"  # recognised by name
        await pilot.press(*"Xi in Pyongyang again")
        await pilot.press("enter")  # on to the kind, still empty
        await pilot.pause()
        assert app.screen is form and form.query_one("#form-kind", Input).has_focus
        form.query_one("#form-title", Input).value = " "
        await pilot.press("enter")  # the kind is needed: Enter stays and says so
        await pilot.pause()
        assert form.query_one("#form-kind", Input).has_focus
        assert str(form.query_one("#form-warning", Static).render()) == "Give a kind."
        await pilot.press("tab")  # on to the actors the form filled in, for a look
        await pilot.pause()
        assert actors.has_focus
        await pilot.press("enter")  # no title: the form stays, says why, goes back to it
        await pilot.pause()
        assert app.screen is form
        assert "Give a title and a kind" in str(form.query_one("#form-warning", Static).render())
        assert form.query_one("#form-title", Input).has_focus  # typing goes there, not over
        form.query_one("#form-title", Input).value = "Xi in Pyongyang again"  # the actors
        actors.focus()
        await pilot.press("enter")  # only what is missing is named
        await pilot.pause()
        assert str(form.query_one("#form-warning", Static).render()) == "Give a kind."
        assert form.query_one("#form-kind", Input).has_focus
        form.query_one("#form-title", Input).value = "Xi in Pyongyang again"
        form.query_one("#form-kind", Input).value = "visit"
        actors.value = "xi-jinping, kim-jong-nu"
        form.query_one("#form-title", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "Unknown actor id: kim-jong-nu" in str(
            form.query_one("#form-warning", Static).render()
        )
        actors.value = "xi-jinping, kim-jong-un"
        await pilot.press("enter")
        # reloaded, and shown selected by the explorer (its reload ends after the app's)
        await wait_for(
            pilot,
            lambda: app.explorer.timeline_view.selected_event_id == "xi-in-pyongyang-again",
        )
        assert app.screen is not article_screen and not isinstance(app.screen, EventFormScreen)
        event = app.timeline.event_by_id["xi-in-pyongyang-again"]
        assert event.actors == ("xi-jinping", "kim-jong-un") and event.kind == "visit"
        assert event.span.timex == "2019-06-20"
        view = app.screen.query_one("#timeline", TimelineView)
        # The watcher may see the new file before the explorer asks for the reload
        # that selects the event: that reload comes next.
        await wait_for(pilot, lambda: view.selected_event_id == "xi-in-pyongyang-again")
        event = app.timeline.event_by_id["xi-in-pyongyang-again"]
        assert app.screen.event is event
        assert not app.problems


async def test_q_in_the_article_view_goes_back_to_the_explorer(tmp_path: Path) -> None:
    """As VisiData's q closes a sheet: back to the explorer, not out of the app."""
    app = make_app(write_data(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.open_article("alpha")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleScreen) and app.is_running
        await pilot.press("q")  # in the explorer q still quits
        await pilot.pause()
        assert not app.is_running


async def test_a_long_explanation_is_shown_whole_at_80_by_24() -> None:
    """A publication window's explanation takes six lines at 80 columns: the pane
    grows to hold it (up to half the screen) instead of cutting it off."""
    from tests.app_helpers import screen_text
    from tui.load import default_data_dir

    app = make_app(default_data_dir())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.open_article("b23435-2024-04-15")  # published some day in 13–19 Apr 2024
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        info = app.screen.query_one("#tag-info", TagInfo)
        assert "so the date is" in info.plain and info.plain.endswith("(approximate)")
        shown = screen_text(app)
        assert "– Fri 19 Apr 2024 (approximate)" in shown  # its last line
        assert info.region.height <= 12  # half the screen at most: the article keeps room


async def test_o_opens_the_article_at_the_quote_shown() -> None:
    """`o` from an event lands on its quote: the quote's expression is chosen, or, with
    none (a report dated by the publication date), `v` selects the quote's sentence."""
    cases = [  # (event, the expression chosen, the sentence `v` then selects)
        ("g7-summit-pressure", "earlier this month", "“During the Group of Seven Summit"),
        ("kcna-confirms-zhao-visit", None, "Meanwhile, North Korea’s state media agency"),
    ]
    for event_id, chosen, sentence in cases:
        app = make_app(event_id=event_id)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("o")
            await pilot.pause()
            assert isinstance(app.screen, ArticleScreen)
            text = app.screen.query_one("#article-text", ArticleText)
            quote = app.timeline.event_by_id[event_id].sources[0]
            top = round(text.scroll_offset.y)
            height = text.scrollable_content_region.height
            assert top <= text.line_of_offset(quote.quote_start) < top + height  # in view
            assert (text.selected.text if text.selected else None) == chosen
            await pilot.press("v")
            assert text.passage is not None
            article = app.timeline.article_by_id[quote.article_id]
            assert text.passage.quote(article.text).startswith(sentence)


async def test_keys_typed_with_o_act_in_the_article_view_on_the_quote() -> None:
    """A trial: "o v" in one burst, the explorer took `v` ("t and v work in the article
    view"); a moment apart, `v` selected the article's first sentence, as the view was
    not yet at the quote, and "o v t" made an event of the wrong words."""
    event_id = "kcna-confirms-zhao-visit"
    app = make_app(event_id=event_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_ahead(pilot, "ov")
        await wait_for(pilot, lambda: isinstance(app.screen, ArticleScreen))
        text = app.screen.query_one("#article-text", ArticleText)
        await wait_for(pilot, lambda: text.passage is not None)
        quote = app.timeline.event_by_id[event_id].sources[0]
        article = app.timeline.article_by_id[quote.article_id]
        assert text.passage is not None
        assert text.passage.quote(article.text).startswith(
            "Meanwhile, North Korea’s state media agency"
        )
        assert not [n for n in notices(app) if "work in the article view" in n]


def _article_shown(app: object) -> bool:
    return isinstance(app.screen, ArticleScreen)  # type: ignore[attr-defined]


async def test_keys_typed_before_o_act_first_and_those_after_it_in_the_article() -> None:
    """A review: `o` made a priority key ran ahead of the keys sent before it: "/korea"
    opened the article view, "jo" the first event's article; made a key in its turn,
    "jjo" opened the article of the event the panes still showed (the message that
    shows the new one was still on its way). And "on" lost its `n`: the view, once
    laid out, chose the quote's first expression over it."""
    app = make_app(event_id="diplomatic-relations-established")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_ahead(pilot, "/korea")
        await settle(pilot)
        assert not isinstance(app.screen, ArticleScreen)
        assert app.screen.query_one("#search", Input).value == "korea"
        await type_ahead(pilot, "\x1b")
        await settle(pilot)
        view = app.screen.query_one("#timeline", TimelineView)
        view.focus()
        first = view.selected_event_id
        await type_ahead(pilot, "jjo")  # the event two down: its article, at its quote
        await wait_for(pilot, lambda: isinstance(app.screen, ArticleScreen))
        third = app.timeline.event_by_id[view.selected_event_id]
        assert third.id != first
        quote = third.sources[0]
        assert app.screen.article.id == quote.article_id
        assert app.screen.at == (quote.quote_start, quote.quote_end)
    # "o n" in one burst chooses what `o`, then `n`, a moment apart, choose.
    chosen = []
    for keys in (["o", "n"], ["on"]):
        each = make_app(event_id="korean-war")
        async with each.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for burst in keys:
                await type_ahead(pilot, burst)
                await wait_for(pilot, partial(_article_shown, each))
                await settle(pilot)
            chosen.append(each.screen.query_one("#article-text", ArticleText).current)
    assert chosen[0] == chosen[1] and chosen[0] is not None


async def test_n_goes_on_from_the_quote_the_article_was_opened_at(tmp_path: Path) -> None:
    """Opened at a quote with no expression of its own, `n` selects the first one after
    it and `N` the last one before it, as vim's `n` goes on from the cursor."""
    seed = ALPHA.replace("The treaty was renewed in 2021.\n",
                         "The treaty was renewed in 2021.\nNorth Korea has confirmed the visit.\n")
    events = (
        "events:\n  - id: confirmed\n    title: Visit confirmed\n    kind: report\n"
        "    actors: [china, xi-jinping, kim-jong-un]\n    sources:\n      - article: alpha\n"
        "        quote: 'North Korea has confirmed the visit.'\n"
        "        date_text: 'has confirmed'\n        date_basis: publication\n"
    )  # fmt: skip
    data = write_data(tmp_path, events=events, seeds={"alpha.txt": seed, "beta.txt": BETA})
    for key, expected in (("n", "2019"), ("N", "2021")):
        app = make_app(data, event_id="confirmed")
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("enter", "o")
            await pilot.pause()
            text = app.screen.query_one("#article-text", ArticleText)
            assert isinstance(app.screen, ArticleScreen) and text.selected is None
            await pilot.press(key)
            assert text.selected is not None and text.selected.text == expected, key
            assert not any("Wrapped" in n for n in notices(app))


async def test_a_quote_at_the_end_of_a_long_article_is_in_view_once_the_why_is_shown(
    tmp_path: Path,
) -> None:
    """The expression pane grows with its explanation after the article is scrolled:
    the quote at the article's end went below the view, shown only after `N` `n`."""
    filler = "".join(
        f"Paragraph {i} of the report says what the council knew and when it knew it.\n\n"
        for i in range(30)
    )
    seed = filler + "Okafor said the full report will be made public by Easter.\n"
    events = (
        "events:\n  - id: by-easter\n    title: Report public by Easter\n    kind: report\n"
        "    actors: [china, xi-jinping, kim-jong-un]\n    sources:\n      - article: alpha\n"
        "        quote: 'Okafor said the full report will be made public by Easter.'\n"
        "        date_text: 'Easter'\n"
    )  # fmt: skip
    data = write_data(tmp_path, events=events, seeds={"alpha.txt": seed, "beta.txt": BETA})
    app = make_app(data, event_id="by-easter")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "o")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        text = app.screen.query_one("#article-text", ArticleText)
        assert text.selected is not None and text.selected.text == "Easter"
        top = round(text.scroll_offset.y)
        height = text.scrollable_content_region.height
        line = text.line_of_offset(seed.index("Okafor said"))
        assert top <= line < top + height, (top, height, line)


async def test_slash_leaves_the_view_and_enter_shows_the_match() -> None:
    """A new-user trial at 80×24: `/` scrolled the article back to the chosen expression
    (the search line made the text shorter), and after Enter the match said "1 of 1"
    lay out of view, the view sent back to the expression as the line closed."""
    app = make_app(event_id="kim-jong-un-possible-china-visit-2021")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        text = screen.query_one("#article-text", ArticleText)
        await pilot.press("g")
        await pilot.pause()
        assert text.scroll_offset.y == 0
        await pilot.press("slash")
        await pilot.pause()
        assert text.scroll_offset.y == 0  # as in less: the view stays
        await pilot.press(*"Ned Price", "enter")
        await pilot.pause()
        assert len(text.matches) == 1 and text.match_index == 0
        top, height = round(text.scroll_offset.y), text.scrollable_content_region.height
        line = text.line_of_offset(text.matches[0][0])
        assert top <= line < top + height
        assert any("Ned Price" in text.render_line(y).text for y in range(height))


async def test_at_a_match_the_pane_below_explains_the_expression_of_its_sentence(
    tmp_path: Path,
) -> None:
    """A journalist's trial: after `/`, the pane below still explained the expression
    chosen before, while `t` worked on the match's sentence."""
    app = app_for(tmp_path, event_id="dialogue")
    async with app.run_test(size=(100, 30)) as pilot:
        _, text, info = await _opened(app, pilot)
        assert '"June 17"' in info.plain  # opened at the quote, its expression chosen
        await type_ahead(pilot, "/Xi Jinping\r")
        await pilot.pause()
        assert text.match_index == 0 and '"Saturday"' in info.plain  # its sentence's
        await pilot.press("n")
        await pilot.pause()
        assert '"2019"' in info.plain
        await type_ahead(pilot, "/must be\r")
        await pilot.pause()
        assert '"June 17"' in info.plain
        await type_ahead(pilot, "/Saturday\r")  # the expression the match falls on
        await pilot.pause()
        assert '"Saturday"' in info.plain
        await type_ahead(pilot, "/2019\r")  # not its sentence's first ("2019" after "in")
        await pilot.pause()
        assert '"2019"' in info.plain
        await type_ahead(pilot, "/North.\r")  # a sentence with a range only: its own
        await pilot.pause()
        assert "1950" in info.plain
        await pilot.press("escape")  # the search cleared: the expression chosen before
        await pilot.pause()
        assert text.matches == () and '"June 17"' in info.plain


async def test_a_match_in_a_sentence_without_dates_says_so(tmp_path: Path) -> None:
    write_data(tmp_path)
    seed = tmp_path / "seeds" / "alpha.txt"
    seed.write_text(ALPHA + "Nothing happened here at all.\nTalks began in 2018 and resumed in "
                    "2020.\n", encoding="utf-8")  # fmt: skip
    app = make_app(tmp_path / "data", event_id="dialogue")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "o")
        await pilot.pause()
        info = app.screen.query_one("#tag-info", TagInfo)
        await type_ahead(pilot, "/happened here\r")
        await pilot.pause()
        assert info.plain == "No expression of time in the sentence of this match."
        # A trial: the expression the match falls on, not its sentence's first.
        await type_ahead(pilot, "/resumed in 2020\r")
        await pilot.pause()
        assert '"2020"' in info.plain and '"2018"' not in info.plain
        await pilot.press("t")  # dated by the expression the pane explains
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EventFormScreen)
        assert form.quote == "Talks began in 2018 and resumed in 2020."
        assert form.date_text == "2020"


async def test_the_explorers_notices_go_when_the_article_opens(tmp_path: Path) -> None:
    """A trial: a notice from the explorer stayed over the article's text for its seconds."""
    app = app_for(tmp_path, event_id="dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.notify("A notice of the timeline.", markup=False)
        await pilot.pause()
        assert list(app._notifications)
        screen, _, _ = await _opened(app, pilot)
        assert not list(app._notifications)
        screen.notify("One of the article.", markup=False)  # the article's own stay
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["One of the article."]
