"""The search texts of a timeline's events, kept as one buffer.

A string per event costs about 50 bytes of header each, and a single non-ASCII
character makes a string four bytes a character; `SearchTexts` keeps every
event's case-folded text in one UTF-8 buffer (events separated by a NUL byte,
which no search text contains) with an array of where each starts. A substring
of valid UTF-8 can only match at character boundaries, so searching the bytes
finds exactly what searching the strings would.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Sequence

SEPARATOR = b"\0"
SAMPLE = 64  # events tried first, to tell a rare text from a common one
SPARSE = 8  # fewer than one in this many of them hold it: scan for it instead


class SearchTexts:
    """The case-folded search text of every event, joined, with the offsets of each."""

    def __init__(self, texts: Iterable[str]) -> None:
        data = bytearray()
        starts = array("q", [0])
        for text in texts:
            data += text.encode("utf-8", "surrogatepass").replace(SEPARATOR, b" ")
            data += SEPARATOR
            starts.append(len(data))
        self._data = bytes(data)
        self._starts = starts  # event i is _data[_starts[i]:_starts[i + 1] - 1]

    def __len__(self) -> int:
        """The number of events."""
        return len(self._starts) - 1

    def __getitem__(self, position: int) -> str:
        """The search text of the event at `position`."""
        start, end = self._starts[position], self._starts[position + 1] - 1
        return self._data[start:end].decode("utf-8", "surrogatepass")

    @property
    def nbytes(self) -> int:
        """The memory the texts and offsets take, in bytes."""
        return len(self._data) + self._starts.itemsize * len(self._starts)

    def contains(self, position: int, needle: str) -> bool:
        """True when the text of the event at `position` holds `needle` (case-folded)."""
        return bool(self.matching((position,), needle))

    def matching(self, positions: Sequence[int], needle: str) -> list[int]:
        """The `positions` (ascending) whose text holds `needle`, already case-folded."""
        if SEPARATOR.decode() in needle:
            return []
        pattern = needle.encode("utf-8", "surrogatepass")
        data, starts = self._data, self._starts
        find = data.find
        if isinstance(positions, range) and positions.step == 1 and len(positions) > SAMPLE:
            sample = range(positions.start, positions.start + SAMPLE)
            hits = [i for i in sample if find(pattern, starts[i], starts[i + 1] - 1) >= 0]
            if len(hits) * SPARSE < SAMPLE:
                # Rare text: one scan of the buffer, jumping to the next event after
                # each hit, so the cost follows the matches, not the events.
                return hits + self._scan(pattern, sample.stop, positions.stop)
        return [i for i in positions if find(pattern, starts[i], starts[i + 1] - 1) >= 0]

    def _scan(self, pattern: bytes, first: int, stop: int) -> list[int]:
        """The events `first` to `stop` (excluded) whose text holds `pattern`."""
        data, starts = self._data, self._starts
        find = data.find
        found: list[int] = []
        at, end = starts[first], starts[stop]
        while True:
            hit = find(pattern, at, end)
            if hit < 0:
                return found
            event = bisect_right(starts, hit) - 1
            found.append(event)
            at = starts[event + 1]
