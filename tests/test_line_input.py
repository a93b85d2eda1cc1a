"""Keys typed in a burst act in a text box in the order typed, bound ones included.

A journalist's trial typed `End C-u /tmp/…/timeline.md` into the export dialog in one
go: Textual's `Input` ran Ctrl+U (a binding) after the letters behind it, and the
export went to a path missing its first letters.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input

from tests.app_helpers import app_for
from tui.screens.export import ExportScreen
from tui.widgets.line_input import LineInput

# (key, character): End, Ctrl+U, "/tmp/x", Ctrl+W, "y", Home, Right, Backspace, "Q".
BURST = [("end", None), ("ctrl+u", None), *((c, c) for c in "/tmp/x.json"),
         ("ctrl+w", None), ("y", "y"), ("home", None), ("right", None), ("right", None),
         ("backspace", None), ("Q", "Q")]
TYPED = "/Qmp/x.y"


def _burst(app: App[None]) -> None:
    """Every key posted at once, as a terminal's read of a burst delivers them."""
    for key, character in BURST:
        app.post_message(events.Key(key, character))


class _Box(App[None]):
    def __init__(self, box: type[Input]) -> None:
        super().__init__()
        self.box = box

    def compose(self) -> ComposeResult:
        yield self.box(value="hello")


@pytest.mark.parametrize(("box", "typed"), [(LineInput, TYPED), (Input, "not as typed")])
async def test_a_burst_of_keys_acts_in_order(box: type[Input], typed: str) -> None:
    """Textual's own box is the control: it does not keep the order (if it ever does,
    this says so, and `LineInput` can go)."""
    app = _Box(box)
    async with app.run_test() as pilot:
        await pilot.pause()
        _burst(app)
        for _ in range(3):
            await pilot.pause()
        value = app.query_one(box).value
        assert (value == TYPED) == (typed == TYPED), value


async def test_the_export_dialogs_path_takes_a_burst_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        path = app.screen.query_one("#export-path", Input)
        assert isinstance(path, LineInput) and path.has_focus  # it opens on the file
        # Shift+Tab and Tab in the burst too: the keys after them reach the box Tab
        # moves back to (a review: they went to the format list it left, and were lost).
        app.post_message(events.Key("shift+tab", None))
        app.post_message(events.Key("tab", "\t"))
        _burst(app)
        for _ in range(3):
            await pilot.pause()
        assert path.has_focus and path.value == TYPED


def test_every_text_box_of_the_explorer_is_a_line_input() -> None:
    """No screen makes Textual's `Input` itself (read from the source)."""
    import ast

    from tests.conftest import ROOT

    made = []
    for path in sorted((ROOT / "tui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id == "Input":
                    made.append(f"{path.name}:{node.lineno}")
            if isinstance(node, ast.ClassDef) and path.name != "line_input.py":
                bases = [b.id for b in node.bases if isinstance(b, ast.Name)]
                if "Input" in bases:
                    made.append(f"{path.name}:{node.lineno} subclasses Input")
    assert made == []
