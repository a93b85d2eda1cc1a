"""The "did you mean" id for an unknown one, in time that does not grow with the folder.

`difflib.get_close_matches` compares a name with every choice; among 12,000 event
ids one comparison took about a second, so a folder with hundreds of unknown
references took minutes to report them. Here the choices are first narrowed to
those sharing the most letter triples with the name (an index of the triples,
built once per set of choices and kept for the next unknown name), and only those
few are compared by `difflib`, with the same cutoff. A small set is compared whole,
as before.
"""

from __future__ import annotations

import difflib
from collections import Counter
from functools import lru_cache

WHOLE = 200  # at most this many choices: compared whole, as difflib alone would
KEPT = 40  # the choices sharing the most triples with the name, compared by difflib


def nearest(name: str, choices: list[str], cutoff: float) -> str | None:
    """The choice `difflib.get_close_matches` would most likely offer for `name` at
    `cutoff`, or None."""
    if len(choices) <= WHOLE:
        close = difflib.get_close_matches(name, choices, n=1, cutoff=cutoff)
        return close[0] if close else None
    index, common, order = _triples_index(tuple(choices))
    shared: Counter[int] = Counter()
    triples = _triples(name)
    for triple in triples:
        shared.update(index.get(triple, ()))
    if len(shared) < KEPT:
        # Too few choices share a rare triple ("kim-jong" among hundreds of "kim-jong-un-…"):
        # the common triples count too, every one, so that the order of the ids does not
        # decide which are compared (linear in the choices, once for such a name).
        for triple in triples & common.keys():
            shared.update(common[triple])
    # Among those sharing as many, the nearest in length first (difflib's ratio favours
    # them), then in the order of the choices, as difflib keeps them.
    size = len(name)
    kept = sorted(shared, key=lambda n: (-shared[n], abs(len(order[n]) - size), n))[:KEPT]
    close = difflib.get_close_matches(name, [order[n] for n in sorted(kept)], n=1,
                                      cutoff=cutoff)  # fmt: skip
    return close[0] if close else None


def _triples(text: str) -> set[str]:
    """The letter triples of `text`, its ends marked (so that a short id has some)."""
    padded = f"^{text}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


_Index = dict[str, tuple[int, ...]]


@lru_cache(maxsize=4)
def _triples_index(choices: tuple[str, ...]) -> tuple[_Index, _Index, tuple[str, ...]]:
    """Each triple, the choices holding it (by number): those few choices hold, and
    apart those many hold ("-co" of a thousand "-copy-" ids), which tell few apart and
    are looked at only when the others give too few choices."""
    holders: dict[str, list[int]] = {}
    for number, choice in enumerate(choices):
        for triple in _triples(choice):
            holders.setdefault(triple, []).append(number)
    many = max(KEPT, len(choices) // 4)
    rare = {t: tuple(n) for t, n in holders.items() if len(n) <= many}
    common = {t: tuple(n) for t, n in holders.items() if len(n) > many}
    return rare, common, choices
