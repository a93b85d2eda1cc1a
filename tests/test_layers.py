"""The model is a headless core: importing and using it never loads Textual."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

MODEL_MODULES = [
    "tui.model",
    "tui.resolve",
    "tui.yamlread",
    "tui.load",
    "tui.cache",
    "tui.filters",
    "tui.problems",
    "tui.perf",
    "tui.export",
    "tui.cli",
]


def test_model_and_cli_never_import_textual() -> None:
    code = (
        "import sys\n"
        f"for name in {MODEL_MODULES!r}:\n"
        "    __import__(name)\n"
        "from tui.load import load_timeline\n"
        "from tui.filters import Filter, TimelineIndex\n"
        "from tui.export import FORMATS\n"
        "timeline = load_timeline(use_cache=False)\n"
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
    import ast

    ui = ("textual", "rich", "tui.app", "tui.screens", "tui.widgets", "tui.palette")
    package = ROOT / "tui"
    model_files = [
        package / f"{name.split('.', 1)[1].replace('.', '/')}.py"
        for name in MODEL_MODULES
        if (package / f"{name.split('.', 1)[1]}.py").exists()
    ]
    model_files += sorted((package / "export").glob("*.py"))
    # The command line is a view too: it opens the explorer (lazily), so it is not here.
    model_files = [p for p in model_files if p.name != "cli.py"]
    assert len(model_files) >= 12
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
