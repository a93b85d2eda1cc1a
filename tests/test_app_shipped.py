"""The explorer on the shipped data: it starts, renders and every event can be opened."""

from __future__ import annotations

import pytest

from tests.app_helpers import screen_text
from tui.app import make_app
from tui.load import default_data_dir
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
