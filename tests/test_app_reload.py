"""Live reload: files changed under the running explorer, the problems panel, $EDITOR."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest

from tests.app_helpers import (
    EVENTS,
    app_for,
    listed,
    notices,
    record_reuse_reads,
    settle,
    wait_for,
)
from tui.filters import Filter, TimelineIndex
from tui.model import Timeline
from tui.opening import Opened
from tui.screens.editor import edit_at_line
from tui.screens.explorer import ExplorerScreen
from tui.widgets.facet_list import FacetList
from tui.widgets.filter_panel import FilterPanel
from tui.widgets.problems_panel import ProblemsPanel
from tui.widgets.timeline_view import TimelineView
from tui.workbench import editor_command, event_line


def rewrite(path: Path, text: str) -> None:
    """Write `text` and move the modification time on, as an editor saving twice a second would."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 10**9, before + 10**9))


async def test_a_changed_file_reloads_in_place_keeping_filters_and_selection(
    tmp_path: Path,
) -> None:
    app = app_for(tmp_path, event_id="treaty", actors=["china"])
    app.reload_interval = 0.05
    events = tmp_path / "data" / "events.yaml"
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        panel = screen.query_one("#problems", ProblemsPanel)
        assert not panel.display
        before = listed(app)
        rewrite(events, EVENTS.replace("title: Treaty signed", "title: Treaty of friendship"))
        await wait_for(
            pilot, lambda: app.timeline.event_by_id["treaty"].title == "Treaty of friendship"
        )
        view = screen.query_one("#timeline", TimelineView)
        assert listed(app) == before  # the actor filter is kept
        assert screen.filter.actors == {"china"}
        assert view.selected_event_id == "treaty" and screen.event is not None
        assert screen.event.title == "Treaty of friendship"
        rows = "\n".join(view.render_line(y).text for y in range(view.size.height))
        assert "Treaty of friendship" in rows

        # Broken: the panel lists the problem, the last good timeline stays.
        rewrite(events, EVENTS.replace("actors: [china]", "actors: [chna]"))
        await wait_for(pilot, lambda: bool(app.problems))
        assert panel.display
        assert "unknown actor 'chna'" in panel.plain
        # Under the folder as it was named, as `check` says it (a trial: `events.yaml:109`
        # in the list, `data/events.yaml:109` from `check`).
        assert f"\n{events}:" in panel.plain
        assert "hint: did you mean 'china'?" in panel.plain
        assert app.timeline.event_by_id["treaty"].title == "Treaty of friendship"
        assert view.selected_event_id == "treaty"
        assert "showing the last good timeline until it is fixed" in panel.plain

        # Fixed: the panel goes.
        rewrite(events, EVENTS)
        await wait_for(pilot, lambda: not app.problems)
        assert not panel.display
        assert app.timeline.event_by_id["treaty"].title == "Treaty signed"
        assert view.selected_event_id == "treaty"


