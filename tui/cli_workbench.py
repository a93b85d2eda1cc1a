"""The curator's commands of the command line: `add-article` and `draft`.

Apart from `tui.cli` so that it stays one readable file; the same rules hold:
expected failures are one message and an exit code, never a traceback, and every
line written passes through `tui.safetext`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from tui.cliargs import (
    EXIT_DATA,
    EXIT_OK,
    UsageError,
    output_exists,
    output_not_regular,
    refuse_output_early,
)
from tui.datafiles import ACTORS_FILE, DRAFTS_DIR, default_data_dir
from tui.model import Timeline
from tui.problems import DataError
from tui.safetext import visible
from tui.words import counted


def cmd_add_article(args: argparse.Namespace, out: TextIO) -> int:
    """`timeline add-article`: the text into seeds/, its entry into articles.yaml."""
    from tui.workbench import add_article, parse_published
    from tui.workbench_error import WorkbenchError

    data_dir = args.data or default_data_dir()
    try:
        window = parse_published(args.published)
        added = add_article(
            data_dir,
            args.file,
            window,
            title=args.title,
            outlet=args.outlet,
            author=args.author,
            note=args.note,
            basis=args.basis,
            article_id=args.article_id,
        )
    except WorkbenchError as exc:
        raise UsageError(f"{exc}" + (f"\n    hint: {exc.hint}" if exc.hint else "")) from None
    if added.made:
        out.write(visible(f"started the data folder {data_dir}: {', '.join(added.made)}") + "\n")
    out.write(visible(f"added article {added.id}, its text copied to {added.seed}") + "\n")
    if args.data is None:
        # Easily missed: without --data, a journalist's story joins the shipped timeline.
        out.write(
            "  it joins the shipped timeline's data; for a timeline of your own, add it with "
            "--data DIR (a new folder is started there)\n"
        )
    if not args.note:
        # The note is shown with every event the article dates: say so now, not there.
        out.write(
            "  its publication date has no note saying where it comes from (the event pane "
            "shows that): give one with --note, or write its published_note in "
            f"{visible(str(data_dir / 'articles.yaml'))}\n"
        )
    return EXIT_OK


def cmd_draft(
    args: argparse.Namespace, out: TextIO, load: Callable[[Path | None], Timeline]
) -> int:
    """`timeline draft`: candidates from an article's dated sentences, to a drafts file;
    the folder read with `load` (the command line's, which shows a long load)."""
    from tui.drafts_file import drafts_yaml
    from tui.export import write_atomically
    from tui.outfile import NotRegularTarget
    from tui.workbench import draft_events
    from tui.workbench_error import WorkbenchError

    data_dir = args.data or default_data_dir()
    if args.output is not None and str(args.output) != "-":  # said at once, as by `export`
        refuse_output_early(args.output, force=args.force)
    problems: DataError | None = None
    try:
        timeline = load(args.data)
    except DataError as exc:
        # A problem in the actors or in a drafts file (an actor no event names yet,
        # another article's unfinished draft) need not stop drafting: the article is
        # drafted against the events, and the problems are counted, not hidden. Any
        # other may touch the article or the events `restates:` must know: it stops.
        partial = exc.loaded() if exc.loaded is not None else None
        if (
            partial is None
            or args.article not in partial.article_by_id
            or not all(_leaves_drafting(p.file) for p in exc.problems)
        ):
            raise
        timeline, problems = partial, exc
    try:
        drafts = draft_events(timeline, args.article)
    except WorkbenchError as exc:
        raise UsageError(f"{exc}" + (f"\n    hint: {exc.hint}" if exc.hint else "")) from None
    text = drafts_yaml(args.article, drafts)
    to_stdout = args.output is not None and str(args.output) == "-"  # as other tools read it
    path = args.output or data_dir / DRAFTS_DIR / f"{args.article}.yaml"
    if to_stdout:
        out.write(text)
        out, path = sys.stderr, Path("standard output")  # the summary, beside the drafts
    elif args.output is None:
        refuse_output_early(path, force=args.force)
        path.parent.mkdir(parents=True, exist_ok=True)  # the folder's own drafts folder only
    # As `export` writes: atomically, only over a regular file, never creating folders.
    try:
        if not to_stdout:
            write_atomically(path, text, force=args.force)
    except FileExistsError:
        raise output_exists(path) from None
    except NotRegularTarget as exc:
        raise output_not_regular(path, exc) from None
    except OSError as exc:  # no such folder, no permission, a read-only disk: exit code 1
        sys.stderr.write(visible(f"timeline: cannot write {path}: {exc.strerror}") + "\n")
        return EXIT_DATA
    candidates = drafts.candidates
    restated = sum(1 for c in candidates if c.restates)
    left_out = (
        f"; {len(drafts.left_out)} not dated on their own, listed at its end"
        if drafts.left_out
        else ""
    )
    out.write(
        visible(
            f"wrote {counted(len(candidates), 'draft')} to {path} "
            f"({restated} restate an existing event{left_out})"
        )
        + "\n"
    )
    if problems is not None:
        count = len(problems.problems)
        loaded = len(timeline.events)
        sys.stderr.write(
            f"note: the data folder has {counted(count, 'problem')}, "
            "so these drafts were checked against the "
            f"{counted(loaded, 'event')} that loaded; "
            "`timeline check` lists the problems\n"
        )
    return EXIT_OK


def _leaves_drafting(file: str) -> bool:
    """True for a problem's file that drafting does not read: the actors (their ids
    are only suggested) and the drafts files (each article's own)."""
    return file == ACTORS_FILE or file.startswith(f"{DRAFTS_DIR}/")
