"""Screenshots of the explorer on the shipped data at 80, 100 and 140 columns.

A layout change at one width shows here as a changed SVG under `__snapshots__/`.
After a deliberate change, update them with `pytest tests/test_snapshots.py
--snapshot-update` and look at the new images before committing them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from tests.app_helpers import settle
from tui.app import make_app
from tui.load import default_data_dir

pytestmark = pytest.mark.skipif(
    not (default_data_dir() / "events.yaml").exists(), reason="no shipped data"
)

EVENT = "kim-jong-un-putin-summit-2023"  # pinned: the view never depends on the data's order


async def _settled(pilot: Pilot[None]) -> None:
    """Facet counts and the index are in before the screenshot is taken."""
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (140, 40)], ids=["80", "100", "140"])
def test_explorer(snap_compare: Callable[..., bool], size: tuple[int, int]) -> None:
    """The explorer at each layout: stacked, timeline and reading panes, and with the sidebar."""
    assert snap_compare(make_app(event_id=EVENT), terminal_size=size, run_before=_settled)
