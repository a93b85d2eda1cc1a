"""The source pane: cycling an event's sources and the reverse jump to the timeline."""

from __future__ import annotations

from pathlib import Path

from tests.app_helpers import app_for
from tui.widgets.event_detail import EventDetail
from tui.widgets.source_view import SourceView
from tui.widgets.timeline_view import TimelineView


async def test_s_and_S_cycle_the_sources_of_an_event(tmp_path: Path) -> None:
    app = app_for(tmp_path, event_id="visit")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        screen = app.screen
        source = screen.query_one("#source", SourceView)
        assert source.article is not None and source.article.id == "beta"
        assert "1/2 · 2019-06-21 (inferred) · Beta Wire · Xi in Pyongyang" in str(
            source.border_title
        )
        await pilot.press("s")
        assert screen.source_index == 1
        assert source.article.id == "alpha"
        quote = source.current_quote
        assert quote is not None and quote.event_id == "visit" and quote.source_index == 1
        assert "▶ 2. Alpha News" in screen.query_one("#detail", EventDetail).plain
        assert str(source.border_title).startswith("2/2 · 2021-06-24 · Alpha News · Kim calls")
        await pilot.press("S")
        assert source.article.id == "beta" and screen.source_index == 0
        await pilot.press("S")
        assert source.article.id == "alpha"
        # an event with a single source: s says so and changes nothing
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert screen.source_index == 0
        assert any("single source" in n.message for n in app._notifications)


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


async def test_the_source_panes_keys_work_from_the_timeline(tmp_path: Path) -> None:
    """`]`, `[` and `o` in the timeline act on the source shown, as in its pane: the
    next quote's event is selected there, the focus stays, and `o` opens the article."""
    from tui.screens.article import ArticleScreen

    app = app_for(tmp_path, event_id="dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        assert view.has_focus
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert view.selected_event_id == "message" and view.has_focus
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert view.selected_event_id == "dialogue"
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen) and app.screen.article.id == "alpha"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("slash", "o", "[", "]")  # in the search box they are typed
        await pilot.pause()
        assert not isinstance(app.screen, ArticleScreen)
        assert app.screen.query_one("#search").value == "o[]"


async def test_quote_keys_skip_events_the_filters_hide_and_say_when_they_wrap(
    tmp_path: Path,
) -> None:
    """Finding 10: `]`/`[` never select a hidden event, and a wrap is announced."""
    app = app_for(tmp_path, actors=["xi-jinping"], event_id="visit")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("s")  # the visit's second source is in article alpha
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        source = screen.query_one("#source", SourceView)
        view = screen.query_one("#timeline", TimelineView)
        # alpha's quotes: dialogue, message, treaty, renewed, visit, war; Xi keeps two
        assert source.has_focus and source.current_quote.event_id == "visit"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert view.selected_event_id == "message" and screen.event.id == "message"
        assert any("Wrapped to the first quote" in n.message for n in app._notifications)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert view.selected_event_id == "visit"
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert view.selected_event_id == "visit"
        assert any("Wrapped to the last quote" in n.message for n in app._notifications)
        # clearing the filters keeps the event the reader is on
        await pilot.press("escape", "c")
        await pilot.pause()
        assert view.selected_event_id == "visit"
        assert screen.query_one("#detail", EventDetail).plain.splitlines()[0] == (
            "Xi visits Pyongyang"
        )


async def test_a_start_filter_that_matches_nothing_shows_no_event(tmp_path: Path) -> None:
    from tests.app_helpers import app_for
    from tui.widgets.event_detail import EventDetail

    app = app_for(tmp_path, years=[1800])
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.screen.event is None
        assert app.screen.query_one("#detail", EventDetail).plain == "No event selected."


async def test_keys_that_would_do_nothing_are_not_offered_or_say_why(
    tmp_path: Path,
) -> None:
    from tests.app_helpers import app_for
    from tui.widgets.source_view import SourceView
    from tui.widgets.timeline_view import TimelineView

    app = app_for(tmp_path, event_id="trade")  # article beta holds two quotes
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        source = app.screen.query_one("#source", SourceView)
        assert view.check_action("open", ()) is True
        app.screen.apply_filter(app.screen.filter.with_year_toggled(1800))
        await pilot.pause()
        assert view.check_action("open", ()) is False
        assert app.screen.event is None
        source.focus()
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert any("No other quote" in n.message for n in app._notifications)


async def test_the_highlighted_quote_stays_bold_where_another_events_quote_overlaps() -> None:
    """Without colour, bold marks the event's quote: the treaty event quotes "around
    July 11" too, and its underline was drawn over the highlight there."""
    from tui.app import make_app

    event_id = "kim-jong-un-possible-china-visit-2021"
    app = make_app(event_id=event_id)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        source = app.screen.query_one("#source", SourceView)
        quote = source.current_quote
        assert quote is not None and quote.event_id == event_id
        others = [q for q in source.quotes if q is not quote
                  and q.start < quote.end and quote.start < q.end]
        assert others, "the shipped data has a quote overlapping this one"
        strong = source.line_style("source--quote")
        checked = 0
        for index in range(len(source._header), len(source._header) + len(source._text_lines)):
            start, end = source._text_lines[index - len(source._header)]
            if end <= quote.start or start >= quote.end:
                continue
            line = source.styled_line(index)
            for offset in range(max(quote.start, start), min(quote.end, end)):
                if not source._safe_text[offset].isspace():
                    style = line.get_style_at_offset(app.console, offset - start)
                    assert style.bold == strong.bold and style.bgcolor == strong.bgcolor, offset
                    checked += 1
        words = source._safe_text[quote.start : quote.end]
        assert checked == sum(1 for c in words if not c.isspace())


async def test_s_typed_with_the_moves_cycles_the_event_they_reached(tmp_path: Path) -> None:
    """A review: "jjjs" in one burst cycled (or said "a single source" of) the event
    the panes showed before the moves, whose message was still on its way."""
    from tests.app_helpers import type_ahead

    app = app_for(tmp_path, event_id="war")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        rows = [app.timeline.events[p] for p in view.positions]
        at = next(i for i, e in enumerate(rows) if e.id == view.selected_event_id)
        target = next((i for i in range(at + 1, len(rows)) if len(rows[i].sources) > 1), None)
        assert target is not None, "the test data needs an event with two sources below"
        await type_ahead(pilot, "j" * (target - at) + "s")
        await pilot.pause()
        assert view.selected_event_id == rows[target].id
        assert app.screen.event is rows[target] and app.screen.source_index == 1
