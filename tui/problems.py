"""Problems found in the data: one located message each, with a hint.

The loader collects every problem in one pass and raises `DataError` with all of
them; the command line prints them as `FILE:LINE: message` lines and exits 1.
A problem's text is made visible (`tui.safetext`) when it is formatted.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.datafiles import DATA_FILES, DRAFTS_DIR
from tui.safetext import visible
from tui.words import counted

if TYPE_CHECKING:
    from tui.model import Timeline


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the data, located in a file (and a line when known)."""

    file: str
    line: int | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        return self.located()

    def located(self, folder: str = "") -> str:
        """`FILE:LINE: message` and its hint; FILE under `folder` when one is given
        (the data folder as the person named it), so that it opens from where they are."""
        # Messages quote the data (names, ids, passages): made visible, so an escape
        # sequence in a file cannot drive the terminal that shows the message.
        path = path_under(folder, self.file)
        where = f"{path}:{self.line}" if self.line is not None else path
        text = visible(f"{where}: {self.message}")
        if self.hint:
            text += f"\n    hint: {visible(self.hint)}"
        return text


def path_under(folder: str, file: str) -> str:
    """`file` (as a problem names it) as reached from where the data folder is `folder`:
    a data file or a draft under it, a seed (`seeds/…`) beside it, anything else (an
    absolute path, the folder itself, "timeline") as it is."""
    if not folder or os.path.isabs(file):
        return file
    folder = folder.rstrip("/") or "/"
    if file in DATA_FILES or file == DRAFTS_DIR or file.startswith(f"{DRAFTS_DIR}/"):
        return os.path.join(folder, file)
    if file.startswith("seeds/"):  # beside the folder: "../seeds/…" from "--data ."
        return os.path.normpath(os.path.join(folder, os.pardir, file))
    return file


class DataError(Exception):
    """The data folder has problems; `problems` lists every one of them."""

    def __init__(
        self,
        problems: list[Problem],
        loaded: Callable[[], Timeline] | None = None,
        *,
        files_parsed: bool = False,
    ) -> None:
        self.problems = tuple(problems)
        # What loaded despite the problems (the entries that had none), built only
        # when asked for: `draft` works from it, so that a problem elsewhere in the
        # folder does not stop a curator drafting an article's events.
        self.loaded = loaded
        # Every data file was read as YAML, so `loaded` lacks only entries with
        # problems (not a whole file's): the explorer opens on it.
        self.files_parsed = files_parsed
        count = len(self.problems)
        super().__init__(f"{counted(count, 'problem')} in the data")

    def report(self, folder: str = "") -> str:
        """All problems, one per entry (their files under `folder`), followed by a count."""
        lines = [p.located(folder) for p in self.problems]
        lines.append(str(self))
        return "\n".join(lines)
