"""How far a load has got: what the loader tells, and the line the command line draws."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tests.benchgen import generate
from tests.reuse_helpers import copy_shipped
from tests.test_terminal import run_in_pty
from tui.load import load_reusing
from tui.loadfeedback import LARGE_DATA_BYTES, LoadFeedback
from tui.loading import parallel
from tui.loading.progress import BUILDING, CHECKING, EVERY, LOCATING, PARSING, READING
from tui.problems import DataError
from tui.yamlread import HAVE_FAST_PARSER

Told = list[tuple[str, int, int]]


def _told_while_loading(folder: Path) -> tuple[Told, int]:
    """What a load of `folder` tells its progress, and how many sources it checked."""
    told: Told = []
    timeline, _ = load_reusing(folder, None, lambda *call: told.append(call))
    return told, sum(len(event.sources) for event in timeline.events)


def _stages(told: Told) -> list[str]:
    """The stages in the order they were first told."""
    return list(dict.fromkeys(stage for stage, _, _ in told))


def test_a_load_tells_its_stages_in_order(tmp_path: Path) -> None:
    told, sources = _told_while_loading(copy_shipped(tmp_path))
    assert _stages(told) == [PARSING, READING, CHECKING, BUILDING]
    assert told[-2] == (CHECKING, sources, sources)  # the checking ends told whole
    assert told[-1] == (BUILDING, 0, 0)


@pytest.mark.parametrize("two_cores", [False, True], ids=["one core", "two cores"])
def test_the_counts_of_a_large_load_only_go_up_and_end_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, two_cores: bool
) -> None:
    """Told every `EVERY` entries and sources; on two cores, this process's half scaled,
    never all of it before the other half is back."""
    if two_cores:
        monkeypatch.setattr(parallel, "MIN_SOURCES", 0)
        if not parallel._two_cores_worth_it(1):
            pytest.skip("one core, no fork or other threads here")
    else:
        monkeypatch.setattr(parallel, "MIN_SOURCES", 10**9)
    folder = generate(tmp_path, 2_500, articles=40)
    told, sources = _told_while_loading(folder)
    reading = [done for stage, done, _ in told if stage == READING]
    assert reading == list(range(0, 2_500, EVERY))
    checking = [(done, total) for stage, done, total in told if stage == CHECKING]
    assert {total for _, total in checking} == {sources}
    counts = [done for done, _ in checking]
    assert counts == sorted(counts) and counts[-1] == sources
    assert all(done < sources for done in counts[:-1])
    assert len(counts) >= sources // EVERY // (2 if two_cores else 1)


@pytest.mark.skipif(not HAVE_FAST_PARSER, reason="without the fast parser there is one pass")
def test_a_load_with_problems_tells_that_it_reads_again_for_their_lines(tmp_path: Path) -> None:
    folder = copy_shipped(tmp_path)
    events = folder / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("china", "chnia", 1), "utf-8")
    told: Told = []
    with pytest.raises(DataError):
        load_reusing(folder, None, lambda *call: told.append(call))
    stages = _stages(told)
    assert stages[0] == PARSING
    again = [stage for stage in stages if stage.startswith(LOCATING)]
    assert again and again[0] == f"{LOCATING}: {PARSING}"  # the second pass, told as such
    assert stages.index(again[0]) > stages.index(PARSING)


class _Terminal(io.StringIO):
    """Standard error on a terminal, as far as `LoadFeedback` can tell."""

    def isatty(self) -> bool:
        return True


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _screen(written: str) -> str:
    """What a terminal shows on the line after `written`: each carriage return
    goes back to the line's start and what follows overwrites it."""
    line: list[str] = []
    at = 0
    for char in written.rsplit("\n", 1)[-1]:
        if char == "\r":
            at = 0
            continue
        if at < len(line):
            line[at] = char
        else:
            line.append(char)
        at += 1
    return "".join(line).rstrip()


# (seconds since the load began, stage, done, total) → the line shown after it (None:
# nothing drawn by that call).
STEPS = [
    (0.1, READING, 0, 100, None),  # too soon: a quick load shows nothing
    (0.6, READING, 50, 100, "reading the events: 50%"),
    (0.65, READING, 60, 100, None),  # the same stage, within the redraw interval
    (0.66, CHECKING, 10, 200, "finding quotes and resolving dates: 5%"),  # a new one: at once
    (0.7, CHECKING, 20, 200, None),
    (0.8, CHECKING, 40, 200, "finding quotes and resolving dates: 20%"),
    (0.82, BUILDING, 0, 0, "building the timeline..."),  # shorter: the rest is blanked
]


def test_the_progress_line_is_drawn_late_and_rarely_and_cleared() -> None:
    stream, clock = _Terminal(), _Clock()
    start = clock.now
    with LoadFeedback(stream, clock=clock) as feedback:
        for at, stage, done, total, shown in STEPS:
            clock.now = start + at
            before = stream.getvalue()
            feedback(stage, done, total)
            if shown is None:
                assert stream.getvalue() == before, (at, stage)
            else:
                assert _screen(stream.getvalue()) == shown
    assert _screen(stream.getvalue()) == ""  # cleared on leaving the block
    assert "\x1b" not in stream.getvalue() and "\n" not in stream.getvalue()


def test_the_progress_line_is_cleared_when_the_load_fails() -> None:
    stream, clock = _Terminal(), _Clock()
    with pytest.raises(DataError), LoadFeedback(stream, clock=clock, show_after=0) as feedback:
        feedback(CHECKING, 1, 2)
        assert _screen(stream.getvalue()) == "finding quotes and resolving dates: 50%"
        raise DataError([])
    assert _screen(stream.getvalue()) == ""


def test_nothing_is_written_off_a_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "events.yaml").write_bytes(b"#" * (LARGE_DATA_BYTES + 1))
    stream = io.StringIO()
    with LoadFeedback(stream, show_after=0) as feedback:
        feedback.announce(folder)
        feedback(READING, 1, 2)
    assert stream.getvalue() == ""


@pytest.mark.parametrize(
    ("size", "announced"),
    [(LARGE_DATA_BYTES, False), (LARGE_DATA_BYTES + 1, True), (None, False)],
    ids=["at the limit", "over it", "no events file"],
)
def test_a_large_events_file_is_announced(tmp_path: Path, size: int | None,
                                          announced: bool) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    if size is not None:
        (folder / "events.yaml").write_bytes(b"#" * size)
    stream = _Terminal()
    LoadFeedback(stream).announce(folder)
    said = "of events for the first time (later starts use a cache)...\n"
    assert (said in stream.getvalue()) is announced


def test_a_first_check_of_a_large_folder_shows_its_progress_then_clears_it(
    tmp_path: Path,
) -> None:
    """Through a real (pseudo-)terminal: the announcement, the progress line, then
    the verdict on a line of its own."""
    folder = generate(tmp_path, 11_000)
    assert (folder / "events.yaml").stat().st_size > LARGE_DATA_BYTES
    code, output = run_in_pty(["check", "--data", str(folder)])
    assert code == 0, output[-2000:]
    assert "for the first time (later starts use a cache)..." in output
    assert re.search(r"\rfinding quotes and resolving dates: \d+%", output), output[-2000:]
    verdict = output[output.index("ok: 11000 events"):]
    assert _screen(output[: output.index("ok: 11000 events")]) == ""  # cleared first
    assert "\r" not in verdict.rstrip("\r\n") and "\x1b" not in output
