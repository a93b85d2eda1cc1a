"""Hand the terminal to the user's editor ($VISUAL or $EDITOR) at a line of a file."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any, Literal

from textual.app import App, SuspendNotSupported

from tui.workbench import EditorUnreadable, editor_command

Severity = Literal["information", "warning", "error"]


def edit_at_line(app: App[Any], path: Path, line: int) -> tuple[str, Severity] | None:
    """Run the editor on `path` at `line` with the app suspended.

    None when the editor ran; else what to tell the user, and how loudly.
    """
    try:
        editor = editor_command()
    except EditorUnreadable as exc:
        return f"{exc}: write it as a shell would read it.", "error"
    if editor is None:
        return "Set $EDITOR (or $VISUAL) to edit the data from here.", "warning"
    if shutil.which(editor[0]) is None:
        return (f"Could not start {editor[0]}: no such program. Set $EDITOR (or $VISUAL) "
                "to an editor this machine has."), "error"  # fmt: skip
    failed: OSError | None = None
    status = 0
    try:
        with app.suspend():
            # Caught inside: Textual resumes the app only when the block ends normally,
            # so an editor that fails to start would leave the terminal suspended.
            try:
                status = subprocess.run([*editor, f"+{line}", str(path)], check=False).returncode
            except OSError as exc:
                failed = exc
    except SuspendNotSupported:
        return "This terminal cannot hand over to an editor.", "error"
    if failed is not None:
        return f"Could not start {editor[0]}: {failed.strerror}", "error"
    if status != 0:  # the file is read again all the same if it changed
        return (f"{editor[0]} ended with exit status {status}: what it saved, if anything, "
                "is read as usual."), "warning"  # fmt: skip
    return None
