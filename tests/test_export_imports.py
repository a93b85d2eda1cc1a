"""An export imports the module of its own format, not the other exporters'."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tui.export import FORMATS

# After `timeline export --format csv` has written its file (`main` runs in the
# same interpreter, so what it imported can be listed).
_CSV_EXPORT = (
    "import sys\n"
    "from tui.cli import main\n"
    "code = main(['export', '--format', 'csv', '--output', sys.argv[1]])\n"
    "assert code == 0, code\n"
    "print(sorted(m for m in sys.modules if m.startswith(('tui.export', 'tui.present'))))\n"
)


def test_a_csv_export_imports_no_other_exporter(tmp_path: Path) -> None:
    out = f"{tmp_path}/out.csv"
    result = subprocess.run(
        [sys.executable, "-c", _CSV_EXPORT, out],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['tui.export', 'tui.export.common', 'tui.export.csvfmt']"


def test_a_warm_export_reads_no_tense(tmp_path: Path) -> None:
    """Only `check` lints, and the lint reads the tense (about 20 ms of imports that
    every `export`, `list` and `show` paid)."""
    subprocess.run([sys.executable, "-m", "tui", "check"], cwd=ROOT, capture_output=True,
                   timeout=120, check=True)  # the model cached, as a warm start finds it
    code = _CSV_EXPORT.replace(
        "print(sorted(m for m in sys.modules if m.startswith(('tui.export', 'tui.present'))))",
        "print('tui.dates.tense' in sys.modules, 'tui.lint' in sys.modules)",
    )
    result = subprocess.run([sys.executable, "-c", code, f"{tmp_path}/out.csv"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False False"


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_each_format_names_functions_of_its_module(name: str) -> None:
    fmt = FORMATS[name]
    assert fmt.render.__module__ == f"tui.export.{fmt.module}"
    assert fmt.render.__name__ == fmt.render_name
    stream = fmt.stream
    if stream is not None:
        assert (stream.__module__, stream.__name__) == (fmt.render.__module__, fmt.stream_name)
