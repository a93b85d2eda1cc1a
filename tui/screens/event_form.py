"""The event form: a title, a kind and actors for an event made from a passage.

Opened from the article view on a selected expression of time or a selected
passage. The passage is the quote and the expression its date words; the form
asks what the data cannot say by itself. The actors are ids or names; a name no
actor has is a new actor (`tui.new_actors`), and the form then asks its kind.
Date words that count from another mention ("the same day") also need the event
they count from (`relative_to`): the form offers the events quoted from the
article, the nearest before the words first (`tui.referring`), and shows the date
the words then give. Enter goes on to the next empty field, and adds the event
when none is left; in an empty field the event needs, it says what to give
there. Esc cancels.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.suggester import Suggester, SuggestFromList
from textual.widgets import Input, Label, Static

from tui.dates import ResolveError, format_span
from tui.dates.doneguard import done_after_written
from tui.model import Actor, Event
from tui.new_actors import ActorEntries, read_entries, with_kinds
from tui.new_event import NewEvent
from tui.quoting import quoted
from tui.referring import Mention, date_against
from tui.safetext import visible
from tui.screens.form import Save, SavingForm
from tui.widgets.key_bar import KeyBar
from tui.widgets.keys import typed_ahead
from tui.widgets.line_input import LineInput


class ActorSuggester(Suggester):
    """Completes the last of the comma-separated actors typed so far: an id, or a name."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        # Ids are lower case and names capitalised: a prefix picks one or the other.
        self.words = [*sorted(a.id for a in actors), *sorted(a.name for a in actors)]

    async def get_suggestion(self, value: str) -> str | None:
        """`value` with its last entry completed, or None."""
        head, _, last = value.rpartition(",")
        typed = last.strip()
        if not typed:
            return None
        match = next((w for w in self.words if w.startswith(typed) and w != typed), None)
        if match is None:
            return None
        return f"{head}, {match}" if head else match


class EventFormScreen(SavingForm):
    """Ask title, kind and actors, and `save` the event; dismiss with what was saved, or
    None (cancelled). When `save` fails, the form stays open with what was typed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel the new event", id="event_form.cancel"),
        # Priority: handled in key order, so the keys typed after Enter (fast typing,
        # a paste) reach the field it moved to, not the one it left.
        Binding("enter", "next_field", "Next field to fill or check, or add the event",
                priority=True, id="event_form.enter"),
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True,
                id="event_form.next"),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False,
                priority=True, id="event_form.previous"),
    ]

    def __init__(
        self,
        article_id: str,
        quote: str,
        date_text: str,
        *,
        actors: Sequence[Actor],
        kinds: Sequence[str],
        start_actors: Sequence[str] = (),
        restates: Sequence[Event] = (),
        mentions: Sequence[Mention] | None = None,
        dated: str = "",
        date_basis: str | None = None,
        unread: str = "",
        written: date | None = None,
        save: Save[NewEvent],
    ) -> None:
        super().__init__()
        self.save = save
        # The last day the article can have been published: a reference that lands
        # after it, in a sentence that reads as done, is doubtful (`tui.dates.doneguard`).
        self.written = written
        self.dated = dated  # what the date words give, said under the quote
        self.date_basis = date_basis  # "publication": dated by the article, no date words
        # None: the date words date the event by themselves. Otherwise they count
        # from another mention, and these are the events they can name.
        self.mentions = None if mentions is None else tuple(mentions)
        # Why the tagger could not read the words against an earlier date ("a day
        # after a public hearing" counts from the hearing): no event is guessed then.
        self.unread = unread
        self.restates = tuple(restates)  # events that quote these words already
        self.article_id = article_id
        self.quote = quote
        self.date_text = date_text
        self.actors = tuple(actors)
        self.known_kinds = sorted(kinds)
        self.start_actors = tuple(start_actors)
        self.entries = ActorEntries()  # what the actors field says, read as it is typed
        self._filled_in: set[str] = set()  # fields the form filled in, not yet seen

    def compose(self) -> ComposeResult:
        """The quote and date words, then the fields; the new actors' kind when needed."""
        yield KeyBar()  # the dialog's own keys, over the screen's below it
        actor_kinds = sorted({a.kind for a in self.actors})
        with Vertical() as box:
            box.border_title = "New event — Enter to add, Esc to cancel"
            yield Static(visible(f"{quoted(self.quote)}  ({self.date_text})"), id="form-quote",
                         classes="-quote", markup=False)
            if self.dated:
                yield Static(visible(self.dated), id="form-date", classes="-said", markup=False)
            if self.restates:
                # As `draft` says `restates:`: a second event from the same words is
                # usually a mistake, though a quote can report two things.
                named = "; ".join(f"'{e.id}' ({e.title})" for e in self.restates)
                yield Static(
                    visible(f"Already quoted by {named}: adding makes another event of it."),
                    id="form-restates",
                    classes="-warning",
                    markup=False,
                )
            yield Label("Title")
            yield LineInput(placeholder="what happened, in our words", id="form-title")
            yield Label("Kind")
            # "e.g.": without colour, a bare list of kinds reads as a value typed in.
            yield LineInput(
                placeholder=f"e.g. {_examples(self.known_kinds) or 'meeting'} (→ completes)",
                suggester=SuggestFromList(self.known_kinds, case_sensitive=False),
                id="form-kind",
            )
            yield Label("Actors (ids or names, comma-separated; → completes; a new name adds one)")
            yield LineInput(", ".join(self.start_actors), suggester=ActorSuggester(self.actors),
                        id="form-actors")
            yield Static("", id="form-new-actors", markup=False, classes="-new-actor -said")
            yield Label("Kind of the new actor (one for all, or one each)",
                        classes="-new-actor", id="form-actor-kind-label")
            yield LineInput(
                placeholder=f"e.g. {_examples(actor_kinds) or 'person'} (→ completes)",
                suggester=SuggestFromList(actor_kinds, case_sensitive=False),
                id="form-actor-kind",
                classes="-new-actor",
            )
            if self.mentions is not None:
                yield Label("Refers to: the event whose date the words count from "
                            "(its id; → completes)")
                first = self.mentions[0].event_id if self.mentions and not self.unread else ""
                mentioned = SuggestFromList([m.event_id for m in self.mentions])
                yield LineInput(first, suggester=mentioned, id="form-refers")
                yield Static("", id="form-refers-date", classes="-said", markup=False)
            yield Static("", id="form-warning", classes="-warning", markup=False)

    def on_mount(self) -> None:
        """Start on the title."""
        self._read_actors()
        if self.mentions is not None:
            self._read_reference()
        # Fields the form filled in (the actors named in the quote, the guessed event):
        # Enter stops in each once, so the curator sees them before the event is added.
        self._filled_in = {
            i for i in ("form-actors", "form-refers")
            if self.query(f"#{i}") and self.query_one(f"#{i}", Input).value.strip()
        }  # fmt: skip
        self.query_one("#form-title", Input).focus()

    @on(Input.Changed)
    def _clear_warning(self) -> None:
        """A field changed: the warning said of what was there before goes."""
        self.query_one("#form-warning", Static).update("")

    @on(Input.Changed, "#form-actors")
    def _read_actors(self) -> None:
        """Read the actors as they are typed: name the new ones and ask their kind."""
        self.entries = read_entries(self.query_one("#form-actors", Input).value, self.actors)
        new = self.entries.new
        for widget in self.query(".-new-actor"):
            widget.display = bool(new)
        words = ", ".join(f"{a.name} (id {a.id})" for a in new)
        plural = "s" if len(new) > 1 else ""
        said = [f"New actor{plural}, added to actors.yaml: {words}"] if new else []
        self.query_one("#form-new-actors", Static).update(
            "\n".join(map(visible, [*said, *self.entries.similar]))  # a line each
        )

    @on(Input.Changed, "#form-refers")
    def _read_reference(self) -> None:
        """Show the date the words give against the event named, or why they give none."""
        _, said = self._reference()
        self.query_one("#form-refers-date", Static).update(visible(said))

    def _reference(self) -> tuple[str | None, str]:
        """(the event id named, or None when it cannot be used; what the words then give)."""
        assert self.mentions is not None
        if not self.mentions:
            return None, "No event quotes this article yet: add the one the words count from first."
        typed = self.query_one("#form-refers", Input).value.strip()
        mention = next((m for m in self.mentions if m.event_id == typed), None)
        if mention is None and not typed and self.unread:
            return None, f"The tagger could not guess: {self.unread}. Name the event."
        if mention is None:
            named = ", ".join(m.event_id for m in self.mentions[:5])
            more = f" and {len(self.mentions) - 5} more" if len(self.mentions) > 5 else ""
            if typed:
                return None, (f"'{typed}' is no event quoting this article; those that do: "
                              f"{named}{more}.")
            return None, (f"Name the event the words count from; those quoting this article: "
                          f"{named}{more}.")
        try:
            span = date_against(self.date_text, mention)
        except ResolveError as error:
            return None, str(error)
        said = (
            f"→ {format_span(span)}, counting from “{mention.date_text}” of "
            f"'{mention.title}' ({format_span(mention.span)})"
        )
        doubt = done_after_written(span, self.written, self.quote, self.date_text)
        return mention.event_id, said if doubt is None else f"{said}. Check: {doubt}."

    async def action_next_field(self) -> None:
        """Enter: on to the next empty field (or one the form filled in, the first time),
        or add the event when none is left.

        The field's own keys typed before Enter are in it first (`typed_ahead`), and
        the focus moves at once: the keys typed after Enter are still waiting, and
        go to the field it moved to (with Textual's submit, they reached the field
        Enter left: "title Enter kind" gave the title "titlekind")."""
        field = self.focused
        if not isinstance(field, Input):
            return
        await typed_ahead(field)
        self._read_actors()
        order = ["form-title", "form-kind", "form-actors"]
        if self.entries.new:
            order.append("form-actor-kind")
        if self.mentions is not None:
            order.append("form-refers")
        self._filled_in.discard(field.id or "")  # seen: Enter was pressed in it
        if field.id in order and not field.value.strip():
            # A field the event needs, left empty: say so here rather than move on
            # and say it only when the last field is left.
            self.warn(self.query_one("#form-warning", Static), self._needed(field.id or ""))
            return
        to_visit = [i for i in order
                    if not self.query_one(f"#{i}", Input).value.strip() or i in self._filled_in]
        after = order[order.index(field.id) + 1 :] if field.id in order else []
        ahead = [i for i in after if i in to_visit]
        if ahead:
            self._filled_in.discard(ahead[0])
            self.set_focus(self.query_one(f"#{ahead[0]}", Input))
            return
        self._add()

    def _needed(self, field_id: str) -> str:
        """What the empty field `field_id` needs before the event can be added."""
        if field_id == "form-title":
            return "Give a title."
        if field_id == "form-kind":
            return "Give a kind."
        if field_id == "form-actors":
            return "Name at least one actor, by its id or its name."
        if field_id == "form-actor-kind":
            return with_kinds(self.entries.new, "")[1] or ""
        # The events it may name are listed just above, under the field.
        return "Name the event the words count from, by its id (→ completes)."

    def _add(self) -> None:
        title = self.query_one("#form-title", Input).value.strip()
        kind = self.query_one("#form-kind", Input).value.strip()
        entries = self.entries
        new, kinds_wrong = with_kinds(
            entries.new, self.query_one("#form-actor-kind", Input).value
        )
        warning = self.query_one("#form-warning", Static)
        relative_to, said = self._reference() if self.mentions is not None else (None, "")
        if not title or not kind:
            missing = " and ".join(w for w, v in (("a title", title), ("a kind", kind)) if not v)
            self.warn(warning, f"Give {missing}.")
            self.query_one("#form-title" if not title else "#form-kind", Input).focus()
        elif entries.problems:
            self.warn(warning, visible(" ".join(entries.problems)))
        elif not entries.ids:
            self.warn(warning, self._needed("form-actors"))
        elif kinds_wrong is not None:
            self.warn(warning, kinds_wrong)
            self.query_one("#form-actor-kind", Input).focus()
        elif self.mentions is not None and relative_to is None:
            self.warn(warning, visible(said[:1].upper() + said[1:]))
            self.query_one("#form-refers", Input).focus()
        else:
            event = NewEvent(title, kind, entries.ids, self.article_id, self.quote,
                             self.date_text, new, relative_to, self.date_basis)  # fmt: skip
            self.save_or_say(self.save, event, warning)

    def action_cancel(self) -> None:
        """Close without adding an event."""
        self.dismiss(None)


EXAMPLES_WIDTH = 30  # the form's narrowest input (at 80 columns) shows about 50 cells


def _examples(words: list[str]) -> str:
    """The first of `words`, comma-separated, as many as fit in `EXAMPLES_WIDTH`
    cells (at least one): a placeholder cut short lost its "(→ completes)"."""
    shown: list[str] = []
    for word in words:
        if shown and len(", ".join([*shown, word])) > EXAMPLES_WIDTH:
            break
        shown.append(word)
    return ", ".join(shown)
