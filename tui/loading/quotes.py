"""Finding a quote in its article: white space folded for the search, offsets kept.

A quote in the data may be wrapped or spaced differently from the article; it is
found with every run of white space folded to one space, and its offsets point
back into the article's own text, whose bytes are what every view shows.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from itertools import accumulate

_WORD = re.compile(r"\S+")


class FoldedText:
    """An article's text with runs of white space folded to one space.

    Keeps where each word of the folded text starts in the original, so a quote
    found in the folded text can be highlighted in the original. Built on the
    first search: a load that reuses every event of an article never needs it.
    """

    def __init__(self, text: str) -> None:
        self.original = text
        self._text: str | None = None
        self._original_starts: list[int] = []
        self._folded_starts: list[int] = []

    @property
    def text(self) -> str:
        """The folded text: every run of white space one space, no space at the ends."""
        if self._text is None:
            original = self.original
            self._original_starts = [m.start() for m in _WORD.finditer(original)]
            words = original.split()  # the words _WORD finds, split in C
            if len(words) != len(self._original_starts):  # never seen; but offsets must hold
                words = _WORD.findall(original)
            self._folded_starts = list(accumulate((len(w) + 1 for w in words[:-1]), initial=0))
            self._text = " ".join(words)
        return self._text

    def _original_offset(self, folded: int) -> int:
        """Original offset of the character at `folded` (which is not a space)."""
        word = bisect_right(self._folded_starts, folded) - 1
        return self._original_starts[word] + folded - self._folded_starts[word]

    def find(self, quote: str) -> tuple[int, int] | None:
        """Original (start, end) offsets of `quote`, white space folded; None if absent."""
        return self.find_folded(fold_space(quote))

    def find_folded(self, needle: str) -> tuple[int, int] | None:
        """Like `find`, for a quote already folded with `fold_space`."""
        if not needle:
            return None
        at = self.text.find(needle)
        if at < 0:
            return None
        # A folded needle starts and ends with a non-space, so both ends are in words.
        return self._original_offset(at), self._original_offset(at + len(needle) - 1) + 1

    def closest_passage(self, quote: str) -> str:
        """The passage of the article most like `quote`, for a hint."""
        needle = fold_space(quote)
        sentences = [
            s
            for s in re.split(r"(?<=[.!?])\s+|(?<=[.!?][”\"’])\s+|\n+", self.original)
            if s.strip()
        ]
        if not sentences:
            return ""
        best = max(
            sentences,
            key=lambda s: difflib.SequenceMatcher(None, needle, fold_space(s)).ratio(),
        )
        best = fold_space(best)
        return best if len(best) <= 160 else best[:157] + "..."


def fold_space(text: str) -> str:
    """Collapse every run of white space to one space and strip the ends."""
    return " ".join(text.split())  # str.split is several times faster than a regex here
