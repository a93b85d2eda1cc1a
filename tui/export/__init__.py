"""Exports of a (filtered) timeline to files other tools read.

Each format is a function `(timeline, positions) -> str` registered in `FORMATS`
with its usual file extension; `positions` are indexes into `timeline.events`
(as `TimelineIndex.select` returns them), so every format honours the filters.
`write_atomically` puts the text in place without ever leaving a partial file.
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

Exporter = Callable[[Timeline, Sequence[int]], str]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One export format: its name, file extension, and the function that writes it."""

    name: str
    extension: str
    description: str
    render: Exporter


FORMATS: dict[str, ExportFormat] = {
    "json": ExportFormat("json", ".json", "complete, lossless JSON", export_json),
    "csv": ExportFormat("csv", ".csv", "one row per event for spreadsheets (RFC 4180)", export_csv),
    "markdown": ExportFormat(
        "markdown", ".md", "readable chronology with quotes and citations", export_markdown
    ),
    "ics": ExportFormat("ics", ".ics", "iCalendar all-day events (RFC 5545)", export_ics),
    "timelinejs": ExportFormat(
        "timelinejs", ".json", "Knight Lab TimelineJS3 JSON", export_timelinejs
    ),
}


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, text: str, *, force: bool = False) -> None:
    """Write `text` to `path` via a temporary file and a rename.

    Raises FileExistsError when `path` exists and `force` is false; on any failure
    the temporary file is removed, so no partial file is ever left behind.
    """
    path = Path(path)
    if path.exists() and not force:
        raise FileExistsError(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        # mkstemp creates the file private (0600); an export gets the usual mode.
        os.chmod(tmp_name, 0o666 & ~_current_umask())
        if not force and path.exists():  # created by someone else meanwhile
            raise FileExistsError(path)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
