"""The frame the explorer's forms share (the new event form, the source form).

A box in the middle of the screen, its fields one under another; the quote and
what is said of it (`-said`) in muted text, warnings (`-warning`) in the warning
colour. Each form adds the ids of its own parts only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple, TypeVar

from textual.screen import ModalScreen
from textual.widgets import Static

from tui.safetext import visible
from tui.workbench_error import WorkbenchError

ResultT = TypeVar("ResultT")


class Saved(NamedTuple):
    """What a form's `save` wrote: the event it added to or made, and what to say."""

    event_id: str
    said: str


Save = Callable[[ResultT], Saved]
"""Writes what a form asks for; raises what it cannot write (the form stays open, its
fields as typed, and says why)."""


class FormScreen(ModalScreen[ResultT]):
    """A modal form: what the explorer's forms look like.

    Its fields are one line each, marked on the left (the focused one thicker), so
    that at 80×24 the quote, the date it gives and every field fit on the screen.
    """

    DEFAULT_CSS = """
    FormScreen {
        align: center middle;
        & > Vertical {
            width: 80; max-width: 100%; height: auto; max-height: 100%; overflow-y: auto;
            border: round $accent; background: $surface; padding: 0 1;
        }
        Label { margin-top: 1; }
        Input { height: 1; border: none; border-left: wide $panel-lighten-2; padding: 0 1; }
        Input:focus { border: none; border-left: outer $accent; background: $boost; }
        .-quote { color: $text-muted; height: auto; max-height: 6; }
        .-said { color: $text-muted; height: auto; }
        .-warning { color: $warning; height: auto; }
    }
    """

    def warn(self, warning: Static, text: str) -> None:
        """Say `text` in `warning` and bring it into view: on a short screen the form
        scrolls, and a warning under the last field was below it."""
        warning.update(text)
        if text:
            self.call_after_refresh(warning.scroll_visible, animate=False)


NewT = TypeVar("NewT")


class SavingForm(FormScreen[Saved | None]):
    """A form that writes what it asks for: it closes with what was saved, or stays
    open, its fields as typed, saying why it could not be written."""

    def save_or_say(self, save: Save[NewT], new: NewT, warning: Static) -> None:
        """Write `new` with `save` and close with what was saved; when it cannot be
        written, say why in `warning` (the file may be mended meanwhile: Enter tries
        again)."""
        try:
            saved = save(new)
        except (WorkbenchError, OSError) as error:
            self.warn(warning, visible(f"Not added yet: {error}. Mend it, then Enter."))
            return
        self.dismiss(saved)
