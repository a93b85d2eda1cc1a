"""Bitsets, posting lists and kept search hits give what plain sets and loops give.

`tui.bitsets` turns sets of positions into ints and back by whole-buffer tricks,
`Postings` counts large lists by `bit_count` and small ones by one gather, and
`SearchTexts.hits` answers a needle from the answer of a shorter one it extends:
each is checked here against the obvious Python, on what Hypothesis draws, and
the index as a whole against a walk over the events for a run of filters on one
index (so that what one filter leaves kept is exercised by the next), with every
posting list a bitset and with the usual split between bitsets and arrays.
"""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.benchgen import generate
from tests.test_filter_index import bodies_of, filters, reference
from tui import bitsets
from tui.bitsets import Postings
from tui.filters import TimelineIndex
from tui.load import load_timeline
from tui.model import Timeline
from tui.searchtext import KEPT, SAMPLE, SearchTexts


@pytest.fixture(scope="module")
def timeline(tmp_path_factory: pytest.TempPathFactory) -> Timeline:
    root = tmp_path_factory.mktemp("generated")
    return load_timeline(generate(root, 300, seed=5, articles=12, actors=40))


@st.composite
def position_sets(draw: st.DrawFn) -> tuple[int, set[int]]:
    size = draw(st.integers(0, 700))
    if size == 0:
        return 0, set()
    dense = draw(st.booleans())
    found = draw(st.sets(st.integers(0, size - 1), max_size=size if dense else 12))
    return size, found


@given(drawn=position_sets())
def test_a_bitset_holds_its_positions(drawn: tuple[int, set[int]]) -> None:
    size, found = drawn
    bits = bitsets.from_positions(found, size)
    assert bits == sum(1 << p for p in found)
    assert bitsets.positions(bits, size) == tuple(sorted(found))
    marks = bitsets.flags(bits, size)
    assert marks == bytes(1 if p in found else 0 for p in range(size))
    assert bitsets.from_flags(marks) == bits
    assert bitsets.everything(size) == bitsets.from_positions(range(size), size)


@given(data=st.data(), dense=st.sampled_from([1, 4, bitsets.DENSE]))
def test_postings_count_what_a_loop_counts(data: st.DataObject, dense: int) -> None:
    size = data.draw(st.integers(1, 400))
    keys = data.draw(st.lists(st.text("abc", min_size=1, max_size=3), unique=True, max_size=8))
    lists = {
        k: sorted(data.draw(st.sets(st.integers(0, size - 1), max_size=size))) for k in keys
    }
    with mock.patch.object(bitsets, "DENSE", dense):
        postings = Postings(lists, size, list(range(size)))
    selected = data.draw(st.sets(st.integers(0, size - 1)))
    counts = postings.counts(bitsets.from_positions(selected, size))
    assert counts == {k: len(selected.intersection(lists[k])) for k in keys}
    assert list(counts) == keys  # in the order given
    # One key at a time, in any order, an unknown key too.
    count = postings.counter(bitsets.from_positions(selected, size))
    asked = data.draw(st.permutations([*keys, "unknown"]))
    assert {k: count(k) for k in asked} == {**counts, "unknown": 0}
    chosen = data.draw(st.lists(st.sampled_from([*keys, "unknown"]), max_size=3))
    union = set().union(*(lists.get(k, ()) for k in chosen))
    assert postings.union(chosen) == bitsets.from_positions(union, size)
    for k in keys:
        assert list(postings.positions(k)) == lists[k]
        assert postings.length(k) == len(lists[k])
        assert k in postings


def test_small_lists_made_bitsets_are_kept_up_to_a_bound() -> None:
    lists = {n: [n] for n in range(bitsets.CONVERTED + 5)}
    postings = Postings(lists, 200, list(range(200)))
    for n in lists:
        assert postings.bits(n) == 1 << n
    assert len(postings._converted) == bitsets.CONVERTED
    assert postings.bits(0) is postings.bits(0)  # kept again after it was dropped


texts = st.lists(st.text(alphabet="akoé“\0 ", max_size=12), max_size=3 * SAMPLE)
needles = st.text(alphabet="akoé“\0", min_size=1, max_size=4)


@settings(max_examples=150)
@given(events=texts, typed=st.lists(needles, min_size=1, max_size=6))
def test_kept_hits_are_what_a_substring_test_finds(events: list[str], typed: list[str]) -> None:
    joined = SearchTexts(events)
    size = len(events)
    plain = [t.replace("\0", " ") for t in events]
    # Typing a word letter by letter, then Backspace back to its first letter,
    # then other words: each answer from the kept ones, or afresh.
    steps = [w[:i] for w in typed for i in range(1, len(w) + 1)]
    steps += [typed[0][:i] for i in range(len(typed[0]), 0, -1)]
    for needle in steps:
        expected = {i for i, t in enumerate(plain) if needle in t}
        assert joined.hits(needle) == bitsets.from_positions(expected, size), needle
        assert joined.matching(range(size), needle) == sorted(expected)


