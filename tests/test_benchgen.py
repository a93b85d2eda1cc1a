"""The benchmark's data generator: both shapes load with no problem, the wide one
has the shape it promises, and the same seed gives the same files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.benchgen import generate_shape
from tests.benchgen_wide import WIDTH
from tui.load import load_timeline


def _files(root: Path) -> dict[str, bytes]:
    files = sorted(p for p in root.rglob("*") if p.is_file())
    return {str(p.relative_to(root)): p.read_bytes() for p in files}


@pytest.mark.parametrize("shape", ["narrow", "wide"])
def test_generated_data_loads_without_a_problem(tmp_path: Path, shape: str) -> None:
    timeline = load_timeline(generate_shape(shape, tmp_path, 300, seed=3))
    assert len(timeline.events) == 300


def test_the_wide_shape_is_wrapped_future_heavy_and_refers(tmp_path: Path) -> None:
    data_dir = generate_shape("wide", tmp_path, 600, seed=1)
    timeline = load_timeline(data_dir)
    seeds = list((tmp_path / "seeds").iterdir())
    assert len(seeds) == 200
    assert all(len(line) <= WIDTH for s in seeds for line in s.read_text().splitlines())
    assert all(3500 <= s.stat().st_size <= 6000 for s in seeds)
    quotes = [s.quote for e in timeline.events for s in e.sources]
    assert 1.6 <= len(quotes) / len(timeline.events) <= 2.0
    future = sum(1 for q in quotes if re.search(r"\bwill\b", q)) / len(quotes)
    assert 0.2 <= future <= 0.4
    assert any(s.relative_to for e in timeline.events for s in e.sources)
    assert max(len(e.actors) for e in timeline.events) == 5
    assert any("\n" in s.read_text().split("\n\n")[0] for s in seeds)  # hard-wrapped
    years = [a.published.year for a in timeline.articles]
    assert min(years) >= 1990 and max(years) <= 2025


@pytest.mark.parametrize("shape", ["narrow", "wide"])
def test_the_same_seed_gives_the_same_files(tmp_path: Path, shape: str) -> None:
    one = generate_shape(shape, tmp_path / "one", 200, seed=7).parent
    two = generate_shape(shape, tmp_path / "two", 200, seed=7).parent
    assert _files(one) == _files(two)
