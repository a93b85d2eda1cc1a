"""The explorer's warm start imports only what its first screen needs.

The article view (the tagger, the loader's anchors, the event form and the
curator's workbench), the export dialog (every exporter), the help screen and
the editor hand-off are imported when first opened; each still opens on its key
(`test_app_article`, `test_app_export`, `test_app_start`).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

# Modules a warm start of the explorer never needs before a key asks for them.
NOT_AT_START = (
    "tui.screens.article",
    "tui.screens.event_form",
    "tui.screens.export",
    "tui.screens.help",
    "tui.screens.editor",
    "tui.widgets.article_text",
    "tui.widgets.tag_info",
    "tui.dates.tagger",
    "tui.dates.grammar",  # the event pane's words for a date need none of the rules
    "tui.dates.tense",  # asked by the event pane only of a date after its article
    "tui.dates.resolution",
    "tui.workbench",
    "tui.new_actors",
    "tui.export",
    "tui.load",
    "tui.loading.events",
    "yaml",
)

# The explorer opened on the shipped data, headless, until its first screen is
# drawn; then the watched modules it imported.
START = """\
import asyncio, sys
from pathlib import Path
from tui.app import make_app

async def main():
    app = make_app(Path("data"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#timeline").positions

asyncio.run(main())
print(sorted(m for m in sys.modules if any(m == w or m.startswith(w + ".") for w in WATCHED)))
"""


def _started(env: dict[str, str]) -> set[str]:
    code = f"WATCHED = {NOT_AT_START!r}\n" + START
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={**os.environ, **env},
    )
    assert result.returncode == 0, result.stderr
    return set(ast.literal_eval(result.stdout.strip().splitlines()[-1]))


def test_a_warm_start_imports_no_secondary_screen_exporter_or_loader(tmp_path: Path) -> None:
    env = {"TIMELINE_CACHE_DIR": str(tmp_path / "cache")}
    cold = _started(env)  # nothing cached yet: the loader is needed
    assert "tui.load" in cold
    assert _started(env) == set()
