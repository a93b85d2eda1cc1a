"""Where a data folder's files are: the three YAML files and the seeds beside them."""

from __future__ import annotations

from pathlib import Path

ARTICLES_FILE = "articles.yaml"
ACTORS_FILE = "actors.yaml"
EVENTS_FILE = "events.yaml"
DATA_FILES = (ARTICLES_FILE, ACTORS_FILE, EVENTS_FILE)
DEFAULT_SEEDS_DIR = "../seeds"  # relative to the data folder
DRAFTS_DIR = "drafts"  # draft events, checked but not shown


def default_data_dir() -> Path:
    """The shipped data folder: `data/` beside the package in a checkout."""
    return Path(__file__).resolve().parent.parent / "data"


def shown_folder(data: Path | None) -> str:
    """The data folder as a message names it, so that `FOLDER/events.yaml:12` opens from
    the working directory: as the person gave it, else the shipped folder, relative to
    the working directory when it lies under it."""
    if data is not None:
        return str(data)
    folder = default_data_dir()
    try:
        return str(folder.relative_to(Path.cwd()))
    except (ValueError, OSError):  # elsewhere, or the working directory is gone
        return str(folder)
