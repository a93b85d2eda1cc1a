"""Keys a keyboard trial found doing nothing, or the unexpected: Enter in the event and
source panes, `j` on the density strip, an event found by its id in the palette,
and `n`/`N` in the article view after scrolling away with `g`/`G`."""

from __future__ import annotations

from pathlib import Path

from tests.app_helpers import app_for, settle
from tui.screens.article import ArticleScreen
from tui.widgets.article_text import ArticleText
from tui.widgets.event_detail import EventDetail
from tui.widgets.source_view import SourceView
from tui.widgets.timeline_view import TimelineView


async def test_enter_goes_deeper_from_the_event_and_the_source_panes(tmp_path: Path) -> None:
    """Timeline → source with Enter already; now the event pane → the source, and the
    source → its article at the quote (as `o`)."""
    app = app_for(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one(EventDetail).focus()
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.focused, SourceView) and app.focused.id == "source"
        quote = app.focused.current_quote
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert quote is not None
        assert app.screen.query_one(ArticleText).opened_at == quote.start


async def test_j_on_the_density_strip_goes_down_into_the_timeline(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("shift+tab")
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "density"
        await pilot.press("j")
        await settle(pilot)
        assert isinstance(app.focused, TimelineView)


async def test_the_palette_finds_an_event_by_its_id(tmp_path: Path) -> None:
    """`list --ids` and `--event` name events by id; the palette matched titles only."""
    from tui.palette import TimelineCommands

    app = app_for(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        event = app.screen.timeline.events[-1]  # type: ignore[attr-defined]
        provider = TimelineCommands(app.screen)
        hits = [hit async for hit in provider.search(event.id)]
        (hit,) = [hit for hit in hits if hit.text == f"Go to event: {event.title}"]
        assert event.id in str(hit.help)  # shown beside its date
        hit.command()
        await settle(pilot)
        assert app.screen.query_one(TimelineView).selected_event_id == event.id


async def test_n_after_g_goes_on_from_the_view_not_from_an_expression_out_of_it(
    tmp_path: Path,
) -> None:
    """Opened at its last expressions, `g` then `n` went back down to the one after the
    expression chosen, out of sight; as in less and vim, it now takes the first in
    view, and `G` then `N` the last in view."""
    from tui.app import make_app

    app = make_app()  # the shipped data, on its first event: "75 years ago"
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        text = app.screen.query_one(ArticleText)
        assert text.current is not None and 0 < text.current < len(text.tags) - 1
        await pilot.press("g", "n")
        await settle(pilot)
        assert text.current == 0
        await pilot.press("G", "N")
        await settle(pilot)
        assert text.current == len(text.tags) - 1


async def test_help_opens_at_the_keys_of_where_it_was_asked(tmp_path: Path) -> None:
    """From the article view, help opened on the explorer's keys: its own were a page
    below. It opens at them now (the keys of everywhere still above)."""
    from tui.screens.help import HelpScreen, KeyList

    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.query_one(KeyList).scroll_offset.y == 0
        await pilot.press("escape", "o")
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.query_one(KeyList)
        lines = app.screen.text.plain.split("\n")
        assert lines[round(keys.scroll_offset.y)] == "Article view"


async def test_help_is_searched_with_slash_and_n(tmp_path: Path) -> None:
    """A trial: about 90 lines of keys, and `/` did nothing in help, as it does in
    less and in vim's `:help`."""
    from tui.screens.help import HelpScreen, KeyList

    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark", "slash", *"next match", "enter")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.query_one(KeyList)
        lines = app.screen.text.plain.split("\n")
        found = [i for i, line in enumerate(lines) if "next match" in line.casefold()]
        assert len(found) > 1
        assert round(keys.scroll_offset.y) == min(found[0], keys.max_scroll_y)
        assert f"1 of {len(found)}" in str(keys.border_subtitle)
        await pilot.press("n")
        await settle(pilot)
        assert f"2 of {len(found)}" in str(keys.border_subtitle)
        await pilot.press("slash", *"no such key here", "enter")
        await settle(pilot)
        assert "not in the keys" in str(keys.border_subtitle)
        await pilot.press("escape")  # the search line is closed: Esc closes help
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)