async def test_a_reload_keeps_the_focus_and_the_highlight_in_the_filters(
    tmp_path: Path,
) -> None:
    """The sidebar is updated in place: the actor list keeps the focus, the highlight
    stays on its actor, the choice stays, and the counts are those of the new data."""
    app = app_for(tmp_path)
    events = tmp_path / "data" / "events.yaml"
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        actors = app.screen.query_one("#actors", FacetList)
        assert app.focused is actors
        await pilot.press("j", "space", "j")
        await settle(pilot)
        chosen, highlighted = actors.selected, actors.values[actors.highlighted or 0]
        assert len(chosen) == 1 and highlighted != chosen[0]
        before = dict(zip(actors.values, actors.counts, strict=True))
        old_index = app.screen.index
        # One event of the chosen actor loses that actor.
        event = next(e for e in app.timeline.events if chosen[0] in e.actors)
        start = EVENTS.index(f"  - id: {event.id}")
        line = EVENTS.index("actors: [", start)
        end = EVENTS.index("]", line)
        kept = [a for a in event.actors if a != chosen[0]] or ["china", "north-korea"]
        rewrite(events, EVENTS[:line] + f"actors: [{', '.join(kept)}" + EVENTS[end:])
        await wait_for(pilot, lambda: chosen[0] not in app.timeline.event_by_id[event.id].actors)
        await wait_for(pilot, lambda: actors.counts != list(before.values()))
        assert app.focused is actors and app.screen.query_one("#actors") is actors
        assert actors.values[actors.highlighted or 0] == highlighted
        assert actors.selected == chosen and app.screen.filter.actors == set(chosen)
        counts = [
            app.screen.index.actor_counts(app.screen.filter).get(v, 0) for v in actors.values
        ]
        assert actors.counts == counts
        # Counts a worker made from the replaced timeline's index are dropped.
        panel = app.screen.query_one("#filters", FilterPanel)
        panel._apply_counts(app.screen.filter, before, {}, {}, old_index)
        await pilot.pause()
        assert actors.counts == counts


async def test_a_removed_event_selects_the_next_and_an_escape_shows_safely(
    tmp_path: Path,
) -> None:
    app = app_for(tmp_path, event_id="trade")
    app.reload_interval = 0.05
    events = tmp_path / "data" / "events.yaml"
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        start = EVENTS.index("  - id: trade")
        end = EVENTS.index("  - id: dialogue")
        rewrite(events, EVENTS[:start] + EVENTS[end:])
        await wait_for(pilot, lambda: "trade" not in app.timeline.event_by_id)
        assert app.screen.event is not None and app.screen.event.id == "visit"
        rewrite(events, EVENTS.replace("actors: [china]", 'actors: ["ch\\e[31mna"]'))
        await wait_for(pilot, lambda: bool(app.problems))
        plain = app.screen.query_one("#problems", ProblemsPanel).plain
        assert "\x1b" not in plain and "␛[31m" in plain


