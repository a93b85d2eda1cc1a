"""What the explorer watches for live reload: the data folder's files and the seeds.

`folder_state` is a cheap fingerprint of everything the loader reads (the three
YAML files, the drafts and the seed articles): each file's modification time and
size. The explorer polls it and reloads the timeline when it changes.
"""

from __future__ import annotations

from pathlib import Path

from tui.datafiles import DEFAULT_SEEDS_DIR, DRAFTS_DIR

FolderState = frozenset[tuple[str, int, int]]


def _files(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]
    except OSError:
        return []


def folder_state(data_dir: Path) -> FolderState:
    """(path, mtime in ns, size) of every file the loader reads under `data_dir`."""
    state: set[tuple[str, int, int]] = set()
    folders = (data_dir, data_dir / DRAFTS_DIR, data_dir / DEFAULT_SEEDS_DIR)
    for folder in folders:
        for path in _files(folder):
            try:
                stat = path.stat()
            except OSError:  # removed between the listing and now
                continue
            state.add((str(path), stat.st_mtime_ns, stat.st_size))
    return frozenset(state)
