"""Exports of a (filtered) timeline to files other tools read.

Each format is a function `(timeline, positions) -> str` registered in `FORMATS`
with its usual file extension; `positions` are indexes into `timeline.events`
(as `TimelineIndex.select` returns them), so every format honours the filters.
`write_atomically` puts the text in place without ever leaving a partial file,
and replaces only a regular file (see `tui.outfile`). `render_export` passes each
format the options it takes: the words naming the filter, and whether CSV cells
that look like formulas are kept as they are.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.export.csvfmt import export_csv
from tui.export.ics import export_ics
from tui.export.jsonfmt import export_json
from tui.export.markdown import export_markdown
from tui.export.timelinejs import export_timelinejs
from tui.model import Timeline
from tui.outfile import replaceable_target, signals_unwind

# (timeline, positions, **options) -> text; `ExportFormat.options` names the options.
Exporter = Callable[..., str]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One export format: its name, file extension, and the function that writes it."""

    name: str
    extension: str
    description: str
    render: Exporter
    options: tuple[str, ...] = ()


FORMATS: dict[str, ExportFormat] = {
    "json": ExportFormat("json", ".json", "complete, lossless JSON", export_json),
    "csv": ExportFormat(
        "csv",
        ".csv",
        "one row per event for spreadsheets (RFC 4180)",
        export_csv,
        ("keep_formulas",),
    ),
    "markdown": ExportFormat(
        "markdown",
        ".md",
        "readable chronology with quotes and citations",
        export_markdown,
        ("filter_words",),
    ),
    "ics": ExportFormat(
        "ics", ".ics", "iCalendar all-day events (RFC 5545)", export_ics, ("filter_words",)
    ),
    "timelinejs": ExportFormat(
        "timelinejs",
        ".json",
        "Knight Lab TimelineJS3 JSON",
        export_timelinejs,
        ("filter_words",),
    ),
}


def render_export(
    name: str,
    timeline: Timeline,
    positions: Sequence[int],
    *,
    filter_words: str = "",
    keep_formulas: bool = False,
) -> str:
    """The export `name` of the events at `positions`.

    `filter_words` names the filter that chose them (see `tui.filters.filter_words`)
    for the formats with a title; `keep_formulas` turns off the CSV formula guard.
    """
    fmt = FORMATS[name]
    given = {"filter_words": filter_words, "keep_formulas": keep_formulas}
    return fmt.render(timeline, positions, **{key: given[key] for key in fmt.options})


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, text: str, *, force: bool = False) -> None:
    """Write `text` to `path` via a temporary file and a rename.

    Raises FileExistsError when `path` exists and `force` is false, and
    `NotRegularTarget` (an OSError) when it is anything but a regular file or a
    link to one, `force` or not; a link is written through. On any failure, or
    SIGTERM/SIGHUP meanwhile, the temporary file is removed, so no partial file is
    ever left behind.
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
                handle.write(text)
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
) -> str | None:
    """Render and write an export; None when written, else what went wrong, in words."""
    text = render_export(fmt, timeline, positions, filter_words=filter_words)
    try:
        write_atomically(path, text, force=overwrite)
    except FileExistsError:
        return f"{path} appeared meanwhile; not overwritten."
    except OSError as exc:
        return f"Could not write {path}: {exc.strerror}"
    return None
