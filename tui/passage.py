"""A passage of an article selected sentence by sentence, as vim's visual mode selects.

The selection starts on one sentence (the anchor) and a cursor moves a sentence
at a time either way; the passage is every sentence from the one to the other,
and its text is the article's own characters from the first sentence's start to
the last one's end (the white space and line breaks between them included), so
it is a quote the loader finds byte for byte.

Plain Python, no Textual.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from tui.dates.sentences import sentence_bounds


@dataclass(frozen=True, slots=True)
class Passage:
    """Sentences `anchor` to `cursor` (either way round) of a text's `sentences`."""

    sentences: tuple[tuple[int, int], ...]
    anchor: int
    cursor: int

    @classmethod
    def at(cls, text: str, offset: int) -> Passage | None:
        """The passage of the one sentence at (or else just after) `offset`; None if
        the text has no sentence there."""
        sentences = tuple(sentence_bounds(text))
        if not sentences:
            return None
        index = max(0, bisect_right([s for s, _ in sentences], offset) - 1)
        if sentences[index][1] <= offset and index + 1 < len(sentences):
            index += 1  # between two sentences: the next one
        return cls(sentences, index, index)

    @property
    def first(self) -> int:
        """The index of the passage's first sentence."""
        return min(self.anchor, self.cursor)

    @property
    def last(self) -> int:
        """The index of the passage's last sentence."""
        return max(self.anchor, self.cursor)

    @property
    def start(self) -> int:
        """The offset where the passage starts."""
        return self.sentences[self.first][0]

    @property
    def end(self) -> int:
        """The offset just after the passage."""
        return self.sentences[self.last][1]

    @property
    def count(self) -> int:
        """How many sentences the passage holds."""
        return self.last - self.first + 1

    @property
    def cursor_span(self) -> tuple[int, int]:
        """The offsets of the sentence the cursor is on (kept in view)."""
        return self.sentences[self.cursor]

    def moved(self, step: int) -> Passage:
        """The cursor `step` sentences on (back when negative), kept within the text."""
        cursor = min(len(self.sentences) - 1, max(0, self.cursor + step))
        return replace(self, cursor=cursor)

    def swapped(self) -> Passage:
        """The same sentences, the cursor at the other end (vim's `o` in visual mode):
        moving it then moves that end, so a passage can shrink from its start."""
        return replace(self, anchor=self.cursor, cursor=self.anchor)

    def quote(self, text: str) -> str:
        """The passage's text: the article's characters, exactly."""
        return text[self.start : self.end]
