"""A cold start's cache entry is written after the explorer's first paint."""

from __future__ import annotations

from pathlib import Path

from tests.app_helpers import screen_text, settle, write_data
from tests.test_terminal import run_in_pty
from tui.app import TimelineApp, make_app
from tui.opening import open_folder
from tui.watch import folder_state


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.pickle"))


def _cold_app(root: Path) -> tuple[Path, TimelineApp]:
    """The data folder, and an explorer on it as a cold start makes it (unstored)."""
    data = write_data(root)
    seen = folder_state(data)
    opened = open_folder(data, freeze=False)
    return data, make_app(data, timeline=opened.timeline, unstored=(opened, seen))


async def test_the_entry_is_written_once_the_timeline_is_shown(
    tmp_path: Path, model_cache_dir: Path
) -> None:
    data, app = _cold_app(tmp_path)
    assert _entries(model_cache_dir) == []  # not before the explorer runs
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "Korean War" in screen_text(app)
        assert len(_entries(model_cache_dir)) == 1
    assert open_folder(data, freeze=False).reuse is None  # read from that entry


async def test_no_entry_for_files_changed_since_they_were_read(
    tmp_path: Path, model_cache_dir: Path
) -> None:
    data, app = _cold_app(tmp_path)
    events = data / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
    assert _entries(model_cache_dir) == []  # its key is the old files': not written


def test_a_cold_start_on_a_terminal_leaves_its_entry(tmp_path: Path, model_cache_dir: Path) -> None:
    data = write_data(tmp_path)
    code, output = run_in_pty(["--data", str(data)], keys=b"q", wait_for=b"Korean War")
    assert code == 0, output[-2000:]
    assert len(_entries(model_cache_dir)) == 1
