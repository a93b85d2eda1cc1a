"""Live reload: the cache entry is written once the new timeline is on the screen."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.app_helpers import EVENTS, app_for, settle, wait_for
from tests.test_app_reload import rewrite
from tui.model import Timeline
from tui.opening import Opened
from tui.screens.explorer import ExplorerScreen


async def test_the_cache_entry_is_written_after_the_new_timeline_is_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing the entry holds the interpreter: it waits for the paint, not the reverse.

    The swap is slowed down here, so that an entry written as soon as the load
    is done would be written while the screen still shows the old timeline.
    """
    shown_when_stored: list[bool] = []
    store = Opened.store
    app = app_for(tmp_path)
    app.reload_interval = 0.05

    def noting(self: Opened) -> None:
        shown_when_stored.append(app.explorer.timeline is self.timeline)
        store(self)

    set_timeline = ExplorerScreen.set_timeline

    async def slow_set(self: ExplorerScreen, timeline: Timeline, *args: object) -> None:
        await asyncio.sleep(0.3)
        await set_timeline(self, timeline, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Opened, "store", noting)
    monkeypatch.setattr(ExplorerScreen, "set_timeline", slow_set)
    events = tmp_path / "data" / "events.yaml"
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        rewrite(events, EVENTS.replace("title: Treaty signed", "title: Treaty of friendship"))
        await wait_for(pilot, lambda: bool(shown_when_stored))
        assert shown_when_stored == [True]
        assert app.explorer.timeline.event_by_id["treaty"].title == "Treaty of friendship"
