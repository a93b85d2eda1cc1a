"""Counts in words: "1 event", "2 events", as every view and message says them."""

from __future__ import annotations

_IRREGULAR = {"century": "centuries", "half": "halves"}


def counted(count: int, noun: str) -> str:
    """`count` and `noun`, the noun plural unless the count is one ("0 events")."""
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {_IRREGULAR.get(noun, noun + 's')}"