async def test_a_reload_reads_only_what_the_shown_timeline_kept_and_writes_after_showing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first reload reads the reuse part of its timeline's cache entry, the next
    ones nothing; each new timeline is handed to the screen before it is cached."""
    reads = record_reuse_reads(monkeypatch)
    app = app_for(tmp_path)
    app.reload_interval = 0.05
    shown_first: list[bool] = []
    store = Opened.store

    def noting(self: Opened) -> None:
        shown_first.append(app.timeline is self.timeline)
        store(self)

    monkeypatch.setattr(Opened, "store", noting)
    events = tmp_path / "data" / "events.yaml"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reads.clear()  # the start's load, with nothing cached yet
        for count, title in enumerate(("Treaty of friendship", "Treaty of peace"), 1):
            rewrite(events, EVENTS.replace("title: Treaty signed", f"title: {title}"))
            await wait_for(pilot, lambda t=title: app.timeline.event_by_id["treaty"].title == t)
            await wait_for(pilot, lambda n=count: len(shown_first) == n)  # type: ignore[misc]
    assert reads == ["own"]
    assert shown_first == [True, True]


@pytest.mark.parametrize("search", ["", "treaty"])
async def test_a_reload_builds_the_search_texts_before_the_swap_only_for_a_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, search: str
) -> None:
    """Without a search, the texts come after the swap, in the worker; with one in
    force, the new timeline is shown filtered, and they are built in the worker first."""
    built_at_swap: list[bool] = []
    set_timeline = ExplorerScreen.set_timeline

    async def noting(
        self: ExplorerScreen, timeline: Timeline, index: TimelineIndex, select: str | None = None
    ) -> None:
        built_at_swap.append(index._texts is not None)
        await set_timeline(self, timeline, index, select)

    monkeypatch.setattr(ExplorerScreen, "set_timeline", noting)
    app = app_for(tmp_path)
    events = tmp_path / "data" / "events.yaml"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.explorer.apply_filter(Filter(search=search))
        await settle(pilot)
        rewrite(events, EVENTS.replace("title: Treaty signed", "title: Treaty texts"))
        await wait_for(pilot, lambda: app.timeline.event_by_id["treaty"].title == "Treaty texts")
        index = app.explorer.index
        assert index is not None and index.timeline is app.timeline
        await wait_for(pilot, lambda: index._texts is not None)
    assert built_at_swap == [bool(search)]


async def test_a_reload_after_a_title_edit_keeps_the_index_posting_lists(
    tmp_path: Path,
) -> None:
    app = app_for(tmp_path)
    events = tmp_path / "data" / "events.yaml"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = app.explorer.index
        assert before is not None
        rewrite(events, EVENTS.replace("title: Treaty signed", "title: Treaty kept"))
        await wait_for(pilot, lambda: app.timeline.event_by_id["treaty"].title == "Treaty kept")
        after = app.explorer.index
        assert after is not None and after is not before and after.timeline is app.timeline
        assert after.by_actor is before.by_actor and after.by_year is before.by_year
        rewrite(events, EVENTS.replace("    kind: test", "    kind: other", 1))
        await wait_for(pilot, lambda: app.explorer.index is not after)
        assert app.explorer.index is not None and app.explorer.index.by_kind is not after.by_kind


async def test_a_file_still_being_written_is_loaded_once_it_is_still(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seen half written, the file is looked at again until it stops changing: the
    half is never loaded (no problems listed), the whole is. (Where the kernel
    reports changes, a change is looked at once it reports none for a while:
    `tests/test_watch.py`.)"""
    from tui import app as app_module
    from tui import watch as watch_module
    from tui.watch import folder_state

    monkeypatch.setattr(watch_module.sys, "platform", "polled")  # no inotify: two looks

    events = tmp_path / "data" / "events.yaml"
    whole = EVENTS.replace("title: Treaty signed", "title: Treaty of friendship")
    looks: list[bool] = []

    def writer_finishing_after_the_first_look(data_dir: Path) -> object:
        half = events.read_text(encoding="utf-8") == whole[: len(whole) // 2]
        if looks and looks[-1] and half:
            events.write_text(whole, encoding="utf-8")  # the writer is done
            os.utime(events, ns=(10**18, 10**18))
            half = False
        looks.append(half)
        return folder_state(data_dir)

    monkeypatch.setattr(app_module, "folder_state", writer_finishing_after_the_first_look)
    app = app_for(tmp_path)
    app.reload_interval = 0.05
    failed: list[object] = []
    monkeypatch.setattr(app, "_data_failed", failed.append)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        rewrite(events, whole[: len(whole) // 2])
        await wait_for(
            pilot, lambda: app.timeline.event_by_id["treaty"].title == "Treaty of friendship"
        )
    assert True in looks and failed == []


async def test_a_reload_is_not_cached_when_the_files_changed_while_it_was_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The entry's key is that of the files as first read: if they change meanwhile,
    the load is shown but not cached, and the next look loads the folder again."""
    from tui import app as app_module
    from tui import watch as watch_module
    from tui.watch import folder_state

    opened: list[Opened] = []
    stored: list[Opened] = []
    from tui import opening as opening_module

    real_open, real_store = opening_module.open_folder, Opened.store

    def noting_open(*args: object, **kwargs: object) -> Opened:
        opened.append(real_open(*args, **kwargs))  # type: ignore[arg-type]
        return opened[-1]

    def changed_once_after_the_first_load(data_dir: Path) -> object:
        state = folder_state(data_dir)
        if len(opened) == 1 and not stored:
            return state | {("a file written meanwhile", 1, 1)}
        return state

    def noting_store(self: Opened) -> None:
        stored.append(self)
        real_store(self)

    monkeypatch.setattr(opening_module, "open_folder", noting_open)
    monkeypatch.setattr(app_module, "folder_state", changed_once_after_the_first_load)
    # And where `Opened.store_unless_changed` looks: the same files, the same state.
    monkeypatch.setattr(watch_module, "folder_state", changed_once_after_the_first_load)
    monkeypatch.setattr(Opened, "store", noting_store)
    app = app_for(tmp_path)
    app.reload_interval = 0.05
    events = tmp_path / "data" / "events.yaml"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        stored.clear()  # the start's load
        rewrite(events, EVENTS.replace("title: Treaty signed", "title: Treaty of friendship"))
        await wait_for(pilot, lambda: len(stored) == 1)
    assert len(opened) >= 2 and stored[0] is not opened[0] and stored[0] is opened[-1]
    assert stored[0].timeline.event_by_id["treaty"].title == "Treaty of friendship"


def test_event_line_finds_the_id_line(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(EVENTS, encoding="utf-8")
    line = event_line(path, "visit")
    assert line is not None
    assert EVENTS.splitlines()[line - 1] == "  - id: visit"
    assert event_line(path, "vis") is None
    assert event_line(tmp_path / "missing.yaml", "visit") is None


def test_editor_command_prefers_visual_and_splits_words() -> None:
    assert editor_command({"VISUAL": "code --wait", "EDITOR": "vi"}) == ["code", "--wait"]
    assert editor_command({"EDITOR": "vi"}) == ["vi"]
    assert editor_command({"EDITOR": "  "}) is None
    assert editor_command({}) is None


def _retitling_editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$EDITOR set to a script that writes its arguments to the file returned and
    retitles the event "visit" in the file it is given."""
    received = tmp_path / "editor-args"
    script = tmp_path / "fake-editor"
    script.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$@" > "{received}"\n'
        'sed -i "s/title: Xi visits Pyongyang/title: Xi visits Pyongyang again/" "$2"\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(script))
    return received


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script as the editor")
async def test_E_opens_the_event_in_the_editor_at_its_line_and_reloads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    received = _retitling_editor(tmp_path, monkeypatch)
    app = app_for(tmp_path, event_id="visit")
    app.reload_interval = 60  # only the editor's return reloads
    monkeypatch.setattr(app, "suspend", nullcontext)  # no terminal to hand over in a test
    events = tmp_path / "data" / "events.yaml"
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("E")
        args = received.read_text(encoding="utf-8").splitlines()
        assert args == [f"+{event_line(events, 'visit')}", str(events)]
        await wait_for(
            pilot, lambda: app.timeline.event_by_id["visit"].title == "Xi visits Pyongyang again"
        )
        assert app.screen.event is not None and app.screen.event.id == "visit"


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script as the editor")
async def test_E_in_the_article_view_opens_the_events_file_at_its_end_and_reloads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A journalist's trial: the article view's hints said "write the event with E",
    and E did nothing there."""
    from tui.screens.article import ArticleScreen

    received = _retitling_editor(tmp_path, monkeypatch)
    app = app_for(tmp_path, event_id="visit")
    app.reload_interval = 60  # only the editor's return reloads
    monkeypatch.setattr(app, "suspend", nullcontext)
    events = tmp_path / "data" / "events.yaml"
    lines = events.read_bytes().count(b"\n")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, ArticleScreen))
        await pilot.press("E")
        args = received.read_text(encoding="utf-8").splitlines()
        assert args == [f"+{lines + 1}", str(events)]
        await wait_for(
            pilot, lambda: app.timeline.event_by_id["visit"].title == "Xi visits Pyongyang again"
        )
        assert isinstance(app.screen, ArticleScreen)  # the article stays in view


async def test_E_without_an_editor_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    app = app_for(tmp_path, event_id="visit")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await pilot.pause()
        assert any("Set $EDITOR" in n for n in notices(app))


async def test_a_reload_lets_the_timeline_it_replaced_go(tmp_path: Path) -> None:
    """A replaced timeline is freed by the next reload at the latest: never frozen
    out of the collector's reach for good with the widgets that held it (their
    reference cycles would then never be freed)."""
    import gc
    import weakref

    app = app_for(tmp_path)
    app.reload_interval = 0.05
    events = tmp_path / "data" / "events.yaml"
    replaced: list[weakref.ref[object]] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for n in range(3):
            replaced.append(weakref.ref(app.screen.index))  # type: ignore[attr-defined]
            title = f"Treaty number {n}"
            rewrite(events, EVENTS.replace("title: Treaty signed", f"title: {title}"))
            await wait_for(pilot, lambda t=title: app.timeline.event_by_id["treaty"].title == t)
            await pilot.pause(0.1)
        # The last one replaced may wait for the next reload; the earlier ones are gone.
        assert [ref() is None for ref in replaced[:2]] == [True, True]
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    assert replaced[2]() is None  # nothing but the freeze could have kept it


def _suspend_like_textual(calls: list[str]) -> Callable[[], AbstractContextManager[None]]:
    """A stand-in for `App.suspend` that, as Textual's does, resumes only when the
    block ends normally."""

    @contextmanager
    def suspend() -> Iterator[None]:
        calls.append("suspend")
        yield
        calls.append("resume")

    return suspend


@pytest.mark.skipif(sys.platform == "win32", reason="a file that cannot be run")
@pytest.mark.parametrize("runnable", [False, True])
def test_an_editor_that_cannot_start_leaves_the_explorer_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runnable: bool
) -> None:
    """`E` with $EDITOR naming a program this machine lacks left the terminal handed
    over for good (a blank screen, keys echoed): the failure came inside Textual's
    suspend, which then never resumed."""
    calls: list[str] = []
    app = SimpleNamespace(suspend=_suspend_like_textual(calls))
    editor = tmp_path / "not-an-editor"
    if runnable:  # found, but not a program: running it fails
        editor.write_bytes(b"\x00\x01 not a program")
        editor.chmod(editor.stat().st_mode | stat.S_IXUSR)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(editor))
    said = edit_at_line(cast(Any, app), tmp_path / "events.yaml", 3)
    assert said is not None and said[1] == "error"
    assert said[0].startswith(f"Could not start {editor}")
    assert calls == (["suspend", "resume"] if runnable else [])


async def test_the_problem_list_is_reached_with_tab_and_scrolled_with_j(tmp_path: Path) -> None:
    """A trial at 80×24: of 50 problems one and a half showed, and Tab never reached the
    list, so the rest could not be read."""
    app = app_for(tmp_path)
    app.reload_interval = 0.05
    events = tmp_path / "data" / "events.yaml"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rewrite(events, EVENTS.replace("quote: '", "quote: 'ZZZ "))
        await wait_for(pilot, lambda: len(app.problems) > 2)
        panel = app.screen.query_one("#problems", ProblemsPanel)
        assert panel.max_scroll_y > 0  # more than it shows
        for _ in range(6):
            if panel.has_focus:
                break
            await pilot.press("tab")
        assert panel.has_focus
        await pilot.press("j", "j")
        assert panel.scroll_y == 2
        await pilot.press("G")
        assert panel.scroll_y == panel.max_scroll_y
        # Mended while the list has the focus: the timeline takes it back (none had it).
        rewrite(events, EVENTS)
        await wait_for(pilot, lambda: not app.problems)
        assert isinstance(app.focused, TimelineView)


def test_an_editor_that_fails_is_said_to_have(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hostile-input trial: an editor ending with a non-zero status (`false`) was
    reported nowhere."""
    calls: list[str] = []
    app = SimpleNamespace(suspend=_suspend_like_textual(calls))
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "false")
    said = edit_at_line(cast(Any, app), tmp_path / "events.yaml", 3)
    assert said is not None and said[1] == "warning"
    assert said[0].startswith("false ended with exit status 1")
    assert calls == ["suspend", "resume"]
    monkeypatch.setenv("EDITOR", "true")
    assert edit_at_line(cast(Any, app), tmp_path / "events.yaml", 3) is None


async def test_opened_on_files_with_a_problem_it_shows_what_loads_until_they_are_fixed(
    tmp_path: Path,
) -> None:
    """As `timeline` opens a folder with problems: the entries that load are shown, the
    problems listed under the panes; once the file is fixed, the whole timeline is."""
    from tests.app_helpers import write_data
    from tui.app import make_app
    from tui.opening import open_timeline
    from tui.problems import DataError

    data = write_data(tmp_path, events=EVENTS.replace("actors: [china]", "actors: [chna]"))
    with pytest.raises(DataError) as raised:
        open_timeline(data)
    assert raised.value.files_parsed and raised.value.loaded is not None
    partial = raised.value.loaded()
    assert "trade" not in partial.event_by_id and "treaty" in partial.event_by_id
    app = make_app(data, timeline=partial, problems=raised.value.problems)
    app.reload_interval = 0.05
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        panel = app.screen.query_one("#problems", ProblemsPanel)
        assert panel.display and app.partial
        assert "showing the entries that load until it is fixed" in panel.plain
        assert "unknown actor 'chna'" in panel.plain
        assert not notices(app)  # the list says it: no notice over it
        assert "trade" not in listed(app)

        rewrite(tmp_path / "data" / "events.yaml", EVENTS)
        await wait_for(pilot, lambda: not app.problems)
        assert not panel.display and not app.partial
        assert "trade" in listed(app)


def test_a_file_that_is_not_yaml_leaves_nothing_to_open() -> None:
    """An events file that does not parse: the error says the explorer cannot open on
    what loaded (it would show no events, and `t` would append to a broken file)."""
    import tempfile

    from tests.app_helpers import write_data
    from tui.opening import open_timeline
    from tui.problems import DataError

    with tempfile.TemporaryDirectory() as root:
        data = write_data(Path(root), events=EVENTS + "  - id: [unclosed\n")
        with pytest.raises(DataError) as raised:
            open_timeline(data)
        assert not raised.value.files_parsed


async def test_opened_with_problems_it_shows_what_loads_at_each_reload(tmp_path: Path) -> None:
    """A review: the entries shown stayed those of the start while problems remained,
    an event put right (or added) meanwhile not shown though the heading said it was."""
    from tests.app_helpers import write_data
    from tui.app import make_app
    from tui.opening import open_timeline
    from tui.problems import DataError

    broken = (EVENTS.replace("actors: [china]", "actors: [chna]")
              .replace("actors: [china, north-korea]", "actors: [china, nk]", 1))
    data = write_data(tmp_path, events=broken)
    with pytest.raises(DataError) as raised:
        open_timeline(data)
    partial = raised.value.loaded()  # type: ignore[misc]
    assert "trade" not in partial.event_by_id and "war" not in partial.event_by_id
    app = make_app(data, timeline=partial, problems=raised.value.problems)
    app.reload_interval = 0.05
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        panel = app.screen.query_one("#problems", ProblemsPanel)
        assert len(app.problems) == 2
        # One put right, one left: the one put right is shown, the other still listed.
        rewrite(data / "events.yaml", EVENTS.replace("actors: [china]", "actors: [chna]"))
        await wait_for(pilot, lambda: len(app.problems) == 1)
        await wait_for(pilot, lambda: "war" in listed(app))
        assert "trade" not in listed(app) and app.partial
        assert "showing the entries that load" in panel.plain
        rewrite(data / "events.yaml", EVENTS)
        await wait_for(pilot, lambda: not app.problems)
        assert "trade" in listed(app) and not app.partial
        assert any(n == "The data loads." for n in notices(app))
