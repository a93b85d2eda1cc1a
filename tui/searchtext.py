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
on from the last (`ko` after `k`) is looked for only in the events that one
matched, from where it first occurs in each, and going back (Backspace) finds
its answer kept.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, compress, repeat
from operator import add

from tui import bitsets

SEPARATOR = b"\0"
SAMPLE = 64  # events tried first, to tell a rare text from a common one
SPARSE = 8  # fewer than one in this many of them hold it: scan for it instead
KEPT = 32  # needles whose answers are kept
# At least this share of the events hold a needle: a needle typed on from it is
# searched for in every event, bounds in order, rather than in those looked up.
SEARCH_ALL = 0.4
_MISSING = -1  # what `bytes.find` answers when the text does not hold the needle
_SWAP = bytes.maketrans(b"\0\1", b"\1\0")  # flags turned round


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
        # Needle → bitset of the events holding it. Each answer is an int, never
        # changed once stored: a reader on another thread finds an answer or none
        # (entries are added and the oldest dropped, never rewritten).
        self._hits: dict[str, int] = {}
        self._last: _Found | None = None  # the last needle searched, to type on from

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
                return hits + self._scan(pattern, sample.stop, positions.stop)[0]
        return self._holding(pattern, positions)

    def hits(self, needle: str) -> int:
        """The bitset of the events whose text holds `needle`, already case-folded."""
        kept = self._hits
        found = kept.get(needle)
        if found is not None:
            return found
        last = self._last
        pattern = needle.encode("utf-8", "surrogatepass")
        if SEPARATOR in pattern:
            found = 0
        elif last is not None and last.pattern == pattern:
            found = last.bits
        else:
            if last is not None and pattern.startswith(last.pattern):
                last = self._extend(last, pattern)
            else:
                # The longest kept needle this one extends: only its events can match.
                size = len(self)
                shorter = max((k for k in list(kept) if needle.startswith(k)), key=len,
                              default=None)
                within: Sequence[int] = range(size)
                if shorter is not None:
                    within = bitsets.positions(kept.get(shorter, bitsets.everything(size)), size)
                last = self._first_within(pattern, within)
            self._last = last
            found = last.bits
        if len(kept) >= KEPT:
            bitsets.drop_oldest(kept)
        kept[needle] = found
        return found

    def _extend(self, last: _Found, pattern: bytes) -> _Found:
        """What `last` becomes for `pattern`, which extends its pattern.

        An event holding `pattern` holds the shorter one, and if the shorter one's
        first occurrence goes on with the rest of `pattern`, that is where
        `pattern` first occurs too: one byte read per event, in C. Only the others
        are searched, from just after that first occurrence. When many events
        hold the shorter pattern, looking each of them up costs more than
        searching every event in order (`_search_on`).
        """
        size = len(self)
        if last.bits.bit_count() >= SEARCH_ALL * size:
            return self._search_on(last, pattern)
        events = bitsets.positions(last.bits, size)
        firsts = list(map(last.firsts.__getitem__, events))
        same = self._goes_on(last, pattern, firsts)
        other = same.translate(_SWAP)
        data = self._data
        others = list(compress(events, other))
        found = list(map(
            data.find,
            repeat(pattern),
            map(add, compress(firsts, other), repeat(1)),
            map(self._ends.__getitem__, others),
        ))
        hit = bytes(map(_MISSING.__ne__, found))
        moved = list(compress(others, hit))
        where = list(last.firsts)  # a copy: `last` may still be read by another thread
        deque(map(where.__setitem__, moved, compress(found, hit)), maxlen=0)
        bits = bitsets.from_positions(chain(compress(events, same), moved), size)
        return _Found(pattern, bits, where)

    def _search_on(self, last: _Found, pattern: bytes) -> _Found:
        """`_extend` when many events hold the shorter pattern: every event is
        searched, in C, its bounds read in order, from where the shorter pattern
        first occurs (nothing before it can start `pattern`; where it goes on with
        the rest of `pattern`, the search ends at once). An event without it
        has `_MISSING` (-1) for where it occurs, which `bytes.find` reads as the
        buffer's last byte, the final separator: its search ends at once too,
        finding nothing."""
        found = list(map(self._data.find, repeat(pattern), last.firsts, self._ends))
        return _Found(pattern, bitsets.from_flags(bytes(map(_MISSING.__ne__, found))), found)

    def _goes_on(self, last: _Found, pattern: bytes, firsts: Sequence[int]) -> bytes:
        """A flag per first occurrence of `last.pattern` in `firsts`: 1 where it goes
        on with the rest of `pattern`."""
        data = self._data
        rest = pattern[len(last.pattern):]
        if len(rest) == 1:
            nexts = bytes(map(data.__getitem__, map(add, firsts, repeat(len(last.pattern)))))
            return nexts.translate(_equal(rest[0]))
        return bytes(map(data.startswith, repeat(pattern), firsts))

    def _first_within(self, pattern: bytes, within: Sequence[int]) -> _Found:
        """The events of `within` (ascending, holding every match) whose text holds
        `pattern`, and where it first occurs in each."""
        size = len(self)
        events, offsets = self._first(pattern, within[:SAMPLE])
        rare = len(within) > SAMPLE and len(events) * SPARSE < SAMPLE
        if rare and len(within) * 4 > size:
            # Rare text among many events: one scan of the buffer costs less than a
            # test per event. Events outside `within` cannot match, so it is exact.
            more, more_offsets = self._scan(pattern, within[SAMPLE - 1] + 1, size)
        elif len(within) * 2 > size:
            # Testing every event, bounds read in order, costs less than looking up
            # more than half of them; events outside `within` cannot match.
            firsts = list(map(self._data.find, repeat(pattern), self._starts[:size], self._ends))
            return _Found(pattern, bitsets.from_flags(bytes(map(_MISSING.__ne__, firsts))),
                          firsts)
        else:
            more, more_offsets = self._first(pattern, within[SAMPLE:])
        events += more
        offsets += more_offsets
        where = [_MISSING] * size
        deque(map(where.__setitem__, events, offsets), maxlen=0)
        return _Found(pattern, bitsets.from_positions(events, size), where)

    def _holding(self, pattern: bytes, positions: Sequence[int]) -> list[int]:
        """The `positions` whose text holds `pattern`, each tested by `bytes.find` in C."""
        return self._first(pattern, positions)[0]

    def _first(self, pattern: bytes, positions: Sequence[int]) -> tuple[list[int], list[int]]:
        """The `positions` whose text holds `pattern`, and where it first occurs in each."""
        starts, ends = self._starts, self._ends
        if isinstance(positions, range) and positions.step == 1:
            low, high = positions.start, positions.stop
            found = list(map(self._data.find, repeat(pattern), starts[low:high], ends[low:high]))
        else:
            found = list(map(
                self._data.find,
                repeat(pattern),
                map(starts.__getitem__, positions),
                map(ends.__getitem__, positions),
            ))
        hit = bytes(map(_MISSING.__ne__, found))
        return list(compress(positions, hit)), list(compress(found, hit))

    def _scan(self, pattern: bytes, first: int, stop: int) -> tuple[list[int], list[int]]:
        """The events `first` to `stop` (excluded) whose text holds `pattern`, and
        where it first occurs in each."""
        data, starts = self._data, self._starts
        find = data.find
        found: list[int] = []
        offsets: list[int] = []
        at, end = starts[first], starts[stop]
        while True:
            hit = find(pattern, at, end)
            if hit < 0:
                return found, offsets
            event = bisect_right(starts, hit) - 1
            found.append(event)
            offsets.append(hit)
            at = starts[event + 1]


@dataclass(frozen=True, slots=True)
class _Found:
    """The events holding `pattern` (a bitset), and for each, where `pattern` first
    occurs in the buffer (`firsts[i]`, read only for an event in `bits`)."""

    pattern: bytes
    bits: int
    firsts: list[int]


def _equal(byte: int) -> bytes:
    """A `bytes.translate` table giving 1 for `byte` and 0 for every other byte."""
    table = bytearray(256)
    table[byte] = 1
    return bytes(table)
