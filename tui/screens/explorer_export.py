"""The explorer's export: `e` asks for a format and a path, and a worker writes
the events the filters keep."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.screen import Screen

from tui.filters import Filter, TimelineIndex, filter_words
from tui.model import Timeline

if TYPE_CHECKING:
    from tui.screens.export import ExportRequest

EXPORT_NOTICE_EVENTS = 5_000  # an export of this many events or more says that it started


class ExportActions(Screen[None]):
    """The explorer's export action, and the dialog's last format and folder."""

    if TYPE_CHECKING:  # what the explorer screen provides
        timeline: Timeline
        filter: Filter
        export_format: str
        export_folder: Path | None
        data_dir: Path | None

        def _require_index(self) -> TimelineIndex: ...

    def action_export(self) -> None:
        """Ask for a format and a path, then export the events the filters keep."""
        # Imported when first used: the dialog brings every exporter.
        from tui.datafiles import ARTICLES_FILE
        from tui.loading.reading import read_title
        from tui.screens.export import ExportScreen, export_stem

        positions = self._require_index().select(self.filter)
        if not positions:  # an empty calendar or TimelineJS file is one readers refuse
            self.notify(
                "No event matches the filters: nothing to export.", severity="warning"
            )
            return
        title = read_title(self.data_dir / ARTICLES_FILE) if self.data_dir else None
        self.app.push_screen(
            ExportScreen(len(positions), self.export_folder, self.export_format,
                         export_stem(title)),
            self._export,
        )

    def _export(self, request: ExportRequest | None) -> None:
        """The dialog's answer (None: cancelled): export the filtered view in a worker.

        The file is rendered and written off the UI thread, which keeps handling keys;
        a long export says that it started, and every export says how it ended.
        """
        if request is None:
            return
        positions = self._require_index().select(self.filter)
        if len(positions) >= EXPORT_NOTICE_EVENTS:
            self.notify(
                f"Exporting {len(positions)} events as {request.format}…", markup=False
            )
        self._write_export(request, positions, filter_words(self.timeline, self.filter))

    @work(thread=True, group="export", description="write the export")
    def _write_export(self, request: ExportRequest, positions: Sequence[int], words: str) -> None:
        """In a worker thread: render and write the export, then report on the UI thread."""
        from tui.datafiles import ARTICLES_FILE
        from tui.export import FORMATS, export_to_file
        from tui.loading.reading import read_title

        titled = self.data_dir is not None and "subject" in FORMATS[request.format].options
        subject = read_title(self.data_dir / ARTICLES_FILE) if self.data_dir and titled else None
        problem = export_to_file(
            request.format,
            self.timeline,
            positions,
            request.path,
            request.overwrite,
            words,
            subject,
        )
        self.app.call_from_thread(self._exported, request, len(positions), problem)

    def _exported(self, request: ExportRequest, count: int, problem: str | None) -> None:
        """The export worker finished: say so; on success remember the format and folder."""
        if problem is not None:
            self.notify(problem, severity="error", markup=False)
            return
        self.export_format, self.export_folder = request.format, request.path.parent
        self.notify(f"Wrote {count} events as {request.format} to {request.path}", markup=False)

