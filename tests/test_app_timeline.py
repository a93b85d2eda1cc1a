"""The timeline pane: rows, headings, keys, messages, and the jump to the source."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.message import Message

from tests.app_helpers import ORDER, app_for, screen_text, visible_rows
from tui.widgets.source_view import SourceView
from tui.widgets.timeline_view import NO_EVENTS_MESSAGE, TimelineView


async def test_rows_are_chronological_with_year_headings(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        ids = [app.timeline.events[r].id for r in view.rows if r >= 0]
        assert ids == ORDER
        rows = visible_rows(view)
        assert rows[0].startswith("── 1950")
        assert "1950–1953" in rows[1] and "Korean War" in rows[1]
        assert any(r.startswith("── 2019") for r in rows)
        visit = next(r for r in rows if "Xi visits Pyongyang" in r)
        assert "2019-06-20 Thu" in visit and "Xi Jinping" in visit
        assert len([r for r in rows if r.startswith("──")]) == 4  # 1950, 1961, 2019, 2021
        assert "All 7 events" in screen_text(app)


async def test_keys_move_the_selection_and_post_selected(tmp_path: Path) -> None:
    seen: list[str] = []
    messages: list[Message] = []

    def hook(message: Message) -> None:
        if isinstance(message, TimelineView.Selected) and message not in messages:
            messages.append(message)  # a bubbling message is seen once per node
            seen.append(message.event_id)

    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        assert view.has_focus and view.selected_event_id == "war"
        await pilot.press("j", "down")
        assert view.selected_event_id == "trade"
        await pilot.press("k")
        assert view.selected_event_id == "treaty"
        await pilot.press("G")
        assert view.selected_event_id == "message"
        await pilot.press("g")
        assert view.selected_event_id == "war"
        await pilot.press("end")
        assert view.selected_event_id == "message"
        await pilot.press("home", "pagedown")
        # PgDn moves a screenful: to the last event within one page below the first row
        height = view.scrollable_content_region.height
        order = [app.timeline.events[p].id for p in view.positions]
        at = order.index(view.selected_event_id)
        assert 0 < view.row_of_event(order[at]) <= height - 1
        if at + 1 < len(order):  # the next event lies beyond that page
            assert view.row_of_event(order[at + 1]) > height - 1
        await pilot.pause()
        assert seen[:4] == ["war", "treaty", "trade", "treaty"]
        detail = app.screen.query_one("#detail")
        assert view.selected_event_id is not None
        title = app.timeline.event_by_id[view.selected_event_id].title
        assert title in detail.plain  # type: ignore[attr-defined]


async def test_click_selects_an_event(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        row = view.row_of_event("trade")
        assert row is not None
        await pilot.click(view, offset=(5, row))
        assert view.selected_event_id == "trade"


async def test_enter_jumps_to_the_quote_highlighted_and_in_view(tmp_path: Path) -> None:
    opened: list[str] = []
    messages: list[Message] = []

    def hook(message: Message) -> None:
        if isinstance(message, TimelineView.Opened) and message not in messages:
            messages.append(message)
            opened.append(message.event_id)

    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await pilot.pause()
        await pilot.press("G")  # "message": the second line of the alpha article
        await pilot.press("enter")
        await pilot.pause()
        source = app.screen.query_one("#source", SourceView)
        assert opened == ["message"]
        assert source.has_focus
        assert source.article is not None and source.article.id == "alpha"
        event = app.timeline.event_by_id["message"]
        quote = event.sources[0]
        line = source.line_of_offset(quote.quote_start)
        top = round(source.scroll_offset.y)
        assert top <= line < top + source.scrollable_content_region.height
        assert "Xi Jinping sent" in source.render_line(line - top).text
        strong = source.get_component_rich_style("source--quote")
        last = source.line_of_offset(quote.quote_end - 1)
        covered = 0
        for index in range(line, last + 1):
            offsets = source.offsets_of_line(index)
            assert offsets is not None
            styled = source.styled_line(index)
            for spot in range(max(offsets[0], quote.quote_start), min(offsets[1], quote.quote_end)):
                column = spot - offsets[0]
                assert any(
                    sp.style == strong and sp.start <= column < sp.end for sp in styled.spans
                ), (index, column)
                covered += 1
        assert covered == quote.quote_end - quote.quote_start
        await pilot.press("escape")
        assert app.screen.query_one("#timeline").has_focus


async def test_the_selected_row_is_one_bar_and_follows_the_theme(tmp_path: Path) -> None:
    from tests.app_helpers import app_for
    from tui.widgets.timeline_view import TimelineView

    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        row = view.cursor - round(view.scroll_offset.y)
        backgrounds = {seg.style.bgcolor for seg in view.render_line(row) if seg.style}
        assert len(backgrounds) == 1  # date, title, actors and padding alike
        heading = view.render_line(0)
        before = {seg.style.color for seg in heading if seg.style and seg.text.strip()}
        app.theme = "nord" if app.theme != "nord" else "textual-dark"
        await pilot.pause()
        after = {seg.style.color for seg in view.render_line(0) if seg.style and seg.text.strip()}
        assert before != after


async def test_a_date_too_wide_for_its_column_is_shown_coarser_not_cut() -> None:
    """At 100 columns the shipped data's longest dates ("as of ≈ 2024-04-10–04-12")
    are shown whole, the titles keeping 24 cells or
    more; in a narrower pane they are shown by month or year, never cut."""
    from tui.app import make_app
    from tui.datafiles import default_data_dir
    from tui.widgets.timeline_rows import MIN_TITLE_ROOM, date_cell_width

    app = make_app(default_data_dir())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        width = view.scrollable_content_region.width
        for shown, whole in ((width, True), (44, False)):
            rows = [view._render_row(row, shown, False).text for row in range(len(view.rows))]
            cell = 2 + date_cell_width(view.date_width, shown)  # the marker, then the column
            dates = [row[:cell].strip() for row in rows if not row.startswith("──")]
            assert not [d for d in dates if "…" in d]
            # The room left for the title: all of it beyond the date cell and its gap.
            assert (shown - cell - 2 >= MIN_TITLE_ROOM) is whole
            if whole:
                assert "as of ≈ 2024-04-10–04-12" in dates
            else:
                assert "as of ≈ 2024-04" in dates
                assert "as of ≈ 2024-04-10–04-12" not in dates


@pytest.mark.parametrize(
    ("needed", "width", "cells"),
    [
        (24, 56, 24),  # 100 columns: the title keeps 28 cells
        (24, 52, 24),  # the title keeps exactly 24
        (24, 51, 20),  # one cell less: 40% of the row
        (30, 100, 30),
        (12, 30, 12),  # a short date fits within the 40% anyway
        (24, 10, 8),  # never under the least width
    ],
)
def test_the_date_column_is_whole_while_titles_keep_their_room(
    needed: int, width: int, cells: int
) -> None:
    from tui.widgets.timeline_rows import date_cell_width

    assert date_cell_width(needed, width) == cells


async def test_a_timeline_with_no_events_says_how_to_add_the_first(tmp_path: Path) -> None:
    """A folder just started (an article, no event): not "no event matches the
    filters, press c" (there are none), but how to add one."""
    from tests.app_helpers import write_data
    from tui.app import make_app

    data = write_data(tmp_path)
    (data / "events.yaml").write_text("events: []\n", encoding="utf-8")
    (data / "actors.yaml").write_text("actors: []\n", encoding="utf-8")
    app = make_app(data)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        assert view.render_line(1).text.strip() == "No events yet."
        assert "Ctrl+P: Open article" in view.render_line(2).text
        # The pane is narrower than the hint: it is wrapped, all of it shown.
        width = view.scrollable_content_region.width
        assert width < len(NO_EVENTS_MESSAGE[1]) + 2
        shown = " ".join(view.render_line(y).text.strip() for y in range(2, 6)).split()
        assert " ".join(shown) == NO_EVENTS_MESSAGE[1]
