"""The benchmark's own helpers: editing one title, percentiles, the table's cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench import cell, format_table, size_class
from tests.benchgen import generate_shape
from tests.benchrun import percentile, retitled
from tui.load import load_timeline


@pytest.mark.parametrize("shape", ["narrow", "wide"])
def test_retitled_changes_one_event_title_and_nothing_else(tmp_path: Path, shape: str) -> None:
    data_dir = generate_shape(shape, tmp_path, 120, seed=2)
    events = data_dir / "events.yaml"
    before = load_timeline(data_dir)
    target = before.events[5]
    events.write_text(retitled(events.read_text(encoding="utf-8"), target.id, 'New "title"'),
                      encoding="utf-8")
    after = load_timeline(data_dir)
    changed = [(a.id, b.title) for a, b in zip(before.events, after.events, strict=True)
               if a.title != b.title]
    assert changed == [(target.id, 'New "title"')]


def test_retitled_refuses_an_unknown_event() -> None:
    with pytest.raises(ValueError):
        retitled("events:\n  - id: a\n    title: A\n", "b", "B")


def test_percentiles_interpolate_between_ranks() -> None:
    assert percentile([], 95) is None
    assert percentile([10.0], 95) == 10.0
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0
    assert percentile([float(n) for n in range(1, 21)], 95) == pytest.approx(19.05)


def test_cells_say_whether_a_target_is_met() -> None:
    assert size_class("shipped") == 0 and size_class("10000") == 1 and size_class("100000") == 2
    assert cell(None, 1.0, "s") == "—"
    assert cell(0.42, 0.5, "s") == "0.42 ✓ (≤ 0.5)"
    assert cell(120.4, 100, "ms") == "120 ✗ (≤ 100)"
    table = format_table("wide", [("shipped", {"paint_warm_s": 0.3}), ("10000", {})], [])
    assert "| first paint, warm (s) | 0.30 ✓ (≤ 0.4) | — |" in table


def test_a_pty_session_sees_the_explorer_and_times_a_key(tmp_path: Path) -> None:
    from tests.benchpty import PtySession
    from tests.benchrun import ROOT

    timeline = load_timeline(ROOT / "data")
    marker = timeline.events[0].title[:18]
    env = {"TIMELINE_CACHE_DIR": str(tmp_path / "cache")}
    with PtySession(ROOT / "data", env, cwd=ROOT) as session:
        assert session.wait_for(marker, 60) > session.started
        session.settle(0.5)
        latency = session.press("j", timeout=10)
        assert latency is not None and latency > 0
        assert "▶" in session.text()
        peak = session.close()
    assert peak > 10  # MB: the explorer's own peak, from wait4


def test_output_the_emulator_cannot_read_is_shown_with_the_error(tmp_path: Path) -> None:
    """A sequence the emulator's parser fails on ends the session with its bytes."""
    import sys

    from tests.benchpty import PtyError, PtySession
    from tests.benchrun import ROOT

    code = "import sys, time; print('ready \\x1b[1;2;3;4;5H', flush=True); time.sleep(2)"
    with PtySession(ROOT / "data", {}, cwd=ROOT, argv=[sys.executable, "-c", code]) as session:
        with pytest.raises(PtyError, match=r"ready \\x1b\[1;2;3;4;5H"):
            session.wait_for("never shown", 10)


@pytest.mark.parametrize(
    ("status", "ready"),
    [
        (" All 40 events", True),
        (" North Korea — 36 of 40 events", True),
        (" The first 500 of 100000 events · reading the rest…", False),
        (" All 10000 events · preparing the filters…", False),
        ("", False),
    ],
)
def test_filters_ready_reads_the_status_line(status: str, ready: bool) -> None:
    from tests.benchrun import filters_ready

    screen = "┃ a timeline row ┃\n" + status + "\n⏎ Source / Search"
    assert filters_ready(screen) is ready
