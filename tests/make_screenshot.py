"""Save docs/screenshot.svg: the explorer on the shipped data at 120×36.

Run by hand (not collected by pytest): `.venv/bin/python tests/make_screenshot.py`.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.app import make_app  # noqa: E402


async def main() -> None:
    """Open the explorer, select a recent event with two sources and save the screen."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        several = [e for e in app.timeline.events if len(e.sources) > 1]
        if several:
            app.screen.go_to_event(several[-1].id)  # type: ignore[attr-defined]
        await pilot.pause()
        app.save_screenshot("screenshot.svg", path=str(ROOT / "docs"))


if __name__ == "__main__":
    asyncio.run(main())
