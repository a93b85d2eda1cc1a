"""The problems panel: what is wrong with the data the explorer shows.

While the files being edited do not load, the explorer keeps showing the last good
timeline and this panel lists every problem, `FILE:LINE: message` with its hint.
Opened on files that do not load, it shows the entries that do, and lists the
problems here. It is hidden while the data is good.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.datafiles import default_data_dir, shown_folder
from tui.problems import Problem, path_under
from tui.safetext import visible
from tui.widgets.keys import ScrollKeys, move_bindings
from tui.words import counted


def problems_text(
    problems: Sequence[Problem],
    styles: tuple[Style, Style, Style] = (Style(), Style(), Style()),
    *,
    partial: bool = False,
    folder: str = "",
) -> Text:
    """A heading, then each problem as `FILE:LINE: message` and its hint (safe text).

    `partial`: the timeline shown is what loaded of these files, not the last good one.
    `folder`: the data folder as the person named it, FILE shown under it as `check`
    shows it.
    """
    heading, where_style, hint_style = styles
    count = len(problems)
    shown = "the entries that load" if partial else "the last good timeline"
    text = Text(
        f"{counted(count, 'problem')} in the data — showing {shown} "
        f"until {'it is' if count == 1 else 'they are'} fixed"
        + (" (Tab reaches this list; j/k scroll it)" if count > 1 else ""),
        heading,
    )
    for problem in problems:
        file = path_under(folder, problem.file)
        where = f"{file}:{problem.line}" if problem.line is not None else file
        text.append("\n")
        text.append(visible(where), where_style)
        text.append(": " + visible(problem.message))
        if problem.hint:
            text.append("\n    hint: " + visible(problem.hint), hint_style)
    return text


class ProblemsPanel(ScrollKeys, VerticalScroll, can_focus=True):
    """The data's problems, listed under the panes; hidden when there are none.

    Tab reaches it while it is shown, and the moving keys scroll it: at 80×24 only a
    problem or two fit in its ten lines. Its top border is heavy only when it has the
    focus, as a pane's is (without colour, a heavy border says "focused").
    """

    BINDINGS: ClassVar[list[BindingType]] = move_bindings("problems")

    COMPONENT_CLASSES = {"problems--heading", "problems--where", "problems--hint"}

    DEFAULT_CSS = """
    ProblemsPanel {
        height: auto;
        max-height: 10;
        display: none;
        border-top: solid $error;
        padding: 0 1;
        &:focus { border-top: heavy $error; }
        &.-shown { display: block; }
        & > .problems--heading { color: $error; text-style: bold; }
        & > .problems--where { text-style: bold; }
        & > .problems--hint { color: $text-muted; }
    }
    """

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.problems: tuple[Problem, ...] = ()
        self.plain = ""

    def compose(self) -> ComposeResult:
        """One block of text, filled by `show`."""
        yield Static(id="problems-text")

    def show(
        self, problems: Sequence[Problem], *, partial: bool = False, data_dir: Path | None = None
    ) -> None:
        """List `problems`; with none, hide the panel.

        `partial`: the timeline shown is what loaded of the files with `problems`;
        `data_dir`: the folder they were read from, each FILE shown under it as `check`
        shows it (the folder as the person named it)."""
        folder = "" if data_dir is None else shown_folder(
            None if data_dir == default_data_dir() else data_dir
        )
        self.problems = tuple(problems)
        text = (
            problems_text(self.problems, self._styles(), partial=partial, folder=folder)
            if problems
            else Text()
        )
        self.plain = text.plain
        self.query_one("#problems-text", Static).update(text)
        self.set_class(bool(problems), "-shown")

    def _styles(self) -> tuple[Style, Style, Style]:
        heading, where, hint = (
            self.get_component_rich_style(c)
            for c in ("problems--heading", "problems--where", "problems--hint")
        )
        return heading, where, hint
