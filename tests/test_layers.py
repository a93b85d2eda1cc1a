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


def test_the_ui_is_importable_and_the_model_does_not_import_it() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import tui.app, sys; print('textual' in sys.modules)"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.stdout.strip() == "True", result.stderr
