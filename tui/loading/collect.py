"""Problems found while loading, each bound to its file and, through `At`, its record."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from tui.problems import Problem
from tui.yamlread import line_of

MORE_LINES_NAMED = 5  # of the same problem at several lines, the first few named


def _also(lines: list[int]) -> str:
    """"also at lines 14, 22 and 30", the first few of `lines`, then how many more."""
    named = ", ".join(map(str, lines[:MORE_LINES_NAMED]))
    if len(lines) > MORE_LINES_NAMED:
        return f"also at lines {named} and {len(lines) - MORE_LINES_NAMED} more"
    if len(lines) == 1:
        return f"also at line {named}"
    head, _, last = named.rpartition(", ")
    return f"also at lines {head} and {last}"


@dataclass
class Problems:
    """Every problem found so far, in the order found."""

    items: list[Problem] = field(default_factory=list)

    def add(self, file: str, line: int | None, message: str, hint: str = "") -> None:
        """Record one located problem."""
        self.items.append(Problem(file, line, message, hint))

    def in_file_order(self) -> list[Problem]:
        """The problems of each file together, by line; files in the order first met.

        Checks run in phases (shapes, references, then quotes and dates), but a
        reader fixes a file from top to bottom. The same problem at the same line is
        given once; the same words at several lines (eight sources naming an article
        id that was renamed) once, at the first, naming the other lines.
        """
        rank: dict[str, int] = {}
        for problem in self.items:
            rank.setdefault(problem.file, len(rank))
        # A problem said twice (a field an alias repeats) is said once.
        once = sorted(dict.fromkeys(self.items), key=lambda p: (rank[p.file], p.line or 0))
        lines: dict[tuple[str, str, str], list[int]] = {}
        for problem in once:
            if problem.line is not None:
                lines.setdefault((problem.file, problem.message, problem.hint), []).append(
                    problem.line)
        merged: list[Problem] = []
        for problem in once:
            others = lines.get((problem.file, problem.message, problem.hint), [])
            if len(others) < 2:
                merged.append(problem)
            elif others[0] == problem.line:  # the first of them: said here, once
                merged.append(replace(problem, message=f"{problem.message} ({_also(others[1:])})"))
        return merged

    def at(self, file: str, record: Any, what: str, line: int | None = None) -> At:
        """A collector bound to `record` of `file`, named `what` in messages."""
        return At(self, file, record, what, line)


@dataclass(frozen=True, slots=True)
class At:
    """Adds problems about one record: messages name it, lines come from its fields."""

    problems: Problems
    file: str
    record: Any
    what: str  # "article", "event 'zhao-visit'", "source of event 'zhao-visit'"
    record_line: int | None = None

    def line(self, key: str | None = None) -> int | None:
        """The line of `key` in the record (of the record itself without a key)."""
        if key is None:
            return self.record_line if self.record_line is not None else line_of(self.record)
        return line_of(self.record, key)

    def add(self, key: str | None, message: str, hint: str = "") -> None:
        """A problem on the line of field `key` (None: the record's own line)."""
        self.problems.add(self.file, self.line(key), message, hint)

    def add_at(self, line: int | None, message: str, hint: str = "") -> None:
        """A problem on an explicit line (an item of a list field)."""
        self.problems.add(self.file, line, message, hint)

    def named(self, what: str) -> At:
        """The same record, named differently (once its id is known)."""
        return At(self.problems, self.file, self.record, what, self.record_line)


@dataclass(slots=True)
class SourceRecord:
    """A source whose shape is valid: its values and where to report about it."""

    values: dict[str, Any]
    at: At
