"""The model is a headless core: importing and using it never loads Textual."""

from __future__ import annotations

import ast
import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.reuse_helpers import copy_shipped
from tui.yamlread import HAVE_FAST_PARSER

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
        # The command line's entry to the explorer opens it (lazily): the one exception.
        if _module_name(path) in MODEL_MODULES and path.name != "cli_explore.py"
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


# What a command that finds its model cached never needs: the loader, YAML, the
# date grammar and rules (about 40 ms of imports); and what only an export needs:
# the exporters and the filter index (about 50 ms).
LOADER_STACK = (
    "tui.load",
    "tui.loading.events",
    "tui.dates.grammar",
    "tui.dates.resolution",
    "yaml",
)
EXPORTERS = ("tui.export", "tui.filters")


def _imported(code: str, watched: tuple[str, ...], env: dict[str, str] | None = None) -> set[str]:
    """Which of the `watched` modules (or their submodules) `code` leaves imported."""
    code += (
        "\nprint(sorted(m for m in sys.modules"
        f" if any(m == w or m.startswith(w + '.') for w in {watched!r})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", "import sys\n" + code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={**os.environ, **(env or {})},
    )
    assert result.returncode == 0, result.stderr
    return set(ast.literal_eval(result.stdout.strip().splitlines()[-1]))


def test_the_command_line_imports_neither_loader_nor_exporter_to_start() -> None:
    assert _imported("import tui.cli", LOADER_STACK + EXPORTERS) == set()


def test_a_command_that_finds_its_model_cached_imports_no_loader(tmp_path: Path) -> None:
    env = {"TIMELINE_CACHE_DIR": str(tmp_path / "cache")}
    listing = "from tui.cli import main\nmain(['list', '--data', 'data'])"
    first = _imported(listing, LOADER_STACK, env)  # nothing cached yet: the loader is needed
    assert "tui.load" in first
    # PyYAML reads a file with its lines, to report a problem: the fast parser
    # reads a valid folder alone.
    assert "yaml" not in first
    assert _imported(listing, LOADER_STACK, env) == set()
    check = listing.replace("'list'", "'check'")
    assert _imported(check, LOADER_STACK + EXPORTERS, env) == set()


# What resolving date words needs, and a load imports only to check a source.
DATE_GRAMMAR = ("tui.loading.sourcecheck", "tui.dates.grammar", "tui.dates.resolution",
                "tui.dates.inquote", "tui.dates.anchoring")  # fmt: skip


def test_check_after_a_title_is_edited_imports_no_date_grammar_nor_pyyaml(tmp_path: Path) -> None:
    """The edited entry's sources are taken as the last load checked them; a source
    edited is checked, with the grammar."""
    folder = copy_shipped(tmp_path)
    env = {"TIMELINE_CACHE_DIR": str(tmp_path / "cache")}
    check = f"from tui.cli import main\nmain(['check', '--data', {str(folder)!r}])"
    assert set(DATE_GRAMMAR) <= _imported(check, DATE_GRAMMAR, env)  # nothing cached yet
    events = folder / "events.yaml"
    text = events.read_text(encoding="utf-8")
    # An event no other event counts from (one that does has those counts resolved again).
    title = "title: Senior Chinese official meets Kim Jong Un in Pyongyang"
    assert text.count(title) == 1
    events.write_text(text.replace(title, title + ", edited"), encoding="utf-8")
    # Nor PyYAML: the edited entry is read by the fast parser, as a first pass reads.
    watched = DATE_GRAMMAR + (("yaml",) if HAVE_FAST_PARSER else ())
    assert _imported(check, watched, env) == set()
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace('date_text: "', 'date_text: "  ', 1), encoding="utf-8")
    assert "tui.loading.sourcecheck" in _imported(check, DATE_GRAMMAR, env)


def test_a_folder_with_a_problem_is_read_again_with_its_lines(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    events = data / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + "  - id: [\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tui", "check", "--data", str(data)],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
        env={**os.environ, "TIMELINE_CACHE_DIR": "off"},
    )
    assert result.returncode != 0
    assert "events.yaml:" in result.stderr and "malformed YAML" in result.stderr


def test_an_export_imports_the_exporters_but_no_loader(tmp_path: Path) -> None:
    env = {"TIMELINE_CACHE_DIR": str(tmp_path / "cache")}
    out = str(tmp_path / "out.csv")
    export = (
        "from tui.cli import main\n"
        f"main(['export', '--format', 'csv', '--data', 'data', '--output', {out!r}, '--force'])"
    )
    _imported(export, (), env)  # fills the cache
    loaded = _imported(export, LOADER_STACK + EXPORTERS, env)
    assert "tui.export.csvfmt" in loaded
    assert not loaded & set(LOADER_STACK)


def test_the_dates_package_gives_each_name_from_its_module_when_asked() -> None:
    import tui.dates

    sources: dict[str, str] = tui.dates._SOURCES  # type: ignore[attr-defined]
    assert sorted(tui.dates.__all__) == sorted(sources)
    for name in tui.dates.__all__:
        assert getattr(tui.dates, name) is getattr(importlib.import_module(sources[name]), name)
    assert set(tui.dates.__all__) <= set(dir(tui.dates))
    with pytest.raises(AttributeError, match="no_such_name"):
        tui.dates.no_such_name  # noqa: B018
    # Showing a date needs neither the grammar nor the rules.
    shown = _imported("from tui.dates import format_span", ("tui.dates",))
    assert shown == {"tui.dates", "tui.dates.explain", "tui.dates.lexicon", "tui.dates.periods"}
