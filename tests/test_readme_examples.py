"""The README's opening examples are what the commands print on the shipped data.

They drifted once (a start one day off, a count of 2 that was 3): each `$ timeline
list …` example is run and compared line for line, a `| grep WORD` applied as grep
would, and `timeline check`'s verdict compared with its line break taken out.
"""

from __future__ import annotations

import shlex

import pytest

from tests.conftest import ROOT, run_cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _examples() -> list[tuple[str, list[str]]]:
    """(command, printed lines) of the README's first text block, `list` and `check`."""
    block = README.split("```text\n", 1)[1].split("```", 1)[0]
    found = []
    for part in block.split("\n$ ")[0:]:
        command, *printed = part.removeprefix("$ ").split("\n")
        if command.startswith(("timeline list", "timeline check")):
            found.append((command, [line for line in printed if line]))
    return found


@pytest.mark.parametrize(("command", "printed"), _examples(), ids=lambda v: str(v)[:40])
def test_a_readme_example_prints_what_it_shows(command: str, printed: list[str]) -> None:
    words, _, grep = command.partition(" | grep ")
    result = run_cli(*shlex.split(words)[1:])
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if grep in line]
    if words == "timeline check":
        assert " ".join(lines) == " ".join(printed)
    else:
        assert lines == printed


def test_every_example_is_found() -> None:
    assert [command.split()[1] for command, _ in _examples()] == ["list", "list", "check"]


def test_the_status_line_example_is_the_count_the_filter_gives() -> None:
    """"Kim Jong Un AND Xi Jinping — 3 of 40 events", as the explorer's filter counts."""
    from tui.filters import Filter, TimelineIndex
    from tui.opening import open_timeline

    index = TimelineIndex.build(open_timeline(None))
    kept = index.select(Filter(actors=frozenset({"kim-jong-un", "xi-jinping"}), all_actors=True))
    assert f"`Kim Jong Un AND Xi Jinping — {len(kept)} of 40 events`" in README.replace("\n  ", " ")
