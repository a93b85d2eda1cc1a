"""The tagged text as `timeline tag --format text` shows it: each expression marked and
numbered in the text ("⟦on Saturday⟧¹")."""

from __future__ import annotations

from collections.abc import Iterator

from tui.dates.tagger import Tag
from tui.safetext import visible_block


def marked_text(text: str, tags: list[Tag]) -> str:
    """The text with each expression marked and numbered: "⟦on Saturday⟧¹"."""
    pieces = []
    number = 0
    for piece, tag in iter_marked(text, tags):
        if tag is None:
            pieces.append(piece)
        else:
            number += 1
            pieces.append(f"⟦{piece}⟧{_superscript(number)}")
    return visible_block("".join(pieces))


def _superscript(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def iter_marked(text: str, tags: list[Tag]) -> Iterator[tuple[str, Tag | None]]:
    """The text in pieces: plain runs (None) and expressions (their tag)."""
    at = 0
    for tag in tags:
        if tag.start > at:
            yield text[at : tag.start], None
        yield text[tag.start : tag.end], tag
        at = tag.end
    if at < len(text):
        yield text[at:], None
