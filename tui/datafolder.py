"""A data folder of one's own: made when it is missing, its listings read for an edit.

`timeline add-article --data DIR` into a folder that is not there starts it
(`start_folder`): the folder and whichever of its three files are missing, each
an empty list. `read_listing` reads the list a file holds under its key for the
workbench to append to, taking an empty file, or the key with nothing under it,
as an empty list (written back as one).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tui.datafiles import ARTICLES_FILE, DATA_FILES
from tui.loading.reading import TITLE_KEY
from tui.workbench_error import WorkbenchError
from tui.yamlappend import load_document

# Where a new folder's articles file says how to give the timeline its title.
_TITLE_HINT = f"# The timeline's title, for its exports: write it here.\n# {TITLE_KEY}: My story\n"


def start_folder(data_dir: Path) -> tuple[str, ...]:
    """Make the data folder and whichever of its three files are missing, each an
    empty list (`articles: []`), so that a timeline of one's own starts from the
    first article added; the names of the files made."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkbenchError(f"cannot make the data folder {data_dir}: {exc.strerror}") from None
    made = []
    for name in DATA_FILES:  # each file's key is its name: `articles.yaml` holds `articles`
        path = data_dir / name
        if not path.exists():
            head = _TITLE_HINT if name == ARTICLES_FILE else ""
            path.write_text(f"{head}{Path(name).stem}: []\n", encoding="utf-8")
            made.append(name)
    return tuple(made)


def read_listing(path: Path, key: str) -> list[Any]:
    """The list under `key` in the YAML file `path`; an empty file, or the key with
    nothing under it, is an empty list (written back as one, `key: []`)."""
    try:
        document = load_document(path)  # WorkbenchError when it does not read as YAML
    except OSError as exc:
        raise WorkbenchError(f"cannot read {path}: {exc.strerror}") from None
    if document is None or (isinstance(document, Mapping) and document.get(key) is None):
        text = path.read_text(encoding="utf-8")
        if document is None:  # empty, or comments alone: they stay
            text += ("\n" if text and not text.endswith("\n") else "") + f"{key}: []\n"
        else:  # "articles:" with nothing under it
            text = re.sub(rf"(?m)^{key}:(?=[ \t]*(?:#.*)?$)", f"{key}: []", text, count=1)
        path.write_text(text, encoding="utf-8")
        document = load_document(path)
    items = document.get(key) if isinstance(document, Mapping) else None
    if not isinstance(items, list):
        raise WorkbenchError(
            f"{path.name} must hold a list under '{key}:'", f"start the file with '{key}: []'"
        )
    return items
