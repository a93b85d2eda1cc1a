"""The article view's passage selection: v, ) and (, Enter for an event, Esc to drop it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from tests.app_helpers import ALPHA, BETA, app_for, notices, settle, wait_for, write_data
from tests.conftest import run_cli
from tui.app import make_app
from tui.screens.article import ArticleScreen
from tui.screens.event_form import EventFormScreen
from tui.widgets.article_text import ArticleText
from tui.widgets.find_bar import FindBar
from tui.widgets.tag_info import TagInfo


def _footer_ids(app: object) -> set[str]:
    """The ids of the bindings the footer shows now."""
    bindings = app.screen.active_bindings  # type: ignore[attr-defined]
    return {b.binding.id for b in bindings.values() if b.binding.show}


async def test_v_selects_sentences_and_esc_drops_them_before_leaving(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.open_article("alpha")  # type: ignore[attr-defined]
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        text = screen.query_one("#article-text", ArticleText)
        info = screen.query_one("#tag-info", TagInfo)
        shown = _footer_ids(app)
        assert {"article.select", "article.back", "article.new_event"} <= shown
        assert not shown & {"article.select_next", "article.select_cancel"}
        await pilot.press("right_parenthesis", "enter", "o")  # no selection: they say so
        await pilot.pause()
        assert text.passage is None and app.screen is screen
        said = [n for n in notices(app) if n.startswith("Nothing is selected: v selects")]
        assert len(said) == 3
        await pilot.press("slash")  # a pager's search key: the search line
        await pilot.pause()
        assert isinstance(app.focused, FindBar)
        await pilot.press("escape")  # cancels the line, leaves the article be
        await pilot.pause()
        assert app.screen is screen and not isinstance(app.focused, FindBar)
        app.clear_notifications()
        await pilot.press("v")  # nothing chosen: the first sentence in view
        assert text.passage is not None
        assert text.passage.quote(ALPHA) == ALPHA.splitlines()[0]
        assert info.border_title is not None and "Selected: 1 sentence" in info.border_title
        shown = _footer_ids(app)
        assert {"article.select_next", "article.select_cancel", "article.new_event"} <= shown
        assert "article.select" not in shown and "article.back" not in shown
        await pilot.press("right_parenthesis", "right_parenthesis", "left_parenthesis")
        assert text.passage.quote(ALPHA) == "\n".join(ALPHA.splitlines()[:2])
        await pilot.press("left_parenthesis", "left_parenthesis")  # at the first: says so
        assert any("first sentence is selected" in n for n in notices(app))
        await pilot.press("escape")  # drops the selection, stays in the article
        assert text.passage is None and app.screen is screen
        assert info.border_title == "Expression"
        await pilot.press("v", "v")  # v again drops it too, as in vim
        assert text.passage is None
        await pilot.press("escape")
        assert not isinstance(app.screen, ArticleScreen)


async def test_enter_turns_the_selected_sentences_into_an_event(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    app.reload_interval = 0.05
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.open_article("alpha")  # type: ignore[attr-defined]
        await pilot.pause()
        text = app.screen.query_one("#article-text", ArticleText)
        await pilot.press("n", "n")  # "Saturday", in the second sentence
        assert text.selected is not None and text.selected.text == "Saturday"
        await pilot.press("v", "right_parenthesis", "enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EventFormScreen)
        lines = ALPHA.splitlines()
        assert form.quote == f"{lines[1]}\n{lines[2]}"  # the article's bytes, line break kept
        assert form.date_text == "Saturday"  # the selected expression's words
        assert form.query_one("#form-actors", Input).value == "china, north-korea, xi-jinping"
        # Enter stops once in the actors the form filled in, then adds the event.
        await pilot.press(*"Xi's message and the treaty", "enter", *"message", "enter", "enter")
        await wait_for(pilot, lambda: "xi-s-message-and-the-treaty" in app.timeline.event_by_id)
        event = app.timeline.event_by_id["xi-s-message-and-the-treaty"]
        assert event.sources[0].quote == form.quote and event.span.timex == "2021-06-19"
    check = run_cli("check", "--data", str(tmp_path / "data"))
    assert check.returncode == 0, check.stderr


async def test_a_report_with_no_date_words_is_added_dated_by_the_publication_date(
    tmp_path: Path,
) -> None:
    """v on a sentence with no expression of time: the form says the verb form dates it
    by the publication date, and the event is written with `date_basis: publication`."""
    report = "North Korea has confirmed the visit.\n"
    data = write_data(tmp_path, seeds={"alpha.txt": report + ALPHA, "beta.txt": BETA})
    app = make_app(data)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        app.screen.open_article("alpha")  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("v", "t")  # nothing chosen: the first sentence, which has no date
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EventFormScreen)
        said = str(form.query_one("#form-date", Static).render())
        assert said.startswith("→ by 2021-06-24 Thu: no date words, so dated by the "
                               "publication date; “has confirmed”: a completed act")  # fmt: skip
        await pilot.press(*"Visit confirmed", "enter", *"statement", "enter", *"kim-jong-un",
                          "enter")  # fmt: skip
        await wait_for(pilot, lambda: "visit-confirmed" in app.timeline.event_by_id)
        source = app.timeline.event_by_id["visit-confirmed"].sources[0]
        assert (source.quote, source.date_text) == (report.strip(), "has confirmed")
        assert (source.span.relation, source.span.timex) == ("by", "2021-06-24")
        assert not app.problems
    assert "        date_basis: publication\n" in (data / "events.yaml").read_text("utf-8")


async def test_o_goes_to_the_other_end_so_the_first_sentence_can_be_left_behind(
    tmp_path: Path,
) -> None:
    """vim's `o`: with two sentences selected, `o` then `)` leaves the first behind, so
    a sentence after a dated one is selected on its own."""
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.open_article("alpha")  # type: ignore[attr-defined]
        await pilot.pause()
        text = app.screen.query_one("#article-text", ArticleText)
        await pilot.press("o")  # no selection: `o` does nothing here
        assert text.passage is None and isinstance(app.screen, ArticleScreen)
        await pilot.press("n", "v", "right_parenthesis")  # "June 17": lines 1 and 2
        assert text.passage is not None
        assert text.passage.quote(ALPHA) == "\n".join(ALPHA.splitlines()[:2])
        await pilot.press("o", "right_parenthesis")
        assert text.passage.quote(ALPHA) == ALPHA.splitlines()[1]
        await pilot.press("o", "right_parenthesis")  # back to the far end: on it grows
        assert text.passage.quote(ALPHA) == "\n".join(ALPHA.splitlines()[1:3])
