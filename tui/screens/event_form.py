"""The event form: a title, a kind and actors for an event made from a sentence.

Opened from the article view on a selected expression of time. The sentence is
the quote and the expression its date words; the form asks what the data cannot
say by itself. Enter goes on to the next empty field, and adds the event when
none is left; Esc cancels.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester, SuggestFromList
from textual.widgets import Input, Label, Static

from tui.safetext import visible
from tui.workbench import NewEvent


class ActorSuggester(Suggester):
    """Completes the last of the comma-separated actor ids typed so far."""

    def __init__(self, actor_ids: Sequence[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.actor_ids = sorted(actor_ids)

    async def get_suggestion(self, value: str) -> str | None:
        """`value` with its last id completed, or None."""
        head, _, last = value.rpartition(",")
        typed = last.strip()
        if not typed:
            return None
        match = next((a for a in self.actor_ids if a.startswith(typed) and a != typed), None)
        if match is None:
            return None
        return f"{head}, {match}" if head else match


def parse_actors(text: str) -> tuple[str, ...]:
    """"china, north-korea" → ("china", "north-korea"), without blanks or repeats."""
    seen: dict[str, None] = {}
    for part in text.split(","):
        if part.strip():
            seen.setdefault(part.strip(), None)
    return tuple(seen)


class EventFormScreen(ModalScreen[NewEvent | None]):
    """Ask title, kind and actors; dismiss with a `NewEvent` or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel the new event", id="event_form.cancel"),
        Binding("tab", "app.focus_next", "Next field", show=False, id="event_form.next"),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False,
                id="event_form.previous"),
    ]

    DEFAULT_CSS = """
    EventFormScreen {
        align: center middle;
        & > Vertical {
            width: 80; max-width: 100%; height: auto;
            border: round $accent; background: $surface; padding: 0 1;
        }
        Label { margin-top: 1; }
        #form-quote { color: $text-muted; height: auto; max-height: 6; }
        #form-warning { color: $warning; height: auto; }
    }
    """

    def __init__(
        self,
        article_id: str,
        quote: str,
        date_text: str,
        *,
        actor_ids: Sequence[str],
        kinds: Sequence[str],
        actors: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.article_id = article_id
        self.quote = quote
        self.date_text = date_text
        self.actor_ids = frozenset(actor_ids)
        self.known_kinds = sorted(kinds)
        self.start_actors = tuple(actors)

    def compose(self) -> ComposeResult:
        """The quote and date words, then the three fields."""
        with Vertical() as box:
            box.border_title = "New event — Enter to add, Esc to cancel"
            yield Static(visible(f"“{self.quote}”  ({self.date_text})"), id="form-quote",
                         markup=False)
            yield Label("Title")
            yield Input(placeholder="what happened, in our words", id="form-title")
            yield Label("Kind")
            yield Input(
                placeholder=", ".join(self.known_kinds[:4]) or "meeting",
                suggester=SuggestFromList(self.known_kinds, case_sensitive=False),
                id="form-kind",
            )
            yield Label("Actors (ids, comma-separated; → completes)")
            yield Input(", ".join(self.start_actors), suggester=ActorSuggester(
                sorted(self.actor_ids)), id="form-actors")
            yield Static("", id="form-warning", markup=False)

    def on_mount(self) -> None:
        """Start on the title."""
        self.query_one("#form-title", Input).focus()

    @on(Input.Submitted)
    def _submit(self, message: Input.Submitted) -> None:
        """Enter: on to the next empty field, or add the event when none is empty."""
        order = ["form-title", "form-kind", "form-actors"]
        empty = [i for i in order if not self.query_one(f"#{i}", Input).value.strip()]
        after = order[order.index(message.input.id or "form-title") + 1 :]
        ahead = [i for i in after if i in empty]
        if ahead:
            self.query_one(f"#{ahead[0]}", Input).focus()
            return
        self._add()

    def _add(self) -> None:
        title = self.query_one("#form-title", Input).value.strip()
        kind = self.query_one("#form-kind", Input).value.strip()
        actors = parse_actors(self.query_one("#form-actors", Input).value)
        warning = self.query_one("#form-warning", Static)
        unknown = [a for a in actors if a not in self.actor_ids]
        if not title or not kind:
            warning.update("Give a title and a kind.")
        elif not actors:
            warning.update("Name at least one actor by its id.")
        elif unknown:
            warning.update(visible(f"Unknown actor id: {', '.join(unknown)} "
                                   "(actors.yaml declares the ids)."))
        else:
            self.dismiss(NewEvent(title, kind, actors, self.article_id, self.quote,
                                  self.date_text))

    def action_cancel(self) -> None:
        """Close without adding an event."""
        self.dismiss(None)
