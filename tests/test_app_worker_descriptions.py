"""Starting a worker never writes out its arguments.

Textual describes a worker without a `description` by the repr of its arguments,
made on the UI thread as the worker starts. The explorer hands its workers whole
timelines, indexes and what a load left for the next: their repr took seconds at
100,000 events (and a 230 MB string), between a cold start's load and its first
paint.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.app_helpers import screen_text, settle, wait_for, write_data
from tui.app import make_app
from tui.filters import TimelineIndex
from tui.loading.kept import Reuse
from tui.model import Event, Timeline
from tui.opening import Opened, open_folder
from tui.screens.export import ExportRequest, ExportScreen
from tui.searchtext import SearchTexts
from tui.watch import folder_state
from tui.widgets import filter_panel
from tui.widgets.filter_panel import FilterPanel

TUI = Path(__file__).resolve().parent.parent / "tui"


def _worker_starts() -> list[tuple[str, int, ast.expr]]:
    """Every start of a worker in the package: `@work`, `@work(...)` and
    `run_worker(...)`, with its file and line."""
    found: list[tuple[str, int, ast.expr]] = []
    for path in sorted(TUI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for decorator in node.decorator_list:
                    called = decorator.func if isinstance(decorator, ast.Call) else decorator
                    if _name(called) == "work":
                        found.append((path.name, decorator.lineno, decorator))
            elif isinstance(node, ast.Call) and _name(node.func) == "run_worker":
                found.append((path.name, node.lineno, node))
    return found


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")


def test_the_package_has_workers_to_check() -> None:
    assert len(_worker_starts()) >= 5  # the scan finds them: it is not vacuous


@pytest.mark.parametrize(
    ("where", "line", "start"),
    _worker_starts(),
    ids=[f"{name}:{line}" for name, line, _ in _worker_starts()],
)
def test_every_worker_has_a_description(where: str, line: int, start: ast.expr) -> None:
    keywords = {k.arg for k in start.keywords} if isinstance(start, ast.Call) else set()
    assert "description" in keywords, f"{where}:{line}: a worker started without a description"


def _count_reprs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every repr of a model, an index or a load's leavings from now on, by class name."""
    written_out: list[str] = []
    for kind in (Timeline, Event, Opened, Reuse, TimelineIndex, SearchTexts, ExportRequest):
        def noting(self: object, kind: type = kind) -> str:
            written_out.append(kind.__name__)
            return f"<{kind.__name__}>"

        monkeypatch.setattr(kind, "__repr__", noting)
    return written_out


async def test_a_cold_start_writes_out_none_of_its_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = write_data(tmp_path)
    seen = folder_state(data)
    opened = open_folder(data, freeze=False)
    assert opened.unwritten is not None and opened.reuse is not None  # a cold load
    written_out = _count_reprs(monkeypatch)
    counted = _counts_in_a_worker(monkeypatch)
    app = make_app(data, timeline=opened.timeline, unstored=(opened, seen))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "Korean War" in screen_text(app)
        await pilot.press("a", "j", "space")  # facet counts: a worker given the index
        await settle(pilot)
    assert written_out == []
    assert counted  # the counts were worked out in a worker


async def test_a_session_writes_out_none_of_its_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold start, filters, a search, an export and a live reload: workers all
    (the store, the watcher, the facet counts, the export), none described by repr."""
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setenv("HOME", str(out))
    data = write_data(tmp_path)
    seen = folder_state(data)
    opened = open_folder(data, freeze=False)
    written_out = _count_reprs(monkeypatch)
    counted = _counts_in_a_worker(monkeypatch)
    app = make_app(data, timeline=opened.timeline, unstored=(opened, seen))
    app.reload_interval = 0.05
    # Textual writes out a callback it drops (`on_callback` with no screen): do so
    # for every one, as if each were dropped.
    call_later = app.call_later

    def writing_out(callback: Callable[..., object], *args: object, **kwargs: object) -> bool:
        repr(functools.partial(callback, *args, **kwargs))
        return call_later(callback, *args, **kwargs)

    monkeypatch.setattr(app, "call_later", writing_out)
    events = data / "events.yaml"
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a", "j", "space", "escape", "slash", "k", "o", "enter")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("enter")
        await wait_for(pilot, lambda: (out / "timeline-export.json").exists())
        text = events.read_text(encoding="utf-8")
        events.write_text(text.replace("title: Treaty signed", "title: Treaty renewed"),
                          encoding="utf-8")
        await wait_for(
            pilot, lambda: app.timeline.event_by_id["treaty"].title == "Treaty renewed"
        )
        await settle(pilot)
    assert written_out == []
    assert counted


def _counts_in_a_worker(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Facet counts always worked out in their worker (small data counts them at
    once); the list fills as each such worker starts."""
    monkeypatch.setattr(filter_panel, "INLINE_COUNT_COST", -1)
    ran: list[bool] = []
    count = FilterPanel._count

    def noting(panel: FilterPanel, *args: object) -> object:
        ran.append(True)
        return count(panel, *args)

    monkeypatch.setattr(FilterPanel, "_count", noting)
    return ran
