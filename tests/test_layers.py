"""The model is a headless core: importing and using it never loads Textual."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "tui"
UI_PREFIXES = ("tui.app", "tui.screens", "tui.widgets", "tui.palette", "tui.terminal_driver")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


ALL_MODULES = sorted(_module_name(p) for p in PACKAGE.rglob("*.py"))
# Everything but the explorer's UI; the command line is a view, but it must run
# without Textual too (it opens the explorer lazily).
MODEL_MODULES = [m for m in ALL_MODULES if not m.startswith(UI_PREFIXES) and m != "tui.__main__"]


def test_model_and_cli_never_import_textual() -> None:
    code = (
        "import sys\n"
        f"for name in {MODEL_MODULES!r}:\n"
        "    __import__(name)\n"
        "from tui.load import load_timeline\n"
        "from tui.filters import Filter, TimelineIndex\n"
        "from tui.export import FORMATS\n"
        "timeline = load_timeline()\n"
        "index = TimelineIndex.build(timeline)\n"
        "for fmt in FORMATS.values():\n"
        "    fmt.render(timeline, index.select(Filter(search='kim')))\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_no_model_module_imports_the_ui() -> None:
    """The UI imports the model, never the reverse (read from the source, not run)."""
    ui = ("textual", "rich", *UI_PREFIXES)
    model_files = [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if _module_name(path) in MODEL_MODULES and path.name != "cli.py"
    ]
    assert len(model_files) >= 20
    for path in model_files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(ui), f"{path.name} imports {name}"


def _imports(path: Path) -> set[str]:
    """The `tui` modules a source file imports (at any level, read with `ast`)."""
    found: set[str] = set()
    package = (
        _module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else (_module_name(path))
    )
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names}
    return {name for name in found if name in ALL_MODULES}


def test_there_is_no_import_cycle() -> None:
    """Dependencies point one way: no module imports, even through others, its importer."""
    graph = {
        _module_name(path): _imports(path) - {_module_name(path)} for path in PACKAGE.rglob("*.py")
    }
    # A package imports its own modules to re-export them; that is not a cycle back.
    for name, deps in graph.items():
        graph[name] = {d for d in deps if not (d.startswith(name + ".") and name != "tui")}
        if name == "tui":
            graph[name] = set()
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                cycle = [*path[path.index(dep) :], dep]
                raise AssertionError("import cycle: " + " → ".join(cycle))
            if dep not in state:
                visit(dep)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


@pytest.mark.parametrize("module", ALL_MODULES)
def test_every_module_imports_alone(module: str) -> None:
    """Each module imports in a fresh interpreter by itself (no hidden order)."""
    result = subprocess.run(
        [sys.executable, "-c", f"import {module}"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr


def test_the_command_line_imports_no_exporter_until_an_export() -> None:
    # `check` runs after every edit: importing the five exporters (and the filter
    # index they use) cost it about 50 ms.
    code = (
        "import sys\n"
        "import tui.cli\n"
        "print(sorted(m for m in sys.modules if m.startswith(('tui.export', 'tui.filters'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
