"""The frame the explorer's forms share (the new event form, the source form).

A box in the middle of the screen, its fields one under another; the quote and
what is said of it (`-said`) in muted text, warnings (`-warning`) in the warning
colour. Each form adds the ids of its own parts only.
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")


class FormScreen(ModalScreen[ResultT]):
    """A modal form: what the explorer's forms look like."""

    DEFAULT_CSS = """
    FormScreen {
        align: center middle;
        & > Vertical {
            width: 80; max-width: 100%; height: auto; max-height: 100%; overflow-y: auto;
            border: round $accent; background: $surface; padding: 0 1;
        }
        Label { margin-top: 1; }
        .-quote { color: $text-muted; height: auto; max-height: 6; }
        .-said { color: $text-muted; height: auto; }
        .-warning { color: $warning; height: auto; }
    }
    """
