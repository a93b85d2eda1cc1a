"""`timeline` with no command: open the explorer on a data folder.

A folder with problems opens too, as long as its files are read as YAML: the
explorer shows the entries that load and lists every problem under the panes,
as its live reload does when a file stops loading, so that a curator starting
a timeline (an actor declared before the event that names it) works where the
timeline is built. The problems still left when the explorer is quit are
written to standard error, as `timeline check` writes them, and the exit code
is 1.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, MutableMapping
from typing import TYPE_CHECKING

from tui.cliargs import EXIT_DATA, EXIT_OK, UsageError
from tui.datafiles import default_data_dir, shown_folder
from tui.loadfeedback import LoadFeedback
from tui.loading.progress import WAITING, Progress
from tui.opening import open_folder
from tui.problems import DataError, Problem
from tui.suggest import unknown_event_message

if TYPE_CHECKING:
    from tui.filters import Filter
    from tui.model import Timeline

# How long a lone Esc waits for the rest of an escape sequence (Textual's default
# is 100 ms). The explorer's input thread wakes when that wait ends (see
# `tui.terminal_driver`), so this is how long a lone Esc takes to arrive. A local
# terminal or tmux writes a whole sequence at once; 10 ms is also tmux's own
# default wait since 3.5. Over ssh a lossy link can split a sequence (an arrow
# would become Esc, which closes a form, then `[` and `A`): 50 ms there, as
# Neovim waits. Set ESCDELAY for another wait. Textual reads the variable once,
# when imported.
ESCAPE_DELAY_MS = "10"
ESCAPE_DELAY_SSH_MS = "50"

# Textual draws what changed at most this many times a second (its default is 60).
# A keystroke whose message changes other panes (a search letter: the box, then
# the timeline) takes two frames, and the second waits for Textual's timer, which
# places it one to two periods after the first. At 240 that wait is 4-8 ms:
# measured against 120 through a pseudo-terminal, an actor toggle (two frames
# then) settled about 8 ms sooner at the median, `j` and a search letter 5-8 ms.
# A frame is drawn only when something changed, so an idle explorer draws
# nothing either way. TEXTUAL_FPS set by the user stands.
FRAMES_PER_SECOND = "240"


def terminal_defaults(environ: MutableMapping[str, str]) -> None:
    """Give `ESCDELAY` and `TEXTUAL_FPS` this program's defaults unless the user set them."""
    remote = "SSH_CONNECTION" in environ or "SSH_TTY" in environ
    environ.setdefault("ESCDELAY", ESCAPE_DELAY_SSH_MS if remote else ESCAPE_DELAY_MS)
    environ.setdefault("TEXTUAL_FPS", FRAMES_PER_SECOND)


def _importing_while_waiting(feedback: LoadFeedback) -> Progress:
    """`feedback` as a load's progress, and the interface imported while the load waits
    for its second core's share of the sources (`tui.loading.progress.WAITING`).

    The import (Textual and the explorer, about 0.15 s) is needed once the load
    ends; done in that wait (0.1-0.2 s at 10,000 events), a cold start paints
    sooner by as much, and never later.
    """

    def progress(stage: str, done: int, total: int) -> None:
        feedback(stage, done, total)
        if stage == WAITING:
            terminal_defaults(os.environ)  # before Textual is imported: it reads both once
            import tui.app
            import tui.terminal_driver  # noqa: F401

    return progress


def cmd_explore(
    args: argparse.Namespace, filter_from_args: Callable[[argparse.Namespace, Timeline], Filter]
) -> int:
    """Open the explorer on `args.data` (or the shipped folder); returns the exit code.

    `filter_from_args` checks the start options (`--actor`, `--year`, …) against
    the timeline and makes its filter, as for `list`.
    """
    if not (sys.stdin.isatty() and sys.stdout.isatty()):  # before a possibly long load
        raise UsageError(
            "the explorer needs a terminal; use `timeline list` or "
            "`timeline export` for plain output"
        )
    folder = args.data if args.data is not None else default_data_dir()  # watched for edits
    # Opened unfiltered, a long timeline is shown from its cached first screen and
    # read whole behind it; with options, the whole is needed to check them first.
    from tui.headstore import first_look

    filtered = args.actor or args.year or args.search or args.article or args.event
    head, cache = (None, None) if filtered else first_look(folder)
    unstored = None
    problems: tuple[Problem, ...] = ()
    if head is None:
        from tui.watch import folder_state

        seen = folder_state(folder)  # before the load: an edit meanwhile is not cached
        # The cache entry is written after the explorer's first paint.
        with LoadFeedback() as feedback:
            try:
                opened = open_folder(
                    folder,
                    on_parse=feedback.announce,
                    progress=_importing_while_waiting(feedback),
                    cache=cache,  # its key worked out by the look for a first screen
                )
            except DataError as exc:
                if exc.loaded is None or not exc.files_parsed:  # a file is not YAML
                    raise
                timeline, problems = exc.loaded(), exc.problems
            else:
                timeline = opened.timeline
                unstored = (opened, seen)
        try:
            filt = filter_from_args(args, timeline)
            if args.event and args.event not in timeline.event_by_id:
                raise UsageError(unknown_event_message(list(timeline.event_by_id), args.event))
        except UsageError:
            if problems:
                # The event or article asked for may be one that did not load: the
                # problems say why, as `check` would.
                raise DataError(list(problems)) from None
            # No explorer will write the entry: written here, so that the next start
            # finds it (unless the files changed while they were read).
            if unstored is not None:
                unstored[0].store_unless_changed(folder, seen)
            raise
    terminal_defaults(os.environ)  # before Textual is imported: it reads both once
    from tui.app import make_app  # the UI is imported only when it is used
    from tui.terminal_driver import explorer_driver

    if head is not None:
        app = make_app(folder, head=head)
    else:
        app = make_app(
            folder,
            timeline=timeline,
            actors=sorted(filt.actors),
            years=sorted(filt.years),
            event_id=args.event,
            search=filt.search,
            article=filt.article,
            unstored=unstored,
            problems=problems,
            seen=seen if problems else None,  # watched from before the load
        )
    # Here, not in the app: tests drive the app headless, with their own driver.
    app.driver_class = explorer_driver(app.driver_class)
    app.run()
    if app.problems:
        # Quit with the files still not loading: said where a shell's user sees it.
        left = DataError(list(app.problems))
        sys.stderr.write(left.report(shown_folder(args.data)) + "\n")
        return EXIT_DATA
    return app.return_code or EXIT_OK
