"""The explorer's export runs in a worker thread: the UI keeps handling keys meanwhile."""

from __future__ import annotations

import asyncio
import json
import threading
from pathlib import Path

import pytest

from tests.app_helpers import app_for, notices, settle
from tui import export
from tui.screens import explorer_export
from tui.screens.export import ExportScreen
from tui.widgets.timeline_view import TimelineView


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty home folder, where the dialog proposes its default path."""
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setenv("HOME", str(out))
    monkeypatch.chdir(tmp_path)
    return out


async def _until(flag: threading.Event, timeout: float = 5.0) -> None:
    """Wait, without blocking the event loop, until `flag` is set."""
    async with asyncio.timeout(timeout):
        while not flag.is_set():
            await asyncio.sleep(0.01)


async def test_keys_are_handled_while_a_long_export_renders(
    tmp_path: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rendering is held until a key has moved the selection: it must be off the UI thread."""
    started, release, finished = threading.Event(), threading.Event(), threading.Event()
    render = export.export_chunks

    def slow_render(*args: object, **kwargs: object) -> list[str]:
        started.set()
        release.wait(5)  # a long export; never forever if the test goes wrong
        try:
            return list(render(*args, **kwargs))  # type: ignore[arg-type]
        finally:
            finished.set()

    monkeypatch.setattr(export, "export_chunks", slow_render)  # what export_to_file calls
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#timeline", TimelineView)
        assert view.selected_event_id == "war"
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await _until(started)
        assert not isinstance(app.screen, ExportScreen)
        await pilot.press("j")
        assert view.selected_event_id == "treaty"  # handled during the export
        assert not finished.is_set()
        assert not (workdir / "timeline-export.json").exists()
        release.set()
        await settle(pilot)
        assert "Wrote 7 events as json to " + str(workdir / "timeline-export.json") in notices(app)
    doc = json.loads((workdir / "timeline-export.json").read_text(encoding="utf-8"))
    assert len(doc["events"]) == 7


async def test_a_long_export_says_that_it_started(
    tmp_path: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(explorer_export, "EXPORT_NOTICE_EVENTS", 5)
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        said = notices(app)
    assert said[0] == "Exporting 7 events as json…"
    assert said[1].startswith("Wrote 7 events as json to ")


async def test_a_short_export_says_only_how_it_ended(tmp_path: Path, workdir: Path) -> None:
    app = app_for(tmp_path, years=[2019])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        said = notices(app)
    assert said == [f"Wrote 2 events as json to {workdir / 'timeline-export.json'}"]


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (FileExistsError("x"), "{path} appeared meanwhile; not overwritten."),
        (PermissionError(13, "Permission denied"), "Could not write {path}: Permission denied"),
    ],
)
async def test_a_failed_write_is_said_and_not_remembered(
    tmp_path: Path,
    workdir: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: OSError,
    said: str,
) -> None:
    def fail(path: Path, text: object, *, force: bool = False) -> None:
        raise error

    monkeypatch.setattr(export, "write_atomically", fail)
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-format").value = "csv"
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert notices(app) == [said.format(path=workdir / "timeline-export.csv")]
        assert app.screen.export_format == "json"  # type: ignore[attr-defined]
        assert app.screen.export_folder is None  # type: ignore[attr-defined]
    assert list(workdir.iterdir()) == []
