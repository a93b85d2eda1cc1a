"""Shared by the reuse tests: a load's outcome, and a copy of the shipped data."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT
from tui.load import load_reusing
from tui.loading.kept import Reuse
from tui.model import Timeline
from tui.problems import DataError

Outcome = tuple[Timeline | None, list[str], Reuse | None]
"""A load's timeline, its problems as text (a load that fails has no timeline),
and what it leaves for the next."""


def outcome(folder: Path, previous: Reuse | None) -> Outcome:
    """Load `folder`, reusing `previous`: the timeline or the problems."""
    try:
        timeline, reuse = load_reusing(folder, previous)
    except DataError as exc:
        return None, [str(p) for p in exc.problems], None
    return timeline, [], reuse


def copy_shipped(root: Path) -> Path:
    """The shipped data and seeds copied under `root` (drafts left out); the data folder."""
    shutil.copytree(ROOT / "data", root / "data", ignore=shutil.ignore_patterns("drafts"))
    shutil.copytree(ROOT / "seeds", root / "seeds")
    return root / "data"
