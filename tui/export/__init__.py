"""Exports of a (filtered) timeline to files other tools read.

Each format is a function `(timeline, positions) -> str` registered in `FORMATS`
with its usual file extension; `positions` are indexes into `timeline.events`
(as `TimelineIndex.select` returns them), so every format honours the filters.
A format may also have a `stream` function that yields the same text in pieces
as it goes (CSV does), so a long export is never held whole in memory;
`export_chunks` uses it when there is one. A format's module is imported when
its functions are first asked for, so an export imports only its own.
`write_atomically` puts the text (or the pieces) in place without ever leaving a
partial file, and replaces only a regular file (see `tui.outfile`).
`render_export` and `export_chunks` pass each format the options it takes: the
words naming the filter, the timeline's own title (its subject, from
`articles.yaml`), and whether CSV cells that look like formulas are kept as they
are.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import cast

from tui.model import Timeline
from tui.outfile import replaceable_target, signals_unwind

# (timeline, positions, **options) -> text; `ExportFormat.options` names the options.
Exporter = Callable[..., str]
# (timeline, positions, **options) -> the same text in pieces, as they are made.
Streamer = Callable[..., Iterator[str]]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One export format: its name, file extension, and the functions that write it.

    `module` (under `tui.export`) holds them, `render_name` the one that renders
    the whole text and `stream_name`, if any, the one that yields it in pieces.
    """

    name: str
    extension: str
    description: str
    module: str
    render_name: str
    options: tuple[str, ...] = ()
    stream_name: str | None = None

    def _function(self, name: str) -> object:
        return getattr(import_module(f"tui.export.{self.module}"), name)

    @property
    def render(self) -> Exporter:
        """The function that renders the whole export."""
        return cast("Exporter", self._function(self.render_name))

    @property
    def stream(self) -> Streamer | None:
        """The function that yields the export in pieces, or None."""
        if self.stream_name is None:
            return None
        return cast("Streamer", self._function(self.stream_name))


FORMATS: dict[str, ExportFormat] = {
    "json": ExportFormat(
        "json", ".json", "complete, lossless JSON", "jsonfmt", "export_json",
        ("filter_words", "subject"),
    ),
    "csv": ExportFormat(
        "csv",
        ".csv",
        "one row per event for spreadsheets (RFC 4180)",
        "csvfmt",
        "export_csv",
        ("keep_formulas",),
        "iter_csv",
    ),
    "markdown": ExportFormat(
        "markdown",
        ".md",
        "readable chronology with quotes and citations",
        "markdown",
        "export_markdown",
        ("filter_words", "subject"),
    ),
    "ics": ExportFormat(
        "ics",
        ".ics",
        "iCalendar all-day events (RFC 5545)",
        "ics",
        "export_ics",
        ("filter_words", "subject"),
    ),
    "timelinejs": ExportFormat(
        "timelinejs",
        ".json",
        "Knight Lab TimelineJS3 JSON",
        "timelinejs",
        "export_timelinejs",
        ("filter_words", "subject"),
    ),
}


def render_export(
    name: str,
    timeline: Timeline,
    positions: Sequence[int],
    *,
    filter_words: str = "",
    keep_formulas: bool = False,
    subject: str | None = None,
) -> str:
    """The export `name` of the events at `positions`.

    `filter_words` names the filter that chose them (see `tui.filters.filter_words`)
    and `subject` is the timeline's own title (None: it has none), for the formats
    with a title; `keep_formulas` turns off the CSV formula guard.
    """
    fmt = FORMATS[name]
    given = {"filter_words": filter_words, "keep_formulas": keep_formulas, "subject": subject}
    return fmt.render(timeline, positions, **{key: given[key] for key in fmt.options})


def export_chunks(
    name: str,
    timeline: Timeline,
    positions: Sequence[int],
    *,
    filter_words: str = "",
    keep_formulas: bool = False,
    subject: str | None = None,
) -> Iterator[str]:
    """The export `name` in pieces whose concatenation is `render_export`'s text.

    A format with a `stream` function is written as it goes; any other is one piece.
    """
    fmt = FORMATS[name]
    given = {"filter_words": filter_words, "keep_formulas": keep_formulas, "subject": subject}
    options = {key: given[key] for key in fmt.options}
    stream = fmt.stream
    if stream is not None:
        yield from stream(timeline, positions, **options)
    else:
        yield fmt.render(timeline, positions, **options)


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, text: str | Iterable[str], *, force: bool = False) -> None:
    """Write `text` (a string, or pieces of one) to `path` via a temporary file and a rename.

    Raises FileExistsError when `path` exists and `force` is false, and
    `NotRegularTarget` (an OSError) when it is anything but a regular file or a
    link to one, `force` or not; a link is written through. On any failure, or
    SIGTERM/SIGHUP meanwhile, the temporary file is removed, so no partial file is
    ever left behind; the same when the pieces raise while they are being made.
    """
    path = Path(path)
    target = replaceable_target(path)
    if os.path.lexists(target) and not force:
        raise FileExistsError(path)
    directory = target.parent if str(target.parent) else Path(".")
    with signals_unwind():
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                if isinstance(text, str):
                    handle.write(text)
                else:
                    for piece in text:
                        handle.write(piece)
            # mkstemp creates the file private (0600); an export gets the usual mode.
            os.chmod(tmp_name, 0o666 & ~_current_umask())
            # Checked again: the path may have been created or swapped meanwhile.
            if replaceable_target(path) != target or (not force and os.path.lexists(target)):
                raise FileExistsError(path)
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise


def export_to_file(
    fmt: str,
    timeline: Timeline,
    positions: Sequence[int],
    path: Path,
    overwrite: bool,
    filter_words: str = "",
    subject: str | None = None,
) -> str | None:
    """Render and write an export; None when written, else what went wrong, in words.

    The export is written as it is made (`export_chunks`), never held whole.
    """
    pieces = export_chunks(fmt, timeline, positions, filter_words=filter_words, subject=subject)
    try:
        write_atomically(path, pieces, force=overwrite)
    except FileExistsError:
        return f"{path} appeared meanwhile; not overwritten."
    except OSError as exc:
        return f"Could not write {path}: {exc.strerror}"
    return None
