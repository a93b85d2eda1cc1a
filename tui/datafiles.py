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
