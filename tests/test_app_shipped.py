"""The explorer on the shipped data: it starts, renders and every event can be opened."""

from __future__ import annotations

import pytest

from tests.app_helpers import screen_text, visible_rows
from tui.app import make_app
from tui.load import default_data_dir
from tui.widgets.event_detail import EventDetail
from tui.widgets.source_view import SourceView
from tui.widgets.timeline_view import TimelineView

pytestmark = pytest.mark.skipif(
    not (default_data_dir() / "events.yaml").exists(), reason="no shipped data yet"
)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_shipped_data_renders_and_every_quote_is_found(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        source = app.screen.query_one("#source", SourceView)
        total = len(app.timeline.events)
        assert f"All {total} events" in screen_text(app)
        for _ in range(total):
            event = app.timeline.event_by_id[view.selected_event_id or ""]
            quote = source.current_quote
            assert quote is not None and quote.event_id == event.id
            line = source.line_of_offset(quote.start)
            top = round(source.scroll_offset.y)
            assert top <= line < top + source.scrollable_content_region.height
            await pilot.press("j")
        assert view.selected_event_id == app.timeline.events[-1].id


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_a_present_perfect_report_reads_as_by_its_article_date(
    size: tuple[int, int],
) -> None:
    app = make_app(event_id="kcna-confirms-zhao-visit")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        assert view.selected_event_id == "kcna-confirms-zhao-visit"
        detail = app.screen.query_one("#detail", EventDetail)
        assert "Date: by 2024-04-12 Fri" in detail.plain
        assert (
            "Means: it happened on or before Fri 12 Apr 2024; when, the article does not say"
            in (detail.plain)
        )
        assert "a completed act in the present perfect" in detail.plain
        assert "Anchor: 2024-04-10 to 2024-04-12, most likely 2024-04-11 (inferred)" in (
            detail.plain
        )
        rows = visible_rows(view)
        # The timeline column says the relation and, for a window, the ≈ range.
        assert any(
            r.lstrip("▶ ").startswith("by 2024-04-12 Fri") and "KCNA confirms" in r for r in rows
        )
        # The events just above it, dated by their article's window: the selection
        # moved up to them (on 24 lines they can lie above the view at start).
        for _ in range(6):
            await pilot.press("k")
        await pilot.pause()
        assert view.selected_event_id != "kcna-confirms-zhao-visit"
        assert any("as of ≈ 2024-04-10–04-12" in r for r in visible_rows(view))


async def test_the_source_pane_names_the_publication_window() -> None:
    app = make_app(event_id="zhao-leji-meets-kim-jong-un")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        title = str(app.screen.query_one("#source", SourceView).border_title)
        # The date first: a narrow pane cuts the names, not the date.
        assert title.startswith("2024-04-13–04-19 (inferred, shown first 2024-04-15) · ")


async def test_a_date_still_to_come_reads_as_expected_in_the_event_pane() -> None:
    """The treaty renewal was still to come when the article was written: the pane
    says what the article expects, not that it happened."""
    app = make_app(event_id="friendship-treaty-renewal-2021")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        detail = app.screen.query_one("#detail", EventDetail)
        assert "Means: expected on Sun 11 Jul 2021, after the article was written" in " ".join(
            detail.plain.split()
        )


async def test_an_event_after_its_article_reads_as_expected_in_its_row() -> None:
    """The treaty renewal of 11 Jul 2021 comes after its article (24 Jun 2021): its row
    says it is expected; the rows of events dated by their articles' dates do not."""
    app = make_app(event_id="friendship-treaty-renewal-2021")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        rows = visible_rows(view)
        renewal = next(r for r in rows if r.startswith("▶"))  # the event started on
        assert renewal.startswith("▶ ≈ 2021-07-11 Sun")  # "around July 11"
        assert "  expected: China and North Korea due to" in renewal
        done = [r for r in rows if r.lstrip().startswith("by 2024-04-12 Fri")]
        assert done and all("expected" not in r for r in done)  # by its article's date


async def test_an_event_asked_for_at_start_is_centred_with_what_comes_before() -> None:
    """`--event`: the row stood on the first line, the rows (and the year heading)
    before it out of view; it is centred, as selecting an event later centres it."""
    app = make_app(event_id="kim-jong-un-possible-china-visit-2021")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        assert view.selected_event_id == "kim-jong-un-possible-china-visit-2021"
        assert view.cursor is not None
        top = round(view.scroll_offset.y)
        height = view.scrollable_content_region.height
        assert top < view.cursor < top + height
        assert view.cursor - top == height // 3
