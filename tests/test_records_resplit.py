"""`resplit_records`: the events file cut again from the last cut, where it changed.

Whatever the edit, the cut it gives is the whole file's (`split_records`), or it
gives none and the caller cuts the whole file; the entries it did not look at are
the very strings of the last cut.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.test_records_shaped import _edited_files
from tui.loading.records import Records, resplit_records, split_records

FILE = (
    "# the timeline\n"
    "events:\n"
    "  - id: a\n    title: A\n"
    "  - id: b\n    title: B\n    summary: >-\n      two\n      lines\n"
    "  # a comment between entries\n"
    "  - id: c\n    title: C\n"
    "  - id: d\n    title: D\n"
)


def _cut(text: str) -> Records:
    records = split_records(text)
    assert records is not None
    return records


def _same_strings(new: Records, old: Records, kept: dict[int, int]) -> None:
    """Entry `i` of `new` is entry `kept[i]` of `old`, the same string object."""
    for now, then in kept.items():
        assert new.texts[now] is old.texts[then]


@pytest.mark.parametrize(
    ("edit", "kept"),
    [
        # A title changed in the middle: the entries on either side kept, those
        # after it one line further down or not.
        (lambda t: t.replace("title: B", "title: Bee"), {0: 0, 2: 2, 3: 3}),
        (lambda t: t.replace("title: B\n", "title: B\n    kind: talks\n"), {0: 0, 2: 2, 3: 3}),
        # The first and the last entries changed.
        (lambda t: t.replace("title: A", "title: Ay"), {1: 1, 2: 2, 3: 3}),
        (lambda t: t.replace("title: D", "title: Dee"), {0: 0, 1: 1, 2: 2}),
        # An entry removed, one added in the middle, one added at the end.
        (lambda t: t.replace("  - id: c\n    title: C\n", ""), {0: 0, 1: 1, 2: 3}),
        (lambda t: t.replace("  - id: c\n", "  - id: x\n    title: X\n  - id: c\n"),
         {0: 0, 1: 1, 3: 2, 4: 3}),
        (lambda t: t + "  - id: e\n    title: E\n", {0: 0, 1: 1, 2: 2}),
        # The comment before the entries changed, at the same length: no entry moved.
        (lambda t: t.replace("# the timeline", "# The timeline"), {0: 0, 1: 1, 2: 2, 3: 3}),
        # Nothing changed.
        (lambda t: t, {0: 0, 1: 1, 2: 2, 3: 3}),
    ],
)
def test_an_edit_is_cut_again_only_where_it_changed(edit, kept: dict[int, int]) -> None:  # type: ignore[no-untyped-def]
    before = _cut(FILE)
    new = edit(FILE)
    again = resplit_records(new, before)
    assert again is not None
    assert again == split_records(new)
    _same_strings(again, before, kept)
    # The entries of the last cut that it no longer holds where they stood.
    assert again.replaced == tuple(
        text for i, text in enumerate(before.texts) if i not in kept.values()
    )


@pytest.mark.parametrize(
    "edit",
    [
        lambda t: t.replace("# the timeline\n", ""),  # the first entry moved up
        lambda t: t.replace("events:\n", "events:\n\n"),  # ... or down
        lambda t: t.replace("  - id:", "    - id:"),  # another indentation
        lambda t: t.replace("events:", "happenings:"),  # not an events file
        lambda t: t.replace("title: C", "title: C\nstray: 1"),  # not plainly shaped
        lambda t: t + "stray: 1\n",  # ... at the end
    ],
)
def test_what_it_cannot_cut_so_is_left_to_the_whole_cut(edit) -> None:  # type: ignore[no-untyped-def]
    new = edit(FILE)
    assert resplit_records(new, _cut(FILE)) is None


# Characters that make and break entries, lines and separators.
_PIECES = st.sampled_from(["\n", "  - ", "\n  - ", " ", "-", "#", "\r", "é", "x", ": ", "\n    "])


@st.composite
def _typed_over(draw: st.DrawFn) -> tuple[str, str]:
    """A plainly shaped file, and the same with a few stretches typed over."""
    old = draw(_edited_files())[0]
    new = old
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(new)))
        gone = draw(st.integers(0, 12))
        typed = "".join(draw(st.lists(_PIECES, max_size=4)))
        new = new[:at] + typed + new[at + gone :]
    return old, new


@settings(max_examples=500)
@given(files=st.one_of(_typed_over(), _edited_files()))
@example(files=("events:\n  - id: a\n  - id: b\n", "events:\n  - id: b\n"))
@example(files=("events:\n  - id: a\n  - id: a\n", "events:\n  - id: a\n"))
@example(files=("events:\n  - a\n  - a\n  - a\n", "events:\n  - a\n  - a\n  - a\n  - a\n"))
@example(files=("events:\n  - id: a\n", "events:\n  - id: a\n  - "))
def test_a_cut_again_is_the_whole_files_cut(files: tuple[str, str]) -> None:
    old, new = files
    before = split_records(old)
    if before is None:
        return  # not plainly shaped: nothing is kept from it
    again = resplit_records(new, before)
    if again is not None:
        assert again == split_records(new)


def test_a_load_whose_file_cannot_be_cut_again_cuts_it_whole(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A header line added above the entries moves them all: the re-cut gives up, and the
    load, cutting the whole file instead, still gives a full load's result, lines included."""
    from tests.reuse_helpers import copy_shipped, outcome
    from tui.load import load_reusing

    folder = copy_shipped(tmp_path)
    first = load_reusing(folder, None)[1]
    assert first is not None and first.records is not None
    events = folder / "events.yaml"
    text = events.read_text(encoding="utf-8")
    edited = "# a line added at the top\n" + text.replace("title: ", "title: Edited ", 1)
    assert resplit_records(edited, first.records) is None
    events.write_text(edited, encoding="utf-8")
    reused = outcome(folder, first)
    assert reused[:2] == outcome(folder, None)[:2]
    assert reused[2] is not None and reused[2].records == split_records(edited)
