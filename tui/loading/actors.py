"""Actors: their shape, then the bodies they act for (a cross-reference)."""

from __future__ import annotations

from typing import Any

from tui.datafiles import ACTORS_FILE
from tui.loading.collect import Problems
from tui.loading.schema import ACTOR, check_shape, read_id, read_values, suggest
from tui.model import Actor
from tui.yamlread import line_of


def load_actors(
    items: list[Any], problems: Problems
) -> tuple[dict[str, Actor], dict[str, int | None]]:
    """Every valid actor, and the line of each declared id (for the unused-actor check)."""
    actors: dict[str, Actor] = {}
    lines: dict[str, int | None] = {}
    acts_for_lines: list[tuple[str, list[tuple[str, int | None]]]] = []
    for i, entry in enumerate(items):
        at = problems.at(ACTORS_FILE, entry, "actor", line_of(items, i))
        if not check_shape(entry, ACTOR, at):
            continue
        aid = read_id(entry, at, lines)
        if aid is None:
            continue
        values = read_values(entry, ACTOR, at.named(f"actor '{aid}'"))
        if values is None:
            continue
        acts_for = values["acts_for"]
        actors[aid] = Actor(
            id=aid,
            name=values["name"],
            kind=values["kind"],
            aliases=tuple(a for a, _ in values["aliases"]),
            acts_for=tuple(a for a, _ in acts_for),
        )
        acts_for_lines.append((aid, acts_for))
    # Cross-references, once every actor is known. An actor written but not valid
    # (a field given twice, say) has its own problem: the actors acting for it are
    # not reported again, one each.
    declared = {str(e["id"]) for e in items if isinstance(e, dict) and e.get("id") is not None}
    for aid, acts_for in acts_for_lines:
        for body, line in acts_for:
            if body not in declared:
                problems.add(
                    ACTORS_FILE,
                    line,
                    f"actor '{aid}' acts for unknown actor '{body}'",
                    suggest(body, list(actors), ACTORS_FILE),
                )
    return actors, lines
