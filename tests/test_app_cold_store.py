"""A cold start's cache entry is written after the explorer's first paint."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app_helpers import screen_text, settle, wait_for, write_data
from tests.test_terminal import run_in_pty
from tui.app import TimelineApp, make_app
from tui.opening import Opened, open_folder
from tui.watch import FolderState, folder_state


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


async def test_the_entry_is_written_after_the_first_paint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, app = _cold_app(tmp_path)
    shown_when_stored: list[bool] = []
    store = Opened.store_unless_changed

    def noting(opened: Opened, data_dir: Path, seen: FolderState) -> None:
        shown_when_stored.append("Korean War" in screen_text(app))
        store(opened, data_dir, seen)

    monkeypatch.setattr(Opened, "store_unless_changed", noting)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
    assert shown_when_stored == [True]


async def test_a_file_saved_during_the_load_is_shown_at_once(
    tmp_path: Path, model_cache_dir: Path
) -> None:
    data, app = _cold_app(tmp_path)
    events = data / "events.yaml"  # saved after the load read it, before the explorer ran
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("title: Korean War", "title: Korean War ends"), "utf-8")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: "Korean War ends" in screen_text(app))
    assert len(_entries(model_cache_dir)) == 1  # the reloaded timeline's, not the stale one
    assert open_folder(data, freeze=False).timeline.events[0].title == "Korean War ends"


def test_a_start_refused_after_a_cold_load_leaves_its_entry(
    tmp_path: Path, model_cache_dir: Path
) -> None:
    data = write_data(tmp_path)
    code, output = run_in_pty(["--data", str(data), "--actor", "nobody-at-all"])
    assert code == 2, output[-2000:]
    assert "nobody-at-all" in output
    assert len(_entries(model_cache_dir)) == 1  # the next start is warm

