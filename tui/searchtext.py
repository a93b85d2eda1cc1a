"""The search texts of a timeline's events, kept as one buffer.

A string per event costs about 50 bytes of header each, and a single non-ASCII
character makes a string four bytes a character; `SearchTexts` keeps every
event's case-folded text in one UTF-8 buffer (events separated by a NUL byte,
which no search text contains) with an array of where each starts. A substring
of valid UTF-8 can only match at character boundaries, so searching the bytes
finds exactly what searching the strings would.

Every test of an event's text runs in C: `map` over `bytes.find` with the
event's bounds, never a Python loop. `hits` answers a needle for every event at
once as a bitset (`tui.bitsets`) and keeps the last few answers: a needle typed
on from one of them (`ko` after `k`) only tests the events that one matched, and
going back (Backspace) finds its answer kept.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import compress, repeat

from tui import bitsets

SEPARATOR = b"\0"
SAMPLE = 64  # events tried first, to tell a rare text from a common one
SPARSE = 8  # fewer than one in this many of them hold it: scan for it instead
KEPT = 32  # needles whose answers are kept
_MISSING = -1  # what `bytes.find` answers when the text does not hold the needle


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
        self._ends = memoryview(starts)[1:]  # where each event's text stops (its NUL)
        # Needle → bitset of the events holding it. Replaced whole, never changed
        # in place, so a reader on another thread sees an old or a new answer.
        self._hits: dict[str, int] = {}

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
        if isinstance(positions, range) and positions.step == 1 and len(positions) > SAMPLE:
            sample = range(positions.start, positions.start + SAMPLE)
            hits = self._holding(pattern, sample)
            if len(hits) * SPARSE < SAMPLE:
                # Rare text: one scan of the buffer, jumping to the next event after
                # each hit, so the cost follows the matches, not the events.
                return hits + self._scan(pattern, sample.stop, positions.stop)
        return self._holding(pattern, positions)

    def hits(self, needle: str) -> int:
        """The bitset of the events whose text holds `needle`, already case-folded."""
        kept = self._hits
        found = kept.get(needle)
        if found is not None:
            return found
        size = len(self)
        if SEPARATOR.decode() in needle:
            found = 0
        else:
            # The longest kept needle this one extends: only its events can match.
            shorter = max((k for k in list(kept) if needle.startswith(k)), key=len, default=None)
            within: Sequence[int] = range(size)
            if shorter is not None:
                within = bitsets.positions(kept.get(shorter, bitsets.everything(size)), size)
            found = self._hits_within(needle.encode("utf-8", "surrogatepass"), within)
        if len(kept) >= KEPT:
            kept.pop(next(iter(kept), ""), None)
        kept[needle] = found
        return found

    def _hits_within(self, pattern: bytes, within: Sequence[int]) -> int:
        """The bitset of the events of `within` (ascending, holding every match)
        whose text holds `pattern`."""
        size = len(self)
        sample = within[:SAMPLE]
        hits = self._holding(pattern, sample)
        if len(within) * 4 > size and len(within) > SAMPLE and len(hits) * SPARSE < SAMPLE:
            # Rare text among many events: one scan of the buffer costs less than a
            # test per event. Events outside `within` cannot match, so it is exact.
            hits += self._scan(pattern, sample[-1] + 1, size)
            return bitsets.from_positions(hits, size)
        if len(within) * 2 > size:
            # Testing every event, bounds read in order, costs less than looking up
            # more than half of them; events outside `within` cannot match.
            found = map(self._data.find, repeat(pattern), self._starts[:size], self._ends)
            return bitsets.from_flags(bytes(map(_MISSING.__ne__, found)))
        return bitsets.from_positions(self._holding(pattern, within), size)

    def _holding(self, pattern: bytes, positions: Sequence[int]) -> list[int]:
        """The `positions` whose text holds `pattern`, each tested by `bytes.find` in C."""
        starts, ends = self._starts, self._ends
        if isinstance(positions, range) and positions.step == 1:
            low, high = positions.start, positions.stop
            found = map(self._data.find, repeat(pattern), starts[low:high], ends[low:high])
        else:
            found = map(
                self._data.find,
                repeat(pattern),
                map(starts.__getitem__, positions),
                map(ends.__getitem__, positions),
            )
        return list(compress(positions, map(_MISSING.__ne__, found)))

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
