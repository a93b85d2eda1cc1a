"""The source pane: cycling an event's sources and the reverse jump to the timeline."""

from __future__ import annotations

from pathlib import Path

from tests.app_helpers import app_for
from tui.widgets.event_detail import EventDetail
from tui.widgets.source_view import SourceView
from tui.widgets.timeline_view import TimelineView


async def test_n_and_N_cycle_the_sources_of_an_event(tmp_path: Path) -> None:
    app = app_for(tmp_path, event_id="visit")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        screen = app.screen
        source = screen.query_one("#source", SourceView)
        assert source.article is not None and source.article.id == "beta"
        assert screen.check_action("cycle_source", (1,)) is True
        await pilot.press("n")
        assert screen.source_index == 1
        assert source.article.id == "alpha"
        quote = source.current_quote
        assert quote is not None and quote.event_id == "visit" and quote.source_index == 1
        assert "▶ 2. Alpha News" in screen.query_one("#detail", EventDetail).plain
        await pilot.press("N")
        assert source.article.id == "beta" and screen.source_index == 0
        await pilot.press("N")
        assert source.article.id == "alpha"
        # an event with a single source: n/N are disabled
        await pilot.press("g")
        await pilot.pause()
        assert screen.check_action("cycle_source", (1,)) is False
        await pilot.press("n")
        assert screen.source_index == 0


async def test_reverse_jump_from_a_quote_to_its_event(tmp_path: Path) -> None:
    app = app_for(tmp_path, event_id="dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        source = app.screen.query_one("#source", SourceView)
        assert source.has_focus
        # alpha's quotes in text order: dialogue, message, treaty, renewed, visit, war
        order = [q.event_id for q in source.quotes]
        assert order == ["dialogue", "message", "treaty", "renewed", "visit", "war"]
        await pilot.press("right_square_bracket")
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        assert view.selected_event_id == "message"
        assert app.screen.event.id == "message"
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await pilot.pause()
        # the visit is cited in alpha as its second source: that source stays shown
        assert view.selected_event_id == "visit"
        assert app.screen.source_index == 1 and source.article.id == "alpha"
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert view.selected_event_id == "renewed"
        assert source.has_focus


async def test_clearing_filters_keeps_the_event_the_reader_is_on(tmp_path: Path) -> None:
    """After a reverse jump to an event the filter hides, clearing keeps that event."""
    from tests.app_helpers import app_for
    from tui.widgets.event_detail import EventDetail
    from tui.widgets.timeline_view import TimelineView

    app = app_for(tmp_path, actors=["xi-jinping"], event_id="visit")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("n")  # the visit's second source is in article alpha
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        for _ in range(6):  # walk the quotes of alpha until one of a hidden event
            await pilot.press("right_square_bracket")
            await pilot.pause()
            if screen.event is not None and screen.event.id in ("war", "treaty", "dialogue"):
                break
        hidden = screen.event.id
        assert hidden in ("war", "treaty", "dialogue")
        await pilot.press("escape", "c")
        await pilot.pause()
        view = screen.query_one("#timeline", TimelineView)
        assert view.selected_event_id == hidden
        assert screen.query_one("#detail", EventDetail).plain.splitlines()[0] == (
            app.timeline.event_by_id[hidden].title
        )


async def test_a_start_filter_that_matches_nothing_shows_no_event(tmp_path: Path) -> None:
    from tests.app_helpers import app_for
    from tui.widgets.event_detail import EventDetail

    app = app_for(tmp_path, years=[1800])
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.screen.event is None
        assert app.screen.query_one("#detail", EventDetail).plain == "No event selected."


async def test_keys_that_would_do_nothing_are_not_offered(tmp_path: Path) -> None:
    from tests.app_helpers import app_for
    from tui.widgets.source_view import SourceView
    from tui.widgets.timeline_view import TimelineView

    app = app_for(tmp_path, event_id="trade")  # article beta holds two quotes
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        source = app.screen.query_one("#source", SourceView)
        assert view.check_action("open", ()) is True
        assert source.check_action("next_quote", ()) is True
        app.screen.apply_filter(app.screen.filter.with_year_toggled(1800))
        await pilot.pause()
        assert view.check_action("open", ()) is False
        assert source.check_action("next_quote", ()) is False
