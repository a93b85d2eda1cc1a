"""The actors of an event made in the explorer: known ones by id or name, new ones by name.

The event form's actors field takes a comma-separated list. Each entry is an
actor's id (`kim-jong-un`), or its name or an alias as `actors.yaml` spells them
(`Kim Jong Un`, `Kim Jong-un`: case and hyphens do not matter); anything else
written as a name — with a capital letter or a space, as ids never have — is a
new actor, whose id is made from the name (`Park Won-gon` → `park-won-gon`). An
unknown entry written like an id is a slip, not a new actor, and gets a "did you
mean". A new name whose id an actor already has is refused: the curator either
means that actor, or writes the new name so that it makes another id.

Plain Python, no Textual.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from tui.model import Actor
from tui.suggest import actor_candidates, name_words

_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")
_NOT_ID = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class NewActor:
    """An actor to add to actors.yaml: its id (made from the name), name and kind."""

    id: str
    name: str
    kind: str = ""


@dataclass(frozen=True, slots=True)
class ActorEntries:
    """What the actors field says: every actor's id, which are new, what is wrong."""

    ids: tuple[str, ...] = ()
    new: tuple[NewActor, ...] = ()
    problems: tuple[str, ...] = field(default=())
    # For a new name like a known actor's ("Kestle council", "Kestle Town Council"
    # known): a question, not a problem, since it may be another actor.
    similar: tuple[str, ...] = field(default=())


def actor_id_for(name: str) -> str:
    """The id for a new actor named `name`: "Park Won-gon" → "park-won-gon".

    Accents are dropped and apostrophes joined ("People’s Daily" → "peoples-daily"),
    as the ids of actors.yaml are written.
    """
    dashed = re.sub(r"[\u2010-\u2015\u2212]", "-", name)  # "China–North Korea": two words
    ascii_name = unicodedata.normalize("NFKD", dashed).encode("ascii", "ignore").decode()
    joined = re.sub(r"['’`]", "", ascii_name.lower())
    return _NOT_ID.sub("-", joined).strip("-")


def split_entries(text: str) -> tuple[str, ...]:
    """"china, Park Won-gon" → ("china", "Park Won-gon"), without blanks or repeats."""
    seen: dict[str, None] = {}
    for part in text.split(","):
        entry = " ".join(part.split())
        if entry:
            seen.setdefault(entry, None)
    return tuple(seen)


def read_entries(text: str, actors: Sequence[Actor]) -> ActorEntries:
    """The actors field `text` read against the known `actors`."""
    by_id = {a.id: a for a in actors}
    by_name: dict[tuple[str, ...], str] = {}
    for actor in actors:
        for label in (actor.name, *actor.aliases):
            by_name.setdefault(tuple(name_words(label)), actor.id)
    ids: dict[str, None] = {}
    new: list[NewActor] = []
    problems: list[str] = []
    similar: list[str] = []
    for entry in split_entries(text):
        known = entry if entry in by_id else by_name.get(tuple(name_words(entry)))
        if known is not None:
            ids.setdefault(known, None)
            continue
        if _ID.fullmatch(entry):
            close = _closest(entry, sorted(by_id))
            name = " ".join(part.capitalize() for part in entry.split("-"))
            problems.append(
                f"Unknown actor id: {entry}{close} — a new actor is typed by its name "
                f"(e.g. {name})."
            )
            continue
        new_id = actor_id_for(entry)
        if not new_id:
            problems.append(f"“{entry}” makes no id: write the name in Latin letters.")
        elif new_id in by_id:
            taken = by_id[new_id]
            problems.append(
                f"A new actor “{entry}” would take the id {new_id}, which {taken.name} has: "
                f"type {new_id} to mean {taken.name}, or write the new name otherwise."
            )
        elif any(n.id == new_id for n in new):
            problems.append(f"“{entry}” and another new name make the same id, {new_id}.")
        else:
            new.append(NewActor(new_id, entry))
            ids.setdefault(new_id, None)
            like = _known_like(entry, actors)
            if like:
                meant = " or ".join(f"{a.name} ({a.id})" for a in like)
                which = "its name or id" if len(like) == 1 else "the name or id of the one meant"
                similar.append(
                    f"“{entry}” is new: did you mean {meant}? Type {which} to use it."
                )
    return ActorEntries(tuple(ids), tuple(new), tuple(problems), tuple(similar))


LIKE_SHOWN = 3  # known actors named in the question at most


def _known_like(entry: str, actors: Sequence[Actor]) -> list[Actor]:
    """The known actors a new name may mean: those whose name or an alias has every
    word of it ("Kestle council": Kestle Town Council; "Korea": North and South
    Korea), else one whose name or an alias is spelt almost alike ("Kestel Town
    Council"); none for one word in capitals, an acronym ("UN" is no piece of Kim
    Jong Un), or when more than `LIKE_SHOWN` fit (the question would guess).
    """
    import difflib

    words = name_words(entry)
    if len(words) == 1 and entry.isupper():
        return []
    candidates = actor_candidates(tuple(actors), entry)
    if candidates:
        return candidates if len(candidates) <= LIKE_SHOWN else []
    labels = {" ".join(name_words(label)): actor for actor in actors
              for label in (actor.name, *actor.aliases)}
    close = difflib.get_close_matches(" ".join(words), list(labels), n=1, cutoff=0.9)
    return [labels[close[0]]] if close else []


def with_kinds(new: Sequence[NewActor], text: str) -> tuple[tuple[NewActor, ...], str | None]:
    """The new actors with their kinds from `text` (one kind for all, or one each in
    order, comma-separated); the actors and None, or () and what is wrong."""
    # Not `split_entries`: repeats count here ("country, country, organisation").
    kinds = [" ".join(part.split()) for part in text.split(",") if part.strip()]
    if not new:
        return (), None
    if not kinds:
        return (), "Give the kind of the new actor (person, country, media, …)."
    if len(kinds) == 1:
        kinds = kinds * len(new)
    if len(kinds) != len(new):
        return (), f"Give one kind for the new actors, or one for each of the {len(new)}."
    return tuple(NewActor(a.id, a.name, k) for a, k in zip(new, kinds, strict=True)), None


def _closest(entry: str, ids: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(entry, ids, n=1, cutoff=0.5)
    return f" (did you mean {close[0]}?)" if close else ""
