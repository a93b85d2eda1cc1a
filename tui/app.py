"""The Textual explorer: `make_app` builds a `TimelineApp` for a timeline.

The app wires screens: the `ExplorerScreen` (which wires the widgets) and the
help modal. It imports the model; the model never imports Textual.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.worker import Worker, get_current_worker

from tui.datafiles import default_data_dir
from tui.filters import Filter, TimelineIndex
from tui.headstore import Head, first_look
from tui.loading.kept import Reuse
from tui.model import Timeline
from tui.opening import Opened, open_indexed, open_timeline, reuse_of
from tui.perf import gc_paused, interactive_collector, refreeze
from tui.problems import DataError, Problem
from tui.screens.app_keys import AppKeys
from tui.screens.explorer import ExplorerScreen
from tui.screens.keys_in_order import KeysInOrder
from tui.screens.messages import EventAdded, EventsEdited
from tui.screens.notices import RepaintAfterNotices
from tui.watch import FolderState, FolderWatch, folder_state
from tui.widgets.scroll_bar import use_strip_scroll_bars
from tui.words import counted

# Seconds between two looks at the data folder's files where the kernel does not
# report changes (`FolderWatch`): a look stats every file (about 3 ms with 300
# seeds), and the interval is the floor of a reload's delay.
RELOAD_INTERVAL = 0.2
WATCHED_LOOK_INTERVAL = 2.0  # with a FolderWatch: look regardless this often
SETTLE_INTERVAL = 0.05  # after a change is seen, until two looks agree
# Woken by the kernel: how long each wait lasts while a file written is still open
# (waited for until it is closed), and how long nothing more must be reported once
# every file written was closed or renamed into place before the files are read
# (the common case: only the other files of a burst, as a checkout writes them,
# are waited for).
QUIET_WHILE_WRITING = SETTLE_INTERVAL
QUIET_WHEN_CLOSED = 0.005
MAX_QUIET_WAIT = 1.0  # woken by the kernel, wait this long at most for the changes to stop


class TimelineApp(KeysInOrder, RepaintAfterNotices, AppKeys):
    """The explorer of one timeline, opened with a start filter and event."""

    TITLE = "Timeline explorer"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+c", "interrupt", "Quit (in a text box: copy)", show=False,
                id="app.interrupt"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.palette"),
    ]

    def __init__(
        self,
        timeline: Timeline,
        *,
        start_filter: Filter | None = None,
        start_event: str | None = None,
        data_dir: Path | None = None,
        head: Head | None = None,
        unstored: tuple[Opened, FolderState] | None = None,
        problems: tuple[Problem, ...] = (),
        seen: FolderState | None = None,
    ) -> None:
        super().__init__()
        use_strip_scroll_bars()  # drawn as strips, not through Rich: a bar costs less
        interactive_collector()  # fewer collections in the middle of a keystroke
        self.timeline = timeline
        # With `head`, `timeline` is the head of a long one (`tui.headstore`):
        # the whole model is read from `data_dir` after the first paint.
        self.head = head
        self.start_filter = start_filter or Filter()
        self.start_event = start_event
        # The folder `timeline` was read from: watched, and reloaded when it changes.
        self.data_dir = data_dir
        self.reload_interval = RELOAD_INTERVAL
        self.problems: tuple[Problem, ...] = ()  # of the files as they are now
        # Those of the files `timeline` is what loaded of: listed once the screen is up.
        self._start_problems = problems
        # The shown timeline is what loaded of files with problems (until they load).
        self.partial = bool(problems)
        # The folder's state before such a start's load: watched from there.
        self._seen_at_start = seen
        self._reload_now = threading.Event()
        self._select_after_reload: str | None = None  # an event just added
        # A timeline loaded for this start, its cache entry not yet written, and
        # the folder as it was before the load: written after the first paint.
        self._unstored = unstored
        # What the next load may reuse, read behind a head with the whole timeline
        # (that timeline, and its reuse): taken by the live reload's first load.
        self._reuse_ahead: tuple[Timeline, Reuse] | None = None

    def on_mount(self) -> None:
        """Open the explorer; watch the data folder if there is one."""
        self.explorer = ExplorerScreen(
            self.timeline,
            start_filter=self.start_filter,
            start_event=self.start_event,
            data_dir=self.data_dir,
            head=self.head,
        )
        self.push_screen(self.explorer)
        if self._start_problems:
            self.call_after_refresh(self._data_failed, self._start_problems)
        if self.data_dir is not None:
            unstored, self._unstored = self._unstored, None
            # A folder loaded for this start is watched from the state it was read
            # in (a file saved during the load is reloaded at the first look), with
            # what the load left for the next.
            if unstored is not None:
                start: tuple[FolderState, Reuse | None] | None = (unstored[1], unstored[0].reuse)
            else:
                start = None if self._seen_at_start is None else (self._seen_at_start, None)
            self._watch_data(self.data_dir, start)
            if self.head is not None:
                # After the first paint, so that the head shows before the read starts.
                self.call_after_refresh(self._read_whole, self.data_dir)
            if unstored is not None and unstored[0].unwritten is not None:
                # After the first paint too: a cold start shows its timeline first
                # (writing the entry takes about 0.15 s at 10,000 events).
                self.call_after_refresh(self._store_loaded, self.data_dir, *unstored)

    # Every worker is given a description: without one, Textual makes one from the
    # repr of its arguments, and a whole timeline's takes seconds (6 s at 100,000
    # events), on the UI thread, as the worker starts.
    @work(
        thread=True, exclusive=True, group="store-loaded",
        description="write the cache entry of the timeline loaded at start",
    )
    def _store_loaded(self, data_dir: Path, opened: Opened, seen: FolderState) -> None:
        """In a worker thread: write the cache entry of the timeline this start loaded."""
        opened.store_unless_changed(data_dir, seen)

    @work(
        thread=True, exclusive=True, group="read-whole",
        description="read the whole timeline behind its head",
    )
    def _read_whole(self, data_dir: Path) -> None:
        """In a worker thread: read the whole timeline whose head is shown, and index it.

        As a live reload does: not frozen out of the collector's reach (the head's
        widgets are alive), and cached only if the files did not change meanwhile.
        """
        seen = folder_state(data_dir)
        try:
            # The search texts too: the filters are ready, search included, once
            # the whole replaces the head.
            opened, index = open_indexed(data_dir, texts=True)
        except DataError as error:
            # Changed since the head was written, and now invalid: the problems are
            # listed and the head stays until the files load again (live reload).
            self.call_from_thread(self._whole_failed, error.problems)
            return
        # And what an edit's reload needs of the cache entry (about 0.2 s and 90 MB
        # at 100,000 events), read now rather than after the first edit: while the
        # head is shown, and reading the model holds the interpreter anyway.
        reuse = opened.reuse if opened.reuse is not None else reuse_of(opened.timeline)
        if reuse is not None:
            self._reuse_ahead = (opened.timeline, reuse)
        shown = self.call_from_thread(self._whole_read, opened.timeline, index)
        if shown is not None and not _painted(shown, get_current_worker()):
            return
        opened.store_unless_changed(data_dir, seen)

    def _whole_failed(self, problems: tuple[Problem, ...]) -> None:
        """The whole timeline cannot be read: list why; the head stays, saying so."""
        if self.head is not None:
            self.explorer.head_unreadable()
        self._data_failed(problems)

    def _whole_read(self, timeline: Timeline, index: TimelineIndex) -> threading.Event | None:
        """The whole timeline is read: it replaces the head, unless a reload did already.

        Returns what `_data_loaded` returns, or None when the head was replaced already.
        """
        if self.head is not None:
            return self._data_loaded(timeline, index)
        self._reuse_ahead = None  # for a timeline a reload has replaced already
        return None

    # --- live reload ------------------------------------------------------------------

    @work(
        thread=True, exclusive=True, group="live-reload",
        description="watch the data folder and reload it",
    )
    def _watch_data(
        self, data_dir: Path, start: tuple[FolderState, Reuse | None] | None = None
    ) -> None:
        """In a worker thread: look at the files when `FolderWatch` says something
        changed (every `reload_interval` seconds where it cannot) and load the
        folder again when they did (or when a reload is asked for).

        What each load leaves for the next one is kept here, so a reload after the
        first reads nothing from the cache (the first reads only what the shown
        timeline's entry kept); the new timeline goes to the screen before its
        cache entry is written. `start`: the folder's state when the shown timeline
        was read, and what that load left (else the state now, and nothing)."""
        worker = get_current_worker()
        watch = FolderWatch(data_dir)
        try:
            self._watch_loop(worker, watch, data_dir, start)
        finally:
            watch.close()

    def _watch_loop(
        self,
        worker: Worker[None],
        watch: FolderWatch,
        data_dir: Path,
        start: tuple[FolderState, Reuse | None] | None,
    ) -> None:
        """`_watch_data`'s loop: woken by `watch` when it is active, else polling."""
        seen, previous = start if start is not None else (folder_state(data_dir), None)
        while not worker.is_cancelled:
            # Woken by the kernel, the files are still looked at now and then, in
            # case a change went unreported (a network file system).
            interval = WATCHED_LOOK_INTERVAL if watch.active else self.reload_interval
            deadline = time.monotonic() + interval
            asked = woken = False
            while not worker.is_cancelled and time.monotonic() < deadline:
                # Short waits: quitting is never held up.
                if watch.active and watch.wait(0.05):
                    woken = True
                    break
                if self._reload_now.wait(0 if watch.active else 0.05):
                    self._reload_now.clear()
                    asked = True
                    break
            # A file being written (not renamed into place) is loaded once it is
            # still, not half written: once every file written is closed and the
            # kernel reports nothing for 5 ms (a program writing a large file whole
            # may open it, emptying it, well before it writes: a file still open is
            # waited for), for at most a second (changes that go on and on, a file
            # left open), else once two looks agree.
            quiet_by = time.monotonic() + MAX_QUIET_WAIT
            quick = False  # read after the short wait: every file written was closed
            read_ahead = previous is not None
            while woken and not worker.is_cancelled:
                quick = not watch.writing
                changed = watch.wait(QUIET_WHEN_CLOSED if quick else QUIET_WHILE_WRITING)
                if time.monotonic() > quiet_by:
                    woken = quick = False
                    break
                if not changed and quick:
                    break
                if not changed and not read_ahead:
                    # A writer at work, pausing: what the shown timeline's cache entry
                    # kept for the next load is read meanwhile, not after (0.1-0.25 s
                    # at 100,000 events, on the first reload after a start from it).
                    ahead = self._reuse_ahead_of_shown()
                    previous, read_ahead = ahead or reuse_of(self.timeline), True
            if worker.is_cancelled:
                return
            if not woken:
                watch.add_watches()  # a folder made since (drafts/, or made anew)
            state = folder_state(data_dir)
            if state == seen and not asked:
                continue
            while not woken and not worker.is_cancelled:
                time.sleep(SETTLE_INTERVAL)
                again = folder_state(data_dir)
                if again == state:
                    break
                state = again
            seen = state
            # This load reads the files as they are from now on: it answers every
            # reload asked for until now (the explorer asks after writing a file,
            # and the kernel has usually woken this loop for that write already).
            self._reload_now.clear()
            # With a search in force, the new timeline is shown filtered: its search
            # texts are needed for the swap, and are built here, off the UI thread.
            searching = bool(self.explorer.filter.search.strip())
            if previous is None:
                previous = self._reuse_ahead_of_shown()
            try:
                opened, index = open_indexed(
                    data_dir, previous, self.timeline, searching, self.explorer.index
                )
            except DataError as error:
                # Read after the short wait, the files may be between two rounds of
                # one writer (written and closed, then appended to): if more comes
                # within the longer wait, the files are read again once they are
                # still, and problems are shown only if they are still there.
                if quick and watch.wait(QUIET_WHILE_WRITING):
                    self._reload_now.set()
                    continue
                if self.partial and error.files_parsed and error.loaded is not None:
                    # Shown from a start with problems: what loads now, as then (an
                    # event added for an actor declared before it is shown).
                    with gc_paused():
                        loaded = error.loaded()
                        index = TimelineIndex.build(loaded)
                    self.call_from_thread(self._data_loaded, loaded, index, error.problems)
                    continue
                self.call_from_thread(self._data_failed, error.problems)
                continue
            # A timeline read whole from the cache leaves nothing to reuse, and the
            # last load's events would only keep the old model alive.
            previous = opened.reuse
            shown = self.call_from_thread(self._data_loaded, opened.timeline, index)
            # Pickling the entry holds the interpreter for long stretches (about
            # 0.2 s at 10,000 events): written while the new timeline is laid out
            # and painted, it delayed the paint by as much.
            if not _painted(shown, worker):
                return
            # Without a search, built once the new timeline is shown, not before: at
            # 10,000 events it is shown about 0.1 s sooner. A search typed meanwhile
            # builds them itself (two threads at worst compute them once each).
            with gc_paused():
                index.texts  # noqa: B018 - built now, off the UI thread
            opened.store_unless_changed(data_dir, seen)

    def _reuse_ahead_of_shown(self) -> Reuse | None:
        """What was read ahead for the next load, if it is the shown timeline's
        (taken once: a later load keeps what the one before it left)."""
        ahead, self._reuse_ahead = self._reuse_ahead, None
        return ahead[1] if ahead is not None and ahead[0] is self.timeline else None

    def reload_data(self) -> None:
        """Load the data folder again now (after an edit made from the explorer)."""
        self._reload_now.set()

    async def _swap(
        self, timeline: Timeline, index: TimelineIndex, select: str | None,
        shown: threading.Event,
    ) -> None:
        """Show `timeline` in place of the last one, then settle the collector.

        Once the screen holds the new timeline alone: `shown` is set, what the
        old one left is freed and what is alive is moved out of the collector's
        reach (`refreeze`), so that no later collection walks the new model in
        the middle of a keystroke.
        """
        await self.explorer.set_timeline(timeline, index, select)
        self.call_after_refresh(self._settle_after_swap, shown)

    def _settle_after_swap(self, shown: threading.Event) -> None:
        shown.set()
        refreeze()

    def _data_loaded(
        self, timeline: Timeline, index: TimelineIndex, problems: tuple[Problem, ...] = ()
    ) -> threading.Event:
        """The files load: show the new timeline, keeping filters and selection. With
        `problems`, it is what loads of files that have them, shown while the
        explorer shows no better (`partial`), and they are listed.

        Returns an event set once the new timeline has been painted.
        """
        shown = threading.Event()
        self.head = None  # a head shown meanwhile is replaced too
        self.timeline = timeline
        # After the messages already queued, in order with other reloads (a count
        # of the old timeline still queued is dropped by the panel).
        select, self._select_after_reload = self._select_after_reload, None

        async def swap() -> None:
            # A closure, not the arguments: Textual writes out the callback it
            # drops (no screen), and a timeline's repr takes seconds.
            await self._swap(timeline, index, select, shown)

        self.call_later(swap)
        if problems:
            self.problems = problems
            self.explorer.show_problems(problems, partial=True)
            return shown
        if self.problems:
            # After a start with problems it never loaded whole: not "again".
            self.notify("The data loads." if self.partial else "The data loads again.",
                        markup=False)
        self.problems = ()
        self.partial = False
        self.explorer.show_problems(())
        return shown

    def _data_failed(self, problems: tuple[Problem, ...]) -> None:
        """The files have problems: keep the timeline shown and list them under the panes.

        It is the last good timeline, or (`partial`) what loaded of the files at
        start; the list's heading says which. A notice says so only over another
        screen (the article view, a form): over the explorer it would cover the list.
        """
        if not self.problems and self.screen is not self.explorer:
            self.notify(
                f"The data has {counted(len(problems), 'problem')}: the explorer lists "
                "them under its panes.",
                severity="warning",
                markup=False,
            )
        self.problems = problems
        self.explorer.show_problems(problems, partial=self.partial)

    @on(ExplorerScreen.DataEdited)
    @on(EventsEdited)
    def _data_edited(self) -> None:
        self.reload_data()

    @on(EventAdded)
    def _event_added(self, message: EventAdded) -> None:
        """Back to the explorer, which shows the new event selected once reloaded."""
        from tui.screens.article import ArticleScreen  # opened, so imported already

        self._select_after_reload = message.event_id
        while isinstance(self.screen, ArticleScreen):
            self.pop_screen()
        self.reload_data()


def _painted(shown: threading.Event, worker: Worker[None]) -> bool:
    """Wait in `worker` until `shown` is set; False if the worker is cancelled first
    (the explorer is closing, and may never paint)."""
    while not shown.wait(0.05):
        if worker.is_cancelled:
            return False
    return True


def make_app(
    data_dir: Path | None = None,
    *,
    timeline: Timeline | None = None,
    head: Head | None = None,
    actors: Sequence[str] = (),
    years: Sequence[int] = (),
    event_id: str | None = None,
    search: str = "",
    article: str | None = None,
    unstored: tuple[Opened, FolderState] | None = None,
    problems: Sequence[Problem] = (),
    seen: FolderState | None = None,
) -> TimelineApp:
    """The explorer for `timeline` (or the one loaded from `data_dir`), pre-filtered.

    `actors` are actor ids and `years` years to filter by; `search` a text filter;
    `article` an article id, whose events alone are shown;
    `event_id` the event to select and scroll into view. The data folder (`data_dir`,
    or the shipped one when `timeline` is not given) is watched and reloaded live.

    Opened unfiltered, a long timeline is first shown from its `head` (looked up in
    the cache when neither `timeline` nor `head` is given; see `tui.headstore`),
    and read whole after the first paint.

    `unstored` is how `timeline` was opened (`tui.opening.open_folder`) and the
    folder's state just before, when its cache entry is still to be written: it
    is written after the first paint, unless the files changed meanwhile.

    `problems` are those of the files `timeline` was loaded from, when it is only
    what loaded of them: listed under the panes until the files load; `seen` the
    folder's state before that load, watched from there.
    """
    folder = data_dir
    start = Filter(
        actors=frozenset(actors), years=frozenset(years), search=search, article=article
    )
    with gc_paused():
        if timeline is None:
            folder = data_dir if data_dir is not None else default_data_dir()
            cache = None
            if head is None and not start.is_active and event_id is None:
                head, cache = first_look(folder)
            timeline = head.timeline if head is not None else open_timeline(folder, cache=cache)
        # The model lives as long as the app and holds no garbage: move it out of
        # the collector's reach, so collections during scrolling and filtering stay
        # short. Frozen before the collector is back on: its first collection would
        # otherwise walk every object the load made (0.4 s at 100,000 events).
        gc.freeze()
    if head is not None and timeline is not head.timeline:
        head = None  # the whole timeline was given
    return TimelineApp(
        timeline,
        start_filter=start,
        start_event=event_id,
        data_dir=folder,
        head=head,
        unstored=unstored,
        problems=tuple(problems),
        seen=seen,
    )
