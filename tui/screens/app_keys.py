"""The explorer app's own keys beside its screens': `?` (help), Ctrl+C, and the help
entry of the command palette."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import Input

from tui.palette import with_own_help

# The help section of each pane of the explorer, by the pane's id.
_PANE_SECTIONS = {"detail": "Event", "source": "Source", "density": "Density strip",
                  "actors": "Filter lists", "kinds": "Filter lists", "years": "Filter lists"}


class AppKeys(App[None]):
    """Help for every key, grouped by where it applies, and Ctrl+C that quits."""

    def help_sections(self) -> list[tuple[str, list[BindingType]]]:
        """Every binding of the explorer, grouped by where it applies (`explorer_keys`)."""
        from tui.screens.help import explorer_keys  # opened on a key, so not at start

        return explorer_keys(list(self.BINDINGS))

    async def action_interrupt(self) -> None:
        """ctrl+c: quit, except in a text box, where it says how to leave it first."""
        if isinstance(self.focused, Input):
            self.notify("In a text box ctrl+c copies: Esc leaves it, then ctrl+c or q quits.",
                        markup=False)
            return
        await self.action_quit()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's commands, with the explorer's help (`?`) for its key panel."""
        return with_own_help(super().get_system_commands(screen), self.action_help)

    def action_help(self) -> None:
        """Show every key (does nothing when help is already open)."""
        from tui.screens.help import HelpScreen  # imported when first asked for

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_sections(), self._help_section_here()))

    def _help_section_here(self) -> str | None:
        """The help section of the keys where `?` was pressed: the article view's, a
        pane's (the explorer's own come first anyway)."""
        from tui.screens.article import ArticleScreen

        if isinstance(self.screen, ArticleScreen):
            return "Article view"
        focused = self.screen.focused
        return None if focused is None else _PANE_SECTIONS.get(focused.id or "")