def test_a_rare_needle_among_many_events_is_found_by_one_scan() -> None:
    events = ["plain"] * (4 * SAMPLE) + ["rare word"] + ["plain"] * SAMPLE
    joined = SearchTexts(events)
    with mock.patch.object(joined, "_first", wraps=joined._first) as first:
        assert joined.hits("rare") == 1 << (4 * SAMPLE)
    # only the sample was tested event by event
    assert [len(call.args[1]) for call in first.call_args_list] == [SAMPLE]


def test_a_needle_most_events_hold_is_typed_on_in_every_event_from_its_first_place() -> None:
    # "k" is in most events, "ko" in one in eight: after "k", each event is searched
    # from where its "k" first occurs, no event looked up on its own; an event
    # without "k" (the last one among them) finds nothing.
    events = [("ko" if n % 8 == 0 else "k") + f" {n}" for n in range(8 * SAMPLE)]
    events += ["none", "", "x ko", "none", ""]
    joined = SearchTexts(events)
    size = len(events)
    assert joined.hits("k").bit_count() == 8 * SAMPLE + 1
    with mock.patch.object(joined, "_goes_on", wraps=joined._goes_on) as goes_on:
        found = joined.hits("ko")
    expected = [*range(0, 8 * SAMPLE, 8), 8 * SAMPLE + 2]
    assert found == bitsets.from_positions(expected, size)
    goes_on.assert_not_called()
    # and typed on from there, the answer is still exact
    assert joined.hits("ko ") == bitsets.from_positions(expected[:-1], size)


def test_a_needle_few_events_hold_is_typed_on_in_those_events_alone() -> None:
    events = [f"plain {n}" for n in range(8 * SAMPLE)]
    events[3] = "a kite and a koala"
    events[40] = "ko"
    joined = SearchTexts(events)
    assert joined.hits("k") == bitsets.from_positions([3, 40], len(events))
    with mock.patch.object(joined, "_goes_on", wraps=joined._goes_on) as goes_on:
        assert joined.hits("ko") == bitsets.from_positions([3, 40], len(events))
    assert [len(call.args[2]) for call in goes_on.call_args_list] == [2]


@settings(max_examples=80)
@given(
    data=st.data(),
    dense=st.sampled_from([1, bitsets.DENSE]),
)
def test_one_index_through_a_run_of_filters_matches_a_walk(
    timeline: Timeline, data: st.DataObject, dense: int
) -> None:
    with mock.patch.object(bitsets, "DENSE", dense):
        index = TimelineIndex.build(timeline)
    _check_filters(timeline, index, data)


def _check_filters(timeline: Timeline, index: TimelineIndex, data: st.DataObject) -> None:
    for _ in range(4):
        filt = data.draw(filters(timeline))
        assert list(index.select(filt)) == reference(timeline, filt)
        counted: dict[str, int] = dict.fromkeys(index.actor_ids, 0)
        for i in reference(timeline, filt, skip="actors"):
            event = timeline.events[i]
            for b in {b for a in event.actors for b in bodies_of(a, timeline.actor_by_id)}:
                counted[b] += 1
        count = index.actor_counter(filt)  # asked in another order than the list's
        assert {a: count(a) for a in reversed(index.actor_ids)} == counted
        assert list(index.actor_counts(filt).items()) == [(a, counted[a]) for a in index.actor_ids]
        kinds = dict.fromkeys(index.kinds, 0)
        for i in reference(timeline, filt, skip="kinds"):
            kinds[timeline.events[i].kind] += 1
        assert index.kind_counts(filt) == kinds
        years: dict[int, int] = {}
        for i in reference(timeline, filt, skip="years"):
            event = timeline.events[i]
            for y in range(event.start.year, event.end.year + 1):
                years[y] = years.get(y, 0) + 1
        assert index.year_counts(filt) == years


def test_search_answers_are_kept_up_to_a_bound() -> None:
    events = [f"<{n}>" for n in range(KEPT + 5)]
    joined = SearchTexts(events)
    for n in range(KEPT + 5):
        assert joined.hits(f"<{n}>") == 1 << n
    assert len(joined._hits) == KEPT
    assert "<0>" not in joined._hits  # the oldest went first
    assert joined.hits("<0>") == 1  # and is worked out again
