"""The explorer's problem list: its heading agrees with the number of problems."""

from __future__ import annotations

from tui.problems import Problem
from tui.widgets.problems_panel import problems_text


def test_the_heading_agrees_with_one_problem_and_with_several() -> None:
    one = Problem("events.yaml", 12, "unknown actor 'x'", "did you mean 'y'?")
    assert problems_text([one]).plain.startswith(
        "1 problem in the data — showing the last good timeline until it is fixed\n"
    )
    assert problems_text([one, one]).plain.startswith(
        "2 problems in the data — showing the last good timeline until they are fixed "
        "(Tab reaches this list; j/k scroll it)\n"
    )
