"""The data folder's watch: woken by the kernel when a file changes (Linux), else sleeping.

The explorer's reload is tested in `tests/test_app_reload.py`; here, what wakes it.
"""

from __future__ import annotations

import os
import struct
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.app_helpers import EVENTS, app_for, wait_for
from tests.conftest import write_data_dir
from tui import app as app_module
from tui import watch as watch_module
from tui.watch import FolderWatch

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[tuple[Path, FolderWatch]]:
    """A data folder (its seeds beside it) and a watch on it, closed after the test."""
    data = write_data_dir(tmp_path)
    watch = FolderWatch(data)
    yield data, watch
    watch.close()


def _woken(watch: FolderWatch, within: float = 2.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if watch.wait(0.05):
            return True
    return False


@linux
@pytest.mark.parametrize(
    "change",
    [
        "edit events.yaml",
        "add a seed",
        "remove a seed",
        "rename into place",
        "touch",
        "new drafts folder, then a draft",
    ],
)
def test_a_change_wakes_the_watch(tmp_path: Path, change: str) -> None:
    data = write_data_dir(tmp_path)
    seeds = tmp_path / "seeds"
    watch = FolderWatch(data)
    try:
        assert watch.active
        assert not watch.wait(0.05)  # nothing changed yet
        if change == "edit events.yaml":
            events = data / "events.yaml"
            events.write_text(events.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        elif change == "add a seed":
            (seeds / "new.txt").write_text("New.\n", encoding="utf-8")
        elif change == "remove a seed":
            next(seeds.iterdir()).unlink()
        elif change == "rename into place":
            (data / "events.yaml.tmp").write_text("events: []\n", encoding="utf-8")
            (data / "events.yaml.tmp").replace(data / "events.yaml")
        elif change == "touch":
            (data / "actors.yaml").touch()
        else:
            (data / "drafts").mkdir()
            assert _woken(watch)
            (data / "drafts" / "d.yaml").write_text("events: []\n", encoding="utf-8")
        assert _woken(watch)
        assert not watch.wait(0.05)  # a burst of changes wakes it once
    finally:
        watch.close()


@linux
def test_dot_files_do_not_wake_the_watch(watched: tuple[Path, FolderWatch]) -> None:
    """An editor's swap file, written again and again, is not a change the loader reads."""
    data, watch = watched
    for n in range(5):
        (data / ".events.yaml.swp").write_text(f"swap {n}\n", encoding="utf-8")
    assert not watch.wait(0.2)
    (data / "events.yaml").touch()
    assert _woken(watch)


@linux
def test_the_watch_tells_a_write_still_open_from_one_done(
    watched: tuple[Path, FolderWatch],
) -> None:
    """The explorer waits longer for more while a file written is still open."""
    data, watch = watched
    events = data / "events.yaml"
    with events.open("a", encoding="utf-8") as handle:
        handle.write("\n")
        handle.flush()
        assert _woken(watch)
        assert watch.writing
        (data / ".events.yaml.swp").write_text("swap\n", encoding="utf-8")  # ignored
    assert _woken(watch)  # closed
    assert not watch.writing
    events.write_text(events.read_text(encoding="utf-8"), encoding="utf-8")
    assert _woken(watch)
    assert not watch.writing  # written whole and closed at once
    with (data / ".events.yaml.swp").open("a", encoding="utf-8") as swap:
        swap.write("more\n")  # an editor's swap file left open
        swap.flush()
        staged = data / "events.yaml.new"
        with staged.open("w", encoding="utf-8") as handle:
            handle.write("events: []\n")
            handle.flush()
            assert _woken(watch)
            assert watch.writing
        staged.replace(events)  # renamed into place
        assert _woken(watch)
        assert not watch.writing


@linux
def test_folders_links_and_lost_events_leave_no_write_open(
    watched: tuple[Path, FolderWatch],
) -> None:
    data, watch = watched
    (data / "drafts").mkdir()
    seeds = data.parent / "seeds"
    (seeds / "link.txt").symlink_to(seeds / "missing.txt")
    assert _woken(watch)
    assert not watch.writing
    with (data / "events.yaml").open("a"):
        pass  # opened, nothing written, closed
    watch.wait(0.1)
    assert not watch.writing
    # What the kernel says when it dropped events, and when a watch goes away.
    with (data / "events.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n")
        handle.flush()
        assert _woken(watch) and watch.writing
        reader, writer = os.pipe()
        os.set_blocking(reader, False)  # as the kernel's inotify descriptor is
        real, watch._fd = watch._fd, reader
        try:
            os.write(writer, struct.pack("iIII", -1, 0x4000, 0, 0))  # IN_Q_OVERFLOW
            watch._read_changes()
            assert not watch.writing
            watch._open.add((7, b"events.yaml"))
            os.write(writer, struct.pack("iIII", 7, 0x8000, 0, 0))  # IN_IGNORED
            watch._read_changes()
            assert not watch.writing
        finally:
            watch._fd = real
            os.close(reader)
            os.close(writer)


@linux
def test_a_data_folder_made_anew_is_watched_again(tmp_path: Path) -> None:
    data = write_data_dir(tmp_path)
    watch = FolderWatch(data)
    try:
        data.rename(tmp_path / "old-data")
        assert _woken(watch)  # the folder moved away
        data.mkdir()
        watch.add_watches()  # as the explorer's regular look does
        assert not watch.wait(0.05)
        (data / "events.yaml").write_text("events: []\n", encoding="utf-8")
        assert _woken(watch)
    finally:
        watch.close()


@linux
def test_a_watch_the_kernel_refuses_falls_back_to_sleeping(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At the limit of watches (ENOSPC), the explorer must poll, not wait for a wake-up."""

    class Refusing:
        def __init__(self, libc: object) -> None:
            self.inotify_init1 = libc.inotify_init1  # type: ignore[attr-defined]

        def inotify_add_watch(self, fd: int, path: bytes, mask: int) -> int:
            return -1

    real = watch_module.ctypes.CDLL
    monkeypatch.setattr(
        watch_module.ctypes, "CDLL", lambda *a, **k: Refusing(real(*a, **k))
    )
    watch = FolderWatch(write_data_dir(tmp_path))
    assert not watch.active
    watch.close()


def test_without_inotify_the_watch_only_sleeps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(watch_module.sys, "platform", "darwin")
    data = write_data_dir(tmp_path)
    watch = FolderWatch(data)
    assert not watch.active
    (data / "actors.yaml").touch()
    started = time.monotonic()
    assert not watch.wait(0.1)
    assert time.monotonic() - started >= 0.09
    watch.close()


@linux
async def test_the_explorer_reloads_when_woken_not_when_it_next_looks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Neither a poller nor the watched explorer's regular look comes during this test.
    monkeypatch.setattr(app_module, "WATCHED_LOOK_INTERVAL", 60.0)
    # And the file is written whole and closed: were the explorer to wait for quiet
    # as it does while a file is open, it would take 2 s.
    monkeypatch.setattr(app_module, "QUIET_WHILE_WRITING", 2.0)
    app = app_for(tmp_path)
    app.reload_interval = 60.0
    events = tmp_path / "data" / "events.yaml"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        events.write_text(EVENTS.replace("title: Treaty signed", "title: Treaty woken"))
        await wait_for(
            pilot, lambda: app.timeline.event_by_id["treaty"].title == "Treaty woken", 1.0
        )


def _in_bursts(events: Path, whole: str) -> None:
    """Half the file, then (the file still open) the rest."""
    with events.open("w", encoding="utf-8") as handle:
        handle.write(whole[: len(whole) // 2])
        handle.flush()
        time.sleep(0.02)  # the explorer's thread is woken meanwhile
        handle.write(whole[len(whole) // 2 :])


def _in_two_rounds(events: Path, whole: str) -> None:
    """Half the file written and closed, then the rest appended."""
    events.write_text(whole[: len(whole) // 2], encoding="utf-8")
    time.sleep(0.02)  # the explorer reads the half meanwhile
    with events.open("a", encoding="utf-8") as handle:
        handle.write(whole[len(whole) // 2 :])


@linux
@pytest.mark.parametrize("write", [_in_bursts, _in_two_rounds])
async def test_a_file_written_in_pieces_is_loaded_whole_and_no_problem_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: Callable[[Path, str], None]
) -> None:
    """Woken by the first half, the explorer waits until nothing is reported for a
    while (while the file is open), or reads the half (once it is closed) and, more
    coming at once, reads again: no problem is listed, and the whole is loaded."""
    app = app_for(tmp_path)
    failed: list[object] = []
    monkeypatch.setattr(app, "_data_failed", failed.append)
    events = tmp_path / "data" / "events.yaml"
    whole = EVENTS.replace("title: Treaty signed", "title: Treaty in pieces")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        write(events, whole)
        await wait_for(
            pilot, lambda: app.timeline.event_by_id["treaty"].title == "Treaty in pieces", 2.0
        )
        await pilot.pause(0.3)
    assert failed == []


@linux
async def test_a_reload_asked_for_after_a_write_loads_the_folder_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The explorer writes a file, then asks for a reload: the kernel's wake-up and
    the request are one load, not two."""
    loads: list[int] = []
    real = app_module.open_indexed

    def counting(*args: object, **kwargs: object) -> object:
        loads.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app_module, "open_indexed", counting)
    app = app_for(tmp_path)
    events = tmp_path / "data" / "events.yaml"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        loads.clear()
        events.write_text(EVENTS.replace("title: Treaty signed", "title: Treaty once"))
        app.reload_data()
        await wait_for(pilot, lambda: app.timeline.event_by_id["treaty"].title == "Treaty once")
        await pilot.pause(0.5)
    assert loads == [1]


@linux
async def test_a_file_opened_long_before_it_is_written_is_loaded_once_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A program writing a large file whole opens it (emptying it), works out what to
    write, then writes it: the explorer waits for the file to be closed, never reads
    it empty (no problem listed), and loads it once. Meanwhile it reads what the
    shown timeline's cache entry kept for the next load, which the load then uses."""
    loads: list[object] = []  # the `previous` each load was given
    kept: list[tuple[float, object]] = []  # when the kept part was read, and what came
    real_open, real_reuse = app_module.open_indexed, app_module.reuse_of

    def noting_open(data_dir: Path, previous: object, *args: object) -> object:
        loads.append(previous)
        return real_open(data_dir, previous, *args)  # type: ignore[arg-type]

    def noting_reuse(shown: object) -> object:
        kept.append((time.monotonic(), real_reuse(shown)))  # type: ignore[arg-type]
        return kept[-1][1]

    monkeypatch.setattr(app_module, "open_indexed", noting_open)
    monkeypatch.setattr(app_module, "reuse_of", noting_reuse)
    app = app_for(tmp_path)
    failed: list[object] = []
    monkeypatch.setattr(app, "_data_failed", failed.append)
    events = tmp_path / "data" / "events.yaml"
    whole = EVENTS.replace("title: Treaty signed", "title: Treaty after a pause")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        with events.open("w", encoding="utf-8") as handle:  # emptied now
            time.sleep(0.3)  # more than a quiet wait while a file is open
            handle.write(whole)
        closed = time.monotonic()
        await wait_for(
            pilot, lambda: app.timeline.event_by_id["treaty"].title == "Treaty after a pause", 2.0
        )
        await pilot.pause(0.3)
    assert failed == []
    assert len(loads) == 1 and len(kept) == 1
    read_at, reuse = kept[0]
    assert reuse is not None and loads[0] is reuse and read_at < closed


@linux
async def test_a_file_touched_or_written_at_once_is_not_waited_on_for_what_was_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kept part is read ahead only while a writer is at work: a file touched, or
    written and closed at once, is loaded as before (the load reads what it needs)."""
    kept: list[object] = []
    monkeypatch.setattr(app_module, "reuse_of", kept.append)
    app = app_for(tmp_path)
    events = tmp_path / "data" / "events.yaml"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        os.utime(events, ns=(10**18, 10**18))
        await pilot.pause(0.3)
        events.write_text(EVENTS.replace("title: Treaty signed", "title: Treaty at once"))
        await wait_for(
            pilot, lambda: app.timeline.event_by_id["treaty"].title == "Treaty at once", 2.0
        )
    assert kept == []


def test_a_folder_made_where_a_data_file_was_missing_is_a_change(tmp_path: Path) -> None:
    """A hostile-input trial: events.yaml removed ("data file not found"), then a folder
    made in its place, and the explorer went on saying "not found": only files were
    looked at, so the folder state did not change."""
    from tui.watch import folder_state

    data = write_data_dir(tmp_path)
    (data / "events.yaml").unlink()
    missing = folder_state(data)
    (data / "events.yaml").mkdir()
    assert folder_state(data) != missing
