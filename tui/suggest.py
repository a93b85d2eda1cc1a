"""Suggestions for command-line slips: which actor a name may mean, which option was meant.

A name several actors share lists them; a misspelt name or option gets the
closest one; an unknown option is reported with its command's usage.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from typing import NoReturn

from tui.model import Actor

USAGE_EXIT = 2  # the command line's exit code for usage errors


def name_words(text: str) -> list[str]:
    """The words of a name, case-folded, a hyphen counting as a space ("Yo-jong")."""
    return text.replace("-", " ").casefold().split()


def actor_candidates(actors: tuple[Actor, ...], name: str) -> list[Actor]:
    """The actors `name` could mean: those with every word of it in their name or an alias."""
    wanted = name_words(name)
    found = []
    for actor in actors:
        for label in (actor.name, actor.id, *actor.aliases):
            words = name_words(label)
            if wanted and all(w in words for w in wanted):
                found.append(actor)
                break
    return sorted(found, key=lambda a: a.name.casefold())


MAX_IDS_SUGGESTED = 5


def unknown_event_message(event_ids: list[str], event_id: str) -> str:
    """Why `event_id` names no event: the ids it begins (or is part of), else the
    closest id, and where the ids are listed.

    An id is long ("council-votes-to-demolish-and-replace-old-mill-bridge") and
    typed from memory by its first words, which a closeness of letters misses.
    """
    wanted = event_id.casefold()
    found = [i for i in event_ids if i.casefold().startswith(wanted)] if wanted else []
    if not found and len(wanted) >= 3:
        found = [i for i in event_ids if wanted in i.casefold()]
    if not found or len(found) > MAX_IDS_SUGGESTED:
        found = difflib.get_close_matches(event_id, event_ids, n=1)
    if len(found) == 1:
        hint = f"; did you mean '{found[0]}'?"
    elif found:
        hint = "; did you mean one of " + ", ".join(f"'{i}'" for i in sorted(found)) + "?"
    else:
        hint = ""
    return f"unknown event '{event_id}'{hint} (`timeline list --ids` shows the ids)"


def unknown_actor_message(actors: tuple[Actor, ...], name: str) -> str:
    """Why `name` names no actor: the candidates it may mean, or the closest name."""
    candidates = actor_candidates(actors, name)
    if len(candidates) > 1:
        listed = ", ".join(f"'{a.name}'" for a in candidates)
        return f"'{name}' is ambiguous; it could be {listed}"
    if not candidates:  # a misspelt word: the actors with the closest word instead
        words = {w for a in actors for label in (a.name, *a.aliases) for w in name_words(label)}
        close_words = difflib.get_close_matches(name.casefold(), sorted(words), n=1, cutoff=0.75)
        if close_words:
            candidates = actor_candidates(actors, close_words[0])
    if len(candidates) > 1:
        listed = ", ".join(f"'{a.name}'" for a in candidates)
        return f"unknown actor '{name}'; did you mean one of {listed}?"
    if candidates:
        return f"unknown actor '{name}'; did you mean '{candidates[0].name}'?"
    labels = {label: a.name for a in actors for label in (a.name, *a.aliases)}
    close = difflib.get_close_matches(name, list(labels), n=1, cutoff=0.6)
    if close:
        return f"unknown actor '{name}'; did you mean '{labels[close[0]]}'?"
    if len(actors) <= 12:
        return f"unknown actor '{name}'; known actors: " + ", ".join(sorted(set(labels.values())))
    return f"unknown actor '{name}'; `timeline list` names the actors of each event"


def command_parser(
    parser: argparse.ArgumentParser, command: str | None
) -> argparse.ArgumentParser:
    """The parser of `command` (for its usage and options), else the top-level one."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            chosen: argparse.ArgumentParser = action.choices[command]
            return chosen
    return parser


def check_options(parser: argparse.ArgumentParser, argv: list[str]) -> None:
    """Reject a `--option` the command does not know, before anything else is checked."""
    commands: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            commands = dict(action.choices)
    target = parser
    command = None
    for token in argv:
        if token == "--":
            return
        if command is None and token in commands:
            command, target = token, commands[token]
            continue
        if token.startswith("--"):
            known = {o for action in target._actions for o in action.option_strings}
            name = token.split("=")[0]
            if not any(option.startswith(name) for option in known):  # argparse's prefixes
                reject_unknown(parser, command, [token])


def reject_unknown(
    parser: argparse.ArgumentParser, command: str | None, extras: list[str]
) -> NoReturn:
    """Say which argument is unknown, with the command's usage and the closest option."""
    target = command_parser(parser, command)
    first = next((e for e in extras if e.startswith("-")), extras[0])
    options = [o for action in target._actions for o in action.option_strings]
    close = difflib.get_close_matches(first.split("=")[0], options, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]}?" if close else ""
    target.print_usage(sys.stderr)
    target.exit(USAGE_EXIT, f"{target.prog}: error: unrecognized argument: {first}{hint}\n")
