"""Search like a pager: Enter commits, Esc cancels, n/N step through the matches."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.app_helpers import EVENTS, app_for, notices, settle, type_ahead, write_data
from tui.app import make_app
from tui.widgets.filter_panel import FilterPanel
from tui.widgets.status_line import StatusLine
from tui.widgets.timeline_view import TimelineView


async def test_enter_commits_the_search_and_returns_to_the_first_match(tmp_path: Path) -> None:
    """Finding 1: `/ treaty Enter` then `Down j k` moves in the timeline, not the box."""
    app = app_for(tmp_path, event_id="message")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        view = screen.query_one("#timeline", TimelineView)
        await pilot.press("slash")
        search = screen.query_one("#search", Input)  # made as the drawer first opens
        assert search.has_focus and screen.filters_open  # type: ignore[attr-defined]
        await pilot.press(*"treaty", "enter")
        await pilot.pause()
        assert view.has_focus and not screen.filters_open  # type: ignore[attr-defined]
        assert view.selected_event_id == "treaty"  # the first match, not the old event
        await pilot.press("down", "j", "k")
        assert search.value == "treaty"
        assert view.selected_event_id == "treaty"  # two matches: down, (j stays), k
        assert screen.query_one("#status", StatusLine).plain == '"treaty" — 2 of 7 events'
        await pilot.press("c")  # c clears here: it is no longer typed into the box
        await pilot.pause()
        assert search.value == "" and len(view.positions) == 7


async def test_with_nothing_left_the_status_says_what_the_keys_do_where_they_go(
    tmp_path: Path,
) -> None:
    """In the search box `c` is a letter: the status line says Esc cancels the search
    there, and that `c` clears the filters once the box has let the focus go."""
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        status = app.screen.query_one("#status", StatusLine)
        await pilot.press("slash", *"iraq")
        await pilot.pause()
        assert status.plain == '"iraq" — 0 of 7 events · Esc cancels the search'
        await pilot.press("enter")
        await pilot.pause()
        assert status.plain == '"iraq" — 0 of 7 events · press c to clear the filters'
        assert "No event matches the search — press c to clear it." in notices(app)
        await pilot.press("c")
        await pilot.pause()
        assert status.plain == "All 7 events"


async def test_a_search_under_other_filters_says_c_clears_them_all(tmp_path: Path) -> None:
    """`c` clears every filter, not the search alone: said so when there are others."""
    app = app_for(tmp_path, actors=["china"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"iraq", "enter")
        await pilot.pause()
        assert (
            "No event matches the search and the filters — press c to clear them all."
            in notices(app)
        )


async def test_typed_ahead_the_keys_after_enter_reach_the_timeline(tmp_path: Path) -> None:
    """Finding 1, as typed fast: the keys after `/` and after Enter go where focus went."""
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_ahead(pilot, "/treaty\rjjn")
        await settle(pilot)
        view = app.screen.query_one("#timeline", TimelineView)
        assert app.screen.query_one("#search", Input).value == "treaty"
        assert view.has_focus
        # treaty, renewed: j → renewed, j stays, n wraps to the first match
        assert view.selected_event_id == "treaty"
        assert "Search wrapped round the timeline." in notices(app)
        await type_ahead(pilot, "q")
    assert not app.is_running


async def test_escape_restores_what_was_there_before_the_search(tmp_path: Path) -> None:
    app = app_for(tmp_path, actors=["china"], event_id="trade")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        before = screen.filter
        view = screen.query_one("#timeline", TimelineView)
        await pilot.press("slash", *"renew")
        await pilot.pause()
        assert [app.timeline.events[p].id for p in view.positions] == ["renewed"]
        await pilot.press("escape")
        await pilot.pause()
        assert screen.filter == before
        assert view.has_focus and view.selected_event_id == "trade"
        assert screen.query_one("#search", Input).value == ""


async def test_n_and_N_step_through_the_matches_and_say_when_they_wrap(tmp_path: Path) -> None:
    """Finding 2: n/N are next/previous match; the sources moved to s/S."""
    app = app_for(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        await pilot.press("n")
        assert "No search in force — press / to search." in notices(app)
        await pilot.press("slash", "x", "i", "enter")
        await pilot.pause()
        assert view.selected_event_id == "visit"  # visit, message match "xi"
        await pilot.press("n")
        assert view.selected_event_id == "message"
        await pilot.press("n")
        assert view.selected_event_id == "visit"
        assert "Search wrapped round the timeline." in notices(app)
        # A new user's trial: `n N n` piled three notices over the source pane. While
        # one shows, another wrap adds none; once it is gone, it does.
        await pilot.press("N")
        assert view.selected_event_id == "message"
        def wraps() -> int:
            return sum("Search wrapped" in notice for notice in notices(app))

        assert wraps() == 1
        app.screen._wrap_notice_until = 0.0  # type: ignore[attr-defined]  # its time up
        await pilot.press("n")
        assert view.selected_event_id == "visit" and wraps() == 2


async def test_slash_shows_the_search_box_in_the_drawer(tmp_path: Path) -> None:
    """Finding 4: after `a` and `y` at 80×24, `/` scrolls the box back into view."""
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one("#filters", FilterPanel)
        await pilot.press("a", "escape", "y", "escape", "slash")
        await pilot.pause()
        search = app.screen.query_one("#search", Input)
        assert search.has_focus
        inside = panel.content_region
        assert inside.y <= search.region.y and search.region.bottom <= inside.bottom
        await pilot.press("x")
        assert search.value == "x"


async def test_search_finds_the_kind_and_the_kind_facet_filters(tmp_path: Path) -> None:
    """Finding 11: the kind is searched, and kinds are a facet."""
    events = EVENTS.replace("kind: test", "kind: anniversary", 1)  # the war
    app = make_app(write_data(tmp_path, events=events))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        view = screen.query_one("#timeline", TimelineView)
        await pilot.press("slash", *"anniversary", "enter")
        await pilot.pause()
        assert [app.timeline.events[p].id for p in view.positions] == ["war"]
        await pilot.press("c")
        await settle(pilot)
        kinds = screen.query_one("#kinds")
        kinds.focus()
        await pilot.pause()
        assert "[ ] anniversary 1" in kinds.render_line(0).text
        await pilot.press("space")
        await settle(pilot)
        assert screen.filter.kinds == {"anniversary"}
        assert [app.timeline.events[p].id for p in view.positions] == ["war"]
        assert "[x] anniversary 1" in kinds.render_line(0).text
        assert screen.query_one("#status", StatusLine).plain == (
            "kind: anniversary — 1 of 7 events"
        )


async def test_the_palette_filters_by_kind(tmp_path: Path) -> None:
    from tui.palette import TimelineCommands

    app = app_for(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        hits = [hit async for hit in TimelineCommands(app.screen).search("kind: test")]
        assert hits and str(hits[0].text) == "Filter by kind: test"
        hits[0].command()
        await pilot.pause()
        assert app.screen.filter.kinds == {"test"}


async def test_keys_typed_in_one_burst_with_slash_keep_their_order(tmp_path: Path) -> None:
    """A key sent just before `/` acts where the focus was, the keys after it go into
    the box: `c/` clears the filters, then opens the search; `j/` moves, then opens it.

    As a script or a fast typist sends them: one burst, nothing waited for between."""
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        view = screen.query_one("#timeline", TimelineView)
        status = screen.query_one("#status", StatusLine)
        await type_ahead(pilot, "/treaty\r")
        await settle(pilot)
        assert status.plain.startswith('"treaty" — 2 of 7 events')
        await type_ahead(pilot, "c/")
        await settle(pilot)
        search = screen.query_one("#search", Input)
        assert search.has_focus and search.value == ""
        assert status.plain.startswith("All 7 events")
        await type_ahead(pilot, "\x1b")
        await settle(pilot)
        assert view.has_focus
        first = view.selected_event_id
        await type_ahead(pilot, "j/ren")
        await settle(pilot)
        assert search.has_focus and search.value == "ren"
        assert view.selected_event_id != first  # j moved before the box opened
        await type_ahead(pilot, "\x7f\x7f\x7f")  # the box's own keys stay its own
        await settle(pilot)
        assert search.has_focus and search.value == ""
        await type_ahead(pilot, "treaty\r")
        await settle(pilot)
        assert view.has_focus and search.value == "treaty"
        assert view.selected_event_id == "treaty"


async def test_a_paste_sent_with_slash_reaches_the_box(tmp_path: Path) -> None:
    """A paste (bracketed, one event) sent right after `/` goes into the box as keys do."""
    from textual import events

    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.post_message(events.Key("slash", "/"))
        app.post_message(events.Paste("treaty"))
        await settle(pilot)
        search = app.screen.query_one("#search", Input)
        assert search.has_focus and search.value == "treaty"


async def test_a_key_arriving_while_others_are_sent_again_waits_behind_them(
    tmp_path: Path,
) -> None:
    """ "a" came up from the timeline after `/` moved the focus, and is sent again; "b",
    typed after it, arrives before the copy: it waits behind, so the box reads "ab"."""
    from textual import events

    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        search = app.screen.query_one("#search", Input)
        assert search.has_focus
        came_up = events.Key("a", "a")
        came_up._set_forwarded()  # as a key the timeline was sent and left comes up
        app.post_message(came_up)
        app.post_message(events.Key("b", "b"))
        await settle(pilot)
        assert search.value == "ab"


async def test_clearing_a_search_that_listed_none_selects_the_event_before_it(
    tmp_path: Path,
) -> None:
    """A new-user trial: `/xyzzy` Enter listed nothing, and `c` then selected the first
    event, not the one selected before the search."""
    app = app_for(tmp_path, event_id="message")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        assert view.selected_event_id == "message"
        await pilot.press("slash", *"xyzzy", "enter")
        await pilot.pause()
        assert view.positions == () and view.selected_event_id is None
        await pilot.press("c")
        await pilot.pause()
        assert len(view.positions) == 7 and view.selected_event_id == "message"
