"""Hand the terminal to the user's editor ($VISUAL or $EDITOR) at a line of a file."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any, Literal

from textual.app import App, SuspendNotSupported

from tui.workbench import editor_command

Severity = Literal["information", "warning", "error"]


def edit_at_line(app: App[Any], path: Path, line: int) -> tuple[str, Severity] | None:
    """Run the editor on `path` at `line` with the app suspended.

    None when the editor ran; else what to tell the user, and how loudly.
    """
    editor = editor_command()
    if editor is None:
        return "Set $EDITOR (or $VISUAL) to edit the data from here.", "warning"
    try:
        with app.suspend():
            subprocess.run([*editor, f"+{line}", str(path)], check=False)
    except SuspendNotSupported:
        return "This terminal cannot hand over to an editor.", "error"
    except OSError as exc:
        return f"Could not start {editor[0]}: {exc.strerror}", "error"
    return None
