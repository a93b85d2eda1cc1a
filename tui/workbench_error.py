"""The error the curator's workbench (`tui.workbench`, `tui.datafolder`) raises."""

from __future__ import annotations


class WorkbenchError(Exception):
    """Input the workbench refuses, with a hint."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint
