"""The help screen: every key of the explorer, generated from the bindings."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.safetext import visible
from tui.widgets.find_bar import FindBar
from tui.widgets.key_bar import KeyBar
from tui.widgets.keys import MOVE_ACTIONS, ScrollKeys, move_bindings, typed_ahead
from tui.widgets.styles import foreground_style

KEY_NAMES = {
    "slash": "/", "escape": "Esc", "enter": "Enter", "tab": "Tab", "shift+tab": "Shift+Tab",
    "up": "↑", "down": "↓", "left": "←", "right": "→", "pageup": "PgUp",
    "pagedown": "PgDn", "home": "Home", "end": "End", "space": "Space",
    "question_mark": "?", "ctrl+p": "Ctrl+P", "ctrl+q": "Ctrl+Q", "ctrl+c": "Ctrl+C",
    "ctrl+b": "Ctrl+B", "ctrl+f": "Ctrl+F", "ctrl+d": "Ctrl+D", "ctrl+u": "Ctrl+U",
    "right_square_bracket": "]", "left_square_bracket": "[",
    "right_parenthesis": ")", "left_parenthesis": "(",
}


def key_label(keys: str) -> str:
    """A binding's keys for people: "home,g" → "Home / g"."""
    return " / ".join(KEY_NAMES.get(k, k) for k in keys.split(","))


def as_bindings(items: Iterable[BindingType]) -> list[Binding]:
    """Only the `Binding` objects of a BINDINGS list (tuples are turned into them)."""
    out: list[Binding] = []
    for item in items:
        out.append(item if isinstance(item, Binding) else Binding(*item))
    return out


HELP_COLUMNS = 66
"""The key list's width inside its border, padding and scroll bar (72 columns in all)."""


def help_text(
    sections: Sequence[tuple[str, Iterable[BindingType]]],
    title_style: Style | str = "",
    key_style: Style | str = "",
    columns: int = HELP_COLUMNS,
) -> Text:
    """One section per (title, bindings); each line `keys  description`, a description
    longer than `columns` allow going on under itself, not under the keys."""
    text = Text()
    for title, items in sections:
        bindings = [b for b in as_bindings(items) if b.description]
        if not bindings:
            continue
        text.append(title + "\n", title_style)
        width = max(len(key_label(b.key)) for b in bindings)
        for binding in bindings:
            keys = "  " + key_label(binding.key).ljust(width) + "  "
            text.append(keys, key_style)
            said = binding.description
            tip = binding.tooltip
            # When a key means one thing or another ("n" while searching); not a tooltip
            # that only says the description again ("Clear": "Clear every filter").
            if tip and not tip.lower().startswith(binding.description.lower()):
                tip = tip[:1].lower() + tip[1:] if tip[1:2].islower() else tip
                said += f" ({tip})"
            lines = textwrap.wrap(said, max(20, columns - len(keys))) or [""]
            text.append(("\n" + " " * len(keys)).join(lines) + "\n")
        text.append("\n")
    return text


class KeyList(ScrollKeys, VerticalScroll, can_focus=True):
    """The scrolling key list, moved with the keys of every other pane."""

    BINDINGS: ClassVar[list[BindingType]] = move_bindings("help")

    COMPONENT_CLASSES = {"help--title", "help--key"}

    DEFAULT_CSS = """
    KeyList {
        & > .help--title { text-style: bold underline; }
        & > .help--key { text-style: bold; }
    }
    """


class HelpScreen(ModalScreen[None]):
    """A modal list of every key; any of Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
        Binding("slash", "find", "Search", id="help.search"),
        Binding("n", "step_match(1)", "Next match", id="help.next_match"),
        Binding("N", "step_match(-1)", "Previous match", show=False, id="help.previous_match"),
        # Priority, in the search line only (`check_action`): the line would take them.
        Binding("enter", "commit_find", "Search", priority=True, id="help.commit_search"),
        Binding("escape", "cancel_find", "Cancel search", priority=True,
                id="help.cancel_search"),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > KeyList {
            width: 72; max-width: 100%; height: 80%;
            border: round $accent; background: $surface; padding: 0 1;
        }
        & > FindBar { width: 72; max-width: 100%; background: $surface; }
    }
    """

    def __init__(
        self, sections: Sequence[tuple[str, Iterable[BindingType]]], opened_at: str | None = None
    ) -> None:
        """`opened_at` names the section to show first (the keys of where `?` was
        pressed); the list still starts with what holds everywhere, above it."""
        super().__init__()
        self.sections = sections
        self.opened_at = opened_at
        self.text = help_text(sections)  # styled once the key list's styles are known
        self.matches: list[int] = []  # the lines holding the words searched for
        self.match_index = 0

    def compose(self) -> ComposeResult:
        """The generated key list."""
        with KeyList(id="help-keys") as scroll:
            scroll.border_title = "Keys — Esc to close"
            yield Static(self.text, id="help-text")
        yield FindBar(id="help-find", what="the keys")
        yield KeyBar()  # the help's own keys, over the explorer's (a modal shows it)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter and Esc commit or cancel the search line only while it is open, where
        "/" and the letters are its words; `n` and `N` only while a search found lines."""
        open_line = self.is_mounted and self.query_one(FindBar).display
        if action in ("commit_find", "cancel_find"):
            return open_line
        if action in ("find", "dismiss"):
            return not open_line
        if action == "step_match":
            return bool(self.matches) and not open_line
        return True

    def action_find(self) -> None:
        """Open the search line under the list (`/`, as in less)."""
        self.query_one(FindBar).open()

    async def action_commit_find(self) -> None:
        """Enter in the search line: go to the first line holding its words, on from the
        top of the view; with none, the next match of the last search."""
        bar = self.query_one(FindBar)
        words = " ".join((await typed_ahead(bar)).split())
        self._close_find()
        if not words:
            self.action_step_match(1)
            return
        bar.remember(words)
        needles = words.casefold().split()
        lines = self.text.plain.split("\n")
        self.matches = [i for i, line in enumerate(lines)
                        if all(n in line.casefold() for n in needles)]
        self.refresh_bindings()
        keys = self.query_one(KeyList)
        if not self.matches:
            keys.border_subtitle = Content(visible(f"“{words}”: not in the keys"))
            return
        top = round(keys.scroll_offset.y)
        self.match_index = next((i for i, at in enumerate(self.matches) if at >= top), 0)
        self._show_match(words)

    def action_step_match(self, step: int) -> None:
        """The next (`step` 1) or previous (-1) line of the search, wrapping."""
        if self.matches:
            self.match_index = (self.match_index + step) % len(self.matches)
            self._show_match()

    def _show_match(self, words: str | None = None) -> None:
        keys = self.query_one(KeyList)
        at = self.matches[self.match_index]
        keys.scroll_to(y=at, animate=False, immediate=True)
        if words is not None:
            self._words = words
        keys.border_subtitle = Content(visible(
            f"“{self._words}”: {self.match_index + 1} of {len(self.matches)} — n/N: next, "
            "previous"))

    _words = ""

    def action_cancel_find(self) -> None:
        """Esc in the search line: no search made."""
        self._close_find()

    @on(FindBar.Emptied, "#help-find")
    def _find_emptied(self) -> None:
        self._close_find()

    def _close_find(self) -> None:
        self.query_one(FindBar).close()
        self.set_focus(self.query_one(KeyList), scroll_visible=False)

    def on_mount(self) -> None:
        """Style the list from the key list's component classes; it takes the keys at once."""
        keys = self.query_one(KeyList)
        title, key = (foreground_style(keys, f"help--{part}") for part in ("title", "key"))
        self.text = help_text(self.sections, title, key)
        self.query_one("#help-text", Static).update(self.text)
        keys.focus()
        lines = self.text.plain.split("\n")
        if self.opened_at is not None and self.opened_at in lines:
            # Laid out first: the list's height is known once the text is in it.
            at = lines.index(self.opened_at)
            self.call_after_refresh(keys.scroll_to, y=at, animate=False, immediate=True)


def explorer_keys(everywhere: list[BindingType]) -> list[tuple[str, list[BindingType]]]:
    """Every binding of the explorer, grouped by where it applies, after `everywhere`
    (the app's own).

    The moving keys, the same in every list and pane, are listed once. The screens
    only opened on a key are imported here, not at start.
    """
    from tui.screens.article import ArticleScreen
    from tui.screens.event_form import EventFormScreen
    from tui.screens.explorer import ExplorerScreen
    from tui.screens.export import ExportScreen
    from tui.screens.source_form import SourceFormScreen
    from tui.widgets.article_text import ArticleText
    from tui.widgets.density_strip import DensityStrip
    from tui.widgets.event_detail import EventDetail
    from tui.widgets.facet_list import FacetList
    from tui.widgets.source_view import SourceView
    from tui.widgets.timeline_view import TimelineView

    def own(bindings: list[BindingType]) -> list[BindingType]:
        return [b for b in bindings if not (isinstance(b, Binding) and b.action in MOVE_ACTIONS)]

    return [
        ("Everywhere but in a dialog", everywhere),
        ("Explorer", list(ExplorerScreen.BINDINGS)),
        ("Moving, in every list and pane", move_bindings("help")),
        ("Timeline", own(TimelineView.BINDINGS)),
        ("Event", own(EventDetail.BINDINGS)),
        ("Source", own(SourceView.BINDINGS)),
        ("Filter lists", own(FacetList.BINDINGS)),
        ("Density strip", list(DensityStrip.BINDINGS)),
        ("Export dialog", list(ExportScreen.BINDINGS)),
        ("Article view", [*ArticleScreen.BINDINGS, *own(ArticleText.BINDINGS)]),
        ("New event form", list(EventFormScreen.BINDINGS)),
        ("Source form", list(SourceFormScreen.BINDINGS)),
        ("Help", own(HelpScreen.BINDINGS)),
    ]
