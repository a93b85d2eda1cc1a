"""Sets of event positions as Python ints used as bitsets, and posting lists built on them.

Bit `i` of an int stands for the event at position `i`. Intersections, unions and
sizes (`&`, `|`, `int.bit_count`) then run in C over `n / 8` bytes: at 100,000
events a set is 12.5 KB and `(a & b).bit_count()` takes microseconds, where a
Python loop over the positions would take tens of milliseconds. Going between
the three forms a set takes here (an int, a `bytes` of one 0/1 flag per event,
ascending positions) is done by whole-buffer operations (`bin`, `bytes.translate`,
`int(..., 2)`, `itertools.compress`), never a Python loop over every event.

`Postings` keeps one facet's posting lists (actors, years, kinds): a large list
as a bitset, a small one as an array, since a bitset costs `n / 8` bytes whatever
it holds (2,000 small actors as bitsets would take 25 MB at 100,000 events).
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import compress, repeat
from operator import itemgetter
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")

_TO_FLAGS = bytes.maketrans(b"01", b"\0\1")
_TO_DIGITS = bytes.maketrans(b"\0\1", b"01")
# A posting list this long or longer is kept as a bitset: intersecting and
# counting it then costs about as much as looking up this many flags one by one.
DENSE = 300
# A bitset made from a small posting list (an actor chosen) is kept for reuse;
# at most this many, so that choosing actor after actor does not grow memory.
CONVERTED = 64


def flags(bits: int, size: int) -> bytes:
    """One byte per position below `size`: 1 where `bits` has the bit, else 0."""
    digits = bin(bits)[:1:-1].encode("ascii").translate(_TO_FLAGS)  # lowest bit first
    return digits + bytes(size - len(digits)) if len(digits) < size else digits[:size]


def from_flags(marks: bytes | bytearray) -> int:
    """The bitset of the positions whose byte in `marks` is 1 (every byte 0 or 1)."""
    return int(marks.translate(_TO_DIGITS)[::-1], 2) if marks else 0


def from_positions(positions: Iterable[int], size: int) -> int:
    """The bitset of `positions` (each below `size`)."""
    marks = bytearray(size)
    deque(map(marks.__setitem__, positions, repeat(1)), maxlen=0)  # a loop in C
    return from_flags(marks)


def positions(bits: int, size: int) -> tuple[int, ...]:
    """The positions in `bits`, ascending."""
    count = bits.bit_count()
    if count * 32 >= size:
        return tuple(compress(range(size), flags(bits, size)))
    # Few: jump from one set bit to the next rather than walk every position.
    digits = bin(bits)[:1:-1]
    find = digits.find
    found: list[int] = []
    at = find("1")
    while at >= 0:
        found.append(at)
        at = find("1", at + 1)
    return tuple(found)


def drop_oldest(kept: dict[K, V]) -> None:
    """Forget the entry of `kept` added first, if any.

    Safe while another thread adds to `kept`: `list` reads the keys in one C
    call, where `next(iter(kept))` could see the dict change in between.
    """
    for key in list(kept)[:1]:
        kept.pop(key, None)


def everything(size: int) -> int:
    """The bitset of every position below `size`."""
    return (1 << size) - 1


class Postings(Generic[K]):
    """The posting lists of one facet, each a bitset if large or an array if small.

    Counting how many of a selection's events each key holds costs one `&` and
    `bit_count` per large list, and for all the small ones together a single
    gather of the selection's flags at their positions (an `itemgetter` built
    once, its positions shared int objects), then a `bytes.count` per key.
    """

    def __init__(self, lists: Mapping[K, Sequence[int]], size: int, ints: Sequence[int]) -> None:
        self.size = size
        self._dense: dict[K, int] = {}
        self._sparse: dict[K, array[int]] = {}
        self._bounds: dict[K, tuple[int, int]] = {}
        self._lengths: dict[K, int] = {}
        gathered: list[int] = []
        for key, where in lists.items():
            self._lengths[key] = len(where)
            if len(where) >= DENSE:
                self._dense[key] = from_positions(where, size)
            else:
                self._sparse[key] = array("i", where)
                self._bounds[key] = (len(gathered), len(gathered) + len(where))
                gathered.extend(map(ints.__getitem__, where))
        self._gather: Callable[[bytes], bytes] = _gatherer(gathered)
        # What `counts` costs, in flags gathered: a bitset's `&` and `bit_count`
        # cost about as much as `DENSE` of them at 100,000 events, and reading
        # the selection's flags about one per 10 events.
        self.cost = len(gathered) + (size // 10 if gathered else 0) + len(self._dense) * max(
            1, DENSE * size // 100_000
        )
        self._converted: dict[K, int] = {}

    def __contains__(self, key: object) -> bool:
        return key in self._lengths

    def __iter__(self) -> Iterator[K]:
        return iter(self._lengths)

    def __len__(self) -> int:
        return len(self._lengths)

    def length(self, key: K) -> int:
        """How many positions `key` holds (0 for a key not listed)."""
        return self._lengths.get(key, 0)

    def positions(self, key: K) -> Sequence[int]:
        """The positions `key` holds, ascending."""
        if key in self._sparse:
            return self._sparse[key]
        return positions(self._dense.get(key, 0), self.size)

    def bits(self, key: K) -> int:
        """The bitset of `key`'s positions (empty for a key not listed)."""
        dense = self._dense.get(key)
        if dense is not None:
            return dense
        converted = self._converted.get(key)
        if converted is None:
            converted = from_positions(self._sparse.get(key, ()), self.size)
            if len(self._converted) >= CONVERTED:
                drop_oldest(self._converted)
            self._converted[key] = converted
        return converted

    def union(self, keys: Iterable[K]) -> int:
        """The bitset of the positions any of `keys` holds."""
        found = 0
        for key in keys:
            found |= self.bits(key)
        return found

    def counts(self, selected: int) -> dict[K, int]:
        """For each key, how many of the `selected` positions it holds."""
        marks = self._gather(flags(selected, self.size)) if self._sparse else b""
        count, bounds, dense = marks.count, self._bounds, self._dense
        result: dict[K, int] = {}
        for key in self._lengths:  # in the order the lists were given
            bits = dense.get(key)
            if bits is not None:
                result[key] = (bits & selected).bit_count()
            else:
                low, high = bounds[key]
                result[key] = count(1, low, high)
        return result

    def counter(self, selected: int) -> Callable[[K], int]:
        """How many of the `selected` positions a key holds, one key at a time.

        For a list that shows a few keys at once (the facet lists draw only the
        lines in view): each count costs one `&` and `bit_count` for a large list,
        or a look-up per position for a small one, instead of every key's count.
        """
        dense, sparse = self._dense, self._sparse
        packed = b""

        def count(key: K) -> int:
            nonlocal packed
            bits = dense.get(key)
            if bits is not None:
                return (bits & selected).bit_count()
            where = sparse.get(key)
            if not where:
                return 0
            if not packed:  # the selection's bytes, made once for every small list
                packed = selected.to_bytes((self.size + 7) // 8, "little")
            return sum(packed[p >> 3] >> (p & 7) & 1 for p in where)

        return count

    @property
    def nbytes(self) -> int:
        """About the memory the lists take, in bytes (bitsets, arrays, the gather)."""
        dense = sum((b.bit_length() + 7) // 8 for b in self._dense.values())
        sparse = sum(a.itemsize * len(a) for a in self._sparse.values())
        return dense + sparse + 8 * sum(high - low for low, high in self._bounds.values())


def _gatherer(where: list[int]) -> Callable[[bytes], bytes]:
    """A function from flags to the flags at `where`, in order, done in C."""
    if len(where) >= 2:
        getter = itemgetter(*where)
        return lambda marks: bytes(getter(marks))
    if where:
        (only,) = where
        return lambda marks: marks[only:only + 1]
    return lambda marks: b""
