"""The export dialog: choose a format and a path, then write the filtered view.

The dialog only asks; the explorer screen writes the file (with the model's
`write_atomically`) and says what happened. When the path exists the dialog asks
once more before it lets the explorer overwrite it. It opens on the file, as a
save prompt does (VisiData's, vim's `:w`): Enter writes the file proposed, in the
folder of the session's last export, else in the home folder — never silently the
current folder; a name typed with another format's extension chooses that format.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from tui.export import FORMATS
from tui.outfile import NotRegularTarget, replaceable_target
from tui.widgets.key_bar import KeyBar
from tui.widgets.keyed_select import KeyedSelect
from tui.widgets.line_input import LineInput

DEFAULT_STEM = "timeline-export"  # for a timeline with no title of its own
STEM_LIMIT = 60  # characters of a title kept in the file name proposed


def export_stem(title: str | None) -> str:
    """The file name proposed for an export of the timeline titled `title`, without
    its extension: "China–North Korea relations" → "china-north-korea-relations"
    (`DEFAULT_STEM` without a title, or one with no Latin letter or digit)."""
    from tui.new_actors import actor_id_for  # an id from a name: the same rule

    stem = actor_id_for(title or "")
    if len(stem) > STEM_LIMIT:
        cut = stem[:STEM_LIMIT + 1].rfind("-")
        stem = stem[:cut] if cut >= STEM_LIMIT // 2 else stem[:STEM_LIMIT]
    return stem.strip("-._") or DEFAULT_STEM


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What the user asked for: a format name, a path, and whether to overwrite."""

    format: str
    path: Path
    overwrite: bool


def default_path(
    format_name: str, directory: Path | None = None, stem: str = DEFAULT_STEM
) -> Path:
    """`<stem>.<ext>` in `directory` (the home folder by default)."""
    return (directory or Path.home()) / (stem + FORMATS[format_name].extension)


class ExportScreen(ModalScreen[ExportRequest | None]):
    """Ask for a format and a path; dismiss with an `ExportRequest` or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the file box would take Enter for itself (and not show it).
        Binding("enter", "export", "Export", priority=True, id="export.go"),
        Binding("escape", "cancel", "Cancel export", id="export.cancel"),
        # Priority: the keys typed after Tab in one burst reach the field it moves to.
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True,
                id="export.next"),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False,
                priority=True, id="export.previous"),
    ]

    DEFAULT_CSS = """
    ExportScreen {
        align: center middle;
        & > Vertical {
            width: 70; max-width: 100%; height: auto;
            border: round $accent; background: $surface; padding: 0 1;
        }
        Label { margin-top: 1; }
        #export-warning { color: $warning; width: 100%; height: auto; }
        Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
        Button { margin-left: 1; }
    }
    """

    def __init__(
        self,
        event_count: int,
        directory: Path | None = None,
        format_name: str = "json",
        stem: str = DEFAULT_STEM,
    ) -> None:
        """`stem` names the file proposed (the timeline's title, made a file name)."""
        super().__init__()
        self.event_count = event_count
        self.stem = stem
        self.directory = directory or Path.home()
        self.initial_format = format_name if format_name in FORMATS else "json"
        self._confirming: Path | None = None  # a path the user agreed to overwrite
        # A path and format the user agreed to, though the name says another format.
        self._confirming_name: tuple[Path, str] | None = None

    def compose(self) -> ComposeResult:
        """Format list, path field, a warning line and the buttons."""
        yield KeyBar()  # the dialog's own keys, over the screen's below it
        with Vertical() as box:
            box.border_title = f"Export {self.event_count} events — Esc to cancel"
            yield Label("Format")
            yield KeyedSelect(
                [(f"{f.name} — {f.description}", f.name) for f in FORMATS.values()],
                value=self.initial_format,
                allow_blank=False,
                id="export-format",
            )
            yield Label("File")
            yield LineInput(
                str(default_path(self.initial_format, self.directory, self.stem)),
                id="export-path",
            )
            yield Label("", id="export-warning", markup=False)  # it shows paths
            with Horizontal():
                yield Button("Cancel", id="export-cancel")
                yield Button("Export", variant="primary", id="export-go")

    def on_mount(self) -> None:
        """Start on the file, its whole name selected: Enter writes it, a name typed
        replaces it (in the folder shown, unless the name has one)."""
        self.query_one("#export-path", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter exports from the file box; on the format list it opens the list."""
        if action == "export":
            return self.focused is not None and self.focused.id == "export-path"
        return True

    def action_export(self) -> None:
        """Enter in the file box: export (or say what is in the way)."""
        self._go()

    @property
    def format_name(self) -> str:
        """The chosen format."""
        return str(self.query_one("#export-format", Select).value)

    @on(Select.Changed, "#export-format")
    def _format_changed(self, message: Select.Changed) -> None:
        path_input = self.query_one("#export-path", Input)
        extension = FORMATS[str(message.value)].extension
        if not path_input.value.strip():  # emptied: the name proposed, in this format
            path_input.value = str(default_path(str(message.value), self.directory, self.stem))
        elif Path(path_input.value).stem == self.stem:  # still ours: it follows the format
            path_input.value = str(Path(path_input.value).with_suffix(extension))
        self._reset_warning()

    @on(Input.Changed, "#export-path")
    def _path_changed(self, message: Input.Changed) -> None:
        self._reset_warning()
        # A name typed with another format's extension chooses that format (the first
        # of those that share it: `.json` is JSON's, and TimelineJS's too).
        suffix = Path(message.value.strip()).suffix.casefold()
        named = [f.name for f in FORMATS.values() if f.extension == suffix]
        select = self.query_one("#export-format", Select)
        if named and select.value not in named:
            select.value = named[0]

    @on(Button.Pressed, "#export-go")
    def _go(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        warning = self.query_one("#export-warning", Label)
        if not raw:
            warning.update("Give a file name.")
            return
        try:
            path = Path(raw).expanduser()
        except RuntimeError:  # "~name/..." for a user there is none of
            warning.update(f"No home folder is known for {raw.split('/', 1)[0]}: "
                           "write ~/ for yours, or the whole path.")
            return
        if not path.is_absolute():
            path = self.directory / path
        try:
            if path.is_dir():
                warning.update(f"{path} is a folder; give a file name.")
                return
            if not path.parent.is_dir():
                warning.update(f"The folder {path.parent} does not exist.")
                return
        except OSError as exc:  # a name too long for the system, say
            warning.update(f"{path.name}: {exc.strerror or exc}")
            return
        extension = FORMATS[self.format_name].extension
        named = (path, self.format_name)
        if path.suffix.casefold() != extension and self._confirming_name != named:
            self._confirming_name = named
            warning.update(
                f"{path.name} does not end in {extension}, as a {self.format_name} file "
                "does. Press Enter or Export again to write it anyway."
            )
            return
        try:  # a device or a FIFO is refused at once, not offered to be overwritten
            replaceable_target(path)
        except NotRegularTarget as exc:
            warning.update(f"{path.name}: {exc.strerror}")
            return
        except OSError:
            pass  # no permission to look, say: the write says what is wrong
        try:
            exists = path.exists()
        except OSError as exc:
            warning.update(f"{path.name}: {exc.strerror or exc}")
            return
        if exists and self._confirming != path:
            self._confirming = path
            warning.update(f"{path.name} exists. Press Enter or Export again to overwrite it.")
            return
        self.dismiss(ExportRequest(self.format_name, path, overwrite=exists))

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)

    def _reset_warning(self) -> None:
        self._confirming = None
        self._confirming_name = None
        self.query_one("#export-warning", Label).update("")
