"""Counts in words: "1 event", "2 events", as every view and message says them."""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """`count` and `noun`, the noun plural unless the count is one ("0 events")."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
